"""The check-in desk: scanner first, a large outcome banner, live name search, undo, walk-ins.

A scanner's burst is recognised by the application wherever the focus is
(ui.scanner_filter) and comes here as admit_scanned(code): it never passes through a
text field. The Enter rule of the scan field (a person typing), kept simple so that the
desk is predictable; Enter admits only what the clerk chose:

1. Enter on an empty field does nothing (a stray Enter).
2. A guest the clerk moved to (↑/↓) or clicked in the list answering exactly the text
   in the field is admitted, whatever else the text is (the last four digits of a
   phone may be another guest's numeric badge code).
3. Otherwise the text is tried as a badge code first (check_in). A code some guest
   holds decides alone: admitted, already checked in, revoked, not an event day.
4. Only when no guest holds that code, and the search list on show answers exactly
   the text in the field: the only guest matching. With several matches and none
   chosen nobody is admitted, the text stays and the list says to choose one. A list
   still being searched for is not guessed at: the text stays, and the list shows when
   it comes (Enter again admits from it).
5. Otherwise the banner says the code is unknown (or that nothing matches the name).

From the moment an admission is asked for, the banner shows that one (checking, then
its outcome), never the previous guest's; an admission that meets a busy database is
tried again for a few seconds under a "waiting for the database" banner, then shown as
not done. The field clears itself and keeps the focus after every action. Searching
waits for a short pause in typing, and an answer older than the newest text is dropped.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.changes import ChangeKind, Changes, kinds
from wimc_desktop.domain.checkin import CheckInResult, Desk, Outcome
from wimc_desktop.domain.models import Event, Guest
from wimc_desktop.ui import desk_actions as actions
from wimc_desktop.ui.change_hub import ChangeHub, WhenShown
from wimc_desktop.ui.checkin_banner import IDLE, CheckInBanner
from wimc_desktop.ui.desk_actions import SearchFilters
from wimc_desktop.ui.live_counts import LiveCounts
from wimc_desktop.ui.live_search import LiveSearch
from wimc_desktop.ui.recent_admissions_panel import RecentAdmissionsPanel
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.scan_field import ScanField
from wimc_desktop.ui.search_results_panel import SearchResultsPanel
from wimc_desktop.ui.walk_in_dialog import WalkInDialog
from wimc_desktop.ui.worker import Worker
from wimc_desktop.ui.working_day import WorkingDayChooser

BANNER, RESULTS = 0, 1
WAIT_NOTICE_MS = 400  # an answer later than this: the banner says it waits for the database
RETRY_WINDOW_S = 8.0  # a busy database is tried again this long (each try waits 5 s itself)
RETRY_PAUSE_MS = 250
MISSED_SHOWN = 6  # the latest scans not admitted that the list names (the rest counted)


# The kinds of change the desk's lists (recent admissions, the matches) show.
WATCHED = {ChangeKind.CHECKIN, ChangeKind.GUEST, ChangeKind.BADGE, ChangeKind.IMPORT,
           ChangeKind.EVENT}


class CheckInPage(Retranslating, QWidget):
    """The page; every database call goes through the worker, in order."""

    outcome_shown = Signal(object)  # every admission's answer (on the banner if the latest)
    choice_needed = Signal(int)  # Enter with this many matches and none chosen
    admission_not_done = Signal(str)  # the database stayed busy; the code was not admitted
    walk_in_admitted = Signal(object)
    admission_undone = Signal(object)
    counts_refreshed = Signal(object)
    recent_listed = Signal(int)
    search_answered = Signal(int)
    day_changed = Signal(object)

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._db: Database | None = None
        self._event: Event | None = None
        self.desk = Desk("", "")
        self._undone: set[str] = set()
        self._latest = 0  # the number of the latest admission asked for
        self._waiting: tuple[int, str] | None = None  # (number, code) without an answer yet
        self.retry_window_s = RETRY_WINDOW_S
        self._walk_in: WalkInDialog | None = None
        self._scans: set[int] = set()  # the numbers of admissions asked for by a scanner
        self._lists = WhenShown(self, self._refresh_lists)  # (hidden: asked when shown)
        # Scans not admitted whose outcome a later scan took off the banner (or never
        # reached it): code -> (who, why), until cleared or answered again.
        self._missed: dict[str, tuple[str, Outcome | None]] = {}
        self.missed = QFrame()
        self.missed_label = QLabel()
        self.missed_clear = QPushButton()
        self.wait_timer = QTimer(self)
        self.wait_timer.setSingleShot(True)
        self.wait_timer.setInterval(WAIT_NOTICE_MS)
        self.filter_chip = QPushButton()
        self.notice = QLabel()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.day_chooser = WorkingDayChooser()
        self.walk_in_button = QPushButton()
        self.scan_field = ScanField()
        self.banner = CheckInBanner()
        self.results = SearchResultsPanel()
        self.stack = QStackedWidget()
        self.recent = RecentAdmissionsPanel()
        self.search = LiveSearch(worker, self)
        self.counts = LiveCounts(worker, self)
        self._hub = ChangeHub.of(worker)
        self._build()
        self._connect_signals()
        self.retranslate_ui()

    def _build(self) -> None:
        self.walk_in_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.walk_in_button.setObjectName("walkInButton")
        # A scan comes through admit_scanned, even into this field: whatever was typed
        # there before it does not spoil the code.
        self.scan_field.takes_scans = False
        self.filter_chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.filter_chip.setObjectName("filterChip")
        self.filter_chip.hide()
        self.notice.setObjectName("deskNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.missed.setObjectName("missedScans")
        self.missed_label.setObjectName("missedScansText")
        self.missed_label.setWordWrap(True)
        self.missed_label.setTextFormat(Qt.TextFormat.PlainText)
        self.missed_clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        missed_row = QHBoxLayout(self.missed)
        missed_row.setContentsMargins(10, 6, 6, 6)
        missed_row.addWidget(self.missed_label, 1)
        missed_row.addWidget(self.missed_clear, 0, Qt.AlignmentFlag.AlignTop)
        self.missed.hide()
        self.stack.addWidget(self.banner)
        self.stack.addWidget(self.results)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.day_chooser)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_field, 1)
        scan_row.addWidget(self.filter_chip)
        scan_row.addWidget(self.walk_in_button)
        self.walk_in_button.setSizePolicy(self.walk_in_button.sizePolicy().horizontalPolicy(),
                                          QSizePolicy.Policy.Expanding)
        left = QVBoxLayout()
        left.addLayout(scan_row)
        left.addWidget(self.notice)
        left.addWidget(self.missed)
        left.addWidget(self.stack, 1)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addSpacing(12)
        body.addWidget(self.recent, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(header)
        layout.addWidget(self.day_chooser.notice)
        layout.addLayout(body, 1)

    def _connect_signals(self) -> None:
        self.scan_field.returnPressed.connect(self._on_scan_field_return_pressed)
        self.scan_field.textChanged.connect(self._on_scan_field_text_changed)
        self.scan_field.navigated.connect(self.results.move_highlight)
        self.scan_field.undo_requested.connect(self.undo_last)
        self.search.answered.connect(self._on_search_answered)
        self.results.filters.changed.connect(self._on_results_filters_changed)
        self.counts.counted.connect(self.counts_refreshed)
        self.results.guest_activated.connect(self._on_results_guest_activated)
        self.banner.undo_requested.connect(self.undo_admission)
        self.recent.undo_chosen.connect(self.undo_admission)
        self.walk_in_button.clicked.connect(self.open_walk_in)
        self.day_chooser.day_chosen.connect(self._on_day_chooser_day_chosen)
        self.filter_chip.clicked.connect(self._on_filter_chip_clicked)
        self.wait_timer.timeout.connect(self._on_wait_timer_timeout)
        self.missed_clear.clicked.connect(self._on_missed_clear_clicked)
        self._hub.changed.connect(self._on_hub_changed)

    # -- the event, the desk and the day ---------------------------------------------

    def set_database(self, db: Database, event: Event, *,
                     listed: tuple[int, int] | None = None) -> None:
        """`listed`: the event's (guests, expected) just counted (the live counts' first
        count does not count them again)."""
        self._db, self._event = db, event
        self.banner.set_event(event)
        self.results.set_event(event)
        self.recent.set_event(event)
        self.search.set_database(db)
        self.day_chooser.set_event(event)
        self.scan_field.clear()
        self._hub.set_database(db)
        self.counts.start(db, listed)
        self.refresh()
        self.day_changed.emit(self.day)

    def set_desk(self, desk: Desk) -> None:
        self.desk = desk
        self.recent.forget_choice()
        self.refresh()

    @property
    def day(self) -> dt.date:
        return self.day_chooser.day

    def choose_day(self, day: dt.date) -> None:
        self.day_chooser.choose(day)

    def _on_day_chooser_day_chosen(self, day: dt.date) -> None:
        self.banner.show_idle()
        self.recent.forget_choice()
        self.refresh()
        self.day_changed.emit(day)
        self.return_focus()

    def return_focus(self) -> None:
        self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- scanning and searching ------------------------------------------------------

    def admit_scanned(self, code: str) -> None:
        """A scanner's burst, recognised wherever the focus was (ui.scanner_filter).

        The scan wins over whatever was being typed in the scan field; a walk-in dialog
        that has done its work is closed (one still being filled in stays open, and the
        scan is admitted behind it)."""
        if self._walk_in is not None and self._walk_in.check_in_result is not None:
            self._walk_in.close()
        if self._db is None or self._event is None:
            return
        self.scan_field.clear()
        db, event, day, desk, nonce = self._db, self._event, self.day, self.desk, uuid.uuid4().hex
        self._admit(lambda: actions.admit(db, code, chosen_guest_id=None, day=day, desk=desk,
                                          event=event, nonce=nonce), code)
        self._scans.add(self._latest)

    def _on_scan_field_return_pressed(self) -> None:
        text = self.scan_field.text().strip()
        if not text or self._db is None or self._event is None:
            return
        answered = self.results.answers(text)
        chosen = self.results.chosen_guest() if answered else None
        if chosen is not None and self.results.clerk_chose:
            # The guest the clerk moved to or clicked, even when the text is also some
            # other guest's badge code (a phone's last four digits, a numeric code).
            self._on_results_guest_activated(chosen)
            return
        # Several matches, none chosen: only an exact badge code may still admit.
        must_choose = answered and chosen is None and self.results.several_match()
        # The list for this text is still on its way: only an exact badge code admits
        # now, and the text stays for the list (a name cleared away with "no guest
        # matches" sent clerks to register a walk-in: a second guest).
        listing = not answered and self.search.pending_for(text)
        if not (must_choose or listing):
            self.scan_field.clear()
        db, event, day, desk, nonce = self._db, self._event, self.day, self.desk, uuid.uuid4().hex
        chosen_id = chosen.id if chosen else None
        name_search = must_choose or listing or (answered and chosen is not None)
        self._admit(lambda: actions.admit(db, text, chosen_guest_id=chosen_id, day=day,
                                          desk=desk, event=event, nonce=nonce,
                                          name_search=name_search),
                    text, must_choose=must_choose, listing=listing)

    def _on_results_guest_activated(self, guest: Guest) -> None:
        if self._db is None:
            return
        self.scan_field.clear()
        db, day, desk, nonce = self._db, self.day, self.desk, uuid.uuid4().hex
        self._admit(lambda: actions.admit_guest(db, guest.id, day=day, desk=desk,
                                                nonce=nonce), guest.badge_code)
        self.return_focus()

    def _admit(self, request: Callable[[], CheckInResult], code: str, *,
               must_choose: bool = False, listing: bool = False) -> None:
        """Ask for an admission on the worker; from now on the banner is about this one."""
        self._latest += 1
        number, deadline = self._latest, time.monotonic() + self.retry_window_s
        self.notice.hide()
        if not must_choose:
            self.stack.setCurrentIndex(BANNER)
            self.banner.show_checking(code)
            self._waiting = (number, code)
            self.wait_timer.start()
        self._try_admission(request, code, number, deadline, must_choose, listing)

    def _try_admission(self, request: Callable[[], CheckInResult], code: str, number: int,
                       deadline: float, must_choose: bool, listing: bool = False) -> None:
        self._worker.submit(
            request,
            on_success=lambda result: self._on_admission_answered(result, number, code,
                                                                  must_choose, listing),
            on_failure=lambda exc: self._on_admission_failed(exc, request, code, number,
                                                             deadline, must_choose, listing),
            context=self, at_desk=True)

    def _on_admission_failed(self, exc: Exception, request: Callable[[], CheckInResult],
                             code: str, number: int, deadline: float,
                             must_choose: bool, listing: bool = False) -> None:
        if actions.is_busy(exc) and time.monotonic() < deadline:
            if number == self._latest and not must_choose:
                self.banner.show_waiting(code)
            QTimer.singleShot(RETRY_PAUSE_MS, self, lambda: self._try_admission(
                request, code, number, deadline, must_choose, listing))
            return
        self._stop_waiting(number)
        scanned = number in self._scans
        self._scans.discard(number)
        if not actions.is_busy(exc):
            if number == self._latest and not must_choose:
                self.banner.show_idle()
            self._worker.task_failed.emit(exc)
            return
        # Never dropped in silence, even when a later scan has the banner already (or
        # takes it a moment later): the list of scans not admitted keeps it.
        self._remember_missed(code, code, None)
        self.stack.setCurrentIndex(BANNER)
        self.banner.show_not_done(code)
        self.return_focus()
        if scanned:
            self._echo_over_dialog()
        self.admission_not_done.emit(code)

    def _echo_over_dialog(self) -> None:
        """A scan admitted behind a dialog (which stays open): the banner's words show over
        the dialog too, where the clerk looks."""
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            return
        lines = [self.banner.headline.text(), self.banner.name.text()]
        where = dialog.mapToGlobal(QPoint(dialog.width() // 3, dialog.height() - 90))
        QToolTip.showText(where, "\n".join(line for line in lines if line), dialog)

    def _stop_waiting(self, number: int) -> None:
        if self._waiting is not None and self._waiting[0] == number:
            self._waiting = None
            self.wait_timer.stop()

    def _on_wait_timer_timeout(self) -> None:
        if self._waiting is not None and self._waiting[0] == self._latest:
            self.banner.show_waiting(self._waiting[1])

    def _on_admission_answered(self, result: CheckInResult, number: int = 0, text: str = "",
                               must_choose: bool = False, listing: bool = False) -> None:
        self._stop_waiting(number)
        scanned = number in self._scans
        self._scans.discard(number)
        if must_choose and result.outcome == Outcome.UNKNOWN_CODE:
            self.results.ask_for_a_choice()
            self.stack.setCurrentIndex(RESULTS)
            self.return_focus()
            self.choice_needed.emit(self.results.model.total)
            return
        unknown_name = listing and result.outcome == Outcome.UNKNOWN_CODE
        if (must_choose or listing) and not unknown_name and (
                self.scan_field.text().strip() == text):
            self.scan_field.clear()  # it was an exact badge code after all
        self._forget_missed(result)
        if (number not in (0, self._latest) and result.outcome != Outcome.ADMITTED
                and not unknown_name):
            # Refused while a later scan has the banner: the clerk never saw it there.
            who = result.guest.name if result.guest else result.code
            self._remember_missed(result.code, who, result.outcome)
        if number in (0, self._latest):
            self.show_outcome(result)
            if scanned:
                self._echo_over_dialog()
            if unknown_name and self.results.answers(self.scan_field.text().strip()):
                self.stack.setCurrentIndex(RESULTS)  # the list came first: it is the answer
        else:  # a later admission has the banner; this one goes to the list (and printer)
            self.outcome_shown.emit(result)
        if result.outcome == Outcome.ADMITTED:
            # (the lists and counts refresh from the change feed, as for any desk's)
            self.results.filters.reset()  # the next guest is searched among everyone

    def show_outcome(self, result: CheckInResult) -> None:
        self.stack.setCurrentIndex(BANNER)
        self.banner.show_result(result)
        self.return_focus()
        self.outcome_shown.emit(result)

    def _on_scan_field_text_changed(self, text: str) -> None:
        self.search.schedule(text, self.day, self.results.filters.filters())
        if not text.strip():
            self.results.clear()
            self.stack.setCurrentIndex(BANNER)

    def _on_results_filters_changed(self, filters: SearchFilters) -> None:
        self.search.schedule(self.scan_field.text(), self.day, filters)
        self._show_filters()
        self.return_focus()

    # -- scans not admitted, kept in view ------------------------------------------------

    def _remember_missed(self, code: str, who: str, outcome: Outcome | None) -> None:
        self._missed.pop(code, None)
        self._missed[code] = (who, outcome)
        self._show_missed()

    def _forget_missed(self, result: CheckInResult) -> None:
        codes = {result.code, result.guest.badge_code if result.guest else ""}
        if any(self._missed.pop(code, None) for code in codes if code in self._missed):
            self._show_missed()

    def _on_missed_clear_clicked(self) -> None:
        self._missed.clear()
        self._show_missed()
        self.return_focus()

    def missed_codes(self) -> list[str]:
        return list(self._missed)

    def _missed_reason(self, outcome: Outcome | None) -> str:
        if outcome is None:
            return self.tr("the database was busy: scan again")
        return {Outcome.ALREADY_CHECKED_IN: self.tr("already checked in"),
                Outcome.UNKNOWN_CODE: self.tr("unknown badge code"),
                Outcome.BADGE_REVOKED: self.tr("badge revoked"),
                Outcome.NOT_EVENT_DAY: self.tr("not a day of this event")}.get(outcome, "")

    def _show_missed(self) -> None:
        entries = list(self._missed.items())
        self.missed.setVisible(bool(entries))
        if not entries:
            return
        shown = [self.tr("%1 (%2)").replace("%1", who if who == code else f"{who} {code}")
                 .replace("%2", self._missed_reason(outcome))
                 for code, (who, outcome) in entries[-MISSED_SHOWN:]]
        if len(entries) > MISSED_SHOWN:
            shown.insert(0, self.tr("%1 more").replace("%1",
                                                       str(len(entries) - MISSED_SHOWN)))
        self.missed_label.setText(
            self.tr("Scans not admitted: %1")
            .replace("%1", self.tr("; ").join(shown)))

    def _on_filter_chip_clicked(self) -> None:
        self.results.filters.reset()
        self.return_focus()

    def _show_filters(self) -> None:
        """Filters that are on show on the search box itself, not only above the list."""
        active = self.results.filters.active()
        self.filter_chip.setVisible(bool(active))
        self.filter_chip.setText(self.tr("Filtered: %1  ✕").replace("%1", " · ".join(active)))
        self.filter_chip.setToolTip(self.tr("The name search shows only guests matching "
                                            "these filters. Click to search everyone."))
        if active:
            self.scan_field.setPlaceholderText(
                self.tr("Scan a badge or type a name (filtered: %1)…")
                .replace("%1", ", ".join(active)))
        else:
            self.scan_field.setPlaceholderText(self.tr("Scan a badge or type a name…"))

    def _on_search_answered(self, text: str, found: object) -> None:
        self.results.show_result(text, found)
        self.stack.setCurrentIndex(RESULTS)
        self.search_answered.emit(self.results.model.rowCount())

    # -- undo ------------------------------------------------------------------------

    def undo_last(self) -> None:
        """Ctrl+Z: the admission on the banner; with nothing on the banner yet (idle), the
        newest one of this desk today. Never a guest the banner does not show: while a scan
        is checked or waited for, after a refusal or after an undo (a second Ctrl+Z), the
        guest undone would be one the clerk is not looking at."""
        if self.banner.admission is not None:
            result = self.banner.result
        elif self.banner.state == IDLE:
            result = next((r for r in self.recent.results()
                           if r.checkin and r.checkin.id not in self._undone), None)
        else:
            self._say(self.tr("Nothing was undone: the banner shows no admission to undo. "
                              "To undo an earlier one, choose it in the list of last "
                              "admissions and click “Undo the selected admission”."))
            self.return_focus()
            return
        if result is not None:
            self.undo_admission(result)

    def undo_admission(self, result: CheckInResult) -> None:
        """Free for its own operator within 2 minutes; otherwise only with a reason."""
        record, db, desk = result.checkin, self._db, self.desk
        if record is None or db is None or record.id in self._undone:
            return
        reason = ""
        if actions.needs_undo_reason(record, desk):
            asked = self._ask_undo_reason(result)
            reason = asked or ""
            if not reason:
                if asked is not None:  # OK with no reason: say why nothing happened
                    self._say(self.tr("Nothing was undone: undoing an admission made by "
                                      "someone else or more than 2 minutes ago needs a "
                                      "reason."))
                self.return_focus()
                return
        self._undone.add(record.id)
        self._try_undo(result, lambda: actions.undo(db, record.id, desk, reason),
                       time.monotonic() + self.retry_window_s)
        self.return_focus()

    def _try_undo(self, result: CheckInResult, request: Callable[[], object],
                  deadline: float) -> None:
        """Like an admission, an undo waits for a busy database a few seconds (it was
        shown as a bug, "something went wrong inside WIMC Desk")."""
        self._worker.submit(request,
                            on_success=lambda _: self._on_admission_undone(result),
                            on_failure=lambda exc: self._on_undo_failed(result, exc, request,
                                                                        deadline),
                            context=self, at_desk=True)

    def _ask_undo_reason(self, result: CheckInResult) -> str | None:
        """The one place the reason dialog blocks (tests replace it)."""
        name = result.guest.name if result.guest else result.code
        text, ok = QInputDialog.getText(
            self, self.tr("Undo an admission"),
            self.tr("%1 was admitted by someone else or more than 2 minutes ago. Why is the "
                    "admission undone?").replace("%1", name))
        return text.strip() if ok else None

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.show()

    def _on_admission_undone(self, result: CheckInResult) -> None:
        self.notice.hide()
        self.stack.setCurrentIndex(BANNER)
        self.banner.show_undone(result)  # (lists and counts: from the change feed)
        self.return_focus()
        self.admission_undone.emit(result)

    def _on_undo_failed(self, result: CheckInResult, exc: Exception,
                        request: Callable[[], object], deadline: float) -> None:
        name = result.guest.name if result.guest else result.code
        if actions.is_busy(exc) and time.monotonic() < deadline:
            self._say(self.tr("Waiting for the database to undo the admission of %1…")
                      .replace("%1", name))
            QTimer.singleShot(RETRY_PAUSE_MS, self,
                              lambda: self._try_undo(result, request, deadline))
            return
        if result.checkin is not None:
            self._undone.discard(result.checkin.id)
        if actions.is_busy(exc):
            self._say(self.tr("Nothing was undone: another program kept the event database "
                              "busy. %1 is still admitted; undo it again.")
                      .replace("%1", name))
            return
        self._worker.task_failed.emit(exc)

    # -- walk-ins --------------------------------------------------------------------

    def _make_walk_in_dialog(self) -> WalkInDialog:
        assert self._db is not None and self._event is not None
        return WalkInDialog(self._worker, self._db, self._event, self.day, self.desk, self)

    def open_walk_in(self) -> WalkInDialog | None:
        if self._db is None:
            return None
        dialog = self._make_walk_in_dialog()
        dialog.walk_in_registered.connect(self._on_walk_in_dialog_walk_in_registered)
        dialog.finished.connect(self._on_walk_in_dialog_finished)
        self._walk_in = dialog
        dialog.open()
        return dialog

    def _on_walk_in_dialog_walk_in_registered(self, result: CheckInResult) -> None:
        self._latest += 1
        self._on_admission_answered(result, self._latest)
        self.walk_in_admitted.emit(result)

    def _on_walk_in_dialog_finished(self, _code: int) -> None:
        dialog = self.sender()
        if isinstance(dialog, WalkInDialog):
            dialog.deleteLater()
            if dialog is self._walk_in:
                self._walk_in = None
        self.activateWindow()
        self.return_focus()

    # -- the desk's lists and counts -------------------------------------------------

    def refresh(self, *, expected: bool = False) -> None:
        """The recent admissions of this desk and the live counts, asked again.

        `expected`: the number of guests expected on site may have changed too.
        """
        if self._db is None:
            return
        self._list_recent()
        self.counts.refresh(self.day, expected=expected)

    def _list_recent(self) -> None:
        if self._db is None:
            return
        db, day, desk = self._db, self.day, self.desk
        self._worker.submit(lambda: actions.recent(db, day, desk),
                            on_success=self._on_recent_listed, context=self)

    def _on_hub_changed(self, changes: Changes) -> None:
        """Any desk's admissions, undos, walk-ins, imports: the recent admissions asked
        again and the shown matches searched again (hidden: when shown). The live counts
        (the status bar's) follow the hub themselves."""
        if kinds(changes) & WATCHED:
            self._lists.request()

    def _refresh_lists(self) -> None:
        self._list_recent()
        text = self.scan_field.text().strip()
        if text and self.stack.currentIndex() == RESULTS:
            self.search.schedule(text, self.day)

    def _on_recent_listed(self, results: list[CheckInResult]) -> None:
        self.recent.set_results(results)
        self.recent_listed.emit(len(results))

    # -- Qt --------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Check-in desk"))
        self._show_filters()
        self.scan_field.setToolTip(self.tr("A badge code, or part of a name (Hanzi, pinyin, "
                                           "initials), organization, phone number or e-mail"))
        self.walk_in_button.setText(self.tr("Walk-in…"))
        self.missed_clear.setText(self.tr("Clear"))
        self.missed_clear.setToolTip(self.tr("These guests have been told: clear the list"))
        self._show_missed()
        self.walk_in_button.setToolTip(self.tr("Register a guest who is not on the list, "
                                               "give them a badge code and admit them"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # (the lists, if changes came while hidden: WhenShown)
        self.return_focus()
