"""The audit log as a hash chain, append-only; resident ID numbers as a keyed hash.

Revision ID: 0010_audit_chain
Revises: 0009_operators
Create Date: 2026-12-07

Each audit row gains its chain and sequence number, the operator's role, the reason (lifted out of
the details where an older row kept it there), the previous row's hash and its own
(domain.audit_chain). There is one chain per database that writes rows: "" for an event
file and the hub, a desk file's own id for a desk (made at join), whose rows reach the hub
and the other desks by sync as they are; (chain, seq) is unique. The rows already in the
file are chained here, in chain "", in the order they were written (time, then id). Each
chain's head (rows, newest hash) is kept in wimc_meta under "audit_head" (chain "") or
"audit_head:<chain>": the row a writer locks on PostgreSQL before it appends, and the end a
verification must reach. Triggers refuse UPDATE and DELETE on the audit table (and
TRUNCATE on PostgreSQL). The guest gains the keyed hash and the masked form of a resident
ID card number (services.id_numbers); the number itself is never stored.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_audit_chain"
down_revision = "0009_operators"
branch_labels = None
depends_on = None

HEAD_KEY = "audit_head"

SQLITE_TRIGGERS = (
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN "
    "SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN "
    "SELECT RAISE(ABORT, 'the audit log is append-only'); END",
)
POSTGRES_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION wimc_audit_append_only() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN "
    "RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege'; "
    "END $$",
    "CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit "
    "FOR EACH ROW EXECUTE FUNCTION wimc_audit_append_only()",
    "CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit "
    "FOR EACH STATEMENT EXECUTE FUNCTION wimc_audit_append_only()",
)


def _chain_existing(conn: sa.Connection) -> tuple[int, str]:
    from wimc_desktop.db.schema import UTCDateTime
    from wimc_desktop.domain.audit_chain import GENESIS, entry_hash, sorted_details

    rows = conn.execute(sa.text("SELECT id, at, desk, operator, action, guest_id, details "
                                "FROM audit ORDER BY at, id").columns(
        at=UTCDateTime(), details=sa.JSON())).all()
    update = sa.text("UPDATE audit SET seq = :seq, reason = :reason, details = :details, "
                     "prev_hash = :prev, hash = :hash WHERE id = :id").bindparams(
        sa.bindparam("details", type_=sa.JSON()))
    prev, params = GENESIS, []
    for seq, (id_, at, desk, operator, action, guest_id, details) in enumerate(rows, 1):
        data = sorted_details(dict(details or {}))
        reason = str(data.pop("reason", ""))
        digest = entry_hash(seq, id_, at, operator, "", desk, action, guest_id, reason,
                            data, prev)
        params.append({"seq": seq, "reason": reason, "details": data,
                       "prev": prev, "hash": digest, "id": id_})
        prev = digest
    if params:
        conn.execute(update, params)
    return len(rows), prev


def upgrade() -> None:
    with op.batch_alter_table("audit") as batch:
        batch.add_column(sa.Column("chain", sa.String(36), nullable=False, server_default=""))
        batch.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("role", sa.String(32), nullable=False, server_default=""))
        batch.add_column(sa.Column("reason", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("prev_hash", sa.String(64), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("hash", sa.String(64), nullable=False, server_default=""))
    conn = op.get_bind()
    count, head = _chain_existing(conn)
    with op.batch_alter_table("audit") as batch:
        batch.alter_column("seq", existing_type=sa.Integer(), nullable=False)
        batch.create_unique_constraint("uq_audit_chain_seq", ["chain", "seq"])
    conn.execute(sa.text("INSERT INTO wimc_meta (key, value) VALUES (:key, :value)"),
                 {"key": HEAD_KEY, "value": f"{count}:{head}"})
    for statement in (SQLITE_TRIGGERS if conn.dialect.name == "sqlite" else POSTGRES_TRIGGERS):
        conn.exec_driver_sql(statement)
    with op.batch_alter_table("guest") as batch:
        batch.add_column(sa.Column("id_number_hash", sa.String(64), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("id_number_masked", sa.String(18), nullable=False,
                                   server_default=""))
    op.create_index("ix_guest_id_number_hash", "guest", ["id_number_hash"])


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DROP TRIGGER audit_no_update")
        conn.exec_driver_sql("DROP TRIGGER audit_no_delete")
    else:
        conn.exec_driver_sql("DROP TRIGGER audit_no_change ON audit")
        conn.exec_driver_sql("DROP TRIGGER audit_no_truncate ON audit")
        conn.exec_driver_sql("DROP FUNCTION wimc_audit_append_only()")
    conn.execute(sa.text("DELETE FROM wimc_meta WHERE key = :key OR key LIKE :others "
                         "OR key = 'audit_chain'"),
                 {"key": HEAD_KEY, "others": f"{HEAD_KEY}:%"})
    op.drop_index("ix_guest_id_number_hash", table_name="guest")
    with op.batch_alter_table("guest") as batch:
        batch.drop_column("id_number_masked")
        batch.drop_column("id_number_hash")
    with op.batch_alter_table("audit") as batch:
        batch.drop_constraint("uq_audit_chain_seq", type_="unique")
        for column in ("hash", "prev_hash", "reason", "role", "seq", "chain"):
            batch.drop_column(column)
