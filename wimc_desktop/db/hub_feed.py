"""The hub's feed (PostgreSQL): every row written to a table desks copy, numbered by a
gapless, commit-ordered counter, so a desk pulls "seq > cursor" and misses nothing.

Why one counter row, and not a sequence or an identity column: a sequence hands out
numbers when asked, not when the transaction commits. Transaction A takes 41, B takes 42,
B commits first; a desk that pulls then reads 42, moves its cursor to 42, and never sees
41 when A commits a moment later. A rolled-back transaction also leaves a hole, which a
reader cannot tell from a transaction still running. Here each writing transaction
updates the one row of hub_counter (value + 1): the row lock is held until commit, so a
second writer waits, and takes the next number only after the first has committed or
rolled back (a rollback returns its number). Numbers are therefore gapless and in commit
order: whoever sees seq N committed sees every seq below it. The price is that writing
transactions on the hub are serialised at that row; each is a few milliseconds.

All rows a transaction writes share its number; hub_feed's second key (id, from a plain
sequence) orders them within it, so a desk can pull one huge import in batches with a
(seq, id) cursor. Statement-level triggers with transition tables add the feed rows: an
import of 100,000 guests costs one trigger call per statement, not per row.
LISTEN/NOTIFY ("wimc_hub") is only a wake-up: notifications are lost while a desk is
offline, so desks also pull on reconnect and on a timer.

The hub's receipt of desks' events (services.sync.hub) takes its number first of all
(`take_number`), before it locks a guest: a transaction that held a guest and then
waited for the counter could deadlock with one holding the counter. An audit row written
on the hub likewise takes it before it locks its chain's head (services.audit).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

# The tables desks copy from the hub, parents first (the order a desk applies a batch
# in), with each one's key column.
REPLICATED: dict[str, str] = {
    "event": "id", "category": "code", "import_batch": "id", "guest": "id",
    "revoked_badge": "code", "checkin": "id", "checkin_undo": "id", "audit": "id",
    "badge_print": "id", "signing": "id", "signing_party": "id", "signing_witness": "id",
    "signing_history": "id", "hub_event": "id",
}
CHANNEL = "wimc_hub"

_FUNCTIONS = ("""
CREATE OR REPLACE FUNCTION wimc_hub_seq() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  mark text := current_setting('wimc.hub_tx', true);
  tx text := txid_current()::text;
  n bigint;
BEGIN
  IF mark IS NULL OR mark = '' OR split_part(mark, ':', 1) <> tx THEN
    UPDATE hub_counter SET value = value + 1 WHERE id = 1 RETURNING value INTO n;
    PERFORM set_config('wimc.hub_tx', tx || ':' || n::text, true);
    PERFORM pg_notify('wimc_hub', '');
    RETURN n;
  END IF;
  RETURN split_part(mark, ':', 2)::bigint;
END $$
""", """
CREATE OR REPLACE FUNCTION wimc_hub_feed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows) THEN
    n := wimc_hub_seq();
    INSERT INTO hub_feed (seq, tbl, row_id)
      SELECT n, TG_TABLE_NAME, to_jsonb(r) ->> TG_ARGV[0] FROM new_rows r;
  END IF;
  RETURN NULL;
END $$
""")


def take_number(conn: Connection) -> int:
    """This transaction's number in the feed (PostgreSQL; the same number when taken
    again). A writer takes it before it locks any other shared row (a guest, the audit
    chain's head): every writer then waits at the counter first, and two never hold one
    row each while waiting for the other's."""
    return int(conn.execute(text("SELECT wimc_hub_seq()")).scalar_one())


def create_feed_triggers(conn: Connection) -> None:
    """The counter's row, the feed's id sequence and the triggers (PostgreSQL only)."""
    conn.exec_driver_sql("INSERT INTO hub_counter (id, value) VALUES (1, 0)")
    conn.exec_driver_sql("CREATE SEQUENCE hub_feed_id_seq OWNED BY hub_feed.id")
    conn.exec_driver_sql("ALTER TABLE hub_feed ALTER COLUMN id "
                         "SET DEFAULT nextval('hub_feed_id_seq')")
    for function in _FUNCTIONS:
        conn.exec_driver_sql(function)
    for table, key in REPLICATED.items():
        for verb in ("INSERT", "UPDATE"):
            conn.exec_driver_sql(
                f"CREATE TRIGGER wimc_feed_{verb.lower()} AFTER {verb} ON {table} "
                f"REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
                f"EXECUTE FUNCTION wimc_hub_feed('{key}')")


def drop_feed_triggers(conn: Connection) -> None:
    for table in REPLICATED:
        for verb in ("insert", "update"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS wimc_feed_{verb} ON {table}")
    conn.exec_driver_sql("DROP FUNCTION IF EXISTS wimc_hub_feed()")
    conn.exec_driver_sql("DROP FUNCTION IF EXISTS wimc_hub_seq()")
