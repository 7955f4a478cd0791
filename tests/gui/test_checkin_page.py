"""The check-in desk driven through the real window: scans, search, undo, walk-ins, the day."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.gui.conftest import ShownBox
from tests.gui.gui_helpers import EVENT_DAY, TEST_DESK, add_guests, guest_records, keyboard_takers
from wimc_desktop.db.engine import Database, sqlite_path
from wimc_desktop.db.schema import CheckInUndoRow
from wimc_desktop.domain.checkin import CheckInResult, Desk, Outcome
from wimc_desktop.services.checkin import admitted_count, check_in
from wimc_desktop.services.importing import import_records
from wimc_desktop.ui import desk_actions, working_day
from wimc_desktop.ui.checkin_banner import CHECKING, NOT_DONE, WAITING
from wimc_desktop.ui.checkin_page import CheckInPage
from wimc_desktop.ui.desk_actions import SearchFilters
from wimc_desktop.ui.main_window import MainWindow
from wimc_desktop.ui.opened_event import describe
from wimc_desktop.ui.worker import Worker

GUESTS = 40
RECORDS = guest_records(GUESTS)
ON_SITE = sum(r["attendance"] == "onsite" for r in RECORDS)
WAIT = 5000


@pytest.fixture
def window(qtbot: QtBot, worker: Worker, event_db: Database) -> Iterator[MainWindow]:
    add_guests(event_db, GUESTS)
    win = MainWindow(worker, describe(event_db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    page = win.checkin_page
    with qtbot.waitSignal(page.counts_refreshed, timeout=WAIT):
        page.choose_day(EVENT_DAY)
    qtbot.waitUntil(lambda: worker.pending == 0)
    qtbot.waitUntil(page.scan_field.hasFocus)
    yield win


def scan(qtbot: QtBot, page: CheckInPage, code: str) -> CheckInResult:
    """Type like a handheld scanner: a key every 5 ms, then Enter; wait for the banner."""
    qtbot.keyClicks(page.scan_field, code, delay=5)
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT) as shown:
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    return shown.args[0]


def counts_text(window: MainWindow) -> str:
    return window.status.admitted_label.text()


def test_a_scan_admits_clears_the_field_and_keeps_the_focus(
        qtbot: QtBot, window: MainWindow, event_db: Database) -> None:
    page = window.checkin_page
    expected = sum(r["attendance"] == "onsite" for r in RECORDS)
    qtbot.waitUntil(lambda: counts_text(window) == f"Admitted today: 0 / {expected} expected")
    result = scan(qtbot, page, "T-000004")
    assert result.outcome == Outcome.ADMITTED
    assert page.banner.tone == "admitted"
    assert page.banner.headline.text() == "Admitted"
    assert page.banner.name.text() == RECORDS[4]["name"]
    assert RECORDS[4]["organization"] in page.banner.details.text()
    assert page.banner.category.text() == "Exhibitor"
    assert page.banner.vip.isHidden()
    assert page.scan_field.text() == ""
    assert page.scan_field.hasFocus()
    assert result.checkin is not None
    assert (result.checkin.desk, result.checkin.operator) == (TEST_DESK.name, TEST_DESK.operator)
    qtbot.waitUntil(lambda: counts_text(window) == f"Admitted today: 1 / {expected} expected")
    qtbot.waitUntil(lambda: page.recent.model.rowCount() == 1)
    assert admitted_count(event_db, EVENT_DAY) == 1


def test_an_online_guest_is_admitted_with_a_note(qtbot: QtBot, window: MainWindow) -> None:
    page = window.checkin_page
    result = scan(qtbot, page, "t-000003")  # online; a scanner in lower case still matches
    assert result.outcome == Outcome.ADMITTED
    assert page.banner.note.text() == "Registered online — now counted on site"
    assert page.banner.vip.isVisible()  # a company representative: a VIP category
    qtbot.waitUntil(lambda: counts_text(window) == f"Admitted today: 1 / {ON_SITE + 1} expected")


def test_a_second_scan_says_when_and_where_in_local_time(
        qtbot: QtBot, window: MainWindow) -> None:
    page = window.checkin_page
    first = scan(qtbot, page, "T-000001")
    assert first.checkin is not None
    local = first.checkin.at.astimezone(dt.timezone(dt.timedelta(hours=8)))
    again = scan(qtbot, page, "T-000001")
    assert again.outcome == Outcome.ALREADY_CHECKED_IN
    assert page.banner.tone == "already"
    assert page.banner.headline.text() == (
        f"Already checked in at {local:%H:%M} by Desk 3 (Li Ming)")
    assert page.banner.name.text() == RECORDS[1]["name"]
    assert page.scan_field.text() == "" and page.scan_field.hasFocus()


def test_an_unknown_code_is_red_and_says_so(qtbot: QtBot, window: MainWindow) -> None:
    page = window.checkin_page
    result = scan(qtbot, page, "WIMC-NOPE42")
    assert result.outcome == Outcome.UNKNOWN_CODE
    assert page.banner.tone == "refused"
    assert page.banner.headline.text() == "Unknown badge code WIMC-NOPE42"
    assert page.banner.name.isHidden()
    assert not page.banner.icon.pixmap().isNull()


def test_only_the_scan_field_ever_takes_the_keyboard(window: MainWindow) -> None:
    """A scanner types into whatever has the focus: every other control of the desk is
    used with the mouse and never takes it (the working-day combo did: a popup closed
    without a choice left it holding the keyboard, and the next scans were lost)."""
    page = window.checkin_page
    assert keyboard_takers(page) == [page.scan_field]


def test_a_code_typed_without_its_prefix_admits_at_once(
        qtbot: QtBot, window: MainWindow, event_db: Database) -> None:
    """Typed fast and Enter before the name search answers: not 'unknown', admitted."""
    import_records(event_db, [{"name": "单田芳", "badge_code": "WIMC-K7QM3XC"}], source="test")
    page = window.checkin_page
    result = scan(qtbot, page, "k7qm3xc")
    assert result.outcome == Outcome.ADMITTED and result.code == "WIMC-K7QM3XC"
    assert page.banner.name.text() == "单田芳"
    assert page.scan_field.text() == "" and page.scan_field.hasFocus()


def test_typing_a_name_lists_guests_and_enter_admits_the_chosen_one(
        qtbot: QtBot, window: MainWindow) -> None:
    page = window.checkin_page
    with qtbot.waitSignal(page.search_answered, timeout=WAIT) as answered:
        qtbot.keyClicks(page.scan_field, "Guest 0001")
    assert answered.args[0] == 10  # Guest 00010 to 00019
    assert page.stack.currentWidget() is page.results
    assert page.results.current_row() == -1  # several matches: none chosen for the clerk
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Down)
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Down)
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Up)
    assert page.results.current_row() == 0
    chosen = page.results.chosen_guest()
    assert chosen is not None and page.scan_field.hasFocus()
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT) as shown:
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    result = shown.args[0]
    assert result.outcome == Outcome.ADMITTED
    assert result.guest.id == chosen.id
    assert result.checkin.method == "manual"
    assert page.stack.currentWidget() is page.banner
    assert page.scan_field.text() == ""


def test_the_filters_narrow_the_list_and_leave_the_focus_on_the_scan_field(
        qtbot: QtBot, window: MainWindow, event_db: Database) -> None:
    page = window.checkin_page
    bar = page.results.filters
    check_in(event_db, "T-000011", day=EVENT_DAY, desk=TEST_DESK)  # Guest 00011 is here
    with qtbot.waitSignal(page.search_answered, timeout=WAIT) as answered:
        qtbot.keyClicks(page.scan_field, "Guest 0001")
    assert answered.args[0] == 10

    def choose(combo: object, data: object) -> int:
        combo.setCurrentIndex(combo.findData(data))  # type: ignore[attr-defined]
        with qtbot.waitSignal(page.search_answered, timeout=WAIT) as shown:
            combo.activated.emit(combo.currentIndex())  # type: ignore[attr-defined]
        return int(shown.args[0])

    assert choose(bar.checked_in, False) == 9  # all but Guest 00011
    names = {page.results.model.guest_at(r).name_en for r in range(9)}
    assert "Guest 00011" not in names
    assert choose(bar.checked_in, True) == 1
    assert page.results.chosen_guest().name_en == "Guest 00011"
    assert choose(bar.checked_in, None) == 10
    on_site = sum(r["attendance"] == "onsite" for r in RECORDS[10:20])
    assert choose(bar.attendance, "onsite") == on_site
    category = RECORDS[12]["category"]
    both = sum(r["attendance"] == "onsite" and r["category"] == category
               for r in RECORDS[10:20])
    assert choose(bar.category, category) == both
    assert page.scan_field.hasFocus() and page.scan_field.text() == "Guest 0001"
    assert all(not c.focusPolicy() & Qt.FocusPolicy.TabFocus
               for c in (bar.category, bar.attendance, bar.checked_in))


def test_enter_before_the_list_answers_does_not_guess(qtbot: QtBot, window: MainWindow) -> None:
    page = window.checkin_page
    qtbot.keyClicks(page.scan_field, "Guest 00017", delay=5)
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT) as shown:
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert shown.args[0].outcome == Outcome.UNKNOWN_CODE
    assert page.banner.headline.text() == "Unknown badge code GUEST00017"


def test_enter_before_the_list_answers_keeps_the_name_for_the_list(
        qtbot: QtBot, window: MainWindow, event_db: Database) -> None:
    """Seen: a name typed and Enter pressed at once was cleared away with "no badge code or
    guest matches" (the list was cancelled): the guest looked absent, and a walk-in
    registered them a second time."""
    page = window.checkin_page
    qtbot.keyClicks(page.scan_field, "Guest 00017", delay=5)
    with qtbot.waitSignal(page.search_answered, timeout=WAIT) as answered:
        with qtbot.waitSignal(page.outcome_shown, timeout=WAIT) as shown:
            qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
        assert shown.args[0].outcome == Outcome.UNKNOWN_CODE  # nothing guessed
        assert page.scan_field.text() == "Guest 00017"
    assert answered.args[0] == 1
    assert page.stack.currentWidget() is page.results
    assert page.results.summary.text().startswith("1 guest matches “Guest 00017”")
    assert admitted_count(event_db, EVENT_DAY) == 0
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT) as shown:
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)  # now the only match
    assert shown.args[0].outcome == Outcome.ADMITTED
    assert shown.args[0].guest.name_en == "Guest 00017"
    assert page.scan_field.text() == ""
    # An exact code typed as fast still admits at once and clears the field.
    qtbot.keyClicks(page.scan_field, "T-000018", delay=5)
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT) as shown:
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert shown.args[0].outcome == Outcome.ADMITTED and page.scan_field.text() == ""


def test_a_stale_search_answer_is_dropped(qtbot: QtBot, window: MainWindow) -> None:
    page = window.checkin_page
    page.search.schedule("Guest 0001", EVENT_DAY)
    page.search.timer.stop()
    page.search._on_timer_timeout()  # asked, and then the operator types on
    page.search.schedule("Guest 00012", EVENT_DAY)
    with qtbot.waitSignal(page.search.answered, timeout=WAIT) as answered:
        page.search.timer.stop()
        page.search._on_timer_timeout()
    qtbot.waitUntil(lambda: window._worker.pending == 0)
    assert answered.args[0] == "Guest 00012"
    assert answered.args[1].total == 1


def test_ctrl_z_undoes_the_own_admission_at_once(qtbot: QtBot, window: MainWindow,
                                                 event_db: Database) -> None:
    page = window.checkin_page
    asked: list[CheckInResult] = []
    page._ask_undo_reason = lambda result: asked.append(result) or "no"  # type: ignore
    scan(qtbot, page, "T-000002")
    qtbot.waitUntil(lambda: counts_text(window).startswith("Admitted today: 1 "))
    with qtbot.waitSignal(page.admission_undone, timeout=WAIT):
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not asked
    assert page.banner.tone == "undone"
    assert page.banner.headline.text() == "Admission undone"
    assert page.scan_field.hasFocus()
    qtbot.waitUntil(lambda: counts_text(window).startswith("Admitted today: 0 "))
    assert admitted_count(event_db, EVENT_DAY) == 0
    qtbot.waitUntil(lambda: page.recent.model.rowCount() == 0)


def test_ctrl_z_never_undoes_a_guest_the_banner_does_not_show(
        qtbot: QtBot, window: MainWindow, event_db: Database) -> None:
    """Seen: Ctrl+Z pressed twice undid two guests, the second never shown on the banner;
    Ctrl+Z while a scan was being checked undid the guest before it."""
    page = window.checkin_page
    scan(qtbot, page, "T-000021")
    scan(qtbot, page, "T-000022")
    qtbot.waitUntil(lambda: page.recent.model.rowCount() == 2)
    with qtbot.waitSignal(page.admission_undone, timeout=WAIT) as undone:
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert undone.args[0].code == "T-000022"
    qtbot.waitUntil(lambda: page.recent.model.rowCount() == 1)
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window._worker.pending == 0)
    assert admitted_count(event_db, EVENT_DAY) == 1  # T-000021 stays admitted
    assert page.banner.name.text() == RECORDS[22]["name"]
    assert page.notice.isVisible() and page.notice.text().startswith(
        "Nothing was undone: the banner shows no admission to undo.")
    page.banner.show_checking("T-000023")  # a scan on its way: not the guest before it
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window._worker.pending == 0)
    assert admitted_count(event_db, EVENT_DAY) == 1


def test_the_admission_chosen_in_the_list_stays_chosen_when_the_list_is_asked_again(
        qtbot: QtBot, window: MainWindow, event_db: Database) -> None:
    """The list is rebuilt after every scan: the clerk clicked an admission to undo it, a
    colleague scanned the next guest, and "Undo the selected admission" undid the newest
    guest instead; clicked again after the undo, it undid the newest one too."""
    page = window.checkin_page
    for code in ("T-000027", "T-000028", "T-000029"):
        scan(qtbot, page, code)
    qtbot.waitUntil(lambda: page.recent.model.rowCount() == 3)
    view = page.recent.view
    chosen = page.recent.model.result_at(2)
    assert chosen is not None and chosen.code == "T-000027"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(page.recent.model.index(2, 1)).center())
    with qtbot.waitSignal(page.recent_listed, timeout=WAIT):
        scan(qtbot, page, "T-000030")  # the list now starts with T-000030
    assert page.recent.model.result_at(2).code == "T-000028"
    with qtbot.waitSignal(page.admission_undone, timeout=WAIT) as undone:
        page.recent.undo_button.click()
    assert undone.args[0].code == "T-000027"
    # The list asked again after the undo (it may have come before a wait for its signal
    # could begin: the change feed asks for it at the next turn of the event loop).
    qtbot.waitUntil(lambda: "T-000027" not in [r.code for r in page.recent.results()],
                    timeout=WAIT)
    page.recent.undo_button.click()  # again: the chosen one is gone, nobody else goes
    qtbot.waitUntil(lambda: window._worker.pending == 0)
    assert admitted_count(event_db, EVENT_DAY) == 3
    assert [r.code for r in page.recent.results()] == ["T-000030", "T-000029", "T-000028"]


def test_the_undo_button_on_the_banner_undoes_it(qtbot: QtBot, window: MainWindow) -> None:
    page = window.checkin_page
    scan(qtbot, page, "T-000005")
    assert page.banner.undo_button.isVisible()
    with qtbot.waitSignal(page.admission_undone, timeout=WAIT):
        page.banner.undo_button.click()
    assert page.banner.undo_button.isHidden()
    assert page.scan_field.hasFocus()


def test_an_old_admission_needs_a_reason(qtbot: QtBot, window: MainWindow,
                                         event_db: Database) -> None:
    page = window.checkin_page
    ten_minutes_ago = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10)
    check_in(event_db, "T-000006", day=EVENT_DAY, desk=TEST_DESK, now=ten_minutes_ago)
    with qtbot.waitSignal(page.recent_listed, timeout=WAIT):
        page.refresh()
    answers: list[str | None] = [None, "guest left before the opening"]
    asked: list[str] = []

    def ask(result: CheckInResult) -> str | None:
        asked.append(result.code)
        return answers.pop(0)

    page._ask_undo_reason = ask  # type: ignore[method-assign]
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["T-000006"]  # cancelled: nothing undone
    assert admitted_count(event_db, EVENT_DAY) == 1
    with qtbot.waitSignal(page.admission_undone, timeout=WAIT):
        page.recent.undo_button.click()
    assert asked == ["T-000006", "T-000006"]
    assert admitted_count(event_db, EVENT_DAY) == 0
    with event_db.read() as session:
        undo = session.execute(select(CheckInUndoRow)).scalar_one()
        assert (undo.reason, undo.operator) == ("guest left before the opening", "Li Ming")


def test_another_operators_admission_needs_a_reason(qtbot: QtBot, window: MainWindow,
                                                    event_db: Database) -> None:
    page = window.checkin_page
    check_in(event_db, "T-000007", day=EVENT_DAY, desk=Desk(TEST_DESK.name, "Wang Fang"))
    with qtbot.waitSignal(page.recent_listed, timeout=WAIT):
        page.refresh()
    asked: list[str] = []
    page._ask_undo_reason = lambda r: asked.append(r.code) or "shift change"  # type: ignore
    with qtbot.waitSignal(page.admission_undone, timeout=WAIT):
        window.undo_action.trigger()
    assert asked == ["T-000007"]


def test_a_walk_in_is_registered_badged_and_admitted(qtbot: QtBot, window: MainWindow,
                                                     event_db: Database) -> None:
    page = window.checkin_page
    dialog = page.open_walk_in()
    assert dialog is not None and dialog.isVisible()
    assert [label.text() for label in dialog.labels] == [
        "Name:", "Organization:", "Mobile:", "Category:"]
    assert dialog.category_combo.currentData() == "visitor"
    dialog.register_button.click()
    assert dialog.error.text() == "The name is needed."
    dialog.name_edit.setText("赵敏")  # QTest types ASCII only
    dialog.organization_edit.setText("江苏省智能制造研究院")
    qtbot.keyClicks(dialog.mobile_edit, "12345")
    dialog.register_button.click()
    assert dialog.error.text().startswith("invalid mobile number")
    dialog.mobile_edit.setText("13912345678")
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("expert"))
    with qtbot.waitSignal(page.walk_in_admitted, timeout=WAIT) as admitted:
        dialog.register_button.click()
    result = admitted.args[0]
    assert result.outcome == Outcome.ADMITTED and result.code.startswith("WIMC-")
    assert dialog.code.text() == result.code
    assert dialog.stack.currentIndex() == 1
    assert page.banner.name.text() == "赵敏"
    assert page.banner.note.text() == f"Walk-in, new badge {result.code}"
    assert result.guest.category == "expert"
    qtbot.waitUntil(lambda: window.status.count_label.text() == f"Guests: {GUESTS + 1}")
    qtbot.waitUntil(lambda: counts_text(window) == f"Admitted today: 1 / {ON_SITE + 1} expected")
    dialog.close_button.click()
    qtbot.waitUntil(page.scan_field.hasFocus)
    assert admitted_count(event_db, EVENT_DAY) == 1
    with qtbot.waitSignal(page.search_answered, timeout=WAIT) as answered:
        page.scan_field.setText("赵敏")  # found at once by the desk that registered them
    assert answered.args[0] >= 1
    assert page.results.model.guest_at(0).badge_code == result.code  # the exact name first


def test_counts_follow_other_desks_by_the_feed(qtbot: QtBot, window: MainWindow,
                                              event_db: Database) -> None:
    page = window.checkin_page
    other = Database(event_db.url)  # another desk's handle: heard by the hub's poll
    try:
        with qtbot.waitSignal(page.counts_refreshed, timeout=WAIT) as refreshed:
            check_in(other, "T-000010", day=EVENT_DAY, desk=Desk("Desk 9", "Zhou"))
    finally:
        other.dispose()
    assert refreshed.args[0].admitted == 1
    assert counts_text(window).startswith("Admitted today: 1 ")
    qtbot.waitUntil(lambda: window._worker.pending == 0)
    assert page.recent.model.rowCount() == 0  # the list is this desk's own


def test_a_day_outside_the_event_is_announced(qtbot: QtBot, worker: Worker, event_db: Database,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(working_day, "event_today", lambda _event: dt.date(2026, 6, 1))
    add_guests(event_db, 3)
    win = MainWindow(worker, describe(event_db))
    qtbot.addWidget(win)
    win.show()
    page = win.checkin_page
    assert page.day == page.day_chooser.today == dt.date(2026, 6, 1)
    assert page.day_chooser.notice.isVisible()
    assert page.day_chooser.notice.text() == (
        "Today, 1 Jun 2026, is not a day of this event. Choose an event day above to "
        "rehearse or demo the desk.")
    assert page.day_chooser.combo.itemText(0) == "Today, 1 Jun 2026 (no event day)"
    assert page.day_chooser.combo.count() == 4
    assert "(no event day)" in win.status.day_label.text()
    result = scan(qtbot, page, "T-000001")
    assert result.outcome == Outcome.NOT_EVENT_DAY
    assert page.banner.tone == "info"
    assert page.banner.headline.text() == (
        "1 Jun 2026 is not a day of this event — choose the event day")
    page.day_chooser.combo.setCurrentIndex(2)
    page.day_chooser.combo.activated.emit(2)
    assert page.day == dt.date(2020, 11, 27)
    assert page.day_chooser.notice.text() == (
        "Rehearsal: check-ins are recorded for 27 Nov 2020, not for today (1 Jun 2026).")
    assert win.status.day_label.text() == "Working day: 27 Nov 2020"
    assert scan(qtbot, page, "T-000001").outcome == Outcome.ADMITTED
    qtbot.waitUntil(lambda: worker.pending == 0)


def test_the_rehearsal_day_is_kept_for_the_session(qtbot: QtBot, window: MainWindow,
                                                   worker: Worker, event_db: Database) -> None:
    again = MainWindow(worker, describe(event_db))
    qtbot.addWidget(again)
    assert again.checkin_page.day == EVENT_DAY
    qtbot.waitUntil(lambda: worker.pending == 0)


def test_the_first_start_asks_for_the_desk(qtbot: QtBot, worker: Worker, event_db: Database,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QSettings

    QSettings().remove("desk")
    asked: list[Desk] = []

    def ask(self: MainWindow, current: Desk) -> Desk:
        asked.append(current)
        return Desk("北馆2号台", "陈静")

    monkeypatch.setattr(MainWindow, "_ask_desk_identity", ask)
    win = MainWindow(worker, describe(event_db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: bool(asked))
    assert asked[0].name == "Desk 1"
    assert win.checkin_page.desk == Desk("北馆2号台", "陈静")
    assert win.status.desk_label.text() == "北馆2号台 · 陈静"
    assert (QSettings().value("desk/name"), QSettings().value("desk/operator")) == (
        "北馆2号台", "陈静")
    qtbot.waitUntil(lambda: worker.pending == 0)


def test_the_desk_menu_changes_the_desk(qtbot: QtBot, window: MainWindow,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(window, "_ask_desk_identity", lambda current: Desk("Desk 4", "Sun"))
    window.desk_action.trigger()
    assert window.checkin_page.desk == Desk("Desk 4", "Sun")
    assert window.status.desk_label.text() == "Desk 4 · Sun"
    qtbot.waitUntil(lambda: window._worker.pending == 0)


def test_the_desk_speaks_chinese(qtbot: QtBot, window: MainWindow) -> None:
    page = window.checkin_page
    chinese = next(a for a in window._language_group.actions() if a.data() == "zh_CN")
    chinese.trigger()
    qtbot.waitUntil(lambda: page.title.text() == "签到台")
    assert page.scan_field.placeholderText() == "扫描胸卡，或输入姓名…"
    assert page.day_chooser.combo.currentText() == "第 1 天：2020年11月26日"
    first = scan(qtbot, page, "T-000008")
    assert page.banner.headline.text() == "签到成功"
    assert first.checkin is not None
    local = first.checkin.at.astimezone(dt.timezone(dt.timedelta(hours=8)))
    scan(qtbot, page, "T-000008")
    assert page.banner.headline.text() == f"已于 {local:%H:%M} 在 Desk 3 签到（Li Ming）"
    qtbot.waitUntil(lambda: counts_text(window).startswith("今日已签到：1 / 应到 "))
    assert window.status.day_label.text() == "签到日期：2020年11月26日"
    assert window.undo_action.text() == "撤销上一次签到(&U)"


def test_the_desk_dialog_needs_a_desk_name(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from wimc_desktop.ui.desk_dialog import DeskDialog

    dialog = DeskDialog(Desk("", "Li Ming"))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.desk_edit.setText("  Desk 5 ")
    assert ok.isEnabled()
    assert dialog.values() == Desk("Desk 5", "Li Ming")


# -- Enter admits only what the clerk chose ---------------------------------------------


def search(qtbot: QtBot, page: CheckInPage, text: str) -> int:
    with qtbot.waitSignal(page.search_answered, timeout=WAIT) as answered:
        qtbot.keyClicks(page.scan_field, text)
    return int(answered.args[0])


def test_enter_with_several_matches_and_no_choice_admits_nobody(
        qtbot: QtBot, window: MainWindow, event_db: Database) -> None:
    """Seen: "张" and Enter admitted the first of 369 matches, an online-only guest."""
    page = window.checkin_page
    assert search(qtbot, page, "Guest 0000") == 10
    assert page.results.chosen_guest() is None
    with qtbot.waitSignal(page.choice_needed, timeout=WAIT) as needed:
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert needed.args[0] == 10
    assert page.results.summary.text() == (
        "10 guests match “Guest 0000”: nobody was admitted. Choose a guest with the arrow "
        "keys (or click one), then press Enter.")
    assert page.stack.currentWidget() is page.results
    assert page.scan_field.text() == "Guest 0000" and page.scan_field.hasFocus()
    qtbot.waitUntil(lambda: window._worker.pending == 0)
    assert admitted_count(event_db, EVENT_DAY) == 0
    first = page.results.model.guest_at(0)
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Down)  # now the clerk chooses the first
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT) as shown:
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert shown.args[0].outcome == Outcome.ADMITTED
    assert first is not None and shown.args[0].guest.id == first.id


def refused_scans(db: Database) -> list[str]:
    from wimc_desktop.db.schema import AuditRow

    with db.read() as session:
        rows = session.execute(select(AuditRow).where(AuditRow.action.startswith("refused:")))
        return [str(row.details.get("code")) for row in rows.scalars()]


def test_a_name_typed_with_enter_is_no_refused_scan(
        qtbot: QtBot, window: MainWindow, event_db: Database) -> None:
    """Seen: "zhangb" and Enter (several matches, none chosen) was kept in the audit log
    and the day's figures as a refused scan of the unknown code ZHANGB."""
    page = window.checkin_page
    assert search(qtbot, page, "Guest 0000") == 10
    with qtbot.waitSignal(page.choice_needed, timeout=WAIT):
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window._worker.pending == 0)
    assert refused_scans(event_db) == []
    page.scan_field.clear()
    assert search(qtbot, page, "T-999999") == 0  # a code no guest holds, the list empty:
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT) as shown:
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert shown.args[0].outcome == Outcome.UNKNOWN_CODE  # a refused scan, kept
    assert refused_scans(event_db) == ["T-999999"]


def test_enter_admits_the_only_match(qtbot: QtBot, window: MainWindow) -> None:
    page = window.checkin_page
    assert search(qtbot, page, "Guest 00017") == 1
    assert page.results.chosen_guest() is not None
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT) as shown:
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert shown.args[0].outcome == Outcome.ADMITTED
    assert shown.args[0].guest.name_en == "Guest 00017"


def test_enter_admits_the_guest_the_clerk_clicked(qtbot: QtBot, window: MainWindow) -> None:
    page = window.checkin_page
    assert search(qtbot, page, "Guest 0002") == 10
    view = page.results.view
    index = page.results.model.index(3, 0)
    clicked = page.results.model.guest_at(3)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    assert page.scan_field.hasFocus()
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT) as shown:
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert clicked is not None and shown.args[0].guest.id == clicked.id


def test_an_exact_code_still_admits_when_it_also_matches_several(
        qtbot: QtBot, window: MainWindow, event_db: Database) -> None:
    import_records(event_db, [{"name": "Code Twin", "organization": "T-000031 Ltd"},
                              {"name": "Code Twin 2", "organization": "T-000031 GmbH"}],
                   source="test")
    page = window.checkin_page
    assert search(qtbot, page, "T-000031") >= 2
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT) as shown:
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert shown.args[0].outcome == Outcome.ADMITTED and shown.args[0].code == "T-000031"
    assert page.scan_field.text() == ""


def test_the_guest_the_clerk_chose_wins_over_a_code_the_text_also_is(
        qtbot: QtBot, window: MainWindow, event_db: Database) -> None:
    """A phone's last four digits are another guest's (numeric) badge code: Enter on the
    guest the clerk moved to admitted the code's holder instead."""
    import_records(event_db, [{"name": "Code Holder", "badge_code": "0004"}], source="test")
    page = window.checkin_page
    assert search(qtbot, page, "0004") >= 2
    model = page.results.model
    rows = [model.guest_at(row) for row in range(model.rowCount())]
    wanted = next(row for row, g in enumerate(rows) if g and g.mobile == "13900000004")
    for _ in range(wanted + 1):
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Down)
    chosen = page.results.chosen_guest()
    assert chosen is not None and chosen.name == RECORDS[4]["name"]
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT) as shown:
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert shown.args[0].outcome == Outcome.ADMITTED
    assert shown.args[0].guest.id == chosen.id
    assert page.scan_field.text() == ""
    # Not chosen: the exact code still decides alone.
    assert search(qtbot, page, "0004") >= 2
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT) as shown:
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert shown.args[0].guest.name == "Code Holder"
    qtbot.waitUntil(lambda: window._worker.pending == 0)
    assert admitted_count(event_db, EVENT_DAY) == 2


def test_the_phone_shows_masked_in_the_results(qtbot: QtBot, window: MainWindow) -> None:
    page = window.checkin_page
    assert search(qtbot, page, "0004") >= 1  # the last four digits of a mobile
    model = page.results.model
    column = model.columns.index("mobile")
    phones = [model.data(model.index(row, column)) for row in range(model.rowCount())]
    assert "139****0004" in phones
    assert all("13900000004" not in (p or "") for p in phones)
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Mobile"


def test_active_filters_show_on_the_search_box_and_go_after_an_admission(
        qtbot: QtBot, window: MainWindow) -> None:
    page = window.checkin_page
    bar = page.results.filters
    assert page.filter_chip.isHidden()
    assert search(qtbot, page, "Guest 0001") == 10
    bar.checked_in.setCurrentIndex(bar.checked_in.findData(False))
    with qtbot.waitSignal(page.search_answered, timeout=WAIT):
        bar.checked_in.activated.emit(bar.checked_in.currentIndex())
    assert page.filter_chip.isVisible()
    assert page.filter_chip.text() == "Filtered: Not checked in yet  ✕"
    assert page.scan_field.placeholderText() == (
        "Scan a badge or type a name (filtered: Not checked in yet)…")
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT):
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert bar.filters() == SearchFilters()
    assert page.filter_chip.isHidden()
    assert page.scan_field.placeholderText() == "Scan a badge or type a name…"
    bar.attendance.setCurrentIndex(bar.attendance.findData("online"))
    bar.attendance.activated.emit(bar.attendance.currentIndex())
    assert page.filter_chip.text() == "Filtered: Online  ✕"
    page.filter_chip.click()  # the chip clears them too
    assert bar.filters() == SearchFilters() and page.filter_chip.isHidden()
    assert page.scan_field.hasFocus()
    qtbot.waitUntil(lambda: window._worker.pending == 0)


def test_an_empty_undo_reason_says_why_nothing_happened(
        qtbot: QtBot, window: MainWindow, event_db: Database) -> None:
    page = window.checkin_page
    check_in(event_db, "T-000016", day=EVENT_DAY, desk=Desk(TEST_DESK.name, "Wang Fang"))
    with qtbot.waitSignal(page.recent_listed, timeout=WAIT):
        page.refresh()
    page._ask_undo_reason = lambda _result: ""  # type: ignore[method-assign]
    window.undo_action.trigger()
    assert page.notice.isVisible()
    assert page.notice.text() == (
        "Nothing was undone: undoing an admission made by someone else or more than 2 "
        "minutes ago needs a reason.")
    assert admitted_count(event_db, EVENT_DAY) == 1
    assert page.scan_field.hasFocus()
    scan(qtbot, page, "T-000017")
    assert page.notice.isHidden()  # gone at the next action


# -- a busy database: the scan is kept, retried, then admitted or shown as not done ------


@pytest.fixture
def write_lock(event_db: Database) -> Iterator[sqlite3.Connection]:
    """Another program holding the event file's write lock (BEGIN IMMEDIATE), as long as
    the test wants."""
    path = sqlite_path(event_db.url)
    assert path is not None
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


def test_a_scan_waits_for_a_busy_database_and_is_admitted(
        qtbot: QtBot, window: MainWindow, event_db: Database,
        write_lock: sqlite3.Connection) -> None:
    page = window.checkin_page
    QTimer.singleShot(1500, lambda: write_lock.execute("COMMIT"))
    with qtbot.waitSignal(page.outcome_shown, timeout=3 * WAIT) as shown:
        page.admit_scanned("T-000018")
        assert page.banner.state == CHECKING and page.banner.name.isHidden()
        qtbot.waitUntil(lambda: page.banner.state == WAITING, timeout=WAIT)
        assert page.banner.headline.text() == "Waiting for the database…"
        assert "T-000018" in page.banner.note.text()
    assert shown.args[0].outcome == Outcome.ADMITTED
    assert page.banner.tone == "admitted"
    assert admitted_count(event_db, EVENT_DAY) == 1


def test_a_scan_is_retried_after_the_busy_timeout(
        qtbot: QtBot, window: MainWindow, event_db: Database,
        write_lock: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch) -> None:
    """Held longer than one try waits (5 s): the same request (nonce) goes again."""
    page = window.checkin_page
    tries: list[str] = []
    admit = desk_actions.admit

    def counted(*args: object, **kwargs: object) -> CheckInResult:
        tries.append(str(kwargs["nonce"]))
        return admit(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(desk_actions, "admit", counted)
    QTimer.singleShot(5600, lambda: write_lock.execute("COMMIT"))
    with qtbot.waitSignal(page.outcome_shown, timeout=4 * WAIT) as shown:
        page.admit_scanned("T-000019")
    assert shown.args[0].outcome == Outcome.ADMITTED
    assert len(tries) >= 2 and len(set(tries)) == 1
    assert admitted_count(event_db, EVENT_DAY) == 1


def test_a_scan_held_past_the_retry_window_is_shown_as_not_done(
        qtbot: QtBot, window: MainWindow, event_db: Database,
        write_lock: sqlite3.Connection) -> None:
    page = window.checkin_page
    page.retry_window_s = 1.0
    with qtbot.waitSignal(page.admission_not_done, timeout=4 * WAIT) as not_done:
        page.admit_scanned("T-000020")
    assert not_done.args[0] == "T-000020"
    assert page.banner.state == NOT_DONE and page.banner.tone == "refused"
    assert page.banner.headline.text() == "Not checked in — the database is busy"
    assert page.banner.note.text() == (
        "T-000020 was not checked in: another program kept the event database busy. Scan "
        "it again.")
    write_lock.execute("ROLLBACK")
    qtbot.waitUntil(lambda: window._worker.pending == 0)
    assert admitted_count(event_db, EVENT_DAY) == 0


def test_scans_not_done_stay_listed_when_a_later_one_takes_the_banner(
        qtbot: QtBot, window: MainWindow, event_db: Database,
        write_lock: sqlite3.Connection) -> None:
    """Seen: two scans against a busy database; the second one's banner replaced the
    first one's "not checked in — scan it again", so that guest walked in unadmitted."""
    page = window.checkin_page
    page.retry_window_s = 0.5
    not_done: list[str] = []
    page.admission_not_done.connect(not_done.append)
    page.admit_scanned("T-000024")
    page.admit_scanned("T-000025")
    qtbot.waitUntil(lambda: len(not_done) == 2, timeout=6 * WAIT)
    write_lock.execute("ROLLBACK")
    assert sorted(not_done) == ["T-000024", "T-000025"]
    assert page.missed.isVisible()
    assert page.missed_codes() == not_done
    text = page.missed_label.text()
    assert text.startswith("Scans not admitted: ")
    assert "T-000024 (the database was busy: scan again)" in text
    assert "T-000025 (the database was busy: scan again)" in text
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT) as shown:
        page.admit_scanned("T-000024")  # scanned again: admitted, off the list
    assert shown.args[0].outcome == Outcome.ADMITTED
    assert page.missed_codes() == ["T-000025"]
    assert "T-000024" not in page.missed_label.text()
    page.missed_clear.click()  # the clerk has told the guest
    assert page.missed.isHidden() and page.missed_codes() == []
    assert page.scan_field.hasFocus()


def test_a_refusal_answered_behind_a_later_scan_stays_listed(
        qtbot: QtBot, window: MainWindow, event_db: Database) -> None:
    """Scans queued together (behind an import, a busy moment) are answered together:
    only the last reaches the banner, and a refused badge before it must not pass unseen."""
    page = window.checkin_page
    results: list[CheckInResult] = []
    page.outcome_shown.connect(results.append)
    page.admit_scanned("WIMC-NOPE42")
    page.admit_scanned("T-000026")
    qtbot.waitUntil(lambda: len(results) == 2, timeout=WAIT)
    assert page.banner.name.text() == RECORDS[26]["name"]
    assert page.missed.isVisible()
    assert page.missed_label.text() == (
        "Scans not admitted: WIMC-NOPE42 (unknown badge code)")
    assert admitted_count(event_db, EVENT_DAY) == 1
    chinese = next(a for a in window._language_group.actions() if a.data() == "zh_CN")
    chinese.trigger()
    qtbot.waitUntil(lambda: page.title.text() == "签到台")
    assert page.missed_label.text() == "未签到的扫描：WIMC-NOPE42（未知胸卡号）"
    assert page.missed_clear.text() == "清除"


def test_an_undo_waits_for_a_busy_database_too(
        qtbot: QtBot, window: MainWindow, event_db: Database,
        write_lock: sqlite3.Connection, message_boxes: list[ShownBox]) -> None:
    """Seen: Ctrl+Z while another program wrote showed "Something went wrong inside WIMC
    Desk" (a bug's box, in front of the scanner) and undid nothing."""
    page = window.checkin_page
    write_lock.execute("ROLLBACK")
    scan(qtbot, page, "T-000032")
    write_lock.execute("BEGIN IMMEDIATE")
    QTimer.singleShot(6000, lambda: write_lock.execute("COMMIT"))
    with qtbot.waitSignal(page.admission_undone, timeout=4 * WAIT):
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(page.notice.isVisible, timeout=3 * WAIT)
        assert page.notice.text() == (
            f"Waiting for the database to undo the admission of {RECORDS[32]['name']}…")
    assert page.notice.isHidden() and message_boxes == []
    assert admitted_count(event_db, EVENT_DAY) == 0
    scan(qtbot, page, "T-000033")  # and held past the retry window: said, not a bug
    page.retry_window_s = 0.5
    write_lock.execute("BEGIN IMMEDIATE")
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.notice.text().startswith("Nothing was undone"),
                    timeout=3 * WAIT)
    assert page.notice.text() == (
        "Nothing was undone: another program kept the event database busy. "
        f"{RECORDS[33]['name']} is still admitted; undo it again.")
    write_lock.execute("ROLLBACK")
    qtbot.waitUntil(lambda: window._worker.pending == 0)
    assert message_boxes == [] and admitted_count(event_db, EVENT_DAY) == 1
    with qtbot.waitSignal(page.admission_undone, timeout=WAIT):  # again, now it is free
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.usefixtures("desk_look")
def test_every_result_column_shows_its_header_whole(qtbot: QtBot, window: MainWindow) -> None:
    """The masked phone fits beside the name, organization, category, code and check mark
    (the title makes room for it), with no column cut at the window's opening size."""
    window.resize(1280, 720)  # as it opens on a 1366 x 768 laptop
    page = window.checkin_page
    assert search(qtbot, page, "Guest 0001") == 10
    qtbot.waitUntil(lambda: window.width() == 1280)
    view, model = page.results.view, page.results.model
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    shown = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    assert [model.columns[c] for c in shown] == [
        "name", "organization", "mobile", "category", "badge_code", "checked_in"]
    for column in shown:
        label = model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= metrics.horizontalAdvance(label) + 8, label
    assert header.length() <= view.viewport().width()
