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
transactions on the hub commit one at a time.

All rows a transaction writes share its number; hub_feed's second key (id, from a plain
sequence) orders them within it, so a desk can pull one huge import in batches with a
(seq, id) cursor. Statement-level triggers with transition tables add the feed rows: an
import of 100,000 guests costs one trigger call per statement, not per row.
LISTEN/NOTIFY ("wimc_hub") is only a wake-up: notifications are lost while a desk is
offline, so desks also pull on reconnect and on a timer.

The number is taken at commit, not at a transaction's first write: the statement
triggers mark the transaction's feed rows with a placeholder (minus its transaction id)
and put one row in hub_tx_mark, whose deferred constraint trigger, run as the transaction
commits, takes the counter, gives the rows their number and wakes the desks. The counter's
lock is thus held from the commit's first step to its end (microseconds of server time,
and the commit's own flush), never across a client's round trips: before (session 8) each
transaction took it at its first write and kept it for its 7-9 statements, and 20 desks
pushing at once queued behind whichever holder the OS had descheduled. It also makes the
counter every writer's last lock, so no writer holding it ever waits for a guest or an
audit chain's head (a desk's push, which took it first, and a check-in made on the hub,
which took it after locking its guest, could deadlock before).
"""

from __future__ import annotations

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

# Session 7's numbering (0011_hub): the counter taken at a transaction's first write and
# held to its end; kept for 0012's downgrade.
FUNCTIONS_AT_FIRST_WRITE = ("""
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

# The numbering at commit (0013): feed rows written under -txid, numbered by
# wimc_hub_number() when the transaction's hub_tx_mark row's deferred trigger runs.
FUNCTIONS_AT_COMMIT = ("""
CREATE OR REPLACE FUNCTION wimc_hub_tx() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  tx bigint := txid_current();
BEGIN
  IF coalesce(current_setting('wimc.hub_tx', true), '') <> tx::text THEN
    INSERT INTO hub_tx_mark (tx) VALUES (tx) ON CONFLICT DO NOTHING;
    PERFORM set_config('wimc.hub_tx', tx::text, true);
  END IF;
  RETURN -tx;
END $$
""", """
CREATE OR REPLACE FUNCTION wimc_hub_feed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows) THEN
    INSERT INTO hub_feed (seq, tbl, row_id)
      SELECT wimc_hub_tx(), TG_TABLE_NAME, to_jsonb(r) ->> TG_ARGV[0] FROM new_rows r;
  END IF;
  RETURN NULL;
END $$
""", """
CREATE OR REPLACE FUNCTION wimc_hub_number() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
BEGIN
  DELETE FROM hub_tx_mark WHERE tx = NEW.tx;
  UPDATE hub_counter SET value = value + 1 WHERE id = 1 RETURNING value INTO n;
  UPDATE hub_feed SET seq = n WHERE seq = -NEW.tx;
  PERFORM pg_notify('wimc_hub', '');
  RETURN NULL;
END $$
""")


def create_feed_triggers(conn: Connection) -> None:
    """The counter's row, the feed's id sequence and the triggers, numbering at a
    transaction's first write (0011_hub; PostgreSQL only)."""
    conn.exec_driver_sql("INSERT INTO hub_counter (id, value) VALUES (1, 0)")
    conn.exec_driver_sql("CREATE SEQUENCE hub_feed_id_seq OWNED BY hub_feed.id")
    conn.exec_driver_sql("ALTER TABLE hub_feed ALTER COLUMN id "
                         "SET DEFAULT nextval('hub_feed_id_seq')")
    for function in FUNCTIONS_AT_FIRST_WRITE:
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


def number_at_commit(conn: Connection) -> None:
    """The feed's triggers number at commit (0013; hub_tx_mark made by the migration)."""
    for function in FUNCTIONS_AT_COMMIT:  # (wimc_hub_feed replaced: the triggers stay)
        conn.exec_driver_sql(function)
    conn.exec_driver_sql("DROP FUNCTION wimc_hub_seq()")
    conn.exec_driver_sql("CREATE CONSTRAINT TRIGGER wimc_hub_number AFTER INSERT ON "
                         "hub_tx_mark DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                         "EXECUTE FUNCTION wimc_hub_number()")


def number_at_first_write(conn: Connection) -> None:
    """Back to 0011's numbering (0013's downgrade)."""
    conn.exec_driver_sql("DROP TRIGGER wimc_hub_number ON hub_tx_mark")
    conn.exec_driver_sql("DROP FUNCTION wimc_hub_number()")
    for function in FUNCTIONS_AT_FIRST_WRITE:
        conn.exec_driver_sql(function)
    conn.exec_driver_sql("DROP FUNCTION wimc_hub_tx()")
