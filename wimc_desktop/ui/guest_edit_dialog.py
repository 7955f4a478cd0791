"""Correcting a guest's details at the desk: every field the guest record lets a desk edit
(services.guest_edits), checked by edit-guest's own rules before the form closes.

Personal data stays masked unless the Guests page shows contact details in full (asked
for, and audited, there): a personal field then shows its masked form beside an empty
entry; a value typed there replaces the stored one, an entry left empty keeps it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.domain.categories import category_lookup
from wimc_desktop.domain.contact import mask_text
from wimc_desktop.domain.errors import DeskError
from wimc_desktop.domain.guest_record import FIELD, Kind, Mask
from wimc_desktop.domain.models import Event, Guest, masked
from wimc_desktop.services.guest_edits import EDITABLE, checked_changes
from wimc_desktop.ui import i18n
from wimc_desktop.ui.error_texts import error_text
from wimc_desktop.ui.field_labels import field_label
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.screen_fit import fit_to_contents

Entry = QLineEdit | QPlainTextEdit | QComboBox
NOTES_LINES = 3


def masked_form(field: str, value: str) -> str:
    """A personal value as the masked window shows it (a free text with no mask of its
    own, the notes, hidden whole like dietary needs)."""
    if FIELD[field].mask is Mask.NONE and value:
        return mask_text(value)
    return masked(field, value)


class GuestEditDialog(Retranslating, QDialog):
    """One guest's details as they are, to be put right; values() says what changed."""

    def __init__(self, guest: Guest, event: Event, *, contact_visible: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._guest, self._event = guest, event
        # (shown whole only when the page shows contact details: asked and audited there)
        self.masked_fields = frozenset(f for f in EDITABLE
                                       if FIELD[f].personal and not contact_visible)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.entries: dict[str, Entry] = {f: self._entry(f) for f in EDITABLE}
        self.masked_values = {f: QLabel() for f in sorted(self.masked_fields)}
        self.labels = {f: QLabel() for f in EDITABLE}
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self._build()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        name = self.entries["name"]
        assert isinstance(name, QLineEdit)
        name.textChanged.connect(self._on_name_edit_text_changed)
        self.retranslate_ui()

    def _entry(self, field: str) -> Entry:
        stored = "" if field in self.masked_fields else str(getattr(self._guest, field))
        kind = FIELD[field].kind
        if kind is Kind.CATEGORY:
            combo = QComboBox()
            for category in sorted(self._event.categories, key=lambda c: c.sort_order):
                combo.addItem(category.code, category.code)
            if combo.findData(self._guest.category) < 0:  # (a code the event lost since)
                combo.addItem(self._guest.category, self._guest.category)
            combo.setCurrentIndex(combo.findData(self._guest.category))
            return combo
        if kind is Kind.LONG_TEXT:
            notes = QPlainTextEdit(stored)
            notes.setTabChangesFocus(True)
            lines = notes.fontMetrics().lineSpacing() * NOTES_LINES
            notes.setFixedHeight(lines + 2 * notes.frameWidth() + 8)
            return notes
        return QLineEdit(stored)

    def _build(self) -> None:
        form = QFormLayout()
        for field in EDITABLE:
            form.addRow(self.labels[field], self._row(field))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _row(self, field: str) -> QWidget:
        """The entry, or (masked) the stored value's masked form beside an empty entry."""
        if field not in self.masked_fields:
            return self.entries[field]
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        shown = self.masked_values[field]
        shown.setObjectName("maskedValue")
        line.addWidget(shown, 0, Qt.AlignmentFlag.AlignTop if FIELD[field].kind is Kind.LONG_TEXT
                       else Qt.AlignmentFlag.AlignVCenter)
        line.addWidget(self.entries[field], 1)
        return row

    def typed(self, field: str) -> str:
        """What the field's entry holds now (a category: its code)."""
        entry = self.entries[field]
        if isinstance(entry, QComboBox):
            return str(entry.currentData())
        text = entry.toPlainText() if isinstance(entry, QPlainTextEdit) else entry.text()
        return text.strip()

    def values(self) -> dict[str, str]:
        """The fields changed, with their new values (a masked field left empty: kept)."""
        changed: dict[str, str] = {}
        for field in EDITABLE:
            value = self.typed(field)
            if field in self.masked_fields and not value:
                continue
            if value != str(getattr(self._guest, field)):
                changed[field] = value
        return changed

    def accept(self) -> None:
        """Closes only on values edit-guest takes; else says which field and why."""
        changes = self.values()
        categories = category_lookup(self._event.categories)
        for field, value in changes.items():  # (one at a time: the field to point at)
            try:
                checked_changes({field: value}, categories)
            except DeskError as exc:
                self.show_error(error_text(exc))
                self.entries[field].setFocus()
                return
        super().accept()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self._grow()

    def _grow(self) -> None:
        """Taller (never narrower) by what the wrapped message needs: the form's rows
        keep their height (adjustSize squeezed the notes)."""
        layout = self.layout()
        assert layout is not None  # (set when the dialog is built)
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _on_name_edit_text_changed(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit guest details"))
        intro = (self.tr("%1 (%2). Every change is recorded in the audit log; on a desk of "
                         "a hub it goes to every other desk. Personal data is masked: a value "
                         "typed beside it replaces it, an empty entry keeps it.")
                 if self.masked_fields else
                 self.tr("%1 (%2). Every change is recorded in the audit log; on a desk of a "
                         "hub it goes to every other desk."))
        self.intro.setText(intro.replace("%1", self._guest.name)
                           .replace("%2", self._guest.badge_code))
        for field, label in self.labels.items():
            label.setText(self.tr("%1:", "a field's label in a form").replace(
                "%1", field_label(field)))
        for field, shown in self.masked_values.items():
            stored = str(getattr(self._guest, field))
            shown.setText(masked_form(field, stored) if stored else self.tr("(none)"))
            entry = self.entries[field]
            assert not isinstance(entry, QComboBox)
            entry.setPlaceholderText(self.tr("Type to replace") if stored
                                     else self.tr("Type to add"))
        widest = max((shown.sizeHint().width() for shown in self.masked_values.values()),
                     default=0)
        for shown in self.masked_values.values():  # (the entries in one column)
            shown.setFixedWidth(widest)
        combo = self.entries["category"]
        assert isinstance(combo, QComboBox)
        for index in range(combo.count()):
            category = self._event.category(combo.itemData(index))
            if category is not None:
                combo.setItemText(index, category.name_zh if i18n.is_chinese()
                                  else category.name_en)
        fit_to_contents(self)
