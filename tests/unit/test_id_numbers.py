"""Resident ID card numbers: checked at import (ISO 7064 MOD 11-2), stored only as the
event's keyed hash and a masked form, found by the whole number (search and check-in),
never by a part of it; purged with the rest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from wimc_desktop.db.engine import Database, sqlite_path
from wimc_desktop.db.schema import GuestRow
from wimc_desktop.domain.checkin import Desk, Outcome
from wimc_desktop.domain.errors import ImportRejectedError
from wimc_desktop.domain.id_numbers import check_character, mask_id_number, normalize_id_number
from wimc_desktop.services.checkin import check_in
from wimc_desktop.services.importing import import_file
from wimc_desktop.services.privacy import purge_personal_data
from wimc_desktop.services.search import search_guests

GOOD = "11010519491231002X"  # the standard's own example
OTHER = "320102198001011238"
DESK = Desk("Desk 1", "wang", "admin")


def test_the_check_digit() -> None:
    assert check_character("11010519491231002") == "X"
    assert normalize_id_number("110105 19491231 002x") == GOOD
    assert normalize_id_number("110105194912310021") is None  # wrong check digit
    assert normalize_id_number("11010519491231002") is None  # 17 characters
    assert normalize_id_number(OTHER) == OTHER
    assert mask_id_number(OTHER) == "3201**********1238"


def _csv(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "ids.csv"
    path.write_text("姓名,证件号,身份证号\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_bad_number_is_an_import_problem(event_db: Database, tmp_path: Path) -> None:
    path = _csv(tmp_path, f"张伟,X-000001,{GOOD}", "李娜,X-000002,110105194912310021")
    with pytest.raises(ImportRejectedError) as caught:
        import_file(event_db, path)
    problem = caught.value.problems[0]
    assert (problem.row, problem.column, problem.file) == (3, "身份证号", "ids.csv")
    assert "ID card number" in problem.reason
    assert "19491231" not in problem.value  # (shown masked)


def test_stored_as_hash_and_mask_found_by_the_whole_number(event_db: Database,
                                                           tmp_path: Path) -> None:
    report = import_file(event_db, _csv(tmp_path, f"张伟,X-000001,{GOOD}",
                                        f"李娜,X-000002,{OTHER}", "王芳,X-000003,"))
    assert report.added == 3 and "身份证号" not in report.mapping.values()
    with event_db.read() as session:
        rows = {r.badge_code: r for r in session.execute(select(GuestRow)).scalars()}
    assert rows["X-000001"].id_number_masked == "1101**********002X"
    assert len(rows["X-000001"].id_number_hash) == 64
    assert rows["X-000003"].id_number_hash == ""
    assert all(GOOD not in str(r.extra) for r in rows.values())
    path = sqlite_path(event_db.url)
    if path is not None:  # nowhere in the file, not even before a purge
        for file in (path, Path(f"{path}-wal")):
            if file.exists():
                assert GOOD[:17].encode() not in file.read_bytes()
    found = search_guests(event_db, GOOD.lower())
    assert [h.guest.badge_code for h in found.results] == ["X-000001"]
    assert search_guests(event_db, GOOD[:12]).total == 0  # never by a part of it
    done = check_in(event_db, OTHER, day=dt.date(2020, 11, 26), desk=DESK)
    assert done.outcome is Outcome.ADMITTED and done.guest is not None
    assert done.guest.badge_code == "X-000002"
    purge_personal_data(event_db, DESK, now=dt.datetime(2020, 12, 1, tzinfo=dt.UTC))
    assert search_guests(event_db, GOOD).total == 0
    with event_db.read() as session:
        assert not session.execute(select(GuestRow).where(
            GuestRow.id_number_masked != "")).first()
