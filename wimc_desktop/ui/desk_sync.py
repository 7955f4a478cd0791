"""The window's side of a desk's sync: starts the background sync (services.sync.runner)
when the open event file is a desk of a hub, and hands its status to the GUI thread.

Pulled rows reach the pages by the change feed (the runner's pulls publish them), so
nothing here refreshes a page; this only tells the status bar online / offline, pending
and last sync.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Signal

from wimc_desktop.db.engine import Database
from wimc_desktop.services.sync import desk
from wimc_desktop.services.sync.runner import DeskSync
from wimc_desktop.ui.worker import Worker


class DeskSyncBridge(QObject):
    """One per window: the sync of the open desk file, if it is one."""

    status_changed = Signal(object)  # desk.DeskStatus, or None: not a desk of a hub
    _status_posted = Signal(object, object)  # (from the sync thread: its DeskSync, status)

    def __init__(self, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._db: Database | None = None
        self._sync: DeskSync | None = None
        self._stopping: list[DeskSync] = []  # asked to stop, perhaps still ending
        self._status_posted.connect(self._on_self_status_posted)
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
            sync: DeskSync | None = None
            sync = DeskSync(db, lambda status: self._status_posted.emit(sync, status))
            self._sync = sync
            sync.start()

    def _on_self_status_posted(self, sync: object, status: object) -> None:
        if sync is self._sync and sync is not None:  # (not a stopped one's last word)
            self.status_changed.emit(status)

    @property
    def running(self) -> DeskSync | None:
        """The sync of the open desk file, if one runs."""
        return self._sync

    def stop(self) -> None:
        """The sync asked to end; this returns at once (the thread ends by itself, when
        the request it is in ends: the window never waits for a hub that hangs)."""
        if self._sync is not None:
            self._sync.stop()
            self._stopping = [s for s in self._stopping if not s.wait(0)] + [self._sync]
            self._sync = None
        self._db = None

    def wait_stopped(self, timeout: float) -> bool:
        """After the window has gone (the app's exit): whether every sync asked to stop has
        ended, waiting at most `timeout` seconds in all."""
        deadline = time.monotonic() + timeout
        for sync in self._stopping:
            sync.wait(max(0.0, deadline - time.monotonic()))
        self._stopping = [s for s in self._stopping if not s.wait(0)]
        return not self._stopping
