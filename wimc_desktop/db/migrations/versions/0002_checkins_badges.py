"""Check-ins (append-only, with undo rows), revoked badge codes and the audit log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from wimc_desktop.db.schema import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _text(name: str, length: int) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.String(length), nullable=False, server_default="")


def upgrade() -> None:
    op.create_table(
        "revoked_badge",
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("guest_id", sa.String(36), nullable=False),
        sa.Column("revoked_at", UTCDateTime(), nullable=False),
        sa.Column("replaced_by", sa.String(32), nullable=False),
        _text("desk", 100), _text("operator", 100),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(["guest_id"], ["guest.id"],
                                name="fk_revoked_badge_guest_id_guest"),
        sa.PrimaryKeyConstraint("code", name="pk_revoked_badge"),
    )
    op.create_index("ix_revoked_badge_guest_id", "revoked_badge", ["guest_id"])
    op.create_table(
        "checkin",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("guest_id", sa.String(36), nullable=False),
        sa.Column("event_day", sa.Date(), nullable=False),
        _text("session", 100),
        sa.Column("at", UTCDateTime(), nullable=False),
        _text("desk", 100), _text("operator", 100),
        sa.Column("method", sa.String(16), nullable=False),
        _text("badge_code", 32),
        sa.Column("nonce", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["guest_id"], ["guest.id"], name="fk_checkin_guest_id_guest"),
        sa.PrimaryKeyConstraint("id", name="pk_checkin"),
        sa.UniqueConstraint("nonce", name="uq_checkin_nonce"),
    )
    op.create_index("ix_checkin_guest_id_event_day", "checkin", ["guest_id", "event_day"])
    op.create_index("ix_checkin_event_day_at", "checkin", ["event_day", "at"])
    op.create_table(
        "checkin_undo",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("checkin_id", sa.String(36), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        _text("desk", 100), _text("operator", 100),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("nonce", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["checkin_id"], ["checkin.id"],
                                name="fk_checkin_undo_checkin_id_checkin"),
        sa.PrimaryKeyConstraint("id", name="pk_checkin_undo"),
        sa.UniqueConstraint("checkin_id", name="uq_checkin_undo_checkin_id"),
        sa.UniqueConstraint("nonce", name="uq_checkin_undo_nonce"),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        _text("desk", 100), _text("operator", 100),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("guest_id", sa.String(36), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["guest_id"], ["guest.id"], name="fk_audit_guest_id_guest"),
        sa.PrimaryKeyConstraint("id", name="pk_audit"),
    )
    op.create_index("ix_audit_guest_id", "audit", ["guest_id"])


def downgrade() -> None:
    for table in ("audit", "checkin_undo", "checkin", "revoked_badge"):
        op.drop_table(table)
