"""Reading the SQLite index for one search: FTS answers, matched values, late guests.

Guests written since the last refresh (search_pending) are left out of the index answers
and tested one by one with the same rules (plan.rank_of), so a late index is never wrong.

A long substring is not always asked for whole: see narrow.py (Match with `check`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from wimc_desktop.domain.guest_record import field_names
from wimc_desktop.services.search import forms as ix
from wimc_desktop.services.search.documents import (
    INDEX_COLUMNS,
    IndexedGuest,
    document,
    sort_key,
)
from wimc_desktop.services.search.indexing import late_ids
from wimc_desktop.services.search.narrow import (
    CHECK_SKIPS,
    Grams,
    Part,
    grams_of,
    narrowed,
    quote,
)
from wimc_desktop.services.search.plan import Plan, rank_of

Found = list[tuple[int, str]]  # (rank, guest id), best first
# The guest columns a search hit is made of (hits.py), read with the documents shown: every
# field of the guest record, and the derived keys plan.matched_field looks at.
HIT_COLUMNS = ("id", *field_names(), "extra", "name_pinyin", "name_initials", "name_latin",
               "phone_digits")
# A document as shown (read_shown): rid, body, organisation, title, the guest's HIT_COLUMNS.
_SHOWN = "d.rid, d.body, d.org_vid, d.title_vid, " + ", ".join("g." + c for c in HIT_COLUMNS)
_SHOWN_SQL = (f"SELECT {_SHOWN} FROM search_doc d LEFT JOIN guest g ON g.id = d.guest_id "
              "WHERE d.rid IN ")


class StoredDoc(NamedTuple):
    """A document of search_doc as a search reads it."""

    guest_id: str
    skey: str
    body: str
    org_vid: int | None
    title_vid: int | None


class ShownDoc(NamedTuple):
    """A document read to be ranked or shown, with its guest's row (HIT_COLUMNS; its id
    None for a deleted guest not yet refreshed). Body, organisation and title are None for
    a badge code's guest read by its lookup alone (see IndexQuery.code_rids)."""

    body: str | None
    org_vid: int | None
    title_vid: int | None
    guest: tuple[Any, ...]


def _shown_doc(row: Sequence[Any]) -> ShownDoc:
    """A ShownDoc from a row of _SHOWN (rid first)."""
    return ShownDoc(row[1], row[2], row[3], tuple(row[4:]))

MAX_OR = 64  # more matched values than this: walk the documents instead of OR-ing tags
NARROW_FROM = 5  # a substring this long (3 trigrams) or longer may be asked for by a part


@cache
def _code_sql(where: str, whole: bool) -> str:
    """IndexQuery.code_rids's statement, with these filters (4 kinds), the document whole or
    only its rid (see there): made once each."""
    what = _SHOWN if whole else "d.rid, NULL, NULL, NULL, " + _SHOWN.split(", ", 4)[4]
    return (f"SELECT {what} FROM guest g JOIN search_doc d ON d.guest_id = g.id "
            f"WHERE g.badge_code = ?1{where} UNION ALL "
            f"SELECT {what} FROM search_code_prefix p JOIN guest g "
            "ON g.badge_code = p.prefix || '-' || ?1 JOIN search_doc d ON d.guest_id = g.id "
            f"WHERE 1{where}")


def either(phrases: Iterable[str]) -> str | None:
    terms = [quote(p) for p in phrases]
    return " OR ".join(terms) if terms else None


def marks(items: Sequence[object]) -> str:
    return ",".join("?" * len(items))


@dataclass(frozen=True)
class Match:
    """An FTS5 question on search_fts. With `check`, the expression asks only for the rare
    parts of some long phrases: a document found must also hold one of these phrases."""

    expr: str
    check: tuple[str, ...] = ()

    def sql(self, what: str, join: bool = False) -> tuple[str, list[str]]:
        """SELECT `what` (search_fts.rowid, count(*)...) of the matching documents, and its
        parameters; with `join` (or to check phrases) each one's search_doc row is `d`."""
        if not self.check and not join:
            return f"SELECT {what} FROM search_fts WHERE search_fts MATCH ?", [self.expr]
        sql = (f"SELECT {what} FROM search_fts CROSS JOIN search_doc d ON d.rid = "
               "search_fts.rowid WHERE search_fts MATCH ?")
        if self.check:
            sql += " AND (" + " OR ".join(["instr(d.body, ?) > 0"] * len(self.check)) + ")"
        return sql, [self.expr, *self.check]


@dataclass
class IndexQuery:
    """One search on the index of one open SQLite connection (raw sqlite3 cursor)."""

    cur: Any
    plan: Plan
    category: str | None
    attendance: str | None
    known: tuple[int, str] | None = None  # the index size and file (see narrow.grams_of)
    filters: list[str] = field(default_factory=list)  # tag phrases, all required
    impossible: bool = False  # a filter value no indexed guest has
    orgs: dict[int, int] = field(default_factory=dict)  # matched organisation -> guests
    titles: dict[int, int] = field(default_factory=dict)
    stale: dict[int, tuple[str, str]] = field(default_factory=dict)  # rid -> body, values
    fresh: list[tuple[int, str, str]] = field(default_factory=list)  # rank, skey, guest id
    rows: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # shown: HIT_COLUMNS
    hints: dict[str, str] = field(default_factory=dict)  # shown: matched by its value only
    _value_text: dict[int, str] = field(default_factory=dict)
    _codes: list[int] | None = None
    _grams: Grams | None = None
    _shown: dict[int, ShownDoc] = field(default_factory=dict)  # see read_shown

    def prepare(self, late: bool = True) -> None:
        for prefix, value in (("c:", self.category), ("a:", self.attendance)):
            if value is None:
                continue
            row = self.cur.execute("SELECT tag FROM search_tag WHERE value = ?",
                                   (prefix + value,)).fetchone()
            if row is None:
                self.impossible = True
            else:
                marker = ix.CATEGORY_TAG if prefix == "c:" else ix.ATTENDANCE_TAG
                self.filters.append(ix.tag_text(marker, row[0]))
        expr = either(self.plan.substring)
        if expr:
            for vid, kind, n in self.cur.execute(
                    "SELECT v.vid, v.kind, v.n FROM search_value_fts f JOIN search_value v "
                    "ON v.vid = f.rowid WHERE search_value_fts MATCH ? AND v.n > 0", (expr,)):
                (self.orgs if kind == "o" else self.titles)[vid] = n
        if late:
            self._late()

    def _late(self) -> None:
        ids = late_ids(self.cur)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for rid, body, org, title in self.cur.execute(
                    "SELECT rid, body, org_vid, title_vid FROM search_doc WHERE guest_id IN "
                    f"({marks(chunk)})", chunk).fetchall():
                self.stale[rid] = (body, self.values_text(org, title))
            for row in self.cur.execute(f"SELECT {INDEX_COLUMNS} FROM guest WHERE id IN "
                                        f"({marks(chunk)})", chunk).fetchall():
                self._fresh(IndexedGuest.from_sql(row))

    def _fresh(self, guest: IndexedGuest) -> None:
        if (self.category is not None and guest.category != self.category) or (
                self.attendance is not None and guest.attendance != self.attendance):
            return
        body = document(guest)
        values = ix.value_form(guest.organization) + ix.END + ix.value_form(guest.title)
        rank = 0 if self.plan.empty else rank_of(self.plan, body, values, guest.badge_code)
        if rank is not None:
            self.fresh.append((rank, sort_key(guest), guest.id))

    def values_text(self, org: int | None, title: int | None) -> str:
        """The indexed forms of an organisation and a title, as rank_of wants them."""
        wanted = [v for v in (org, title) if v is not None and v not in self._value_text]
        if wanted:
            self._value_text.update(self.cur.execute(
                f"SELECT vid, body FROM search_value WHERE vid IN ({marks(wanted)})", wanted))
        return ix.END.join(self._value_text.get(v, "") if v is not None else ""
                           for v in (org, title))

    def in_index(self, doc: StoredDoc, badge_code: str = "") -> int | None:
        """The rank of an indexed document, checked in Python (filters included)."""
        if not all(f in doc.body for f in self.filters):
            return None
        if self.plan.empty:
            return 0
        return rank_of(self.plan, doc.body, self.values_text(doc.org_vid, doc.title_vid),
                       badge_code)

    # --- the pieces: FTS expressions, matched values, badge codes --------------------

    def expression(self, terms: str | None) -> str | None:
        if terms is None:
            return None
        if not self.filters:
            return terms
        return f"({terms}) AND " + " AND ".join(quote(f) for f in self.filters)

    def exact(self, terms: str | None) -> Match | None:
        """The documents matching an expression (tags, markers), filters included."""
        expr = self.expression(terms)
        return None if expr is None else Match(expr)

    def match(self, phrases: Sequence[str]) -> Match | None:
        """The documents holding any of these phrases (filters included). Long substrings
        with common trigrams may be asked for by their rare ones, then checked whole."""
        parts = self.parts(phrases)
        terms = [quote(p) if p not in parts else f"({narrowed(p, parts[p].kept)})"
                 for p in phrases]
        expr = self.expression(" OR ".join(terms) if terms else None)
        if expr is None:
            return None
        return Match(expr, tuple(phrases) if parts else ())

    def parts(self, phrases: Sequence[str]) -> dict[str, Part]:
        """The substrings to ask for by a part: all found are checked, so only when that
        costs less than what is saved."""
        long = [p for p in phrases if len(p) >= NARROW_FROM and p in self.plan.substring]
        if not long:
            return {}
        if self._grams is None:
            self._grams = grams_of(self.cur, self.known)
        grams = self._grams
        parts = {p: part for p in long if (part := grams.part(p)) is not None}
        if not parts:
            return {}
        found = sum(parts[p].found if p in parts else grams.share(p) for p in phrases)
        saved = sum(part.saved for part in parts.values())
        return parts if found * CHECK_SKIPS < saved else {}

    def filter_only(self) -> Match:
        return Match(" AND ".join(quote(f) for f in self.filters))

    def value_tags(self) -> list[str]:
        return ([ix.tag_text(ix.ORG_TAG, v) for v in self.orgs]
                + [ix.tag_text(ix.TITLE_TAG, v) for v in self.titles])

    def value_sql(self) -> tuple[str, list[str]]:
        """SQL condition on search_doc d (its organisation or title matched), and params."""
        parts = [f"d.{column} IN ({','.join(str(int(v)) for v in vids)})"
                 for column, vids in (("org_vid", self.orgs), ("title_vid", self.titles)) if vids]
        sql = "(" + " OR ".join(parts) + ")"
        return sql + " AND instr(d.body, ?) > 0" * len(self.filters), list(self.filters)

    def code_rids(self) -> list[int]:
        if self._codes is None:
            self._codes = self._code_rids()
        return self._codes

    def _code_rids(self) -> list[int]:
        plan = self.plan
        if not plan.code:
            return []
        # The code as typed, and after each known prefix (ABC2345 -> WIMC-ABC2345): two
        # lookups in the badge-code index (one IN over a subquery costs twice as much).
        # The guest found is almost always shown: its row is read with the lookup (a second
        # statement was a tenth of the search). Of its document only the rid (in the index
        # on guest_id: a page fewer to wait for), unless an organisation or title matched:
        # its own then count for the total (ranking._small). Its body never matters: rank 0.
        params: list[Any] = [plan.code]
        where = ""
        for column, value in (("category", self.category), ("attendance", self.attendance)):
            if value is not None:
                params.append(value)  # (+: the badge-code index, never this one)
                where += f" AND +g.{column} = ?{len(params)}"
        sql = _code_sql(where, bool(self.orgs or self.titles))
        found = {r[0]: _shown_doc(r) for r in self.cur.execute(sql, params)
                 if r[0] not in self.stale}
        self._shown.update(found)
        return sorted(found)

    def fts_rids(self, match: Match | None, limit: int | None) -> list[int]:
        if match is None:
            return []
        sql, params = match.sql("search_fts.rowid")
        sql += " ORDER BY search_fts.rowid"
        sql += "" if limit is None else f" LIMIT {int(limit)}"
        return [r for (r,) in self.cur.execute(sql, params)]

    def count_fts(self, match: Match | None) -> int:
        if match is None:
            return 0
        sql, params = match.sql("count(*)")
        return int(self.cur.execute(sql, params).fetchone()[0])

    def docs(self, rids: Iterable[int]) -> dict[int, StoredDoc]:
        """rid -> its document."""
        wanted = list(rids)
        if not wanted:
            return {}
        return {r[0]: StoredDoc(*r[1:]) for r in self.cur.execute(
            "SELECT rid, guest_id, skey, body, org_vid, title_vid FROM search_doc "
            f"WHERE rid IN ({marks(wanted)})", wanted)}

    def shown(self, chosen: Sequence[tuple[int, int]]) -> Found:
        """The documents shown, (rank, rid) in order, as (rank, guest id); their guest rows
        read with them (self.rows), and for a guest matched only by its organisation or
        title, which one (self.hints: what plan.matched_field would find, field by field)."""
        if not chosen:
            return []
        docs = self.read_shown([r for _, r in chosen])
        found: Found = []
        for rank, rid in chosen:
            doc = docs.get(rid)
            if doc is None or doc.guest[0] is None:
                continue
            gid = doc.guest[0]
            self.rows[gid] = doc.guest
            if rank == 3 and not any(p in (doc.body or "") for p in self.plan.every):
                # (matched by its organisation or title only)
                self.hints[gid] = "organization" if doc.org_vid in self.orgs else "title"
            found.append((rank, gid))
        return found

    def read_shown(self, rids: list[int]) -> dict[int, ShownDoc]:
        """rid -> its document and guest row, each read once a search (a few matches are
        read to be ranked, then shown; the badge code's guest with its lookup, where body,
        organisation and title are None unless some organisation or title matched: see
        code_rids)."""
        shown = self._shown
        wanted = [r for r in rids if r not in shown]
        if wanted:  # (a document of a deleted guest, still to refresh: id None)
            shown.update((r[0], _shown_doc(r)) for r in self.cur.execute(
                f"{_SHOWN_SQL}({marks(wanted)})", wanted))
        return {r: shown[r] for r in rids if r in shown}

    def guest_ids(self, rids: list[int]) -> dict[int, tuple[str, str]]:
        """rid -> (guest id, sort key), for the few rows shown."""
        if not rids:
            return {}
        return {r[0]: (r[1], r[2]) for r in self.cur.execute(
            f"SELECT rid, guest_id, skey FROM search_doc WHERE rid IN ({marks(rids)})", rids)}
