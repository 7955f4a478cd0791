"""Printing a badge when the desk admits a guest (off / first admission only / always)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrinter

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.badges import (
    TEMPLATES,
    BadgeFace,
    PrintAtCheckIn,
    PrintOutput,
    badge_face,
    should_print_at_checkin,
)
from wimc_desktop.domain.checkin import CheckInResult, Desk
from wimc_desktop.domain.models import Event
from wimc_desktop.render.badge import paint_pages
from wimc_desktop.services import badges
from wimc_desktop.ui.settings import DeskSettings
from wimc_desktop.ui.worker import Worker

TEMPLATE = "hanging"


def _decide(db: Database, setting: PrintAtCheckIn, result: CheckInResult) -> bool:
    first = badges.is_first_admission(db, result)
    return should_print_at_checkin(setting, result, first_of_event=first)


class CheckInPrinter(QObject):
    """Watches the desk's admissions and sends the badges the setting asks for to print."""

    badge_sent = Signal(object)  # the CheckInResult whose badge went to the printer

    def __init__(self, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._settings = DeskSettings()
        self._db: Database | None = None
        self._event: Event | None = None
        self.desk = Desk("", "")

    @property
    def setting(self) -> PrintAtCheckIn:
        try:
            return PrintAtCheckIn(self._settings.print_at_checkin)
        except ValueError:
            return PrintAtCheckIn.OFF

    def set_setting(self, setting: PrintAtCheckIn) -> None:
        self._settings.print_at_checkin = setting.value

    def set_database(self, db: Database, event: Event) -> None:
        self._db, self._event = db, event

    def set_desk(self, desk: Desk) -> None:
        self.desk = desk

    def on_admission_shown(self, result: CheckInResult) -> None:
        """Slot for CheckInPage.outcome_shown: decide on the worker, print on the GUI."""
        setting, db = self.setting, self._db
        if setting is PrintAtCheckIn.OFF or db is None or result.guest is None:
            return
        self._worker.submit(lambda: _decide(db, setting, result),
                            on_success=lambda yes: self._print_if(yes, result), context=self)

    def _print_if(self, wanted: bool, result: CheckInResult) -> None:
        if not wanted or result.guest is None or self._event is None or self._db is None:
            return
        self._send_to_printer([badge_face(self._event, result.guest)])
        db, guest_id, desk = self._db, result.guest.id, self.desk
        # A badge printed before (a returning guest with "always") is logged as a reprint.
        self._worker.submit(lambda: badges.record_prints(
            db, [guest_id], desk, TEMPLATE, PrintOutput.PRINTER, "printed at check-in"),
            context=self)
        self.badge_sent.emit(result)

    def _send_to_printer(self, faces: Sequence[BadgeFace]) -> None:
        """The system's default printer, no dialog: the queue must not wait (tests replace it)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        paint_pages(printer, faces, TEMPLATES[TEMPLATE])
