"""Turning ranked guest ids into search hits: the guest, what matched, checked in or not."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Connection

from wimc_desktop.db.queries import admitted_guest_ids
from wimc_desktop.db.schema import CheckInRow, GuestRow
from wimc_desktop.domain.models import Attendance, Guest
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


class _Row(NamedTuple):
    """The columns a hit needs: the guest, and what matched_field looks at."""

    guest: Guest
    name_pinyin: str
    name_initials: str
    name_latin: str
    phone_digits: str
    name: str
    badge_code: str
    external_id: str
    organization: str
    title: str
    email: str


_ATTENDANCE = {a.value: a for a in Attendance}
_ROWS_SQL = f"SELECT {', '.join(HIT_COLUMNS)} FROM guest WHERE id IN "


def _guest(v: Sequence[Any]) -> Guest:
    extra = v[15]
    if isinstance(extra, str):
        extra = json.loads(extra) if extra != "{}" else {}
    return Guest(v[0], v[1], v[2], v[3], v[4], v[5], v[6],
                 _ATTENDANCE.get(v[7]) or Attendance(v[7]), v[8], v[9], v[10], v[11], v[20],
                 v[21], v[12], v[13], v[14], dict(extra or {}))


def _row(r: Sequence[Any]) -> _Row:
    """A guest row read in HIT_COLUMNS order."""
    return _Row(_guest(r), r[16], r[17], r[18], r[19], r[1], r[11], r[12], r[4], r[5], r[10])


def _cursor(source: Connection | Any) -> Any:
    """A SQLite driver cursor for this source (a Connection or a cursor), else None."""
    if not isinstance(source, Connection):
        return source
    return raw_cursor(source) if source.dialect.name == "sqlite" else None


def _rows(source: Connection | Any, ids: list[str]) -> dict[str, _Row]:
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
        SearchHit(rows[gid].guest, "" if plan.empty else hints.get(gid)
                  or matched_field(plan, rows[gid]), gid in admitted)
        for gid in ids if gid in rows)
