"""Writing an import plan in one transaction: bulk insert of new guests, then updates."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from wimc_desktop.db.schema import SQLITE_DATETIME_FORMAT, GuestRow
from wimc_desktop.domain.badge_codes import new_code
from wimc_desktop.domain.errors import ImportCancelledError
from wimc_desktop.domain.search_keys import search_keys
from wimc_desktop.services.importing.plan import COMPARED, ImportPlan
from wimc_desktop.services.importing.rows import DEFAULT_CATEGORY, GuestDraft

CHUNK = 5000
TEXT_FIELDS = ("name", "name_en", "gender", "organization", "title", "country", "mobile",
               "email", "external_id", "notes")
COLUMNS = ("id", *TEXT_FIELDS, "category", "attendance", "badge_code", "source", "import_id",
           "extra", "name_pinyin", "name_initials", "name_latin", "phone_digits",
           "search_text", "created_at", "updated_at")
Progress = Callable[[int, int], None]
GUEST_TABLE: Table = GuestRow.__table__  # type: ignore[assignment]


def _derived(values: dict[str, str]) -> dict[str, str]:
    keys = search_keys(values.get("name", ""), values.get("name_en", ""),
                       values.get("organization", ""), values.get("title", ""),
                       values.get("mobile", ""), values.get("email", ""),
                       values.get("badge_code", ""), values.get("external_id", ""))
    return {"name_pinyin": keys.name_pinyin, "name_initials": keys.name_initials,
            "name_latin": keys.name_latin, "phone_digits": keys.phone_digits,
            "search_text": keys.search_text}


def new_guest_record(values: dict[str, str], extra: dict[str, str], source: str,
                     import_id: str | None, now: dt.datetime) -> dict[str, Any]:
    """A complete guest row (as column -> value) for a new guest."""
    record: dict[str, Any] = {f: values.get(f, "") for f in TEXT_FIELDS}
    record.update(
        id=str(uuid.uuid4()), category=values.get("category") or DEFAULT_CATEGORY,
        attendance=values.get("attendance") or "onsite", badge_code=values["badge_code"],
        source=source, import_id=import_id, extra=extra, created_at=now, updated_at=now,
    )
    record.update(_derived(record))
    return record


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


def _sqlite_tuple(record: dict[str, Any]) -> tuple[Any, ...]:
    stamp = record["created_at"].astimezone(dt.UTC).strftime(SQLITE_DATETIME_FORMAT)
    out = [record[c] for c in COLUMNS]
    out[COLUMNS.index("extra")] = json.dumps(record["extra"], ensure_ascii=False)
    out[-2] = out[-1] = stamp
    return tuple(out)


def insert_guests(session: Session, records: list[dict[str, Any]]) -> None:
    """Bulk insert: the driver's executemany of tuples on SQLite, Core executemany elsewhere."""
    if not records:
        return
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        sql = (f"INSERT INTO guest ({', '.join(COLUMNS)}) "
               f"VALUES ({', '.join('?' * len(COLUMNS))})")
        conn.exec_driver_sql(sql, [_sqlite_tuple(r) for r in records])
    else:
        conn.execute(insert(GUEST_TABLE), records)


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
        insert_guests(session, [new_guest_record(d.values, d.extra, source, import_id, now)
                                for d in chunk])
        if progress:
            progress(start + len(chunk), total)
    if is_cancelled and is_cancelled():
        raise ImportCancelledError("import cancelled; nothing was written")
    update_guests(session, plan.updates, now)
    if progress:
        progress(total, total)
