"""The window's side of a desk's sync: starts the background sync (services.sync.runner)
when the open event file is a desk of a hub, and hands its status to the GUI thread.

Pulled rows reach the pages by the change feed (the runner's pulls publish them), so
nothing here refreshes a page; this only tells the status bar online / offline, pending
and last sync.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from wimc_desktop.db.engine import Database
from wimc_desktop.services.sync import desk
from wimc_desktop.services.sync.runner import DeskSync
from wimc_desktop.ui.worker import Worker


class DeskSyncBridge(QObject):
    """One per window: the sync of the open desk file, if it is one."""

    status_changed = Signal(object)  # desk.DeskStatus, or None: not a desk of a hub
    _status_posted = Signal(object)  # (from the sync thread)

    def __init__(self, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._db: Database | None = None
        self._sync: DeskSync | None = None
        self._status_posted.connect(self.status_changed)
        worker.shutting_down.connect(self.stop)

    def set_database(self, db: Database) -> None:
        if db is self._db:
            return
        self.stop()
        self._db = db
        self._worker.submit(lambda: desk.status(db) if db.is_desk() else None,
                            on_success=lambda found: self._on_desk_found(db, found),
                            context=self)

    def _on_desk_found(self, db: Database, found: object) -> None:
        if db is not self._db:
            return
        self.status_changed.emit(found)
        if isinstance(found, desk.DeskStatus):
            self._sync = DeskSync(db, self._status_posted.emit)
            self._sync.start()

    def stop(self) -> None:
        if self._sync is not None:
            self._sync.stop()
            self._sync = None
        self._db = None
