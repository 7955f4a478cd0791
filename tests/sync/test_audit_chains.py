"""Each desk keeps its own audit chain: two desks cut off from the hub both write audit
rows (admissions, refused scans), both sync, and `audit verify` holds on the hub and on
each desk, every chain with the same rows everywhere; a row of desk B's chain edited in
desk A's file (the triggers dropped first, as an attacker with the sqlite3 shell would)
is found there, naming B's chain."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import select

from tests.cli.cli_helpers import run
from tests.sync.conftest import DAY, MakeDesk, codes
from wimc_desktop.db import schema as s
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import Desk, Outcome
from wimc_desktop.services.audit import CHAIN_KEY
from wimc_desktop.services.checkin import check_in
from wimc_desktop.services.sync.desk import sync
from wimc_desktop.services.walkin import register_walk_in

pytestmark = pytest.mark.postgres


def _verify(capsys: pytest.CaptureFixture[str], target: str) -> tuple[int, dict[str, object]]:
    code, out, _ = run(capsys, "--db", target, "audit", "verify", "--json")
    result = json.loads(out)
    assert isinstance(result, dict)
    return code, result


def _chains(result: dict[str, object]) -> dict[str, tuple[int, str]]:
    chains = result["chains"]
    assert isinstance(chains, list)
    return {c["chain"]: (c["rows"], c["head"]) for c in chains}


def _own_chain(path: str) -> str:
    with sqlite3.connect(path) as conn:
        found = conn.execute("SELECT value FROM wimc_meta WHERE key = ?", (CHAIN_KEY,))
        return str(found.fetchone()[0])


def _path(db: Database) -> str:
    return str(db.engine.url.database)


def test_two_offline_desks_audit_rows_verify_everywhere(
        hub_url: str, make_desk: MakeDesk, capsys: pytest.CaptureFixture[str]) -> None:
    a, proxy_a = make_desk("A")
    b, proxy_b = make_desk("B")
    chain_a, chain_b = _own_chain(_path(a)), _own_chain(_path(b))
    assert chain_a and chain_b and chain_a != chain_b
    code, other = codes(a)[7], codes(a)[8]
    proxy_a.drop()
    proxy_b.drop()
    for desk, name, operator in ((a, "A", "ann"), (b, "B", "bob")):  # both make rows 1, 2 ...
        assert check_in(desk, code, day=DAY, desk=Desk(name, operator)).outcome \
            is Outcome.ADMITTED
        assert check_in(desk, code, day=DAY, desk=Desk(name, operator)).outcome \
            is Outcome.ALREADY_CHECKED_IN  # (a refused scan: an audit row too)
    check_in(b, other, day=DAY, desk=Desk("B", "bob"))
    assert check_in(b, "NO-SUCH-CODE", day=DAY, desk=Desk("B", "bob")).outcome \
        is Outcome.UNKNOWN_CODE
    proxy_a.restore()
    proxy_b.restore()
    sync(a)
    report = sync(b)
    assert report.pending == 0 and report.duplicates == 1
    sync(a)

    code_hub, on_hub = _verify(capsys, hub_url)
    assert code_hub == 0 and on_hub["ok"] is True and on_hub["broken"] is None
    chains = _chains(on_hub)
    assert set(chains) == {"", chain_a, chain_b}
    assert chains[chain_a][0] >= 2 and chains[chain_b][0] >= 4
    for desk, mine in ((a, chain_a), (b, chain_b)):
        code_desk, result = _verify(capsys, _path(desk))
        assert code_desk == 0 and result["ok"] is True, result["chains"]
        assert _chains(result) == chains  # every chain, the same rows, the same head
        assert (result["rows"], result["head"]) == chains[mine]  # (its own chain first)

    with sqlite3.connect(_path(a)) as conn:  # B's chain, edited in A's file
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute("UPDATE audit SET operator = 'nobody' WHERE chain = ? AND seq = 2",
                     (chain_b,))
    code_a, broken = _verify(capsys, _path(a))
    assert code_a == 9 and broken["ok"] is False
    assert broken["broken"] == {"seq": 2, "id": broken["broken"]["id"],  # type: ignore[index]
                                "reason": "edited", "chain": chain_b}
    code_a, _, err = run(capsys, "--db", _path(a), "audit", "verify")
    assert code_a == 9 and "row 2" in err and chain_b in err
    assert _verify(capsys, _path(b))[0] == 0 and _verify(capsys, hub_url)[0] == 0


def test_a_refused_walk_ins_audit_rows_keep_the_desks_chain_whole(
        hub_url: str, make_desk: MakeDesk, capsys: pytest.CaptureFixture[str]) -> None:
    """A walk-in the hub refuses (the office gave its badge code to a listed guest while
    the desk was cut off): its guest never reaches the hub, its audit rows do, and the
    desk's chain verifies on the hub and on every desk, the rows after it included."""
    a, proxy_a = make_desk("A")
    b, _ = make_desk("B")
    proxy_a.drop()
    walk_in = register_walk_in(a, name="临时来宾", day=DAY, desk=Desk("A", "ann"),
                               organization="某公司")
    assert walk_in.outcome is Outcome.ADMITTED and walk_in.guest is not None
    guest = walk_in.guest
    hub = Database(hub_url)
    try:
        with hub.write() as session:  # (the office's edit on the hub meanwhile)
            listed = session.execute(select(s.GuestRow).order_by(s.GuestRow.badge_code)
                                     .limit(1)).scalar_one()
            listed.badge_code = guest.badge_code
    finally:
        hub.dispose()
    proxy_a.restore()
    assert sync(a).rejected == 1
    assert check_in(a, codes(a)[3], day=DAY, desk=Desk("A", "ann")).outcome \
        is Outcome.ADMITTED  # (a row after the gap there was)
    assert sync(a).pending == 0
    sync(b)

    code_hub, on_hub = _verify(capsys, hub_url)
    assert code_hub == 0 and on_hub["ok"] is True, on_hub
    chain_a = _own_chain(_path(a))
    rows_a = _chains(on_hub)[chain_a][0]
    assert rows_a >= 2  # the refused walk-in's admission row and the check-in after it
    hub = Database(hub_url)
    try:
        with hub.read() as session:
            named = session.execute(select(s.AuditRow.guest_id).where(
                s.AuditRow.chain == chain_a)).scalars().all()
            held = session.get(s.GuestRow, guest.id)
    finally:
        hub.dispose()
    assert guest.id in named and held is None
    for desk in (a, b):
        code_desk, result = _verify(capsys, _path(desk))
        assert code_desk == 0 and result["ok"] is True, result["chains"]
        assert _chains(result)[chain_a] == _chains(on_hub)[chain_a]
