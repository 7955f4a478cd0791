"""The derived search keys of a guest, computed on every write, never typed by hand."""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import itemgetter
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
    name_shorthand: str  # "zhangyh" for 张宇航 (not stored: the search index's)


class SearchKeyColumns(NamedTuple):
    """The search keys of many guests, column by column (SearchKeys' fields as columns)."""

    name_pinyin: Sequence[str]
    name_initials: Sequence[str]
    name_latin: Sequence[str]
    phone_digits: Sequence[str]
    name_sort: Sequence[str]
    name_shorthand: Sequence[str]


def search_key_columns(names: Sequence[str], names_en: Sequence[str],
                       mobiles: Sequence[str]) -> SearchKeyColumns:
    """The one derivation of the search keys: pinyin and initials (with surname readings),
    the Latin form (the English name's, else the name's), the phone's digits and the sort
    key, and the shorthand (name_shorthand), column by column (the builtins do the per-row
    loops: an import's 100,000 rows). Each distinct name is worked out once: names repeat
    (王伟, 张敏 ...)."""
    keyed = {name: _with_shorthand(name) for name in set(names)}
    keys = list(map(keyed.__getitem__, names))
    pinyin, initials, latin, sort, short = (list(map(itemgetter(i), keys)) for i in range(5))
    if any(names_en):
        latin = [fold_latin(en) if en else own for en, own in zip(names_en, latin, strict=True)]
    # (digits only, or empty: the phone as it is; "".isdigit() is False: each looked at)
    digits = mobiles if "".join(mobiles).isdigit() else list(map(phone_digits, mobiles))
    return SearchKeyColumns(pinyin, initials, latin, digits, sort, short)


def _with_shorthand(name: str) -> tuple[str, str, str, str, str]:
    """A name's keys (names.name_keys) and its shorthand."""
    keys = name_keys(name)
    return (*keys, name_shorthand(name, keys.pinyin, keys.initials) if len(name) > 2 else "")


def search_keys(name: str, name_en: str, mobile: str) -> SearchKeys:
    """The search keys of one guest (a walk-in, an edit): search_key_columns of one row."""
    columns = search_key_columns((name,), (name_en,), (mobile,))
    return SearchKeys(*(column[0] for column in columns))


def name_shorthands(names: Sequence[str], pinyins: Sequence[str],
                     initials: Sequence[str]) -> list[str]:
    """name_shorthand of each name (a name of one or two characters has none)."""
    return [name_shorthand(n, p, i) if len(n) > 2 else ""
            for n, p, i in zip(names, pinyins, initials, strict=True)]


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
