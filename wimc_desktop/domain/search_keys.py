"""The derived search keys of a guest, computed on every write, never typed by hand."""

from __future__ import annotations

from typing import NamedTuple

from wimc_desktop.domain.contact import phone_digits
from wimc_desktop.domain.names import fold_latin, name_keys


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
