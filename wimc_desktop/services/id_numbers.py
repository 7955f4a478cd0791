"""Resident ID card numbers of guests: stored as the event's keyed hash and a masked form
only, found by the whole number (services side of domain.id_numbers)."""

from __future__ import annotations

import secrets
from collections.abc import Mapping

from sqlalchemy import select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from wimc_desktop.db.schema import GuestRow, Meta
from wimc_desktop.domain.id_numbers import id_number_hash, mask_id_number, normalize_id_number

SALT_KEY = "id_number_salt"  # wimc_meta: the event's own secret (hex), made at first need


def event_salt(session: Session, *, create: bool = False) -> bytes | None:
    """The event's salt; made (in the caller's write transaction) when `create`."""
    meta = session.get(Meta, SALT_KEY)
    if meta is None:
        if not create:
            return None
        meta = Meta(key=SALT_KEY, value=secrets.token_hex(32))
        session.add(meta)
    return bytes.fromhex(meta.value)


def store_id_numbers(session: Session, numbers: Mapping[str, str]) -> None:
    """Guest id -> number (normalised): each kept as its hash and masked form only."""
    if not numbers:
        return
    salt = event_salt(session, create=True)
    assert salt is not None
    session.flush()
    for guest_id, number in numbers.items():
        session.execute(update(GuestRow).where(GuestRow.id == guest_id).values(
            id_number_hash=id_number_hash(salt, number),
            id_number_masked=mask_id_number(number)))


def guest_by_id_number(session: Session, text: str, *, lock: bool = False
                       ) -> GuestRow | None:
    """The guest whose ID number is exactly this one (typed or scanned), if any; `lock`:
    FOR UPDATE, as a check-in locks its guest."""
    guest_id = guest_id_by_id_number(session.connection(), text)
    return None if guest_id is None else session.get(GuestRow, guest_id, with_for_update=lock)


def guest_id_by_id_number(conn: Connection, text: str) -> str | None:
    """guest_by_id_number's id, on a Core connection (the search's)."""
    number = normalize_id_number(text)
    if number is None:
        return None
    salt = conn.execute(select(Meta.value).where(Meta.key == SALT_KEY)).scalar()
    if salt is None:
        return None
    digest = id_number_hash(bytes.fromhex(salt), number)
    return conn.execute(select(GuestRow.id).where(GuestRow.id_number_hash == digest)).scalar()
