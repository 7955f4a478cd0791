"""The Guests page: the guest list in a sortable table with a search box and the working
day's check-ins; contact details masked unless asked for (asked, and audited); a selected
guest's details put right (Edit details…)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.changes import Changes
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.guest_record import GUEST_RECORD
from wimc_desktop.domain.models import Event, Guest
from wimc_desktop.services.guest_edits import edit_guest
from wimc_desktop.services.guests import guests_by_ids, record_contact_revealed
from wimc_desktop.ui import messages
from wimc_desktop.ui.category_chip_delegate import CategoryChipDelegate
from wimc_desktop.ui.change_hub import ChangeHub, WhenShown
from wimc_desktop.ui.desk_access import LOGGED_OUT
from wimc_desktop.ui.elided_label import ElidedLabel
from wimc_desktop.ui.field_labels import field_label
from wimc_desktop.ui.guest_edit_dialog import GuestEditDialog
from wimc_desktop.ui.guest_table_model import COLUMNS, GuestTableModel
from wimc_desktop.ui.i18n import count_text
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.screen_fit import fit_header
from wimc_desktop.ui.settings import DeskSettings
from wimc_desktop.ui.worker import Worker

COLUMN_WIDTHS = {"checked_in": 70, **{f.name: f.width for f in GUEST_RECORD}}
ALWAYS_SHOWN = {"name"}
SEARCH_DELAY_MS = 200  # a pause in the typing, then one search on the worker


class ConfirmedCheckBox(QCheckBox):
    """A check box that is ticked by the user only once `confirm()` says yes: it stays
    unticked while the question is open, and after a no."""

    def __init__(self, confirm: Callable[[], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._confirm = confirm

    def nextCheckState(self) -> None:
        if not self.isChecked() and not self._confirm():
            return
        super().nextCheckState()


class GuestsPage(Retranslating, QWidget):
    """The guest table with its column chooser and the "show full contact" switch."""

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._settings = DeskSettings()
        self.model = GuestTableModel(worker, self)
        self._title = QLabel()
        self._title.setObjectName("pageTitle")
        self._count = ElidedLabel()  # "The first 1,000 of 2,828 guests matching …" is long
        self._count.setObjectName("pageNote")
        self.contact_toggle = ConfirmedCheckBox(lambda: self.confirm_reveal())
        self.edit_button = QPushButton()
        self.edit_button.setEnabled(False)
        self.search_field = QLineEdit()
        self.search_field.setObjectName("guestSearch")
        self.search_field.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._db: Database | None = None
        self._event: Event | None = None
        self._desk = Desk("", "")
        self._hub = ChangeHub.of(worker)
        self._listing = WhenShown(self, self.model.reload)  # (guests came or went while
        # another page was in front: the list is read again when shown)
        self.view = QTableView()
        self._build()
        self._connect_signals()
        self.retranslate_ui()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self._title)
        top.addSpacing(12)
        top.addWidget(self._count, 1)
        top.addWidget(self.search_field, 1)
        top.addWidget(self.contact_toggle)
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
        bottom = QHBoxLayout()  # (under the list, as the check-in page's undo: the top
        bottom.addStretch(1)  # row is full at 1024 px)
        bottom.addWidget(self.edit_button)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

    def _connect_signals(self) -> None:
        self._hub.changed.connect(self._on_hub_changed)
        self.model.guests_loaded.connect(self._on_model_guests_loaded)
        self.model.searched.connect(self._on_model_searched)
        self.contact_toggle.toggled.connect(self._on_contact_toggle_toggled)
        self.search_field.textChanged.connect(self._on_search_field_text_changed)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self.view.horizontalHeader().customContextMenuRequested.connect(
            self._on_header_context_menu_requested)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.model.modelReset.connect(self._on_view_selection_changed)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)

    def set_database(self, db: Database, event: Event) -> None:
        self._db, self._event = db, event
        self._listing.mark_fresh()
        self.contact_toggle.setChecked(False)  # another event: asked (and audited) again
        self._hub.set_database(db)
        self.model.set_database(db, event)

    def set_desk(self, desk: Desk) -> None:
        """Who works at the desk: recorded when they show contact details in full. A lock
        masks them again (whoever logs in next asks again)."""
        if desk.role == LOGGED_OUT:
            self.contact_toggle.setChecked(False)
        self._desk = desk

    def set_day(self, day: dt.date) -> None:
        """The desk's working day, whose check-ins the "checked in" column shows."""
        self.model.set_day(day)

    def _on_hub_changed(self, changes: Changes) -> None:
        """Any desk's check-ins, reissues, walk-ins, imports: the guests they touched leave
        the cache (fetched again when painted: nothing is read while the page is hidden);
        a new guest or an import lists the ids again (or searches again), at once when
        shown, else when the page is shown next."""
        if self.model.apply_changes(changes, relist=self.isVisible()):
            self._listing.mark_stale()

    def reload(self) -> None:
        self.model.reload()

    # -- columns ---------------------------------------------------------------------

    def _apply_hidden_columns(self, hidden: set[str]) -> None:
        for column, field in enumerate(COLUMNS):
            self.view.setColumnHidden(column, field in hidden and field not in ALWAYS_SHOWN)

    def _fit_header(self) -> None:
        """Widen any column whose header text (bold, plus the sort arrow) would be clipped."""
        fit_header(self.view.horizontalHeader())

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

    # -- a guest's details --------------------------------------------------------------

    def _selected_rows(self) -> set[int]:
        # (the rows of the selected cells: selectedRows() wants every column, hidden ones
        # included, which a click on a row need not select)
        return {i.row() for i in self.view.selectionModel().selectedIndexes()}

    def selected_guest_id(self) -> str | None:
        rows = self._selected_rows()
        return self.model.guest_id_at(rows.pop()) if len(rows) == 1 else None

    def _on_view_selection_changed(self, *_args: object) -> None:
        self.edit_button.setEnabled(len(self._selected_rows()) == 1)

    def guest_edit_dialog(self, guest: Guest) -> GuestEditDialog:
        """The form for one guest, its personal data shown as the table shows it."""
        assert self._event is not None  # (a guest was read from the open event)
        return GuestEditDialog(guest, self._event,
                               contact_visible=self.contact_toggle.isChecked(), parent=self)

    def _ask_guest_edit(self, guest: Guest) -> dict[str, str] | None:
        """The one place the edit dialog blocks (tests replace it): the fields changed."""
        return messages.ask_values(self.guest_edit_dialog(guest))

    def _on_edit_button_clicked(self) -> None:
        """The guest read afresh (the table's copy may be out of date, or not fetched),
        then the dialog."""
        guest_id, db = self.selected_guest_id(), self._db
        if guest_id is None or db is None:
            return
        self._worker.submit(lambda: guests_by_ids(db, [guest_id]),
                            on_success=self._on_edited_guest_read, context=self)

    def _on_edited_guest_read(self, found: list[Guest]) -> None:
        if not found:
            return  # (gone since: the list refreshes from the change hub)
        guest, db = found[0], self._db
        changes = self._ask_guest_edit(guest)
        if not changes or db is None or db is not self._db:  # (another event opened)
            return
        desk, code = self._desk, guest.badge_code
        self._worker.submit(lambda: edit_guest(db, code, desk, changes),
                            on_failure=lambda exc: messages.report_error(
                                self, exc, self.tr("The guest's details were not changed.")),
                            context=self)  # (the page refreshes from the change hub)

    # -- the rest --------------------------------------------------------------------

    def _on_search_field_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        self.model.set_query(self.search_field.text())

    def confirm_reveal(self) -> bool:
        """Asks before phones and e-mails are shown whole (the answer is audited)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Show full contact details"),
                          self.tr("Show every guest's full mobile number and e-mail address?"),
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
                          self)
        box.setInformativeText(self.tr(
            "This is personal data. Showing it is recorded in the audit log with your "
            "name, the desk and the time."))
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("Show"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return messages.exec_box(box) == int(QMessageBox.StandardButton.Ok)

    def _on_contact_toggle_toggled(self, checked: bool) -> None:
        # (ticked by the user only after confirm_reveal said yes: ConfirmedCheckBox)
        if checked and self._db is not None:
            db, desk = self._db, self._desk
            self._worker.submit(lambda: record_contact_revealed(db, desk, "guests_page"),
                                on_failure=self._on_audit_failed, context=self)
        self.model.set_contact_visible(checked)

    def _on_audit_failed(self, exc: Exception) -> None:
        # Shown only with its audit row: a reveal that could not be recorded is taken back.
        self.contact_toggle.setChecked(False)
        messages.report_error(self, exc, self.tr("Contact details could not be shown."))

    def _on_model_guests_loaded(self, _count: int) -> None:
        self._show_count()

    def _on_model_searched(self, _query: str, _total: int) -> None:
        self._show_count()

    def _show_count(self) -> None:
        model = self.model
        shown = model.rowCount()
        if not model.query:
            text = self.tr("%1 in total").replace("%1", count_text(shown))
        elif model.total > shown:
            text = (self.tr("The first %1 of %Ln guests matching “%2”", "", model.total)
                    .replace("%1", count_text(shown)).replace("%2", model.query))
        elif shown == 0:
            text = self.tr("No guest matches “%1”.").replace("%1", model.query)
        else:
            text = self.tr("%Ln guests match “%1”", "", shown).replace("%1", model.query)
        self._count.setText(text)

    def retranslate_ui(self) -> None:
        self._title.setText(self.tr("Guests"))
        self._show_count()
        placeholder = self.tr("Name, pinyin, phone, company or badge code…")
        self.search_field.setPlaceholderText(placeholder)
        metrics = self.search_field.fontMetrics()  # the hint is never cut
        self.search_field.setMinimumWidth(metrics.horizontalAdvance(placeholder) + 48)
        self.edit_button.setText(self.tr("Edit details…"))
        self.edit_button.setToolTip(self.tr("Correct the selected guest's details: name, "
                                            "organization, category, contact, seat, notes…"))
        self.contact_toggle.setText(self.tr("Show full contact details"))
        self.contact_toggle.setToolTip(
            self.tr("Phone numbers and e-mail addresses are masked unless this is on."))
        self.model.retranslate()
        self._fit_header()
