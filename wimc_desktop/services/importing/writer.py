"""Writing an import plan in one transaction: bulk insert of new guests, then updates."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from wimc_desktop.db.schema import SQLITE_DATETIME_FORMAT, GuestRow
from wimc_desktop.domain.badge_codes import new_code
from wimc_desktop.domain.errors import ImportCancelledError
from wimc_desktop.domain.fields import GUEST_FIELDS
from wimc_desktop.domain.ids import new_id, new_ids
from wimc_desktop.domain.search_keys import search_keys
from wimc_desktop.services.importing.plan import COMPARED, ImportPlan
from wimc_desktop.services.importing.rows import DEFAULT_CATEGORY, GuestDraft

CHUNK = 5000
TEXT_FIELDS = ("name", "name_en", "gender", "organization", "title", "country", "mobile",
               "email", "external_id", "notes")
COLUMNS = ("id", *TEXT_FIELDS, "category", "attendance", "badge_code", "source", "import_id",
           "extra", "name_pinyin", "name_initials", "name_latin", "phone_digits",
           "created_at", "updated_at")
Progress = Callable[[int, int], None]
GUEST_TABLE: Table = GuestRow.__table__  # type: ignore[assignment]
_TEXT_GETTER = itemgetter(*TEXT_FIELDS)
_quote = json.encoder.encode_basestring


def _derived(values: dict[str, str]) -> dict[str, str]:
    keys = search_keys(values.get("name", ""), values.get("name_en", ""),
                       values.get("mobile", ""))
    return {"name_pinyin": keys.name_pinyin, "name_initials": keys.name_initials,
            "name_latin": keys.name_latin, "phone_digits": keys.phone_digits}


def new_guest_record(values: dict[str, str], extra: dict[str, str], source: str,
                     import_id: str | None, now: dt.datetime) -> dict[str, Any]:
    """A complete guest row (as column -> value) for a new guest."""
    return dict(zip(COLUMNS, _row(new_id(), values, extra, source, import_id, now, now),
                    strict=True))


def _row(gid: str, v: dict[str, str], extra: Any, source: str, import_id: str | None,
         created: Any, updated: Any) -> tuple[Any, ...]:
    get = v.get
    keys = search_keys(v["name"], get("name_en", ""), get("mobile", ""))
    return (gid, *_texts(v), get("category") or DEFAULT_CATEGORY,
            get("attendance") or "onsite", v["badge_code"], source, import_id, extra,
            keys.name_pinyin, keys.name_initials, keys.name_latin, keys.phone_digits,
            created, updated)


def _texts(values: dict[str, str]) -> tuple[str, ...]:
    if len(values) >= len(GUEST_FIELDS):  # a converter's full dict: one C-level lookup
        return _TEXT_GETTER(values)  # type: ignore[no-any-return]
    return tuple(values.get(f, "") for f in TEXT_FIELDS)


def json_object(extra: dict[str, str]) -> str:
    """A flat text-to-text dict as JSON (the same text json.dumps writes, made faster)."""
    if not extra:
        return "{}"
    return "{" + ", ".join(f"{_quote(k)}: {_quote(v)}" for k, v in extra.items()) + "}"


def sqlite_rows(drafts: list[GuestDraft], source: str, import_id: str | None,
                now: dt.datetime) -> list[tuple[Any, ...]]:
    """Guest rows as the tuples the SQLite driver binds (JSON text, datetime text)."""
    stamp = now.astimezone(dt.UTC).strftime(SQLITE_DATETIME_FORMAT)
    ids = new_ids(len(drafts))
    return [_row(gid, d.values, json_object(d.extra), source, import_id, stamp, stamp)
            for gid, d in zip(ids, drafts, strict=True)]


def insert_drafts(session: Session, drafts: list[GuestDraft], source: str,
                  import_id: str | None, now: dt.datetime) -> None:
    """Bulk insert: the driver's executemany of tuples on SQLite, Core executemany elsewhere."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        sql = (f"INSERT INTO guest ({', '.join(COLUMNS)}) "
               f"VALUES ({', '.join('?' * len(COLUMNS))})")
        conn.exec_driver_sql(sql, sqlite_rows(drafts, source, import_id, now))
    else:
        ids = new_ids(len(drafts))
        records = [dict(zip(COLUMNS, _row(gid, d.values, d.extra, source, import_id, now, now),
                            strict=True)) for gid, d in zip(ids, drafts, strict=True)]
        conn.execute(insert(GUEST_TABLE), records)


def assign_codes(session: Session, drafts: list[GuestDraft], prefix: str) -> None:
    """Give every new row without a badge code a fresh unambiguous one."""
    if all(d.values.get("badge_code") for d in drafts):
        return
    taken = set(session.execute(select(GuestRow.badge_code)).scalars())
    taken.update(d.values["badge_code"] for d in drafts if d.values.get("badge_code"))
    for draft in drafts:
        if not draft.values.get("badge_code"):
            code = new_code(prefix, taken.__contains__)
            taken.add(code)
            draft.values["badge_code"] = code


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
        merged.update(_derived(merged), extra={**(row.extra or {}), **draft.extra},
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


def write_plan(session: Session, plan: ImportPlan, *, source: str, import_id: str | None,
               progress: Progress | None, is_cancelled: Callable[[], bool] | None) -> None:
    """Insert and update in chunks, honouring Cancel until the commit."""
    now = dt.datetime.now(dt.UTC)
    total = len(plan.new) + len(plan.updates)
    session.flush()
    for start in range(0, len(plan.new), CHUNK):
        if is_cancelled and is_cancelled():
            raise ImportCancelledError("import cancelled; nothing was written")
        chunk = plan.new[start:start + CHUNK]
        insert_drafts(session, chunk, source, import_id, now)
        if progress:
            progress(start + len(chunk), total)
    if is_cancelled and is_cancelled():
        raise ImportCancelledError("import cancelled; nothing was written")
    update_guests(session, plan.updates, now)
    if progress:
        progress(total, total)
