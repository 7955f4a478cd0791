"""Operators: the people who work the desks, their roles and password hashes.

Revision ID: 0009_operators
Revises: 0008_change_log
Create Date: 2026-12-07

An event with no row here is an open desk, as before (the login name is recorded).
"""

import sqlalchemy as sa
from alembic import op

from wimc_desktop.db.schema import UTCDateTime

revision = "0009_operators"
down_revision = "0008_change_log"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "operator",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("display_name", sa.String(200), nullable=False, server_default=""),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_failure", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("name", name="pk_operator"),
    )


def downgrade() -> None:
    op.drop_table("operator")
