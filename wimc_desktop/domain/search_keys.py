"""The derived search text of a guest, computed on every write, never typed by hand."""

from __future__ import annotations

from dataclasses import dataclass

from wimc_desktop.domain.contact import phone_digits
from wimc_desktop.domain.names import fold_latin, name_keys


@dataclass(frozen=True, slots=True)
class SearchKeys:
    """The searchable forms of one guest's details."""

    name_pinyin: str
    name_initials: str
    name_latin: str
    phone_digits: str
    search_text: str


def search_keys(name: str, name_en: str, organization: str, title: str, mobile: str,
                email: str, badge_code: str, external_id: str) -> SearchKeys:
    """All derived keys of a guest: pinyin and initials (surname readings), Latin forms..."""
    keys = name_keys(name)
    latin = fold_latin(name_en) if name_en else keys.latin
    digits = phone_digits(mobile)
    parts = (name.lower(), keys.pinyin, keys.initials, latin, fold_latin(organization),
             title.lower(), digits, email.lower(), badge_code.lower(), external_id.lower())
    return SearchKeys(keys.pinyin, keys.initials, latin, digits,
                      "\n".join(p for p in parts if p))
