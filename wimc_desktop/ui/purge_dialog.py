"""After the event: the confirmation of the purge of personal data (what goes, what stays)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.ui.retranslating import Retranslating


class PurgeDialog(Retranslating, QDialog):
    """Says what the purge deletes and keeps; OK only once 'cannot be undone' is ticked."""

    def __init__(self, event_name: str, guests: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._event_name, self._guests = event_name, guests
        self.intro = QLabel()
        self.deleted = QLabel()
        self.kept = QLabel()
        for label in (self.intro, self.deleted, self.kept):
            label.setWordWrap(True)
        self.understood = QCheckBox()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.deleted, self.kept, self.understood, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(520)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.understood.toggled.connect(self._on_understood_toggled)
        self.retranslate_ui()
        self._on_understood_toggled(False)

    def _on_understood_toggled(self, checked: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(checked)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Delete personal data"))
        self.intro.setText(self.tr("The event “%1” is over. The personal data of its %2 "
                                   "guests is no longer needed and can now be deleted for "
                                   "good, as the personal information protection law asks.")
                           .replace("%1", self._event_name).replace("%2", f"{self._guests:,}"))
        self.deleted.setText(self.tr("<b>Deleted:</b> every guest's mobile number, e-mail "
                                     "address, dietary needs, ID card number, notes and the "
                                     "other columns "
                                     "of the imported lists, and their copies in the search "
                                     "index. No trace is left in the event file."))
        self.kept.setText(self.tr("<b>Kept:</b> names, organisations, titles, categories, "
                                  "badge codes, every check-in and signing, and so every "
                                  "figure of the reports. The deletion is recorded in the "
                                  "audit log."))
        self.understood.setText(self.tr("I understand that this cannot be undone"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Delete personal data"))
