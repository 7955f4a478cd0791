"""The last admissions at this desk on the working day, newest first, as a Qt table model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from wimc_desktop.domain.checkin import CheckInResult
from wimc_desktop.domain.models import Event
from wimc_desktop.ui.checkin_banner import local_time_text
from wimc_desktop.ui.field_table_model import AnyIndex, FieldTableModel

COLUMNS = ("time", "name", "organization", "badge_code")


class RecentAdmissionsModel(FieldTableModel):
    """CheckInResults of services.checkin.recent_admissions; times in the event's zone."""

    columns = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._event: Event | None = None
        self._results: list[CheckInResult] = []

    def set_event(self, event: Event) -> None:
        self._event = event
        self.set_results([])

    def set_results(self, results: list[CheckInResult]) -> None:
        self.beginResetModel()
        self._results = list(results)
        self.endResetModel()

    def result_at(self, row: int) -> CheckInResult | None:
        return self._results[row] if 0 <= row < len(self._results) else None

    def row_count(self) -> int:
        return len(self._results)

    def header_label(self, field: str) -> str:
        return self.tr("Time") if field == "time" else super().header_label(field)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        result = self._results[index.row()]
        field = COLUMNS[index.column()]
        if field == "time":
            return local_time_text(self._event, result.checkin.at) if result.checkin else ""
        if field == "badge_code":
            return result.code
        return str(getattr(result.guest, field, "")) if result.guest else ""
