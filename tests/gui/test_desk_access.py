"""Operators in the window: the login (a scan never lands in it), Ctrl+L and the idle lock,
the role's gates generated from ui.gating.GUI_PERMISSIONS, the supervisor override, and
the first start's offer of a first admin."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.gui.gui_helpers import EVENT_DAY, add_guests
from tests.gui.scan_replay import FakeClock, scan_keys
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.roles import Role, allowed
from wimc_desktop.services.checkin import admitted_count
from wimc_desktop.services.guests import list_guests
from wimc_desktop.services.operators import add_operator, has_operators
from wimc_desktop.ui.desk_access import LOGGED_OUT
from wimc_desktop.ui.first_admin_dialog import FirstAdmin
from wimc_desktop.ui.gating import GUI_PERMISSIONS, is_open
from wimc_desktop.ui.login_dialog import LoginDialog
from wimc_desktop.ui.main_window import MainWindow
from wimc_desktop.ui.opened_event import describe
from wimc_desktop.ui.scanner_filter import HOLD_MS, ScannerFilter, event_clock
from wimc_desktop.ui.settings import DeskSettings
from wimc_desktop.ui.worker import Worker

WAIT = 15_000
PASSWORDS = {"boss": "admin-pass-1", "sup": "super-pass-1", "clerk": "clerk-pass-1"}
ROLE_OF = {"admin": "boss", "supervisor": "sup", "clerk": "clerk"}


@pytest.fixture
def clock() -> Iterator[FakeClock]:
    scanner = ScannerFilter.for_application()
    fake = FakeClock()
    scanner.clock = fake
    scanner.timer.setInterval(400)
    yield fake
    scanner.flush()
    scanner.clock = event_clock
    scanner.timer.setInterval(HOLD_MS)


def _staff(db: Database) -> None:
    add_operator(db, "boss", "admin", PASSWORDS["boss"], by=Desk("Desk 1", "setup"))
    boss = Desk("Desk 1", "boss", "admin")
    add_operator(db, "sup", "supervisor", PASSWORDS["sup"], by=boss)
    add_operator(db, "clerk", "clerk", PASSWORDS["clerk"], by=boss)


def _window(qtbot: QtBot, worker: Worker, db: Database) -> MainWindow:
    win = MainWindow(worker, describe(db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(qtbot: QtBot, worker: Worker, event_db: Database) -> Iterator[MainWindow]:
    add_guests(event_db, 5)
    _staff(event_db)
    win = _window(qtbot, worker, event_db)
    yield win
    qtbot.waitUntil(lambda: worker.pending == 0, timeout=WAIT)


def login_dialog(window: MainWindow) -> LoginDialog:
    dialog = window.access.login_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def log_in(qtbot: QtBot, window: MainWindow, name: str, password: str = "",
           desk: str = "Desk 7") -> None:
    dialog = login_dialog(window)
    dialog.operator_edit.setText(name)
    dialog.password_edit.setText(password or PASSWORDS[name])
    dialog.desk_edit.setText(desk)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not window.access.locked, timeout=WAIT)


def test_starts_locked_with_a_login(qtbot: QtBot, window: MainWindow) -> None:
    assert window.access.locked and window.access.desk.role == LOGGED_OUT
    centre = window.centralWidget()
    assert centre is not None and not centre.isVisible()
    assert not any(is_open(t) for t in window.access.targets.values())
    assert window.quit_action in login_dialog(window).actions()  # Ctrl+Q still quits
    log_in(qtbot, window, "sup")
    assert window.checkin_page.desk == Desk("Desk 7", "sup", "supervisor")
    assert centre.isVisible() and window.access.login_dialog is None
    window.lock_action.trigger()
    assert window.quit_action in login_dialog(window).actions()


def test_the_desk_name_typed_at_the_login_is_kept_for_the_next_start(
        qtbot: QtBot, event_db: Database) -> None:
    add_guests(event_db, 2)
    _staff(event_db)
    first_worker = Worker()
    first = _window(qtbot, first_worker, event_db)
    assert login_dialog(first).desk_edit.text() == "Desk 3"  # (this computer's, so far)
    log_in(qtbot, first, "clerk", desk="Hall B desk")
    first.close()
    qtbot.waitUntil(lambda: first_worker.pending == 0, timeout=WAIT)
    assert first_worker.shutdown()
    assert DeskSettings().desk_name == "Hall B desk"
    worker = Worker()
    again = _window(qtbot, worker, event_db)  # the window started again
    assert login_dialog(again).desk_edit.text() == "Hall B desk"
    dialog = login_dialog(again)
    dialog.operator_edit.setText("clerk")
    dialog.password_edit.setText(PASSWORDS["clerk"])  # the desk's name as it is shown
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not again.access.locked, timeout=WAIT)
    assert again.checkin_page.desk == Desk("Hall B desk", "clerk", "clerk")
    again.close()
    qtbot.waitUntil(lambda: worker.pending == 0, timeout=WAIT)
    assert worker.shutdown()


def test_a_wrong_password_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    dialog = login_dialog(window)
    dialog.operator_edit.setText("clerk")
    dialog.password_edit.setText("not-the-password")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "wrong operator or password" in dialog.refusal.text(),
                    timeout=WAIT)
    assert window.access.locked and dialog.isVisible() and dialog.password_edit.text() == ""
    dialog.reject()  # Esc does not open a locked desk
    assert dialog.isVisible() and window.access.locked


def test_a_scan_never_lands_in_the_login(qtbot: QtBot, window: MainWindow, clock: FakeClock,
                                         event_db: Database) -> None:
    dialog = login_dialog(window)
    dialog.activateWindow()
    dialog.operator_edit.setFocus()
    qtbot.waitUntil(dialog.operator_edit.hasFocus)
    code = list_guests(event_db)[0].badge_code
    scan_keys(clock, dialog.operator_edit, code)
    qtbot.waitUntil(lambda: "locked" in window.status.currentMessage(), timeout=WAIT)
    assert dialog.operator_edit.text() == "" and dialog.password_edit.text() == ""
    assert dialog.isVisible() and window.access.locked
    assert admitted_count(event_db, EVENT_DAY) == 0  # no operator: no admission


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_gates_follow_the_role(qtbot: QtBot, window: MainWindow, role: str) -> None:
    assert set(window.access.targets) == set(GUI_PERMISSIONS)
    log_in(qtbot, window, ROLE_OF[role])
    for name, permission in GUI_PERMISSIONS.items():
        target = window.access.targets[name]
        if name == "desk.undo":
            continue  # (also off on other pages than the check-in)
        assert is_open(target) == allowed(role, permission), (role, name)
        if not allowed(role, permission) and not isinstance(target, QWidget):
            assert "Needs a" in target.toolTip(), name  # (a hidden control keeps its own)


def test_ctrl_l_and_idle_lock(qtbot: QtBot, window: MainWindow) -> None:
    log_in(qtbot, window, "clerk")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.access.locked and login_dialog(window).operator_edit.text() == "clerk"
    log_in(qtbot, window, "clerk")
    window.access.idle.set_interval_ms(50)
    qtbot.waitUntil(lambda: window.access.locked, timeout=WAIT)
    assert login_dialog(window).windowTitle() == "Desk locked"
    log_in(qtbot, window, "boss")  # another operator may take the desk
    assert window.checkin_page.desk.operator == "boss"


def test_supervisor_override_for_one_action(qtbot: QtBot, window: MainWindow) -> None:
    log_in(qtbot, window, "clerk")
    reissue = window.access.targets["badges.reissue"]
    dashboard = window.dashboard_action
    assert not is_open(reissue) and not dashboard.isEnabled()
    assert window.override_action.isEnabled()
    window.override_action.trigger()
    dialog = window.access.override_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.operator_edit.setText("clerk")  # a clerk lends no rights
    dialog.password_edit.setText(PASSWORDS["clerk"])
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "not a supervisor" in dialog.refusal.text(), timeout=WAIT)
    dialog.operator_edit.setText("sup")
    dialog.password_edit.setText(PASSWORDS["sup"])
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: window.access.overriding, timeout=WAIT)
    assert window.checkin_page.desk == Desk("Desk 7", "clerk (override: sup)", "supervisor")
    assert is_open(reissue) and dashboard.isEnabled()
    dashboard.trigger()  # the one action
    assert window.dashboard is not None and window.dashboard.isVisible()
    qtbot.waitUntil(lambda: not window.access.overriding, timeout=WAIT)
    assert window.checkin_page.desk == Desk("Desk 7", "clerk", "clerk")
    assert not dashboard.isEnabled()
    window.dashboard.close()


def test_no_operators_works_as_today(qtbot: QtBot, worker: Worker,
                                     event_db: Database) -> None:
    window = _window(qtbot, worker, event_db)
    assert not window.access.locked and window.access.login_dialog is None
    assert all(is_open(t) for n, t in window.access.targets.items() if n != "desk.undo")
    assert not window.override_action.isEnabled()
    window.lock_action.trigger()  # nothing to lock on an open desk
    assert not window.access.locked


def test_first_start_offers_the_first_admin(qtbot: QtBot, worker: Worker,
                                            event_db: Database,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, worker, event_db)
    monkeypatch.setattr(window, "_ask_first_admin",
                        lambda name: FirstAdmin("chief", "总管", "chief-pass-1"))
    window.offer_first_admin()
    qtbot.waitUntil(lambda: window.access.operator_mode, timeout=WAIT)
    assert window.checkin_page.desk.operator == "chief"
    assert window.checkin_page.desk.role == "admin"
    assert has_operators(event_db)
    window.lock_action.trigger()
    assert window.access.locked
    log_in(qtbot, window, "chief", "chief-pass-1")
