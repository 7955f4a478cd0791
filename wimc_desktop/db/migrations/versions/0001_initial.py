"""The first schema: meta, event, categories, import batches, guests.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from wimc_desktop.db.schema import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _text(name: str, length: int) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.String(length), nullable=False, server_default="")


def upgrade() -> None:
    op.create_table(
        "wimc_meta",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_wimc_meta"),
    )
    op.create_table(
        "event",
        sa.Column("id", sa.String(36), nullable=False),
        _text("name_zh", 200), _text("name_en", 200), _text("venue", 200), _text("city", 100),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("badge_prefix", sa.String(16), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_event"),
    )
    op.create_table(
        "category",
        sa.Column("code", sa.String(32), nullable=False),
        _text("name_zh", 100), _text("name_en", 100),
        sa.Column("color", sa.String(9), nullable=False),
        sa.Column("is_vip", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_category"),
    )
    op.create_table(
        "import_batch",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("file_name", sa.String(500), nullable=False),
        _text("encoding", 100), _text("sheet", 200),
        sa.Column("imported_at", UTCDateTime(), nullable=False),
        sa.Column("total_rows", sa.Integer(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_import_batch"),
    )
    op.create_table(
        "guest",
        sa.Column("id", sa.String(36), nullable=False),
        _text("name", 200), _text("name_en", 200), _text("gender", 1),
        _text("organization", 200), _text("title", 200),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("attendance", sa.String(8), nullable=False),
        _text("country", 100), _text("mobile", 32), _text("email", 200),
        sa.Column("badge_code", sa.String(32), nullable=False),
        _text("external_id", 100),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        _text("source", 200),
        sa.Column("import_id", sa.String(36), nullable=True),
        sa.Column("extra", sa.JSON(), nullable=False),
        _text("name_pinyin", 200), _text("name_initials", 100), _text("name_latin", 200),
        _text("phone_digits", 32),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["category"], ["category.code"],
                                name="fk_guest_category_category"),
        sa.ForeignKeyConstraint(["import_id"], ["import_batch.id"],
                                name="fk_guest_import_id_import_batch"),
        sa.PrimaryKeyConstraint("id", name="pk_guest"),
        sa.UniqueConstraint("badge_code", name="uq_guest_badge_code"),
    )
    op.create_index("ix_guest_category", "guest", ["category"])
    op.create_index("ix_guest_name_pinyin_name", "guest", ["name_pinyin", "name"])


def downgrade() -> None:
    for table in ("guest", "import_batch", "category", "event", "wimc_meta"):
        op.drop_table(table)
