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


def test_names_sort_syllable_by_syllable_as_a_chinese_list() -> None:
    """Joined pinyin puts 程昊磊 (chenghaolei) between 陈彬超 and 陈浩刚; a dictionary, a
    phone's contacts and a clerk put every 陈 (chen) before every 程 (cheng)."""
    names = ["程永东", "陈浩刚", "陈", "程昊磊", "陈彬超", "欧阳娜娜", "区志强", "Jürgen Müller",
             "单田芳", "沙宁"]
    assert sorted(names, key=lambda n: name_keys(n).sort) == [
        "陈", "陈彬超", "陈浩刚", "程昊磊", "程永东", "Jürgen Müller", "欧阳娜娜", "区志强",
        "沙宁", "单田芳"]
    assert name_keys("欧阳娜娜").sort == "ou yang na na"
    assert name_keys("阿卜杜拉·买买提").sort == "a bu du la mai mai ti"
    assert name_keys("Jürgen Müller").sort == "jurgen muller"
    assert search_keys("单田芳", "", "").name_sort == "shan tian fang"


@given(st.text(max_size=60))
def test_any_name_gives_keys_without_raising(name: str) -> None:
    keys = name_keys(name)
    assert keys.pinyin == keys.pinyin.lower() or not keys.pinyin.isascii()
    assert len(keys.initials) <= max(len(name) * 2, 1)
