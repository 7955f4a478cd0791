"""The search index (SQLite only): FTS5 trigram table, sort-ordered documents, triggers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

PostgreSQL gets nothing here: it searches the guest table directly. A SQLite without
FTS5 gets nothing either and searches the same way.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from wimc_desktop.db.search_index import create_search_index, fts5_available

    conn = op.get_bind()
    if conn.dialect.name != "sqlite" or not fts5_available(conn):
        return
    # The tables only: db.migrate.upgrade_to_head fills them once the schema is final.
    create_search_index(conn)


def downgrade() -> None:
    from wimc_desktop.db.search_index import drop_search_index

    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        drop_search_index(conn)
        conn.exec_driver_sql("DELETE FROM wimc_meta WHERE key = 'search_index_format'")
