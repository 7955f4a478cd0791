"""The hub's side of a push in one round trip: feed rows numbered at commit, and the
events desks make most received by one server-side call.

Revision ID: 0013_hub_push
Revises: 0012_change_log_txid
Create Date: 2026-12-07

The counter row of db.hub_feed was taken by a transaction's first write and held to its
end: 20 desks pushing at once queued behind it for every client round trip of the holder.
Now the feed's statement triggers write the rows under a placeholder (minus the
transaction's id) and one hub_tx_mark row, whose deferred constraint trigger takes the
counter as the transaction commits and numbers the rows (still gapless, still in commit
order). The function wimc_receive (db.hub_receive) decides and writes a batch of
check-ins and audit rows in one statement. Every database gets the table (one schema
everywhere); only PostgreSQL its triggers and functions.
"""

import sqlalchemy as sa
from alembic import op

from wimc_desktop.db.hub_feed import number_at_commit, number_at_first_write
from wimc_desktop.db.hub_receive import RECEIVE_FUNCTION

revision = "0013_hub_push"
down_revision = "0012_change_log_txid"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_tx_mark",
        sa.Column("tx", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("tx", name="pk_hub_tx_mark"),
    )
    if op.get_context().dialect.name == "postgresql":
        number_at_commit(op.get_bind())
        op.get_bind().exec_driver_sql(RECEIVE_FUNCTION)


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.get_bind().exec_driver_sql("DROP FUNCTION wimc_receive(json)")
        number_at_first_write(op.get_bind())
    op.drop_table("hub_tx_mark")
