"""The guests matching what the operator types in the scan field, as a Qt table model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from wimc_desktop.domain.models import Event, Guest
from wimc_desktop.ui import i18n
from wimc_desktop.ui.field_table_model import AnyIndex, FieldTableModel
from wimc_desktop.ui.guest_table_model import CATEGORY_COLOR_ROLE, GUEST_ID_ROLE

# The phone masked (138****5678): its last four digits confirm a search by them.
COLUMNS = ("name", "organization", "mobile", "title", "category", "badge_code", "checked_in")


class SearchResultsModel(FieldTableModel):
    """The hits of one search (with the query they answer), read-only."""

    columns = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._event: Event | None = None
        self._hits: list[Any] = []
        self.query = ""
        self.total = 0

    def set_event(self, event: Event) -> None:
        self._event = event
        self.clear()

    def show_result(self, query: str, result: Any) -> None:
        """The SearchResult of services.search for `query`."""
        self.beginResetModel()
        self.query, self.total, self._hits = query, result.total, list(result.results)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.query, self.total, self._hits = "", 0, []
        self.endResetModel()

    def guest_at(self, row: int) -> Guest | None:
        return self._hits[row].guest if 0 <= row < len(self._hits) else None

    def row_count(self) -> int:
        return len(self._hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        field = COLUMNS[index.column()]
        if role == GUEST_ID_ROLE:
            return hit.guest.id
        if role == CATEGORY_COLOR_ROLE and field == "category":
            category = self._event.category(hit.guest.category) if self._event else None
            return QColor(category.color) if category else None
        if role == Qt.ItemDataRole.ToolTipRole and field == "checked_in":
            return self.tr("Already checked in on the working day") if hit.checked_in else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(hit, field)
        if role == Qt.ItemDataRole.TextAlignmentRole and field == "checked_in":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, hit: Any, field: str) -> str:
        guest: Guest = hit.guest
        if field == "checked_in":
            return "✓" if hit.checked_in else ""
        if field == "name" and guest.name_en and guest.name_en != guest.name:
            return f"{guest.name}  {guest.name_en}"
        if field == "category":
            category = self._event.category(guest.category) if self._event else None
            if category is None:
                return guest.category
            return category.name_zh if i18n.is_chinese() else category.name_en
        return guest.value(field, full_pii=False)  # masked as the record says
