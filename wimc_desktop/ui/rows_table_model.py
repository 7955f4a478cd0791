"""A small read-only table of text rows (file previews, import problems)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    """Headers and rows of strings; short rows read as empty cells."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[list[str]] = []

    def set_rows(self, headers: list[str], rows: list[list[str]]) -> None:
        self.beginResetModel()
        self._headers, self._rows = list(headers), [list(r) for r in rows]
        self.endResetModel()

    def set_headers(self, headers: list[str]) -> None:
        self._headers = list(headers)
        if headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def cell(self, row: int, column: int) -> str:
        cells = self._rows[row]
        return cells[column] if column < len(cells) else ""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole,
                                        Qt.ItemDataRole.ToolTipRole):
            return self.cell(index.row(), index.column())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if section < len(self._headers) else None
        return str(section + 1)

    def as_tsv(self, rows: list[int] | None = None) -> str:
        """The header and the given rows (all by default) as tab-separated text."""
        chosen = range(len(self._rows)) if rows is None else rows
        lines = ["\t".join(self._headers)]
        lines += ["\t".join(self.cell(r, c).replace("\t", " ").replace("\n", " ")
                            for c in range(len(self._headers))) for r in chosen]
        return "\n".join(lines) + "\n"
