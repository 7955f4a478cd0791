"""Writing an import plan in one transaction: bulk insert of new guests, then updates."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from typing import Any

from sqlalchemy import Index, Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from wimc_desktop.db.bulk import bulk_settings
from wimc_desktop.db.schema import SQLITE_DATETIME_FORMAT, GuestRow
from wimc_desktop.domain.badge_codes import new_code
from wimc_desktop.domain.errors import ImportCancelledError
from wimc_desktop.domain.fields import GUEST_FIELDS
from wimc_desktop.domain.guest_record import field_names
from wimc_desktop.domain.ids import new_ids
from wimc_desktop.domain.search_keys import search_key_columns, search_keys
from wimc_desktop.services.guests import all_codes
from wimc_desktop.services.importing.plan import COMPARED, ImportPlan
from wimc_desktop.services.importing.rows import DEFAULT_CATEGORY, GuestBatch, GuestDraft
from wimc_desktop.services.search import IndexedColumns

log = logging.getLogger("wimc_desktop.services")
CHUNK = 5000
DEFER_INDEXES_FROM = 10_000  # new guests into an empty table: see _deferred_indexes
# The fields a list gives as they are; the record's filled ones (category, attendance,
# badge code) follow them, given a value where the list has none.
TEXT_FIELDS = field_names(lambda f: f.imported and not f.filled)
COLUMNS = ("id", *TEXT_FIELDS, *field_names(lambda f: f.filled), "source", "import_id",
           "extra", "name_pinyin", "name_initials", "name_latin", "phone_digits", "name_sort",
           "created_at", "updated_at")
Progress = Callable[[int, int], None]
GUEST_TABLE: Table = GuestRow.__table__  # type: ignore[assignment]
# Columns the table fills with '' by itself: a batch where one is empty throughout leaves
# it out of the insert (fewer values bound per row: a list rarely fills every field).
BLANK_BY_DEFAULT = frozenset(c.name for c in GUEST_TABLE.c if c.server_default is not None
                             and getattr(c.server_default, "arg", None) == "")
_quote = json.encoder.encode_basestring


# The derived keys are cut to their columns: a 200-character name (the most a name may
# hold) has a longer pinyin, which PostgreSQL refuses (SQLite would keep it whole).
_PINYIN, _INITIALS, _LATIN, _SORT = (int(GUEST_TABLE.c[c].type.length)  # type: ignore[attr-defined]
                                     for c in ("name_pinyin", "name_initials", "name_latin",
                                               "name_sort"))


DERIVED_COLUMNS = ("name_pinyin", "name_initials", "name_latin", "phone_digits", "name_sort")


def derived_keys(values: dict[str, str]) -> dict[str, str]:
    """The search keys a guest row derives from its name, English name and mobile."""
    keys = search_keys(values.get("name", ""), values.get("name_en", ""),
                       values.get("mobile", ""))
    return {"name_pinyin": keys.name_pinyin[:_PINYIN],
            "name_initials": keys.name_initials[:_INITIALS],
            "name_latin": keys.name_latin[:_LATIN], "phone_digits": keys.phone_digits,
            "name_sort": keys.name_sort[:_SORT]}


def new_guest_record(values: dict[str, str], extra: dict[str, str], source: str,
                     import_id: str | None, now: dt.datetime) -> dict[str, Any]:
    """A complete guest row (column -> value) for one new guest (walk-ins, edits)."""
    batch = GuestBatch([0], {f: [values.get(f, "")] for f in GUEST_FIELDS},
                       {h: [v] for h, v in extra.items()})
    columns = _columns(batch, source, import_id, [extra], now)
    return {name: columns[name][0] for name in COLUMNS}


def json_objects(extra: dict[str, list[str]], count: int) -> list[str]:
    """Each row's filled unmapped columns as a JSON object (the text json.dumps writes),
    made column by column."""
    if not extra:
        return ["{}"] * count
    parts = [[f"{key}: {_quote(v)}, " if v else "" for v in column]
             for key, column in ((_quote(h), c) for h, c in extra.items())]
    return [f"{{{text[:-2]}}}" if text else "{}" for text in map("".join, zip(*parts, strict=True))]


def _columns(batch: GuestBatch, source: str, import_id: str | None, extra: Sequence[Any],
             stamp: Any) -> dict[str, Sequence[Any]]:
    """Every column of the batch's rows by name (COLUMNS, and the names' shorthand the
    search index takes from here), its search keys derived column-wise once
    (domain.search_keys); the driver's executemany binds them zipped."""
    cols = batch.columns
    keys = search_key_columns(cols["name"], cols["name_en"], cols["mobile"])
    n = len(batch)
    pinyin, initials = _cut(keys.name_pinyin, _PINYIN), _cut(keys.name_initials, _INITIALS)
    values: tuple[Sequence[Any], ...] = (
        new_ids(n), *(cols[f] for f in TEXT_FIELDS),
        _filled(cols["category"], DEFAULT_CATEGORY), _filled(cols["attendance"], "onsite"),
        cols["badge_code"], [source] * n, [import_id] * n, extra, pinyin, initials,
        _cut(keys.name_latin, _LATIN), keys.phone_digits, _cut(keys.name_sort, _SORT),
        [stamp] * n, [stamp] * n)
    columns = dict(zip(COLUMNS, values, strict=True))
    if pinyin is keys.name_pinyin and initials is keys.name_initials:  # (else: of the cut)
        columns["name_shorthand"] = keys.name_shorthand
    return columns


def _filled(column: list[str], default: str) -> list[str]:
    """A filled field's column: its default where the list gives none."""
    return column if all(column) else [value or default for value in column]


def _cut(column: Sequence[str], length: int) -> Sequence[str]:
    """A derived key column cut to its database column."""
    if max(map(len, column), default=0) <= length:
        return column
    return [k[:length] for k in column]


def guest_columns(session: Session, batch: GuestBatch, source: str,
                  import_id: str | None, now: dt.datetime) -> dict[str, Sequence[Any]]:
    """The batch's columns as the database takes them: on SQLite times as text and extra
    data as JSON (written by the driver's executemany), else as the Core insert binds."""
    if session.connection().dialect.name != "sqlite":
        return _columns(batch, source, import_id,
                        [batch.extra_of(i) for i in range(len(batch))], now)
    stamp = now.astimezone(dt.UTC).strftime(SQLITE_DATETIME_FORMAT)
    return _columns(batch, source, import_id, json_objects(batch.extra, len(batch)), stamp)


def insert_rows(session: Session, rows: list[tuple[Any, ...]],
                names: Sequence[str] = COLUMNS) -> None:
    """Write guest rows as guest_columns makes them, zipped (their columns: `names`)."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"INSERT INTO guest ({', '.join(names)}) "
                             f"VALUES ({', '.join('?' * len(names))})", rows)
    else:
        conn.execute(insert(GUEST_TABLE), [dict(zip(names, r, strict=True)) for r in rows])


def assign_codes(session: Session, batch: GuestBatch, prefix: str) -> None:
    """Give every new row without a badge code a fresh unambiguous one."""
    codes = batch.columns["badge_code"]
    if all(codes):
        return
    taken = all_codes(session)
    taken.update(c for c in codes if c)
    for index, code in enumerate(codes):
        if not code:
            codes[index] = new_code(prefix, taken.__contains__)
            taken.add(codes[index])


def _update_params(session: Session, updates: list[tuple[str, GuestDraft]],
                   now: dt.datetime) -> list[dict[str, Any]]:
    ids = [gid for gid, _ in updates]
    current = {r.id: r for r in session.execute(
        select(GuestRow).where(GuestRow.id.in_(ids))).scalars()}
    params = []
    for gid, draft in updates:
        row = current[gid]
        merged = {f: getattr(row, f) for f in COMPARED}
        merged.update({k: v for k, v in draft.values.items() if v and k in COMPARED})
        merged.update(derived_keys(merged), extra={**(row.extra or {}), **draft.extra},
                      updated_at=now, _id=gid)
        params.append(merged)
    return params


def update_guests(session: Session, updates: list[tuple[str, GuestDraft]],
                  now: dt.datetime) -> None:
    """Apply the changed fields of matched guests (check-ins are never touched)."""
    if not updates:
        return
    session.flush()
    stmt = update(GUEST_TABLE).where(GUEST_TABLE.c.id == bindparam("_id"))
    conn = session.connection()
    for start in range(0, len(updates), CHUNK):
        params = _update_params(session, updates[start:start + CHUNK], now)
        conn.execute(stmt, params)


def _deferred_indexes(session: Session, new: int) -> list[Index]:
    """The guest table's secondary indexes, dropped before a large first import into an
    empty table (SQLite) and made again after it: one sort each instead of an insert at a
    random place per row (0.82 -> 0.60 s for 100,000 guests). Inside the transaction, so a
    failed or cancelled import rolls the drop back too; other connections never see it."""
    conn = session.connection()
    if (conn.dialect.name != "sqlite" or new < DEFER_INDEXES_FROM
            or conn.exec_driver_sql("SELECT 1 FROM guest LIMIT 1").first() is not None):
        return []
    indexes = sorted(GUEST_TABLE.indexes, key=lambda i: str(i.name))
    for index in indexes:
        index.drop(conn)
    return indexes


@contextlib.contextmanager
def _bulk(session: Session, large: bool) -> Iterator[None]:
    """A large first import's connection with bulk settings (db.bulk) while it writes."""
    if not large:
        yield
        return
    with bulk_settings(session.connection().connection.driver_connection):  # type: ignore[arg-type]
        yield


def write_plan(session: Session, batch: GuestBatch, plan: ImportPlan, *, source: str,
               import_id: str | None,
               progress: Progress | None, is_cancelled: Callable[[], bool] | None
               ) -> IndexedColumns | None:
    """Insert and update in chunks, honouring Cancel until the commit. A large first
    import (into an empty table, on SQLite) returns its guests as the search index reads
    them (services.search.index_import then need not read them back); else None."""
    now = dt.datetime.now(dt.UTC)
    total = len(plan.new) + len(plan.updates)
    session.flush()
    deferred = _deferred_indexes(session, len(plan.new))
    new = batch.subset(plan.new)
    columns = guest_columns(session, new, source, import_id, now) if len(new) else {}
    names = [c for c in COLUMNS if c not in BLANK_BY_DEFAULT or any(columns.get(c, ()))]
    rows = zip(*(columns[c] for c in names), strict=True) if columns else iter(())
    with _bulk(session, bool(deferred)):  # (SQLite: see _deferred_indexes)
        for start in range(0, len(new), CHUNK):
            if is_cancelled and is_cancelled():
                raise ImportCancelledError("import cancelled; nothing was written")
            insert_rows(session, list(islice(rows, CHUNK)), names)
            if progress:
                progress(min(start + CHUNK, len(new)), total)
        for index in deferred:
            index.create(session.connection())
    if is_cancelled and is_cancelled():
        raise ImportCancelledError("import cancelled; nothing was written")
    update_guests(session, plan.updates, now)
    if progress:
        progress(total, total)
    return IndexedColumns.named(columns) if deferred else None
