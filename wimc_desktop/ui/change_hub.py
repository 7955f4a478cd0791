"""The one signal hub of the change feed: every page refreshes from its `changed` signal.

It hears the open database's change feed (this process's writes, on the worker thread, at
their commit) and polls it for other processes' and desks' changes (db.poll_changes on the
worker, every POLL_MS, skipping a beat while the worker is busy); changes that reach the
desk by other means enter with post(). Changes are gathered for COALESCE_MS and given
to the pages as one batch: a burst of 50 scans at another desk is one or two refreshes.
While other desks' changes keep coming (a desk of a hub pulls them every 0.3 s), a batch
of them is given at most every OTHERS_GAP_MS: each batch costs the worker the desk's
lists and counts read again, and a scan at this desk shares the worker and the CPU with
those reads.
This desk's own writes (one user action at a time) are given once the answer of the task
that made them has been handled and what it changed on screen painted (a scan's banner
does not wait for the lists' refresh, nor share the worker with it while it paints), before
anything the user does next.

There is one hub per worker (the app has one of each): ChangeHub.of(worker), a child of
the worker, so pages made by themselves (in tests) hear changes too. A page refreshes
through WhenShown: at once while shown, else when it is shown next (a hidden page reads
nothing).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.changes import Change, ChangeKind, Changes, coalesced
from wimc_desktop.ui.worker import Worker

log = logging.getLogger("wimc_desktop.ui")
# Other processes' changes show within POLL_MS + a poll + COALESCE_MS + a page's reload:
# well inside the 2 s the desk promises.
POLL_MS = 500
COALESCE_MS = 120
# Batches of changes made elsewhere at most this often (the first after a quiet spell
# still comes COALESCE_MS after its change): within the 2 s another desk's admission has
# to reach this desk's pages.
OTHERS_GAP_MS = 1000
# A beat is skipped while the worker has work queued, at most this many in a row.
MAX_SKIPPED = 2
# Pages whose refresh reads the whole day (reports, the dashboard: 0.3-0.7 s at 100,000
# guests) refresh at most this often from changes: a busy day must not fill the worker.
SLOW_REFRESH_MS = 1000
# Posted at low priority, as a widget's repaint request is: handled after the paints that
# the answer just handled asked for.
_AFTER_PAINT = QEvent.Type(QEvent.registerEventType())


class ChangeHub(QObject):
    """Batches of changes, on the GUI thread, at most one per COALESCE_MS."""

    changed = Signal(object)  # Changes: coalesced, never empty
    _posted = Signal(object)  # from any thread (the worker's commits and polls)

    def __init__(self, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._db: Database | None = None
        self._unsubscribe: list[Callable[[], None]] = []
        self._pending: list[Change] = []
        self._polling = False
        self._skipped = 0
        self._own_waiting = False  # this desk's changes wait for their task's answer
        self._given_at = -OTHERS_GAP_MS / 1000  # (monotonic) the last batch given
        # Postings received so far: a read submitted to the worker after the n-th arrived
        # sees that change (its commit came first, and the worker runs tasks in order).
        self.received = 0
        self._last_failure = ""  # a poll failing the same way again is not logged again
        self.coalesce_timer = QTimer(self)
        self.coalesce_timer.setSingleShot(True)
        self.coalesce_timer.setInterval(COALESCE_MS)
        self.coalesce_timer.timeout.connect(self._on_coalesce_timer_timeout)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self._on_poll_timer_timeout)
        self._posted.connect(self._on_self_posted)  # (queued when emitted by the worker)
        worker.answer_delivered.connect(self._on_worker_answer_delivered)
        worker.shutting_down.connect(self.stop)

    @classmethod
    def of(cls, worker: Worker) -> ChangeHub:
        """The worker's hub (made at the first ask)."""
        hub = worker.findChild(ChangeHub)
        return hub if isinstance(hub, ChangeHub) else ChangeHub(worker, worker)

    def set_database(self, db: Database) -> None:
        """Hear this database from now on (and no longer the one before); every page
        says it, the first one starts it."""
        if db is self._db:
            return
        self._stop_hearing()
        self._db = db
        self._unsubscribe.append(db.changes.subscribe(self.post))
        self._polling, self._skipped = False, 0
        self._poll()  # (first, before the pages' first loads: it sets the cursor, unless
        # opened_event.describe did, before it counted the guests)
        self.poll_timer.start()

    def stop(self) -> None:
        """No more polling or batches (the window closed)."""
        self.poll_timer.stop()
        self.coalesce_timer.stop()
        self._pending.clear()
        self._own_waiting = False
        self._stop_hearing()
        self._db = None

    def _stop_hearing(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()

    def post(self, changes: Changes) -> None:
        """Changes to give the pages (from any thread): a write's, a poll's, a sync's."""
        if changes:
            self._posted.emit(changes)

    def _on_self_posted(self, changes: Changes) -> None:
        if self._db is None:
            return
        self.received += 1
        self._pending.extend(changes)
        if any(c.here for c in changes):
            # This desk's own action: shown at once, after its answer. Made by a task (the
            # worker's commit), whose answer comes next; else (none pending) now.
            self._own_waiting = bool(self._worker.pending)
            if not self._own_waiting:
                self._give_after_paint()
        elif not self.coalesce_timer.isActive():  # (not restarted: a steady stream still
            self.coalesce_timer.start(self._others_delay_ms())  # gets its batches)

    def _others_delay_ms(self) -> int:
        """How long changes made elsewhere wait: COALESCE_MS, and at least until
        OTHERS_GAP_MS after the last batch."""
        since_ms = (time.monotonic() - self._given_at) * 1000
        return int(max(COALESCE_MS, OTHERS_GAP_MS - since_ms))

    def _on_worker_answer_delivered(self) -> None:
        if self._own_waiting:
            self._own_waiting = False
            self._give_after_paint()

    def _give_after_paint(self) -> None:
        QCoreApplication.postEvent(self, QEvent(_AFTER_PAINT),
                                   Qt.EventPriority.LowEventPriority.value)

    def customEvent(self, event: QEvent) -> None:
        if event.type() == _AFTER_PAINT:
            self._on_coalesce_timer_timeout()

    def _on_coalesce_timer_timeout(self) -> None:
        self.coalesce_timer.stop()  # (this batch takes what it was waiting for)
        batch, self._pending = coalesced(self._pending), []
        if batch:
            self._given_at = time.monotonic()
            self.changed.emit(batch)

    # -- other processes -------------------------------------------------------------

    def _on_poll_timer_timeout(self) -> None:
        if self._polling:
            return  # the last poll is still on its way
        if self._worker.pending and self._skipped < MAX_SKIPPED:
            self._skipped += 1  # the worker is busy: the scan in front goes first
            return
        self._poll()

    def _poll(self) -> None:
        db = self._db
        if db is None:
            return
        self._polling, self._skipped = True, 0
        self._worker.submit(db.poll_changes, on_success=self._on_polled,
                            on_failure=self._on_poll_failed, context=self)

    def _on_polled(self, _changes: object) -> None:
        # (the changes themselves came by the subscription, as a write's do)
        self._polling, self._last_failure = False, ""

    def _on_poll_failed(self, exc: Exception) -> None:
        self._polling = False  # (a locked or lost database: the next beat tries again)
        if str(exc) != self._last_failure:  # (twice a second: said once)
            self._last_failure = str(exc)
            log.warning("polling for changes failed: %s", exc)


def watched(changes: Changes, kinds: set[ChangeKind]) -> bool:
    """Whether any of the changes is of these kinds."""
    return any(c.kind in kinds for c in changes)


class SlowRefresh(QObject):
    """The refresh of a page that reads the whole day: at the first change at once, then
    at most once per SLOW_REFRESH_MS while changes keep coming (the last one included)."""

    def __init__(self, parent: QObject, refresh: Callable[[], None]) -> None:
        super().__init__(parent)
        self._refresh = refresh
        self._wanted = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SLOW_REFRESH_MS)
        self.timer.timeout.connect(self._on_timer_timeout)

    def request(self) -> None:
        if self.timer.isActive():
            self._wanted = True
            return
        self._refresh()
        self.timer.start()

    def _on_timer_timeout(self) -> None:
        if self._wanted:
            self._wanted = False
            self.request()


class WhenShown(QObject):
    """A page's refresh after a change: at once while the page is visible; while it is
    hidden only noted (stale), and run when the page is shown next.

    `slow`: changes while visible refresh through SlowRefresh (pages that read the whole
    day); showing the page refreshes at once. The page says mark_fresh() when it read by
    other means (a new day, a new event), mark_stale() when a read failed or a change is
    to be read at the next showing.
    """

    def __init__(self, page: QWidget, refresh: Callable[[], None], *,
                 slow: bool = False) -> None:
        super().__init__(page)
        self._page = page
        self._refresh = refresh
        self._slow = SlowRefresh(self, refresh) if slow else None
        self.stale = False
        page.installEventFilter(self)

    def request(self) -> None:
        """A change the page shows came: refreshed now if it is visible, else when shown."""
        if not self._page.isVisible():
            self.stale = True
        elif self._slow is not None:
            self._slow.request()
        else:
            self.stale = False
            self._refresh()

    def mark_stale(self) -> None:
        self.stale = True

    def mark_fresh(self) -> None:
        self.stale = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # (before the page's own showEvent: the check-in page returns the focus after)
        if watched is self._page and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._refresh()
        return False
