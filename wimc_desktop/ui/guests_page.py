"""The Guests page: the whole guest list in a sortable table, contact details masked."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.models import Event
from wimc_desktop.ui.category_chip_delegate import CategoryChipDelegate
from wimc_desktop.ui.field_labels import field_label
from wimc_desktop.ui.guest_table_model import COLUMNS, GuestTableModel
from wimc_desktop.ui.i18n import count_text
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.settings import DeskSettings
from wimc_desktop.ui.worker import Worker

COLUMN_WIDTHS = {"name": 140, "name_en": 140, "organization": 240, "title": 130,
                 "category": 120, "attendance": 80, "mobile": 130, "email": 200,
                 "badge_code": 120, "country": 90, "gender": 60, "source": 160}
ALWAYS_SHOWN = {"name"}
HEADER_PADDING = 40


class GuestsPage(Retranslating, QWidget):
    """The guest table with its column chooser and the "show full contact" switch."""

    guests_counted = Signal(int)

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = DeskSettings()
        self.model = GuestTableModel(worker, self)
        self._title = QLabel()
        self._title.setObjectName("pageTitle")
        self._count = QLabel()
        self._count.setObjectName("pageNote")
        self._contact_toggle = QCheckBox()
        self.view = QTableView()
        self._build()
        self._connect_signals()
        self.retranslate_ui()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self._title)
        top.addSpacing(12)
        top.addWidget(self._count)
        top.addStretch(1)
        top.addWidget(self._contact_toggle)
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(COLUMNS.index("category"),
                                           CategoryChipDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(30)
        header = self.view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for column, field in enumerate(COLUMNS):
            header.resizeSection(column, COLUMN_WIDTHS.get(field, 120))
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self._apply_hidden_columns(self._settings.hidden_guest_columns)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def _connect_signals(self) -> None:
        self.model.guests_loaded.connect(self._on_model_guests_loaded)
        self._contact_toggle.toggled.connect(self._on_contact_toggle_toggled)
        self.view.horizontalHeader().customContextMenuRequested.connect(
            self._on_header_context_menu_requested)

    def set_database(self, db: Database, event: Event) -> None:
        self.model.set_database(db, event)

    def reload(self) -> None:
        self.model.reload()

    # -- columns ---------------------------------------------------------------------

    def _apply_hidden_columns(self, hidden: set[str]) -> None:
        for column, field in enumerate(COLUMNS):
            self.view.setColumnHidden(column, field in hidden and field not in ALWAYS_SHOWN)

    def _fit_header(self) -> None:
        """Widen any column whose header text (bold, plus the sort arrow) would be clipped."""
        header = self.view.horizontalHeader()
        font = QFont(header.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        for column, field in enumerate(COLUMNS):
            needed = metrics.horizontalAdvance(field_label(field)) + HEADER_PADDING
            if header.sectionSize(column) < needed:
                header.resizeSection(column, needed)

    def hidden_columns(self) -> set[str]:
        return {f for c, f in enumerate(COLUMNS) if self.view.isColumnHidden(c)}

    def build_column_menu(self) -> QMenu:
        """The header's context menu: one checkable entry per column."""
        menu = QMenu(self)
        menu.setTitle(self.tr("Columns"))
        hidden = self.hidden_columns()
        for field in COLUMNS:
            action = QAction(field_label(field), menu)
            action.setCheckable(True)
            action.setChecked(field not in hidden)
            action.setEnabled(field not in ALWAYS_SHOWN)
            action.setData(field)
            action.toggled.connect(self._on_column_action_toggled)
            menu.addAction(action)
        return menu

    def _on_header_context_menu_requested(self, pos: QPoint) -> None:
        menu = self.build_column_menu()
        menu.exec(self.view.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    def _on_column_action_toggled(self, checked: bool) -> None:
        action = self.sender()
        if not isinstance(action, QAction):
            return
        field = action.data()
        self.view.setColumnHidden(COLUMNS.index(field), not checked)
        self._settings.hidden_guest_columns = self.hidden_columns()

    # -- the rest --------------------------------------------------------------------

    def _on_contact_toggle_toggled(self, checked: bool) -> None:
        self.model.set_contact_visible(checked)

    def _on_model_guests_loaded(self, count: int) -> None:
        self._show_count(count)
        self.guests_counted.emit(count)

    def _show_count(self, count: int) -> None:
        self._count.setText(self.tr("%1 in total").replace("%1", count_text(count)))

    def retranslate_ui(self) -> None:
        self._title.setText(self.tr("Guests"))
        self._show_count(self.model.rowCount())
        self._contact_toggle.setText(self.tr("Show full contact details"))
        self._contact_toggle.setToolTip(
            self.tr("Phone numbers and e-mail addresses are masked unless this is on."))
        self.model.retranslate()
        self._fit_header()
