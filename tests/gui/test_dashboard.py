"""The dashboard: today's figures, and check-ins of another process showing up."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.gui.gui_helpers import EVENT_DAY, add_guests, guest_records
from wimc_desktop.db import schema as s
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.services.audit import chain_head
from wimc_desktop.services.checkin import check_in, expected_count
from wimc_desktop.services.events import create_event, get_event
from wimc_desktop.services.importing import import_records
from wimc_desktop.services.sync.receipts import DUPLICATE_ADMISSION, GUEST_EDIT_CONFLICT
from wimc_desktop.ui import dashboard
from wimc_desktop.ui.dashboard import VIPS_SHOWN, Conflict, ConflictSide, Dashboard
from wimc_desktop.ui.screen_fit import FRAME_ROOM
from wimc_desktop.ui.worker import Worker

REPO = Path(__file__).resolve().parents[2]


def open_dashboard(qtbot: QtBot, worker: Worker, db: Database) -> Dashboard:
    board = Dashboard(worker)
    qtbot.addWidget(board)
    with qtbot.waitSignal(board.figures_changed, timeout=10_000):
        board.set_database(db, get_event(db))
        board.set_day(EVENT_DAY)
    return board


def test_dashboard_shows_admitted_against_expected(qtbot: QtBot, worker: Worker,
                                                   event_db: Database) -> None:
    add_guests(event_db, 30)  # some of them online
    for n, record in enumerate(guest_records(30)[:4]):
        check_in(event_db, record["badge_code"], day=EVENT_DAY, desk=Desk("Desk 1", "Li"),
                 now=dt.datetime(2020, 11, 26, 1 + n % 2, tzinfo=dt.UTC))
    expected = expected_count(event_db)  # an online guest admitted counts as on site
    assert 0 < expected < 30
    board = open_dashboard(qtbot, worker, event_db)
    assert board.admitted_label.text() == "4"
    assert str(expected) in board.expected_label.text()
    assert board.progress.value() == 4 and board.progress.maximum() == expected
    assert dict(board.chart.bars)["09"] == 2 and dict(board.chart.bars)["10"] == 2
    assert "VIPs not yet arrived" in board.vips_title.text()
    head = chain_head(event_db)  # the import, 4 admissions, online guests now on site
    assert head.count == 1 + 4 + sum(1 for r in guest_records(30)[:4]
                                     if r["attendance"] == "online")
    assert board.audit_label.text() == (f"Audit log: {head.count} rows, chain head "
                                        f"{head.short}")


def test_dashboard_sees_a_checkin_by_another_process(qtbot: QtBot, worker: Worker,
                                                     event_db: Database, tmp_path: Path) -> None:
    add_guests(event_db, 10)
    board = open_dashboard(qtbot, worker, event_db)
    assert board.admitted_label.text() == "0"
    unchanged: list[object] = []
    board.figures_changed.connect(unchanged.append)
    board.refresh_now()  # nothing changed: no repaint
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert unchanged == []
    code = guest_records(10)[1]["badge_code"]
    env = dict(os.environ, WIMC_NO_BOOTSTRAP="1", WIMC_DESK="Desk 9", WIMC_OPERATOR="Other")
    done = subprocess.run(
        [sys.executable, "-m", "wimc_desktop", "--db", str(tmp_path / "event.wimc"), "checkin",
         code, "--day", EVENT_DAY.isoformat()], env=env, cwd=REPO, capture_output=True,
        text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    with qtbot.waitSignal(board.figures_changed, timeout=10_000):
        board.refresh_now()
    assert board.admitted_label.text() == "1"
    assert board.figures is not None and board.figures.admitted == 1


def test_dashboard_follows_the_change_feed_while_shown(qtbot: QtBot, worker: Worker,
                                                       event_db: Database) -> None:
    add_guests(event_db, 10)
    board = open_dashboard(qtbot, worker, event_db)
    board.show()
    check_in(event_db, guest_records(10)[2]["badge_code"], day=EVENT_DAY,
             desk=Desk("Desk 2", "Zhou"))  # (this handle's write: the feed says it)
    qtbot.waitUntil(lambda: board.admitted_label.text() == "1", timeout=10_000)


def test_a_hidden_dashboard_reads_when_shown(qtbot: QtBot, worker: Worker,
                                             event_db: Database,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    add_guests(event_db, 10)
    board = open_dashboard(qtbot, worker, event_db)  # (never shown yet)
    reads: list[dt.date] = []
    real = dashboard.read_figures

    def read_figures(db: Database, day: dt.date) -> dashboard.DashboardFigures:
        reads.append(day)
        return real(db, day)

    monkeypatch.setattr(dashboard, "read_figures", read_figures)
    check_in(event_db, guest_records(10)[2]["badge_code"], day=EVENT_DAY,
             desk=Desk("Desk 2", "Zhou"))
    qtbot.wait(300)  # (the hub's batch has come: a hidden dashboard only notes it)
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert reads == [] and board.admitted_label.text() == "0"
    board.show()
    qtbot.waitUntil(lambda: board.admitted_label.text() == "1", timeout=10_000)
    assert reads == [EVENT_DAY]
    board.hide()
    board.show()  # nothing changed meanwhile: nothing read
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert reads == [EVENT_DAY]


@pytest.mark.usefixtures("desk_look")
def test_dashboard_fits_a_1366_by_768_laptop(qtbot: QtBot, worker: Worker,
                                             event_db: Database) -> None:
    """A dozen VIPs awaited, with long titles and organisations (as in the demo event), and
    1,800 guests: the window opens within the screen's free area and needs no more than a
    laptop's 768 px less a taskbar and a title bar; the lists scroll instead."""
    records = guest_records(1800)
    for record in records[:2 * VIPS_SHOWN]:
        record["category"] = "official"
        record["title"] = "江苏省工业和信息化厅党组成员、副厅长"
        record["organization"] = "国家智能制造专家委员会暨中国工程院战略咨询中心"
    import_records(event_db, records, source="tests")
    board = open_dashboard(qtbot, worker, event_db)
    board.show()
    room = board.screen().availableGeometry().size() - FRAME_ROOM
    assert board.height() <= max(room.height(), board.minimumSizeHint().height())
    assert board.width() <= max(room.width(), board.minimumSizeHint().width())
    assert board.minimumSizeHint().height() <= 768 - 40 - 30
    assert board.minimumSizeHint().width() <= 1366 - 40
    assert expected_count(event_db) == 1200  # two in three on site
    assert board.expected_label.text() == "of 1,200 expected on site"
    assert "and" in board.vips.text() and "more" in board.vips.text()


def test_the_conflict_list_tells_signing_amendments_apart(qtbot: QtBot, worker: Worker,
                                                          event_db: Database) -> None:
    from wimc_desktop.ui import i18n

    board = open_dashboard(qtbot, worker, event_db)
    assert board.figures is not None and board.figures.conflicts == ()
    kept = ConflictSide("A", "ann", dt.datetime(2020, 11, 28, 7, 20, tzinfo=dt.UTC))
    later = ConflictSide("B", "bob", dt.datetime(2020, 11, 28, 7, 25, tzinfo=dt.UTC))
    lines = (Conflict("signing_amend_conflict", "新能源汽车整车项目", kept, later,
                      ("amount_fen", "parties"), "amended"),
             Conflict("signing_amend_conflict", "工业机器人项目", kept, later,
                      ("status", "notes"), "amended"),
             Conflict("signing_amend_conflict", "智能装备项目", later, kept, ("status",),
                      "cancelled"),
             Conflict("guest_edit_conflict", "张伟", kept, later, ("organization",)))
    board.figures = dataclasses.replace(board.figures, conflicts=lines)  # (as read: shown)
    board._show(board.figures)
    text = board.conflicts.text()
    assert "Conflicts between desks: 4" in board.conflicts_title.text()
    assert ("新能源汽车整车项目: signing amended at two desks: Amount, Parties — kept A (ann) "
            "15:20, also B (bob) 15:25") in text
    assert "工业机器人项目: signing amended after it was cancelled at another desk " \
           "(not applied)" in text
    assert "智能装备项目: signing cancelled after an amendment at another desk " \
           "(the cancel stands) — kept B (bob) 15:25" in text
    assert "张伟: edited at two desks: " in text
    i18n.apply_language(i18n.CHINESE)
    qtbot.waitUntil(lambda: "签约方" in board.conflicts.text())
    text = board.conflicts.text()
    assert "两个签到台修改了签约的同一项：金额、签约方" in text
    assert "修改未生效" in text and "取消有效" in text


def test_conflicts_show_the_time_on_the_event_s_clock(qtbot: QtBot, worker: Worker,
                                                      tmp_path: Path) -> None:
    """An event in Berlin: a duplicate admission and an edit made at two desks read in
    Berlin's time (not Nanjing's), with the fields the edit clashed on."""
    db = create_event(tmp_path / "berlin.wimc", name_zh="柏林展", name_en="Berlin fair",
                      venue="Messe Berlin", city="Berlin", start=EVENT_DAY, end=EVENT_DAY,
                      timezone="Europe/Berlin")
    try:
        add_guests(db, 3)
        with db.read() as session:
            ids = dict(session.execute(select(s.GuestRow.badge_code, s.GuestRow.id)).all())
        at = dt.datetime(2020, 11, 26, 8, 5, tzinfo=dt.UTC)  # 09:05 in Berlin, 16:05 in Nanjing
        _record_conflict(db, ids["T-000001"], DUPLICATE_ADMISSION, "",
                         kept_at=at, later_at=at + dt.timedelta(minutes=7))
        _record_conflict(db, ids["T-000002"], GUEST_EDIT_CONFLICT,
                         "fields: organization, title", kept_at=at + dt.timedelta(hours=1),
                         later_at=at + dt.timedelta(hours=1, minutes=2))
        board = open_dashboard(qtbot, worker, db)
        figures = board.figures
        assert figures is not None
        duplicate, edit = figures.conflicts
        assert duplicate == Conflict(DUPLICATE_ADMISSION, guest_records(3)[1]["name"],
                                     ConflictSide("Desk 1", "Li", at),
                                     ConflictSide("Desk 2", "Wang", at + dt.timedelta(minutes=7)))
        assert edit.fields == ("organization", "title")
        text = board.conflicts.text()
        assert "kept Desk 1 (Li) 09:05, also Desk 2 (Wang) 09:12" in text
        assert "edited at two desks: Organization, Title" in text
        assert "10:05" in text and "10:07" in text
        assert "16:05" not in text and "17:05" not in text
    finally:
        db.dispose()


def _record_conflict(db: Database, guest_id: str, kind: str, reason: str, *,
                     kept_at: dt.datetime, later_at: dt.datetime) -> None:
    """A conflict as a desk's copy of the hub's log holds it (pulled from the hub)."""
    with db.write() as session:
        session.add(s.HubEventRow(
            id=str(uuid.uuid4()), desk="Desk 2", operator="Wang", kind="checkin",
            device_at=later_at, hub_at=later_at, outcome="duplicate", reason=reason,
            guest_id=guest_id, day=EVENT_DAY, conflict=kind, kept_desk="Desk 1",
            kept_operator="Li", kept_at=kept_at, payload={}))
