"""The audit log's hash chain: each entry's canonical bytes, its hash, and the check.

Each entry holds the hash of the one before it (the first: GENESIS) and its own hash,
SHA-256 over a stable serialisation of every field that matters (sequence number, id,
time, operator, role, desk, action, guest, reason, details with before/after, previous
hash). Editing, deleting or inserting an entry with another tool breaks the chain at that
entry; rewriting the whole chain after it changes the head, which the dashboard shows and
every daily report prints.

Each database that writes entries keeps its own chain (an event file and the hub: chain
""; each desk of a hub: its own id), so desks working apart never contend for a number;
a desk's entries reach the hub and the other desks as they are, and are checked there
chain by chain. The chain's name is not hashed: an entry moved to another chain no longer
links to its neighbours in either.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

GENESIS = "0" * 64  # the "previous hash" of the first entry
SHORT = 12  # hex digits of the head shown to people (48 bits: no one forges a match)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One audit row as stored: what happened, who, where, and its place in the chain."""

    seq: int
    id: str
    at: dt.datetime
    operator: str
    role: str
    desk: str
    action: str
    guest_id: str | None
    reason: str
    details: dict[str, object]
    prev_hash: str
    hash: str
    chain: str = ""  # the database that wrote it ("": an event file or the hub; a desk's id)


@dataclass(frozen=True, slots=True)
class ChainHead:
    """The chain's last entry: how many entries there are and the newest hash."""

    count: int
    hash: str

    @property
    def short(self) -> str:
        return self.hash[:SHORT]

    def as_json(self) -> dict[str, object]:
        return {"rows": self.count, "head": self.hash, "short": self.short}


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """Where the chain stops holding: the first entry that does not fit, and why."""

    seq: int
    id: str
    reason: str  # edited | inserted or deleted before it | out of order | head
    chain: str = ""  # the chain the row is in ("": an event file's or the hub's own)

    def as_json(self) -> dict[str, object]:
        return {"seq": self.seq, "id": self.id, "reason": self.reason, "chain": self.chain}


@dataclass(frozen=True, slots=True)
class ChainCheck:
    """One chain verified: the head reached and its first break (None: it holds)."""

    chain: str
    head: ChainHead
    broken: ChainBreak | None

    def as_json(self) -> dict[str, object]:
        return {"chain": self.chain, **self.head.as_json(),
                "broken": self.broken.as_json() if self.broken else None}


def stamp(at: dt.datetime) -> str:
    """A moment in the one text form hashed (UTC, microseconds)."""
    return at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(seq: int, id_: str, at: dt.datetime, operator: str, role: str, desk: str,
              action: str, guest_id: str | None, reason: str, details: dict[str, object],
              prev_hash: str) -> bytes:
    """The bytes an entry's hash is taken over: the fields as a compact JSON array in a
    fixed order (UTF-8), a line feed, and the details as details_text writes them (the
    same on every machine and database)."""
    return _serialised([seq, id_, stamp(at), operator, role, desk, action, guest_id, reason,
                        prev_hash], details_text(details))


def details_text(details: dict[str, object]) -> str:
    """The details' canonical text: json.dumps with the keys sorted at every level. It is
    also the text the database holds (record stores them sorted_details, and SQLAlchemy's
    JSON type writes json.dumps), so a check reads it without parsing it."""
    return json.dumps(details, sort_keys=True)


def sorted_details(details: dict[str, object]) -> dict[str, object]:
    """The details with their keys in order at every level, dicts inside lists included
    (a signing's parties): stored so, see details_text."""
    return {k: _sorted_value(v) for k, v in sorted(details.items())}


def _sorted_value(value: object) -> object:
    if isinstance(value, dict):
        return sorted_details(value)
    if isinstance(value, list | tuple):
        return [_sorted_value(v) for v in value]
    return value


def _serialised(fields: list[object], details: str) -> bytes:
    return (json.dumps(fields, ensure_ascii=False, separators=(",", ":")) + "\n"
            + details).encode()


def entry_hash(seq: int, id_: str, at: dt.datetime, operator: str, role: str, desk: str,
               action: str, guest_id: str | None, reason: str, details: dict[str, object],
               prev_hash: str) -> str:
    return hashlib.sha256(canonical(seq, id_, at, operator, role, desk, action, guest_id,
                                    reason, details, prev_hash)).hexdigest()


# One stored row as the chain's check reads it: (seq, id, at as stamp() text, operator, role,
# desk, action, guest id, reason, details as details_text, previous hash, hash). Plain
# tuples: a check of 100,000 rows spends its time hashing, not building objects.
ChainRow = tuple[int, str, str, str, str, str, str, "str | None", str, str, str, str]


def row_hash(row: ChainRow) -> str:
    """What a stored row's hash must be (its at already in stamp() form)."""
    return hashlib.sha256(_serialised([*row[:9], row[10]], row[9])).hexdigest()


def first_break(rows: Iterable[ChainRow], head: ChainHead | None = None, chain: str = ""
                ) -> tuple[ChainHead, ChainBreak | None]:
    """Walk the rows in sequence order: the head reached and the first break, if any.

    An edited row no longer hashes to its hash; an inserted or deleted one leaves the
    next row's previous hash (or its sequence number) pointing elsewhere. `head`: the
    head recorded beside the chain, which must be where the walk ends (a deleted tail);
    `chain`: the chain the rows are in (named in the break)."""
    prev, count, last = GENESIS, 0, ""
    for row in rows:
        count += 1
        last = row[1]
        if row[0] != count:
            return ChainHead(count, prev), ChainBreak(row[0], row[1], "out of order", chain)
        if row[10] != prev:
            return ChainHead(count, prev), ChainBreak(row[0], row[1],
                                                      "inserted or deleted before it", chain)
        if row_hash(row) != row[11]:
            return ChainHead(count, prev), ChainBreak(row[0], row[1], "edited", chain)
        prev = row[11]
    reached = ChainHead(count, prev)
    if head is not None and (head.count, head.hash) != (reached.count, reached.hash):
        return reached, ChainBreak(count, last, "head", chain)
    return reached, None
