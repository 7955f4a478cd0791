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

COLUMN_WIDTHS = {"name": 112, "mobile": 100, "category": 96, "badge_code": 122,
                 "checked_in": 88}
# The masked phone confirms a guest better than a title; the desk has room for one.
HIDDEN = ("title",)


class SearchResultsPanel(QWidget):
    """A count line and a table; the scan field moves the highlight, never the focus."""

    guest_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SearchResultsModel(self)
        self.summary = QLabel()
        self.summary.setObjectName("resultsSummary")
        self.summary.setWordWrap(True)  # a long message never widens the window
        self.filters = SearchFilterBar()
        self.view = QTableView()
        self.choice_needed = False
        self.clerk_chose = False  # the highlight was moved (↑↓) or clicked, not preset
        self._build()
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.view.pressed.connect(self._on_view_pressed)

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
            view.setColumnHidden(column, field in HIDDEN)
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
        """Nothing is highlighted unless the guest is the only match: Enter admits only
        a guest the clerk chose (↑↓ or a click), or the one there is."""
        self.model.show_result(query, result)
        self.choice_needed = self.clerk_chose = False
        self.view.clearSelection()
        if self.model.total == 1 and self.model.rowCount() == 1:
            self.view.selectRow(0)
        self._show_summary()

    def clear(self) -> None:
        self.model.clear()
        self.choice_needed = self.clerk_chose = False

    def ask_for_a_choice(self) -> None:
        """Enter with several matches and none chosen: say so (nobody is admitted)."""
        self.choice_needed = True
        self._show_summary()

    def answers(self, text: str) -> bool:
        """True when the list on show is the answer to exactly this text."""
        return bool(text) and self.model.query == text

    def several_match(self) -> bool:
        return self.model.total > 1

    def current_row(self) -> int:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def chosen_guest(self) -> Guest | None:
        return self.model.guest_at(self.current_row())

    def move_highlight(self, step: int) -> None:
        """Move the highlight by `step` rows, staying inside the list."""
        count = self.model.rowCount()
        if count:
            current = self.current_row()
            row = 0 if current < 0 else min(max(current + step, 0), count - 1)
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
            self.clerk_chose = True

    def _on_view_pressed(self, _index: QModelIndex) -> None:
        self.clerk_chose = self.current_row() >= 0

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        guest = self.model.guest_at(index.row())
        if guest is not None:
            self.guest_activated.emit(guest)

    def _show_summary(self) -> None:
        model = self.model
        if not model.query:
            text = ""
        elif self.choice_needed:
            text = (self.tr("%1 guests match “%2”: nobody was admitted. Choose a guest with "
                            "the arrow keys (or click one), then press Enter.")
                    .replace("%1", count_text(model.total)).replace("%2", model.query))
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
        self.summary.setProperty("warning", self.choice_needed)
        self.summary.style().unpolish(self.summary)
        self.summary.style().polish(self.summary)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.model.retranslate()
            self._show_summary()
        super().changeEvent(event)
