"""The column headers registration offices use for a guest's fields (domain.guest_record)."""

from __future__ import annotations

import re

from wimc_desktop.domain.guest_record import GUEST_RECORD, field_names

# Field name -> header aliases (compared after folding: see fold_header), from the record.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {f.name: f.aliases for f in GUEST_RECORD
                                             if f.imported}

GUEST_FIELDS: tuple[str, ...] = tuple(FIELD_ALIASES)  # the fields an import can fill
REQUIRED_FIELDS: tuple[str, ...] = field_names(lambda f: f.required)

_FOLD_JUNK = re.compile(r"[\s_\-.:：*（）()/、]+")


def fold_header(header: str) -> str:
    """A header reduced for comparison: lower case, no spaces or punctuation."""
    return _FOLD_JUNK.sub("", header.strip().lstrip("\ufeff").lower())


_ALIAS_TABLE: dict[str, str] = {
    fold_header(alias): field for field, aliases in FIELD_ALIASES.items() for alias in aliases
}


def field_for_header(header: str) -> str | None:
    """The guest field a column header names, or None when it names none."""
    return _ALIAS_TABLE.get(fold_header(header))


def auto_mapping(headers: list[str]) -> dict[str, int]:
    """Field -> column index for the headers that name a field (first one wins)."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        field = field_for_header(header)
        if field and field not in mapping:
            mapping[field] = index
    return mapping


def header_score(cells: list[str]) -> int:
    """How many cells of a row are known headers: the header row scores highest."""
    return len({f for f in (field_for_header(c) for c in cells if c) if f})
