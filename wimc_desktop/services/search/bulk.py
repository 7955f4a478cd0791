"""Filling an empty index in one pass (a first import, a rebuild).

The guests are read once, their documents made in Python column by column
(tagging.documents, as for a single write) and put in sort-key order, then written with
one executemany at evenly spaced rids; the indexes of search_doc and the FTS5 index are
made after the rows (a sort each, and one INSERT ... SELECT for FTS5), not kept up to
date row by row.
"""

from __future__ import annotations

from typing import Any

from wimc_desktop.db.bulk import bulk_settings
from wimc_desktop.services.search import schema as ix
from wimc_desktop.services.search.documents import INDEX_COLUMNS, IndexedColumns
from wimc_desktop.services.search.tagging import documents
from wimc_desktop.services.search.values import Values

SPACING = 1 << 32  # gap between neighbouring rids after a rebuild


def fill_empty_index(cur: Any, written: IndexedColumns | None = None) -> None:
    """Index every guest into an empty index (search_doc and the FTS tables empty).
    `written`: the guests an import has just written, if they are the whole guest table
    (checked here): then they are not read back."""
    with bulk_settings(cur.connection):
        _fill(cur, written)


def _whole_table(cur: Any, written: IndexedColumns | None) -> bool:
    """Whether these guests are all the table holds (the same number, the last one last)."""
    if not written:
        return False
    count, last = cur.execute("SELECT count(*), (SELECT id FROM guest ORDER BY rowid DESC "
                              "LIMIT 1) FROM guest").fetchone()
    return bool(count == len(written) and last == written.id[-1])


def _fill(cur: Any, written: IndexedColumns | None) -> None:
    values = Values(cur)
    guests = written if written is not None and _whole_table(cur, written) else \
        IndexedColumns.from_sql(cur.execute(f"SELECT {INDEX_COLUMNS} FROM guest").fetchall())
    docs = documents(cur, guests, values)
    del guests
    order = sorted(range(len(docs)), key=docs.skey.__getitem__)
    drop_doc_indexes(cur)
    values.count(docs.org_vid, docs.title_vid, 1)
    cur.executemany("INSERT INTO search_doc (rid, skey, guest_id, body, org_vid, title_vid) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    zip(range(SPACING, (len(order) + 1) * SPACING, SPACING),
                        *(map(column.__getitem__, order) for column in (
                            docs.skey, docs.guest_id, docs.body, docs.org_vid,
                            docs.title_vid)), strict=True))
    del docs, order
    index_documents(cur, values)


def drop_doc_indexes(cur: Any) -> None:
    """The indexes of search_doc are made after a bulk fill's rows (a sort each), not kept
    up to date row by row: guest ids come in sort-key order, that is at random (0.74 ->
    0.49 s at 100k). See index_documents."""
    for index in ix.DOC_INDEXES:
        cur.execute(f"DROP INDEX IF EXISTS {index}")


def index_documents(cur: Any, values: Values) -> None:
    """After a bulk fill of search_doc (its indexes dropped): the indexes made, the
    documents tokenised, and `values` (counted already) saved."""
    for statement in ix.DOC_INDEXES.values():
        cur.execute(statement)
    cur.execute("INSERT INTO search_fts (rowid, body) SELECT rid, body FROM search_doc "
                "ORDER BY rid")
    values.save()
