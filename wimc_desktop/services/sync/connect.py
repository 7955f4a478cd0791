"""Reaching the hub from a desk: its URL kept without a password, the password found by
libpq's own means or the system keyring, and time limits that turn a cut network into
"offline" within seconds instead of a hang."""

from __future__ import annotations

import importlib
import socket
import threading
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


@contextmanager
def deadline(conn: Connection, seconds: float) -> Iterator[None]:
    """Cut the connection's socket if the work inside takes longer than `seconds` (a
    network that stalls without closing sends nothing back; the driver would wait for
    ever). The work then fails as a lost connection, which a desk treats as offline."""
    driver: Any = conn.connection.driver_connection
    fd = driver.pgconn.socket

    def cut() -> None:
        try:
            with socket.fromfd(fd, socket.AF_INET, socket.SOCK_STREAM) as sock:
                sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    timer = threading.Timer(seconds, cut)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
