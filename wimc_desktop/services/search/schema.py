"""The SQLite search index: its tables and triggers (the search package's own: the
migrations never touch them; services.search.open_index creates them).

``search_fts`` (FTS5, trigram) indexes one text per guest (``search_doc.body``: name,
pinyin, initials, Latin name, phone, e-mail, external id, and tags). Organisations and
titles repeat, so each distinct value is indexed once (``search_value`` and
``search_value_fts``) with its guest count, and a guest's body holds only their tags.
``search_doc.rid`` follows the order of ``search_doc.skey`` (pinyin, name, organisation,
title, id): index hits come back already sorted by name.

Late guests: a guest the index has not seen yet is either newer than the watermark (guest
rowids above ``search_stat['watermark']``; SQLite gives a new row a rowid above the largest
one) or logged in ``search_pending`` by the update and delete triggers. The search treats
late guests as not indexed and tests them one by one, so the index can be late but never
wrong. (No insert trigger: it costs 5 us a row in a bulk import.)
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from wimc_desktop.services.search.documents import INDEX_COLUMNS

# The index's format: its version (bump it when the body or sort key changes) and the
# guest columns its documents are made of, so that a field added to the guest record
# (a new SearchAs.TEXT field) makes existing events rebuild their index, triggers
# included, at their next open. (2: names in order syllable by syllable, guest.name_sort;
# 3: the name's shorthand, "zhangyh" for 张宇航, among the initials; 4: every
# SearchAs.TEXT field of the guest record by its text, the registration number too)
FORMAT = "4:" + INDEX_COLUMNS.replace(" ", "")
FORMAT_KEY = "search_index_format"
TABLES = ("search_doc", "search_fts", "search_value", "search_value_fts", "search_pair",
          "search_pending", "search_code_prefix", "search_tag", "search_stat")
TRIGGERS = ("search_guest_update", "search_guest_delete")
FTS_HASH_BYTES = 32 * 1024 * 1024  # FTS5 pending-data size: fewer flushes on bulk writes
# The guest columns the index is built from: only their changes mark a guest for re-indexing
# (a check-in that touches updated_at does not).
INDEXED = tuple(INDEX_COLUMNS.split(", "))

_TOP = "coalesce((SELECT max(rowid) FROM guest), 0)"
_FTS = "USING fts5(body, tokenize='trigram case_sensitive 1', columnsize=0, "
# The indexes of search_doc by name (a bulk fill drops them and makes them after the rows).
DOC_INDEXES = {
    "search_doc_guest_id": "CREATE UNIQUE INDEX search_doc_guest_id ON search_doc (guest_id)",
    "search_doc_skey": "CREATE INDEX search_doc_skey ON search_doc (skey)",
}
DDL = (
    "CREATE TABLE search_doc (rid INTEGER PRIMARY KEY, guest_id TEXT NOT NULL, "
    "skey TEXT NOT NULL, body TEXT NOT NULL, org_vid INTEGER, title_vid INTEGER)",
    *DOC_INDEXES.values(),
    f"CREATE VIRTUAL TABLE search_fts {_FTS}content='search_doc', content_rowid='rid')",
    f"INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', {FTS_HASH_BYTES})",
    "CREATE TABLE search_value (vid INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
    "text TEXT NOT NULL, body TEXT NOT NULL, n INTEGER NOT NULL, UNIQUE (kind, text))",
    f"CREATE VIRTUAL TABLE search_value_fts {_FTS}content='search_value', "
    "content_rowid='vid')",
    "CREATE TABLE search_pair (org_vid INTEGER NOT NULL, title_vid INTEGER NOT NULL, "
    "n INTEGER NOT NULL, PRIMARY KEY (org_vid, title_vid)) WITHOUT ROWID",
    "CREATE INDEX search_pair_title ON search_pair (title_vid)",
    "CREATE TABLE search_pending (guest_id TEXT NOT NULL)",
    "CREATE TABLE search_code_prefix (prefix TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE TABLE search_tag (value TEXT PRIMARY KEY, tag INTEGER NOT NULL UNIQUE)",
    "CREATE TABLE search_stat (key TEXT PRIMARY KEY, n INTEGER NOT NULL, text TEXT) "
    "WITHOUT ROWID",
    "INSERT INTO search_stat (key, n) VALUES ('docs', 0), ('watermark', 0)",
    f"CREATE TRIGGER search_guest_update AFTER UPDATE OF {', '.join(INDEXED)} ON guest "
    f"WHEN {' OR '.join(f'OLD.{c} IS NOT NEW.{c}' for c in INDEXED)} BEGIN "
    "INSERT INTO search_pending (guest_id) VALUES (NEW.id); "
    "INSERT INTO search_pending (guest_id) SELECT OLD.id WHERE OLD.id <> NEW.id; END",
    # The watermark never stays above the largest rowid: new rows must land above it.
    "CREATE TRIGGER search_guest_delete AFTER DELETE ON guest BEGIN "
    "INSERT INTO search_pending (guest_id) VALUES (OLD.id); "
    f"UPDATE search_stat SET n = {_TOP}, text = (SELECT id FROM guest WHERE rowid = {_TOP}) "
    f"WHERE key = 'watermark' AND n > {_TOP}; END",
)


TABLE_DDL = tuple(s for s in DDL if not s.startswith("CREATE TRIGGER"))
TRIGGER_DDL = tuple(s for s in DDL if s.startswith("CREATE TRIGGER"))


def fts5_available(conn: Connection) -> bool:
    """FTS5 with the trigram tokenizer (3.34), and MATERIALIZED (3.35) for the bulk fill."""
    version, fts5 = conn.exec_driver_sql(
        "SELECT sqlite_version(), sqlite_compileoption_used('ENABLE_FTS5')").one()
    return bool(fts5) and tuple(int(p) for p in str(version).split(".")[:2]) >= (3, 35)


def create_search_index(conn: Connection) -> None:
    """Create the index tables and triggers (SQLite with FTS5 only), empty: all guests late."""
    for statement in DDL:
        conn.exec_driver_sql(statement)


def renew_triggers(conn: Connection) -> None:
    """The triggers made anew (missing ones, or ones watching another format's columns)."""
    for trigger in TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    for statement in TRIGGER_DDL:
        conn.exec_driver_sql(statement)


def drop_search_index(conn: Connection) -> None:
    for trigger in TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    for table in reversed(TABLES):
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
