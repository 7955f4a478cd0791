"""The SQLite search index: its tables and triggers, and the text forms it is built from.

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

import re
from functools import lru_cache

from sqlalchemy.engine import Connection

from wimc_desktop.domain.names import fold_latin
from wimc_desktop.domain.search_keys import name_shorthand

FORMAT = "3"  # bump when the body or sort key changes: the index is then rebuilt
# (2: names in order syllable by syllable, guest.name_sort; 3: the name's shorthand,
# "zhangyh" for 张宇航, among the initials)
FORMAT_KEY = "search_index_format"
TABLES = ("search_doc", "search_fts", "search_value", "search_value_fts", "search_pair",
          "search_pending", "search_code_prefix", "search_tag", "search_stat")
TRIGGERS = ("search_guest_update", "search_guest_delete")
FTS_HASH_BYTES = 32 * 1024 * 1024  # FTS5 pending-data size: fewer flushes on bulk writes
# The guest columns the index is built from: only their changes mark a guest for re-indexing
# (a check-in that touches updated_at does not).
INDEXED = ("id", "name", "name_initials", "name_latin", "organization", "title",
           "phone_digits", "email", "external_id", "name_pinyin", "badge_code", "category",
           "attendance", "name_sort")

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
# The triggers, made where missing (a rebuild repairs them).
MISSING_TRIGGERS_DDL = tuple(s.replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS", 1)
                             for s in DDL if s.startswith("CREATE TRIGGER"))


def include_name(name: str | None, type_: str, parent_names: object = None) -> bool:
    """Alembic include_name filter: the search tables are not ORM tables, skip them."""
    return not (type_ == "table" and name is not None and name.startswith(TABLES))


def fts5_available(conn: Connection) -> bool:
    """FTS5 with the trigram tokenizer (3.34), and MATERIALIZED (3.35) for the bulk fill."""
    version, fts5 = conn.exec_driver_sql(
        "SELECT sqlite_version(), sqlite_compileoption_used('ENABLE_FTS5')").one()
    return bool(fts5) and tuple(int(p) for p in str(version).split(".")[:2]) >= (3, 35)


def create_search_index(conn: Connection) -> None:
    """Create the index tables and triggers (SQLite with FTS5 only), empty: all guests late."""
    for statement in DDL:
        conn.exec_driver_sql(statement)


def drop_search_index(conn: Connection) -> None:
    for trigger in TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    for table in reversed(TABLES):
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")


# --- text forms (shared by the index and the queries, so both always agree) ---------

SEP = "\x01"  # around every Hanzi: "\x01张\x01乐\x01" (one and two Hanzi become trigrams)
NAME_START = "\x02\x02"  # before the name: prefix and exact name matches
END = "\x03"  # after every field: no match can span two fields
PINYIN = "\x04\x04"
INITIALS = "\x05\x05"
EXTERNAL = "\x08\x08"
CATEGORY_TAG = "\x06"
ATTENDANCE_TAG = "\x07"
ORG_TAG = "\x0e"
TITLE_TAG = "\x0f"
_TAG_BASE = 0xE000  # tags are private-use characters, which are removed from all text
_TAG_SPAN = 0x1900

_REMOVED = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ue000-\uf8ff]")
_NAME_JOINERS = str.maketrans({" ": None, "·": None, "•": None, "・": None, "‧": None,
                               ".": None, "-": None})
_PINYIN_JUNK = re.compile(r"[^a-z0-9]+")
_HANZI = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_PLAIN = re.compile("[a-z0-9@._+-]*")  # already folded (most e-mail addresses)
_ONLY_HANZI = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]+")


class _SeparatedHanzi(dict[int, str]):
    def __missing__(self, code: int) -> str:
        ch = chr(code)
        value = self[code] = SEP + ch + SEP if _HANZI.match(ch) else ch
        return value


_SEPARATED = _SeparatedHanzi()


def clean(text: str) -> str:
    """Text without control, surrogate and private-use characters (markers and tags)."""
    return text if text.isprintable() else _REMOVED.sub("", text)


def fold(text: str) -> str:
    """Case, accents, full-width forms and runs of spaces folded: the searchable form."""
    return fold_latin(clean(text))


def has_hanzi(text: str) -> bool:
    return _HANZI.search(text) is not None


def name_form(text: str) -> str:
    """A name folded; a Chinese name also loses spaces and dots (阿卜杜拉·买买提)."""
    if _ONLY_HANZI.fullmatch(text):
        return text  # most names: nothing to fold
    folded = fold(text)
    return folded.translate(_NAME_JOINERS) if has_hanzi(folded) else folded


def pinyin_key(text: str) -> str:
    """Only the letters and digits of folded text: 'Zhang Le-fu' -> 'zhanglefu'."""
    if text.isascii() and text.isalnum():
        return text.lower()
    return _PINYIN_JUNK.sub("", fold(text))


def separated(text: str) -> str:
    """Every Hanzi between separators, so that one and two Hanzi make a trigram."""
    if text.isascii():
        return text
    return text.translate(_SEPARATED).replace(SEP + SEP, SEP)


def tag_text(marker: str, number: int) -> str:
    """The three characters (one trigram) that stand for one category or attendance."""
    return marker + chr(_TAG_BASE + number // _TAG_SPAN) + chr(_TAG_BASE + number % _TAG_SPAN)


@lru_cache(maxsize=8192)
def value_form(text: str) -> str:
    """The indexed form of an organisation or a title (one per distinct value)."""
    return separated(fold(text))


def document(name: str, pinyin: str, initials: str, latin: str, phone: str, email: str,
             external_id: str) -> str:
    """The indexed text of one guest, without its tags: each field with its markers."""
    own = name_form(name)
    latin = fold(latin) if latin else ""
    body = (NAME_START + separated(own) + END + PINYIN + pinyin_key(pinyin).upper() + END
            + INITIALS + clean(initials).upper() + END)
    short = name_shorthand(name, pinyin, initials)
    if short:  # found like the initials: as a prefix, at rank 2
        body += INITIALS + short.upper() + END
    if latin and latin != own:
        body += latin + END
    body += clean(phone) + END + (email if _PLAIN.fullmatch(email) else fold(email)) + END
    if external_id:
        body += EXTERNAL + fold(external_id).upper() + END
    return body


def sort_key(name_sort: str, name: str, organization: str, title: str, guest_id: str) -> str:
    """The order of index rids: the name's pinyin syllable by syllable (guest.name_sort),
    then name, organisation, title and id."""
    return SEP.join((clean(name_sort), clean(name), clean(organization), clean(title),
                     guest_id))
