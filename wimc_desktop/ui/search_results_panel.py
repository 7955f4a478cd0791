"""The live list of guests matching the scan field's text, with the highlighted choice."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.domain.models import Event, Guest
from wimc_desktop.ui.category_chip_delegate import CategoryChipDelegate
from wimc_desktop.ui.i18n import count_text
from wimc_desktop.ui.search_filter_bar import SearchFilterBar
from wimc_desktop.ui.search_results_model import COLUMNS, SearchResultsModel

COLUMN_WIDTHS = {"name": 130, "title": 110, "category": 104, "badge_code": 132,
                 "checked_in": 100}


class SearchResultsPanel(QWidget):
    """A count line and a table; the scan field moves the highlight, never the focus."""

    guest_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SearchResultsModel(self)
        self.summary = QLabel()
        self.summary.setObjectName("resultsSummary")
        self.filters = SearchFilterBar()
        self.view = QTableView()
        self._build()
        self.view.doubleClicked.connect(self._on_view_double_clicked)

    def _build(self) -> None:
        view = self.view
        view.setObjectName("searchResults")
        view.setModel(self.model)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setItemDelegateForColumn(COLUMNS.index("category"), CategoryChipDelegate(view))
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(34)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, field in enumerate(COLUMNS):
            header.resizeSection(column, COLUMN_WIDTHS.get(field, 100))
        # The organization takes what is left, so nothing hides behind a scroll bar.
        header.setSectionResizeMode(COLUMNS.index("organization"),
                                    QHeaderView.ResizeMode.Stretch)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filters)
        layout.addWidget(self.summary)
        layout.addWidget(view, 1)

    def set_event(self, event: Event) -> None:
        self.model.set_event(event)
        self.filters.set_event(event)

    def show_result(self, query: str, result: Any) -> None:
        self.model.show_result(query, result)
        if self.model.rowCount():
            self.view.selectRow(0)
        self._show_summary()

    def clear(self) -> None:
        self.model.clear()

    def answers(self, text: str) -> bool:
        """True when the list on show is the answer to exactly this text."""
        return bool(text) and self.model.query == text

    def current_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def chosen_guest(self) -> Guest | None:
        return self.model.guest_at(self.current_row())

    def move(self, step: int) -> None:
        """Move the highlight by `step` rows, staying inside the list."""
        count = self.model.rowCount()
        if count:
            row = min(max(self.current_row() + step, 0), count - 1)
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        guest = self.model.guest_at(index.row())
        if guest is not None:
            self.guest_activated.emit(guest)

    def _show_summary(self) -> None:
        model = self.model
        if not model.query:
            text = ""
        elif not model.rowCount():
            text = self.tr("No guest matches “%1”.").replace("%1", model.query)
        elif model.total > model.rowCount():
            text = (self.tr("The first %1 of %2 guests matching “%3”: type more to narrow "
                            "the list. ↑↓ choose, Enter admits.")
                    .replace("%1", count_text(model.rowCount()))
                    .replace("%2", count_text(model.total)).replace("%3", model.query))
        else:
            text = (self.tr("%Ln guests match “%1”. ↑↓ choose, Enter admits.", "",
                            model.rowCount()).replace("%1", model.query))
        self.summary.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.model.retranslate()
            self._show_summary()
        super().changeEvent(event)
