"""The Guests page: column chooser (remembered), contact toggle, lazy fetching in a view."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.gui.gui_helpers import EVENT_DAY, TEST_DESK, add_guests
from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import AuditRow
from wimc_desktop.services.checkin import check_in
from wimc_desktop.services.demo import create_demo_event
from wimc_desktop.services.events import get_event
from wimc_desktop.services.guests import CONTACT_REVEALED
from wimc_desktop.services.walkin import register_walk_in
from wimc_desktop.ui import guest_table_model, messages
from wimc_desktop.ui.guest_table_model import COLUMNS, PAGE_SIZE
from wimc_desktop.ui.guests_page import GuestsPage
from wimc_desktop.ui.settings import DeskSettings
from wimc_desktop.ui.worker import Worker

GUESTS = 2000


def shown_page(qtbot: QtBot, worker: Worker, db: Database) -> GuestsPage:
    page = GuestsPage(worker)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    with qtbot.waitSignal(page.model.guests_loaded):
        page.set_database(db, get_event(db))
    page.show()
    if page.model.rowCount():
        qtbot.waitUntil(lambda: page.model.fetched_count > 0)
    return page


def test_a_view_fetches_only_what_it_shows(qtbot: QtBot, worker: Worker,
                                           event_db: Database) -> None:
    add_guests(event_db, GUESTS)
    page = shown_page(qtbot, worker, event_db)
    assert page.model.rowCount() == GUESTS
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert page.model.fetched_count <= 2 * PAGE_SIZE
    assert page.view.model().index(0, 0).data() != "…"
    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.guest_at(GUESTS - 1) is not None)
    assert page.model.fetched_count <= 4 * PAGE_SIZE


def test_column_chooser_hides_a_column_and_remembers_it(
        qtbot: QtBot, worker: Worker, event_db: Database) -> None:
    page = shown_page(qtbot, worker, event_db)
    email = COLUMNS.index("email")
    assert not page.view.isColumnHidden(email)
    menu = page.build_column_menu()
    action = next(a for a in menu.actions() if a.data() == "email")
    name_action = next(a for a in menu.actions() if a.data() == "name")
    assert action.isChecked()
    assert not name_action.isEnabled()
    action.trigger()
    assert page.view.isColumnHidden(email)
    assert "email" in DeskSettings().hidden_guest_columns
    again = GuestsPage(worker)
    qtbot.addWidget(again)
    assert again.view.isColumnHidden(email)


def test_rarely_needed_columns_start_hidden(qtbot: QtBot, worker: Worker) -> None:
    page = GuestsPage(worker)
    qtbot.addWidget(page)
    assert page.hidden_columns() == {"gender", "country", "source"}


def test_clicking_a_header_sorts(qtbot: QtBot, worker: Worker, event_db: Database) -> None:
    add_guests(event_db, 30)
    page = shown_page(qtbot, worker, event_db)
    header = page.view.horizontalHeader()
    column = COLUMNS.index("badge_code")
    page.view.scrollTo(page.model.index(0, column))
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    where = QPoint(x, header.height() // 2)
    with qtbot.waitSignal(page.model.guests_loaded):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert page.model.sort_field == ("badge_code", False)
    with qtbot.waitSignal(page.model.guests_loaded):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert page.model.sort_field == ("badge_code", True)
    qtbot.waitUntil(lambda: page.model.guest_at(0) is not None)
    assert page.model.guest_at(0).badge_code == "T-000029"


def test_contact_toggle_shows_full_numbers(qtbot: QtBot, worker: Worker,
                                           event_db: Database) -> None:
    add_guests(event_db, 3)
    page = shown_page(qtbot, worker, event_db)
    qtbot.waitUntil(lambda: page.model.guest_at(0) is not None)
    mobile = page.model.index(0, COLUMNS.index("mobile"))
    assert "*" in mobile.data()
    page.contact_toggle.setChecked(True)
    assert mobile.data().isdigit()
    assert page.model.index(0, 0).data() == page.model.guest_at(0).name


@pytest.mark.slow
def test_a_hundred_thousand_guests_open_at_once(qtbot: QtBot, worker: Worker,
                                                tmp_path: Path) -> None:
    db = create_demo_event(tmp_path / "big.wimc", count=100_000)
    try:
        started = time.perf_counter()
        page = shown_page(qtbot, worker, db)
        qtbot.waitUntil(lambda: worker.pending == 0)
        elapsed = time.perf_counter() - started
        assert page.model.rowCount() == 100_000
        assert page.model.fetched_count <= 2 * PAGE_SIZE
        assert elapsed < 5, f"the first screen of 100,000 guests took {elapsed:.1f} s"
        page.close()
    finally:
        assert worker.shutdown()
        db.dispose()


def _rows_text(page: GuestsPage, field: str) -> list[str]:
    column = COLUMNS.index(field)
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def test_the_search_box_shows_only_the_matching_guests(qtbot: QtBot, worker: Worker,
                                                       event_db: Database) -> None:
    add_guests(event_db, 60)
    page = shown_page(qtbot, worker, event_db)
    with qtbot.waitSignal(page.model.searched, timeout=5000):
        qtbot.keyClicks(page.search_field, "zhang")
    names = _rows_text(page, "name")
    assert names and all(name.startswith("张") for name in names)
    assert page.model.rowCount() < 60
    assert page._count.text() == f"{len(names)} guests match “zhang”"
    with qtbot.waitSignal(page.model.searched, timeout=5000):
        page.search_field.setText("T-000007")
    assert _rows_text(page, "badge_code") == ["T-000007"]
    assert page._count.text() == "1 guest matches “T-000007”"
    with qtbot.waitSignal(page.model.guests_loaded, timeout=5000):
        page.search_field.clear()
    assert page.model.rowCount() == 60


def test_checked_in_column_follows_the_working_day(qtbot: QtBot, worker: Worker,
                                                   event_db: Database) -> None:
    add_guests(event_db, 20)
    event = get_event(event_db)
    check_in(event_db, "T-000004", day=EVENT_DAY, desk=TEST_DESK, event=event)
    page = shown_page(qtbot, worker, event_db)
    page.set_day(EVENT_DAY)
    codes = _rows_text(page, "badge_code")
    row = codes.index("T-000004")
    qtbot.waitUntil(lambda: page.model.is_checked_in(row) is not None)
    checked = _rows_text(page, "checked_in")
    assert checked[row] == "✓"
    assert checked.count("✓") == 1
    page.set_day(EVENT_DAY + dt.timedelta(days=1))
    qtbot.waitUntil(lambda: page.model.is_checked_in(row) is not None)
    assert "✓" not in _rows_text(page, "checked_in")


def _reveals(db: Database) -> list[AuditRow]:
    with db.read() as session:
        return list(session.execute(select(AuditRow).where(
            AuditRow.action == CONTACT_REVEALED)).scalars())


def test_showing_full_contact_details_asks_first_and_is_audited(
        qtbot: QtBot, worker: Worker, event_db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    add_guests(event_db, 3)
    page = shown_page(qtbot, worker, event_db)
    page.set_desk(TEST_DESK)
    qtbot.waitUntil(lambda: page.model.guest_at(0) is not None)
    mobile = page.model.index(0, COLUMNS.index("mobile"))
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> object:
        def exec_box(box: QMessageBox) -> int:
            asked.append(box.text())
            return int(button)
        return exec_box

    monkeypatch.setattr(messages, "exec_box", answer(QMessageBox.StandardButton.Cancel))
    qtbot.mouseClick(page.contact_toggle, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert not page.contact_toggle.isChecked()
    assert "*" in mobile.data()
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert _reveals(event_db) == []
    monkeypatch.setattr(messages, "exec_box", answer(QMessageBox.StandardButton.Ok))
    qtbot.mouseClick(page.contact_toggle, Qt.MouseButton.LeftButton)
    assert len(asked) == 2
    assert page.contact_toggle.isChecked()
    assert mobile.data().isdigit()
    qtbot.waitUntil(lambda: len(_reveals(event_db)) == 1)
    row = _reveals(event_db)[0]
    assert (row.desk, row.operator) == (TEST_DESK.name, TEST_DESK.operator)
    assert row.details["fields"] == "mobile,email"
    assert row.at is not None


def test_sorting_by_checked_in_puts_the_admitted_first(qtbot: QtBot, worker: Worker,
                                                       event_db: Database) -> None:
    add_guests(event_db, 30)
    event = get_event(event_db)
    for code in ("T-000011", "T-000023"):
        check_in(event_db, code, day=EVENT_DAY, desk=TEST_DESK, event=event)
    page = shown_page(qtbot, worker, event_db)
    page.set_day(EVENT_DAY)
    with qtbot.waitSignal(page.model.guests_loaded):
        page.model.sort(COLUMNS.index("checked_in"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: page.model.guest_at(1) is not None
                    and page.model.is_checked_in(1) is not None)
    assert {page.model.guest_at(0).badge_code, page.model.guest_at(1).badge_code} == {
        "T-000011", "T-000023"}
    assert page.model.is_checked_in(0) and page.model.is_checked_in(1)


def test_the_contact_box_is_ticked_only_once_the_reveal_is_confirmed(
        qtbot: QtBot, worker: Worker, event_db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """It showed ticked behind the question while the question was open."""
    add_guests(event_db, 3)
    page = shown_page(qtbot, worker, event_db)
    while_asked: list[bool] = []

    def answer(button: QMessageBox.StandardButton) -> object:
        def exec_box(box: QMessageBox) -> int:
            while_asked.append(page.contact_toggle.isChecked())
            return int(button)
        return exec_box

    for button, ticked in ((QMessageBox.StandardButton.Cancel, False),
                           (QMessageBox.StandardButton.Ok, True)):
        monkeypatch.setattr(messages, "exec_box", answer(button))
        qtbot.mouseClick(page.contact_toggle, Qt.MouseButton.LeftButton)
        assert while_asked[-1] is False, "ticked behind the question"
        assert page.contact_toggle.isChecked() is ticked
    monkeypatch.setattr(messages, "exec_box", answer(QMessageBox.StandardButton.Cancel))
    qtbot.keyClick(page.contact_toggle, Qt.Key.Key_Space)  # unticking asks nothing
    assert len(while_asked) == 2 and not page.contact_toggle.isChecked()
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert len(_reveals(event_db)) == 1


def test_a_hidden_page_changes_rows_in_place_and_lists_new_guests_when_shown(
        qtbot: QtBot, worker: Worker, event_db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Hidden, an admission only drops the guest's cached row (fetched again when painted);
    a walk-in (a guest who came) lists the ids once, when the page is shown again."""
    add_guests(event_db, 20)
    page = shown_page(qtbot, worker, event_db)
    page.set_day(EVENT_DAY)
    row = _rows_text(page, "badge_code").index("T-000004")
    qtbot.waitUntil(lambda: page.model.is_checked_in(row) is False)
    page.hide()
    listings: list[int] = []
    real = guest_table_model.guest_ids

    def guest_ids(*args: Any, **kwargs: Any) -> list[str]:
        listings.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(guest_table_model, "guest_ids", guest_ids)
    check_in(event_db, "T-000004", day=EVENT_DAY, desk=TEST_DESK)
    qtbot.waitUntil(lambda: page.model.is_checked_in(row) is None)  # dropped, in place
    qtbot.waitUntil(lambda: worker.pending == 0)
    register_walk_in(event_db, name="钱多多", organization="南京大学", day=EVENT_DAY,
                     desk=TEST_DESK)
    qtbot.wait(300)  # (the hub's batch has come: a hidden page only notes it)
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert listings == [] and page.model.rowCount() == 20
    with qtbot.waitSignal(page.model.guests_loaded, timeout=5000) as loaded:
        page.show()
    assert loaded.args == [21] and listings == [1]
    qtbot.waitUntil(lambda: "T-000004" in _rows_text(page, "badge_code"))  # (fetched)
    row = _rows_text(page, "badge_code").index("T-000004")
    qtbot.waitUntil(lambda: page.model.is_checked_in(row) is True)
    page.hide()
    page.show()  # nothing came meanwhile: not listed again
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert listings == [1]
