"""The audit log's hash chain: each entry's canonical bytes, its hash, and the check.

Each entry holds the hash of the one before it (the first: GENESIS) and its own hash,
SHA-256 over a stable serialisation of every field that matters (sequence number, id,
time, operator, role, desk, action, guest, reason, details with before/after, previous
hash). Editing, deleting or inserting an entry with another tool breaks the chain at that
entry; rewriting the whole chain after it changes the head, which the dashboard shows and
every daily report prints.
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

    def as_json(self) -> dict[str, object]:
        return {"seq": self.seq, "id": self.id, "reason": self.reason}


def stamp(at: dt.datetime) -> str:
    """A moment in the one text form hashed (UTC, microseconds)."""
    return at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(seq: int, id_: str, at: dt.datetime, operator: str, role: str, desk: str,
              action: str, guest_id: str | None, reason: str, details: dict[str, object],
              prev_hash: str) -> bytes:
    """The bytes an entry's hash is taken over: a JSON array in a fixed order, keys of the
    details sorted, no spaces, UTF-8 (the same on every machine and database)."""
    return json.dumps([seq, id_, stamp(at), operator, role, desk, action, guest_id, reason,
                       details, prev_hash], sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode()


def entry_hash(seq: int, id_: str, at: dt.datetime, operator: str, role: str, desk: str,
               action: str, guest_id: str | None, reason: str, details: dict[str, object],
               prev_hash: str) -> str:
    return hashlib.sha256(canonical(seq, id_, at, operator, role, desk, action, guest_id,
                                    reason, details, prev_hash)).hexdigest()


def hash_of(entry: AuditEntry) -> str:
    """What an entry's hash must be, from its content."""
    return entry_hash(entry.seq, entry.id, entry.at, entry.operator, entry.role, entry.desk,
                      entry.action, entry.guest_id, entry.reason, entry.details,
                      entry.prev_hash)


def first_break(entries: Iterable[AuditEntry], head: ChainHead | None = None
                ) -> tuple[ChainHead, ChainBreak | None]:
    """Walk the entries in sequence order: the head reached and the first break, if any.

    An edited entry no longer hashes to its hash; an inserted or deleted one leaves the
    next entry's previous hash (or its sequence number) pointing elsewhere. `head`: the
    head recorded beside the chain, which must be where the walk ends (a deleted tail)."""
    prev, count, last = GENESIS, 0, None
    for entry in entries:
        count += 1
        last = entry
        if entry.seq != count:
            return ChainHead(count, prev), ChainBreak(entry.seq, entry.id, "out of order")
        if entry.prev_hash != prev:
            return ChainHead(count, prev), ChainBreak(entry.seq, entry.id,
                                                      "inserted or deleted before it")
        if hash_of(entry) != entry.hash:
            return ChainHead(count, prev), ChainBreak(entry.seq, entry.id, "edited")
        prev = entry.hash
    reached = ChainHead(count, prev)
    if head is not None and (head.count, head.hash) != (reached.count, reached.hash):
        where = last.id if last is not None else ""
        return reached, ChainBreak(count, where, "head")
    return reached, None
