"""A guest's ceremony seat and dietary needs (guest.seat, guest.dietary).

Revision ID: 0007_seat
Revises: 0006
Create Date: 2026-12-07

Two plain text columns of the guest record (domain.guest_record), empty for the guests
already on the list.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_seat"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("guest", sa.Column("seat", sa.String(100), nullable=False,
                                     server_default=""))
    op.add_column("guest", sa.Column("dietary", sa.String(200), nullable=False,
                                     server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("guest") as batch:
        batch.drop_column("dietary")
        batch.drop_column("seat")
