"""A read-only table whose columns are guest fields: the parts every such model shares."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from wimc_desktop.ui.field_labels import field_label

AnyIndex = QModelIndex | QPersistentModelIndex


class FieldTableModel(QAbstractTableModel):
    """Columns named by field (`columns`), headers in the interface language.

    A subclass says how many rows it has (`row_count`), gives its cells (`data`) and may
    name a column that is not a guest field (`header_label`).
    """

    columns: tuple[str, ...] = ()

    def row_count(self) -> int:
        raise NotImplementedError

    def header_label(self, field: str) -> str:
        return field_label(field)

    def retranslate(self) -> None:
        """Headers, and the cells that show translated words, follow the language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.row_count():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.row_count() - 1, len(self.columns) - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.header_label(self.columns[section])
