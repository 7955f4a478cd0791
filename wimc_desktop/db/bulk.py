"""Per-connection SQLite settings for one bulk write (an import, a rebuild of the index).

A public PRAGMA of this connection only, restored when the write ends (pooled connections
go back as they came): a page cache large enough for the write's B-tree pages and its
sorts (CREATE INDEX sorts within the cache, spilling to temporary files beyond it; FTS5
reads back the segments it merges). (temp_store cannot change inside a transaction.)
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

BULK_CACHE_KIB = 64 * 1024


@contextlib.contextmanager
def bulk_settings(raw: sqlite3.Connection) -> Iterator[None]:
    """This SQLite connection with a 64 MB page cache while the block runs; its own
    setting again after."""
    cache = raw.execute("PRAGMA cache_size").fetchone()[0]
    raw.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    try:
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):  # (never hides the write's own error)
            raw.execute(f"PRAGMA cache_size = {int(cache)}")
