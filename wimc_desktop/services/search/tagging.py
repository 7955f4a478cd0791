"""The guests' documents with their tags: category and attendance (search_tag),
organisation and title (the values of values.py), and the prefixes of badge codes
(search_code_prefix)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from wimc_desktop.services.search.documents import IndexedColumns, bodies, sort_keys
from wimc_desktop.services.search.forms import (
    ATTENDANCE_TAG,
    CATEGORY_TAG,
    ORG_TAG,
    TITLE_TAG,
    tag_text,
)
from wimc_desktop.services.search.values import Values


class IndexDoc(NamedTuple):
    """One document as search_doc holds it (without its rid)."""

    skey: str
    guest_id: str
    body: str
    org_vid: int | None
    title_vid: int | None


@dataclass(frozen=True, slots=True)
class IndexDocs:
    """Documents as search_doc holds them (without their rids), column by column."""

    skey: list[str]
    guest_id: Sequence[str]
    body: list[str]
    org_vid: list[int | None]
    title_vid: list[int | None]

    def __len__(self) -> int:
        return len(self.skey)

    def rows(self) -> list[IndexDoc]:
        """One IndexDoc per document (a single write's few)."""
        return list(map(IndexDoc._make, zip(self.skey, self.guest_id, self.body,
                                             self.org_vid, self.title_vid, strict=True)))


def tags(cur: Any, pairs: set[tuple[str, str]]) -> dict[str, str]:
    """Category and attendance values -> their tag trigrams (new values get a number)."""
    known = dict(cur.execute("SELECT value, tag FROM search_tag").fetchall())
    wanted = {f"c:{c}" for c, _ in pairs} | {f"a:{a}" for _, a in pairs}
    fresh = sorted(wanted - known.keys())
    start = max(known.values(), default=-1) + 1
    known.update((value, start + i) for i, value in enumerate(fresh))
    cur.executemany("INSERT INTO search_tag (value, tag) VALUES (?, ?)",
                    [(v, known[v]) for v in fresh])
    return {value: tag_text(CATEGORY_TAG if value[0] == "c" else ATTENDANCE_TAG, number)
            for value, number in known.items()}


def code_prefixes(cur: Any, codes: Sequence[str]) -> None:
    """Remember the prefixes of badge codes, to find a code typed without its prefix."""
    prefixes = {code.partition("-")[0] for code in codes if "-" in code}
    cur.executemany("INSERT OR IGNORE INTO search_code_prefix (prefix) VALUES (?)",
                    [(p,) for p in prefixes])


def documents(cur: Any, guests: IndexedColumns, values: Values) -> IndexDocs:
    """The document of each guest, its tags included; new tags, code prefixes and values
    are written through `cur`."""
    tag = tags(cur, set(zip(guests.category, guests.attendance, strict=True)))
    code_prefixes(cur, guests.badge_code)
    org_vids = values.vids("o", guests.organization)
    title_vids = values.vids("t", guests.title)
    return IndexDocs(sort_keys(guests), guests.id, bodies(
        guests,
        map({c: tag[f"c:{c}"] for c in set(guests.category)}.__getitem__, guests.category),
        map({a: tag[f"a:{a}"] for a in set(guests.attendance)}.__getitem__,
            guests.attendance),
        map(_tag_texts(ORG_TAG, org_vids).__getitem__, org_vids),
        map(_tag_texts(TITLE_TAG, title_vids).__getitem__, title_vids)), org_vids, title_vids)


def _tag_texts(marker: str, vids: list[int | None]) -> dict[int | None, str]:
    """Each value id's tag (none for no value)."""
    return {v: "" if v is None else tag_text(marker, v) for v in set(vids)}
