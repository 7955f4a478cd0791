"""The search index (SQLite only): now made by the services, not by this migration.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

The index's tables and triggers belong to services.search, which creates, checks and
rebuilds them at every open of an event (services.search.open_index): migrations do not
import services. This revision once created them; it now does nothing on the way up, and
on the way down drops what an event made since may hold (names as of this revision's
successors: the index's tables all start with ``search_``).
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    for (trigger,) in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'"
            ).fetchall():
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    for (table,) in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'search%' "
            "AND name NOT LIKE 'search_fts_%' AND name NOT LIKE 'search_value_fts_%' "
            "ORDER BY name DESC").fetchall():
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
    conn.exec_driver_sql("DELETE FROM wimc_meta WHERE key = 'search_index_format'")
