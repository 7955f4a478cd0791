"""A guest as the search index reads it, and the document the index holds for it.

The document is derived from the guest record (domain.guest_record): the name fields
(SearchAs.NAME) with their pinyin, initials, shorthand and Latin form, the phone's digits
(PHONE), and the text of every SearchAs.TEXT field, each as its own part; the registration
number also whole, found exactly at rank 0. Organisation and title (VALUE) and category
and attendance (TAG) are added as tags by the index (indexing.py), the badge code (CODE)
is looked up in the guest table. A new TEXT field of the record is searchable with no
change here.

Documents are made column by column (`bodies`, `sort_keys`): the builtins do the per-guest
loops, and a column that needs no folding (all Hanzi names, plain e-mail addresses) is
seen to need none by one test of the whole column. A single guest's document
(`document`) is the same derivation on columns of one.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter
from typing import Any, NamedTuple

from wimc_desktop.domain.guest_record import SearchAs, field_names
from wimc_desktop.domain.search_keys import name_shorthands
from wimc_desktop.services.search.forms import (
    END,
    EXTERNAL,
    INITIALS,
    NAME_START,
    PINYIN,
    SEP,
    clean,
    fold,
    name_form,
    pinyin_key,
    separated,
    text_form,
)

TEXT_FIELDS = field_names(lambda f: f.search is SearchAs.TEXT)  # found by their text
EXACT_FIELD = "external_id"  # also found whole, at rank 0 (with the badge code)


class IndexedGuest(NamedTuple):
    """The guest columns a document and its sort key are made of (INDEX_COLUMNS)."""

    id: str
    name: str
    name_pinyin: str
    name_initials: str
    name_latin: str
    phone_digits: str
    organization: str
    title: str
    badge_code: str
    category: str
    attendance: str
    name_sort: str
    external_id: str
    texts: tuple[str, ...]  # the TEXT_FIELDS, in the record's order

    @classmethod
    def of(cls, row: Any) -> IndexedGuest:
        """From any object with the guest's attributes (a GuestRow, a Guest ...)."""
        return cls._make((*(getattr(row, c) for c in cls._fields[:-1]),
                          tuple(getattr(row, f) for f in TEXT_FIELDS)))

    @classmethod
    def from_sql(cls, row: Any) -> IndexedGuest:
        """From a row read as SELECT {INDEX_COLUMNS}."""
        return cls._make((*row[:_FIXED], row[_FIXED:]))


_FIXED = len(IndexedGuest._fields) - 1
INDEX_COLUMNS = ", ".join((*IndexedGuest._fields[:-1], *TEXT_FIELDS))  # as SQL


@dataclass(frozen=True, slots=True)
class IndexedColumns:
    """Guests as the index reads them, column by column: IndexedGuest's fields, each a
    sequence with one value per guest (`texts`: one column per TEXT_FIELDS field)."""

    id: Sequence[str]
    name: Sequence[str]
    name_pinyin: Sequence[str]
    name_initials: Sequence[str]
    name_latin: Sequence[str]
    phone_digits: Sequence[str]
    organization: Sequence[str]
    title: Sequence[str]
    badge_code: Sequence[str]
    category: Sequence[str]
    attendance: Sequence[str]
    name_sort: Sequence[str]
    external_id: Sequence[str]
    texts: tuple[Sequence[str], ...]
    # The names' shorthand where the writer derived it with the keys (an import), else
    # derived here from them.
    name_shorthand: Sequence[str] | None = None

    def __len__(self) -> int:
        return len(self.id)

    @classmethod
    def of(cls, guests: Iterable[IndexedGuest]) -> IndexedColumns:
        """The columns of these guests (a few single writes, late guests)."""
        guests = list(guests)
        if not guests:
            return _made([()] * _FIXED, tuple(() for _ in TEXT_FIELDS))
        columns = list(zip(*guests, strict=True))
        return _made(columns[:_FIXED], tuple(zip(*columns[_FIXED], strict=True)))

    @classmethod
    def from_sql(cls, rows: Sequence[Sequence[Any]]) -> IndexedColumns:
        """From rows read as SELECT {INDEX_COLUMNS}."""
        columns = [list(map(itemgetter(i), rows)) for i in range(_FIXED + len(TEXT_FIELDS))]
        return _made(columns[:_FIXED], tuple(columns[_FIXED:]))

    @classmethod
    def named(cls, columns: dict[str, Sequence[Any]]) -> IndexedColumns | None:
        """From guest columns by name (an import's columns as it wrote them); None if one
        the index reads is missing."""
        wanted = INDEX_COLUMNS.split(", ")
        if not set(wanted) <= columns.keys():
            return None
        made = _made([columns[c] for c in wanted[:_FIXED]],
                     tuple(columns[c] for c in wanted[_FIXED:]))
        return dataclasses.replace(made, name_shorthand=columns.get("name_shorthand"))


def _made(fixed: Sequence[Sequence[Any]], texts: tuple[Sequence[str], ...]) -> IndexedColumns:
    """IndexedColumns of its columns in IndexedGuest's order (the text fields' apart)."""
    (ids, names, pinyins, initials, latins, phones, organizations, titles, codes, categories,
     attendances, sorts, external_ids) = fixed
    return IndexedColumns(ids, names, pinyins, initials, latins, phones, organizations, titles,
                          codes, categories, attendances, sorts, external_ids, texts)


def bodies(guests: IndexedColumns, *tails: Iterable[str]) -> list[str]:
    """The indexed text of each guest: each field with its markers, then `tails` (columns
    of tags the index adds)."""
    names = guests.name
    own = _name_forms(names)
    initials, phones = guests.name_initials, guests.phone_digits
    if not ("".join(initials) + "".join(phones)).isprintable():  # (derived: almost never)
        initials, phones = list(map(clean, initials)), list(map(clean, phones))
    shorts = name_shorthands(names, guests.name_pinyin, initials) \
        if guests.name_shorthand is None else guests.name_shorthand
    parts: list[Iterable[str]] = [
        repeat(NAME_START), _separated(own), repeat(END + PINYIN),
        _pinyin_keys(guests.name_pinyin), repeat(END + INITIALS), map(str.upper, initials),
        repeat(END), [INITIALS + s.upper() + END if s else "" for s in shorts],  # (rank 2)
        _latin_parts(guests.name_latin, own), phones, repeat(END)]
    for column in guests.texts:
        parts += [_text_forms(column), repeat(END)]
    parts.append([EXTERNAL + fold(e).upper() + END if e else "" for e in guests.external_id])
    parts += tails
    return list(map("".join, zip(*parts, strict=False)))  # (markers: repeat())


def sort_keys(guests: IndexedColumns) -> list[str]:
    """The order of index rids: the name's pinyin syllable by syllable (name_sort), then
    name, organisation, title and id."""
    return _sort_keys((guests.name_sort, guests.name, guests.organization, guests.title),
                      guests.id)


def document(guest: IndexedGuest) -> str:
    """The indexed text of one guest, without its tags (bodies of one)."""
    return bodies(IndexedColumns.of([guest]))[0]


def sort_key(guest: Any) -> str:
    """The sort key of one guest (an IndexedGuest, or any guest row): sort_keys of one."""
    return _sort_keys(([guest.name_sort], [guest.name], [guest.organization],
                       [guest.title]), [guest.id])[0]


def _sort_keys(parts: tuple[Sequence[str], ...], ids: Sequence[str]) -> list[str]:
    parts = tuple(column if "".join(column).isprintable() else list(map(clean, column))
                  for column in parts)  # (one test for a whole column: most are)
    return list(map(SEP.join, zip(*parts, ids, strict=True)))


_ONLY_HANZI = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]*")
_PLAIN_TEXTS = re.compile("[a-z0-9@._+-]*")  # forms.text_form's plain text (@-joined)


def _name_forms(names: Sequence[str]) -> Sequence[str]:
    """forms.name_form of each name: most lists are Hanzi names, which need none."""
    return names if _ONLY_HANZI.fullmatch("".join(names)) else list(map(name_form, names))


def _separated(texts: Sequence[str]) -> list[str]:
    """forms.separated of each text (folded names: never an END), in one pass."""
    joined = END.join(texts)
    if joined.isascii():
        return list(texts)
    out = separated(joined).split(END)
    return out if len(out) == len(texts) else list(map(separated, texts))


def _pinyin_keys(pinyins: Sequence[str]) -> Iterable[str]:
    """forms.pinyin_key of each pinyin, upper-cased."""
    joined = "".join(pinyins)
    if joined.isascii() and joined.isalnum():
        return map(str.upper, pinyins)
    return [pinyin_key(p).upper() for p in pinyins]


def _latin_parts(latins: Sequence[str], own: Sequence[str]) -> Sequence[str]:
    """The folded Latin form of each name, where it has one that is not its own form."""
    if not any(latins):
        return [""] * len(latins)
    folded = [fold(latin) if latin else "" for latin in latins]
    return [f + END if f and f != o else "" for f, o in zip(folded, own, strict=True)]


def _text_forms(texts: Sequence[str]) -> Sequence[str]:
    """forms.text_form of each text: a column of plain text (most e-mail addresses, ids) is
    indexed as it is."""
    if _PLAIN_TEXTS.fullmatch("@".join(texts)):
        return texts
    return list(map(text_form, texts))
