"""Search: a badge code typed whole, where other guests hold the same text in an external
id, an e-mail, an organisation or a title (and the code's guests in their own)."""

from __future__ import annotations

import pytest

from tests.unit.test_search import reference
from wimc_desktop.db.engine import Database
from wimc_desktop.services.importing import import_records
from wimc_desktop.services.search import search_guests

GUESTS = [
    {"name": "张三", "badge_code": "ACME01", "organization": "南京大学", "category": "expert"},
    {"name": "李四", "badge_code": "WIMC-ACME01", "organization": "Acme01 Holdings",
     "category": "media"},  # the code after its prefix, and its organisation holds it too
    {"name": "王五", "badge_code": "WIMC-W00005", "organization": "ACME01 Holdings",
     "category": "expert"},
    {"name": "赵六", "badge_code": "WIMC-W00006", "title": "acme01 lead", "category": "expert"},
    {"name": "钱七", "badge_code": "WIMC-W00007", "email": "acme01@example.com",
     "category": "media"},
    {"name": "孙八", "badge_code": "WIMC-W00008", "external_id": "ACME01", "category": "expert"},
    {"name": "周九", "badge_code": "WIMC-W00009", "organization": "南京大学",
     "category": "expert"},
]


@pytest.fixture
def codes(sqlite_db: Database) -> Database:
    import_records(sqlite_db, GUESTS, source="codes")
    return sqlite_db


@pytest.mark.parametrize("query", ["ACME01", "acme01", "WIMC-ACME01", "W00005", "ACME0"])
@pytest.mark.parametrize("category", [None, "expert", "media"])
@pytest.mark.parametrize("limit", [1, 2, 50])
def test_a_code_and_the_same_text_elsewhere(codes: Database, search_route: str, query: str,
                                            category: str | None, limit: int) -> None:
    found = search_guests(codes, query, category=category, limit=limit)
    assert (found.total, [h.guest.id for h in found.results]) == reference(
        codes, query, category, limit)


def test_what_each_one_matched(codes: Database) -> None:
    found = search_guests(codes, "acme01")
    assert found.total == 6
    assert [(h.guest.name, h.matched) for h in found.results] == [
        ("李四", "badge_code"), ("孙八", "external_id"), ("张三", "badge_code"),
        ("钱七", "email"), ("王五", "organization"), ("赵六", "title")]
