"""The seat and dietary fields, added through the guest record alone: imported under their
headers from CSV and XLSX, kept on re-import, limited like every text field, and listed
in the report files (masking unchanged)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.errors import ImportRejectedError
from wimc_desktop.domain.models import Guest
from wimc_desktop.services.checkin import check_in
from wimc_desktop.services.guests import list_guests
from wimc_desktop.services.importing import import_file
from wimc_desktop.services.report_exports import export_report


def by_name(db: Database) -> dict[str, Guest]:
    return {g.name: g for g in list_guests(db)}


def test_the_sample_list_with_seats_and_dietary_needs(event_db: Database,
                                                      shared_data: Path) -> None:
    report = import_file(event_db, shared_data / "guests_seats.csv")
    assert report.added == 10 and report.rejected == 0
    assert (report.mapping["seat"], report.mapping["dietary"]) == ("座位号", "饮食禁忌")
    guests = by_name(event_db)
    assert (guests["周济"].seat, guests["周济"].dietary) == ("A区 1排 1座", "")
    assert (guests["李培根"].seat, guests["李培根"].dietary) == ("A区 1排 2座", "清真 / halal")
    assert (guests["马晓东"].seat, guests["欧阳娜娜"].dietary) == ("", "不吃辣")
    assert all(g.extra == {} for g in guests.values())  # nothing left unmapped


@pytest.mark.parametrize(("seat_header", "diet_header"),
                         [("Seat No.", "Dietary requirements"), ("席位", "饮食要求"),
                          ("座位", "饮食")])
def test_a_workbook_with_seat_and_dietary_columns(event_db: Database, tmp_path: Path,
                                                  seat_header: str, diet_header: str) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "工作单位", "嘉宾类别", seat_header, diet_header])
    sheet.append(["周济", "中国工程院", "院士", "A区 3排 12座", "素食"])
    sheet.append(["王芳", "南京市人民政府", "观众", None, "清真 / halal"])
    book.save(tmp_path / "seats.xlsx")
    report = import_file(event_db, tmp_path / "seats.xlsx")
    assert report.added == 2
    assert (report.mapping["seat"], report.mapping["dietary"]) == (seat_header, diet_header)
    guests = by_name(event_db)
    assert (guests["周济"].seat, guests["周济"].dietary) == ("A区 3排 12座", "素食")
    assert (guests["王芳"].seat, guests["王芳"].dietary) == ("", "清真 / halal")


def test_a_re_import_changes_a_seat_and_an_empty_cell_keeps_it(event_db: Database,
                                                                tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    first.write_text("姓名,胸卡号,座位\n周济,WIMC-SEAT001,A区 3排 12座\n"
                     "李四,WIMC-SEAT002,B区 1排 1座\n", encoding="utf-8")
    import_file(event_db, first)
    second = tmp_path / "second.csv"
    second.write_text("姓名,胸卡号,座位\n周济,WIMC-SEAT001,A区 1排 1座\n李四,WIMC-SEAT002,\n",
                      encoding="utf-8")
    report = import_file(event_db, second)
    assert (report.updated, report.unchanged) == (1, 1)
    guests = by_name(event_db)
    assert (guests["周济"].seat, guests["李四"].seat) == ("A区 1排 1座", "B区 1排 1座")


def test_a_seat_longer_than_its_field_is_a_problem(event_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("姓名,座位\n周济," + "座" * 101 + "\n", encoding="utf-8")
    with pytest.raises(ImportRejectedError) as caught:
        import_file(event_db, path)
    assert [(p.row, p.column, p.code) for p in caught.value.problems] == [
        (2, "座位", "too_long")]


DAY = dt.date(2020, 11, 26)


@pytest.fixture
def seated_db(event_db: Database, shared_data: Path) -> Database:
    import_file(event_db, shared_data / "guests_seats.csv")
    check_in(event_db, "WIMC-SEAT002", day=DAY, desk=Desk("Desk 1", "王芳"))
    return event_db


def test_the_report_lists_have_seat_and_dietary_columns(seated_db: Database,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "day1.csv"
    export_report(seated_db, DAY, "csv", path)
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))
    header = rows[0]
    assert header[header.index("座位"):header.index("座位") + 2] == ["座位", "饮食要求"]
    [li] = [dict(zip(header, r, strict=True)) for r in rows[1:]]
    # Masked as the record says: the mobile partly, the dietary needs (which can tell
    # health or belief) whole; the seat is not personal data.
    assert (li["姓名"], li["座位"], li["饮食要求"]) == ("李培根", "A区 1排 2座", "***")
    assert li["手机"] == "139****1002"
    full = tmp_path / "day1_full.csv"
    export_report(seated_db, DAY, "csv", full, full_pii=True)
    rows = list(csv.reader(io.StringIO(full.read_text("utf-8-sig"), newline="")))
    [li] = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert (li["饮食要求"], li["手机"]) == ("清真 / halal", "13951001002")
    english = tmp_path / "day1_en.csv"
    export_report(seated_db, DAY, "csv", english, lang="en")
    assert {"Seat", "Dietary needs"} <= set(english.read_text("utf-8-sig").splitlines()[0]
                                            .split(","))


def test_the_workbook_lists_the_missing_vips_with_their_seats(seated_db: Database,
                                                              tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "day1.xlsx"
    export_report(seated_db, DAY, "xlsx", path, full_pii=True)
    sheet = list(openpyxl.load_workbook(path)["未到嘉宾"].iter_rows(values_only=True))
    header = sheet[0]
    missing = {r[header.index("姓名")]: r for r in sheet[1:]}
    zhou = missing["周济"]
    assert zhou[header.index("座位")] == "A区 1排 1座"
    assert zhou[header.index("手机")] == "13951001001"  # full PII asked for
    assert "李培根" not in missing  # checked in


def test_a_guest_is_found_by_any_part_of_the_seat(event_db: Database,
                                                  shared_data: Path) -> None:
    """The seat is a text field of the record (SearchAs.TEXT): the search finds it with no
    search code naming it, by the whole seat or a part of it."""
    from wimc_desktop.services.search import search_guests

    import_file(event_db, shared_data / "guests_seats.csv")
    for query in ("A区 1排 2座", "1排 2座", "A区 1排"):
        names = {h.guest.name for h in search_guests(event_db, query).results}
        assert "李培根" in names, (query, names)
    assert {h.guest.name for h in search_guests(event_db, "1排 2座").results} == {"李培根"}
    # The dietary needs are not searchable (SearchAs.NONE): personal data, not a key.
    assert search_guests(event_db, "halal").total == 0
