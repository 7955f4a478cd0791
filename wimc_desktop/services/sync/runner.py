"""A desk's sync while the window is open: one background thread that pushes right after
each local commit (bounded batches, with backoff while the hub is away) and pulls when
the hub's NOTIFY wakes it (at most every PULL_GAP_S), when the hub comes back, and on a
slow timer (notifications are lost while offline). A failed push never stops the pull.
No Qt: the window hears `on_status` (called on this thread; it must only hand the status
on).

Stopping does not wait: stop() asks and returns at once (the window's thread must not
hang for a hub that does not answer); the thread ends by itself, at once when it waits
for work, or when the request it is in ends (each is bounded by its deadline), and it
closes its own hub connections. wait() is for those who must know it has ended.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine

from wimc_desktop.db.engine import Database
from wimc_desktop.db.hub_feed import CHANNEL
from wimc_desktop.domain.changes import Changes
from wimc_desktop.domain.errors import DeskError
from wimc_desktop.services.sync import desk
from wimc_desktop.services.sync.connect import hub_engine

log = logging.getLogger("wimc_desktop.sync")
TICK_S = 0.2  # how often the thread looks for work (a NOTIFY, a local write)
SLOW_PULL_S = 30.0  # a pull at least this often, woken or not
# Pulls woken by the hub at most this often: with many desks admitting, NOTIFYs come
# many times a second, and each pull is a write transaction on the desk file that a scan
# at this desk would wait for. (Another desk's admission still arrives within a second.)
PULL_GAP_S = 0.3
CONTACT_EVERY_S = 10.0  # the last sync saved at least this often while nothing changes
BACKOFF_S = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0)  # between attempts while the hub is away


class DeskSync:
    """The background sync of one desk file."""

    def __init__(self, db: Database, on_status: Callable[[desk.DeskStatus], None]) -> None:
        self._db = db
        self._on_status = on_status
        self._stop = threading.Event()
        self._push_wanted = threading.Event()
        self._pull_wanted = True
        self._failures = 0
        self._next_try = 0.0
        self._last_pull = 0.0
        self._contact: tuple[bool, str] | None = None  # (online, error) last saved
        self._contact_at = 0.0
        self._listen: Any = None
        self._fairy: Any = None
        self._engine: Engine | None = None
        self._unsubscribe = db.changes.subscribe(self._on_changes)
        self._thread = threading.Thread(target=self._run, name="desk-sync", daemon=True)

    def start(self) -> None:
        self._push_wanted.set()
        self._thread.start()

    def stop(self) -> None:
        """Ask the thread to end, and return at once (no status is given after this)."""
        self._unsubscribe()
        self._stop.set()
        self._push_wanted.set()  # (wakes a wait without a LISTEN)

    def wait(self, timeout: float | None = None) -> bool:
        """Whether the thread has ended (or never started), waiting at most `timeout`."""
        if self._thread.ident is not None:
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def _on_changes(self, changes: Changes) -> None:
        if any(c.here for c in changes):  # (this desk's own write: an event to push)
            self._push_wanted.set()

    def _run(self) -> None:
        self._engine = hub_engine(desk.sync_state(self._db).hub_url)
        try:
            while not self._stop.is_set():
                now = time.monotonic()
                since = now - self._last_pull
                pull = ((self._pull_wanted and since >= PULL_GAP_S) or since >= SLOW_PULL_S
                        or self._failures > 0)  # (away: each try reaches for the hub)
                if now >= self._next_try and (self._push_wanted.is_set() or pull):
                    self._round(pull)
                if not self._stop.is_set():
                    self._wait()
        finally:
            self._close_listen()
            self._engine.dispose()

    def _round(self, pull: bool) -> None:
        assert self._engine is not None
        self._push_wanted.clear()
        was_offline = self._failures > 0
        try:
            report, state = desk.exchange(self._db, self._engine, push_only=not pull,
                                          tolerated=(*desk.UNREACHED, DeskError),
                                          save_contact=self._contact_due)
        except DeskError as exc:  # (the desk file busy noting it: the next round says it)
            log.warning("sync status not saved: %s", exc)
            report, state = desk.SyncReport(False, error=str(exc)), None
        if report.online and not report.error:
            self._failures, self._next_try = 0, 0.0
            if pull:
                self._pull_wanted = False
                self._last_pull = time.monotonic()
            if was_offline:
                self._pull_wanted = True  # (back: what happened meanwhile, at once)
        else:
            self._failures += 1
            self._push_wanted.set()  # (still to send: after the backoff)
            self._next_try = time.monotonic() + BACKOFF_S[min(self._failures,
                                                              len(BACKOFF_S)) - 1]
            self._close_listen()
            self._engine.dispose()  # (a connection cut mid-statement is not used again)
        if state is not None and not self._stop.is_set():
            self._on_status(state)

    def _contact_due(self, online: bool, error: str) -> bool:
        """Whether this round's contact is saved in the desk file: when it changed (online,
        the error) or every CONTACT_EVERY_S (the last sync), not after every round: each
        save is a write transaction, which a scan at this desk would wait for."""
        now = time.monotonic()
        if (online, error) != self._contact or now - self._contact_at >= CONTACT_EVERY_S:
            self._contact, self._contact_at = (online, error), now
            return True
        return False

    def _wait(self) -> None:
        if self._failures == 0 and self._listen is None:
            self._open_listen()
        tick = TICK_S
        if self._pull_wanted and self._failures == 0:  # (woken: only until the gap's end)
            tick = min(TICK_S, PULL_GAP_S - (time.monotonic() - self._last_pull))
            if tick <= 0:
                return
        if self._listen is None:
            self._push_wanted.wait(tick)
            return
        try:
            for _ in self._listen.notifies(timeout=tick, stop_after=1):
                self._pull_wanted = True
        except Exception:  # (the hub went away: the next round finds out and backs off)
            self._close_listen()
            self._pull_wanted = True

    def _open_listen(self) -> None:
        assert self._engine is not None
        try:
            fairy = self._engine.raw_connection()
            conn = fairy.driver_connection
            assert conn is not None
            conn.autocommit = True
            conn.execute(f"LISTEN {CHANNEL}")
            self._listen = conn
            self._fairy = fairy
        except Exception:  # (offline: the rounds' backoff and the slow timer go on)
            self._listen = None

    def _close_listen(self) -> None:
        if self._listen is not None:
            with contextlib.suppress(Exception):  # (already gone with the network)
                self._fairy.invalidate()
            self._listen = None
