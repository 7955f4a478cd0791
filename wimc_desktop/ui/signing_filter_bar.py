"""The filters of the Signings page: ceremony, sector, location, day, status (None: any)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from wimc_desktop.domain.signing_totals import SigningFilter
from wimc_desktop.domain.signings import SigningStatus
from wimc_desktop.services.signings import SigningChoices
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.signing_table_model import status_text

FILTERS = ("ceremony", "sector", "location", "day", "status")


def _text(value: object) -> str:
    if isinstance(value, SigningStatus):
        return status_text(value)
    return value.isoformat() if isinstance(value, dt.date) else str(value)


class SigningFilterBar(Retranslating, QWidget):
    """One combo box per filter, filled with the values in use; says when one is chosen."""

    filter_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = SigningChoices((), (), (), ())
        self.label = QLabel()
        self.combos = {key: QComboBox() for key in FILTERS}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        for combo in self.combos.values():
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.activated.connect(self.filter_changed)
            layout.addWidget(combo)
        layout.addStretch(1)
        self.retranslate_ui()

    def current_filter(self) -> SigningFilter:
        return SigningFilter(**{key: combo.currentData() for key, combo in self.combos.items()})

    def choose(self, key: str, value: object) -> None:
        combo = self.combos[key]
        combo.setCurrentIndex(max(0, combo.findData(value)))
        self.filter_changed.emit()

    def set_choices(self, choices: SigningChoices) -> None:
        """The values in use changed (a signing added, another event): keep what is chosen."""
        if choices != self.choices:
            self.choices = choices
            self._fill()

    def _fill(self) -> None:
        chosen = {key: combo.currentData() for key, combo in self.combos.items()}
        values: dict[str, tuple[object, ...]] = {
            "ceremony": self.choices.ceremonies, "sector": self.choices.sectors,
            "location": self.choices.locations, "day": self.choices.days,
            "status": tuple(SigningStatus)}
        alls = {"ceremony": self.tr("All ceremonies"), "sector": self.tr("All sectors"),
                "location": self.tr("All locations"), "day": self.tr("All days"),
                "status": self.tr("Any status")}
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(alls[key], None)
            for value in values[key]:
                combo.addItem(_text(value), value)
            combo.setCurrentIndex(max(0, combo.findData(chosen[key])))
            combo.blockSignals(False)

    def retranslate_ui(self) -> None:
        self.label.setText(self.tr("Show:"))
        self._fill()
