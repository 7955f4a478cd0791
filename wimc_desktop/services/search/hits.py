"""Turning ranked guest ids into search hits: the guest, what matched, checked in or not."""

from __future__ import annotations

import datetime as dt
import json
from collections import namedtuple
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Connection

from wimc_desktop.db.queries import admitted_guest_ids
from wimc_desktop.db.schema import CheckInRow, GuestRow
from wimc_desktop.domain.models import Guest
from wimc_desktop.services.guests import guest_from_row
from wimc_desktop.services.search.fts import HIT_COLUMNS, Found, marks
from wimc_desktop.services.search.indexing import raw_cursor
from wimc_desktop.services.search.plan import Plan, matched_field


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One guest found. `matched` names the field the query matched: badge_code, name,
    pinyin, initials, latin, organization, title, phone, email or external_id ('' for an
    empty query). `checked_in`: admitted on the day searched (False without a day)."""

    guest: Guest
    matched: str
    checked_in: bool


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The first `limit` hits, best first, and how many guests match in all (exact)."""

    total: int
    results: tuple[SearchHit, ...]
    query: str


# A guest row read in HIT_COLUMNS order, its columns by name (the record's fields are
# known only at run time: a NamedTuple class made from them).
def _row_type(columns: tuple[str, ...]) -> Any:
    return namedtuple("_HitRow", columns)


_HitRow = _row_type(HIT_COLUMNS)
_ROWS_SQL = f"SELECT {', '.join(HIT_COLUMNS)} FROM guest WHERE id IN "


def _row(values: Sequence[Any]) -> Any:
    """A guest row read in HIT_COLUMNS order, its columns by name (a _HitRow; on SQLite
    its extra data read as JSON): what guest_from_row and plan.matched_field read."""
    row = _HitRow._make(values)
    if isinstance(row.extra, str):
        row = row._replace(extra=json.loads(row.extra) if row.extra != "{}" else {})
    return row


def _cursor(source: Connection | Any) -> Any:
    """A SQLite driver cursor for this source (a Connection or a cursor), else None."""
    if not isinstance(source, Connection):
        return source
    return raw_cursor(source) if source.dialect.name == "sqlite" else None


def _rows(source: Connection | Any, ids: list[str]) -> dict[str, Any]:
    cur = _cursor(source)
    if cur is not None:
        found = cur.execute(f"{_ROWS_SQL}({marks(ids)})", ids)
    else:
        table = GuestRow.__table__
        found = source.execute(select(*(table.c[c] for c in HIT_COLUMNS))
                               .where(table.c.id.in_(ids)))
    return {r[0]: _row(r) for r in found}


@lru_cache(maxsize=1)
def admitted_sql() -> str:
    """db.queries.admitted_guest_ids as SQLite text, its one parameter the day (ISO): the
    rule stays in one place."""
    compiled = admitted_guest_ids(dt.date(2000, 1, 1)).compile(dialect=sqlite.dialect())
    return str(compiled)


def _admitted(source: Connection | Any, day: dt.date, ids: list[str]) -> set[str]:
    cur = _cursor(source)
    if cur is None:
        return set(source.execute(admitted_guest_ids(day).where(
            CheckInRow.guest_id.in_(ids))).scalars())
    sql = f"SELECT guest_id FROM ({admitted_sql()}) WHERE guest_id IN ({marks(ids)})"
    return {r[0] for r in cur.execute(sql, [day.isoformat(), *ids])}


def make_hits(source: Connection | Any, plan: Plan, found: Found, day: dt.date | None,
              read: Mapping[str, Sequence[Any]] | None = None,
              hints: Mapping[str, str] | None = None) -> tuple[SearchHit, ...]:
    """The hits of these guests, read through `source` (a Connection, or a SQLite driver
    cursor); `read`: guest rows already read (HIT_COLUMNS), `hints`: the matched field of
    some, already known."""
    ids = [gid for _, gid in found]
    if not ids:
        return ()
    read, hints = read or {}, hints or {}
    rows = {gid: _row(read[gid]) for gid in ids if gid in read}
    if len(rows) < len(ids):
        rows.update(_rows(source, [gid for gid in ids if gid not in rows]))
    admitted = _admitted(source, day, ids) if day is not None else set()
    return tuple(
        SearchHit(guest_from_row(rows[gid]), "" if plan.empty else hints.get(gid)
                  or matched_field(plan, rows[gid]), gid in admitted)
        for gid in ids if gid in rows)
