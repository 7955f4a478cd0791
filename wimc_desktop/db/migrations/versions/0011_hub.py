"""Many desks: the hub's event log, counter and feed; a desk's outbox and sync state.

Revision ID: 0011_hub
Revises: 0010_audit_chain
Create Date: 2026-12-07

Every database gets the tables (one schema everywhere; a desk's copy of hub_event holds
the receipts it pulled). On PostgreSQL (the hub) triggers put every row written to a
table desks copy into hub_feed under the number of its transaction: see db.hub_feed.
"""

import sqlalchemy as sa
from alembic import op

from wimc_desktop.db.hub_feed import create_feed_triggers, drop_feed_triggers

revision = "0011_hub"
down_revision = "0010_audit_chain"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_event",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("desk", sa.String(100), nullable=False, server_default=""),
        sa.Column("operator", sa.String(100), nullable=False, server_default=""),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("device_at", sa.DateTime(), nullable=False),
        sa.Column("hub_at", sa.DateTime(), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("guest_id", sa.String(36), nullable=True),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("conflict", sa.String(32), nullable=False, server_default=""),
        sa.Column("kept_desk", sa.String(100), nullable=False, server_default=""),
        sa.Column("kept_operator", sa.String(100), nullable=False, server_default=""),
        sa.Column("kept_at", sa.DateTime(), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_hub_event"),
    )
    op.create_index("ix_hub_event_conflict_day", "hub_event", ["conflict", "day"])
    op.create_table(
        "hub_counter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_hub_counter"),
    )
    op.create_table(
        "hub_feed",
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), nullable=False),
        sa.Column("tbl", sa.String(32), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("seq", "id", name="pk_hub_feed"),
    )
    op.create_table(
        "sync_outbox",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("receipted_at", sa.DateTime(), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sync_outbox"),
        sa.UniqueConstraint("position", name="uq_sync_outbox_position"),
    )
    op.create_index("ix_sync_outbox_status_position", "sync_outbox", ["status", "position"])
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hub_url", sa.Text(), nullable=False),
        sa.Column("desk", sa.String(100), nullable=False, server_default=""),
        sa.Column("cursor_seq", sa.BigInteger(), nullable=False),
        sa.Column("cursor_id", sa.BigInteger(), nullable=False),
        sa.Column("online", sa.Boolean(), nullable=False),
        sa.Column("since", sa.DateTime(), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_sync_state"),
    )
    if op.get_context().dialect.name == "postgresql":
        create_feed_triggers(op.get_bind())


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        drop_feed_triggers(op.get_bind())
    for table in ("sync_state", "sync_outbox", "hub_feed", "hub_counter", "hub_event"):
        op.drop_table(table)
