"""The last admissions at this desk on the working day, newest first, as a Qt table model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

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
        """The list asked again: after a scan it is the one before with the newest on top
        (and its oldest gone), told to the view as such (a reset lays every row out again)."""
        new = list(results)
        added = _added_on_top(self._results, new)
        if added is None:
            self.beginResetModel()
            self._results = new
            self.endResetModel()
            return
        if added:
            self.beginInsertRows(QModelIndex(), 0, added - 1)
            self._results[:0] = new[:added]
            self.endInsertRows()
        if len(self._results) > len(new):
            self.beginRemoveRows(QModelIndex(), len(new), len(self._results) - 1)
            del self._results[len(new):]
            self.endRemoveRows()
        self._results = new  # (the same rows: the results as read now)

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


def _admission_id(result: CheckInResult) -> str | None:
    return result.checkin.id if result.checkin else None


def _added_on_top(old: list[CheckInResult], new: list[CheckInResult]) -> int | None:
    """How many admissions `new` has above the rows of `old` it keeps, in the same order
    and unchanged (the oldest may have gone off the end); None when it is not so."""
    if not old:
        return None if new else 0
    first = _admission_id(old[0])
    added = next((n for n, r in enumerate(new) if _admission_id(r) == first), None)
    if added is None or first is None:
        return None
    kept = new[added:]
    return added if kept == old[:len(kept)] else None
