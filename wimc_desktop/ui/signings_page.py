"""The Signings page: the register filtered, its totals, add / amend / cancel, exports.

Every dialog that blocks sits behind one `_ask_*` / `_exec_*` / `_confirm_*` method, so
tests replace it. The totals bar always covers exactly what the filters list.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.changes import ChangeKind, Changes
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.models import Event
from wimc_desktop.domain.money import needs_confirmation
from wimc_desktop.domain.signing_totals import SigningFilter, SigningSummary, summarize, totals_line
from wimc_desktop.domain.signings import Signing, SigningDraft, SigningStatus
from wimc_desktop.render.signings_pdf import write_signings_pdf
from wimc_desktop.services import signings as service
from wimc_desktop.services.signing_exports import (
    signing_register,
    write_register_csv,
    write_register_xlsx,
)
from wimc_desktop.services.signings import SigningChoices, SigningConflict
from wimc_desktop.ui import i18n, messages
from wimc_desktop.ui.ceremony_view import CeremonyView
from wimc_desktop.ui.change_hub import ChangeHub, WhenShown, watched
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.signing_dialog import SigningDialog
from wimc_desktop.ui.signing_filter_bar import SigningFilterBar
from wimc_desktop.ui.signing_table_model import (
    SigningTableModel,
    amount_text,
)
from wimc_desktop.ui.worker import Worker

WRITERS = {"xlsx": write_register_xlsx, "csv": write_register_csv, "pdf": write_signings_pdf}


class SigningsPage(Retranslating, QWidget):
    """The page; every database call goes through the worker."""

    signings_listed = Signal(object)  # the SigningSummary of what is listed
    signing_added = Signal(object)  # Signing
    signing_amended = Signal(object)
    signing_cancelled = Signal(object)
    register_exported = Signal(str)  # the path written

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._db: Database | None = None
        self._event: Event | None = None
        self.desk = Desk("", "")
        self.summary = SigningSummary(0, summarize([]).amount)
        self.ceremony_view: CeremonyView | None = None
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.filter_bar = SigningFilterBar()
        self.model = SigningTableModel(self)
        self.table = QTableView()
        self.totals = QLabel()
        self.totals.setObjectName("signingTotals")
        self.add_button, self.amend_button, self.cancel_button = \
            QPushButton(), QPushButton(), QPushButton()
        self.export_buttons = {kind: QPushButton() for kind in WRITERS}
        self.ceremony_button = QPushButton()
        self._hub = ChangeHub.of(worker)
        self._when_shown = WhenShown(self, self.reload)  # (hidden: listed when shown)
        self._build()
        self._connect_signals()
        self.retranslate_ui()
        self._update_buttons()

    def _build(self) -> None:
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The parties may not be squeezed to nothing by the other columns (a stretched
        # column was, at 1366 px): a width of its own, and the last column stretches.
        header.setStretchLastSection(True)
        for column, width in enumerate((280, 110, 120, 130, 260, 150, 130, 80)):
            self.table.setColumnWidth(column, width)
        font = self.totals.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.totals.setFont(font)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.amend_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        # The exports and the stage screen beside the title: one row of all seven buttons
        # made the window too wide for a 1024-pixel screen in English.
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        for button in (*self.export_buttons.values(), self.ceremony_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.filter_bar.filter_changed.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.amend)
        self.add_button.clicked.connect(self.add)
        self.amend_button.clicked.connect(self.amend)
        self.cancel_button.clicked.connect(self.cancel)
        for kind, button in self.export_buttons.items():
            button.clicked.connect(lambda _=False, k=kind: self.export(k))
        self.ceremony_button.clicked.connect(self.open_ceremony_view)
        self._hub.changed.connect(self._on_hub_changed)

    # -- the event and the desk --------------------------------------------------------

    def set_database(self, db: Database, event: Event) -> None:
        self._db, self._event = db, event
        self._hub.set_database(db)
        self.filter_bar.set_choices(SigningChoices((), (), (), ()))
        if self.ceremony_view is not None:
            self.ceremony_view.set_database(db, event)
        self.reload()

    def set_desk(self, desk: Desk) -> None:
        self.desk = desk

    @property
    def operator(self) -> str:
        return self.desk.operator or self.desk.name or "desk"

    # -- filters and listing -----------------------------------------------------------

    @property
    def choices(self) -> SigningChoices:
        return self.filter_bar.choices

    def current_filter(self) -> SigningFilter:
        return self.filter_bar.current_filter()

    def set_filter(self, key: str, value: object) -> None:
        """Choose a filter value (None: all) and list again."""
        self.filter_bar.choose(key, value)

    def reload(self) -> None:
        db, event = self._db, self._event
        if db is None or event is None:
            return
        where = self.current_filter()
        self._worker.submit(
            lambda: (service.list_signings(db, where), service.signing_choices(db),
                     service.signing_conflicts(db)),
            on_success=self._on_listed, context=self)

    def _on_listed(self, answer: tuple[list[Signing], SigningChoices,
                                       dict[str, tuple[SigningConflict, ...]]]) -> None:
        signings, choices, conflicts = answer
        assert self._event is not None
        self.filter_bar.set_choices(choices)
        self.model.set_signings(signings, self._event, conflicts)
        self.summary = summarize(signings)
        self._show_totals()
        self._update_buttons()
        self.signings_listed.emit(self.summary)

    def _show_totals(self) -> None:
        self.totals.setText(totals_line(self.summary, "zh" if i18n.is_chinese() else "en"))

    def selected(self) -> Signing | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.signing(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        changeable = chosen is not None and chosen.status is not SigningStatus.CANCELLED
        self.amend_button.setEnabled(changeable)
        self.cancel_button.setEnabled(changeable)
        self.add_button.setEnabled(self._db is not None)

    # -- adding and amending -----------------------------------------------------------

    def make_dialog(self) -> SigningDialog:
        assert self._db is not None and self._event is not None
        return SigningDialog(self._worker, self._db, self._event.timezone, self.choices, self)

    def _exec_dialog(self, dialog: SigningDialog) -> bool:
        """The one place the signing form blocks (tests replace it)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _confirm_large_amount(self, draft: SigningDraft) -> bool:
        """The one place the large-amount question blocks (tests replace it)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("A very large amount"),
                          self.tr("%1 is 100 亿元 or more. Is the amount right?").replace(
                              "%1", amount_text(draft.amount, draft.currency)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        return messages.exec_box(box) == QMessageBox.StandardButton.Yes

    def _confirmed_draft(self, dialog: SigningDialog) -> SigningDraft | None:
        accepted = self._exec_dialog(dialog)
        draft = dialog.draft() if accepted else None
        dialog.deleteLater()
        if draft is not None and needs_confirmation(draft.amount) and \
                not self._confirm_large_amount(draft):
            messages.show_info(self, self.tr("The signing was not saved."))
            return None
        return draft

    def add(self) -> None:
        if self._db is None:
            return
        draft = self._confirmed_draft(self.make_dialog())
        if draft is None:
            return
        db, operator, desk = self._db, self.operator, self.desk
        self._worker.submit(lambda: service.add_signing(db, draft, operator=operator, desk=desk),
                            on_success=lambda s: self._on_changed(s, self.signing_added.emit),
                            context=self)

    def _ask_reason(self, title: str, text: str) -> str | None:
        reason, ok = QInputDialog.getText(self, title, text)
        return reason.strip() if ok and reason.strip() else None

    def _ask_amend_reason(self, signing: Signing) -> str | None:
        """The one place the amendment reason blocks (tests replace it)."""
        return self._ask_reason(self.tr("Amend a signing"),
                                self.tr("Why is “%1” amended?").replace("%1", signing.project_zh))

    def amend(self) -> None:
        signing, db = self.selected(), self._db
        if signing is None or db is None or signing.status is SigningStatus.CANCELLED:
            return
        dialog = self.make_dialog()
        dialog.set_signing(signing)
        draft = self._confirmed_draft(dialog)
        reason = self._ask_amend_reason(signing) if draft is not None else None
        if draft is None or reason is None:
            return
        operator, when, desk = self.operator, signing.updated_at, self.desk
        self._worker.submit(
            lambda: service.amend_signing(db, signing.id, draft, operator=operator,
                                          reason=reason, expected_updated_at=when, desk=desk),
            on_success=lambda s: self._on_changed(s, self.signing_amended.emit),
            context=self)

    def _ask_cancel_reason(self, signing: Signing) -> str | None:
        """The one place the cancellation reason blocks (tests replace it)."""
        return self._ask_reason(
            self.tr("Cancel a signing"),
            self.tr("“%1” stays in the register but leaves every total. Why is it "
                    "cancelled?").replace("%1", signing.project_zh))

    def cancel(self) -> None:
        signing, db = self.selected(), self._db
        if signing is None or db is None or signing.status is SigningStatus.CANCELLED:
            return
        reason = self._ask_cancel_reason(signing)
        if reason is None:
            return
        operator, desk = self.operator, self.desk
        self._worker.submit(
            lambda: service.cancel_signing(db, signing.id, operator=operator, reason=reason,
                                           desk=desk),
            on_success=lambda s: self._on_changed(s, self.signing_cancelled.emit),
            context=self)

    def _on_changed(self, signing: Signing, announce: Callable[[object], None]) -> None:
        announce(signing)  # (the list and the stage screen refresh from the change feed)

    def _on_hub_changed(self, changes: Changes) -> None:
        """Signings recorded, amended or cancelled here or at another desk: listed again
        (when shown)."""
        if not watched(changes, {ChangeKind.SIGNING, ChangeKind.EVENT}):
            return
        self._when_shown.request()

    # -- exports -----------------------------------------------------------------------

    def _ask_export_path(self, kind: str) -> str | None:
        """The one place the save dialog blocks (tests replace it)."""
        names = {"xlsx": self.tr("Excel workbooks (*.xlsx)"), "csv": self.tr("CSV files (*.csv)"),
                 "pdf": self.tr("PDF files (*.pdf)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the signing register"),
                                              f"signings.{kind}", names[kind])
        return path or None

    def export(self, kind: str) -> None:
        db = self._db
        path = self._ask_export_path(kind) if db is not None else None
        if db is None or path is None:
            return
        where, lang, write = self.current_filter(), "zh" if i18n.is_chinese() else "en", \
            WRITERS[kind]
        self._worker.submit(lambda: write(signing_register(db, where), path, lang),
                            on_success=lambda _: self._on_exported(path), context=self,
                            long_running=True)

    def _on_exported(self, path: str) -> None:
        self.register_exported.emit(path)
        messages.show_info(self, self.tr("The register was saved."), str(Path(path)))

    # -- the stage screen --------------------------------------------------------------

    def open_ceremony_view(self) -> CeremonyView | None:
        if self._db is None or self._event is None:
            return None
        if self.ceremony_view is None:
            self.ceremony_view = CeremonyView(self._worker)
            self.ceremony_view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            self.ceremony_view.set_database(self._db, self._event)
        self.ceremony_view.show()  # (read again when shown if signings changed meanwhile)
        self.ceremony_view.activateWindow()
        return self.ceremony_view

    # -- Qt ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Contract signings"))
        self.add_button.setText(self.tr("Add signing…"))
        self.amend_button.setText(self.tr("Amend…"))
        self.cancel_button.setText(self.tr("Cancel signing…"))
        self.export_buttons["xlsx"].setText(self.tr("Export XLSX…"))
        self.export_buttons["csv"].setText(self.tr("Export CSV…"))
        self.export_buttons["pdf"].setText(self.tr("Export PDF…"))
        self.ceremony_button.setText(self.tr("Stage screen…"))
        self.ceremony_button.setToolTip(self.tr("Open the large-type window for the screen on "
                                                "stage (F11: full screen)"))
        self._show_totals()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 7)
        if self.model.rowCount():
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(
                self.model.rowCount() - 1, 7))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ceremony_view is not None:
            self.ceremony_view.close()
        super().closeEvent(event)
