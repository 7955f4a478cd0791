"""The main window: pages, status bar, live language switch, opening and creating events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.gui_helpers import add_guests, make_event
from wimc_desktop.db.engine import Database
from wimc_desktop.ui import i18n
from wimc_desktop.ui.main_window import PAGES, MainWindow
from wimc_desktop.ui.opened_event import NewEventInput, OpenedEvent, describe
from wimc_desktop.ui.screen_fit import FRAME_ROOM
from wimc_desktop.ui.settings import LANGUAGE
from wimc_desktop.ui.worker import Worker


@pytest.fixture
def window(qtbot: QtBot, worker: Worker, opened: OpenedEvent) -> MainWindow:
    win = MainWindow(worker, opened)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.guests_page.model.guests_loaded):
        win.show()
    return win


@pytest.mark.usefixtures("desk_look")
def test_the_window_fits_a_1366_by_768_laptop(qtbot: QtBot, worker: Worker,
                                             opened: OpenedEvent) -> None:
    """With the desk's own look, every page and the status bar (the live counts) fit in
    768 px less a taskbar (40) and a title bar (30); and the window opens no larger than
    the screen's free area when that holds its minimum."""
    win = MainWindow(worker, opened)
    qtbot.addWidget(win)
    room = win.screen().availableGeometry().size() - FRAME_ROOM
    assert win.height() <= max(room.height(), win.minimumSizeHint().height())
    assert win.width() <= max(room.width(), win.minimumSizeHint().width())
    with qtbot.waitSignal(win.guests_page.model.guests_loaded):
        win.show()
    for name in PAGES:
        win.select_page(name)
        assert win.minimumSizeHint().height() <= 768 - 40 - 30, name
        assert win.minimumSizeHint().width() <= 1366 - 40, name


def test_window_shows_the_pages_and_the_event(window: MainWindow, event_db: Database) -> None:
    assert window.nav.count() == len(PAGES)
    assert window.current_page_name() == "checkin"  # a desk opens ready to scan
    assert window.pages.currentWidget() is window.checkin_page
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Check-in desk", "Guests", "Badges", "Signings", "Reports"]
    window.select_page("guests")
    assert window.pages.currentWidget() is window.guests_page
    assert not window.undo_action.isEnabled()
    for name, page in (("badges", window.badges_page), ("signings", window.signings_page),
                       ("reports", window.reports_page)):
        window.select_page(name)
        assert window.pages.currentWidget() is page
    status = window.status
    assert status.event_label.text() == "World Intelligent Manufacturing Conference 2020"
    assert status.days_label.text() == "26 Nov 2020 to 28 Nov 2020"
    assert status.file_label.text() == event_db.display_name
    assert status.count_label.text() == "Guests: 0"
    assert status.desk_label.text() == "Desk 3 · Li Ming"


def test_language_switches_live_and_is_remembered(qtbot: QtBot, window: MainWindow) -> None:
    chinese = next(a for a in window._language_group.actions() if a.data() == i18n.CHINESE)
    english = next(a for a in window._language_group.actions() if a.data() == i18n.ENGLISH)
    chinese.trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == "文件(&F)")
    assert window.nav.item(1).text() == "嘉宾名单"
    assert window.status.event_label.text() == "2020世界智能制造大会"
    assert window.windowTitle() == "WIMC Desk — 2020世界智能制造大会"
    assert window.guests_page.model.headerData(0, Qt.Orientation.Horizontal) == "姓名"
    assert QSettings().value(LANGUAGE) == i18n.CHINESE
    english.trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File")
    assert window.nav.item(1).text() == "Guests"
    assert window.windowTitle() == "WIMC Desk — World Intelligent Manufacturing Conference 2020"
    assert QSettings().value(LANGUAGE) == i18n.ENGLISH


def test_status_bar_counts_the_guests(qtbot: QtBot, worker: Worker, event_db: Database) -> None:
    add_guests(event_db, 25)
    win = MainWindow(worker, describe(event_db))
    qtbot.addWidget(win)
    assert win.status.count_label.text() == "Guests: 25"


def test_open_event_switches_the_window(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    other = make_event(tmp_path / "other.wimc")
    add_guests(other, 7)
    other.dispose()
    monkeypatch.setattr(window, "_ask_event_file", lambda: str(tmp_path / "other.wimc"))
    with qtbot.waitSignal(window.guests_page.model.guests_loaded) as blocker:
        window.open_action.trigger()
    assert blocker.args == [7]
    assert window.status.file_label.text().endswith("other.wimc")
    assert window.status.count_label.text() == "Guests: 7"
    window.opened.db.dispose()


def test_opening_a_file_that_is_no_event_says_so(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        message_boxes: list) -> None:
    junk = tmp_path / "junk.wimc"
    junk.write_bytes(b"this is not SQLite")
    monkeypatch.setattr(window, "_ask_event_file", lambda: str(junk))
    window.open_action.trigger()
    qtbot.waitUntil(lambda: bool(message_boxes))
    assert message_boxes[0].icon == QMessageBox.Icon.Warning
    assert message_boxes[0].text == "The event could not be opened."
    assert "junk.wimc" in message_boxes[0].info


def test_new_event_is_created_and_opened(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    values = NewEventInput(path=str(tmp_path / "new.wimc"), name_zh="2021世界智能制造大会",
                           name_en="WIMC 2021", venue="南京国际博览中心", city="南京",
                           start=dt.date(2021, 10, 20), end=dt.date(2021, 10, 22),
                           timezone="Asia/Shanghai")
    monkeypatch.setattr(window, "_ask_new_event", lambda: values)
    with qtbot.waitSignal(window.guests_page.model.guests_loaded):
        window.new_action.trigger()
    assert window.status.event_label.text() == "WIMC 2021"
    assert (tmp_path / "new.wimc").is_file()
    window.opened.db.dispose()


def test_a_bad_new_event_is_refused_with_a_message(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        message_boxes: list) -> None:
    values = NewEventInput(path=str(tmp_path / "bad.wimc"), name_zh="坏活动", name_en="",
                           venue="", city="", start=dt.date(2021, 10, 22),
                           end=dt.date(2021, 10, 20), timezone="Asia/Shanghai")
    monkeypatch.setattr(window, "_ask_new_event", lambda: values)
    window.new_action.trigger()
    qtbot.waitUntil(lambda: bool(message_boxes))
    assert "before the first day" in message_boxes[0].info
    assert window.status.event_label.text() == "World Intelligent Manufacturing Conference 2020"


def test_about_box(window: MainWindow, message_boxes: list) -> None:
    window.about_action.trigger()
    assert message_boxes[0].text.startswith("WIMC Desk ")


def test_the_dashboard_opens_on_the_desk_day(qtbot: QtBot, window: MainWindow) -> None:
    window.dashboard_action.trigger()
    assert window.dashboard is not None and window.dashboard.isVisible()
    qtbot.addWidget(window.dashboard)
    window.open_dashboard()  # a second time raises the same window
    assert window.dashboard.isVisible()


def test_a_closed_window_stops_counting(window: MainWindow) -> None:
    counts = window.checkin_page.counts
    assert counts.active
    window.close()
    assert not counts.active
