"""The operator's login: at the start, to unlock the desk, and a supervisor's override.

The dialog only asks; the window checks the password on the worker (argon2 takes a
tenth of a second or more) and answers with `accept()` or `show_refusal()`. A scan made
while it is open never lands in its fields: the application's scanner filter takes the
burst before any field sees a key, and the window ignores scans while the desk is locked.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.ui.retranslating import Retranslating


class LoginMode(Enum):
    START = "start"  # the window opens on an event with operators
    LOCKED = "locked"  # Ctrl+L or the idle time: the desk waits for a password
    OVERRIDE = "override"  # a supervisor takes one action for a clerk


class LoginDialog(Retranslating, QDialog):
    """Operator, password and (at a login) the desk's name."""

    submitted = Signal(str, str, str)  # operator, password, desk name

    def __init__(self, mode: LoginMode, operator: str, desk_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self.setObjectName("loginDialog")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.operator_edit = QLineEdit(operator)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.desk_edit = QLineEdit(desk_name)
        self.operator_label, self.password_label, self.desk_label = QLabel(), QLabel(), QLabel()
        self.refusal = QLabel()
        self.refusal.setObjectName("loginRefusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        if mode is LoginMode.OVERRIDE:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout()
        form.addRow(self.operator_label, self.operator_edit)
        form.addRow(self.password_label, self.password_edit)
        if mode is not LoginMode.OVERRIDE:
            form.addRow(self.desk_label, self.desk_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.refusal)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.retranslate_ui()
        (self.password_edit if operator else self.operator_edit).setFocus()

    def _on_buttons_accepted(self) -> None:
        name, password = self.operator_edit.text().strip(), self.password_edit.text()
        if not name or not password or (self.mode is not LoginMode.OVERRIDE
                                         and not self.desk_edit.text().strip()):
            self.show_refusal(self.tr("Type the operator's name, the password and the "
                                      "desk's name."))
            return
        self.set_busy(True)
        self.submitted.emit(name, password, self.desk_edit.text().strip())

    def set_busy(self, busy: bool) -> None:
        """While the password is checked: no second submission."""
        self.buttons.setEnabled(not busy)
        if busy:
            self.refusal.setText(self.tr("Checking…"))

    def show_refusal(self, text: str) -> None:
        """The password was refused: say why, empty the password field, try again."""
        self.set_busy(False)
        self.refusal.setText(text)
        self.password_edit.clear()
        self.password_edit.setFocus()

    def show_notice(self, text: str) -> None:
        """Something to know that is not a refusal (the fields are left as they are)."""
        self.refusal.setText(text)

    def reject(self) -> None:
        # A locked desk stays locked: only a password opens it (quit with Ctrl+Q).
        if self.mode is LoginMode.OVERRIDE:
            super().reject()

    def retranslate_ui(self) -> None:
        titles = {LoginMode.START: self.tr("Log in"), LoginMode.LOCKED: self.tr("Desk locked"),
                  LoginMode.OVERRIDE: self.tr("Supervisor override")}
        intros = {
            LoginMode.START: self.tr("This event has operators: log in with your name and "
                                     "password, and name the desk you work at."),
            LoginMode.LOCKED: self.tr("The desk is locked. Your password opens it; another "
                                      "operator may log in instead."),
            LoginMode.OVERRIDE: self.tr("A supervisor takes the next action for you: it is "
                                        "recorded with both names."),
        }
        self.setWindowTitle(titles[self.mode])
        self.intro.setText(intros[self.mode])
        self.operator_label.setText(self.tr("Supervisor:") if self.mode is LoginMode.OVERRIDE
                                    else self.tr("Operator:"))
        self.password_label.setText(self.tr("Password:"))
        self.desk_label.setText(self.tr("Desk name:"))
