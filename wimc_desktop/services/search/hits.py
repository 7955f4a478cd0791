"""Turning ranked guest ids into search hits: the guest, what matched, checked in or not."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from wimc_desktop.db.queries import admitted_guest_ids
from wimc_desktop.db.schema import CheckInRow, GuestRow
from wimc_desktop.domain.models import Attendance, Guest
from wimc_desktop.services.search.fts import Found, marks
from wimc_desktop.services.search.indexing import raw_cursor
from wimc_desktop.services.search.plan import Plan, matched_field

_GUEST = ("id", "name", "name_en", "gender", "organization", "title", "category",
          "attendance", "country", "mobile", "email", "badge_code", "external_id", "notes",
          "source", "extra")
_KEYS = ("name_pinyin", "name_initials", "name_latin", "phone_digits")


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


@dataclass(frozen=True, slots=True)
class _Row:
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


def _guest(values: tuple[Any, ...]) -> Guest:
    extra = values[15]
    if isinstance(extra, str):
        extra = json.loads(extra) if extra != "{}" else {}
    v = values
    return Guest(v[0], v[1], v[2], v[3], v[4], v[5], v[6], Attendance(v[7]), v[8], v[9],
                 v[10], v[11], v[12], v[13], v[14], dict(extra or {}))


def _rows(session: Session, ids: list[str]) -> dict[str, _Row]:
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        found = raw_cursor(conn).execute(
            f"SELECT {', '.join(_GUEST + _KEYS)} FROM guest WHERE id IN ({marks(ids)})", ids)
    else:
        table = GuestRow.__table__
        found = session.execute(select(*(table.c[c] for c in _GUEST + _KEYS))
                                .where(table.c.id.in_(ids)))
    return {r[0]: _Row(_guest(tuple(r[:16])), r[16], r[17], r[18], r[19], r[1], r[11], r[12],
                       r[4], r[5], r[10]) for r in found}


@lru_cache(maxsize=1)
def _admitted_sql() -> str:
    """db.queries.admitted_guest_ids as SQLite text (the rule stays in one place)."""
    compiled = admitted_guest_ids(dt.date(2000, 1, 1)).compile(dialect=sqlite.dialect())
    return str(compiled)


def _admitted(session: Session, day: dt.date, ids: list[str]) -> set[str]:
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return set(conn.execute(admitted_guest_ids(day).where(
            CheckInRow.guest_id.in_(ids))).scalars())
    sql = f"SELECT guest_id FROM ({_admitted_sql()}) WHERE guest_id IN ({marks(ids)})"
    return {r[0] for r in raw_cursor(conn).execute(sql, [day.isoformat(), *ids])}


def make_hits(session: Session, plan: Plan, found: Found, day: dt.date | None
              ) -> tuple[SearchHit, ...]:
    ids = [gid for _, gid in found]
    if not ids:
        return ()
    rows = _rows(session, ids)
    admitted = _admitted(session, day, ids) if day is not None else set()
    return tuple(
        SearchHit(rows[gid].guest, "" if plan.empty else matched_field(plan, rows[gid]),
                  gid in admitted)
        for gid in ids if gid in rows)
