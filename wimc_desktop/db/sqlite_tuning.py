"""SQLite's memory statistics switched off, once per process, before any connection.

With them on (SQLite's default), every allocation SQLite makes takes one process-wide
lock. Two threads that each run a statement on their own connection then slow each other:
a guest insert beside an FTS5 build took 0.31 s instead of 0.12 s (measured here, two
files, no GIL held), and an import alone is 5% slower. Nothing in WIMC Desk reads those
statistics.

The switch (`sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0)`) is only allowed while SQLite is
shut down, so it is made only when SQLite holds no memory at all (no connection open), on
the very library Python's sqlite3 module is linked with. Where any of that cannot be
checked (another platform, a statically linked SQLite), nothing is changed, and
`memstatus_off()` says so: callers then stay on one thread.
"""

from __future__ import annotations

import ctypes
import logging
import sqlite3  # noqa: F401  (loads the library this module looks for)
import threading
from pathlib import Path

log = logging.getLogger("wimc_desktop.db")

SQLITE_OK = 0
SQLITE_CONFIG_MEMSTATUS = 9
SQLITE_STATUS_MEMORY_USED = 0

_lock = threading.Lock()
_state: dict[str, bool] = {}


def _loaded_library() -> ctypes.CDLL | None:
    """The libsqlite3 this process has loaded for Python's sqlite3 module (Linux only)."""
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return None
    paths = {line.split()[-1] for line in maps.splitlines()
             if "/libsqlite3" in line and line.split()[-1].startswith("/")}
    if len(paths) != 1:
        return None
    try:
        return ctypes.CDLL(paths.pop())  # already loaded: the same library, not a copy
    except OSError:
        return None


def _switch_off(lib: ctypes.CDLL) -> bool:
    used, highest = ctypes.c_longlong(), ctypes.c_longlong()
    if lib.sqlite3_status64(SQLITE_STATUS_MEMORY_USED, ctypes.byref(used),
                            ctypes.byref(highest), 0) != SQLITE_OK or used.value != 0:
        return False  # a connection is open (or statistics are off already): hands off
    if lib.sqlite3_shutdown() != SQLITE_OK:
        return False
    switched = bool(lib.sqlite3_config(SQLITE_CONFIG_MEMSTATUS, ctypes.c_int(0)) == SQLITE_OK)
    if lib.sqlite3_initialize() != SQLITE_OK:  # (sqlite3_open would initialise it anyway)
        return False
    return switched


def switch_memstatus_off() -> bool:
    """Switch SQLite's memory statistics off if that can be done safely now; whether they
    are off (also when an earlier call switched them)."""
    with _lock:
        if "off" not in _state:
            lib = _loaded_library()
            _state["off"] = lib is not None and bool(_switch_off(lib))
            log.debug("SQLite memory statistics off: %s", _state["off"])
        return _state["off"]


def memstatus_off() -> bool:
    """Whether this process runs SQLite without its memory statistics (see above)."""
    return _state.get("off", False)
