"""Signings amended and cancelled at two desks offline: the hub merges them field by field
(one desk's amount and the other's parties both kept), keeps the first to arrive where
both changed a field and lists the other as a `signing_amend_conflict` (the CLI's JSON,
the dashboard's list), never lets an amendment undo a cancel, records a retried event
once, still takes an earlier version's event without the replaced values; every desk
ends as the hub, whatever the interleaving (a property)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, make_url, select

from tests.conftest import POSTGRES_URL, reset_postgres
from tests.sync.conftest import MakeDesk, hub_events, network_step, outbox, reconnect_all
from tests.sync.proxy import Proxy
from wimc_desktop.app import main
from wimc_desktop.db import schema as s
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.errors import BadInputError
from wimc_desktop.domain.signings import Signing, SigningDraft, SigningParty, SigningStatus
from wimc_desktop.services.events import create_event, open_event_database
from wimc_desktop.services.signings import (
    add_signing,
    amend_signing,
    cancel_signing,
    get_signing,
    signing_history,
    summarize_signings,
)
from wimc_desktop.services.sync import hub as hub_side
from wimc_desktop.services.sync.desk import conflicts, join, sync
from wimc_desktop.services.sync.receipts import OutgoingEvent

pytestmark = pytest.mark.postgres
ANN, BOB = Desk("A", "ann"), Desk("B", "bob")
PARTIES = (SigningParty("南京智行新能源汽车有限公司", "investor", "中国"),
           SigningParty("南京市溧水区人民政府", "government"))
NEW_PARTNER = (PARTIES[0], SigningParty("南京江北新区管委会", "government"))


def _draft() -> SigningDraft:
    return SigningDraft("新能源汽车整车项目", Decimal("4500000000"), PARTIES,
                        dt.datetime(2020, 11, 28, 7, 10, tzinfo=dt.UTC), sector="新能源汽车",
                        ceremony="闭幕式暨重大项目签约仪式", notes="")


def _shown(signing: Signing) -> dict[str, object]:
    """What a signing says (its own times aside: each desk writes its own)."""
    data = signing.as_json()
    return {k: v for k, v in data.items() if k not in ("updated_at",)}


def _amend(db: Database, signing_id: str, desk: Desk, **changes: Any) -> Signing:
    draft = dataclasses.replace(get_signing(db, signing_id).draft(), **changes)
    return amend_signing(db, signing_id, draft, operator=desk.operator, reason="现场更正",
                         desk=desk)


def _people_rows(db: Database, signing_id: str) -> int:
    with db.read() as session:
        return int(session.execute(select(func.count()).select_from(s.SigningPartyRow).where(
            s.SigningPartyRow.signing_id == signing_id)).scalar_one())


@pytest.fixture
def signed(hub_url: str, make_desk: MakeDesk) -> tuple[Database, Any, Database, Any, str]:
    """Desks A and B, both holding one signing recorded at A, then both cut off."""
    a, proxy_a = make_desk("A")
    b, proxy_b = make_desk("B")
    signing = add_signing(a, _draft(), operator="ann", desk=ANN)
    assert sync(a).pending == 0
    sync(b)
    assert get_signing(b, signing.id).amount == Decimal("4500000000")
    proxy_a.drop()
    proxy_b.drop()
    return a, proxy_a, b, proxy_b, signing.id


def _converged(hub_url: str, *desks: Database, signing_id: str) -> Signing:
    """Every desk synced (twice round: the first to push pulls the other's last) and
    showing the hub's signing, parties and conflicts."""
    for desk in (*desks, *desks):
        assert sync(desk).pending == 0
    hub = Database(hub_url)
    try:
        kept = get_signing(hub, signing_id)
        for desk in desks:
            assert _shown(get_signing(desk, signing_id)) == _shown(kept)
            assert _people_rows(desk, signing_id) == _people_rows(hub, signing_id)
            assert conflicts(desk) == conflicts(hub)
            assert [c.action for c in signing_history(desk, signing_id)] == [
                c.action for c in signing_history(hub, signing_id)]
        return kept
    finally:
        hub.dispose()


def test_different_fields_from_two_desks_are_both_kept(
        hub_url: str, signed: tuple[Database, Any, Database, Any, str]) -> None:
    a, proxy_a, b, proxy_b, signing_id = signed
    _amend(a, signing_id, ANN, amount=Decimal("5200000000.50"))
    _amend(b, signing_id, BOB, parties=NEW_PARTNER, notes="乙方变更")
    proxy_a.restore()
    proxy_b.restore()
    kept = _converged(hub_url, a, b, signing_id=signing_id)
    assert kept.amount == Decimal("5200000000.50")
    assert kept.parties == NEW_PARTNER and kept.notes == "乙方变更"
    assert kept.status is SigningStatus.AMENDED
    assert kept.witnesses == () and _people_rows(a, signing_id) == 2  # replaced, not added
    hub = Database(hub_url)
    try:
        assert conflicts(hub) == []
        assert summarize_signings(hub).amount == Decimal("5200000000.50")
    finally:
        hub.dispose()


def test_the_same_field_from_two_desks_keeps_the_first_and_lists_the_other(
        hub_url: str, signed: tuple[Database, Any, Database, Any, str],
        capsys: pytest.CaptureFixture[str]) -> None:
    a, proxy_a, b, proxy_b, signing_id = signed
    _amend(a, signing_id, ANN, amount=Decimal("5000000000"), parties=NEW_PARTNER)
    _amend(b, signing_id, BOB, amount=Decimal("4800000000"), sector="智能网联汽车",
           parties=(PARTIES[1], PARTIES[0]))
    proxy_a.restore()
    assert sync(a).pending == 0  # (A's amendment reaches the hub first)
    proxy_b.restore()
    kept = _converged(hub_url, a, b, signing_id=signing_id)
    assert (kept.amount, kept.parties) == (Decimal("5000000000"), NEW_PARTNER)  # A's
    assert kept.sector == "智能网联汽车"  # B's field nobody else changed: applied
    assert get_signing(b, signing_id).amount == Decimal("5000000000")  # B shows the hub's
    assert main(["--db", _path(b), "conflicts", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert len(found) == 1
    assert main(["--db", _path(b), "conflicts"]) == 0
    assert "signing_amend_conflict" in (said := capsys.readouterr().err) \
        and "新能源汽车整车项目 (amended, fields: amount_fen, parties): kept A (ann)" in said
    c = found[0]
    assert set(c) >= {"kind", "guest", "day", "kept", "duplicate", "event", "hub_at", "reason",
                      "signing"}
    assert c["kind"] == "signing_amend_conflict" and c["day"] is not None
    assert c["reason"] == "fields: amount_fen, parties"
    assert (c["kept"]["desk"], c["kept"]["operator"]) == ("A", "ann")
    assert (c["duplicate"]["desk"], c["duplicate"]["operator"]) == ("B", "bob")
    assert c["kept"]["at"] and c["duplicate"]["at"]
    assert c["signing"] == {"id": signing_id, "project_zh": "新能源汽车整车项目",
                            "amount_fen": 500_000_000_000, "status": "amended",
                            "action": "amended", "fields": ["amount_fen", "parties"]}
    assert c["kept"]["values"]["amount_fen"] == 500_000_000_000
    assert c["duplicate"]["values"]["amount_fen"] == 480_000_000_000
    assert [p["name"] for p in c["kept"]["values"]["parties"]] == [p.name for p in NEW_PARTNER]
    assert [p["name"] for p in c["duplicate"]["values"]["parties"]] == [
        PARTIES[1].name, PARTIES[0].name]
    history = signing_history(b, signing_id)
    assert [h.action for h in history] == ["recorded", "amended", "amended", "conflict"]
    assert history[-1].operator == "hub" and history[-1].snapshot["amount_fen"] == 500_000_000_000


def _path(db: Database) -> str:
    return str(db.engine.url.database)


def test_the_dashboard_lists_a_signing_conflict(
        hub_url: str, signed: tuple[Database, Any, Database, Any, str]) -> None:
    from wimc_desktop.ui.dashboard import read_figures

    a, proxy_a, b, proxy_b, signing_id = signed
    _amend(a, signing_id, ANN, amount=Decimal("5000000000"))
    _amend(b, signing_id, BOB, amount=Decimal("4800000000"))
    proxy_a.restore()
    proxy_b.restore()
    _converged(hub_url, a, b, signing_id=signing_id)
    day = conflicts(b)[0]["day"]
    lines = read_figures(b, dt.date.fromisoformat(day)).conflicts
    assert len(lines) == 1
    line = lines[0]
    assert (line.kind, line.name, line.fields, line.action) == (
        "signing_amend_conflict", "新能源汽车整车项目", ("amount_fen",), "amended")
    assert (line.kept.desk, line.kept.operator) == ("A", "ann")
    assert (line.later.desk, line.later.operator) == ("B", "bob")
    assert line.kept.at is not None and line.later.at is not None


def test_an_amendment_after_another_desks_cancel_does_not_undo_it(
        hub_url: str, signed: tuple[Database, Any, Database, Any, str]) -> None:
    a, proxy_a, b, proxy_b, signing_id = signed
    cancel_signing(a, signing_id, operator="ann", reason="项目取消", desk=ANN)
    _amend(b, signing_id, BOB, amount=Decimal("4800000000"), parties=NEW_PARTNER)
    proxy_a.restore()
    assert sync(a).pending == 0
    proxy_b.restore()
    kept = _converged(hub_url, a, b, signing_id=signing_id)
    assert kept.status is SigningStatus.CANCELLED
    assert (kept.amount, kept.parties) == (Decimal("4500000000"), PARTIES)  # not amended
    assert get_signing(b, signing_id).status is SigningStatus.CANCELLED
    assert (summarize_signings(b).count, summarize_signings(b).cancelled) == (0, 1)
    found = conflicts(b)
    assert [(c["kind"], c["reason"], c["kept"]["desk"], c["duplicate"]["desk"],
             c["signing"]["action"]) for c in found] == [
        ("signing_amend_conflict", "fields: status, amount_fen, parties", "A", "B", "amended")]
    assert found[0]["kept"]["values"]["status"] == "cancelled"
    assert found[0]["duplicate"]["values"]["status"] == "amended"


def test_a_cancel_after_an_amendment_it_did_not_see_stands_and_is_listed(
        hub_url: str, signed: tuple[Database, Any, Database, Any, str]) -> None:
    a, proxy_a, b, proxy_b, signing_id = signed
    _amend(b, signing_id, BOB, amount=Decimal("4800000000"))
    cancel_signing(a, signing_id, operator="ann", reason="项目取消", desk=ANN)
    proxy_b.restore()
    assert sync(b).pending == 0  # (the amendment first)
    proxy_a.restore()
    kept = _converged(hub_url, a, b, signing_id=signing_id)
    assert kept.status is SigningStatus.CANCELLED and kept.amount == Decimal("4800000000")
    found = conflicts(a)
    assert [(c["reason"], c["kept"]["desk"], c["duplicate"]["desk"], c["signing"]["action"])
            for c in found] == [("fields: status", "B", "A", "cancelled")]


def test_two_desks_cancelling_is_no_conflict(
        hub_url: str, signed: tuple[Database, Any, Database, Any, str]) -> None:
    a, proxy_a, b, proxy_b, signing_id = signed
    cancel_signing(a, signing_id, operator="ann", reason="项目取消", desk=ANN)
    cancel_signing(b, signing_id, operator="bob", reason="重复录入", desk=BOB)
    proxy_a.restore()
    proxy_b.restore()
    kept = _converged(hub_url, a, b, signing_id=signing_id)
    assert kept.status is SigningStatus.CANCELLED and conflicts(a) == []


def _pending_events(db: Database) -> list[OutgoingEvent]:
    with db.read() as session:
        o = s.OutboxRow
        return [OutgoingEvent(*r) for r in session.execute(
            select(o.id, o.kind, o.created_at, o.payload).where(o.status == "pending")
            .order_by(o.position))]


def test_a_retried_event_is_recorded_once(
        hub_url: str, signed: tuple[Database, Any, Database, Any, str]) -> None:
    a, proxy_a, b, proxy_b, signing_id = signed
    _amend(a, signing_id, ANN, amount=Decimal("5000000000"))
    _amend(b, signing_id, BOB, amount=Decimal("4800000000"))
    proxy_a.restore()
    assert sync(a).pending == 0
    events = _pending_events(b)
    assert [e.kind for e in events] == ["signing"]
    hub = Database(hub_url)
    try:
        receipts = []
        for _ in range(3):  # (the desk lost each answer: the same UUID sent again)
            with hub.engine.connect() as conn, conn.begin():
                receipts.append(hub_side.receive(conn, events))
        assert receipts[0] == receipts[1] == receipts[2]
        assert receipts[0][0].conflict == "signing_amend_conflict"
        assert list(hub_events(hub)).count(events[0].id) == 1
        assert len(conflicts(hub)) == 1
        assert [c.action for c in signing_history(hub, signing_id)].count("conflict") == 1
        assert get_signing(hub, signing_id).amount == Decimal("5000000000")
    finally:
        hub.dispose()
    proxy_b.restore()
    _converged(hub_url, a, b, signing_id=signing_id)


def _as_earlier_version(event: OutgoingEvent) -> OutgoingEvent:
    """A desk of session 7 sent no replaced values (and rewrote every party)."""
    rows = [{k: v for k, v in item.items() if k != "before"} for item in event.payload["rows"]]
    return dataclasses.replace(event, payload={**event.payload, "rows": rows})


def test_an_earlier_versions_events_are_last_writer_wins_but_never_undo_a_cancel(
        hub_url: str, signed: tuple[Database, Any, Database, Any, str]) -> None:
    a, proxy_a, b, proxy_b, signing_id = signed
    _amend(a, signing_id, ANN, amount=Decimal("5000000000"))
    _amend(b, signing_id, BOB, amount=Decimal("4800000000"), parties=NEW_PARTNER)
    proxy_a.restore()
    assert sync(a).pending == 0
    hub = Database(hub_url)
    try:
        older = [_as_earlier_version(e) for e in _pending_events(b)]
        with hub.engine.connect() as conn, conn.begin():
            (receipt,) = hub_side.receive(conn, older)
        assert (receipt.outcome, receipt.conflict) == ("applied", "")
        kept = get_signing(hub, signing_id)
        assert (kept.amount, kept.parties) == (Decimal("4800000000"), NEW_PARTNER)
        assert _people_rows(hub, signing_id) == 2
        sync(a)  # (A holds the hub's amount; the office's cancel comes after)
        cancel_signing(hub, signing_id, operator="office", reason="项目取消")
        _amend(a, signing_id, ANN, notes="会后补充")
        older = [_as_earlier_version(e) for e in _pending_events(a)]
        with hub.engine.connect() as conn, conn.begin():
            (receipt,) = hub_side.receive(conn, older)
        assert receipt.conflict == "signing_amend_conflict"
        assert receipt.reason == "fields: status, notes"
        assert get_signing(hub, signing_id).status is SigningStatus.CANCELLED
    finally:
        hub.dispose()
    proxy_b.restore()
    _converged(hub_url, a, b, signing_id=signing_id)


def test_the_desks_event_carries_the_replaced_values(
        hub_url: str, signed: tuple[Database, Any, Database, Any, str]) -> None:
    a, _, _, _, signing_id = signed
    _amend(a, signing_id, ANN, amount=Decimal("5000000000"), parties=NEW_PARTNER)
    (event,) = _pending_events(a)
    (item,) = [i for i in event.payload["rows"] if i["table"] == "signing"]
    before = item["before"]
    assert before["amount_fen"] == 450_000_000_000 and before["status"] == "signed"
    assert [p["name"] for p in before["parties"]] == [p.name for p in PARTIES]
    assert "witnesses" not in before  # (unchanged: not rewritten, not sent)
    assert not [i for i in event.payload["rows"] if i["table"] == "signing_witness"]


AMENDS = ({"amount": Decimal("5000000000")}, {"amount": Decimal("4800000000")},
          {"sector": "智能网联汽车"}, {"parties": NEW_PARTNER},
          {"parties": (PARTIES[1], PARTIES[0])}, {"notes": "乙方变更"})
amend = st.tuples(st.just("amend"), st.integers(0, 2), st.integers(0, 1),
                  st.integers(0, len(AMENDS) - 1))
step = st.one_of(
    amend, amend, amend,  # (amendments most: they clash with each other and with cancels)
    st.tuples(st.just("cancel"), st.integers(0, 2), st.integers(0, 1), st.just(0)),
    st.tuples(st.just("cut"), st.integers(0, 2), st.just(0), st.just(0)),
    st.tuples(st.just("mend"), st.integers(0, 2), st.just(0), st.just(0)),
    st.tuples(st.just("sync"), st.integers(0, 2), st.just(0), st.just(0)),
)


def _cancels_sent(db: Database) -> set[str]:
    """The signings a desk's events cancelled."""
    with db.read() as session:
        payloads = session.execute(select(s.OutboxRow.payload)).scalars()
        return {item["values"]["id"] for p in payloads for item in p["rows"]
                if item["table"] == "signing" and item["values"]["status"] == "cancelled"}


@settings(max_examples=10, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(step, min_size=8, max_size=30))
def test_any_interleaving_of_amendments_and_cancels_converges(
        monkeypatch: pytest.MonkeyPatch, steps: list[tuple[str, int, int, int]]) -> None:
    if not POSTGRES_URL:
        pytest.skip("WIMC_TEST_POSTGRES_URL is not set")
    url = make_url(POSTGRES_URL)
    if url.password:
        monkeypatch.setenv("PGPASSWORD", url.password)
    reset_postgres(POSTGRES_URL)
    hub = create_event(POSTGRES_URL, name_zh="签约收敛", start=dt.date(2020, 11, 26),
                       end=dt.date(2020, 11, 28))
    ids = [add_signing(hub, dataclasses.replace(_draft(), project_zh=name), operator="office"
                       ).id for name in ("新能源汽车整车项目", "工业机器人项目")]
    with tempfile.TemporaryDirectory() as folder:
        proxies = [Proxy(url.host or "127.0.0.1", url.port or 5432) for _ in range(3)]
        desks = []
        try:
            for i, proxy in enumerate(proxies):
                join(Path(folder) / f"{i}.wimc", proxy.url(POSTGRES_URL), f"desk {i}")
                desks.append(open_event_database(Path(folder) / f"{i}.wimc"))
            for action, d, n, change in steps:
                desk = Desk(f"desk {d}", f"op {d}")
                try:
                    if action == "amend":
                        _amend(desks[d], ids[n], desk, **AMENDS[change])
                    elif action == "cancel":
                        cancel_signing(desks[d], ids[n], operator=desk.operator,
                                       reason="property", desk=desk)
                except BadInputError:
                    pass  # (cancelled here already, or nothing to change: refused locally)
                network_step(action, proxies[d], desks[d])
            reconnect_all(proxies, desks)
            sent = {k: v for db in desks for k, v in outbox(db).items()}
            assert set(hub_events(hub)) == set(sent)
            assert all(status == "applied" for _, status in sent.values())
            cancelled = set().union(*(_cancels_sent(db) for db in desks))
            for signing_id in ids:
                kept = get_signing(hub, signing_id)
                assert (kept.status is SigningStatus.CANCELLED) == (signing_id in cancelled)
                assert _people_rows(hub, signing_id) == 2
                for db in desks:
                    assert _shown(get_signing(db, signing_id)) == _shown(kept)
                    assert _people_rows(db, signing_id) == 2
            for db in desks:
                assert conflicts(db) == conflicts(hub)
        finally:
            for db in desks:
                db.dispose()
            for proxy in proxies:
                proxy.close()
            hub.dispose()
