"""The last admissions at this desk, beside the banner, with an undo button."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.domain.checkin import CheckInResult
from wimc_desktop.domain.models import Event
from wimc_desktop.ui.recent_admissions_model import COLUMNS, RecentAdmissionsModel
from wimc_desktop.ui.retranslating import Retranslating


class RecentAdmissionsPanel(Retranslating, QWidget):
    """A title, the list (newest first) and "Undo the selected admission…" (the newest if none)."""

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
        self._build()
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(view, 1)
        layout.addWidget(self.undo_button)

    def set_event(self, event: Event) -> None:
        self.model.set_event(event)

    def set_results(self, results: list[CheckInResult]) -> None:
        self.model.set_results(results)
        self.undo_button.setEnabled(bool(results))

    def results(self) -> Iterator[CheckInResult]:
        """Newest first."""
        for row in range(self.model.rowCount()):
            result = self.model.result_at(row)
            if result is not None:
                yield result

    def _on_undo_button_clicked(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        result = self.model.result_at(rows[0].row() if rows else 0)
        if result is not None:
            self.undo_chosen.emit(result)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Last admissions at this desk"))
        self.undo_button.setText(self.tr("Undo the selected admission…"))
        self.model.retranslate()
