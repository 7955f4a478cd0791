"""Who works where: the desk's name and the operator's name, recorded on every check-in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.domain.checkin import Desk
from wimc_desktop.ui.retranslating import Retranslating


class DeskDialog(Retranslating, QDialog):
    """Asked once on the first start, and again from the Desk menu when staff change."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.desk_edit = QLineEdit(desk.name)
        self.operator_edit = QLineEdit(desk.operator)
        self.desk_label = QLabel()
        self.operator_label = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout()
        form.addRow(self.desk_label, self.desk_edit)
        form.addRow(self.operator_label, self.operator_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.desk_edit.textChanged.connect(self._on_desk_edit_text_changed)
        self.retranslate_ui()
        self._on_desk_edit_text_changed(self.desk_edit.text())

    def values(self) -> Desk:
        return Desk(self.desk_edit.text().strip(), self.operator_edit.text().strip())

    def _on_desk_edit_text_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Desk and operator"))
        self.intro.setText(self.tr("Every check-in records the desk it was made at and who "
                                   "made it. Other desks see these names."))
        self.desk_label.setText(self.tr("Desk name:"))
        self.operator_label.setText(self.tr("Operator:"))
        self.desk_edit.setPlaceholderText(self.tr("e.g. Desk 3, North Hall"))
        self.operator_edit.setPlaceholderText(self.tr("Your name"))
