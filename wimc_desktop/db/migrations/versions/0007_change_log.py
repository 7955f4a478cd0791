"""The change log: what each write changed, for other processes and desks (change feed).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

Each write transaction appends one row per kind of row it changed (db.change_feed), in
the same transaction; a desk polls the rows after its cursor to hear of other processes'
writes (a CLI walk-in, another desk on a shared PostgreSQL). Rows are pruned as it grows.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("writer", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("ids", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_change_log"),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("change_log")
