"""A scan reaches the check-in wherever the focus is; a person's typing still lands in fields.

Every key here goes the window system's way (tests/gui/scan_replay.py): to the window in
front, through the application's scanner filter, to the focus widget.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QInputDialog,
    QLineEdit,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.gui.gui_helpers import EVENT_DAY, add_guests, guest_records
from tests.gui.scan_replay import (
    CR_CTRL_J,
    CR_LF,
    TAB,
    FakeClock,
    press,
    scan_keys,
    type_keys,
)
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import CheckInResult, Desk, Outcome
from wimc_desktop.services.checkin import admitted_count, recent_admissions
from wimc_desktop.services.importing import import_records
from wimc_desktop.ui.badge_batch_dialog import BadgeBatchDialog
from wimc_desktop.ui.checkin_banner import CHECKING
from wimc_desktop.ui.desk_dialog import DeskDialog
from wimc_desktop.ui.main_window import PAGES, MainWindow
from wimc_desktop.ui.opened_event import describe
from wimc_desktop.ui.scanner_filter import HOLD_MS, ScannerFilter, event_clock
from wimc_desktop.ui.worker import Worker

GUESTS = 40
RECORDS = guest_records(GUESTS)
WAIT = 5000
ORIGINAL_ASK_DESK = MainWindow._ask_desk_identity  # before the autouse fixture replaces it
TEST_HOLD_MS = 400


@pytest.fixture
def clock() -> Iterator[FakeClock]:
    """The filter on a fake clock. Its hold timer is longer than in the desk: the gaps are
    the clock's, and a loaded test machine must not let the timer end a burst."""
    scanner = ScannerFilter.for_application()
    fake = FakeClock()
    scanner.clock = fake
    scanner.timer.setInterval(TEST_HOLD_MS)
    yield fake
    scanner.flush()
    scanner.clock = event_clock
    scanner.timer.setInterval(HOLD_MS)


@pytest.fixture
def window(qtbot: QtBot, worker: Worker, event_db: Database) -> Iterator[MainWindow]:
    add_guests(event_db, GUESTS)
    win = MainWindow(worker, describe(event_db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    with qtbot.waitSignal(win.checkin_page.counts_refreshed, timeout=WAIT):
        win.checkin_page.choose_day(EVENT_DAY)
    qtbot.waitUntil(lambda: worker.pending == 0)
    yield win
    qtbot.waitUntil(lambda: worker.pending == 0)


def scanned(qtbot: QtBot, window: MainWindow, clock: FakeClock, target: QWidget,
            code: str) -> CheckInResult:
    page = window.checkin_page
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT) as shown:
        scan_keys(clock, target, code)
    return shown.args[0]


def assert_admitted_on_the_banner(window: MainWindow, result: CheckInResult,
                                  number: int) -> None:
    page = window.checkin_page
    assert result.outcome == Outcome.ADMITTED
    assert result.guest is not None and result.guest.name == RECORDS[number]["name"]
    assert page.banner.tone == "admitted"
    assert page.banner.name.text() == RECORDS[number]["name"]
    assert window.current_page_name() == "checkin"


def text_fields(widget: QWidget) -> list[QLineEdit]:
    return widget.findChildren(QLineEdit)


def no_code_typed(widget: QWidget, code: str) -> bool:
    return all(code not in field.text() and code.lower() not in field.text().lower()
               for field in text_fields(widget))


# -- the filter on its own -------------------------------------------------------------


@pytest.fixture
def form(qtbot: QtBot) -> Iterator[QLineEdit]:
    holder = QWidget()
    field = QLineEdit(holder)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()
    field.setFocus()
    yield field


def test_a_burst_shaped_like_a_code_is_a_scan_and_is_never_typed(
        qtbot: QtBot, clock: FakeClock, form: QLineEdit) -> None:
    scanner = ScannerFilter.for_application()
    with qtbot.waitSignal(scanner.scanned, timeout=WAIT) as got:
        scan_keys(clock, form, "WIMC-ESEJ9JC")
    assert got.args == ["WIMC-ESEJ9JC"]
    assert form.text() == ""
    got_bare: list[str] = []
    scanner.scanned.connect(got_bare.append)
    scan_keys(clock, form, "e445bt8")  # printed under the QR code, without the prefix
    scanner.scanned.disconnect(got_bare.append)
    assert got_bare == ["E445BT8"] and form.text() == ""


def test_a_person_typing_gets_every_key_in_order(qtbot: QtBot, clock: FakeClock,
                                                 form: QLineEdit) -> None:
    scanner = ScannerFilter.for_application()
    got: list[str] = []
    scanner.scanned.connect(got.append)
    returned: list[str] = []
    form.returnPressed.connect(lambda: returned.append(form.text()))
    type_keys(clock, form, "Desk-3 North")
    press(clock, form, Qt.Key.Key_Return)
    scanner.scanned.disconnect(got.append)
    assert form.text() == "Desk-3 North"
    assert returned == ["Desk-3 North"]  # Enter came after the last letter, not before
    assert got == []


def test_a_fast_typist_is_not_a_scanner(qtbot: QtBot, clock: FakeClock,
                                        form: QLineEdit) -> None:
    """Rolled-over keys 45 ms apart, a short burst, a burst of no code's shape: typed."""
    scanner = ScannerFilter.for_application()
    got: list[str] = []
    scanner.scanned.connect(got.append)
    scan_keys(clock, form, "WIMC-ESEJ9JC", gap_ms=45)
    assert form.text() == "WIMC-ESEJ9JC"
    form.clear()
    scan_keys(clock, form, "abc")  # too short for a code
    assert form.text() == "abc"
    form.clear()
    type_keys(clock, form, "ab.cd", gap_ms=5)  # "." is in no badge code
    qtbot.waitUntil(lambda: not scanner.holding)
    assert form.text() == "ab.cd"
    scanner.scanned.disconnect(got.append)
    assert got == []


def test_a_tab_suffix_ends_a_scan_like_enter(qtbot: QtBot, clock: FakeClock,
                                             form: QLineEdit) -> None:
    """Seen: a scanner set up with a Tab suffix typed the code into the field (the scan
    field kept it, unadmitted) and moved the focus on."""
    scanner = ScannerFilter.for_application()
    with qtbot.waitSignal(scanner.scanned, timeout=WAIT) as got:
        scan_keys(clock, form, "WIMC-ESEJ9JC", suffix=TAB)
    assert got.args == ["WIMC-ESEJ9JC"]
    assert form.text() == "" and form.hasFocus()
    type_keys(clock, form, "ab")  # a person's Tab is still a Tab
    press(clock, form, Qt.Key.Key_Tab)
    assert form.text() == "ab"


def test_a_hiccup_inside_a_burst_does_not_cut_the_scan(qtbot: QtBot, clock: FakeClock,
                                                      form: QLineEdit) -> None:
    """Seen: a 70 ms pause after "WIMC-9A" typed it into the field and scanned "B5XSZ"."""
    scanner = ScannerFilter.for_application()
    got: list[str] = []
    scanner.scanned.connect(got.append)
    scan_keys(clock, form, "WIMC-9AB5XSZ", hiccups={7: 90})
    assert got == ["WIMC-9AB5XSZ"] and form.text() == ""
    # A longer one sends the first part on (it was typed), but the scan is the whole code.
    scan_keys(clock, form, "WIMC-9AB5XSZ", hiccups={7: 300})
    qtbot.waitUntil(lambda: not scanner.holding)
    scanner.scanned.disconnect(got.append)
    assert got == ["WIMC-9AB5XSZ", "WIMC-9AB5XSZ"]
    assert form.text() == "WIMC-9A"
    form.clear()
    type_keys(clock, form, "abcd", gap_ms=45)  # a fast typist still types
    press(clock, form, Qt.Key.Key_Return, gap_ms=45)
    assert form.text() == "abcd"


def test_a_prefix_character_is_part_of_the_scan(qtbot: QtBot, clock: FakeClock,
                                               form: QLineEdit) -> None:
    """Seen: a scanner set up with a "$" prefix left the "$" in the dialog's field."""
    scanner = ScannerFilter.for_application()
    with qtbot.waitSignal(scanner.scanned, timeout=WAIT) as got:
        scan_keys(clock, form, "$WIMC-ESEJ9JC")
    assert got.args == ["WIMC-ESEJ9JC"] and form.text() == ""
    type_keys(clock, form, "#3 $5")  # a person's punctuation is typed as ever
    qtbot.waitUntil(lambda: not scanner.holding)
    assert form.text() == "#3 $5"


def test_the_rest_of_a_cr_lf_suffix_is_part_of_the_scan(qtbot: QtBot, clock: FakeClock,
                                                        form: QLineEdit) -> None:
    scanner = ScannerFilter.for_application()
    returned: list[str] = []
    form.returnPressed.connect(lambda: returned.append(form.text()))
    for suffix in (CR_LF, CR_CTRL_J):
        with qtbot.waitSignal(scanner.scanned, timeout=WAIT):
            scan_keys(clock, form, "WIMC-ESEJ9JC", suffix=suffix)
    assert returned == [] and form.text() == ""
    clock.now += 2000
    press(clock, form, Qt.Key.Key_Return)  # a person's Enter after the scan: Enter
    assert returned == [""]
    type_keys(clock, form, "x")
    clock.now += 2000
    with qtbot.waitSignal(scanner.scanned, timeout=WAIT):
        scan_keys(clock, form, "WIMC-ESEJ9JC")
    press(clock, form, Qt.Key.Key_Return)  # 160 ms later: the clerk's own Enter
    qtbot.waitUntil(lambda: not scanner.holding)
    assert returned == ["", "x"]


def test_a_held_key_reaches_its_field_within_the_hold_time(qtbot: QtBot, clock: FakeClock,
                                                           form: QLineEdit) -> None:
    scanner = ScannerFilter.for_application()
    scanner.timer.setInterval(HOLD_MS)
    type_keys(clock, form, "z")
    assert scanner.holding and form.text() == ""  # deciding: no more than HOLD_MS
    assert scanner.timer.interval() == HOLD_MS <= 40
    qtbot.waitUntil(lambda: form.text() == "z", timeout=500)


def test_chinese_input_and_shortcuts_keep_their_order(qtbot: QtBot, clock: FakeClock,
                                                      form: QLineEdit) -> None:
    """An input method's text and a shortcut after a held key: the key goes first."""
    type_keys(clock, form, "a")
    commit = QInputMethodEvent()
    commit.setCommitString("张伟")
    QApplication.sendEvent(form, commit)
    assert form.text() == "a张伟"
    type_keys(clock, form, "b")
    press(clock, form, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier, gap_ms=5)
    assert form.text() == "a张伟b"
    assert form.selectedText() == "a张伟b"  # Ctrl+A came after "b", and still works
    press(clock, form, Qt.Key.Key_Backspace, gap_ms=5)
    assert form.text() == ""


def test_the_badges_look_up_field_takes_a_scan_as_typed(
        qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    """A badge scanned on the Badges page is looked up there, never admitted."""
    window.select_page("badges")
    page = window.badges_page
    page.return_focus()
    qtbot.waitUntil(page.scan_field.hasFocus)
    with qtbot.waitSignal(page.scan_field.returnPressed, timeout=WAIT):
        scan_keys(clock, page.scan_field, "T-000004")
    assert window.current_page_name() == "badges"
    qtbot.waitUntil(lambda: page.info is not None and page.info.guest.badge_code == "T-000004")
    qtbot.waitUntil(lambda: window._worker.pending == 0)
    assert admitted_count(window.db, EVENT_DAY) == 0


# -- every page and dialog of the window -----------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_a_scan_on_any_page_is_admitted_on_the_check_in_page(
        qtbot: QtBot, window: MainWindow, clock: FakeClock, name: str) -> None:
    window.select_page(name)
    page = window.pages.currentWidget()
    takers = [w for w in page.findChildren(QWidget)
              if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisibleTo(page)
              and not w.property("takesScans")]
    (takers[0] if takers else window.nav).setFocus()
    result = scanned(qtbot, window, clock, window, "T-000004")
    assert_admitted_on_the_banner(window, result, 4)
    assert no_code_typed(window, "T-000004")
    qtbot.waitUntil(window.checkin_page.scan_field.hasFocus)


def test_a_scan_from_the_dashboard_brings_the_desk_forward(
        qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    window.select_page("guests")
    window.open_dashboard()
    dashboard = window.dashboard
    assert dashboard is not None
    qtbot.waitExposed(dashboard)
    dashboard.activateWindow()
    result = scanned(qtbot, window, clock, dashboard, "T-000005")
    assert_admitted_on_the_banner(window, result, 5)
    dashboard.close()


def test_a_scan_closes_a_finished_walk_in_and_shows_the_new_guest(
        qtbot: QtBot, window: MainWindow, clock: FakeClock, event_db: Database) -> None:
    """Seen: the scan only closed the dialog; the walk-in's green banner stayed up."""
    page = window.checkin_page
    dialog = page.open_walk_in()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.name_edit.setText("赵敏")
    with qtbot.waitSignal(page.walk_in_admitted, timeout=WAIT):
        dialog.register_button.click()
    assert dialog.stack.currentIndex() == 1 and page.banner.name.text() == "赵敏"
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT) as shown:
        scan_keys(clock, dialog, "T-000006")
        assert page.banner.state == CHECKING  # the walk-in's banner is gone at once
        assert page.banner.name.isHidden()
    assert_admitted_on_the_banner(window, shown.args[0], 6)
    assert closed and page._walk_in is None
    assert admitted_count(event_db, EVENT_DAY) == 2


def test_a_scan_behind_a_walk_in_form_keeps_what_was_typed(
        qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    page = window.checkin_page
    dialog = page.open_walk_in()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.name_edit.setFocus()
    type_keys(clock, dialog, "Zhao")
    qtbot.waitUntil(lambda: dialog.name_edit.text() == "Zhao")
    clock.now += 2000  # the guest steps up and holds out the badge
    result = scanned(qtbot, window, clock, dialog, "T-000007")
    assert_admitted_on_the_banner(window, result, 7)
    assert QToolTip.text() == f"Admitted\n{RECORDS[7]['name']}"  # shown over the dialog
    type_keys(clock, dialog, " Min")
    qtbot.waitUntil(lambda: dialog.name_edit.text() == "Zhao Min")
    assert dialog.isVisible() and no_code_typed(dialog, "T-000007")
    dialog.close()


def test_a_cr_lf_scan_never_registers_a_half_typed_walk_in(
        qtbot: QtBot, window: MainWindow, clock: FakeClock, event_db: Database) -> None:
    """Seen: a scanner sending CR+LF admitted its guest behind the walk-in form, and the
    second Enter pressed the form's Register button: "Zhao" became a new guest."""
    page = window.checkin_page
    dialog = page.open_walk_in()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.name_edit.setFocus()
    type_keys(clock, dialog, "Zhao")
    qtbot.waitUntil(lambda: dialog.name_edit.text() == "Zhao")
    clock.now += 2000
    registered: list[object] = []
    page.walk_in_admitted.connect(registered.append)
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT) as shown:
        scan_keys(clock, dialog, "T-000007", suffix=CR_LF)
    assert_admitted_on_the_banner(window, shown.args[0], 7)
    qtbot.waitUntil(lambda: window._worker.pending == 0)
    assert registered == [] and dialog.check_in_result is None and dialog.isVisible()
    assert dialog.name_edit.text() == "Zhao"
    assert admitted_count(event_db, EVENT_DAY) == 1
    dialog.close()


def test_a_tab_suffix_scan_is_admitted_and_looked_up_on_the_badges_page(
        qtbot: QtBot, window: MainWindow, clock: FakeClock, event_db: Database) -> None:
    page = window.checkin_page
    qtbot.waitUntil(page.scan_field.hasFocus)
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT) as shown:
        scan_keys(clock, window, "T-000017", suffix=TAB)
    assert_admitted_on_the_banner(window, shown.args[0], 17)
    assert page.scan_field.text() == "" and page.scan_field.hasFocus()
    window.select_page("badges")
    badges = window.badges_page
    badges.return_focus()
    qtbot.waitUntil(badges.scan_field.hasFocus)
    with qtbot.waitSignal(badges.scan_field.returnPressed, timeout=WAIT):
        scan_keys(clock, badges.scan_field, "T-000004", suffix=TAB)
    qtbot.waitUntil(lambda: badges.info is not None
                    and badges.info.guest.badge_code == "T-000004")
    assert badges.scan_field.hasFocus()
    qtbot.waitUntil(lambda: window._worker.pending == 0)
    assert admitted_count(event_db, EVENT_DAY) == 1


def test_the_first_start_desk_dialog_never_takes_a_scan(
        qtbot: QtBot, worker: Worker, event_db: Database, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen: the desk was recorded as "1号签到台WIMC-ESEJ9JC" and the guest not admitted."""
    add_guests(event_db, GUESTS)
    QSettings().remove("desk")
    monkeypatch.setattr(MainWindow, "_ask_desk_identity", ORIGINAL_ASK_DESK)
    win = MainWindow(worker, describe(event_db))
    qtbot.addWidget(win)
    win.checkin_page.choose_day(EVENT_DAY)
    seen: dict[str, object] = {}

    def clerk_at_the_dialog() -> None:  # runs inside the dialog's exec()
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DeskDialog):
            QTimer.singleShot(20, clerk_at_the_dialog)
            return
        try:  # whatever happens, the dialog ends (else its exec() never returns)
            dialog.activateWindow()
            dialog.desk_edit.setFocus()
            dialog.desk_edit.selectAll()
            type_keys(clock, dialog, "North 2")
            clock.now += 2000
            scan_keys(clock, dialog, "T-000008")
            qtbot.waitUntil(lambda: win.checkin_page.banner.name.text() == RECORDS[8]["name"],
                            timeout=WAIT)
            seen["desk"] = dialog.desk_edit.text()
            seen["still open"] = dialog.isVisible()
            type_keys(clock, dialog, "b")
            qtbot.waitUntil(lambda: dialog.desk_edit.text() == "North 2b")
        finally:
            seen.setdefault("desk", dialog.desk_edit.text())
            dialog.accept()

    QTimer.singleShot(0, clerk_at_the_dialog)
    win.show()
    qtbot.waitUntil(lambda: "desk" in seen, timeout=2 * WAIT)
    assert seen == {"desk": "North 2", "still open": True}
    assert win.checkin_page.desk.name == "North 2b"
    qtbot.waitUntil(lambda: worker.pending == 0)
    admitted = recent_admissions(event_db, EVENT_DAY)
    assert [r.guest.name for r in admitted if r.guest] == [RECORDS[8]["name"]]
    assert admitted_count(event_db, EVENT_DAY) == 1


def test_a_scan_behind_the_signing_form(qtbot: QtBot, window: MainWindow,
                                        clock: FakeClock) -> None:
    window.select_page("signings")
    dialog = window.signings_page.make_dialog()
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.project_zh.setFocus()
    type_keys(clock, dialog, "Line 5")
    clock.now += 2000
    result = scanned(qtbot, window, clock, dialog, "T-000009")
    assert_admitted_on_the_banner(window, result, 9)
    qtbot.waitUntil(lambda: dialog.project_zh.text() == "Line 5")
    assert dialog.isVisible() and no_code_typed(dialog, "T-000009")
    dialog.reject()


def test_a_scan_behind_the_import_wizard(qtbot: QtBot, window: MainWindow,
                                         clock: FakeClock) -> None:
    window._on_import_action_triggered()
    wizard = window.import_wizard
    assert wizard is not None
    qtbot.waitExposed(wizard)
    fields = text_fields(wizard)
    assert fields
    fields[0].setFocus()
    before = [f.text() for f in fields]
    result = scanned(qtbot, window, clock, wizard, "T-000010")
    assert_admitted_on_the_banner(window, result, 10)
    assert [f.text() for f in fields] == before and wizard.isVisible()
    wizard.reject()


def test_a_scan_behind_the_badge_dialogs(qtbot: QtBot, window: MainWindow,
                                         clock: FakeClock) -> None:
    window.select_page("badges")
    batch = BadgeBatchDialog(window.opened.event, "hanging", window.badges_page)
    batch.open()
    qtbot.waitExposed(batch)
    batch.codes.setFocus()
    result = scanned(qtbot, window, clock, batch, "T-000011")
    assert_admitted_on_the_banner(window, result, 11)
    assert batch.codes.toPlainText() == "" and batch.isVisible()
    batch.reject()
    reason = QInputDialog(window.badges_page)
    reason.setLabelText("Why is the badge reprinted?")
    reason.open()
    qtbot.waitExposed(reason)
    result = scanned(qtbot, window, clock, reason, "T-000012")
    assert_admitted_on_the_banner(window, result, 12)
    assert reason.textValue() == "" and reason.isVisible()
    reason.reject()


def test_a_scan_behind_the_desk_dialog_from_the_menu(qtbot: QtBot, window: MainWindow,
                                                     clock: FakeClock) -> None:
    dialog = DeskDialog(Desk("Desk 3", "Li Ming"), window)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.operator_edit.setFocus()
    result = scanned(qtbot, window, clock, dialog, "T-000013")
    assert_admitted_on_the_banner(window, result, 13)
    assert dialog.values() == Desk("Desk 3", "Li Ming")
    dialog.reject()


def test_a_scan_wins_over_a_name_half_typed_in_the_scan_field(
        qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    page = window.checkin_page
    qtbot.waitUntil(page.scan_field.hasFocus)
    type_keys(clock, window, "Gue")
    qtbot.waitUntil(lambda: page.scan_field.text() == "Gue")
    clock.now += 2000
    result = scanned(qtbot, window, clock, window, "T-000014")
    assert_admitted_on_the_banner(window, result, 14)
    assert page.scan_field.text() == ""


def test_a_scan_cut_by_a_hiccup_never_admits_the_holder_of_its_tail(
        qtbot: QtBot, window: MainWindow, clock: FakeClock, event_db: Database) -> None:
    """The tail of a code cut short may be another guest's shorter code."""
    import_records(event_db, [{"name": "Tail Holder", "badge_code": "00012"}],
                   source="test")
    page = window.checkin_page
    qtbot.waitUntil(page.scan_field.hasFocus)
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT) as shown:
        scan_keys(clock, window, "T-000012", hiccups={3: 300})
    assert_admitted_on_the_banner(window, shown.args[0], 12)
    assert page.scan_field.text() == ""
    qtbot.waitUntil(lambda: window._worker.pending == 0)
    assert [r.guest.name for r in recent_admissions(event_db, EVENT_DAY) if r.guest] == [
        RECORDS[12]["name"]]


def test_ten_scans_in_a_row_each_shown_in_turn(qtbot: QtBot, window: MainWindow,
                                               clock: FakeClock, event_db: Database) -> None:
    page = window.checkin_page
    results: list[CheckInResult] = []
    page.outcome_shown.connect(results.append)
    for n in range(20, 30):
        scan_keys(clock, window, f"T-{n:06d}")
    qtbot.waitUntil(lambda: len(results) == 10, timeout=WAIT)
    assert [r.code for r in results] == [f"T-{n:06d}" for n in range(20, 30)]
    assert page.banner.name.text() == RECORDS[29]["name"]
    assert admitted_count(event_db, EVENT_DAY) == 10
    assert page.scan_field.text() == ""


def test_hand_typing_and_enter_in_a_dialog_still_work(qtbot: QtBot, window: MainWindow,
                                                      clock: FakeClock) -> None:
    dialog = DeskDialog(Desk("", ""), window)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.desk_edit.setFocus()
    type_keys(clock, dialog, "Desk 12")
    press(clock, dialog, Qt.Key.Key_Tab)
    type_keys(clock, dialog, "Wang")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT) as finished:
        press(clock, dialog, Qt.Key.Key_Return)
    assert finished.args[0] == QDialog.DialogCode.Accepted
    assert dialog.values() == Desk("Desk 12", "Wang")


def test_shortcuts_of_the_window_still_work(qtbot: QtBot, window: MainWindow,
                                            clock: FakeClock) -> None:
    page = window.checkin_page
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT):
        scan_keys(clock, window, "T-000015")
    with qtbot.waitSignal(page.admission_undone, timeout=WAIT):
        press(clock, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    press(clock, window, Qt.Key.Key_F2)
    dialog = page._walk_in
    assert dialog is not None and dialog.isVisible()
    dialog.close()



def test_a_burst_into_a_password_field_is_neither_a_scan_nor_a_password(
        qtbot: QtBot, clock: FakeClock, form: QLineEdit) -> None:
    """A password manager types as fast as a scanner, and a password can look like a
    code: it must never reach the check-in (its banner would show the password, and the
    audit log keep it as a refused code), nor be typed half-recognised into the field.
    (Seen in the real window: a first admin's password "secret-pass1" typed at 20 ms a
    key with a Tab was admitted as the unknown badge code SECRET-PASS1.)"""
    scanner = ScannerFilter.for_application()
    form.setEchoMode(QLineEdit.EchoMode.Password)
    scanned: list[str] = []
    scanner.scanned.connect(scanned.append)
    try:
        with qtbot.waitSignal(scanner.secret_dropped, timeout=WAIT):
            scan_keys(clock, form, "secret-pass1", suffix=TAB)
        assert scanned == [] and form.text() == ""
        clock.now += 2000
        type_keys(clock, form, "s3cret")  # typed by hand: the field takes it
        qtbot.waitUntil(lambda: form.text() == "s3cret", timeout=WAIT)
        assert scanned == []
    finally:
        scanner.scanned.disconnect(scanned.append)
