"""The status bar's figures (admitted on the working day / expected, guests on the list),
counted on the worker whenever the change feed says they may differ."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QObject, Signal

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.changes import ChangeKind, Changes, kinds
from wimc_desktop.ui import desk_actions as actions
from wimc_desktop.ui.change_hub import ChangeHub
from wimc_desktop.ui.worker import Worker

log = logging.getLogger("wimc_desktop.ui")
# The kinds of change that may move the admitted count, and those that may change the
# guest list (how many guests, how many expected on site: a walk-in, an online guest
# admitted, an import).
ADMISSION_KINDS = {ChangeKind.CHECKIN}
LIST_KINDS = {ChangeKind.GUEST, ChangeKind.IMPORT, ChangeKind.EVENT}


class LiveCounts(QObject):
    """At most one count on the worker at a time; a count asked meanwhile runs right after.

    It follows the change hub itself (this desk's writes, other processes' and desks'),
    whatever page is in front: the admitted count after every admission or undo, the
    list's counts (a scan of the whole guest list) only after a change that may alter
    them, or when the caller says so.
    """

    counted = Signal(object)  # actions.DeskCounts

    def __init__(self, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._db: Database | None = None
        self._day = dt.date.today()
        self._running = False
        self._again = False
        self._list: tuple[int, int] | None = None  # the last (guests, expected)
        self._recount_list = True
        self._hub = ChangeHub.of(worker)
        self._hub.changed.connect(self._on_hub_changed)

    def start(self, db: Database, listed: tuple[int, int] | None = None) -> None:
        """Count for another event database from now on (the first refresh asks);
        `listed`: its (guests, expected) just counted, not counted again until a change."""
        self._db, self._list, self._recount_list = db, listed, listed is None
        self._hub.set_database(db)

    def stop(self) -> None:
        """No more counting (the window closed): a count asked is dropped."""
        self._db = None

    @property
    def active(self) -> bool:
        return self._db is not None

    def refresh(self, day: dt.date, *, expected: bool = False) -> None:
        """Count again for `day`; `expected`: the guest list may have changed (its counts
        are taken again)."""
        self._day = day
        self._recount_list |= expected
        if self._db is None:
            return
        if self._running:  # the count on its way may predate what changed: count again
            self._again = True
            return
        known = None if self._recount_list else self._list
        self._running, self._again, self._recount_list = True, False, False
        db = self._db
        self._worker.submit(lambda: actions.desk_counts(db, day, known),
                            on_success=self._on_counted, on_failure=self._on_failed,
                            context=self)

    def _on_hub_changed(self, changes: Changes) -> None:
        """Any desk's admissions, undos, walk-ins, imports: counted again."""
        changed = kinds(changes)
        if self._db is not None and changed & (ADMISSION_KINDS | LIST_KINDS):
            self.refresh(self._day, expected=bool(changed & LIST_KINDS))

    def _on_counted(self, counts: actions.DeskCounts) -> None:
        self._running = False
        self._list = (counts.guests, counts.expected)
        if counts.day == self._day:
            self.counted.emit(counts)
        if self._again or counts.day != self._day:
            self.refresh(self._day)

    def _on_failed(self, exc: Exception) -> None:
        self._running, self._recount_list = False, True
        log.error("counting failed", exc_info=(type(exc), exc, exc.__traceback__))
