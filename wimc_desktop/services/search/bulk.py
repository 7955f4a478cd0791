"""Filling an empty index in one pass inside SQLite (a first import, a rebuild).

The documents are made by the same Python functions as always (db.search_index.document
and sort_key), called from SQL, so SQLite reads the guests, sorts them by sort key and
numbers them without each row passing through Python twice.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable
from typing import Any

from wimc_desktop.db import search_index as ix
from wimc_desktop.services.search.values import Values

SPACING = 1 << 32  # gap between neighbouring rids after a rebuild
_NEW_DOCS = """
WITH docs AS MATERIALIZED (
  SELECT g.id, o.vid AS org, t.vid AS title,
         wimc_skey(g.name_sort, g.name, g.organization, g.title, g.id) AS skey,
         wimc_body(g.name, g.name_pinyin, g.name_initials, g.name_latin, g.phone_digits,
                   g.email, g.external_id, g.category, g.attendance, g.organization,
                   g.title) AS body
  FROM guest g
  LEFT JOIN search_value o ON o.kind = 'o' AND o.text = g.organization
  LEFT JOIN search_value t ON t.kind = 't' AND t.text = g.title)
INSERT INTO search_doc (rid, guest_id, skey, body, org_vid, title_vid)
SELECT (row_number() OVER (ORDER BY skey)) * ?, id, skey, body, org, title FROM docs
ORDER BY skey"""  # MATERIALIZED: a flattened subquery computed every sort key twice


_local = threading.local()  # what the SQL functions below use, for the build under way


def _body(*fields: str) -> str:  # guest columns are NOT NULL: never None here
    return str(_local.body(*fields))


def _register(raw: Any) -> None:
    """Give this connection the SQL functions (once: a function in use cannot be replaced)."""
    for name, count, function in (("wimc_body", 11, _body), ("wimc_skey", 5, ix.sort_key)):
        with contextlib.suppress(sqlite3.OperationalError):  # registered by an earlier build
            raw.create_function(name, count, function, deterministic=True)


def _documents(tag: dict[str, str], org_tags: dict[str, str], title_tags: dict[str, str]
               ) -> Callable[..., str]:
    document = ix.document

    def body(name: str, pinyin: str, initials: str, latin: str, phone: str, email: str,
             external: str, category: str, attendance: str, org: str, title: str) -> str:
        return (document(name, pinyin, initials, latin, phone, email, external)
                + tag[f"c:{category}"] + tag[f"a:{attendance}"]
                + org_tags.get(org, "") + title_tags.get(title, ""))
    return body


def tags(cur: Any, pairs: set[tuple[str, str]]) -> dict[str, str]:
    """Category and attendance values -> their tag trigrams (new values get a number)."""
    known = dict(cur.execute("SELECT value, tag FROM search_tag").fetchall())
    wanted = {f"c:{c}" for c, _ in pairs} | {f"a:{a}" for _, a in pairs}
    fresh = sorted(wanted - known.keys())
    start = max(known.values(), default=-1) + 1
    known.update((value, start + i) for i, value in enumerate(fresh))
    cur.executemany("INSERT INTO search_tag (value, tag) VALUES (?, ?)",
                    [(v, known[v]) for v in fresh])
    return {value: ix.tag_text(ix.CATEGORY_TAG if value[0] == "c" else ix.ATTENDANCE_TAG,
                               number) for value, number in known.items()}


def code_prefixes(cur: Any, codes: list[str]) -> None:
    """Remember the prefixes of badge codes, to find a code typed without its prefix."""
    prefixes = {code.partition("-")[0] for code in codes if "-" in code}
    cur.executemany("INSERT OR IGNORE INTO search_code_prefix (prefix) VALUES (?)",
                    [(p,) for p in prefixes])


def fill_empty_index(cur: Any) -> None:
    """Index every guest into an empty index (search_doc and the FTS tables empty)."""
    values = Values(cur)
    tag = tags(cur, set(cur.execute("SELECT DISTINCT category, attendance FROM guest")))
    code_prefixes(cur, [r[0] for r in cur.execute(
        "SELECT DISTINCT substr(badge_code, 1, instr(badge_code, '-')) FROM guest "
        "WHERE instr(badge_code, '-') > 0")])
    vids: dict[tuple[str, str], int | None] = {}
    for kind, column in (("o", "organization"), ("t", "title")):
        texts = [r[0] for r in cur.execute(f"SELECT DISTINCT {column} FROM guest")]
        vids.update(((kind, t), v) for t, v in zip(texts, values.vids(kind, texts), strict=True))
    org_tags = {t: ix.tag_text(ix.ORG_TAG, v) for (k, t), v in vids.items() if k == "o" and v}
    title_tags = {t: ix.tag_text(ix.TITLE_TAG, v) for (k, t), v in vids.items()
                  if k == "t" and v}
    _local.body = _documents(tag, org_tags, title_tags)
    _register(cur.connection)
    drop_doc_indexes(cur)
    try:
        cur.execute(_NEW_DOCS, (SPACING,))
    finally:
        _local.__dict__.clear()
    index_documents(cur, values)


def drop_doc_indexes(cur: Any) -> None:
    """The indexes of search_doc are made after a bulk fill's rows (a sort each), not kept
    up to date row by row: guest ids come in sort-key order, that is at random (0.74 ->
    0.49 s at 100k). See index_documents."""
    for index in ix.DOC_INDEXES:
        cur.execute(f"DROP INDEX IF EXISTS {index}")


def index_documents(cur: Any, values: Values) -> None:
    """After a bulk fill of search_doc (its indexes dropped): the indexes made, the
    documents tokenised, their organisations and titles counted, and `values` saved."""
    for statement in ix.DOC_INDEXES.values():
        cur.execute(statement)
    cur.execute("INSERT INTO search_fts (rowid, body) SELECT rid, body FROM search_doc "
                "ORDER BY rid")
    for org, title, n in cur.execute("SELECT org_vid, title_vid, count(*) FROM search_doc "
                                     "GROUP BY org_vid, title_vid").fetchall():
        values.add(org, title, n)
    values.save()
