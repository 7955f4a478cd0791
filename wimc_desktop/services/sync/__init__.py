"""Many desks, one event: PostgreSQL is the hub, every desk keeps a full local copy and an
outbox (desk.py), the hub receives desks' events once and keeps a gapless feed (hub.py,
db.hub_feed), reached with the password never stored (connect.py)."""
