"""Searching guests while the operator types: after a pause, on the worker, newest answer only."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from wimc_desktop.db.engine import Database
from wimc_desktop.ui import desk_actions as actions
from wimc_desktop.ui.desk_actions import SearchFilters
from wimc_desktop.ui.worker import Worker

log = logging.getLogger("wimc_desktop.ui")
# Longer than the gap between a scanner's keys (a few ms), shorter than a typist notices.
SEARCH_DELAY_MS = 150


class LiveSearch(QObject):
    """Every new text makes all earlier answers stale; only the newest one is delivered."""

    answered = Signal(str, object)

    def __init__(self, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._db: Database | None = None
        self._text = ""
        self._day = dt.date.today()
        self._filters = SearchFilters()
        self._generation = 0
        self._asked = -1  # the generation on its way to the worker, if any
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self._on_timer_timeout)

    def set_database(self, db: Database) -> None:
        self._db = db
        self.cancel()

    def schedule(self, text: str, day: dt.date, filters: SearchFilters | None = None) -> None:
        """Search for `text` once the typing pauses; an empty text just cancels.

        `filters` stay as they are when not given."""
        self._generation += 1
        self._text, self._day = text.strip(), day
        if filters is not None:
            self._filters = filters
        if self._text:
            self.timer.start()
        else:
            self.timer.stop()

    def cancel(self) -> None:
        self.schedule("", self._day)

    @property
    def generation(self) -> int:
        return self._generation

    def pending_for(self, text: str) -> bool:
        """True while the answer for exactly `text` is still to come (waiting for the
        pause in typing, or asked of the worker)."""
        return bool(self._text) and self._text == text.strip() and (
            self.timer.isActive() or self._asked == self._generation)

    def _on_timer_timeout(self) -> None:
        if not self._text or self._db is None:
            return
        generation, db, text, day = self._generation, self._db, self._text, self._day
        filters = self._filters
        self._asked = generation
        self._worker.submit(lambda: actions.find_guests(db, text, day, filters),
                            on_success=lambda found: self._on_found(generation, text, found),
                            on_failure=self._on_failed, context=self)

    def _on_found(self, generation: int, text: str, found: Any) -> None:
        if self._asked == generation:
            self._asked = -1
        if generation == self._generation:  # else the operator typed on meanwhile
            self.answered.emit(text, found)

    def _on_failed(self, exc: Exception) -> None:
        self._asked = -1
        # A failed live search must not put a dialog in front of the scanner.
        log.error("search failed", exc_info=(type(exc), exc, exc.__traceback__))
