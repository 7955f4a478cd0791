"""Amounts in Chinese numerals (ordinary and financial forms) and English scale words:
parsed exactly into fen, ambiguous or broken numerals refused with the reason."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wimc_desktop.domain.money import (
    BILLION,
    MAX_AMOUNT,
    MILLION,
    AmountError,
    parse_amount,
    to_fen,
)

MAX_FEN = to_fen(MAX_AMOUNT)
DIGITS = "零一二三四五六七八九"
FINANCIAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")


def section(n: int) -> str:
    """1 <= n < 10,000 in the standard written form (零 for a gap): 一千零五十."""
    text, gap = "", False
    for unit, size in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        digit = n // size % 10
        if digit == 0:
            gap = bool(text)
            continue
        text += ("零" if gap else "") + DIGITS[digit] + unit
        gap = False
    return text


def chinese(n: int) -> str:
    """A whole number in Chinese numerals as written on a contract (the test's own writer)."""
    if n == 0:
        return "零"
    for unit, size in (("亿", 10**8), ("万", 10**4)):
        if n >= size:
            head, tail = divmod(n, size)
            text = chinese(head) + unit
            if tail:
                text += ("零" if tail < size // 10 else "") + chinese(tail)
            return text
    return section(n)


@pytest.mark.parametrize(("text", "expected"), [
    ("1.5 billion", "1500000000.00"), ("2 million", "2000000.00"), ("15 亿", "1500000000.00"),
    ("五亿", "500000000.00"), ("伍亿元", "500000000.00"), ("壹仟贰佰万元", "12000000.00"),
    ("壹仟贰佰万元整", "12000000.00"), ("五亿三千万", "530000000.00"),
    ("两千零五万", "20050000.00"), ("五点二亿", "520000000.00"),
    ("五百三十六点三亿元", "53630000000.00"),
    ("一万五", "15000.00"), ("一千五", "1500.00"), ("十五", "15.00"), ("一百零五", "105.00"),
    ("两百", "200.00"), ("〇", "0.00"), ("一万亿", "1000000000000.00"),
    ("壹万元伍角叁分", "10000.53"), ("叁佰元零捌分", "300.08"), ("萬", None),
    ("53.63 Billion yuan", "53630000000.00"), ("1,500 thousand", "1500000.00"),
    ("0.5 trillion", "500000000000.00"), ("貳億", "200000000.00"),
    ("一亿零五千", "100005000.00"), ("五亿三千万零五", "530000005.00"), ("一亿五", "150000000.00"),
    # Digits with the traditional units (as 貳億 is read) and 整 after 元 (as 伍亿元整 is).
    ("5億", "500000000.00"), ("3000萬", "30000000.00"), ("5.2億元", "520000000.00"),
    ("5亿元整", "500000000.00"), ("1,234,567元整", "1234567.00"), ("5.2萬元整", "52000.00"),
])
def test_numerals_and_scale_words(text: str, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(AmountError, match="out of order"):
            parse_amount(text)
        return
    assert parse_amount(text) == Decimal(expected)
    assert str(parse_amount(text)) == expected


@pytest.mark.parametrize(("text", "reason"), [
    ("一二三", "digit by digit"), ("五五亿", "digit by digit"), ("亿", "out of order"),
    ("十十", "out of order"), ("千万", "out of order"), ("五亿亿", "out of order"),
    ("一万万", "out of order"), ("一千零", "out of order"), ("一千零五百", "out of order"),
    ("百五", "out of order"), ("五点", "out of order"), ("点五", "out of order"),
    ("五点二点三亿", "out of order"), ("三十万亿亿", "out of order"),
    ("5亿三千万", "write it like"), ("五亿美元", "write it like"),
    ("1.5 billions", "write it like"),
    ("billion", "write it like"), ("1.5 bn", "write it like"), ("五亿元整整", "write it like"),
    ("5亿整", "write it like"), ("5整", "write it like"), ("5亿元整整", "write it like"),
    ("-2 million", "write it like"), ("1e3 million", "write it like"),
    # 五亿三千 is 五亿三千万 with the 万 left out (530,000,000) or 五亿零三千 (500,003,000):
    # it read 500,003,000, thirty million yuan from what was most likely said.
    ("五亿三千", "out of order"), ("一亿五千", "out of order"), ("伍亿叁仟元", "out of order"),
    ("一亿二十", "out of order"), ("一万亿五百", "out of order"),
])
def test_ambiguous_or_broken_numerals_are_refused_with_the_reason(text: str,
                                                                   reason: str) -> None:
    with pytest.raises(AmountError, match=f"not an amount.*{reason}"):
        parse_amount(text)


def test_fractions_of_a_fen_and_sizes_are_refused_as_for_digits() -> None:
    with pytest.raises(AmountError, match="more precise than a fen"):
        parse_amount("0.000000000001 billion")
    with pytest.raises(AmountError, match="more precise than a fen"):
        parse_amount("五点二三四五六七八九零一二亿")
    with pytest.raises(AmountError, match="too large"):
        parse_amount("十万亿")
    with pytest.raises(AmountError, match="too large"):
        parse_amount("10 trillion")


def test_the_writer_of_this_test_writes_what_people_write() -> None:
    assert [chinese(n) for n in (15, 105, 1050, 20050000, 530000000, 100000005)] == [
        "一十五", "一百零五", "一千零五十", "二千零五万", "五亿三千万", "一亿零五"]


@given(st.integers(min_value=0, max_value=MAX_FEN // 100))
def test_any_whole_amount_in_chinese_numerals_parses_exactly(yuan: int) -> None:
    text = chinese(yuan)
    assert to_fen(parse_amount(text)) == yuan * 100, text
    assert to_fen(parse_amount(text.translate(FINANCIAL) + "元整")) == yuan * 100, text


@given(st.integers(min_value=0, max_value=MAX_FEN))
def test_any_amount_with_jiao_and_fen_parses_exactly(fen: int) -> None:
    yuan, jiao, cents = fen // 100, fen // 10 % 10, fen % 10
    text = chinese(yuan).translate(FINANCIAL) + "元"
    text += (DIGITS[jiao] + "角" if jiao else "") + (
        ("零" if not jiao else "") + DIGITS[cents] + "分" if cents else "")
    assert to_fen(parse_amount(text.translate(FINANCIAL))) == fen, text


@given(st.integers(min_value=0, max_value=MAX_FEN),
       st.sampled_from([("billion", BILLION), ("million", MILLION),
                        ("thousand", Decimal(1000))]))
def test_any_amount_in_scale_words_parses_exactly(fen: int, scale: tuple[str, Decimal]) -> None:
    word, size = scale
    number = format(Decimal(fen) / 100 / size, "f")
    assert to_fen(parse_amount(f"{number} {word}")) == fen, number
