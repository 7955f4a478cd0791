"""Filters of the desk's live search: category, attendance mode, checked in on the day or not.

The combo boxes never take the keyboard focus (the scan field keeps it: a scanner may
fire at any moment); they are set with the mouse, and a change searches again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from wimc_desktop.domain.models import Event
from wimc_desktop.ui import i18n
from wimc_desktop.ui.desk_actions import SearchFilters
from wimc_desktop.ui.retranslating import Retranslating


class SearchFilterBar(Retranslating, QWidget):
    """Three combo boxes; `changed` carries the new SearchFilters."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._event: Event | None = None
        self.category = QComboBox()
        self.attendance = QComboBox()
        self.checked_in = QComboBox()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for combo in (self.category, self.attendance, self.checked_in):
            combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.activated.connect(self._on_combo_activated)
            layout.addWidget(combo)
        layout.addStretch(1)
        self.retranslate_ui()

    def set_event(self, event: Event) -> None:
        self._event = event
        self._fill_categories()

    def filters(self) -> SearchFilters:
        return SearchFilters(self.category.currentData(), self.attendance.currentData(),
                             self.checked_in.currentData())

    def active(self) -> list[str]:
        """The names of the filters that are on (empty: every guest is searched)."""
        return [combo.currentText() for combo in (self.category, self.attendance,
                                                  self.checked_in)
                if combo.currentData() is not None]

    def reset(self) -> None:
        """Every filter off (after an admission, so the next guest is searched in full)."""
        if self.active():
            for combo in (self.category, self.attendance, self.checked_in):
                combo.setCurrentIndex(0)
            self.changed.emit(self.filters())

    def _on_combo_activated(self, _index: int) -> None:
        self.changed.emit(self.filters())

    def _fill_categories(self) -> None:
        chosen = self.category.currentData()
        self.category.clear()
        self.category.addItem(self.tr("All categories"), None)
        for c in self._event.categories if self._event is not None else ():
            self.category.addItem(c.name_zh if i18n.is_chinese() else c.name_en, c.code)
        self.category.setCurrentIndex(max(self.category.findData(chosen), 0))

    def retranslate_ui(self) -> None:
        for combo, items in (
                (self.attendance, ((self.tr("On site and online"), None),
                                   (self.tr("On site"), "onsite"),
                                   (self.tr("Online"), "online"))),
                (self.checked_in, ((self.tr("Checked in or not"), None),
                                   (self.tr("Not checked in yet"), False),
                                   (self.tr("Checked in"), True)))):
            chosen = combo.currentIndex()
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(chosen, 0))
        self.category.setToolTip(self.tr("Only guests of this category"))
        self.attendance.setToolTip(self.tr("Only guests on site, or online"))
        self.checked_in.setToolTip(self.tr("Only guests checked in on the working day, or "
                                           "not yet"))
        self._fill_categories()
