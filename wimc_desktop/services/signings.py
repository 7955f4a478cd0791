"""The signing register: record, amend and cancel signings (never deleted), list and total them.

Every change is one write transaction that also appends a SigningHistoryRow with a
snapshot of the signing as it became, so the register can always say who changed
what, when and why. Parties and witnesses are the signing's current state (replaced
on amendment; the snapshots keep the earlier ones).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.orm import Session

from wimc_desktop.db.change_feed import declare, declare_replaced
from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import (
    EventRow,
    GuestRow,
    HubEventRow,
    SigningHistoryRow,
    SigningPartyRow,
    SigningRow,
    SigningWitnessRow,
)
from wimc_desktop.domain.changes import Change, ChangeKind
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.errors import BadInputError, Message, NotFoundError
from wimc_desktop.domain.ids import new_id, new_ids
from wimc_desktop.domain.money import from_fen, to_fen
from wimc_desktop.domain.signing_totals import GroupBy, SigningFilter, SigningSummary, summarize
from wimc_desktop.domain.signings import (
    FIELD_NAMES,
    Signing,
    SigningChange,
    SigningDraft,
    SigningParty,
    SigningStatus,
    SigningWitness,
    validate_draft,
)
from wimc_desktop.domain.text_safety import FIELD_LABELS, check_text
from wimc_desktop.services import audit
from wimc_desktop.services.sync.receipts import (
    SIGNING_AMEND_CONFLICT,
    changed_signing,
    conflict_fields,
    signing_action,
)


@dataclass(frozen=True, slots=True)
class SigningChoices:
    """The values in use, for the filters of the Signings page."""

    ceremonies: tuple[str, ...]
    sectors: tuple[str, ...]
    locations: tuple[str, ...]
    days: tuple[dt.date, ...]


@dataclass(frozen=True, slots=True)
class SigningConflict:
    """An amendment or cancel of a signing at one desk that clashed with another desk's
    (as the hub recorded it, services.sync.signing_merge): the fields, whose values were
    kept and whose not (desk, operator, when), and what the later one did."""

    signing_id: str
    fields: tuple[str, ...]
    action: str  # what the later one did: "amended" or "cancelled"
    kept_desk: str
    kept_operator: str
    kept_at: dt.datetime | None
    other_desk: str
    other_operator: str
    other_at: dt.datetime


def _zone(session: Session) -> ZoneInfo:
    return ZoneInfo(session.execute(select(EventRow.timezone)).scalar_one())


def _to_signing(row: SigningRow, parties: Sequence[SigningPartyRow],
                witnesses: Sequence[SigningWitnessRow], zone: ZoneInfo) -> Signing:
    return Signing(
        project_zh=row.project_zh, amount=from_fen(row.amount_fen),
        signed_at=row.signed_at.astimezone(dt.UTC),  # also when the row was just written
        parties=tuple(SigningParty(p.name, p.role, p.country, p.guest_id) for p in parties),
        project_en=row.project_en, sector=row.sector, location=row.location,
        currency=row.currency, ceremony=row.ceremony, notes=row.notes,
        witnesses=tuple(SigningWitness(w.name, w.title, w.guest_id) for w in witnesses),
        id=row.id, day=row.signed_at.astimezone(zone).date(),
        status=SigningStatus(row.status), recorded_by=row.recorded_by,
        recorded_at=row.recorded_at.astimezone(dt.UTC),
        updated_at=row.updated_at.astimezone(dt.UTC))


def _conditions(session: Session, where: SigningFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    for column, value in ((SigningRow.ceremony, where.ceremony), (SigningRow.sector, where.sector),
                          (SigningRow.location, where.location), (SigningRow.status, where.status)):
        if value is not None:
            conds.append(column == str(value))
    if where.day is not None:  # the local day, as a range of UTC instants
        start = dt.datetime.combine(where.day, dt.time(), tzinfo=_zone(session))
        end = dt.datetime.combine(where.day + dt.timedelta(days=1), dt.time(),
                                  tzinfo=start.tzinfo)
        conds += [SigningRow.signed_at >= start, SigningRow.signed_at < end]
    return conds


def _load(session: Session, conds: Sequence[ColumnElement[bool]]) -> list[Signing]:
    rows = session.execute(select(SigningRow).where(*conds).order_by(
        SigningRow.signed_at, SigningRow.recorded_at, SigningRow.id)).scalars().all()
    ids = select(SigningRow.id).where(*conds)
    parties: dict[str, list[SigningPartyRow]] = {}
    for p in session.execute(select(SigningPartyRow).where(SigningPartyRow.signing_id.in_(
            ids)).order_by(SigningPartyRow.position)).scalars():
        parties.setdefault(p.signing_id, []).append(p)
    witnesses: dict[str, list[SigningWitnessRow]] = {}
    for w in session.execute(select(SigningWitnessRow).where(SigningWitnessRow.signing_id.in_(
            ids)).order_by(SigningWitnessRow.position)).scalars():
        witnesses.setdefault(w.signing_id, []).append(w)
    zone = _zone(session)
    return [_to_signing(r, parties.get(r.id, []), witnesses.get(r.id, []), zone) for r in rows]


def _load_one(session: Session, signing_id: str) -> Signing:
    found = _load(session, [SigningRow.id == signing_id])
    if not found:
        raise NotFoundError("no signing with id {id}", id=signing_id)
    return found[0]


def _check_guests(session: Session, draft: SigningDraft) -> None:
    linked = [p.guest_id for p in draft.parties] + [w.guest_id for w in draft.witnesses]
    for guest_id in {g for g in linked if g}:
        if session.get(GuestRow, guest_id) is None:
            raise BadInputError("no guest with id {id}", id=guest_id)


def _write_people(session: Session, signing_id: str, draft: SigningDraft, *,
                  parties: bool = True, witnesses: bool = True) -> None:
    """The signing's parties and witnesses written anew (those asked for)."""
    declare(session, Change(ChangeKind.SIGNING, frozenset((signing_id,))))  # (the deletes)
    if parties:
        session.execute(delete(SigningPartyRow).where(SigningPartyRow.signing_id == signing_id))
        session.add_all(SigningPartyRow(id=new_id(), signing_id=signing_id, position=i,
                                        name=p.name, role=p.role, country=p.country,
                                        guest_id=p.guest_id)
                        for i, p in enumerate(draft.parties))
    if witnesses:
        session.execute(delete(SigningWitnessRow).where(
            SigningWitnessRow.signing_id == signing_id))
        session.add_all(SigningWitnessRow(id=new_id(), signing_id=signing_id, position=i,
                                          name=w.name, title=w.title, guest_id=w.guest_id)
                        for i, w in enumerate(draft.witnesses))


def _replace_people(session: Session, row: SigningRow, before: Signing,
                    draft: SigningDraft) -> None:
    """An amendment's parties and witnesses, only those it changes, the replaced ones said
    (a desk's event carries them: the hub merges a signing field by field,
    services.sync.signing_merge)."""
    people = {"parties": draft.parties != before.parties,
              "witnesses": draft.witnesses != before.witnesses}
    old = before.as_json()
    declare_replaced(session, row, {k: old[k] for k, changed in people.items() if changed})
    if any(people.values()):
        _write_people(session, row.id, draft, **people)


def _check_characters(draft: SigningDraft) -> None:
    """No control or text-direction character in what the register, the stage screen and
    the exports show (domain.text_safety; notes may hold line breaks)."""
    texts = [("project_name", draft.project_zh), ("project_en", draft.project_en),
             ("sector", draft.sector), ("location", draft.location),
             ("ceremony", draft.ceremony)]
    texts += [(label, text) for p in draft.parties
              for label, text in (("name", p.name), ("role", p.role), ("country", p.country))]
    texts += [(label, text) for w in draft.witnesses
              for label, text in (("name", w.name), ("title", w.title))]
    for label, text in texts:
        check_text(FIELD_NAMES[label], text)
    check_text(FIELD_LABELS["notes"], draft.notes, multiline=True)


def _set_fields(row: SigningRow, draft: SigningDraft) -> None:
    row.project_zh, row.project_en = draft.project_zh, draft.project_en
    row.sector, row.location, row.ceremony = draft.sector, draft.location, draft.ceremony
    row.amount_fen, row.currency = to_fen(draft.amount), draft.currency
    row.signed_at, row.notes = draft.signed_at, draft.notes


def _log(session: Session, signing_id: str, action: str, desk: Desk, reason: str,
         now: dt.datetime, before: Signing | None = None) -> Signing:
    """The signing's history row, and its audit row: what changed (before/after), who."""
    session.flush()
    signing = _load_one(session, signing_id)
    after = signing.as_json()
    session.add(SigningHistoryRow(id=new_id(), signing_id=signing_id, at=now,
                                  operator=desk.operator, action=action, reason=reason,
                                  snapshot=after))
    old = before.as_json() if before is not None else {}
    changed = sorted(k for k in after if k != "updated_at" and old.get(k) != after[k])
    audit.record(session, desk, f"signing_{action}", reason=reason, now=now,
                 signing=signing_id, before={k: old.get(k) for k in changed} if old else None,
                 after={k: after[k] for k in changed})
    return signing


def _desk(operator: str, desk: Desk | None) -> Desk:
    """Who the audit row names: the desk, with the operator the change is recorded under."""
    return Desk(desk.name, operator, desk.role) if desk is not None else Desk("", operator)


def add_signings(db: Database, drafts: Sequence[SigningDraft], *, operator: str,
                 now: dt.datetime | None = None, ids: Sequence[str] | None = None,
                 desk: Desk | None = None) -> list[Signing]:
    """Record new signings, all or none (one transaction); `desk` (its operator is
    `operator`) is recorded in the audit log."""
    now = now or dt.datetime.now(dt.UTC)
    checked = [validate_draft(d) for d in drafts]
    for draft in checked:
        _check_characters(draft)
    ids = list(ids) if ids is not None else new_ids(len(checked))
    with db.write() as session:
        added = []
        for signing_id, draft in zip(ids, checked, strict=True):
            _check_guests(session, draft)
            row = SigningRow(id=signing_id, status=SigningStatus.SIGNED.value,
                             recorded_by=operator, recorded_at=now, updated_at=now)
            _set_fields(row, draft)
            session.add(row)
            _write_people(session, signing_id, draft)
            added.append(_log(session, signing_id, "recorded", _desk(operator, desk), "", now))
        return added


def add_signing(db: Database, draft: SigningDraft, *, operator: str,
                now: dt.datetime | None = None, desk: Desk | None = None) -> Signing:
    """Record one new signing."""
    return add_signings(db, [draft], operator=operator, now=now, desk=desk)[0]


# Why a signing cannot be amended or cancelled, per verb (whole sentences, to translate).
_REFUSALS = {
    "amended": (Message("this signing was cancelled; it cannot be amended any more"),
                Message("a signing is amended only with a reason")),
    "cancelled": (Message("this signing was cancelled; it cannot be cancelled any more"),
                  Message("a signing is cancelled only with a reason")),
}


def _changeable(session: Session, signing_id: str, reason: str, verb: str) -> SigningRow:
    row = session.get(SigningRow, signing_id)
    if row is None:
        raise NotFoundError("no signing with id {id}", id=signing_id)
    was_cancelled, needs_reason = _REFUSALS[verb]
    if row.status == SigningStatus.CANCELLED.value:
        raise BadInputError(was_cancelled)
    if not reason.strip():
        raise BadInputError(needs_reason)
    return row


def amend_signing(db: Database, signing_id: str, draft: SigningDraft, *, operator: str,
                  reason: str, now: dt.datetime | None = None,
                  expected_updated_at: dt.datetime | None = None,
                  desk: Desk | None = None) -> Signing:
    """Replace what a signing says (with a reason); it then counts at its new amount.

    With `expected_updated_at` (the time the editor read it), a signing changed meanwhile
    by another desk is refused instead of overwritten.
    """
    now = now or dt.datetime.now(dt.UTC)
    checked = validate_draft(draft)
    _check_characters(checked)
    with db.write() as session:
        row = _changeable(session, signing_id, reason, "amended")
        if expected_updated_at is not None and row.updated_at != expected_updated_at:
            raise BadInputError("this signing was changed meanwhile (by another desk?); "
                                "reload it and amend again")
        before = _load_one(session, signing_id)
        if before.draft() == checked:
            raise BadInputError("nothing changed: the amendment says what the signing says")
        _check_guests(session, checked)
        _set_fields(row, checked)
        row.status, row.updated_at = SigningStatus.AMENDED.value, now
        _replace_people(session, row, before, checked)
        return _log(session, signing_id, "amended", _desk(operator, desk), reason.strip(), now,
                    before)


def cancel_signing(db: Database, signing_id: str, *, operator: str, reason: str,
                   now: dt.datetime | None = None, desk: Desk | None = None) -> Signing:
    """Cancel a signing (with a reason): it stays in the register, outside every total."""
    now = now or dt.datetime.now(dt.UTC)
    with db.write() as session:
        row = _changeable(session, signing_id, reason, "cancelled")
        before = _load_one(session, signing_id)
        row.status, row.updated_at = SigningStatus.CANCELLED.value, now
        return _log(session, signing_id, "cancelled", _desk(operator, desk), reason.strip(),
                    now, before)


def signing_snapshot(session: Session, signing_id: str) -> dict[str, object]:
    """A signing as its history keeps it (the hub's record of a conflict between desks:
    services.sync.signing_merge)."""
    return _load_one(session, signing_id).as_json()


def get_signing(db: Database, signing_id: str) -> Signing:
    with db.read() as session:
        return _load_one(session, signing_id)


def find_signing_id(db: Database, text: str) -> str:
    """The id of the one signing whose id is or starts with `text` (as the CLI shows it)."""
    text = text.strip().lower()
    if len(text) < 4:
        raise BadInputError("give at least 4 characters of a signing id, not {text!r}",
                            text=text)
    with db.read() as session:
        found = session.execute(select(SigningRow.id).where(
            SigningRow.id.startswith(text, autoescape=True)).limit(2)).scalars().all()
    if not found:
        raise NotFoundError("no signing with id {id}", id=text)
    if len(found) > 1:
        raise BadInputError("{text} matches several signings; give more of the id", text=text)
    return found[0]


def list_signings(db: Database, where: SigningFilter | None = None) -> list[Signing]:
    """The signings that match, in the order they were signed."""
    with db.read() as session:
        return _load(session, _conditions(session, where or SigningFilter()))


def summarize_signings(db: Database, where: SigningFilter | None = None,
                       by: GroupBy | None = None) -> SigningSummary:
    """Exact totals of the signings that match (cancelled ones excluded), by `by` if given."""
    return summarize(list_signings(db, where), by)


def signing_history(db: Database, signing_id: str) -> list[SigningChange]:
    """Every change to a signing, oldest first."""
    with db.read() as session:
        if session.get(SigningRow, signing_id) is None:
            raise NotFoundError("no signing with id {id}", id=signing_id)
        rows = session.execute(select(SigningHistoryRow).where(
            SigningHistoryRow.signing_id == signing_id).order_by(
            SigningHistoryRow.at, SigningHistoryRow.id)).scalars()
        return [SigningChange(r.at, r.operator, r.action, r.reason, dict(r.snapshot))
                for r in rows]


def signing_conflicts(db: Database) -> dict[str, tuple[SigningConflict, ...]]:
    """The conflicts the hub recorded on signings (its log, or a desk's copy of it), by
    signing, oldest first."""
    found: dict[str, list[SigningConflict]] = {}
    with db.read() as session:
        for e in session.execute(select(HubEventRow).where(
                HubEventRow.conflict == SIGNING_AMEND_CONFLICT).order_by(
                HubEventRow.hub_at, HubEventRow.id)).scalars():
            sent = changed_signing(e.payload)
            if sent is None:  # (no signing changed: nothing to mark)
                continue
            found.setdefault(str(sent["id"]), []).append(SigningConflict(
                str(sent["id"]), conflict_fields(e.reason), signing_action(sent),
                e.kept_desk, e.kept_operator,
                e.kept_at.astimezone(dt.UTC) if e.kept_at else None, e.desk, e.operator,
                e.device_at.astimezone(dt.UTC)))
    return {k: tuple(v) for k, v in found.items()}


def signing_choices(db: Database) -> SigningChoices:
    """The ceremonies, sectors, locations and days in use (for filter menus), sorted."""
    signings = list_signings(db)

    def values(attr: str) -> tuple[str, ...]:
        return tuple(sorted({getattr(s, attr) for s in signings} - {""}))

    return SigningChoices(values("ceremony"), values("sector"), values("location"),
                          tuple(sorted({s.day for s in signings})))
