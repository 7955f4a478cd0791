"""Reaching the hub from a desk: its URL kept without a password, the password found by
libpq's own means or the system keyring, and time limits that turn a cut network into
"offline" within seconds instead of a hang."""

from __future__ import annotations

import heapq
import importlib
import itertools
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, make_url
from sqlalchemy.engine import Connection

from wimc_desktop.domain.errors import BadInputError

CONNECT_TIMEOUT_S = 3
KEYRING_SERVICE = "wimc-desk"


def stored_url(url: str) -> str:
    """The hub URL as a desk file keeps it: never with a password."""
    try:
        parsed = make_url(url)
    except Exception as exc:  # (sqlalchemy's ArgumentError and friends)
        raise BadInputError("not a database URL: {url}", url=url) from exc
    if parsed.get_backend_name() != "postgresql":
        raise BadInputError("the hub must be a PostgreSQL URL "
                            "(postgresql+psycopg://user@host/db): {url}", url=url)
    return parsed.set(password=None).render_as_string(hide_password=False)


def _keyring_password(url: str) -> str | None:
    """The password the system keyring holds for this hub URL, if keyring is installed."""
    try:
        keyring: Any = importlib.import_module("keyring")
    except ImportError:
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, url)
    except Exception:  # (no keyring back end on this machine: libpq's means still apply)
        return None
    return found if isinstance(found, str) else None


def hub_engine(url: str) -> Engine:
    """An engine on the hub. A URL without a password leaves it to libpq (PGPASSWORD,
    ~/.pgpass, a service file) unless the system keyring has one for this URL."""
    parsed = make_url(url)
    if parsed.password is None:
        password = _keyring_password(stored_url(url))
        if password is not None:
            parsed = parsed.set(password=password)
    args = {"connect_timeout": CONNECT_TIMEOUT_S, "keepalives": 1, "keepalives_idle": 5,
            "keepalives_interval": 2, "keepalives_count": 2,
            "options": "-c lock_timeout=5000 -c statement_timeout=15000"}
    # Two connections kept (a LISTEN and the pushes' and pulls'): a new one costs more than
    # a push. No ping
    # before use, which a stalled network would hang: a dead one fails its first
    # statement, is dropped, and the next round (after the backoff) connects anew.
    return create_engine(parsed, pool_size=2, max_overflow=4, connect_args=args)


class _Watchdog:
    """One daemon thread that cuts the sockets whose deadline has passed: a deadline is
    a heap entry, not a thread of its own (starting a thread for each push made the push
    wait for the new thread to run, a scheduling round trip on a busy machine)."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._due: list[tuple[float, int, int]] = []  # (when, ticket, socket)
        self._live: set[int] = set()
        self._tickets = itertools.count()
        self._thread: threading.Thread | None = None

    def watch(self, fd: int, seconds: float) -> int:
        when = time.monotonic() + seconds
        with self._lock:
            ticket = next(self._tickets)
            earliest = self._due[0][0] if self._due else None
            heapq.heappush(self._due, (when, ticket, fd))
            self._live.add(ticket)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="hub-deadline",
                                                daemon=True)
                self._thread.start()
            elif earliest is None or when < earliest:
                self._lock.notify()
        return ticket

    def cancel(self, ticket: int) -> None:
        with self._lock:
            self._live.discard(ticket)

    def _run(self) -> None:
        with self._lock:
            while True:
                now = time.monotonic()
                while self._due and (self._due[0][0] <= now or
                                     self._due[0][1] not in self._live):
                    _, ticket, fd = heapq.heappop(self._due)
                    if ticket in self._live:
                        self._live.discard(ticket)
                        _cut(fd)
                self._lock.wait(self._due[0][0] - now if self._due else None)


def _cut(fd: int) -> None:
    try:
        with socket.fromfd(fd, socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


_WATCHDOG = _Watchdog()


@contextmanager
def deadline(conn: Connection, seconds: float) -> Iterator[None]:
    """Cut the connection's socket if the work inside takes longer than `seconds` (a
    network that stalls without closing sends nothing back; the driver would wait for
    ever). The work then fails as a lost connection, which a desk treats as offline."""
    driver: Any = conn.connection.driver_connection
    ticket = _WATCHDOG.watch(driver.pgconn.socket, seconds)
    try:
        yield
    finally:
        _WATCHDOG.cancel(ticket)
