"""The Badges page: scan a code, see the guest's card, print, save as PDF, reissue a lost badge.

A name (pinyin, organization, phone digits...) finds the badge too: the same live search as
the check-in desk lists the guests while the operator types; Enter shows the code typed,
else the guest highlighted (arrows move the highlight), and a double click shows one.
"Checked in" on the card is on the desk's working day (a rehearsal day too).

Every dialog that blocks sits behind one `_ask_*` / `_exec_*` method, so tests replace it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QPaintEngine, QShowEvent
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.badges import (
    TEMPLATES,
    BadgeFace,
    BadgeInfo,
    BadgeStatus,
    Reissue,
    badge_face,
)
from wimc_desktop.domain.changes import Changes
from wimc_desktop.domain.changes import guest_ids as changed_guests
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.errors import DeskError, NotFoundError
from wimc_desktop.domain.models import Event, Guest
from wimc_desktop.render.badge import paint_pages, pdf_bytes
from wimc_desktop.services.badges import ReprintNeedsReasonError, reissue_badge
from wimc_desktop.services.safe_file import write_file
from wimc_desktop.ui import badge_actions as actions
from wimc_desktop.ui import messages
from wimc_desktop.ui.badge_batch_dialog import BadgeBatchDialog
from wimc_desktop.ui.badge_card import BadgeCard
from wimc_desktop.ui.change_hub import ChangeHub, WhenShown
from wimc_desktop.ui.live_search import LiveSearch
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.scan_field import ScanField
from wimc_desktop.ui.search_results_model import SearchResultsModel
from wimc_desktop.ui.worker import Task, Worker
from wimc_desktop.ui.working_day import event_today


def paint_or_save(printer: QPrinter, faces: Sequence[BadgeFace], template: str,
                  failed: list[DeskError]) -> None:
    """The preview dialog's paintRequested: paint the preview or the printer; a print to
    a PDF file (the print dialog's "print to file", or a desk with no printer) is written
    as Save PDF writes one: checked, then moved in place, the user's alone. A failure is
    added to `failed` (an exception cannot leave Qt's signal)."""
    engine = printer.paintEngine()
    target = printer.outputFileName()
    if not (target and engine is not None and engine.type() == QPaintEngine.Type.Pdf):
        paint_pages(printer, faces, TEMPLATES[template])
        return
    try:
        data, _ = pdf_bytes(faces, TEMPLATES[template])
        write_file(target, data, private=True)
    except DeskError as exc:
        failed.append(exc)


class BadgesPage(Retranslating, QWidget):
    """The page; every database call goes through the worker."""

    badge_shown = Signal(object)  # BadgeInfo
    code_not_found = Signal(str)
    badge_printed = Signal(object)  # the PrintStatus list before the print
    pdf_saved = Signal(object)  # badge_actions.PdfWritten
    badge_reissued = Signal(object)  # Reissue
    guests_found = Signal(int)  # the live search answered: how many guests are listed

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._db: Database | None = None
        self._event: Event | None = None
        self.desk = Desk("", "")
        self.day: dt.date | None = None  # the desk's working day; None: today at the venue
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.scan_field = ScanField()
        self.search = LiveSearch(worker, self)
        self.matches_model = SearchResultsModel(self)
        self.matches = QTableView()
        self.card = BadgeCard()
        self.stack = QStackedWidget()  # the card, or the guests matching a name
        self.template_label = QLabel()
        self.template = QComboBox()
        self.print_button = QPushButton()
        self.pdf_button = QPushButton()
        self.reissue_button = QPushButton()
        self.batch_button = QPushButton()
        self._hub = ChangeHub.of(worker)
        self._lookups: list[int] = []  # look-ups on their way: the hub's count at each ask
        self._again = False  # a change came while one was on its way: look up again
        # a change came while hidden: looked up again when shown
        self._when_shown = WhenShown(self, lambda: self._refresh_card(self._new_code))
        self._new_code = ""  # the card says this code is new (just reissued)
        self._acting = 0  # prints and reissues of this page on their way (they show the card)
        self._build()
        self._connect_signals()
        self.retranslate_ui()
        self._update_buttons()

    def _build(self) -> None:
        self.template.addItems(["", ""])
        self.template.setItemData(0, "hanging")
        self.template.setItemData(1, "card")
        buttons = QHBoxLayout()
        buttons.addWidget(self.template_label)
        buttons.addWidget(self.template)
        buttons.addStretch(1)
        # The scan field keeps the keyboard: a badge scanned after a click elsewhere would
        # otherwise go into that control.
        for control in (self.template, self.print_button, self.pdf_button,
                        self.reissue_button, self.batch_button):
            control.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for button in (self.print_button, self.pdf_button, self.reissue_button,
                       self.batch_button):
            buttons.addWidget(button)
        self._build_matches()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.scan_field)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

    def _build_matches(self) -> None:
        view = self.matches
        view.setObjectName("badgeMatches")
        view.setModel(self.matches_model)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the keyboard
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.matches_model.columns.index("organization"),
                                    QHeaderView.ResizeMode.Stretch)
        self.stack.addWidget(self.card)
        self.stack.addWidget(view)

    def _connect_signals(self) -> None:
        self.scan_field.returnPressed.connect(self._on_scan_field_return_pressed)
        self.scan_field.textChanged.connect(self._on_scan_field_text_changed)
        self.scan_field.navigated.connect(self._on_scan_field_navigated)
        self.search.answered.connect(self._on_search_answered)
        self.matches.doubleClicked.connect(self._on_matches_double_clicked)
        self.print_button.clicked.connect(self.print_badge)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.reissue_button.clicked.connect(self.reissue)
        self.batch_button.clicked.connect(self.batch_pdf)
        self._hub.changed.connect(self._on_hub_changed)

    # -- the event and the desk ------------------------------------------------------

    def set_database(self, db: Database, event: Event) -> None:
        self._db, self._event = db, event
        self.card.set_timezone(event.timezone)
        self.card.set_today(event_today(event))
        self.card.show_message("")
        self.search.set_database(db)
        self._hub.set_database(db)
        self.matches_model.set_event(event)
        self.scan_field.clear()
        self._update_buttons()

    def set_desk(self, desk: Desk) -> None:
        self.desk = desk

    def set_day(self, day: dt.date) -> None:
        """The desk's working day: the card says whether the guest is checked in on it."""
        if day == self.day:
            return
        self.day = day
        self._refresh_card()

    @property
    def info(self) -> BadgeInfo | None:
        return self.card.info

    @property
    def template_key(self) -> str:
        return str(self.template.currentData())

    def return_focus(self) -> None:
        self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_buttons(self) -> None:
        # A revoked code's card names the current one: the actions wait for that scan.
        info = self.card.info
        has_guest = info is not None and info.status is BadgeStatus.ACTIVE
        for button in (self.print_button, self.pdf_button, self.reissue_button):
            button.setEnabled(has_guest)
        self.batch_button.setEnabled(self._db is not None)

    # -- looking a code up -----------------------------------------------------------

    def _on_scan_field_return_pressed(self) -> None:
        code = self.scan_field.text().strip()
        chosen = self._chosen_guest() if code and self.matches_model.query == code else None
        self.scan_field.clear()
        if code:
            self.show_code(code, fallback=chosen.badge_code if chosen else "")

    def _on_scan_field_text_changed(self, text: str) -> None:
        day = self.day or (event_today(self._event) if self._event else dt.date.today())
        self.search.schedule(text, day)
        if not text.strip():
            self.matches_model.clear()
            self.stack.setCurrentWidget(self.card)

    def _on_search_answered(self, text: str, found: object) -> None:
        if text != self.scan_field.text().strip():
            return  # the field was cleared (a code shown) meanwhile
        self.matches_model.show_result(text, found)
        count = self.matches_model.rowCount()
        if count:
            self.matches.selectRow(0)
        self.stack.setCurrentWidget(self.matches if count else self.card)
        self.guests_found.emit(count)

    def _on_scan_field_navigated(self, step: int) -> None:
        count = self.matches_model.rowCount()
        if count and self.stack.currentWidget() is self.matches:
            rows = self.matches.selectionModel().selectedRows()
            row = min(max((rows[0].row() if rows else -1) + step, 0), count - 1)
            self.matches.selectRow(row)
            self.matches.scrollTo(self.matches_model.index(row, 0))

    def _chosen_guest(self) -> Guest | None:
        rows = self.matches.selectionModel().selectedRows()
        return self.matches_model.guest_at(rows[0].row()) if rows else None

    def _on_matches_double_clicked(self, index: QModelIndex) -> None:
        guest = self.matches_model.guest_at(index.row())
        if guest is not None:
            self.scan_field.clear()
            self.show_code(guest.badge_code)

    def show_code(self, code: str, new_code: str = "", fallback: str = "") -> None:
        """Look a code up; when no badge has it, the `fallback` code (the guest chosen in
        the list of names) instead."""
        db, day = self._db, self.day
        if db is None:
            return
        self._lookups.append(self._hub.received)
        self._worker.submit(lambda: actions.lookup(db, code, day),
                            on_success=lambda info: self._on_lookup_answered(info, new_code),
                            on_failure=lambda exc: self._on_lookup_failed(code, exc, fallback),
                            context=self)

    def _on_lookup_answered(self, info: BadgeInfo, new_code: str = "") -> None:
        self._lookups.pop(0)  # (the worker answers in order)
        self._new_code = new_code
        self.matches_model.clear()
        self.stack.setCurrentWidget(self.card)
        self.card.show_info(info, new_code)
        if self._again and not self._lookups:
            self._again = False
            self._refresh_card(new_code)  # (a change came meanwhile: this may predate it)
        self._update_buttons()
        self.return_focus()
        self.badge_shown.emit(info)

    def _on_lookup_failed(self, code: str, exc: Exception, fallback: str = "") -> None:
        self._lookups.pop(0)
        if not isinstance(exc, NotFoundError):
            self._worker.task_failed.emit(exc)
            return
        if fallback:
            self.show_code(fallback)
            return
        self.stack.setCurrentWidget(self.card)
        self.card.show_message(self.tr("No badge has the code %1, and no guest is called "
                                       "that.").replace("%1", code))
        self._update_buttons()
        self.return_focus()
        self.code_not_found.emit(code)

    def _refresh_card(self, new_code: str = "") -> None:
        if self.card.info is not None:
            self.show_code(new_code or self.card.info.code, new_code)

    def _on_hub_changed(self, changes: Changes) -> None:
        """The guest on the card changed (a print, a reissue, an admission, here or at
        another desk): the card is looked up again (when shown)."""
        info = self.card.info
        affected = changed_guests(changes)
        if info is None or (affected is not None and info.guest.id not in affected):
            return
        if self._acting and all(c.here for c in changes):
            return  # this page's own print or reissue: its answer shows the card
        if not self.isVisible():
            self._when_shown.mark_stale()
        elif not self._lookups:
            self._refresh_card(self._new_code)
        elif self._lookups[0] < self._hub.received:
            self._again = True  # a look-up asked before the change came: asked again after
        # (else the look-ups on their way were asked after the change: they show it)

    # -- printing --------------------------------------------------------------------

    def _reprint_reason(self, info: BadgeInfo) -> str | None:
        """'' for a first print, the reason for a confirmed reprint, None when not confirmed."""
        if info.prints.count == 0:
            return ""
        return self._ask_reprint_reason(self.card.prints_text(info.prints))

    def _ask_reprint_reason(self, printed: str) -> str | None:
        """The one place the reprint question blocks (tests replace it)."""
        text, ok = QInputDialog.getText(
            self, self.tr("Reprint a badge"),
            self.tr("%1\nPrint it again? Give the reason (lost, damaged…):").replace(
                "%1", printed))
        return text.strip() if ok and text.strip() else None

    def _exec_print_preview(self, dialog: QPrintPreviewDialog) -> bool:
        """The one place the print preview blocks (tests replace it)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def print_badge(self) -> None:
        """Print… : a preview, then the system printer; the print is logged afterwards."""
        info, event, db = self.card.info, self._event, self._db
        if info is None or event is None or db is None:
            return
        reason = self._reprint_reason(info)
        if reason is None:
            return self.return_focus()
        template = self.template_key
        faces = [badge_face(event, info.guest)]
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print badge"))
        failed: list[DeskError] = []
        dialog.paintRequested.connect(
            lambda device: paint_or_save(device, faces, template, failed))
        accepted = self._exec_print_preview(dialog)
        if failed:  # printed to a PDF file that could not be written: nothing is logged
            self._worker.task_failed.emit(failed[0])
        elif accepted:
            guest, desk = info.guest, self.desk
            self._acted(self._worker.submit(
                lambda: actions.record_printed(db, guest, template, desk, reason),
                on_success=self._on_printed, context=self))
        dialog.deleteLater()
        self.return_focus()

    def _acted(self, task: Task) -> None:
        """A print or reissue of this page is on its way: its answer shows the card (the
        change feed's batch of it, which comes first, is left to it)."""
        self._acting += 1
        task.ended.connect(self._on_act_ended)

    def _on_act_ended(self) -> None:
        self._acting -= 1

    def _on_printed(self, before: object) -> None:
        self._refresh_card()
        self.badge_printed.emit(before)

    def _ask_pdf_path(self, suggested: str) -> str | None:
        """The one place the save dialog blocks (tests replace it)."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save badges as PDF"), suggested,
                                              self.tr("PDF files (*.pdf)"))
        return path or None

    def save_pdf(self) -> None:
        info, event, db = self.card.info, self._event, self._db
        if info is None or event is None or db is None:
            return
        reason = self._reprint_reason(info)
        path = self._ask_pdf_path(f"{info.current_code}.pdf") if reason is not None else None
        if path is None or reason is None:
            return self.return_focus()
        guest, template, desk = info.guest, self.template_key, self.desk
        self._acted(self._worker.submit(
            lambda: actions.print_pdf(db, event, [guest], path, template, desk, reason),
            on_success=self._on_pdf_saved, context=self, long_running=True))
        self.return_focus()

    def _on_pdf_saved(self, written: actions.PdfWritten) -> None:
        self._refresh_card()
        self.pdf_saved.emit(written)

    # -- a batch of badges -----------------------------------------------------------

    def _exec_batch_dialog(self, dialog: BadgeBatchDialog) -> bool:
        """The one place the batch dialog blocks (tests replace it)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def batch_pdf(self) -> None:
        if self._event is None or self._db is None:
            return
        dialog = BadgeBatchDialog(self._event, self.template_key, self)
        accepted = self._exec_batch_dialog(dialog)
        choice = dialog.choice()
        dialog.deleteLater()
        path = self._ask_pdf_path("badges.pdf") if accepted else None
        if path is not None:
            self._submit_batch(choice, path, "")

    def _submit_batch(self, choice: actions.BatchChoice, path: str, reason: str) -> None:
        db, event, desk = self._db, self._event, self.desk
        assert db is not None and event is not None
        self._worker.submit(lambda: actions.batch_pdf(db, event, choice, path, desk, reason),
                            on_success=self._on_batch_saved,
                            on_failure=lambda exc: self._on_batch_failed(choice, path, exc),
                            context=self, long_running=True)

    def _on_batch_saved(self, written: actions.PdfWritten) -> None:
        if written.count == 0:
            messages.show_info(self, self.tr("No badge matches that choice; nothing was saved."))
        self._refresh_card()
        self.pdf_saved.emit(written)

    def _on_batch_failed(self, choice: actions.BatchChoice, path: str, exc: Exception) -> None:
        if not isinstance(exc, ReprintNeedsReasonError):
            self._worker.task_failed.emit(exc)
            return
        printed = self.tr("%Ln of these badges were printed before.", "", len(exc.statuses))
        reason = self._ask_reprint_reason(printed)
        if reason:
            self._submit_batch(choice, path, reason)

    # -- reissuing -------------------------------------------------------------------

    def _ask_reissue_reason(self, info: BadgeInfo) -> str | None:
        """The one place the reissue question blocks (tests replace it)."""
        text, ok = QInputDialog.getText(
            self, self.tr("Reissue a badge"),
            self.tr("A new code for %1; badge %2 stops working at once, for good.\n"
                    "Why is the badge reissued?").replace("%1", info.guest.name).replace(
                "%2", info.current_code))
        return text.strip() if ok and text.strip() else None

    def reissue(self) -> None:
        info, db = self.card.info, self._db
        if info is None or db is None:
            return
        reason = self._ask_reissue_reason(info)
        if reason is None:
            return self.return_focus()
        code, desk = info.current_code, self.desk
        self._acted(self._worker.submit(
            lambda: reissue_badge(db, code, reason=reason, desk=desk),
            on_success=self._on_reissued, context=self))
        self.return_focus()

    def _on_reissued(self, reissue: Reissue) -> None:
        self.show_code(reissue.new_code, reissue.new_code)
        self.badge_reissued.emit(reissue)
        messages.exec_box(QMessageBox(
            QMessageBox.Icon.Information, self.tr("Badge reissued"),
            self.tr("New badge code: %1").replace("%1", reissue.new_code),
            QMessageBox.StandardButton.Ok, self))

    # -- Qt --------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Badges"))
        self.scan_field.setPlaceholderText(self.tr("Scan a badge, or type its code or the "
                                                   "guest's name…"))
        self.template_label.setText(self.tr("Template:"))
        self.template.setItemText(0, self.tr("Hanging badge (100 × 140 mm)"))
        self.template.setItemText(1, self.tr("Card (85.6 × 54 mm)"))
        self.print_button.setText(self.tr("Print…"))
        self.pdf_button.setText(self.tr("Save as PDF…"))
        self.reissue_button.setText(self.tr("Reissue…"))
        self.reissue_button.setToolTip(self.tr("Give the guest a new code; the old badge "
                                               "is revoked"))
        self.batch_button.setText(self.tr("Batch PDF…"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # (the card, if it changed while hidden: WhenShown)
        self.return_focus()
