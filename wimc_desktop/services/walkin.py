"""Registering a walk-in at the desk: a new guest, a badge code and the admission at once."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, insert, or_, select
from sqlalchemy.orm import Session

from wimc_desktop.db.change_feed import declare
from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import AuditRow, GuestRow
from wimc_desktop.domain.badge_codes import new_code
from wimc_desktop.domain.categories import category_lookup
from wimc_desktop.domain.changes import Change, ChangeKind
from wimc_desktop.domain.checkin import CheckInResult, Desk, Method, Outcome, is_event_day
from wimc_desktop.domain.errors import BadInputError, Message
from wimc_desktop.domain.models import Guest
from wimc_desktop.domain.names import name_keys
from wimc_desktop.domain.problems import REASON_TEXT, Reason
from wimc_desktop.domain.text_safety import check_fields
from wimc_desktop.services.checkin import _admit, first_checkin
from wimc_desktop.services.events import get_event
from wimc_desktop.services.guests import code_in_use, guest_from_row
from wimc_desktop.services.importing.rows import (
    MAX_LENGTH,
    check_category,
    check_email,
    check_mobile,
)
from wimc_desktop.services.importing.writer import GUEST_TABLE, new_guest_record
from wimc_desktop.services.search.indexing import sync_search_index

WALK_IN_SOURCE = "walk-in"


def _check_length(value: str, limit: int) -> None:
    """As an import's cell: a longer value is refused (PostgreSQL would refuse it later)."""
    if len(value) > limit:
        raise BadInputError("{value!r}: {reason}", value=value[:40], reason=Message(
            REASON_TEXT[Reason.TOO_LONG], limit=limit))


def _checked(name: str, organization: str, mobile: str, email: str, category: str,
             categories: dict[str, str]) -> dict[str, str]:
    values = {"name": name.strip(), "organization": organization.strip(),
              "mobile": mobile.strip(), "email": email.strip(), "category": category.strip()}
    if not values["name"]:
        raise BadInputError("a walk-in needs a name")
    for field in ("name", "organization", "email"):
        _check_length(values[field], MAX_LENGTH[field])
    for field, check in (("mobile", check_mobile), ("email", check_email),
                         ("category", check_category)):
        if values[field]:
            value, reason = check(values[field], categories)
            if reason:
                raise BadInputError("{value!r}: {reason}", value=values[field],
                                    reason=Message(REASON_TEXT[reason]))
            values[field] = value
    return values


@dataclass(frozen=True, slots=True)
class PossibleDuplicate:
    """A guest already on the list who may be the walk-in: same name (or pinyin) and more."""

    guest: Guest
    matched_on: tuple[str, ...]  # "mobile", "email", "organization"
    checked_in: bool  # on the walk-in's day

    def as_json(self) -> dict[str, object]:
        """The guest as the CLI writes guests, personal data masked."""
        return {**self.guest.as_json(), "checked_in": self.checked_in,
                "matched": list(self.matched_on)}


class PossibleDuplicateError(BadInputError):
    """The walk-in may already be on the list; nothing was written (register with force)."""

    def __init__(self, name: str, matches: list[PossibleDuplicate]) -> None:
        self.matches = matches
        super().__init__("{name} may already be on the list ({count} guest(s) with the same "
                         "name and mobile, e-mail or organization): admit that guest, or "
                         "register anyway", name=name, count=len(matches))


def _same_text(a: str, b: str) -> bool:
    return bool(a) and " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _matched_on(row: GuestRow, values: dict[str, str]) -> tuple[str, ...]:
    mobile, email = values["mobile"], values["email"]
    return tuple(field for field, same in (
        ("mobile", bool(mobile) and row.mobile == mobile),
        ("email", bool(email) and row.email.casefold() == email.casefold()),
        ("organization", _same_text(values["organization"], row.organization))) if same)


def _reordered(words: list[str]) -> set[str]:
    """A name's words as written and with the family name moved to the other end."""
    found = {" ".join(words)}
    if len(words) > 1:
        found |= {" ".join(words[1:] + words[:1]), " ".join(words[-1:] + words[:-1])}
    return found


def _possible_duplicates(session: Session, values: dict[str, str],
                         day: dt.date) -> list[PossibleDuplicate]:
    # Same name means the same name, or the same pinyin (张伟 typed as 章伟, Zhang Wei or
    # ZhangWei; 蔡浩涛 as Cai Haotao): the pinyin joined, whatever the spaces.
    # Also in the other order (Wei Zhang is 张伟, Mamat Abdulla is Abdulla Mamat) and
    # against the English name a guest is listed with (阿卜杜拉·买买提 / Abdulla Mamat).
    keys = name_keys(values["name"])
    english = _reordered(values["name"].split())
    same = [GuestRow.name == values["name"], GuestRow.name_en == values["name"],
            func.lower(GuestRow.name_en).in_(sorted({n.lower() for n in english}))]
    if keys.pinyin:
        words = (keys.latin or keys.sort).split()
        pinyins = {order.replace(" ", "") for order in _reordered(words)}
        same += [GuestRow.name_sort == keys.sort,
                 GuestRow.name_pinyin.in_(sorted(pinyins | {keys.pinyin}))]
    rows = session.execute(select(GuestRow).where(or_(*same))
                           .order_by(GuestRow.badge_code)).scalars()
    found = []
    for row in rows:
        matched = _matched_on(row, values)
        if matched:
            found.append(PossibleDuplicate(guest_from_row(row), matched,
                                           first_checkin(session, row.id, day) is not None))
    return found


def find_possible_duplicates(db: Database, *, name: str, day: dt.date, organization: str = "",
                             mobile: str = "", email: str = "") -> list[PossibleDuplicate]:
    """Guests on the list with the walk-in's name (or pinyin) and the same mobile, e-mail
    or organization."""
    event = get_event(db)
    values = _checked(name, organization, mobile, email, "",
                      category_lookup(event.categories))
    with db.read() as session:
        return _possible_duplicates(session, values, day)


def register_walk_in(db: Database, *, name: str, day: dt.date, desk: Desk,
                     organization: str = "", mobile: str = "", email: str = "",
                     category: str = "visitor", title: str = "",
                     now: dt.datetime | None = None, force: bool = False) -> CheckInResult:
    """Create the guest, give them a badge code and admit them, in one transaction.

    A guest already on the list with the same name (or pinyin) and the same mobile, e-mail
    or organization stops it (PossibleDuplicateError, nothing written) unless `force`;
    a forced registration records the guests it was told apart from in the audit log."""
    check_fields({"name": name, "organization": organization, "mobile": mobile, "email": email,
                  "category": category, "title": title})
    event = get_event(db)
    values = _checked(name, organization, mobile, email, category,
                      category_lookup(event.categories))
    values["title"] = title.strip()
    _check_length(values["title"], MAX_LENGTH["title"])
    if not is_event_day(event, day):
        return CheckInResult(Outcome.NOT_EVENT_DAY, "", day)
    now = now or dt.datetime.now(dt.UTC)
    with db.write() as session:
        matches = _possible_duplicates(session, values, day)
        if matches and not force:
            raise PossibleDuplicateError(values["name"], matches)
        values["badge_code"] = new_code(event.badge_prefix,
                                        lambda code: code_in_use(session, code))
        values["attendance"] = "onsite"
        record = new_guest_record(values, {}, WALK_IN_SOURCE, None, now)
        session.execute(insert(GUEST_TABLE), [record])
        declare(session, Change(ChangeKind.GUEST, frozenset((record["id"],))))
        sync_search_index(session)
        guest = session.get_one(GuestRow, record["id"])
        if matches:
            session.add(AuditRow(
                id=str(uuid.uuid4()), at=now, desk=desk.name, operator=desk.operator,
                action="walk_in_despite_duplicate", guest_id=guest.id,
                details={"possible_duplicates": " ".join(m.guest.badge_code for m in matches),
                         "day": day.isoformat()}))
        return _admit(session, guest, day, desk, Method.WALK_IN, uuid.uuid4().hex, now)
