"""Schema versions: create, recognise and upgrade event databases with Alembic.

Alembic (and the SQLAlchemy dialects it loads) is imported only when a database is not at
the newest revision: opening a current event reads its revision with one SELECT and
compares it with the head of the migration scripts' own `revision`/`down_revision` lines
(tests/unit/test_database.py checks that this reading agrees with Alembic's).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Connection

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.errors import NewerSchemaError, NotAnEventDatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
MARKER_TABLE = "wimc_meta"
# Tables that are not the schema's: the search index's (services.search owns and makes
# them at the open of an event), which Alembic must neither compare nor drop.
NOT_SCHEMA_PREFIX = "search_"


def include_name(name: str | None, type_: str, parent_names: object = None) -> bool:
    """Alembic include_name filter: only the schema's own tables (see NOT_SCHEMA_PREFIX)."""
    return not (type_ == "table" and name is not None and name.startswith(NOT_SCHEMA_PREFIX))


_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
VERSION_TABLE = "alembic_version"  # Alembic's own: one row, the database's revision


@cache
def script_revisions() -> tuple[frozenset[str], str | None]:
    """The revisions of the migration scripts and their head (None if not exactly one),
    read from the scripts' `revision` and `down_revision` lines, without Alembic."""
    revisions, downs = set(), set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        text = script.read_text(encoding="utf-8")
        found = _REVISION.search(text)
        if found:
            revisions.add(found.group(1))
            downs.update(_DOWN_REVISION.findall(text))
    heads = revisions - downs
    return frozenset(revisions), (next(iter(heads)) if len(heads) == 1 else None)


def stored_revision(db: Database, tables: list[str]) -> str | None:
    """The database's revision, read with one SELECT (None before the first migration)."""
    if VERSION_TABLE not in tables:
        return None
    with db.translated(), db.engine.connect() as conn:
        row = conn.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").first()
    return None if row is None else str(row[0])


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the package's migrations (no alembic.ini needed)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.translated(), db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_to_head(db: Database) -> None:
    """Bring the schema to the newest version in one write transaction.

    The search index is derived data, built by today's code from today's columns: the
    services build it once the schema is final (services.search.open_index, at every open
    of an event), never a migration (0003 used to fill it, and broke as soon as 0006 added
    a column the index code reads).
    """
    from alembic import command

    db.refuse_if_read_only()
    with db.translated(), db.engine.connect() as conn:
        conn = conn.execution_options(wimc_begin="IMMEDIATE")
        with conn.begin():
            if conn.dialect.name == "postgresql":
                # A schema change on a large table may run long, once: no statement limit
                # (the lock limit stays: a migration waiting behind a desk's row lock
                # would queue every other desk behind itself).
                conn.exec_driver_sql("SET LOCAL statement_timeout = 0")
            command.upgrade(alembic_config(conn), "head")


def check_event_database(db: Database) -> None:
    """Refuse a database that is not ours or is newer than this app; upgrade an older one."""
    tables = db.table_names()
    if MARKER_TABLE not in tables:
        raise NotAnEventDatabaseError("{where}: holds no WIMC event database.",
                                      where=db.display_name)
    head = script_revisions()[1]
    if head is not None and stored_revision(db, tables) == head:
        return  # (the usual open: a current event, no Alembic needed)
    revision = current_revision(db)
    if revision is not None and revision not in known_revisions():
        raise NewerSchemaError(
            "{where}: this event database was written by a newer WIMC Desk "
            "(schema {revision}); update the app to open it.",
            where=db.display_name, revision=revision)
    if revision != head_revision():
        upgrade_to_head(db)
