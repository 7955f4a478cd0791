"""The audit log's guest no longer a foreign key: an audit row records what was done, and
may name a guest this database does not hold.

Revision ID: 0014_audit_guest_unbound
Revises: 0013_hub_push
Create Date: 2026-12-07

Many desks: a desk's walk-in the hub refuses (its guest never reaches the hub) still has
its audit rows, in that desk's chain; the hub and every other desk must keep them, or the
chain has a gap there and `audit verify` fails. The column and its index stay. On SQLite
the table is rebuilt (batch mode), which drops its append-only triggers: they are made
again as they were (migration 0010).
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_audit_guest_unbound"
down_revision = "0013_hub_push"
branch_labels = None
depends_on = None

FOREIGN_KEY = "fk_audit_guest_id_guest"
SQLITE_TRIGGERS = (
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN "
    "SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN "
    "SELECT RAISE(ABORT, 'the audit log is append-only'); END",
)


def _rebuilt_on_sqlite(conn: sa.Connection) -> None:
    for statement in SQLITE_TRIGGERS:
        conn.exec_driver_sql(statement)


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        op.drop_constraint(FOREIGN_KEY, "audit", type_="foreignkey")
        return
    with op.batch_alter_table("audit", recreate="always") as batch:
        batch.drop_constraint(FOREIGN_KEY, type_="foreignkey")
    _rebuilt_on_sqlite(conn)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        op.create_foreign_key(FOREIGN_KEY, "audit", "guest", ["guest_id"], ["id"])
        return
    with op.batch_alter_table("audit", recreate="always") as batch:
        batch.create_foreign_key(FOREIGN_KEY, "guest", ["guest_id"], ["id"])
    _rebuilt_on_sqlite(conn)
