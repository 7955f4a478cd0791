"""Schema versions: create, recognise and upgrade event databases with Alembic."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.errors import NewerSchemaError, NotAnEventDatabaseError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
MARKER_TABLE = "wimc_meta"
# Tables that are not the schema's: the search index's (services.search owns and makes
# them at the open of an event), which Alembic must neither compare nor drop.
NOT_SCHEMA_PREFIX = "search_"


def include_name(name: str | None, type_: str, parent_names: object = None) -> bool:
    """Alembic include_name filter: only the schema's own tables (see NOT_SCHEMA_PREFIX)."""
    return not (type_ == "table" and name is not None and name.startswith(NOT_SCHEMA_PREFIX))


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the package's migrations (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(db: Database) -> str | None:
    with db.translated(), db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_to_head(db: Database) -> None:
    """Bring the schema to the newest version in one write transaction.

    The search index is derived data, built by today's code from today's columns: the
    services build it once the schema is final (services.search.open_index, at every open
    of an event), never a migration (0003 used to fill it, and broke as soon as 0006 added
    a column the index code reads).
    """
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
    if MARKER_TABLE not in db.table_names():
        raise NotAnEventDatabaseError("{where}: holds no WIMC event database.",
                                      where=db.display_name)
    revision = current_revision(db)
    if revision is not None and revision not in known_revisions():
        raise NewerSchemaError(
            "{where}: this event database was written by a newer WIMC Desk "
            "(schema {revision}); update the app to open it.",
            where=db.display_name, revision=revision)
    if revision != head_revision():
        upgrade_to_head(db)
