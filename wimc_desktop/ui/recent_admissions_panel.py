"""The last admissions at this desk, beside the banner, with an undo button."""

from __future__ import annotations

import math
from collections.abc import Iterator

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.domain.checkin import CheckInResult
from wimc_desktop.domain.models import Event
from wimc_desktop.ui.recent_admissions_model import COLUMNS, RecentAdmissionsModel
from wimc_desktop.ui.retranslating import Retranslating

TIME_COLUMN = COLUMNS.index("time")


def time_column_width(view: QTableView) -> int:
    """Room for the widest time the list can show (HH:mm in the font's widest digit, with
    the cell's margins) or for the column's header, whichever is wider."""
    view.ensurePolished()
    metrics = QFontMetricsF(view.font())  # (fractional: the cell lays its text out so)
    digit = max("0123456789", key=metrics.horizontalAdvance)
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    text = math.ceil(metrics.horizontalAdvance(f"{digit}{digit}:{digit}{digit}")) + 2 * margin
    return max(text + view.showGrid(), view.horizontalHeader().sectionSizeHint(TIME_COLUMN))


class RecentAdmissionsPanel(Retranslating, QWidget):
    """A title, the list (newest first) and "Undo the selected admission…" (the newest if
    none was chosen).

    The admission the clerk clicked stays chosen while the list is asked again (after
    each scan): the list is rebuilt, and row 3 may by then be another guest. Once the
    chosen admission has left the list (undone), the button waits for a new choice
    rather than undo the newest, a guest the clerk did not point at.
    """

    undo_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.model = RecentAdmissionsModel(self)
        self.view = QTableView()
        self.undo_button = QPushButton()
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.undo_button.setEnabled(False)
        self._chosen_id: str | None = None  # the check-in the clerk clicked
        self._chosen_gone = False  # ... and it has left the list since
        self._build()
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.view.pressed.connect(self._on_view_pressed)
        self.view.installEventFilter(self)
        self.retranslate_ui()

    def _build(self) -> None:
        view = self.view
        view.setObjectName("recentAdmissions")
        view.setModel(self.model)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the keyboard
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(30)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("organization"), QHeaderView.ResizeMode.Stretch)
        # Sized to its contents, the time column took the header's width while the list
        # was empty and kept it: 时间 is narrower than "15:33", whose first digit was cut.
        header.setSectionResizeMode(TIME_COLUMN, QHeaderView.ResizeMode.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(view, 1)
        layout.addWidget(self.undo_button)

    def set_event(self, event: Event) -> None:
        self.model.set_event(event)

    def set_results(self, results: list[CheckInResult]) -> None:
        self.model.set_results(results)
        if self._chosen_id is not None:
            row = next((n for n, r in enumerate(results)
                        if r.checkin and r.checkin.id == self._chosen_id), None)
            if row is None:
                self._chosen_id, self._chosen_gone = None, True
            else:
                self.view.selectRow(row)
        self.undo_button.setEnabled(bool(results) and not self._chosen_gone)

    def forget_choice(self) -> None:
        """Another day or desk: nothing is chosen (the button undoes the newest again)."""
        self._chosen_id, self._chosen_gone = None, False
        self.view.clearSelection()

    def _on_view_pressed(self, index: QModelIndex) -> None:
        result = self.model.result_at(index.row())
        if result is not None and result.checkin is not None:
            self._chosen_id, self._chosen_gone = result.checkin.id, False
            self.undo_button.setEnabled(True)

    def results(self) -> Iterator[CheckInResult]:
        """Newest first."""
        for row in range(self.model.rowCount()):
            result = self.model.result_at(row)
            if result is not None:
                yield result

    def _on_undo_button_clicked(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows and self._chosen_gone:
            return
        result = self.model.result_at(rows[0].row() if rows else 0)
        if result is not None:
            self.undo_chosen.emit(result)

    def _fit_time_column(self) -> None:
        self.view.horizontalHeader().resizeSection(TIME_COLUMN, time_column_width(self.view))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_time_column()  # (the style sheet's font is known once polished)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() in (QEvent.Type.FontChange,
                                                     QEvent.Type.StyleChange):
            self._fit_time_column()  # (the list's own font, or one it inherits)
        return False

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Last admissions at this desk"))
        self.undo_button.setText(self.tr("Undo the selected admission…"))
        self.model.retranslate()
        self._fit_time_column()  # (the header's text is another width)
