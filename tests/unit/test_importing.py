"""Importing guest lists: the sample files of tests/data behave as their README says."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import GuestRow
from wimc_desktop.domain.badge_codes import has_valid_check
from wimc_desktop.domain.errors import BadInputError, ImportCancelledError, ImportRejectedError
from wimc_desktop.services.guests import count_guests, list_guests
from wimc_desktop.services.importing import import_file, preview_file
from wimc_desktop.services.search import search_guests


def by_name(db: Database) -> dict[str, list]:
    out: dict[str, list] = {}
    for guest in list_guests(db):
        out.setdefault(guest.name, []).append(guest)
    return out


def test_gb18030_excel_csv(event_db: Database, shared_data: Path) -> None:
    report = import_file(event_db, shared_data / "guests_gb18030.csv")
    assert (report.added, report.rejected, report.encoding) == (300, 0, "gb18030")
    assert set(report.mapping) >= {"name", "gender", "organization", "title", "mobile",
                                   "email", "category", "attendance", "badge_code"}
    guests = list_guests(event_db)
    assert len(guests) == 300
    assert all(g.mobile.isdigit() or g.mobile.startswith("+") or not g.mobile for g in guests)
    assert {g.attendance.value for g in guests} == {"onsite", "online"}
    assert {g.category for g in guests} <= {c.code for c in
                                            __import__("wimc_desktop.domain.categories",
                                                       fromlist=["x"]).DEFAULT_CATEGORIES}
    shan = by_name(event_db)["单田芳"][0]
    assert (shan.mobile, shan.attendance.value, shan.gender) == ("18393328367", "online", "M")
    assert shan.extra == {"序号": "6"}


def test_utf8_bom_csv_with_english_headers(event_db: Database, shared_data: Path) -> None:
    report = import_file(event_db, shared_data / "guests_utf8_bom.csv")
    assert (report.added, report.encoding) == (120, "utf-8-sig")
    assert report.mapping["badge_code"] == "Badge No."
    shan = by_name(event_db)["单田芳"][0]
    assert (shan.name_en, shan.category, shan.attendance.value) == (
        "Shan Tianfang", "visitor", "onsite")


def test_excel_unicode_text_gets_generated_codes(event_db: Database, shared_data: Path) -> None:
    report = import_file(event_db, shared_data / "guests_excel_unicode_text.txt")
    assert (report.added, report.encoding) == (80, "utf-16")
    codes = [g.badge_code for g in list_guests(event_db)]
    assert len(set(codes)) == 80
    assert all(has_valid_check(c, "WIMC") for c in codes)


def test_xlsx_with_title_row_formula_and_numeric_phones(event_db: Database,
                                                        shared_data: Path) -> None:
    preview = preview_file(shared_data / "guests_title_row.xlsx")
    assert preview.header_row == 3 and preview.total_rows == 200
    assert "序号" in preview.unmapped and "报到日期" in preview.unmapped
    report = import_file(event_db, shared_data / "guests_title_row.xlsx")
    assert report.added == 200
    guests = list_guests(event_db)
    assert not any(".0" in g.mobile or "e+" in g.mobile for g in guests)
    assert all(len(g.mobile) == 11 for g in guests if g.mobile)
    assert sorted(int(g.extra["序号"]) for g in guests) == list(range(1, 201))
    assert all(g.extra["报到日期"].startswith("2020-11-2") for g in guests)


def test_bad_rows_are_all_reported_and_nothing_is_written(event_db: Database,
                                                          shared_data: Path) -> None:
    with pytest.raises(ImportRejectedError) as caught:
        import_file(event_db, shared_data / "bad" / "bad_rows.csv")
    problems = {(p.row, p.column, p.reason.split(" (")[0]) for p in caught.value.problems}
    assert problems >= {(3, "姓名", "missing name"), (4, "手机", "invalid mobile number"),
                        (4, "邮箱", "invalid e-mail address"),
                        (5, "胸卡号", "duplicate badge code")}
    assert any(p.row == 6 and "quot" in p.reason for p in caught.value.problems)
    assert all(p.file == "bad_rows.csv" for p in caught.value.problems)
    assert count_guests(event_db) == 0


@pytest.mark.parametrize(("name", "message"), [
    ("empty.csv", "empty"), ("header_only.csv", "only a header"),
    ("not_really.xlsx", "not a readable Excel workbook"),
])
def test_unusable_files_get_a_clear_message(event_db: Database, shared_data: Path, name: str,
                                            message: str) -> None:
    with pytest.raises(BadInputError, match=message) as caught:
        import_file(event_db, shared_data / "bad" / name)
    assert name in str(caught.value)
    assert count_guests(event_db) == 0


def test_reimport_updates_matches_and_reports_unchanged(event_db: Database,
                                                        shared_data: Path,
                                                        tmp_path: Path) -> None:
    source = shared_data / "guests_gb18030.csv"
    import_file(event_db, source)
    again = import_file(event_db, source)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 300)
    lines = source.read_bytes().decode("gb18030").splitlines()
    lines[1] = lines[1].replace("董事长", "副董事长")  # row 2: a new title
    lines.append("999,新嘉宾,男,东南大学,教授,13912345678,,专家,线下,WIMC20-999999")
    changed = tmp_path / "updated.csv"
    changed.write_bytes("\r\n".join(lines).encode("gb18030"))
    report = import_file(event_db, changed)
    assert (report.added, report.updated, report.unchanged) == (1, 1, 299)
    assert by_name(event_db)["汤博建"][0].title == "副董事长"


def test_reimport_matches_by_mobile_only_with_the_same_name(event_db: Database,
                                                             tmp_path: Path) -> None:
    first = tmp_path / "a.csv"
    first.write_text("姓名,手机,职务\n张伟,13800138000,教授\n", encoding="utf-8")
    import_file(event_db, first)
    second = tmp_path / "b.csv"
    second.write_text("姓名,手机,职务\n张伟,13800138000,院长\n李娜,13800138000,秘书\n",
                      encoding="utf-8")
    report = import_file(event_db, second)
    assert (report.added, report.updated) == (1, 1)
    assert by_name(event_db)["张伟"][0].title == "院长"


def test_a_code_belonging_to_another_guest_is_refused(event_db: Database,
                                                      tmp_path: Path) -> None:
    first = tmp_path / "a.csv"
    first.write_text("姓名,胸卡号,报名编号\n张伟,B-1,R1\n李娜,B-2,R2\n", encoding="utf-8")
    import_file(event_db, first)
    second = tmp_path / "b.csv"
    second.write_text("姓名,胸卡号,报名编号\n张伟,B-2,R1\n", encoding="utf-8")
    with pytest.raises(ImportRejectedError, match="belongs to another guest"):
        import_file(event_db, second)


def test_a_code_of_one_guest_with_the_name_and_email_of_another_is_refused(
        event_db: Database, tmp_path: Path) -> None:
    # Found by hand: the row matched Ann Lee by her badge code and silently renamed her
    # to a second Cy Doe (with Cy Doe's e-mail); Ann Lee was gone from the list.
    first = tmp_path / "a.csv"
    first.write_text("name,organization,email,badge code,mobile\n"
                     "Ann Lee,ACME,ann@x.com,X-1,\nCy Doe,ACME,cy@x.com,X-3,13800138001\n",
                     encoding="utf-8")
    import_file(event_db, first)
    # Cy Doe named by his e-mail, then by his mobile, each with Ann Lee's badge code.
    for number, row in enumerate(("Cy Doe,ACME,cy@x.com,X-1,", "Cy Doe,ACME,,X-1,13800138001")):
        second = tmp_path / f"b{number}.csv"
        second.write_text(f"name,organization,email,badge code,mobile\n{row}\n",
                          encoding="utf-8")
        with pytest.raises(ImportRejectedError, match="badge code belongs to another guest"):
            import_file(event_db, second, replace_badge_codes=True)
        with pytest.raises(ImportRejectedError, match="badge code belongs to another guest"):
            import_file(event_db, second)
    names = by_name(event_db)
    assert [g.badge_code for g in names["Ann Lee"]] == ["X-1"]
    assert [g.badge_code for g in names["Cy Doe"]] == ["X-3"]


def test_a_code_with_a_corrected_name_still_updates_its_guest(event_db: Database,
                                                              tmp_path: Path) -> None:
    first = tmp_path / "a.csv"
    first.write_text("姓名,胸卡号,邮箱\n章伟,B-1,zw@x.com\n", encoding="utf-8")
    import_file(event_db, first)
    second = tmp_path / "b.csv"
    second.write_text("姓名,胸卡号,邮箱\n张伟,B-1,zw@x.com\n", encoding="utf-8")
    assert import_file(event_db, second).updated == 1
    assert [g.badge_code for g in by_name(event_db)["张伟"]] == ["B-1"]


def test_a_long_chinese_name_within_the_limit_is_imported_and_found(event_db: Database,
                                                                   tmp_path: Path) -> None:
    # Found by hand: on PostgreSQL a 150-character Chinese name (the limit is 200) ended
    # the import in a traceback: its pinyin and sort keys ran past their columns.
    name = "阿卜杜热合曼" * 25
    source = tmp_path / "long.csv"
    source.write_text(f"姓名,单位,英文名,手机\n{name},东南大学,{'Abdurahman ' * 18},13800138000\n"
                      f"张伟,南京大学,,\n", encoding="utf-8")
    assert import_file(event_db, source).added == 2
    again = tmp_path / "again.csv"
    again.write_text(f"姓名,单位,手机\n{name},东南大学（新）,13800138000\n", encoding="utf-8")
    assert import_file(event_db, again).updated == 1  # an update derives the keys too
    assert by_name(event_db)[name][0].organization == "东南大学（新）"
    assert [h.guest.name for h in search_guests(event_db, name[:6]).results] == [name]
    with event_db.read() as session:  # what PostgreSQL refuses, SQLite would keep
        for column in ("name_pinyin", "name_initials", "name_latin", "name_sort"):
            width = GuestRow.__table__.c[column].type.length
            longest = session.execute(select(func.max(func.length(getattr(GuestRow, column))))
                                      ).scalar_one()
            assert 0 < longest <= width, column


def test_dry_run_writes_nothing(event_db: Database, shared_data: Path) -> None:
    report = import_file(event_db, shared_data / "guests_utf8_bom.csv", dry_run=True)
    assert report.added == 120 and report.dry_run
    assert count_guests(event_db) == 0


@pytest.mark.parametrize(("encoding", "delimiter"), [
    ("gb18030", ","), ("utf-8", ";"), ("utf-16-le", "\t"), ("utf-16-be", "\t"),
    ("utf-8-sig", ","),
])
def test_encodings_and_delimiters(event_db: Database, tmp_path: Path, encoding: str,
                                  delimiter: str) -> None:
    rows = [["Name", "Company", "Mobile"], ["Li Na", "ABC Ltd", "13800138000"],
            ["王芳", "Siemens", "13900139000"]]
    data = "\r\n".join(delimiter.join(r) for r in rows)
    raw = data.encode(encoding)
    if encoding.startswith("utf-16"):
        raw = ("\ufeff" + data).encode(encoding)
    path = tmp_path / "list.csv"
    path.write_bytes(raw)
    import_file(event_db, path)
    assert {g.name for g in list_guests(event_db)} == {"Li Na", "王芳"}
    assert {g.organization for g in list_guests(event_db)} == {"ABC Ltd", "Siemens"}


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_byte_order_mark_is_refused_with_the_way_out(
        event_db: Database, tmp_path: Path, encoding: str) -> None:
    # Found by hand: read as UTF-8 (NUL bytes are valid UTF-8), it was refused for "no name
    # column found in the header row 1 (覻)", which names neither the cause nor the way out.
    path = tmp_path / "list.csv"
    path.write_bytes("姓名,单位,手机\r\n张伟,华为,13800138000\r\n李娜,中兴,13900139000\r\n"
                     .encode(encoding))
    with pytest.raises(BadInputError, match="neither UTF-8, UTF-16 nor GB18030"):
        import_file(event_db, path)
    assert count_guests(event_db) == 0
    assert import_file(event_db, path, encoding=encoding).added == 2  # said, it reads


def test_gbk_file_with_few_chinese_characters(event_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "mostly_ascii.csv"
    body = "Name,Company\n" + "".join(f"Guest {i},Company {i}\n" for i in range(200))
    path.write_bytes((body + "李娜,南京大学\n").encode("gb18030"))
    assert import_file(event_db, path).encoding == "gb18030"
    assert "李娜" in by_name(event_db)


def test_single_column_file(event_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_text("姓名\n张三\n李四\n", encoding="utf-8")
    assert import_file(event_db, path).added == 2


def test_map_overrides_and_unmapped_columns_kept(event_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("参会人员,所属,备用电话\n张三,东南大学,13800138000\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="no name column"):
        import_file(event_db, path)
    import_file(event_db, path, overrides={"name": "参会人员", "organization": "B"})
    guest = list_guests(event_db)[0]
    assert (guest.name, guest.organization) == ("张三", "东南大学")
    assert guest.extra == {"备用电话": "13800138000"}
    with pytest.raises(BadInputError, match="unknown field"):
        import_file(event_db, path, overrides={"nickname": "所属"})


def test_unknown_category_and_attendance(event_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "cats.csv"
    path.write_text("姓名,类别,参会方式\n张三,外星人,线下\n李四,院士,火星\n", encoding="utf-8")
    with pytest.raises(ImportRejectedError) as caught:
        import_file(event_db, path)
    reasons = {(p.row, p.column, p.value, p.reason.split(" (")[0])
               for p in caught.value.problems}
    assert reasons == {(2, "类别", "外星人", "unknown category"),
                       (3, "参会方式", "火星", "unknown attendance")}


def test_cancel_leaves_no_half_imported_list(event_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("姓名,胸卡号\n" + "".join(f"嘉宾{i},C-{i}\n" for i in range(12000)),
                    encoding="utf-8")
    calls = iter(range(100))
    with pytest.raises(ImportCancelledError):
        import_file(event_db, path, is_cancelled=lambda: next(calls) >= 1)
    assert count_guests(event_db) == 0


def index_names(db: Database) -> set[str]:
    """The named indexes of the guest table and, on SQLite, of the search documents."""
    from sqlalchemy import inspect

    inspector = inspect(db.engine)
    names = {str(i["name"]) for i in inspector.get_indexes("guest")}
    if db.is_sqlite:
        names |= {f"search_doc.{i['name']}" for i in inspector.get_indexes("search_doc")}
    return names


def test_a_large_first_import_keeps_every_index(event_db: Database, tmp_path: Path) -> None:
    """A first import of 10,000+ guests makes the guest table's indexes (and the search
    documents') after its rows, not row by row: they are all there after it, and after a
    cancelled one, and a later import into the filled table leaves them alone."""
    before = index_names(event_db)
    assert {"ix_guest_name_sort_name", "ix_guest_category_attendance"} <= before
    path = tmp_path / "big.csv"
    path.write_text("姓名,胸卡号,类别\n" + "".join(f"嘉宾{i},C-{i},{'专家' if i % 7 else '院士'}\n"
                                             for i in range(12000)), encoding="utf-8")
    calls = iter(range(100))
    with pytest.raises(ImportCancelledError):
        import_file(event_db, path, is_cancelled=lambda: next(calls) >= 2)
    assert index_names(event_db) == before
    assert import_file(event_db, path).added == 12000
    assert index_names(event_db) == before
    more = tmp_path / "more.csv"
    more.write_text("姓名,胸卡号\n" + "".join(f"来宾{i},D-{i}\n" for i in range(12000)),
                    encoding="utf-8")
    assert import_file(event_db, more).added == 12000
    assert index_names(event_db) == before
    assert [h.guest.badge_code for h in search_guests(event_db, "C-11999").results][:1] == [
        "C-11999"]
    assert search_guests(event_db, "来宾").total == 12000


def test_a_crash_while_writing_leaves_nothing(event_db: Database, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A first large import (its indexes deferred) that fails mid-way writes nothing."""
    from wimc_desktop.services.importing import writer

    path = tmp_path / "big.csv"
    path.write_text("姓名\n" + "".join(f"嘉宾{i}\n" for i in range(12000)), encoding="utf-8")
    real = writer.insert_rows
    calls: list[int] = []

    def failing(session, rows, names):  # type: ignore[no-untyped-def]
        calls.append(len(rows))
        if len(calls) == 2:
            raise OSError("disk full")
        real(session, rows, names)

    monkeypatch.setattr(writer, "insert_rows", failing)
    with pytest.raises(OSError, match="disk full"):
        import_file(event_db, path)
    assert count_guests(event_db) == 0


@pytest.mark.parametrize("offset", [-3, -2, -1, 0, 1])
def test_a_formula_is_seen_across_the_read_boundary(tmp_path: Path, offset: int) -> None:
    """The formula check reads the sheet in 1 MiB pieces: '<f>' split between two is seen."""
    import zipfile

    from wimc_desktop.services.importing.readers import _has_formula

    head = '<worksheet><sheetData><row r="1"><c r="A1">'
    pad = " " * ((1 << 20) + offset - len(head))
    xml = head + pad + '<f>1+1</f></c></row></sheetData></worksheet>'
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/worksheets/sheet1.xml", xml)
        zf.writestr("xl/worksheets/sheet2.xml", head + pad + "<v>2</v></c></row></sheetData>")
    with zipfile.ZipFile(path) as zf:
        assert _has_formula(zf, "xl/worksheets/sheet1.xml")
        assert not _has_formula(zf, "xl/worksheets/sheet2.xml")
