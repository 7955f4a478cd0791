"""The Signings page and the stage screen: the form, the totals bar, filters, cancelling."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from tests.gui.gui_helpers import TEST_DESK, add_guests, guest_records
from wimc_desktop.db import schema as s
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.signing_totals import SigningFilter
from wimc_desktop.domain.signings import SigningDraft
from wimc_desktop.services.demo import create_demo_event
from wimc_desktop.services.events import get_event
from wimc_desktop.services.signings import (
    list_signings,
    signing_history,
    signing_snapshot,
    summarize_signings,
)
from wimc_desktop.services.sync.receipts import SIGNING_AMEND_CONFLICT
from wimc_desktop.services.sync.signing_merge import conflict_history_id
from wimc_desktop.ui import i18n
from wimc_desktop.ui.screen_fit import FRAME_ROOM
from wimc_desktop.ui.signing_dialog import SigningDialog
from wimc_desktop.ui.signing_table_model import STATUS
from wimc_desktop.ui.signings_page import SigningsPage
from wimc_desktop.ui.worker import Worker

WAIT = 10_000


def open_page(qtbot: QtBot, worker: Worker, db: Database) -> SigningsPage:
    page = SigningsPage(worker)
    qtbot.addWidget(page)
    page.set_desk(TEST_DESK)
    with qtbot.waitSignal(page.signings_listed, timeout=WAIT):
        page.set_database(db, get_event(db))
    page.resize(1200, 700)
    page.show()
    return page


@pytest.fixture
def page(qtbot: QtBot, worker: Worker, event_db: Database) -> Iterator[SigningsPage]:
    widget = open_page(qtbot, worker, event_db)
    yield widget
    qtbot.waitUntil(lambda: worker.pending == 0)
    if widget.ceremony_view is not None:
        widget.ceremony_view.close()


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Database]:
    db = create_demo_event(tmp_path / "demo.wimc", count=0)
    yield db
    db.dispose()


@pytest.fixture
def demo_page(qtbot: QtBot, demo_db: Database) -> Iterator[SigningsPage]:
    worker = Worker()
    widget = open_page(qtbot, worker, demo_db)
    yield widget
    if widget.ceremony_view is not None:
        widget.ceremony_view.close()
    assert worker.shutdown()


def fill(dialog: SigningDialog, amount: str) -> bool:
    """Drive the form's widgets as an operator would, then press OK."""
    dialog.project_zh.setText("智能工厂项目")
    dialog.project_en.setText("Smart factory")
    dialog.sector.setCurrentText("智能装备")
    dialog.location.setCurrentText("江宁区")
    dialog.amount.setText(amount)
    dialog.parties.add("西门子（中国）有限公司", "投资方", "德国")
    dialog.parties.add("南京市江宁区人民政府", "政府")
    dialog.witnesses.add("张三", "副市长")
    dialog.buttons.accepted.emit()
    return dialog.result() == 1


def test_the_amount_is_parsed_as_it_is_typed(page: SigningsPage) -> None:
    dialog = page.make_dialog()
    dialog.amount.setText("5.2亿")
    assert dialog.amount_parsed.text() == "= 520.00 million yuan"
    dialog.amount.setText("5.2 bananas")
    assert dialog.amount_parsed.text().startswith("not an amount")
    dialog.deleteLater()


def test_a_signing_added_through_the_form_is_listed_and_totalled(
        qtbot: QtBot, page: SigningsPage, event_db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert page.totals.text() == "0 signings, total 0.00 yuan"
    monkeypatch.setattr(page, "_exec_dialog", lambda dialog: fill(dialog, "5.2亿"))
    with qtbot.waitSignal(page.signing_added, timeout=WAIT), \
            qtbot.waitSignal(page.signings_listed, timeout=WAIT):
        page.add_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.totals.text() == "1 signing, total 520.00 million yuan"
    [signing] = list_signings(event_db)
    assert signing.amount == Decimal("520000000.00") and len(signing.parties) == 2
    assert signing.recorded_by == TEST_DESK.operator


def test_an_amount_of_100_yi_or_more_asks_for_confirmation(
        qtbot: QtBot, page: SigningsPage, event_db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[SigningDraft] = []
    monkeypatch.setattr(page, "_exec_dialog", lambda dialog: fill(dialog, "120亿"))
    monkeypatch.setattr(page, "_confirm_large_amount", lambda d: asked.append(d) or False)
    page.add_button.click()
    assert len(asked) == 1 and list_signings(event_db) == []
    monkeypatch.setattr(page, "_confirm_large_amount", lambda d: asked.append(d) or True)
    with qtbot.waitSignal(page.signing_added, timeout=WAIT):
        page.add_button.click()
    assert len(asked) == 2 and len(list_signings(event_db)) == 1


def test_a_filter_by_sector_changes_the_totals(qtbot: QtBot, demo_page: SigningsPage,
                                               demo_db: Database) -> None:
    assert demo_page.totals.text() == "30 signings, total 53.63 billion yuan"
    sector = demo_page.choices.sectors[0]
    expected = summarize_signings(demo_db, SigningFilter(sector=sector))
    with qtbot.waitSignal(demo_page.signings_listed, timeout=WAIT):
        demo_page.set_filter("sector", sector)
    assert demo_page.model.rowCount() == expected.count < 30
    assert demo_page.summary.amount == expected.amount
    assert demo_page.totals.text().startswith(f"{expected.count} signing")


def test_a_cancelled_signing_leaves_the_totals(qtbot: QtBot, demo_page: SigningsPage,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    before = demo_page.summary.amount
    demo_page.select_row(0)
    first = demo_page.selected()
    assert first is not None and demo_page.cancel_button.isEnabled()
    monkeypatch.setattr(demo_page, "_ask_cancel_reason", lambda s: "postponed")
    with qtbot.waitSignal(demo_page.signing_cancelled, timeout=WAIT), \
            qtbot.waitSignal(demo_page.signings_listed, timeout=WAIT):
        demo_page.cancel_button.click()
    assert demo_page.summary.count == 29
    assert demo_page.summary.amount == before - first.amount
    assert demo_page.totals.text().endswith("(1 cancelled, not counted)")
    assert demo_page.model.rowCount() == 30  # still in the register


def test_the_stage_screen_shows_the_count_and_total(qtbot: QtBot,
                                                    demo_page: SigningsPage) -> None:
    view = demo_page.open_ceremony_view()
    assert view is not None
    qtbot.waitUntil(lambda: view.state is not None, timeout=WAIT)
    assert view.count.text() == "30 projects signed"
    assert view.total.text() == "53.63 billion yuan"
    assert view.last_project.text()
    assert view.heading.text() == "Major Project Signing Ceremony"


@pytest.mark.parametrize("kind", ["csv", "xlsx", "pdf"])
def test_the_register_exports_on_the_worker(qtbot: QtBot, demo_page: SigningsPage,
                                            tmp_path: Path, kind: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / f"register.{kind}"
    monkeypatch.setattr(demo_page, "_ask_export_path", lambda k: str(out))
    with qtbot.waitSignal(demo_page.register_exported, timeout=WAIT):
        demo_page.export_buttons[kind].click()
    assert out.stat().st_size > 0
    if kind == "csv":
        assert out.read_text(encoding="utf-8-sig").count("\n") >= 31


def test_the_totals_bar_speaks_chinese(qtbot: QtBot, demo_page: SigningsPage) -> None:
    from wimc_desktop.ui import i18n
    i18n.apply_language(i18n.CHINESE)
    qtbot.waitUntil(lambda: demo_page.totals.text() == "30 项，合计 536.30 亿元")
    assert demo_page.add_button.text() == "新增签约…"


def test_an_amendment_asks_why_and_counts_the_new_amount(
        qtbot: QtBot, demo_page: SigningsPage, monkeypatch: pytest.MonkeyPatch) -> None:
    demo_page.select_row(0)
    first = demo_page.selected()
    assert first is not None
    before = demo_page.summary.amount

    def new_amount(dialog: SigningDialog) -> bool:
        dialog.amount.setText("1亿")
        dialog.buttons.accepted.emit()
        return dialog.result() == 1

    monkeypatch.setattr(demo_page, "_exec_dialog", new_amount)
    monkeypatch.setattr(demo_page, "_ask_amend_reason", lambda s: "corrected")
    with qtbot.waitSignal(demo_page.signing_amended, timeout=WAIT), \
            qtbot.waitSignal(demo_page.signings_listed, timeout=WAIT):
        demo_page.amend_button.click()
    assert demo_page.summary.amount == before - first.amount + Decimal(100_000_000)


@pytest.mark.usefixtures("desk_look")
def test_the_signing_form_fits_a_1366_by_768_laptop(qtbot: QtBot, page: SigningsPage) -> None:
    """With the desk's own look, the form and its OK button fit in 768 px less a taskbar
    (40) and a title bar (30), and it opens no larger than the screen's free area."""
    dialog = page.make_dialog()
    qtbot.addWidget(dialog)
    room = dialog.screen().availableGeometry().size() - FRAME_ROOM
    assert dialog.height() <= max(room.height(), dialog.minimumSizeHint().height())
    dialog.show()
    assert dialog.minimumSizeHint().height() <= 768 - 40 - 30
    assert dialog.minimumSizeHint().width() <= 1366 - 40
    dialog.close()


def test_enter_in_the_guest_lookup_searches_and_never_saves(
        qtbot: QtBot, page: SigningsPage, event_db: Database) -> None:
    add_guests(event_db, 8)
    dialog = page.make_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.project_zh.setText("智能工厂项目")
    dialog.amount.setText("5亿")
    dialog.parties.add("西门子（中国）有限公司", "投资方", "德国")
    dialog.parties.add("南京市江宁区人民政府", "政府")
    dialog.guest_query.setFocus()
    qtbot.keyClicks(dialog.guest_query, "Guest 00003")
    with qtbot.waitSignal(dialog.searched, timeout=WAIT) as searched:
        qtbot.keyClick(dialog.guest_query, Qt.Key.Key_Return)
    assert searched.args[0] >= 1
    assert dialog.isVisible() and dialog.result() == 0 and dialog.draft() is None
    dialog.add_chosen_guest("witness")  # the witness being added is still there to add
    assert [t[0] for t, _ in dialog.witnesses.rows()] == [guest_records(8)[3]["name"]]
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Enter)  # Enter in another field: no save
    assert dialog.isVisible() and dialog.draft() is None
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == 1 and not dialog.isVisible()
    draft = dialog.draft()
    assert draft is not None and [w.name for w in draft.witnesses] == [
        guest_records(8)[3]["name"]]


def test_ctrl_enter_while_a_witness_is_typed_saves_the_witness(
        qtbot: QtBot, page: SigningsPage) -> None:
    # Found by hand (xdotool on the real window): Ctrl+Enter in the witness cell being typed
    # saved the signing without that witness (the text was still in the cell's editor).
    dialog = page.make_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.project_zh.setText("智能工厂项目")
    dialog.amount.setText("5亿")
    dialog.parties.add("西门子（中国）有限公司", "投资方", "德国")
    dialog.parties.add("南京市江宁区人民政府", "政府")
    dialog.witnesses.add("")
    dialog.witnesses.setCurrentCell(0, 0)
    dialog.witnesses.editItem(dialog.witnesses.item(0, 0))
    editor = dialog.witnesses.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    qtbot.keyClicks(editor, "Wang Wu")
    dialog.save_shortcuts[0].activated.emit()  # what Ctrl+Enter does in the real window
    assert dialog.result() == 1 and not dialog.isVisible()
    draft = dialog.draft()
    assert draft is not None and [w.name for w in draft.witnesses] == ["Wang Wu"]


def _record_signing_conflict(db: Database, signing_id: str, *, kept_at: dt.datetime,
                             later_at: dt.datetime) -> None:
    """A clash of two amendments of a signing's amount as a desk's copy of the hub's log
    holds it (pulled from the hub): Desk B's (bob) arrived after Desk A's (ann), whose
    amount was kept; with the history row the hub appended (action `conflict`)."""
    event_id = str(uuid.uuid4())
    with db.write() as session:
        sent = {"id": signing_id, "status": "amended", "amount_fen": 123}
        session.add(s.HubEventRow(
            id=event_id, desk="Desk B", operator="bob", kind="signing", device_at=later_at,
            hub_at=later_at, outcome="applied", reason="fields: amount_fen", guest_id=None,
            day=later_at.date(), conflict=SIGNING_AMEND_CONFLICT, kept_desk="Desk A",
            kept_operator="ann", kept_at=kept_at,
            payload={"rows": [{"table": "signing", "new": False, "values": sent,
                               "before": {"amount_fen": 100}}]}))
        session.add(s.SigningHistoryRow(
            id=conflict_history_id(event_id), signing_id=signing_id,
            at=dt.datetime.now(dt.UTC), operator="hub", action="conflict",
            reason="fields: amount_fen",
            snapshot=signing_snapshot(session, signing_id)))


def test_a_signing_amended_at_two_desks_is_marked_in_its_status(
        qtbot: QtBot, demo_page: SigningsPage, demo_db: Database) -> None:
    """The conflicted signing alone has the ⚠ and the tooltip naming both desks, their
    operators and times (the venue's clock), in English and Chinese; its history names it."""
    conflicted = list_signings(demo_db)[1]
    kept_at = dt.datetime(2020, 11, 26, 7, 20, tzinfo=dt.UTC)  # 15:20 in Nanjing
    _record_signing_conflict(demo_db, conflicted.id, kept_at=kept_at,
                             later_at=kept_at + dt.timedelta(minutes=5))
    assert signing_history(demo_db, conflicted.id)[-1].action == "conflict"
    with qtbot.waitSignal(demo_page.signings_listed, timeout=WAIT):
        demo_page.reload()
    model = demo_page.model

    def status(row: int, role: Qt.ItemDataRole) -> object:
        return model.data(model.index(row, STATUS), role)

    rows = [r for r in range(model.rowCount()) if model.signing(r).id == conflicted.id]
    assert len(rows) == 1
    (row,) = rows
    assert status(row, Qt.ItemDataRole.DisplayRole) == "⚠ Signed"
    assert status(row, Qt.ItemDataRole.ToolTipRole) == (
        "Amended at two desks: Amount — kept Desk A (ann) 15:20; also Desk B (bob) 15:25")
    others = [r for r in range(model.rowCount()) if r != row]
    assert len(others) == 29
    for r in others:
        assert "⚠" not in str(status(r, Qt.ItemDataRole.DisplayRole))
        assert status(r, Qt.ItemDataRole.ToolTipRole) is None
    i18n.apply_language(i18n.CHINESE)
    assert status(row, Qt.ItemDataRole.DisplayRole) == "⚠ 已签约"
    assert status(row, Qt.ItemDataRole.ToolTipRole) == (
        "两个签到台修改了同一项：金额 — 保留 Desk A（ann）15:20；另有 Desk B（bob）15:25")
    assert all(status(r, Qt.ItemDataRole.ToolTipRole) is None for r in others)
