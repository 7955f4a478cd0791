"""The live counts of the working day (admitted / expected), asked on the worker."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QObject, QTimer, Signal

from wimc_desktop.db.engine import Database
from wimc_desktop.ui import desk_actions as actions
from wimc_desktop.ui.worker import Worker

log = logging.getLogger("wimc_desktop.ui")
# Other desks' admissions show up within this, even when this desk is idle.
INTERVAL_MS = 10_000


class LiveCounts(QObject):
    """At most one count on the worker at a time; a count asked meanwhile runs right after.

    The admitted count is asked after every admission; the expected count (a scan of the
    whole guest list) only on the timer and when the caller says it may have changed.
    """

    counted = Signal(object)

    def __init__(self, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._db: Database | None = None
        self._day = dt.date.today()
        self._running = False
        self._again = False
        self._expected: int | None = None
        self._recount_expected = True
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self._on_timer_timeout)

    def start(self, db: Database) -> None:
        """Count for another event database from now on (the first refresh asks)."""
        self._db, self._expected, self._recount_expected = db, None, True
        self.timer.start()

    def stop(self) -> None:
        """No more counting (the window closed): the timer stops, a count asked is dropped."""
        self.timer.stop()
        self._db = None

    def refresh(self, day: dt.date, *, expected: bool = False) -> None:
        """Count again for `day`; `expected`: the number of expected guests may have changed."""
        self._day = day
        self._recount_expected |= expected
        if self._db is None:
            return
        if self._running:  # the count on its way may predate what changed: count again
            self._again = True
            return
        known = None if self._recount_expected else self._expected
        self._running, self._again, self._recount_expected = True, False, False
        db = self._db
        self._worker.submit(lambda: actions.desk_counts(db, day, known),
                            on_success=self._on_counted, on_failure=self._on_failed,
                            context=self)

    def _on_timer_timeout(self) -> None:
        self.refresh(self._day, expected=True)

    def _on_counted(self, counts: actions.DeskCounts) -> None:
        self._running = False
        self._expected = counts.expected
        if counts.day == self._day:
            self.counted.emit(counts)
        if self._again or counts.day != self._day:
            self.refresh(self._day)

    def _on_failed(self, exc: Exception) -> None:
        self._running, self._recount_expected = False, True
        log.error("counting failed", exc_info=(type(exc), exc, exc.__traceback__))
