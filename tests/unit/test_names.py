"""Name keys: surname readings, compound surnames, initials, Latin folding."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wimc_desktop.domain.names import fold_latin, name_keys
from wimc_desktop.domain.search_keys import search_keys


@pytest.mark.parametrize(("name", "pinyin", "initials"), [
    ("单田芳", "shantianfang", "stf"),
    ("曾志伟", "zengzhiwei", "zzw"),
    ("解晓东", "xiexiaodong", "xxd"),
    ("欧阳娜娜", "ouyangnana", "oynn"),
    ("区志强", "ouzhiqiang", "ozq"),
    ("查良镛", "zhaliangyong", "zly"),
    ("朴树", "piaoshu", "ps"),
    ("阿卜杜拉·买买提", "abudulamaimaiti", "abdlmmt"),
    ("张乐福", "zhanglefu", "zlf"),
    ("上官泽", "shangguanze", "sgz"),
])
def test_chinese_names_use_the_surname_reading(name: str, pinyin: str, initials: str) -> None:
    keys = name_keys(name)
    assert (keys.pinyin, keys.initials) == (pinyin, initials)


def test_latin_names_fold_case_and_accents() -> None:
    assert name_keys("Jürgen Müller").latin == "jurgen muller"
    assert fold_latin("François Dubois") == "francois dubois"
    assert fold_latin("Søren Ørsted") == "soren orsted"
    assert name_keys("Jürgen Müller").initials == "jm"


def test_search_keys_of_a_guest() -> None:
    keys = search_keys("单田芳", "Shan Tianfang", "+86 138-0013-8000")
    assert (keys.name_pinyin, keys.name_initials, keys.name_latin, keys.phone_digits) == (
        "shantianfang", "stf", "shan tianfang", "13800138000")
    assert search_keys("Jürgen Müller", "", "").name_latin == "jurgen muller"


@given(st.text(max_size=60))
def test_any_name_gives_keys_without_raising(name: str) -> None:
    keys = name_keys(name)
    assert keys.pinyin == keys.pinyin.lower() or not keys.pinyin.isascii()
    assert len(keys.initials) <= max(len(name) * 2, 1)
