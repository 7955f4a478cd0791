"""The mapping editor: for each guest field, which column of the file fills it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from wimc_desktop.domain.fields import GUEST_FIELDS, REQUIRED_FIELDS
from wimc_desktop.ui.field_labels import field_label
from wimc_desktop.ui.retranslating import Retranslating

GRID_COLUMNS = 3


class MappingEditor(Retranslating, QWidget):
    """One combo per guest field (a header of the file, or "not imported").

    A column fills one field at most: choosing it for a field takes it away from any
    other field, the same rule the importer applies to overrides.
    """

    mapping_edited = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._labels: dict[str, QLabel] = {}
        self.combos: dict[str, QComboBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        for n, field in enumerate(GUEST_FIELDS):
            row, col = divmod(n, GRID_COLUMNS)
            self._labels[field] = QLabel()
            combo = QComboBox()
            combo.setMinimumContentsLength(10)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.combos[field] = combo
            grid.addWidget(self._labels[field], row, 2 * col)
            grid.addWidget(combo, row, 2 * col + 1)
            grid.setColumnStretch(2 * col + 1, 1)
        self.extra_label = QLabel()
        self.extra_label.setWordWrap(True)
        self.extra_label.setObjectName("pageNote")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.extra_label)
        self._connect_signals()
        self.retranslate_ui()

    def _connect_signals(self) -> None:
        for combo in self.combos.values():
            combo.activated.connect(self._on_combo_activated)

    def set_mapping(self, headers: list[str], mapping: dict[str, str]) -> None:
        """Show a file's headers and the mapping the importer found (field -> header)."""
        self._headers = list(headers)
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not imported)"), "")
            for header in headers:
                if header:
                    combo.addItem(header, header)
            index = combo.findData(mapping.get(field, ""))
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self._show_extra()

    def mapping(self) -> dict[str, str]:
        """Field -> header for every field that is imported."""
        return {f: c.currentData() for f, c in self.combos.items() if c.currentData()}

    def unmapped(self) -> list[str]:
        used = set(self.mapping().values())
        return [h for h in self._headers if h and h not in used]

    def is_complete(self) -> bool:
        return all(f in self.mapping() for f in REQUIRED_FIELDS)

    def _on_combo_activated(self, _index: int) -> None:
        combo = self.sender()
        field = next(f for f, c in self.combos.items() if c is combo)
        header = self.combos[field].currentData()
        edits = {field: header}
        for other, other_combo in self.combos.items():
            if other != field and header and other_combo.currentData() == header:
                other_combo.setCurrentIndex(0)
                edits[other] = ""
        self._show_extra()
        self.mapping_edited.emit(edits)

    def _show_extra(self) -> None:
        unmapped = self.unmapped()
        if unmapped:
            self.extra_label.setText(self.tr("Kept in extra data (not a guest field): %1")
                                     .replace("%1", ", ".join(unmapped)))
        else:
            self.extra_label.setText(self.tr("Every column of the file fills a guest field."))

    def retranslate_ui(self) -> None:
        for field, label in self._labels.items():
            required = field in REQUIRED_FIELDS
            label.setText(field_label(field) + (" *" if required else ""))
        for combo in self.combos.values():
            if combo.count():
                combo.setItemText(0, self.tr("(not imported)"))
            else:
                combo.addItem(self.tr("(not imported)"), "")
        self._show_extra()
