"""Distinct organisations and titles of the index: ids, indexed forms and guest counts.

Thousands of guests share an organisation or a title, so each distinct value is indexed
once; the guest count of each value (and of each organisation-title pair) lets a search
count its organisation and title matches without visiting those guests.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from wimc_desktop.services.search.forms import value_form

_LOAD_ALL = 500  # more distinct values than this in one batch: read the whole dictionary


class Values:
    """The value dictionary as one index write sees it, with its count changes."""

    def __init__(self, cur: Any) -> None:
        self.cur = cur
        self.known: dict[tuple[str, str], int] = {}
        self.counts: Counter[int] = Counter()
        self.pairs: Counter[tuple[int, int]] = Counter()
        self.docs = 0

    def vids(self, kind: str, texts: Sequence[str]) -> list[int | None]:
        """The id of each value (None for an empty one); new values are added."""
        distinct = set(texts)
        missing = {t for t in distinct if t and (kind, t) not in self.known}
        if len(missing) > _LOAD_ALL:
            self.known.update(((kind, t), v) for t, v in self.cur.execute(
                "SELECT text, vid FROM search_value WHERE kind = ?", (kind,)))
        else:
            for text in missing:
                row = self.cur.execute("SELECT vid FROM search_value WHERE kind = ? AND "
                                       "text = ?", (kind, text)).fetchone()
                if row:
                    self.known[kind, text] = row[0]
        self._add(kind, sorted(t for t in missing if (kind, t) not in self.known))
        vid: dict[str, int | None] = {t: self.known[kind, t] if t else None for t in distinct}
        return list(map(vid.__getitem__, texts))

    def _add(self, kind: str, texts: list[str]) -> None:
        if not texts:
            return
        start = int(self.cur.execute("SELECT coalesce(max(vid), 0) FROM search_value")
                    .fetchone()[0]) + 1
        rows = [(start + i, kind, text, value_form(text)) for i, text in enumerate(texts)]
        self.cur.executemany("INSERT INTO search_value (vid, kind, text, body, n) "
                             "VALUES (?, ?, ?, ?, 0)", rows)
        self.cur.executemany("INSERT INTO search_value_fts (rowid, body) VALUES (?, ?)",
                             [(r[0], r[3]) for r in rows])
        self.known.update(((kind, r[2]), r[0]) for r in rows)

    def count(self, orgs: Sequence[int | None], titles: Sequence[int | None],
              sign: int) -> None:
        """Count guests in (sign 1) or out (sign -1), by their organisations and titles
        (one of each per guest)."""
        self.docs += sign * len(orgs)
        for column in (orgs, titles):
            for vid, n in Counter(column).items():
                if vid is not None:
                    self.counts[vid] += sign * n
        for (org, title), n in Counter(zip(orgs, titles, strict=True)).items():
            if org is not None and title is not None:
                self.pairs[org, title] += sign * n

    def add(self, org: int | None, title: int | None, guests: int) -> None:
        """Count `guests` guests in, who share this organisation and this title."""
        self.docs += guests
        if org is not None:
            self.counts[org] += guests
        if title is not None:
            self.counts[title] += guests
        if org is not None and title is not None:
            self.pairs[org, title] += guests

    def save(self) -> None:
        self.cur.execute("UPDATE search_stat SET n = n + ? WHERE key = 'docs'", (self.docs,))
        self.cur.executemany("UPDATE search_value SET n = n + ? WHERE vid = ?",
                             [(n, v) for v, n in self.counts.items() if n])
        self.cur.executemany(
            "INSERT INTO search_pair (org_vid, title_vid, n) VALUES (?, ?, ?) "
            "ON CONFLICT (org_vid, title_vid) DO UPDATE SET n = n + excluded.n",
            [(o, t, n) for (o, t), n in self.pairs.items() if n])
        self.cur.executemany("DELETE FROM search_pair WHERE org_vid = ? AND title_vid = ? "
                             "AND n = 0", [k for k, n in self.pairs.items() if n < 0])
        self.discard()

    def discard(self) -> None:
        self.counts.clear()
        self.pairs.clear()
        self.docs = 0
