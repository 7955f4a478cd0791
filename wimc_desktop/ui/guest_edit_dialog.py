"""Correcting a guest's details at the desk: name, English name, organisation, title and
seat (services.guest_edits; contact details and notes stay on the command line, as they
are personal data the window masks)."""

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

from wimc_desktop.domain.guest_record import Kind, field_names
from wimc_desktop.domain.models import Guest
from wimc_desktop.ui.field_labels import field_label
from wimc_desktop.ui.retranslating import Retranslating

# The editable fields of plain text that are not personal data (the window masks those;
# the category needs its list): name, English name, organisation, title, seat.
EDITED_HERE = field_names(lambda f: f.editable and f.kind is Kind.TEXT and not f.personal)


class GuestEditDialog(Retranslating, QDialog):
    """One guest's details as they are, to be put right; values() says what changed."""

    def __init__(self, guest: Guest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._guest = guest
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.edits = {f: QLineEdit(str(getattr(guest, f))) for f in EDITED_HERE}
        self.labels = {f: QLabel() for f in EDITED_HERE}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout()
        for field in EDITED_HERE:
            form.addRow(self.labels[field], self.edits[field])
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edits["name"].textChanged.connect(self._on_name_edit_text_changed)
        self.retranslate_ui()

    def values(self) -> dict[str, str]:
        """The fields changed, with their new values."""
        return {f: e.text().strip() for f, e in self.edits.items()
                if e.text().strip() != str(getattr(self._guest, f))}

    def _on_name_edit_text_changed(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit guest details"))
        self.intro.setText(self.tr("%1 (%2). Every change is recorded in the audit log; on "
                                   "a desk of a hub it goes to every other desk.")
                           .replace("%1", self._guest.name)
                           .replace("%2", self._guest.badge_code))
        for field, label in self.labels.items():
            label.setText(self.tr("%1:", "a field's label in a form").replace(
                "%1", field_label(field)))
