"""Who works the desk now: login, lock (Ctrl+L and idle), supervisor override, the gates.

On an event without operators the desk is open, as before (the operator typed in the
Desk dialog, no role). Once the event has operators the window starts locked; the login
names the operator and the desk, and the operator's role opens or closes each action of
GUI_PERMISSIONS. A supervisor's override lends a clerk the supervisor's role for one
action (the next gated action triggered, or two minutes): it is recorded with both names,
"clerk1 (override: sup1)".
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.errors import DeskError
from wimc_desktop.domain.roles import OPEN_DESK, Permission, allowed
from wimc_desktop.services.operators import Operator, add_operator, authenticate
from wimc_desktop.ui import error_texts, messages
from wimc_desktop.ui.first_admin_dialog import FirstAdmin
from wimc_desktop.ui.gating import GUI_PERMISSIONS, IdleWatch, Target, apply_gate
from wimc_desktop.ui.login_dialog import LoginDialog, LoginMode
from wimc_desktop.ui.worker import Worker

OVERRIDE_MS = 120_000
LOGGED_OUT = "logged_out"  # the role of a locked desk: no right at all (roles.allowed)


def override_desk(desk: Desk, supervisor: Operator) -> Desk:
    """The desk during an override: the supervisor's role, both names recorded."""
    return Desk(desk.name, f"{desk.operator} (override: {supervisor.name})", supervisor.role)


class DeskAccess(QObject):
    """The desk's operator, its lock and its gates, for one main window."""

    desk_changed = Signal(object)  # Desk: the pages record it from now on
    desk_named = Signal(str)  # a login named the desk: kept for the next start
    lock_changed = Signal(bool)

    def __init__(self, window: QMainWindow, worker: Worker, idle_minutes: int) -> None:
        super().__init__(window)
        self._window = window
        self._worker = worker
        self._db: Database | None = None
        self.operator_mode = False
        self.locked = False
        self.desk = Desk("", "")
        self._own_desk: Desk | None = None  # the clerk's, while an override lends a role
        self.targets: dict[str, Target] = {}
        self.login_dialog: LoginDialog | None = None
        self.override_dialog: LoginDialog | None = None
        self.idle = IdleWatch(idle_minutes, self)
        self.idle.idled.connect(self._on_idle_idled)
        self._override_timer = QTimer(self)
        self._override_timer.setSingleShot(True)
        self._override_timer.setInterval(OVERRIDE_MS)
        self._override_timer.timeout.connect(self.end_override)

    @property
    def overriding(self) -> bool:
        return self._own_desk is not None

    def set_targets(self, targets: dict[str, Target]) -> None:
        """What each entry of GUI_PERMISSIONS is in this window (every one, exactly)."""
        assert set(targets) == set(GUI_PERMISSIONS), set(targets) ^ set(GUI_PERMISSIONS)
        self.targets = targets

    def set_event(self, db: Database, has_operators: bool, desk: Desk) -> None:
        """A newly opened event: an open desk, or locked until an operator logs in."""
        self._db = db
        self.operator_mode = has_operators
        self._own_desk = None
        self.locked = False
        if has_operators:
            self.set_desk(Desk(desk.name, "", LOGGED_OUT))
            self.lock(LoginMode.START)
        else:
            self.set_desk(dataclasses.replace(desk, role=OPEN_DESK))

    def set_desk(self, desk: Desk, *, emit: bool = True) -> None:
        self.desk = desk
        self.apply_gates()
        if emit:
            self.desk_changed.emit(desk)

    def allows(self, permission: Permission) -> bool:
        return allowed(self.desk.role, permission)

    def apply_gates(self) -> None:
        for name, target in self.targets.items():
            apply_gate(target, self.desk.role, GUI_PERMISSIONS[name])

    # -- login and lock ------------------------------------------------------------

    def lock(self, mode: LoginMode = LoginMode.LOCKED) -> None:
        """Lock the desk (only on an event with operators): the login dialog opens."""
        if not self.operator_mode or (self.locked and self.login_dialog is not None):
            return
        self.end_override()
        self.locked = True
        self.set_desk(dataclasses.replace(self.desk, role=LOGGED_OUT))
        self._open_login(mode, self.desk.operator)
        self.lock_changed.emit(True)  # (after: the window gives the dialog its Ctrl+Q)

    def _open_login(self, mode: LoginMode, operator: str) -> None:
        dialog = LoginDialog(mode, operator, self.desk.name, self._window)
        dialog.submitted.connect(lambda name, password, desk_name: self._check(
            dialog, name, password, desk_name))
        dialog.finished.connect(dialog.deleteLater)
        if mode is not LoginMode.OVERRIDE:
            self.login_dialog = dialog
        else:
            self.override_dialog = dialog
        dialog.open()

    def _check(self, dialog: LoginDialog, name: str, password: str, desk_name: str) -> None:
        db = self._db
        assert db is not None
        self._worker.submit(lambda: authenticate(db, name, password),
                            on_success=lambda operator: self._on_authenticated(
                                dialog, operator, desk_name),
                            on_failure=lambda exc: self._on_refused(dialog, exc),
                            context=dialog)

    def _on_refused(self, dialog: LoginDialog, exc: Exception) -> None:
        if isinstance(exc, DeskError):
            dialog.show_refusal(error_texts.error_text(exc))
            return
        dialog.set_busy(False)
        messages.report_error(dialog, exc)  # a bug, or the database gone: said as such

    def _on_authenticated(self, dialog: LoginDialog, operator: Operator,
                          desk_name: str) -> None:
        if dialog.mode is LoginMode.OVERRIDE:
            self._on_override_authenticated(dialog, operator)
            return
        dialog.accept()
        self.login_dialog = None
        self.locked = False
        self.set_desk(operator.desk(desk_name))
        self.desk_named.emit(desk_name)
        self.lock_changed.emit(False)
        self.idle.restart()

    def _on_idle_idled(self) -> None:
        if self.operator_mode and not self.locked:
            self.lock()

    # -- supervisor override -------------------------------------------------------

    def start_override(self) -> None:
        """Ask a supervisor's name and password; then one action runs in their role."""
        if self.operator_mode and not self.locked and not self.overriding:
            self._open_login(LoginMode.OVERRIDE, "")

    def _on_override_authenticated(self, dialog: LoginDialog, supervisor: Operator) -> None:
        if not allowed(supervisor.role, Permission.UNDO_ANY):  # a clerk cannot lend rights
            dialog.show_refusal(self.tr("%1 is not a supervisor: an override needs a "
                                        "supervisor or an admin.").replace("%1",
                                                                         supervisor.name))
            return
        dialog.accept()
        self._own_desk = self.desk
        self.set_desk(override_desk(self.desk, supervisor))
        self._override_timer.start()

    def action_taken(self) -> None:
        """A gated action was triggered: an override lent for it ends."""
        if self.overriding:
            QTimer.singleShot(0, self, self.end_override)  # (after the action's own slots)

    def end_override(self) -> None:
        own, self._own_desk = self._own_desk, None
        self._override_timer.stop()
        if own is not None:
            self.set_desk(own)

    # -- the first admin -----------------------------------------------------------

    def create_first_admin(self, values: FirstAdmin, desk_name: str) -> None:
        """The first start's offer accepted: the admin is made and logged in."""
        db = self._db
        assert db is not None
        setup = Desk(desk_name, values.name, OPEN_DESK)
        self._worker.submit(lambda: add_operator(db, values.name, "admin", values.password,
                                                 by=setup, display_name=values.display_name),
                            on_success=lambda operator: self._on_first_admin_added(
                                operator, desk_name), context=self)

    def _on_first_admin_added(self, operator: Operator, desk_name: str) -> None:
        self.operator_mode = True
        self.set_desk(operator.desk(desk_name))
        self.idle.restart()
