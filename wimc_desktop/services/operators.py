"""Operators: add, list, disable, change a password, and authenticate (argon2id).

Passwords are stored only as argon2id hashes (argon2-cffi) with parameters at or above
OWASP's minimum (19 MiB, 2 iterations, 1 lane); a hash made with weaker parameters than
today's is replaced at the next successful login. The slow verify runs outside any write
transaction (it would hold the desks' write lock for its whole time).

Wrong passwords slow down as they repeat: each operator's failures and the last one are
stored, and after FREE_FAILURES a login is refused, without looking at the password,
until a delay that doubles with each failure has passed. A success clears the count.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import OperatorRow
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.errors import BadInputError, NotFoundError, NotPermittedError
from wimc_desktop.domain.roles import Permission, Role, allowed, is_role
from wimc_desktop.domain.text_safety import check_text
from wimc_desktop.services import audit

# OWASP's minimum is 19 MiB, 2 iterations, 1 lane; 46 MiB (OWASP's first option's memory)
# with 2 iterations is above it on every parameter and takes ~50-200 ms a verify on a
# desk's laptop (tests/benchmarks/bench_login.py). One lane: more would only run on cores
# the desk needs, and buy an attacker's GPU nothing.
MEMORY_KIB = 46 * 1024
TIME_COST = 2
PARALLELISM = 1
OWASP_MINIMUM = {"memory_kib": 19 * 1024, "time_cost": 2, "parallelism": 1}
HASHER = PasswordHasher(time_cost=TIME_COST, memory_cost=MEMORY_KIB, parallelism=PARALLELISM,
                        hash_len=32, salt_len=16, type=Type.ID)
MIN_PASSWORD_LENGTH = 8
FREE_FAILURES = 3  # typos: no wait
MAX_DELAY_S = 300
OPERATOR_ADDED = "operator_added"
OPERATOR_DISABLED = "operator_disabled"
PASSWORD_CHANGED = "operator_password_changed"


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the name is unknown, so a wrong name takes as long as a wrong
    password (no telling which names exist by the time an answer takes). Made at the first
    login of a process, whatever the name (made only for unknown ones, it would tell them
    by their time), so a command on an event without operators never hashes (0.1 s)."""
    return HASHER.hash("not a password of anyone")


@dataclass(frozen=True, slots=True)
class Operator:
    """A person who works the desks, as the services hand it out (never the hash)."""

    name: str
    display_name: str
    role: str
    disabled: bool
    created_at: dt.datetime

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "display_name": self.display_name, "role": self.role,
                "disabled": self.disabled, "created_at": self.created_at.isoformat()}

    def desk(self, desk_name: str) -> Desk:
        """The desk this operator works, as the services record it."""
        return Desk(desk_name, self.name, self.role)


def _operator(row: OperatorRow) -> Operator:
    return Operator(row.name, row.display_name, row.role, row.disabled, row.created_at)


def retry_delay(failures: int) -> dt.timedelta:
    """How long after the last of `failures` wrong passwords the next try must wait."""
    if failures < FREE_FAILURES:
        return dt.timedelta()
    return dt.timedelta(seconds=min(2 ** (failures - FREE_FAILURES), MAX_DELAY_S))


def has_operators(db: Database) -> bool:
    """True once an operator exists: from then on every action needs one."""
    if "operator" not in db.table_names():  # (a database of before the operators' table)
        return False
    with db.read() as session:
        return bool(session.execute(select(func.count()).select_from(OperatorRow)).scalar())


def list_operators(db: Database) -> list[Operator]:
    with db.read() as session:
        rows = session.execute(select(OperatorRow).order_by(OperatorRow.name)).scalars()
        return [_operator(row) for row in rows]


def check_password_rules(password: str) -> None:
    """BadInputError when a new password is too short or holds control characters."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise BadInputError("a password needs at least {count} characters",
                            count=MIN_PASSWORD_LENGTH)
    check_text("password", password)


def _check_name(name: str) -> None:
    if not name.strip() or name != name.strip() or len(name) > 100:
        raise BadInputError("an operator's name is 1 to 100 characters, without spaces at "
                            "its ends: {name!r}", name=name)
    check_text("operator's name", name)


def add_operator(db: Database, name: str, role: str, password: str, *, by: Desk,
                 display_name: str = "", now: dt.datetime | None = None) -> Operator:
    """A new operator. The first one must be an admin and is added by anyone; after it,
    only an admin (`by`) adds operators."""
    now = now or dt.datetime.now(dt.UTC)
    _check_name(name)
    check_text("display name", display_name)
    if not is_role(role):
        raise BadInputError("no role {role!r}: clerk, supervisor or admin", role=role)
    check_password_rules(password)
    hashed = HASHER.hash(password)  # (slow: before the write transaction)
    with db.write() as session:
        first = not session.execute(select(func.count()).select_from(OperatorRow)).scalar()
        if first and role != Role.ADMIN:
            raise BadInputError("the first operator must be an admin (--role admin)")
        if not first and not allowed(by.role, Permission.OPERATORS):
            raise NotPermittedError("only an admin adds operators")
        if session.get(OperatorRow, name) is not None:
            raise BadInputError("an operator named {name!r} exists already", name=name)
        row = OperatorRow(name=name, display_name=display_name.strip(), role=role,
                          password_hash=hashed, disabled=False, created_at=now,
                          failed_logins=0, last_failure=None)
        session.add(row)
        audit.record(session, by, OPERATOR_ADDED, now=now, name=name, role=role)
        session.flush()
        return _operator(row)


def disable_operator(db: Database, name: str, *, by: Desk,
                     now: dt.datetime | None = None) -> Operator:
    """An operator who may no longer log in (kept: their name stays on what they did)."""
    now = now or dt.datetime.now(dt.UTC)
    with db.write() as session:
        if not allowed(by.role, Permission.OPERATORS):
            raise NotPermittedError("only an admin disables operators")
        row = session.get(OperatorRow, name)
        if row is None:
            raise NotFoundError("no operator named {name!r}", name=name)
        if row.role == Role.ADMIN and not row.disabled and _active_admins(session) <= 1:
            raise BadInputError("{name!r} is the last admin: add another admin first",
                                name=name)
        row.disabled = True
        audit.record(session, by, OPERATOR_DISABLED, now=now, name=name)
        session.flush()
        return _operator(row)


def _active_admins(session: Session) -> int:
    stmt = select(func.count()).select_from(OperatorRow).where(
        OperatorRow.role == Role.ADMIN, OperatorRow.disabled.is_(False))
    return int(session.execute(stmt).scalar() or 0)


def change_password(db: Database, name: str, password: str, *, by: Desk,
                    now: dt.datetime | None = None) -> None:
    """A new password: one's own, or anyone's by an admin."""
    now = now or dt.datetime.now(dt.UTC)
    own = by.operator == name
    if not allowed(by.role, Permission.OPERATORS) and not (
            own and allowed(by.role, Permission.OWN_PASSWORD)):
        raise NotPermittedError("only an admin sets another operator's password")
    check_password_rules(password)
    hashed = HASHER.hash(password)
    with db.write() as session:
        row = session.get(OperatorRow, name)
        if row is None:
            raise NotFoundError("no operator named {name!r}", name=name)
        row.password_hash = hashed
        row.failed_logins = 0
        row.last_failure = None
        audit.record(session, by, PASSWORD_CHANGED, now=now, name=name)


def _verified(stored: str, password: str) -> bool:
    try:
        return bool(HASHER.verify(stored, password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _refused(name: str) -> NotPermittedError:
    return NotPermittedError("wrong operator or password for {name!r}; nothing was done",
                             name=name)


def authenticate(db: Database, name: str, password: str,
                 now: dt.datetime | None = None) -> Operator:
    """The operator `name` if `password` is theirs; NotPermittedError (exit 8) for an
    unknown or disabled operator, a wrong password, or a try before the wait is over."""
    now = now or dt.datetime.now(dt.UTC)
    dummy = _dummy_hash()
    with db.read() as session:
        row = session.get(OperatorRow, name)
        found = None if row is None else (_operator(row), row.password_hash,
                                          row.failed_logins, row.last_failure)
    if found is None:
        _verified(dummy, password)
        raise _refused(name)
    operator, stored, failures, last = found
    wait = retry_delay(failures)
    if last is not None and now < last + wait:
        seconds = int((last + wait - now).total_seconds()) + 1
        raise NotPermittedError("too many wrong passwords for {name!r}: try again in "
                                "{seconds} s", name=name, seconds=seconds)
    if not _verified(stored, password):
        _record_failure(db, name, now)
        raise _refused(name)
    if operator.disabled:
        raise NotPermittedError("the operator {name!r} is disabled", name=name)
    rehash = HASHER.check_needs_rehash(stored)
    if failures or rehash:
        _record_success(db, name, password if rehash else None)
    return operator


def _record_failure(db: Database, name: str, now: dt.datetime) -> None:
    if db.read_only:  # (nothing can be recorded; the wait then holds only in memory)
        return
    with db.write() as session:
        row = session.get(OperatorRow, name)
        if row is not None:
            row.failed_logins += 1
            row.last_failure = now


def _record_success(db: Database, name: str, rehash_with: str | None) -> None:
    """Clear the failures; a hash of weaker parameters than today's is made again."""
    if db.read_only:
        return
    hashed = HASHER.hash(rehash_with) if rehash_with is not None else None
    with db.write() as session:
        row = session.get(OperatorRow, name)
        if row is None:
            return
        row.failed_logins = 0
        row.last_failure = None
        if hashed is not None:
            row.password_hash = hashed
