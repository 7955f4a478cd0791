"""The change log's transaction number: PostgreSQL readers follow commits, not ids.

Revision ID: 0012_change_log_txid
Revises: 0011_hub
Create Date: 2026-12-07

PostgreSQL hands out a row's id before its transaction commits, so a reader of "the ids
after the last one seen" can skip a row committed late. Each change_log row now carries
its transaction's id (PostgreSQL: pg_current_xact_id(), as a column default, so every
writer fills it); a reader keeps the snapshot of its last poll and reads exactly the rows
of the transactions that snapshot did not see (db.change_feed). On SQLite (one writer at
a time: ids follow commits) the column stays empty.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_change_log_txid"
down_revision = "0011_hub"
branch_labels = None
depends_on = None


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    default = sa.text("(pg_current_xact_id()::text)::bigint") if postgres else None
    op.add_column("change_log", sa.Column("txid", sa.BigInteger(), nullable=True,
                                          server_default=default))
    op.create_index("ix_change_log_txid", "change_log", ["txid"])


def downgrade() -> None:
    op.drop_index("ix_change_log_txid", table_name="change_log")
    op.drop_column("change_log", "txid")
