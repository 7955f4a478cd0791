"""Deciding what each accepted row does: add a guest, update one, or change nothing.

Matching rule for re-imports (documented in the README): a row is the same guest as an
existing one by badge code; else by external id; else by mobile; else by e-mail. Mobile and
e-mail match only when the name is the same too (an assistant's phone or a shared office
address must not merge two people), and keys that several guests share are not used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wimc_desktop.db.schema import GuestRow, RevokedBadgeRow
from wimc_desktop.domain.errors import ImportProblem
from wimc_desktop.domain.fields import GUEST_FIELDS
from wimc_desktop.domain.problems import Reason
from wimc_desktop.services.importing.rows import GuestBatch, GuestDraft

MATCH_KEYS = ("badge_code", "external_id", "mobile", "email")
WEAK_KEYS = ("mobile", "email")
COMPARED = GUEST_FIELDS  # every field a list can fill
_AMBIGUOUS = ""


@dataclass
class ImportPlan:
    """Which rows add a guest, which update one, how many change nothing."""

    new: list[int] = field(default_factory=list)  # indices into the batch
    updates: list[tuple[str, GuestDraft]] = field(default_factory=list)
    unchanged: int = 0
    problems: list[ImportProblem] = field(default_factory=list)
    # Matched guests whose row gives another badge code: (guest id, current code, new code).
    code_changes: list[tuple[str, str, str]] = field(default_factory=list)


def existing_keys(session: Session) -> dict[str, dict[str, str]]:
    """For each matching key, value -> guest id ('' where several guests share it).

    The extra keys "name" and "code" map guest id -> name (for the weak keys' name check)
    and guest id -> current badge code.
    """
    table: dict[str, dict[str, str]] = {k: {} for k in (*MATCH_KEYS, "name", "code")}
    columns = [getattr(GuestRow, k) for k in MATCH_KEYS]
    for row in session.execute(select(GuestRow.id, GuestRow.name, *columns)):
        table["name"][row[0]] = row[1]
        table["code"][row[0]] = row[2]
        for key, value in zip(MATCH_KEYS, row[2:], strict=True):
            if value:
                known = table[key].get(value)
                table[key][value] = row[0] if known is None else _AMBIGUOUS
    return table


def _match(values: dict[str, str], keys: dict[str, dict[str, str]]) -> str | None:
    for key in MATCH_KEYS:
        value = values[key]
        found = keys[key].get(value) if value else None
        if found and (key not in WEAK_KEYS or keys["name"][found] == values["name"]):
            return found
    return None


def _named_by_weak_keys(values: dict[str, str], keys: dict[str, dict[str, str]]) -> set[str]:
    """The guests the row's name with its mobile or e-mail points to."""
    found = set()
    for key in WEAK_KEYS:
        guest = keys[key].get(values[key]) if values[key] else None
        if guest and keys["name"][guest] == values["name"]:
            found.add(guest)
    return found


def _conflict(draft: GuestDraft, guest_id: str, keys: dict[str, dict[str, str]],
              headers: dict[str, str], file: str) -> ImportProblem | None:
    """A badge code or external id that belongs to a different guest than the match.

    The row's name with its mobile or e-mail naming another guest than its badge code (or
    external id) is such a conflict too: `Cy Doe, cy@x.com, X-1` where X-1 is Ann Lee's
    badge would otherwise rename Ann Lee to a second Cy Doe."""
    for key, reason in (("badge_code", Reason.BADGE_CODE_OF_ANOTHER_GUEST),
                        ("external_id", Reason.EXTERNAL_ID_OF_ANOTHER_GUEST)):
        value = draft.values.get(key, "")
        other = keys[key].get(value) if value else None
        if other and (other != guest_id
                      or _named_by_weak_keys(draft.values, keys) - {guest_id}):
            return ImportProblem.of(draft.row, headers.get(key, key), value, reason, file)
    return None


def _in_file_duplicates(batch: GuestBatch, headers: dict[str, str],
                        file: str) -> list[ImportProblem]:
    problems: list[ImportProblem] = []
    for key, reason in (("badge_code", Reason.DUPLICATE_BADGE_CODE),
                        ("external_id", Reason.DUPLICATE_EXTERNAL_ID)):
        column = batch.columns[key]
        filled = [v for v in column if v]
        if len(set(filled)) == len(filled):
            continue
        first_row: dict[str, int] = {}
        for row, value in zip(batch.rows, column, strict=True):
            if value and value in first_row:
                problems.append(ImportProblem.of(row, headers.get(key, key), value, reason,
                                                 file, row=first_row[value]))
            elif value:
                first_row[value] = row
    return problems


def _changed(draft: GuestDraft, current: Any) -> bool:
    # An empty cell never erases what the guest already has.
    for name, value in draft.values.items():
        if value and name in COMPARED and value != getattr(current, name):
            return True
    extra = dict(current.extra or {})
    return bool(draft.extra) and extra != {**extra, **draft.extra}


def _revoked_codes(session: Session, batch: GuestBatch, headers: dict[str, str],
                   file: str) -> list[ImportProblem]:
    stmt = select(RevokedBadgeRow.code, RevokedBadgeRow.replaced_by)
    revoked = {code: new for code, new in session.execute(stmt)}
    if not revoked:
        return []
    return [ImportProblem.of(row, headers.get("badge_code", "badge_code"), code,
                             Reason.REVOKED_BADGE_CODE, file, code=revoked[code])
            for row, code in zip(batch.rows, batch.columns["badge_code"], strict=True)
            if code in revoked]


def _code_change(draft: GuestDraft, guest_id: str, keys: dict[str, dict[str, str]]
                 ) -> tuple[str, str, str] | None:
    """(guest id, current code, new code) when a matched row gives the guest another code."""
    new, old = draft.values.get("badge_code", ""), keys["code"].get(guest_id, "")
    return (guest_id, old, new) if new and old and new != old else None


def make_plan(session: Session, batch: GuestBatch, headers: dict[str, str],
              file: str, *, replace_badge_codes: bool = False) -> ImportPlan:
    """Match every row against the database and the rest of the file.

    A matched guest's badge code is never changed silently: a row that gives another one
    is a problem (badge code conflict), unless `replace_badge_codes` (then the change is in
    plan.code_changes, for the writer to revoke the old code as a reissue does)."""
    plan = ImportPlan(problems=_in_file_duplicates(batch, headers, file)
                      + _revoked_codes(session, batch, headers, file))
    keys = existing_keys(session)
    if not keys["name"]:  # an empty guest list: every row is a new guest
        plan.new = list(range(len(batch)))
        return plan
    claimed: dict[str, int] = {}
    for index in range(len(batch)):
        guest_id = _match(batch.values(index), keys)
        if guest_id is None:
            plan.new.append(index)
            continue
        draft = batch.draft(index)
        conflict = _conflict(draft, guest_id, keys, headers, file)
        if conflict:
            plan.problems.append(conflict)
        elif guest_id in claimed:
            plan.problems.append(ImportProblem.of(
                draft.row, "", draft.values["name"], Reason.SAME_GUEST_AS_ROW, file,
                row=claimed[guest_id]))
        else:
            claimed[guest_id] = draft.row
            plan.updates.append((guest_id, draft))
            change = _code_change(draft, guest_id, keys)
            if change is not None and replace_badge_codes:
                plan.code_changes.append(change)
            elif change is not None:
                plan.problems.append(ImportProblem.of(
                    draft.row, headers.get("badge_code", "badge_code"), change[2],
                    Reason.BADGE_CODE_CONFLICT, file, old=change[1], new=change[2]))
    return plan


def split_unchanged(session: Session, plan: ImportPlan) -> None:
    """Drop the updates that would change nothing, counting them as unchanged."""
    if not plan.updates:
        return
    ids = [gid for gid, _ in plan.updates]
    current: dict[str, Any] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(select(GuestRow).where(GuestRow.id.in_(ids[start:start + 500])))
        current.update((r.id, r) for r in rows.scalars())
    kept = [(gid, d) for gid, d in plan.updates if _changed(d, current[gid])]
    plan.unchanged = len(plan.updates) - len(kept)
    plan.updates = kept
