"""A guest's document with its tags: category and attendance (search_tag), organisation
and title (the values of values.py), and the prefixes of badge codes (search_code_prefix)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from wimc_desktop.services.search.documents import IndexedGuest, document, sort_key
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


def documents(cur: Any, guests: Sequence[IndexedGuest], values: Values) -> Iterator[IndexDoc]:
    """The document of each guest, its tags included; new tags, code prefixes and values
    are written through `cur`."""
    tag = tags(cur, {(g.category, g.attendance) for g in guests})
    code_prefixes(cur, [g.badge_code for g in guests])
    org_vids = values.vids("o", [g.organization for g in guests])
    title_vids = values.vids("t", [g.title for g in guests])
    org_tags = {v: tag_text(ORG_TAG, v) for v in set(org_vids) if v is not None}
    title_tags = {v: tag_text(TITLE_TAG, v) for v in set(title_vids) if v is not None}
    for guest, org, title in zip(guests, org_vids, title_vids, strict=True):
        body = (document(guest) + tag[f"c:{guest.category}"]
                + tag[f"a:{guest.attendance}"] + (org_tags[org] if org is not None else "")
                + (title_tags[title] if title is not None else ""))
        yield IndexDoc(sort_key(guest), guest.id, body, org, title)
