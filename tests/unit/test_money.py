"""Money: exact parsing of what people type, 元/万元/亿元 display, round trips, exact totals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wimc_desktop.domain.money import (
    MAX_AMOUNT,
    AmountError,
    format_total,
    format_total_en,
    format_wan,
    format_yi,
    format_yuan,
    from_fen,
    needs_confirmation,
    parse_amount,
    to_fen,
)

MAX_FEN = to_fen(MAX_AMOUNT)
fens = st.integers(min_value=0, max_value=MAX_FEN)


@pytest.mark.parametrize(("text", "expected"), [
    ("1234567.89", "1234567.89"), ("1,234,567.89", "1234567.89"), ("5.2亿", "520000000.00"),
    ("3000万", "30000000.00"), ("5.2亿元", "520000000.00"), ("12.5 亿", "1250000000.00"),
    ("536.3亿元", "53630000000.00"), ("53,630,000,000.00", "53630000000.00"),
    ("1.2万亿", "1200000000000.00"), ("3000万元", "30000000.00"), ("88元", "88.00"),
    ("¥1,000", "1000.00"), ("￥ 1,000.5", "1000.50"), ("１２，３４５．６", "12345.60"),
    ("  7  ", "7.00"), ("0.01", "0.01"), ("0", "0.00"), ("0.0000000001亿", "0.01"),
])
def test_parses_what_people_type(text: str, expected: str) -> None:
    assert parse_amount(text) == Decimal(expected)
    assert str(parse_amount(text)) == expected  # always two places


@pytest.mark.parametrize("text", [
    "", "  ", "abc", "5.2亿亿", "1,23,4", "1,2345", ",123", "1.", ".5", "1e5", "1E5", "-5",
    "+5", "nan", "inf", "Infinity", "5.2 亿 元", "5亿3000万", "12.5亿美元", "٣", "1_000",
    "1 000", "0x10", "1.2.3",
])
def test_refuses_malformed_amounts(text: str) -> None:
    with pytest.raises(AmountError, match="not an amount"):
        parse_amount(text)


@pytest.mark.parametrize("text", ["1.001", "0.001", "1.23456789012亿", "0.0000000001万"])
def test_refuses_fractions_of_a_fen(text: str) -> None:
    with pytest.raises(AmountError, match="more precise than a fen"):
        parse_amount(text)


def test_refuses_absurd_sizes() -> None:
    assert parse_amount("9,999,999,999,999.99") == MAX_AMOUNT
    for text in ("10000000000000", "100000亿", "2万亿亿", "9" * 40):
        with pytest.raises(AmountError):
            parse_amount(text)


def test_display() -> None:
    total = Decimal("53630000000.00")
    assert format_yuan(total) == "53,630,000,000.00"
    assert format_yuan(total, unit="元") == "53,630,000,000.00元"
    assert format_wan(total) == "5,363,000.00万元"
    assert format_yi(total) == "536.30亿元"
    assert format_total(total) == "536.30亿元"
    assert format_total(total, sep=" ") == "536.30 亿元"
    assert format_total(Decimal("123456.78")) == "12.35万元"
    assert format_total(Decimal("9999.99")) == "9,999.99元"
    assert format_total(Decimal("0")) == "0.00元"
    assert format_total_en(total) == "53.63 billion yuan"
    assert format_total_en(Decimal("12500000")) == "12.50 million yuan"
    assert format_total_en(Decimal("980")) == "980.00 yuan"
    assert format_yi(Decimal("1234567.89"), places=None) == "0.0123456789亿元"
    assert format_wan(Decimal("1234567.89"), places=None) == "123.456789万元"
    assert format_yi(Decimal("149999999.99")) == "1.50亿元"  # half up, as reports round


def test_needs_confirmation_from_100_yi() -> None:
    assert not needs_confirmation(parse_amount("99.99亿"))
    assert not needs_confirmation(parse_amount("9,999,999,999.99"))
    assert needs_confirmation(parse_amount("100亿"))
    assert needs_confirmation(parse_amount("150亿元"))


def test_fen_conversions() -> None:
    assert to_fen(Decimal("53630000000.00")) == 5_363_000_000_000
    assert from_fen(5_363_000_000_000) == Decimal("53630000000.00")
    assert str(from_fen(1)) == "0.01"
    with pytest.raises(AmountError):
        to_fen(Decimal("0.001"))


@given(fens)
def test_format_then_parse_gives_the_same_fen(fen: int) -> None:
    amount = from_fen(fen)
    for shown in (format_yuan(amount), format_yuan(amount, unit="元"), str(amount),
                  format_yi(amount, places=None), format_wan(amount, places=None)):
        assert to_fen(parse_amount(shown)) == fen, shown


@given(st.lists(fens.map(lambda f: f // 1000), max_size=60))
def test_the_shown_total_is_the_exact_sum(fen_list: list[int]) -> None:
    amounts = [from_fen(f) for f in fen_list]
    total = sum(amounts, Decimal(0))
    assert to_fen(total) == sum(fen_list)
    assert to_fen(parse_amount(format_yuan(total))) == sum(fen_list)
    assert to_fen(parse_amount(format_yi(total, places=None))) == sum(fen_list)


def shown_value(text: str, unit: str) -> Decimal:
    return Decimal(text.removesuffix(unit).replace(",", ""))


@given(fens)
def test_rounded_displays_are_within_half_a_unit(fen: int) -> None:
    amount = from_fen(fen)
    assert abs(shown_value(format_yi(amount), "亿元") * 10**8 - amount) <= 500_000  # 0.005 亿
    assert abs(shown_value(format_wan(amount), "万元") * 10**4 - amount) <= 50  # 0.005 万
