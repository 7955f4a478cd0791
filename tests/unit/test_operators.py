"""Operators: argon2id at or above OWASP's minimum, rehash on login, throttled guessing,
disabled operators, who may manage whom, and the role rules inside the services."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from argon2 import PasswordHasher, Type, extract_parameters
from sqlalchemy import select

from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import CheckInRow, OperatorRow
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.errors import BadInputError, NotFoundError, NotPermittedError
from wimc_desktop.domain.roles import ROLE_PERMISSIONS, Permission, Role, allowed, lowest_role
from wimc_desktop.services import operators
from wimc_desktop.services.operators import (
    FREE_FAILURES,
    OWASP_MINIMUM,
    add_operator,
    authenticate,
    change_password,
    disable_operator,
    has_operators,
    list_operators,
    retry_delay,
)

T0 = dt.datetime(2020, 11, 26, 1, 0, tzinfo=dt.UTC)
SETUP = Desk("Desk 1", "setup")
ADMIN = Desk("Desk 1", "boss", "admin")


def _staff(db: Database) -> None:
    add_operator(db, "boss", "admin", "admin-pass-1", by=SETUP, now=T0)
    add_operator(db, "sup", "supervisor", "super-pass-1", by=ADMIN, now=T0)
    add_operator(db, "clerk", "clerk", "clerk-pass-1", by=ADMIN, now=T0)


def _row(db: Database, name: str) -> OperatorRow:
    with db.read() as session:
        row = session.get(OperatorRow, name)
        assert row is not None
        session.expunge(row)
        return row


def test_hash_parameters_at_or_above_owasp_minimum(event_db: Database) -> None:
    _staff(event_db)
    stored = _row(event_db, "clerk").password_hash
    params = extract_parameters(stored)
    assert stored.startswith("$argon2id$") and params.type is Type.ID
    assert params.memory_cost >= OWASP_MINIMUM["memory_kib"] == 19 * 1024
    assert params.time_cost >= OWASP_MINIMUM["time_cost"] == 2
    assert params.parallelism >= OWASP_MINIMUM["parallelism"] == 1
    assert params.salt_len >= 16 and params.hash_len >= 32


def test_passwords_never_stored_in_clear(tmp_path: Path) -> None:
    from wimc_desktop.services.events import create_event

    db = create_event(str(tmp_path / "e.wimc"), name_zh="测试", name_en="", start=T0.date(),
                      end=T0.date())
    _staff(db)
    change_password(db, "clerk", "another-secret-9", by=ADMIN)
    db.dispose()
    data = b"".join(p.read_bytes() for p in tmp_path.glob("e.wimc*"))
    for secret in ("admin-pass-1", "super-pass-1", "clerk-pass-1", "another-secret-9"):
        assert secret.encode() not in data


def test_authenticate(event_db: Database) -> None:
    assert not has_operators(event_db)
    _staff(event_db)
    assert has_operators(event_db)
    operator = authenticate(event_db, "sup", "super-pass-1", now=T0)
    assert (operator.name, operator.role) == ("sup", "supervisor")
    assert operator.desk("Desk 2") == Desk("Desk 2", "sup", "supervisor")
    with pytest.raises(NotPermittedError, match="wrong operator or password") as exc:
        authenticate(event_db, "sup", "Super-pass-1", now=T0)
    assert exc.value.exit_code == 8
    with pytest.raises(NotPermittedError, match="wrong operator or password"):
        authenticate(event_db, "nobody", "super-pass-1", now=T0)
    assert [o.name for o in list_operators(event_db)] == ["boss", "clerk", "sup"]


def test_rehash_on_login_when_parameters_rise(event_db: Database) -> None:
    _staff(event_db)
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1, type=Type.ID)
    with event_db.write() as session:
        row = session.get(OperatorRow, "clerk")
        assert row is not None
        row.password_hash = weak.hash("clerk-pass-1")
    authenticate(event_db, "clerk", "clerk-pass-1", now=T0)
    params = extract_parameters(_row(event_db, "clerk").password_hash)
    assert (params.memory_cost, params.time_cost) == (operators.MEMORY_KIB,
                                                     operators.TIME_COST)
    authenticate(event_db, "clerk", "clerk-pass-1", now=T0)  # the new hash verifies


def test_wrong_passwords_slow_down(event_db: Database) -> None:
    _staff(event_db)
    delays = [retry_delay(n).total_seconds() for n in range(8)]
    assert delays[:FREE_FAILURES] == [0] * FREE_FAILURES
    assert all(b > a for a, b in zip(delays[FREE_FAILURES - 1:], delays[FREE_FAILURES:],
                                     strict=False))
    now = T0
    for _ in range(FREE_FAILURES):  # typos: answered at once
        with pytest.raises(NotPermittedError, match="wrong operator or password"):
            authenticate(event_db, "clerk", "guess", now=now)
    assert _row(event_db, "clerk").failed_logins == FREE_FAILURES
    # Now even the right password waits out the delay (no verify, nothing recorded).
    with pytest.raises(NotPermittedError, match="too many wrong passwords"):
        authenticate(event_db, "clerk", "clerk-pass-1", now=now)
    assert _row(event_db, "clerk").failed_logins == FREE_FAILURES
    now += retry_delay(FREE_FAILURES)
    with pytest.raises(NotPermittedError, match="wrong operator or password"):
        authenticate(event_db, "clerk", "guess", now=now)
    wait = retry_delay(FREE_FAILURES + 1)
    assert wait > retry_delay(FREE_FAILURES)
    with pytest.raises(NotPermittedError, match="too many"):
        authenticate(event_db, "clerk", "clerk-pass-1", now=now + wait / 2)
    assert authenticate(event_db, "clerk", "clerk-pass-1", now=now + wait).name == "clerk"
    row = _row(event_db, "clerk")
    assert (row.failed_logins, row.last_failure) == (0, None)
    # per operator: the others were never slowed
    assert authenticate(event_db, "sup", "super-pass-1", now=now).name == "sup"


def test_disabled_operator_refused(event_db: Database) -> None:
    _staff(event_db)
    disable_operator(event_db, "clerk", by=ADMIN)
    with pytest.raises(NotPermittedError, match="disabled"):
        authenticate(event_db, "clerk", "clerk-pass-1", now=T0)
    with pytest.raises(BadInputError, match="last admin"):
        disable_operator(event_db, "boss", by=ADMIN)
    with pytest.raises(NotFoundError):
        disable_operator(event_db, "ghost", by=ADMIN)


def test_who_manages_operators(event_db: Database) -> None:
    with pytest.raises(BadInputError, match="first operator must be an admin"):
        add_operator(event_db, "c", "clerk", "clerk-pass-1", by=SETUP)
    _staff(event_db)
    sup = Desk("Desk 1", "sup", "supervisor")
    with pytest.raises(NotPermittedError):
        add_operator(event_db, "c2", "clerk", "clerk-pass-2", by=sup)
    with pytest.raises(NotPermittedError):
        disable_operator(event_db, "clerk", by=sup)
    with pytest.raises(NotPermittedError):
        change_password(event_db, "clerk", "new-pass-123", by=sup)
    change_password(event_db, "sup", "new-pass-123", by=sup)  # one's own
    assert authenticate(event_db, "sup", "new-pass-123", now=T0).name == "sup"
    with pytest.raises(BadInputError, match="at least 8"):
        change_password(event_db, "sup", "short", by=sup)
    with pytest.raises(BadInputError, match="exists already"):
        add_operator(event_db, "sup", "clerk", "clerk-pass-2", by=ADMIN)
    with pytest.raises(BadInputError, match="no role"):
        add_operator(event_db, "x", "boss", "clerk-pass-2", by=ADMIN)


def test_role_matrix_is_nested_and_named() -> None:
    assert ROLE_PERMISSIONS[Role.CLERK] < ROLE_PERMISSIONS[Role.SUPERVISOR] \
        < ROLE_PERMISSIONS[Role.ADMIN] == frozenset(Permission)
    assert allowed("", Permission.PURGE)  # an open desk (no operators yet)
    assert not allowed("guest", Permission.SEARCH)  # a role this version does not know
    assert lowest_role(Permission.UNDO_OWN) is Role.CLERK
    assert lowest_role(Permission.REISSUE_BADGE) is Role.SUPERVISOR
    assert lowest_role(Permission.OPERATORS) is Role.ADMIN


def test_clerk_undoes_only_own_admission_in_time(event_db: Database) -> None:
    from wimc_desktop.services.checkin import check_in, undo_checkin
    from wimc_desktop.services.importing import import_records

    import_records(event_db, [{"name": "张三", "badge_code": "W-001"},
                              {"name": "李四", "badge_code": "W-002"}], source="t")
    clerk = Desk("Desk 1", "clerk", "clerk")
    other = Desk("Desk 2", "clerk2", "clerk")
    day = T0.date()
    first = check_in(event_db, "W-001", day=day, desk=other, now=T0).checkin
    own = check_in(event_db, "W-002", day=day, desk=clerk, now=T0).checkin
    assert first is not None and own is not None
    with pytest.raises(NotPermittedError, match="supervisor") as exc:
        undo_checkin(event_db, first.id, desk=clerk, reason="mistake", now=T0)
    assert exc.value.exit_code == 8
    late = T0 + dt.timedelta(minutes=3)
    with pytest.raises(NotPermittedError):
        undo_checkin(event_db, own.id, desk=clerk, reason="mistake", now=late)
    undo_checkin(event_db, own.id, desk=clerk, now=T0 + dt.timedelta(minutes=1))
    undo_checkin(event_db, first.id, desk=Desk("Desk 1", "sup", "supervisor"),
                 reason="mistake", now=late)
    with event_db.read() as session:
        assert len(session.execute(select(CheckInRow)).all()) == 2


def test_clerk_prints_once_supervisor_reprints(event_db: Database) -> None:
    from wimc_desktop.domain.badges import PrintOutput
    from wimc_desktop.services.badges import print_status, record_prints, reissue_badge
    from wimc_desktop.services.importing import import_records

    import_records(event_db, [{"name": "张三", "badge_code": "W-001"}], source="t")
    clerk = Desk("Desk 1", "clerk", "clerk")
    with event_db.read() as session:
        from wimc_desktop.db.schema import GuestRow

        gid = session.execute(select(GuestRow.id)).scalar_one()
    record_prints(event_db, [gid], clerk, "hanging", PrintOutput.PDF)
    with pytest.raises(NotPermittedError, match="reprint needs a supervisor"):
        record_prints(event_db, [gid], clerk, "hanging", PrintOutput.PDF, reason="torn")
    assert print_status(event_db, [gid])[gid].count == 1
    record_prints(event_db, [gid], Desk("Desk 1", "sup", "supervisor"), "hanging",
                  PrintOutput.PDF, reason="torn")
    assert print_status(event_db, [gid])[gid].count == 2
    with pytest.raises(NotPermittedError, match="reissue needs a supervisor"):
        reissue_badge(event_db, "W-001", reason="lost", desk=clerk)
