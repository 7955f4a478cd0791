"""The first start on an event without operators: create its first admin, or skip."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.services.operators import MIN_PASSWORD_LENGTH
from wimc_desktop.ui.retranslating import Retranslating


@dataclass(frozen=True)
class FirstAdmin:
    """What the dialog asks for (the password is not kept any longer than needed)."""

    name: str
    display_name: str
    password: str


class FirstAdminDialog(Retranslating, QDialog):
    """Skipping keeps the event an open desk, as before operators existed."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.name_edit = QLineEdit(name)
        self.display_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.again_edit = QLineEdit()
        for edit in (self.password_edit, self.again_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._on_text_changed)
        self.name_edit.textChanged.connect(self._on_text_changed)
        self.labels = [QLabel() for _ in range(4)]
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout()
        for label, edit in zip(self.labels, (self.name_edit, self.display_edit,
                                             self.password_edit, self.again_edit), strict=True):
            form.addRow(label, edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.retranslate_ui()
        self._on_text_changed()

    def values(self) -> FirstAdmin:
        return FirstAdmin(self.name_edit.text().strip(), self.display_edit.text().strip(),
                          self.password_edit.text())

    def _on_text_changed(self) -> None:
        password = self.password_edit.text()
        ok = (bool(self.name_edit.text().strip()) and len(password) >= MIN_PASSWORD_LENGTH
              and password == self.again_edit.text())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("The first administrator"))
        self.intro.setText(self.tr("Give this event operators with passwords and roles: "
                                   "create its first administrator now. Skip it to work as "
                                   "today, with one open desk."))
        for label, text in zip(self.labels, (self.tr("Name:"), self.tr("Display name:"),
                                             self.tr("Password:"), self.tr("Once more:")),
                               strict=True):
            label.setText(text)
        self.hint.setText(self.tr("At least %1 characters; never shared.")
                          .replace("%1", str(MIN_PASSWORD_LENGTH)))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Skip"))
