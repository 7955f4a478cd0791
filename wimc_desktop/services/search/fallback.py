"""Searching without the index (PostgreSQL, or a SQLite without FTS5): plain SQL, same ranks.

LIKE/ILIKE with escaped wildcards over the same columns and the same ranks as the index.
Correct but not fast on large lists: a desk searches its local SQLite copy.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, func, literal, or_, select
from sqlalchemy.engine import Connection

from wimc_desktop.db.queries import admitted_guest_ids
from wimc_desktop.db.schema import GuestRow
from wimc_desktop.services.search.documents import TEXT_FIELDS
from wimc_desktop.services.search.forms import has_hanzi
from wimc_desktop.services.search.fts import Found
from wimc_desktop.services.search.plan import MIN_SUBSTRING, Plan

g = GuestRow.__table__.c
MAX_SURNAME_LETTERS = 6  # "zhuang", "shuang": the longest syllables


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class _Like:
    def __init__(self, postgres: bool) -> None:
        self.postgres = postgres

    def __call__(self, column: Any, pattern: str) -> ColumnElement[bool]:
        if self.postgres:
            return column.ilike(pattern, escape="\\")  # type: ignore[no-any-return]
        return column.like(pattern, escape="\\")  # type: ignore[no-any-return]


def _shorthand_conditions(pinyin: str) -> list[ColumnElement[bool]]:
    """The name's shorthand as the index has it (domain.search_keys.name_shorthand): the
    surname's syllable in full (the first word of name_sort), then the initials of the
    given name. (Compound surnames, two words in name_sort, only through the index.)"""
    conditions: list[ColumnElement[bool]] = []
    for cut in range(1, min(len(pinyin) - 1, MAX_SURNAME_LETTERS) + 1):
        surname, given = _escape(pinyin[:cut]), _escape(pinyin[cut:])
        conditions.append(and_(g.name_sort.like(surname + " %", escape="\\"),
                               func.lower(g.name_initials).like(
                                   _escape(pinyin[0]) + given + "%", escape="\\")))
    return conditions


def _conditions(plan: Plan, like: _Like) -> list[ColumnElement[bool]]:
    """The condition of each rank, 0 to 3."""
    name = func.lower(g.name)
    if has_hanzi(plan.name):
        for joiner in (" ", "·", "•", "・", ".", "-"):
            name = func.replace(name, joiner, "")
    ranks: list[list[ColumnElement[bool]]] = [[], [], [], []]
    if plan.code:
        code = _escape(plan.code)
        ranks[0] += [g.badge_code == plan.code,
                     and_(g.badge_code.like("%-" + code, escape="\\"),
                          ~g.badge_code.like("%-%-" + code, escape="\\"))]
    ranks[0].append(func.upper(g.external_id) == plan.external)
    if plan.name:
        ranks[1].append(name == plan.name)
        ranks[2].append(like(name, _escape(plan.name) + "%"))
    if plan.pinyin:
        ranks[1].append(g.name_pinyin == plan.pinyin)
        ranks[2] += [g.name_pinyin.like(_escape(plan.pinyin) + "%", escape="\\"),
                     func.lower(g.name_initials).like(_escape(plan.pinyin) + "%", escape="\\")]
        ranks[2] += _shorthand_conditions(plan.pinyin)
    columns = (name, g.name_latin, func.lower(g.organization), func.lower(g.title),
               g.phone_digits, *(func.lower(g[f]) for f in TEXT_FIELDS))
    for text in {plan.name, plan.folded, plan.digits}:
        if text and (len(text) >= MIN_SUBSTRING or has_hanzi(text)):
            ranks[3] += [like(c, "%" + _escape(text) + "%") for c in columns]
    return [or_(*r) if r else false() for r in ranks]


def fallback_search(conn: Connection, plan: Plan, limit: int, category: str | None,
                    attendance: str | None, admitted: tuple[dt.date, bool] | None
                    ) -> tuple[int, Found]:
    """Total and the first `limit` (rank, guest id) pairs, by plain SQL."""
    if plan.nothing:
        return 0, []
    postgres = conn.dialect.name == "postgresql"
    where: list[ColumnElement[bool]] = []
    rank: Any = literal(0)
    if not plan.empty:
        ranks = _conditions(plan, _Like(postgres))
        where.append(or_(*ranks))
        rank = case((ranks[0], 0), (ranks[1], 1), (ranks[2], 2), else_=3)
    if category is not None:
        where.append(g.category == category)
    if attendance is not None:
        where.append(g.attendance == attendance)
    if admitted is not None:
        inside = g.id.in_(admitted_guest_ids(admitted[0]))
        where.append(inside if admitted[1] else ~inside)
    total = conn.execute(select(func.count()).select_from(GuestRow).where(*where)).scalar()
    columns = (g.name_sort, g.name, g.organization, g.title, g.id)
    order: list[Any] = [c.collate("C") for c in columns] if postgres else list(columns)
    stmt = select(rank, g.id).where(*where).order_by(rank, *order).limit(limit)
    return int(total or 0), [(int(r), str(i)) for r, i in conn.execute(stmt)]
