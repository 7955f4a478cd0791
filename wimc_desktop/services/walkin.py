"""Registering a walk-in at the desk: a new guest, a badge code and the admission at once."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import insert

from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import GuestRow
from wimc_desktop.domain.badge_codes import new_code
from wimc_desktop.domain.categories import category_lookup
from wimc_desktop.domain.checkin import CheckInResult, Desk, Method, Outcome, is_event_day
from wimc_desktop.domain.errors import BadInputError, Message
from wimc_desktop.domain.problems import REASON_TEXT
from wimc_desktop.domain.text_safety import check_fields
from wimc_desktop.services.checkin import _admit
from wimc_desktop.services.events import get_event
from wimc_desktop.services.guests import code_in_use
from wimc_desktop.services.importing.rows import check_category, check_email, check_mobile
from wimc_desktop.services.importing.writer import GUEST_TABLE, new_guest_record
from wimc_desktop.services.search.indexing import sync_search_index

WALK_IN_SOURCE = "walk-in"


def _checked(name: str, organization: str, mobile: str, email: str, category: str,
             categories: dict[str, str]) -> dict[str, str]:
    values = {"name": name.strip(), "organization": organization.strip(),
              "mobile": mobile.strip(), "email": email.strip(), "category": category.strip()}
    if not values["name"]:
        raise BadInputError("a walk-in needs a name")
    for field, check in (("mobile", check_mobile), ("email", check_email),
                         ("category", check_category)):
        if values[field]:
            value, reason = check(values[field], categories)
            if reason:
                raise BadInputError("{value!r}: {reason}", value=values[field],
                                    reason=Message(REASON_TEXT[reason]))
            values[field] = value
    return values


def register_walk_in(db: Database, *, name: str, day: dt.date, desk: Desk,
                     organization: str = "", mobile: str = "", email: str = "",
                     category: str = "visitor", title: str = "",
                     now: dt.datetime | None = None) -> CheckInResult:
    """Create the guest, give them a badge code and admit them, in one transaction."""
    check_fields({"name": name, "organization": organization, "mobile": mobile, "email": email,
                  "category": category, "title": title})
    event = get_event(db)
    values = _checked(name, organization, mobile, email, category,
                      category_lookup(event.categories))
    values["title"] = title.strip()
    if not is_event_day(event, day):
        return CheckInResult(Outcome.NOT_EVENT_DAY, "", day)
    now = now or dt.datetime.now(dt.UTC)
    with db.write() as session:
        values["badge_code"] = new_code(event.badge_prefix,
                                        lambda code: code_in_use(session, code))
        values["attendance"] = "onsite"
        record = new_guest_record(values, {}, WALK_IN_SOURCE, None, now)
        session.execute(insert(GUEST_TABLE), [record])
        sync_search_index(session)
        guest = session.get_one(GuestRow, record["id"])
        return _admit(session, guest, day, desk, Method.WALK_IN, uuid.uuid4().hex, now)
