"""Phones, e-mails, badge codes and header aliases: the rules of a guest list's cells."""

import random

import pytest

from wimc_desktop.domain.badge_codes import (
    ALPHABET,
    has_valid_check,
    is_valid_code,
    new_code,
    normalize_code,
)
from wimc_desktop.domain.contact import mask_email, mask_mobile, normalize_email, normalize_mobile
from wimc_desktop.domain.fields import auto_mapping, field_for_header


@pytest.mark.parametrize(("raw", "stored"), [
    ("13800138000", "13800138000"),
    ("138-0013-8000", "13800138000"),
    ("138 0013 8000", "13800138000"),
    ("+86 138 0013 8000", "13800138000"),
    ("0086-13800138000", "13800138000"),
    ("(025) 8379 2345", "02583792345"),
    ("+49 176 1234 5678", "+4917612345678"),
    ("", ""),
])
def test_phones_are_normalised_to_digits(raw: str, stored: str) -> None:
    assert normalize_mobile(raw) == stored


@pytest.mark.parametrize("raw", ["12345", "1380013800", "23800138000", "138001380001", "abc",
                                 "１３８００１３８０００"])
def test_invalid_phones_are_refused(raw: str) -> None:
    assert normalize_mobile(raw) is None


def test_emails() -> None:
    assert normalize_email(" Li.Na@Example.COM ") == "Li.Na@example.com"
    assert normalize_email("lina@example") is None
    assert normalize_email("no at sign") is None
    assert normalize_email("") == ""


def test_masks() -> None:
    assert mask_mobile("13856785678") == "138****5678"
    assert mask_email("zhang@example.com") == "z***@example.com"


def test_generated_codes_are_unambiguous_and_checked() -> None:
    rng = random.Random(1)
    taken: set[str] = set()
    for _ in range(2000):
        code = new_code("WIMC", taken.__contains__, rng.randrange)
        assert code not in taken
        taken.add(code)
        assert is_valid_code(code) and has_valid_check(code, "WIMC")
        assert not set(code.removeprefix("WIMC-")) & set("01ILO")
    body = next(iter(taken)).removeprefix("WIMC-")
    wrong = ALPHABET[(ALPHABET.index(body[0]) + 1) % len(ALPHABET)] + body[1:]
    assert not has_valid_check("WIMC-" + wrong, "WIMC")


def test_codes_normalise_what_a_scanner_types() -> None:
    assert normalize_code(" wimc-abc 234 ") == "WIMC-ABC234"
    assert not is_valid_code("B 0001")
    assert not is_valid_code("=HYPERLINK(1)")


@pytest.mark.parametrize(("header", "field"), [
    ("姓名", "name"), ("名字", "name"), ("英文名", "name_en"), ("工作单位", "organization"),
    ("单位", "organization"), ("公司", "organization"), ("职务", "title"), ("职称", "title"),
    ("手机", "mobile"), ("手机号码", "mobile"), ("电话", "mobile"), ("邮箱", "email"),
    ("电子邮箱", "email"), ("类别", "category"), ("嘉宾类别", "category"),
    ("参会方式", "attendance"), ("线上/线下", "attendance"), ("胸卡号", "badge_code"),
    ("证件号", "badge_code"), ("国籍", "country"), ("Name", "name"),
    ("Organization", "organization"), ("Company", "organization"), ("Position", "title"),
    ("Title", "title"), ("Mobile", "mobile"), ("Phone", "mobile"), ("E-mail", "email"),
    ("Category", "category"), ("Attendance", "attendance"), ("Badge No.", "badge_code"),
    ("English Name", "name_en"), ("\ufeff姓名", "name"), (" 手机号码 ", "mobile"),
])
def test_headers_map_to_fields(header: str, field: str) -> None:
    assert field_for_header(header) == field


def test_unknown_headers_stay_unmapped() -> None:
    assert auto_mapping(["序号", "姓名", "报到日期"]) == {"name": 1}
