"""The guest record (domain.guest_record) is the one list of guest fields: the domain
Guest, the guest table and the import's header aliases agree with it."""

from __future__ import annotations

import dataclasses

from sqlalchemy import Text, inspect

from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import GuestRow
from wimc_desktop.domain.fields import FIELD_ALIASES, field_for_header, fold_header
from wimc_desktop.domain.guest_record import FIELD, GUEST_RECORD, Kind, Mask, SearchAs
from wimc_desktop.domain.models import Guest
from wimc_desktop.services.guests import SORTABLE
from wimc_desktop.services.importing import plan, rows, writer


def test_every_field_of_the_record_is_an_attribute_of_guest_in_order() -> None:
    attributes = [f.name for f in dataclasses.fields(Guest) if f.name not in ("id", "extra")]
    assert attributes == [f.name for f in GUEST_RECORD]


def test_every_field_of_the_record_is_a_column_of_the_guest_table() -> None:
    columns = {c.name: c for c in GuestRow.__table__.columns}
    for f in GUEST_RECORD:
        assert f.name in columns, f.name
        length = getattr(columns[f.name].type, "length", None)
        assert length is None or length >= f.max_length, (f.name, length, f.max_length)


def test_import_aliases_come_from_the_record() -> None:
    assert set(FIELD_ALIASES) == {f.name for f in GUEST_RECORD if f.imported}
    assert "source" not in FIELD_ALIASES  # set by the application, never imported
    assert field_for_header("工作单位") == "organization"
    assert field_for_header("E-Mail Address") == "email"


def test_searchable_fields_are_declared() -> None:
    assert FIELD["name"].search is SearchAs.NAME
    assert FIELD["country"].search is SearchAs.NONE
    assert [f.name for f in GUEST_RECORD if f.required] == ["name"]


def test_the_migrated_database_has_a_column_for_every_field(event_db: Database) -> None:
    """A field added to the record without its migration fails here (and in
    test_database's comparison of the migrations with the tables)."""
    with event_db.engine.connect() as conn:
        columns = {c["name"]: c for c in inspect(conn).get_columns("guest")}
    missing = [f.name for f in GUEST_RECORD if f.name not in columns]
    assert missing == []
    for f in GUEST_RECORD:
        assert not columns[f.name]["nullable"], f.name


def test_the_guest_table_is_made_from_the_record() -> None:
    table = GuestRow.__table__
    for f in GUEST_RECORD:
        column = table.c[f.name]
        if f.kind is Kind.LONG_TEXT:
            assert isinstance(column.type, Text), f.name
        else:
            assert getattr(column.type, "length", None) == f.max_length, f.name
        assert (column.server_default is None) == f.filled, f.name
    assert table.c.badge_code.unique and table.c.category.foreign_keys
    # The typed attributes of GuestRow name real columns.
    typed = GuestRow.__annotations__
    assert set(typed) - {"__table__"} <= set(table.c.keys())


def test_every_guest_object_carries_every_field_in_the_records_order() -> None:
    guest = Guest.from_fields("g1", lambda name: "onsite" if name == "attendance" else
                              f"{name} value")
    keys = list(guest.as_json())
    assert keys == ["id", *(f.name for f in GUEST_RECORD), "extra"]
    assert {"seat", "dietary"} <= set(keys)


def test_masks_come_from_the_record() -> None:
    guest = dataclasses.replace(
        Guest.from_fields("g1", lambda name: "onsite" if name == "attendance" else ""),
        mobile="13812345678", email="zhang.wei@example.com", seat="A区 3排 12座",
        dietary="清真 / halal")
    masked = guest.as_json()
    assert (masked["mobile"], masked["email"]) == ("138****5678", "z***@example.com")
    # dietary needs can tell health or belief (PIPL's sensitive data): hidden whole
    assert (masked["seat"], masked["dietary"]) == ("A区 3排 12座", "***")
    full = guest.as_json(full_pii=True)
    assert (full["mobile"], full["email"]) == ("13812345678", "zhang.wei@example.com")
    assert full["dietary"] == "清真 / halal"
    assert {f.name for f in GUEST_RECORD if f.mask is not Mask.NONE} == {"mobile", "email",
                                                                         "dietary"}


def test_the_new_fields_are_imported_by_their_headers() -> None:
    for header in ("座位", "座位号", "席位", "seat", "Seat No.", "SEAT"):
        assert field_for_header(header) == "seat", header
    for header in ("饮食", "饮食禁忌", "饮食要求", "dietary", "Dietary Needs"):
        assert field_for_header(header) == "dietary", header
    assert FIELD["seat"].search is SearchAs.TEXT and FIELD["dietary"].search is SearchAs.NONE
    assert FIELD["seat"].exported and FIELD["dietary"].exported


def test_the_lists_of_the_import_and_the_guest_table_come_from_the_record() -> None:
    imported = [f.name for f in GUEST_RECORD if f.imported]
    assert set(writer.COLUMNS) >= {f.name for f in GUEST_RECORD}
    assert list(plan.COMPARED) == imported
    assert {"seat", "dietary"} <= set(rows.MAX_LENGTH)
    assert set(SORTABLE) == {*(f.name for f in GUEST_RECORD if f.kind is not Kind.LONG_TEXT),
                             "checked_in"}


def test_no_header_names_two_fields() -> None:
    named: dict[str, set[str]] = {}
    for f in GUEST_RECORD:
        for alias in f.aliases:
            named.setdefault(fold_header(alias), set()).add(f.name)
    assert {h: n for h, n in named.items() if len(n) > 1} == {}


def test_a_desk_edits_the_record_s_editable_fields_and_never_what_the_hub_decides() -> None:
    """edit-guest (and the window's Edit details…) take their fields from the record: the
    badge code (its reissue) and attendance (its check-in), which the hub decides by its
    own rules, and what the list owns are never among them."""
    from wimc_desktop.services.guest_edits import EDITABLE

    assert set(EDITABLE) == {"name", "name_en", "organization", "title", "category", "mobile",
                             "email", "seat", "dietary", "notes"}
    assert {"badge_code", "attendance", "source", "external_id"}.isdisjoint(EDITABLE)
