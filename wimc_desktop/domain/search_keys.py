"""The derived search keys of a guest, computed on every write, never typed by hand."""

from __future__ import annotations

import re
from typing import NamedTuple

from wimc_desktop.domain.contact import phone_digits
from wimc_desktop.domain.names import (
    COMPOUND_SURNAMES,
    SURNAME_READINGS,
    char_pinyin,
    fold_latin,
    name_keys,
)

_HANZI_ONLY = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]+")


class SearchKeys(NamedTuple):
    """The searchable forms of one guest's name and phone."""

    name_pinyin: str
    name_initials: str
    name_latin: str
    phone_digits: str
    name_sort: str  # the pinyin syllable by syllable: the order of a Chinese list


def search_keys(name: str, name_en: str, mobile: str) -> SearchKeys:
    """Pinyin and initials (with surname readings), the Latin form, the phone's digits."""
    keys = name_keys(name)
    latin = fold_latin(name_en) if name_en else keys.latin
    return SearchKeys(keys.pinyin, keys.initials, latin, phone_digits(mobile), keys.sort)


def name_shorthand(name: str, pinyin: str, initials: str) -> str:
    """The surname in full pinyin and the given name by its initials, as people type a
    name they know: "zhangyh" for 张宇航, "ouyangnn" for 欧阳娜娜. Empty where it adds
    nothing (a one-character given name: "zhangw" is already how "zhangwei" starts) and
    for names that are not all Hanzi. `pinyin` and `initials` are the name's keys."""
    if len(name) < 3 or len(initials) != len(name) or not _HANZI_ONLY.fullmatch(name):
        return ""
    compound = COMPOUND_SURNAMES.get(name[:2])
    head = len(compound) if compound else 1
    if len(name) - head < 2:
        return ""
    surname = "".join(compound) if compound else (SURNAME_READINGS.get(name[0])
                                                   or char_pinyin(name[0]))
    return surname + initials[head:] if pinyin.startswith(surname) else ""
