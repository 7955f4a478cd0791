"""The contract-signing register (signings, parties, witnesses, history) and badge prints.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from wimc_desktop.db.schema import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _text(name: str, length: int) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.String(length), nullable=False, server_default="")


def _id() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column("id", sa.String(36), nullable=False)


def upgrade() -> None:
    op.create_table(
        "badge_print", _id(),
        sa.Column("guest_id", sa.String(36), nullable=False),
        sa.Column("badge_code", sa.String(32), nullable=False),
        sa.Column("printed_at", UTCDateTime(), nullable=False),
        _text("desk", 100), _text("operator", 100),
        sa.Column("template", sa.String(16), nullable=False),
        sa.Column("output", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(["guest_id"], ["guest.id"], name="fk_badge_print_guest_id_guest"),
        sa.PrimaryKeyConstraint("id", name="pk_badge_print"),
    )
    op.create_index("ix_badge_print_guest_id", "badge_print", ["guest_id"])
    op.create_table(
        "signing", _id(),
        _text("project_zh", 200), _text("project_en", 200), _text("sector", 100),
        _text("location", 200),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        _text("ceremony", 200),
        sa.Column("signed_at", UTCDateTime(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        _text("recorded_by", 100),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_signing"),
    )
    op.create_index("ix_signing_signed_at", "signing", ["signed_at"])
    for table, columns in (
        ("signing_party", [_text("name", 200), _text("role", 100), _text("country", 100)]),
        ("signing_witness", [_text("name", 200), _text("title", 200)]),
    ):
        op.create_table(
            table, _id(),
            sa.Column("signing_id", sa.String(36), nullable=False),
            sa.Column("position", sa.Integer(), nullable=False),
            *columns,
            sa.Column("guest_id", sa.String(36), nullable=True),
            sa.ForeignKeyConstraint(["signing_id"], ["signing.id"],
                                    name=f"fk_{table}_signing_id_signing"),
            sa.ForeignKeyConstraint(["guest_id"], ["guest.id"], name=f"fk_{table}_guest_id_guest"),
            sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        )
        op.create_index(f"ix_{table}_signing_id", table, ["signing_id"])
    op.create_table(
        "signing_history", _id(),
        sa.Column("signing_id", sa.String(36), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        _text("operator", 100),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["signing_id"], ["signing.id"],
                                name="fk_signing_history_signing_id_signing"),
        sa.PrimaryKeyConstraint("id", name="pk_signing_history"),
    )
    op.create_index("ix_signing_history_signing_id", "signing_history", ["signing_id"])


def downgrade() -> None:
    for table in ("signing_history", "signing_witness", "signing_party", "signing",
                  "badge_print"):
        op.drop_table(table)
