"""The state of the search index as a search sees it, read once per change of the file.

Every search needs the index's state (indexing.cursor_status: present, of this format, how
many guests it has not caught up with) and its size (for the trigram sample, narrow.py).
Read afresh, that is a schema check, a status SELECT of five subqueries and one more
SELECT: a tenth of a badge-code search. Kept per connection, it costs two pragmas while the
file is unchanged, which these tell exactly:

- `PRAGMA data_version` changes when any other connection (another desk's process, another
  thread) has committed to the file since this connection last asked;
- the connection's `total_changes` grows with every row this connection inserts, updates
  or deletes (triggers included; a rollback does not take it back: only more answers are
  read afresh, never fewer);
- `PRAGMA schema_version` changes with any CREATE or DROP (this connection's own
  included, which neither of the others counts).

An answer is kept only when read in a transaction that wrote nothing (a search's): an
answer read inside a write transaction could be rolled back with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wimc_desktop.services.search.indexing import cursor_status
from wimc_desktop.services.search.narrow import index_size

_KEPT = "wimc_search_snapshot"  # pool-connection info: (the file's state, its Snapshot)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """indexing.cursor_status's answer, and what the trigram sample is checked against."""

    state: str  # 'absent', 'broken' or 'ok'
    late: int  # guest writes the index has not caught up with (if 'ok')
    docs: int  # indexed documents (if 'ok')
    file: str  # the database file ('' in memory)


def read_snapshot(cur: Any, info: dict[Any, Any]) -> Snapshot:
    """The index's state, on a SQLite driver cursor in a read-only transaction (see the
    module's docstring); `info`: its pool connection's info dict."""
    conn = cur.connection
    key = (conn, cur.execute("PRAGMA schema_version").fetchone()[0],
           cur.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)
    kept = info.get(_KEPT)
    if kept is not None and kept[0] == key:  # (the same connection object, not just its id)
        return kept[1]  # type: ignore[no-any-return]
    state, late = cursor_status(cur, info)
    docs, file = index_size(cur) if state == "ok" else (0, "")
    snapshot = Snapshot(state, late, docs, file)
    info[_KEPT] = (key, snapshot)
    return snapshot
