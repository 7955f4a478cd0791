"""What a write changed: small typed changes, the change feed's unit (no database, no Qt).

Every write transaction through the services produces changes (db.change_feed derives
them from the rows it writes); pages refresh from them. A change names the kind of row,
the ids it touched (empty: many or all of that kind, as after an import) and the event
day it applies to, if one; `here` says whether this process made it or another one did
(a CLI command on the same file, another desk on a shared PostgreSQL, a pulled sync).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

# More ids than this in one change are said as "many": a reader reloads rather than
# looking each one up, and the change_log row stays small.
MAX_IDS = 200


class ChangeKind(StrEnum):
    """The kind of row a change touched."""

    GUEST = "guest"        # a guest's fields (walk-in, attendance, a new badge code)
    CHECKIN = "checkin"    # an admission or its undoing (ids: the guests)
    BADGE = "badge"        # a print, reprint, reissue or revocation (ids: the guests)
    SIGNING = "signing"    # a signing recorded, amended or cancelled (ids: the signings)
    EVENT = "event"        # the event or its categories
    IMPORT = "import"      # a guest list imported: any guest may have changed
    AUDIT = "audit"        # an audit row alone (contact details shown, a refused scan)


@dataclass(frozen=True)
class Change:
    """One kind of row touched by one write (or a coalesced run of writes)."""

    kind: ChangeKind
    ids: frozenset[str] = frozenset()  # empty: many or all rows of that kind
    day: dt.date | None = None  # the event day it applies to (check-ins), if one
    here: bool = True  # made by this process (False: another process or desk)

    @property
    def is_many(self) -> bool:
        return not self.ids

    def touches_guests(self) -> bool:
        """Whether guests' shown data may differ (fields, codes, admissions, imports)."""
        return self.kind in GUEST_KINDS


GUEST_KINDS = frozenset({ChangeKind.GUEST, ChangeKind.CHECKIN, ChangeKind.BADGE,
                         ChangeKind.IMPORT, ChangeKind.EVENT})

Changes = tuple[Change, ...]


def coalesced(changes: Iterable[Change]) -> Changes:
    """Changes of the same kind, day and origin merged into one; ids united (too many, or
    one "many" among them, make the merged one "many"). An import subsumes every many-guest
    and many-badge change beside it: it is one change however many guests it wrote."""
    merged: dict[tuple[ChangeKind, dt.date | None, bool], set[str] | None] = {}
    for change in changes:
        key = (change.kind, change.day, change.here)
        ids = merged.get(key, set())
        if ids is None or change.is_many:
            merged[key] = None
        else:
            ids |= change.ids
            merged[key] = ids if len(ids) <= MAX_IDS else None
    imported = {here for kind, _, here in merged if kind is ChangeKind.IMPORT}
    return tuple(Change(kind, frozenset(ids or ()), day, here)
                 for (kind, day, here), ids in merged.items()
                 if not (ids is None and here in imported
                         and kind in (ChangeKind.GUEST, ChangeKind.BADGE)))


def kinds(changes: Iterable[Change]) -> set[ChangeKind]:
    return {c.kind for c in changes}


def guest_ids(changes: Iterable[Change]) -> set[str] | None:
    """The guests whose shown data may differ, or None when it may be any guest."""
    found: set[str] = set()
    for change in changes:
        if not change.touches_guests():
            continue
        if change.is_many or change.kind in (ChangeKind.IMPORT, ChangeKind.EVENT):
            return None
        found |= change.ids
    return found


@dataclass(frozen=True, slots=True)
class ListTouch:
    """What a batch of changes means for a list of guests on screen (a table's rows, the
    walk-in dialog's possible duplicates)."""

    changed: frozenset[str] | None  # the guests whose shown data may differ (None: any)
    listed: bool  # a listed guest may show differently (always when `changed` is None)
    came: bool  # a guest not listed was written (new, or now matching; `changed` None too)
    edited: bool  # some guest's fields were written (a listed one may no longer match)


def list_touch(changes: Iterable[Change], listed: Collection[str]) -> ListTouch:
    """Whether the changes touch the guests listed, or bring guests not listed."""
    changes = tuple(changes)
    found = guest_ids(changes)
    if found is None:
        return ListTouch(None, True, True, True)
    written = [c.ids for c in changes if c.kind is ChangeKind.GUEST]
    return ListTouch(frozenset(found), any(g in listed for g in found),
                     any(g not in listed for ids in written for g in ids), bool(written))
