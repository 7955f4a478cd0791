"""Typed SQLAlchemy tables of the event database (the one declarative base)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    FromClause,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from wimc_desktop.domain.guest_record import GUEST_RECORD, GuestField, Kind

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# The text form SQLAlchemy's SQLite DateTime uses; the bulk writer produces the same.
SQLITE_DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A point in time stored as naive UTC and read back as an aware UTC datetime."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC)


UUIDStr = Annotated[str, mapped_column(String(36), primary_key=True)]
Text200 = Annotated[str, mapped_column(String(200), default="", server_default="")]
Text100 = Annotated[str, mapped_column(String(100), default="", server_default="")]
Stamp = Annotated[dt.datetime, mapped_column(UTCDateTime())]


class Base(DeclarativeBase):
    """The one declarative base of the event database."""

    metadata = MetaData(naming_convention=NAMING)


class Meta(Base):
    """Key/value facts about the database itself (marks it as a WIMC event database)."""

    __tablename__ = "wimc_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class EventRow(Base):
    """The conference held in this database (exactly one row)."""

    __tablename__ = "event"
    id: Mapped[UUIDStr]
    name_zh: Mapped[Text200]
    name_en: Mapped[Text200]
    venue: Mapped[Text200]
    city: Mapped[Text100]
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    timezone: Mapped[str] = mapped_column(String(64))
    badge_prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[Stamp]


class CategoryRow(Base):
    """A guest category with its badge colour and VIP flag."""

    __tablename__ = "category"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name_zh: Mapped[Text100]
    name_en: Mapped[Text100]
    color: Mapped[str] = mapped_column(String(9))
    is_vip: Mapped[bool] = mapped_column(Boolean)
    sort_order: Mapped[int] = mapped_column(Integer)


class ImportBatchRow(Base):
    """One import of a guest list: where it came from and what it did."""

    __tablename__ = "import_batch"
    id: Mapped[UUIDStr]
    file_name: Mapped[str] = mapped_column(String(500))
    encoding: Mapped[Text100]
    sheet: Mapped[Text200]
    imported_at: Mapped[Stamp]
    total_rows: Mapped[int] = mapped_column(Integer)
    added: Mapped[int] = mapped_column(Integer)
    updated: Mapped[int] = mapped_column(Integer)
    unchanged: Mapped[int] = mapped_column(Integer)


def _record_column(f: GuestField) -> Column[str]:
    """The guest table's column of one field of the guest record."""
    kind: String = Text() if f.kind is Kind.LONG_TEXT else String(f.max_length)
    constraints = [ForeignKey("category.code")] if f.kind is Kind.CATEGORY else []
    blank = None if f.filled else ""  # a filled field is always given a value
    return Column(f.name, kind, *constraints, nullable=False, unique=f.kind is Kind.BADGE_CODE,
                  default=blank, server_default=blank)


def _text(name: str, length: int) -> Column[str]:
    return Column(name, String(length), nullable=False, default="", server_default="")


guest_table = Table(
    "guest", Base.metadata,
    Column("id", String(36), primary_key=True),
    *(_record_column(f) for f in GUEST_RECORD),
    Column("import_id", ForeignKey("import_batch.id"), nullable=True),
    Column("extra", JSON, nullable=False),
    # The search keys, derived on every write (domain.search_keys).
    _text("name_pinyin", 200), _text("name_initials", 100), _text("name_latin", 200),
    _text("phone_digits", 32),
    _text("name_sort", 200),  # pinyin syllable by syllable: "chen hao gang" (the order)
    # A resident ID card number is never stored: its keyed hash (found by the full number
    # only, services.id_numbers) and a masked form to show (3201**********1234).
    _text("id_number_hash", 64), _text("id_number_masked", 18),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    # Few indexes on purpose: re-import matching works on keys loaded in memory, and
    # search has its own index tables; each index here slows every bulk import.
    Index("ix_guest_category_attendance", "category", "attendance"),  # report counts
    Index("ix_guest_name_sort_name", "name_sort", "name"),
    Index("ix_guest_id_number_hash", "id_number_hash"),
)


class GuestRow(Base):
    """A registered guest, with the derived search keys kept up to date on write.

    Its columns are those of the guest record (domain.guest_record) and the search keys;
    the annotations below only type the attributes that queries name (every column is
    mapped; the others are read by name through the record).
    """

    __table__: ClassVar[FromClause] = guest_table  # (typed as declarative's own; see guest_table)
    id: Mapped[str]
    name: Mapped[str]
    name_en: Mapped[str]
    organization: Mapped[str]
    title: Mapped[str]
    category: Mapped[str]
    attendance: Mapped[str]
    mobile: Mapped[str]
    email: Mapped[str]
    badge_code: Mapped[str]
    external_id: Mapped[str]
    import_id: Mapped[str | None]
    extra: Mapped[dict[str, str]]
    name_pinyin: Mapped[str]
    name_initials: Mapped[str]
    name_latin: Mapped[str]
    phone_digits: Mapped[str]
    name_sort: Mapped[str]
    id_number_hash: Mapped[str]
    id_number_masked: Mapped[str]
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]


class RevokedBadgeRow(Base):
    """A badge code that no longer admits anyone, and the code that replaced it.

    The current code of a guest lives in guest.badge_code; a code is in one place only.
    """

    __tablename__ = "revoked_badge"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    guest_id: Mapped[str] = mapped_column(ForeignKey("guest.id"), index=True)
    revoked_at: Mapped[Stamp]
    replaced_by: Mapped[str] = mapped_column(String(32))
    desk: Mapped[Text100]
    operator: Mapped[Text100]
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")


class CheckInRow(Base):
    """One admission at a desk: append-only; an undo is a row of its own (CheckInUndoRow)."""

    __tablename__ = "checkin"
    id: Mapped[UUIDStr]
    guest_id: Mapped[str] = mapped_column(ForeignKey("guest.id"))
    event_day: Mapped[dt.date] = mapped_column(Date)
    session: Mapped[Text100]
    at: Mapped[Stamp]
    desk: Mapped[Text100]
    operator: Mapped[Text100]
    method: Mapped[str] = mapped_column(String(16))
    badge_code: Mapped[str] = mapped_column(String(32), default="", server_default="")
    nonce: Mapped[str] = mapped_column(String(64), unique=True)

    __table_args__ = (Index("ix_checkin_guest_id_event_day", "guest_id", "event_day"),
                      # covering: the daily report reads a day from the index alone
                      Index("ix_checkin_day_cover", "event_day", "at", "id", "guest_id", "desk",
                            "operator", "method"))


class CheckInUndoRow(Base):
    """The undoing of one check-in, with who, where, when and why."""

    __tablename__ = "checkin_undo"
    id: Mapped[UUIDStr]
    checkin_id: Mapped[str] = mapped_column(ForeignKey("checkin.id"), unique=True)
    at: Mapped[Stamp]
    desk: Mapped[Text100]
    operator: Mapped[Text100]
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    nonce: Mapped[str] = mapped_column(String(64), unique=True)


class AuditRow(Base):
    """A record of what a person did (a change, a reveal of personal data, a refused scan):
    append-only (triggers refuse UPDATE and DELETE) and hash-chained (domain.audit_chain);
    written only by services.audit.record. One chain per database that writes rows: a
    desk's rows arrive elsewhere by sync as they are, in their own chain."""

    __tablename__ = "audit"
    __table_args__ = (UniqueConstraint("chain", "seq"),)
    id: Mapped[UUIDStr]
    # The database that wrote the row: "" for an event file and the hub, a desk file's
    # own stable id (wimc_meta "audit_chain", made at join) for a desk.
    chain: Mapped[str] = mapped_column(String(36), default="", server_default="")
    seq: Mapped[int] = mapped_column(Integer)  # 1, 2, 3 ... (the order in its chain)
    at: Mapped[Stamp]
    desk: Mapped[Text100]
    operator: Mapped[Text100]
    role: Mapped[str] = mapped_column(String(32), default="", server_default="")
    action: Mapped[str] = mapped_column(String(64))
    # (no foreign key: a row may name a guest this database does not hold, as a desk's
    # walk-in the hub refused; migration 0014)
    guest_id: Mapped[str | None] = mapped_column(String(36), index=True)
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    details: Mapped[dict[str, object]] = mapped_column(JSON)  # before/after, what else
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class OperatorRow(Base):
    """A person who works the desks: name, role, and the argon2id hash of the password
    (never the password); failures and the last one slow a guesser down."""

    __tablename__ = "operator"
    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    display_name: Mapped[Text200]
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[Stamp]
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_failure: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class BadgePrintRow(Base):
    """One badge printed (on paper or into a PDF): who, when, where, which template, why."""

    __tablename__ = "badge_print"
    id: Mapped[UUIDStr]
    guest_id: Mapped[str] = mapped_column(ForeignKey("guest.id"), index=True)
    badge_code: Mapped[str] = mapped_column(String(32))
    printed_at: Mapped[Stamp]
    desk: Mapped[Text100]
    operator: Mapped[Text100]
    template: Mapped[str] = mapped_column(String(16))
    output: Mapped[str] = mapped_column(String(16))  # printer | pdf
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")


class SigningRow(Base):
    """A contract signed on stage: the current state (its history is in SigningHistoryRow)."""

    __tablename__ = "signing"
    id: Mapped[UUIDStr]
    project_zh: Mapped[Text200]
    project_en: Mapped[Text200]
    sector: Mapped[Text100]
    location: Mapped[Text200]
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    ceremony: Mapped[Text200]
    signed_at: Mapped[Stamp]
    status: Mapped[str] = mapped_column(String(16))  # signed | amended | cancelled
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    recorded_by: Mapped[Text100]
    recorded_at: Mapped[Stamp]
    updated_at: Mapped[Stamp]

    __table_args__ = (Index("ix_signing_signed_at", "signed_at"),)


class SigningPartyRow(Base):
    """A party to a signing (investor, local government, partner...), in order."""

    __tablename__ = "signing_party"
    id: Mapped[UUIDStr]
    signing_id: Mapped[str] = mapped_column(ForeignKey("signing.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[Text200]
    role: Mapped[Text100]
    country: Mapped[Text100]
    guest_id: Mapped[str | None] = mapped_column(ForeignKey("guest.id"))


class SigningWitnessRow(Base):
    """A leader who witnessed a signing, in order."""

    __tablename__ = "signing_witness"
    id: Mapped[UUIDStr]
    signing_id: Mapped[str] = mapped_column(ForeignKey("signing.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[Text200]
    title: Mapped[Text200]
    guest_id: Mapped[str | None] = mapped_column(ForeignKey("guest.id"))


class SigningHistoryRow(Base):
    """Every change to a signing (recorded, amended, cancelled), with a snapshot: never lost."""

    __tablename__ = "signing_history"
    id: Mapped[UUIDStr]
    signing_id: Mapped[str] = mapped_column(ForeignKey("signing.id"), index=True)
    at: Mapped[Stamp]
    operator: Mapped[Text100]
    action: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    snapshot: Mapped[dict[str, object]] = mapped_column(JSON)


class ChangeLogRow(Base):
    """What each write transaction changed (db.change_feed): other processes and desks on
    the same database read the rows after their cursor. Kept short: old rows are pruned."""

    __tablename__ = "change_log"
    # AUTOINCREMENT on SQLite: an id is never reused, even once every row is pruned.
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[Stamp]
    writer: Mapped[str] = mapped_column(String(32))  # the Database handle that wrote it
    kind: Mapped[str] = mapped_column(String(16))
    day: Mapped[dt.date | None] = mapped_column(Date)
    ids: Mapped[str] = mapped_column(Text, default="", server_default="")  # space-separated
    # PostgreSQL: the writing transaction's id (its column default; readers follow the
    # commits by it, db.change_feed). SQLite: empty (ids follow commits there).
    txid: Mapped[int | None] = mapped_column(BigInteger, index=True)

    __table_args__ = ({"sqlite_autoincrement": True},)


# -- many desks (services.sync): the hub's event log and feed, a desk's outbox -----------


class HubEventRow(Base):
    """Something a desk did, as the hub received it: append-only, keyed by the UUID the
    desk made before any network call (a retry is the same row). The hub's decision
    (outcome) is made once, in arrival order; desks hold a copy (pulled) for conflicts."""

    __tablename__ = "hub_event"
    id: Mapped[UUIDStr]
    desk: Mapped[Text100]
    operator: Mapped[Text100]
    kind: Mapped[str] = mapped_column(String(32))
    device_at: Mapped[Stamp]  # the desk's clock when it happened
    hub_at: Mapped[Stamp]  # the hub's clock when it arrived (a late upload shows)
    outcome: Mapped[str] = mapped_column(String(16))  # admitted|duplicate|applied|rejected
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    guest_id: Mapped[str | None] = mapped_column(String(36))
    day: Mapped[dt.date | None] = mapped_column(Date)
    conflict: Mapped[str] = mapped_column(String(32), default="", server_default="")
    kept_desk: Mapped[Text100]
    kept_operator: Mapped[Text100]
    kept_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    payload: Mapped[dict[str, object]] = mapped_column(JSON)

    __table_args__ = (Index("ix_hub_event_conflict_day", "conflict", "day"),)


class HubCounterRow(Base):
    """The hub's one counter row: each writing transaction takes the next number (see
    db.hub_feed for why it is a row and not a sequence)."""

    __tablename__ = "hub_counter"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class HubTxMarkRow(Base):
    """On the hub: one row per writing transaction until it commits, whose deferred
    trigger numbers the transaction's feed rows then (db.hub_feed)."""

    __tablename__ = "hub_tx_mark"
    tx: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)


class HubFeedRow(Base):
    """On the hub: a row written by the transaction numbered seq (desks pull seq > cursor)."""

    __tablename__ = "hub_feed"
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    tbl: Mapped[str] = mapped_column(String(32))
    row_id: Mapped[str] = mapped_column(String(36))


class OutboxRow(Base):
    """On a desk: one event waiting for (or holding) the hub's receipt. Committed with the
    local write it describes; it leaves "pending" only on a receipt, and is never deleted."""

    __tablename__ = "sync_outbox"
    id: Mapped[UUIDStr]  # the event's UUID, the hub_event key, reused by every retry
    position: Mapped[int] = mapped_column(Integer, unique=True)  # push order
    kind: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[Stamp]
    status: Mapped[str] = mapped_column(String(16))  # pending|admitted|duplicate|applied|rejected
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    receipted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    payload: Mapped[dict[str, object]] = mapped_column(JSON)

    __table_args__ = (Index("ix_sync_outbox_status_position", "status", "position"),)


class SyncStateRow(Base):
    """On a desk (one row): its hub (the URL without any password), its name, the pull
    cursor and what the last contact with the hub said."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    hub_url: Mapped[str] = mapped_column(Text)
    desk: Mapped[Text100]
    cursor_seq: Mapped[int] = mapped_column(BigInteger)
    cursor_id: Mapped[int] = mapped_column(BigInteger)
    online: Mapped[bool] = mapped_column(Boolean)
    since: Mapped[Stamp]  # online or offline since
    last_sync_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str] = mapped_column(Text, default="", server_default="")
