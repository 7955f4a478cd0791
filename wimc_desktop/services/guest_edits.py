"""Correcting a guest's details at a desk (a walk-in's typo, a new organisation, a seat, a
note): the fields a person may type, checked as a walk-in's are, audited.

On a desk of a hub the edit is one outbox event like any other write (db.outbox), with
the values it replaced; the hub applies each field unless it changed there since the
desk read it, and keeps such a clash as a conflict (services.sync.guest_merge).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.badge_codes import code_forms, normalize_code
from wimc_desktop.domain.categories import category_lookup
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.errors import BadInputError, Message, NotFoundError
from wimc_desktop.domain.guest_record import GUEST_RECORD, field_names
from wimc_desktop.domain.models import Guest
from wimc_desktop.domain.problems import REASON_TEXT, Reason
from wimc_desktop.domain.roles import Permission, require
from wimc_desktop.domain.text_safety import FIELD_LABELS, check_fields
from wimc_desktop.services import audit
from wimc_desktop.services.checkin import code_holder
from wimc_desktop.services.events import get_event
from wimc_desktop.services.guests import guest_from_row
from wimc_desktop.services.importing.rows import (
    MAX_LENGTH,
    check_category,
    check_email,
    check_mobile,
)
from wimc_desktop.services.importing.writer import derived_keys
from wimc_desktop.services.search import index_write

# The fields a desk may correct (the guest record's `editable`).
EDITABLE = field_names(lambda f: f.editable)
GUEST_EDITED = "guest_edited"
_PERSONAL = frozenset(f.name for f in GUEST_RECORD if f.personal)  # (never in an audit row)
_CHECKS = {"mobile": check_mobile, "email": check_email, "category": check_category}


def checked_changes(changes: Mapping[str, str], categories: dict[str, str]) -> dict[str, str]:
    """The changes as they would be stored (a category's name as its code, a mobile's
    digits), or BadInputError naming the first field that is not right and why: the one
    check of edit-guest and of the window's form (which asks before it closes)."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise BadInputError("cannot edit {fields}: a desk may edit {editable}",
                            fields=", ".join(unknown), editable=", ".join(EDITABLE))
    values = {k: v.strip() for k, v in changes.items()}
    check_fields(values)
    if "name" in values and not values["name"]:
        raise BadInputError("a guest needs a name")
    for field, value in values.items():
        label = FIELD_LABELS[field]
        if field in MAX_LENGTH and len(value) > MAX_LENGTH[field]:
            raise BadInputError("the {field} {value!r}: {reason}", field=label,
                                value=value[:40], reason=Message(
                                    REASON_TEXT[Reason.TOO_LONG], limit=MAX_LENGTH[field]))
        check = _CHECKS.get(field)
        if check is not None and value:
            normal, reason = check(value, categories)
            if reason:
                raise BadInputError("the {field} {value!r}: {reason}", field=label,
                                    value=value, reason=Message(REASON_TEXT[reason]))
            values[field] = normal
    return values


def edit_guest(db: Database, code: str, desk: Desk, changes: Mapping[str, str], *,
               now: dt.datetime | None = None) -> tuple[Guest, tuple[str, ...]]:
    """Change some of a guest's details (the guest found by badge code, as a scan finds
    them); the guest after it and the fields that changed (none: nothing written)."""
    require(desk, Permission.EDIT_GUEST, "edit-guest")
    event = get_event(db)
    values = checked_changes(changes, category_lookup(event.categories))
    now = now or dt.datetime.now(dt.UTC)
    with db.write() as session:
        found = code_holder(session, code_forms(normalize_code(code), event.badge_prefix),
                            lock=True)
        if found is None:
            raise NotFoundError("no guest has the badge code {code}", code=code)
        guest = found[1]
        changed = tuple(f for f in EDITABLE if f in values and getattr(guest, f) != values[f])
        if not changed:
            return guest_from_row(guest), ()
        before = {f: getattr(guest, f) for f in changed if f not in _PERSONAL}
        for field in changed:
            setattr(guest, field, values[field])
        if {"name", "name_en", "mobile"} & set(changed):
            for key, value in derived_keys({f: getattr(guest, f) for f in
                                            ("name", "name_en", "mobile")}).items():
                setattr(guest, key, value)
        guest.updated_at = now
        index_write(session, [guest.id])
        audit.record(session, desk, GUEST_EDITED, guest_id=guest.id, now=now,
                     fields=list(changed), before=before,
                     after={f: values[f] for f in before})
        return guest_from_row(guest), changed
