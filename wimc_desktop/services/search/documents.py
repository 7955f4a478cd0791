"""A guest as the search index reads it, and the document the index holds for it.

The document is derived from the guest record (domain.guest_record): the name fields
(SearchAs.NAME) with their pinyin, initials, shorthand and Latin form, the phone's digits
(PHONE), and the text of every SearchAs.TEXT field, each as its own part; the registration
number also whole, found exactly at rank 0. Organisation and title (VALUE) and category
and attendance (TAG) are added as tags by the index (indexing.py), the badge code (CODE)
is looked up in the guest table. A new TEXT field of the record is searchable with no
change here.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Any, NamedTuple

from wimc_desktop.domain.guest_record import SearchAs, field_names
from wimc_desktop.domain.search_keys import name_shorthand
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


def indexed_guests(rows: Sequence[Sequence[Any]], columns: Sequence[str]) -> list[IndexedGuest]:
    """Guests as the index reads them, from rows of guest columns in this order (an
    import's rows as it wrote them); [] if the rows lack a column the index reads."""
    wanted = INDEX_COLUMNS.split(", ")
    if not set(wanted) <= set(columns):
        return []
    at = [columns.index(c) for c in wanted]
    fixed = itemgetter(*at[:_FIXED])
    texts = at[_FIXED:]
    make = IndexedGuest._make
    return [make((*fixed(row), tuple([row[i] for i in texts]))) for row in rows]


def document(guest: IndexedGuest) -> str:
    """The indexed text of one guest, without its tags: each field with its markers."""
    name, pinyin, initials = guest.name, guest.name_pinyin, guest.name_initials
    own = name_form(name)
    latin = fold(guest.name_latin) if guest.name_latin else ""
    if not (initials + guest.phone_digits).isprintable():  # (derived: almost never)
        initials, phone = clean(initials), clean(guest.phone_digits)
    else:
        phone = guest.phone_digits
    body = (NAME_START + separated(own) + END + PINYIN + pinyin_key(pinyin).upper() + END
            + INITIALS + initials.upper() + END)
    short = name_shorthand(name, pinyin, initials)
    if short:  # found like the initials: as a prefix, at rank 2
        body += INITIALS + short.upper() + END
    if latin and latin != own:
        body += latin + END
    body += phone + END
    for text in guest.texts:
        body += text_form(text) + END
    if guest.external_id:
        body += EXTERNAL + fold(guest.external_id).upper() + END
    return body


def sort_key(guest: Any) -> str:
    """The order of index rids: the name's pinyin syllable by syllable (guest.name_sort),
    then name, organisation, title and id (of an IndexedGuest, or any guest row)."""
    parts: tuple[str, ...] = (guest.name_sort, guest.name, guest.organization, guest.title)
    if not "".join(parts).isprintable():  # (one test for the four: most are)
        parts = tuple(map(clean, parts))
    return SEP.join((*parts, guest.id))
