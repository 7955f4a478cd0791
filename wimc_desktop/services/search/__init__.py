"""Finding guests from one search box: Hanzi, pinyin, initials, Latin names, organisation,
title, phone digits, e-mail, badge code; ranked, counted exactly, filtered.

The package owns the SQLite search index whole: its tables and triggers (schema.py), the
documents derived from the guest record (documents.py, forms.py, tagging.py), their upkeep
(indexing.py, bulk.py, values.py) and the queries on them (fts.py, ranking.py, narrow.py).
Nothing else touches those tables; the rest of the application uses four entry points:

- `search_guests(db, query, ...)`: the search;
- `open_index(db)`: at every open of an event (services.events): made, rebuilt, caught up;
- `index_import(session, written)`: an import, once, in a transaction of its own after
  its commit (`written`: its new guests as it wrote them, `IndexedColumns.named(columns)`);
- `index_write(session, ids)`: a single write (walk-in, badge reissue, attendance change),
  before its commit. A write that forgets is still found, only more slowly, until the next.

On SQLite the FTS5 index answers (see fts.py and ranking.py); elsewhere, or while that
index is missing, plain SQL does (fallback.py), with the same ranks: exact badge code or
external id > exact name > prefix of a name > any other part, then by name (pinyin order),
organisation and title.
"""

from __future__ import annotations

import datetime as dt

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.errors import BadInputError
from wimc_desktop.domain.id_numbers import normalize_id_number
from wimc_desktop.services.id_numbers import guest_id_by_id_number
from wimc_desktop.services.search.documents import IndexedColumns
from wimc_desktop.services.search.fallback import fallback_search
from wimc_desktop.services.search.fts import Found, IndexQuery
from wimc_desktop.services.search.hits import SearchHit, SearchResult, admitted_sql, make_hits
from wimc_desktop.services.search.indexing import (
    index_import,
    index_rebuild,
    index_write,
    open_index,
)
from wimc_desktop.services.search.plan import Plan, make_plan
from wimc_desktop.services.search.ranking import admitted_matches, index_search
from wimc_desktop.services.search.snapshot import read_snapshot

MAX_LATE = 5000  # more guests written and not yet indexed: plain SQL is faster than checking each

__all__ = ["IndexedColumns", "SearchHit", "SearchResult", "index_import", "index_rebuild",
           "index_write", "open_index", "search_guests"]


def _index_search(q: IndexQuery, limit: int, admitted: tuple[dt.date, bool] | None,
                  late: int) -> tuple[int, Found]:
    q.prepare(late > 0)
    if admitted is None:
        return index_search(q, limit)
    day, wanted = admitted
    ids = [r[0] for r in q.cur.execute(admitted_sql(), (day.isoformat(),))]
    matches, rids = admitted_matches(q, ids)
    if wanted:
        return len(matches), matches[:limit]
    total, found = index_search(q, limit, exclude=rids)
    return total - len(matches), found


def _indexed(db: Database, plan: Plan, limit: int, day: dt.date | None, category: str | None,
             attendance: str | None, admitted: tuple[dt.date, bool] | None
             ) -> tuple[int, tuple[SearchHit, ...]] | None:
    """The answer of the SQLite index, or None while it is missing or far behind."""
    with db.read_raw() as raw:
        cur = raw.cursor()
        snapshot = read_snapshot(cur, raw.info)
        if snapshot.state != "ok" or snapshot.late > MAX_LATE:
            return None
        q = IndexQuery(cur, plan, category, attendance, (snapshot.docs, snapshot.file))
        total, found = _index_search(q, limit, admitted, snapshot.late)
        return total, make_hits(cur, plan, found, day, q.rows, q.hints)


def search_guests(db: Database, query: str, *, limit: int = 50, day: dt.date | None = None,
                  category: str | None = None, attendance: str | None = None,
                  checked_in: bool | None = None) -> SearchResult:
    """Guests matching a typed query (any text: it never fails on what is typed).

    An empty query lists every guest that passes the filters, by name. `checked_in`
    filters on admission on `day` (which it then needs); `total` is exact.
    """
    if checked_in is not None and day is None:
        raise BadInputError("the checked-in filter needs a day")
    plan = make_plan(query)
    if normalize_id_number(query) is not None:  # a whole ID card number: that guest only
        with db.read_connection() as conn:
            guest_id = guest_id_by_id_number(conn, query)
            found = [(0, guest_id)] if guest_id else []
            return SearchResult(len(found), make_hits(conn, plan, found, day), query)
    limit = max(0, int(limit))
    admitted = None if checked_in is None or day is None else (day, checked_in)
    if db.is_sqlite:
        answer = _indexed(db, plan, limit, day, category, attendance, admitted)
        if answer is not None:
            return SearchResult(*answer, query)
    with db.read_connection() as conn:
        total, found = fallback_search(conn, plan, limit, category, attendance, admitted)
        return SearchResult(total, make_hits(conn, plan, found, day), query)
