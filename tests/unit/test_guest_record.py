"""The guest record (domain.guest_record) is the one list of guest fields: the domain
Guest, the guest table and the import's header aliases agree with it."""

from __future__ import annotations

import dataclasses

from wimc_desktop.db.schema import GuestRow
from wimc_desktop.domain.fields import FIELD_ALIASES, field_for_header
from wimc_desktop.domain.guest_record import FIELD, GUEST_RECORD, SearchAs
from wimc_desktop.domain.models import Guest


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
