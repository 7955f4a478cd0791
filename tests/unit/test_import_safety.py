"""A guest list never slips bad text in: stray quotes, control and bidi characters,
over-long cells, reordered workbooks; every file here is written by its test."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.errors import BadInputError, ImportRejectedError
from wimc_desktop.domain.text_safety import check_text, unsafe_character, visible
from wimc_desktop.services.guests import count_guests, list_guests
from wimc_desktop.services.importing import import_file


def rejected(db: Database, path: Path) -> list[tuple[int, str, str, str]]:
    """(row, column, code, English reason) of every problem; nothing may be written."""
    with pytest.raises(ImportRejectedError) as caught:
        import_file(db, path)
    assert count_guests(db) == 0
    return [(p.row, p.column, p.code, p.reason) for p in caught.value.problems]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_a_stray_quote_that_swallows_rows_is_a_problem_naming_its_lines(
        event_db: Database, tmp_path: Path) -> None:
    """Valid CSV by the letter: the quote opened in row 2 closes on line 4, so rows 3 and 4
    are one cell of row 2. It used to import "2 added"."""
    path = write(tmp_path / "stray.csv",
                 '姓名,工作单位,职务\n张三,"南京大学,教授\n李四,东南大学,讲师\n'
                 '王五,河海大学",院长\n赵六,清华大学,教授\n')
    problems = rejected(event_db, path)
    assert [(r, c, code) for r, c, code, _ in problems] == [(2, "工作单位", "quote_runs_on")]
    assert "the quote opened in row 2 runs from line 2 to line 4" in problems[0][3]


@pytest.mark.parametrize("field", ["姓名", "工作单位", "职务", "手机", "邮箱", "胸卡号", "座位"])
def test_a_line_break_in_a_one_line_field_is_a_problem(event_db: Database, tmp_path: Path,
                                                     field: str) -> None:
    header = ["姓名", "工作单位", "职务", "手机", "邮箱", "胸卡号", "备注", "座位"]
    row = ["张三", "东南大学", "教授", "13800138000", "z@seu.edu.cn", "B-1", "素食", "A1"]
    value = row[header.index(field)]
    row[header.index(field)] = value[:1] + "\n" + value[1:]
    path = write(tmp_path / "breaks.csv", ",".join(header) + "\n"
                 + ",".join(f'"{v}"' for v in row) + "\n")
    problems = rejected(event_db, path)
    assert [(r, c, code) for r, c, code, _ in problems] == [(2, field, "quote_runs_on")]


def test_line_breaks_stay_allowed_in_notes_and_extra_columns(event_db: Database,
                                                             tmp_path: Path) -> None:
    path = write(tmp_path / "notes.csv",
                 '姓名,备注,住宿\n张三,"素食\n需要轮椅","金陵饭店\n3晚"\n李四,,\n')
    assert import_file(event_db, path).added == 2
    zhang = next(g for g in list_guests(event_db) if g.name == "张三")
    assert (zhang.notes, zhang.extra) == ("素食\n需要轮椅", {"住宿": "金陵饭店\n3晚"})


def test_a_line_break_in_a_workbook_cell_is_a_problem_too(event_db: Database,
                                                          tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "工作单位", "备注"])
    sheet.append(["张三", "东南大学\n机械学院", "一\n二"])
    book.save(tmp_path / "list.xlsx")
    problems = rejected(event_db, tmp_path / "list.xlsx")
    assert [(r, c, code) for r, c, code, _ in problems] == [(2, "工作单位", "line_break")]


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\u202a", "\u202e",
                                  "\u2066", "\u2069", "\t"])
def test_control_and_bidi_characters_are_problems_naming_them(
        event_db: Database, tmp_path: Path, char: str) -> None:
    path = write(tmp_path / "chars.csv", f"姓名,工作单位,备注\n张三,东南{char}大学,x\n")
    problems = rejected(event_db, path)
    code = f"U+{ord(char):04X}"
    assert problems == [(2, "工作单位", "unsafe_character",
                         f"the character {code} at position 3 is not allowed "
                         "(a control character or a text-direction override)")]


def test_every_field_and_extra_column_is_checked(event_db: Database, tmp_path: Path) -> None:
    header = "姓名,英文名,性别,工作单位,职务,类别,参会方式,国家,手机,邮箱,胸卡号,报名编号,备注,座位"
    cells = ["张\u202e三", "Zhang\x00", "男\x01", "东南\x02", "教授\x03", "专家\x04", "线下\x05",
             "中国\x06", "1380013800\x0e", "z@seu.edu.cn\x0f", "B-1\x10", "R\x11", "素食\x12",
             "A\u2067"]
    path = write(tmp_path / "all.csv", header + "\n" + ",".join(cells) + "\n")
    problems = rejected(event_db, path)
    assert sorted(c for _, c, _, _ in problems) == sorted(header.split(","))
    assert {code for _, _, code, _ in problems} == {"unsafe_character"}


def test_an_over_long_cell_says_so_not_broken_quoting(event_db: Database,
                                                      tmp_path: Path) -> None:
    import csv

    limit = csv.field_size_limit()
    path = write(tmp_path / "long.csv", "姓名,备注\n张三,x\n李四," + "长" * (limit + 10) + "\n")
    problems = rejected(event_db, path)
    assert [(r, code) for r, _, code, _ in problems] == [(3, "cell_too_long")]
    assert f"line 3 is longer than {limit} characters" in problems[0][3]


def test_a_broken_quote_in_the_first_data_row_is_named_not_an_empty_list(
        event_db: Database, tmp_path: Path) -> None:
    path = write(tmp_path / "first.csv", '姓名,工作单位\n张三,"东南"大学\n李四,河海大学\n')
    problems = rejected(event_db, path)
    assert [(r, code) for r, _, code, _ in problems] == [(2, "broken_quoting")]
    assert "line 2" in problems[0][3]


def test_a_broken_quote_in_the_header_row_is_named_too(event_db: Database,
                                                       tmp_path: Path) -> None:
    path = write(tmp_path / "head.csv", '"姓名,工作单位\n')
    assert [(r, code) for r, _, code, _ in rejected(event_db, path)] == [(1, "broken_quoting")]


def _reordered_workbook(path: Path) -> None:
    """Sheet "公式" (sheet1.xml) holds a formula with no saved value; "嘉宾" (sheet2.xml) is
    clean and is moved to the front, as dragging its tab in Excel does."""
    import openpyxl

    book = openpyxl.Workbook()
    formulas = book.active
    formulas.title = "公式"
    formulas.append(["姓名", "工作单位"])
    formulas.append(["=CONCAT(\"张\",\"三\")", "东南大学"])  # openpyxl saves no value
    guests = book.create_sheet("嘉宾")
    guests.append(["姓名", "工作单位"])
    guests.append(["李四", "河海大学"])
    book.save(path)
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    workbook = parts["xl/workbook.xml"].decode()
    sheets = re.findall(r"<sheet [^>]*/>", workbook)
    assert [re.search(r'name="([^"]+)"', s).group(1) for s in sheets] == ["公式", "嘉宾"]  # type: ignore[union-attr]
    workbook = workbook.replace(sheets[0] + sheets[1], sheets[1] + sheets[0])
    parts["xl/workbook.xml"] = workbook.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def test_a_workbook_with_reordered_sheets_is_checked_on_the_sheet_read(
        event_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "moved.xlsx"
    _reordered_workbook(path)
    report = import_file(event_db, path, dry_run=True)  # the first sheet: 嘉宾, no formula
    assert (report.sheet, report.added) == ("嘉宾", 1)
    with pytest.raises(ImportRejectedError) as caught:
        import_file(event_db, path, sheet="公式", dry_run=True)
    assert (2, "姓名", "formula_without_value") in [(p.row, p.column, p.code)
                                                  for p in caught.value.problems]


def test_a_damaged_workbook_or_encoding_is_told_in_our_words(event_db: Database,
                                                              tmp_path: Path) -> None:
    """No library English (zipfile's, calamine's, a codec's) in a message the window
    translates: the template has no slot for it."""
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not really a zip archive")
    with pytest.raises(BadInputError) as caught:
        import_file(event_db, damaged)
    assert caught.value.template == ("{file}: not a readable Excel workbook: the file is "
                                     "damaged, or it is another kind of file.")
    text = tmp_path / "list.csv"
    text.write_bytes("姓名\n张三\n".encode("gb18030") + b"x")  # (odd: not UTF-16)
    with pytest.raises(BadInputError) as caught:
        import_file(event_db, text, encoding="utf-16")
    assert "codec" not in str(caught.value)
    assert caught.value.params == {"file": "list.csv", "encoding": "utf-16",
                                   "position": str(len(text.read_bytes()))}


def test_the_domain_check_names_the_character_and_its_place() -> None:
    assert unsafe_character("张三") is None
    assert unsafe_character("Ali\u202eecila") == (4, "U+202E")
    assert unsafe_character("a\nb") == (2, "U+000A")
    assert unsafe_character("a\r\n\tb", multiline=True) is None
    assert unsafe_character("a\nb\x00", multiline=True) == (4, "U+0000")
    assert unsafe_character("全角\u3000空格 和 emoji 😀") is None
    assert visible("a\u202eb\n") == "a[U+202E]b[U+000A]"
    with pytest.raises(BadInputError) as caught:
        check_text("name", "张\x00三")
    assert caught.value.params == {"field": "name", "char": "U+0000", "position": "2"}


def _first_and_second_lists(tmp_path: Path) -> tuple[Path, Path]:
    """A first list with codes X-00000n; a second that matches three of its guests by name
    and e-mail and gives them other codes (the registration system renumbered them)."""
    first = write(tmp_path / "first.csv", "姓名,邮箱,胸卡号\n" + "".join(
        f"嘉宾{n},g{n}@seu.edu.cn,X-00000{n}\n" for n in range(1, 7)))
    second = write(tmp_path / "second.csv", "姓名,邮箱,胸卡号,职务\n" + "".join(
        f"嘉宾{n},g{n}@seu.edu.cn,WIMC20-00000{n},教授\n" for n in (4, 5, 6)))
    return first, second


def test_a_reimport_never_changes_a_badge_code_silently(event_db: Database,
                                                        tmp_path: Path) -> None:
    first, second = _first_and_second_lists(tmp_path)
    import_file(event_db, first)
    with pytest.raises(ImportRejectedError) as caught:
        import_file(event_db, second)
    assert [(p.row, p.column, p.value, p.code, dict(p.args)) for p in caught.value.problems] == [
        (row, "胸卡号", f"WIMC20-00000{n}", "badge_code_conflict",
         {"old": f"X-00000{n}", "new": f"WIMC20-00000{n}"})
        for row, n in ((2, 4), (3, 5), (4, 6))]
    assert "the guest already has badge code X-000004, this row gives WIMC20-000004" in \
        caught.value.problems[0].reason
    assert {g.badge_code for g in list_guests(event_db)} == {f"X-00000{n}" for n in range(1, 7)}
    assert {g.title for g in list_guests(event_db)} == {""}


def test_replacing_badge_codes_revokes_the_old_ones_as_a_reissue(event_db: Database,
                                                                 tmp_path: Path) -> None:
    from wimc_desktop.domain.badges import BadgeStatus
    from wimc_desktop.domain.checkin import Desk, Outcome
    from wimc_desktop.services.badges import badge_info
    from wimc_desktop.services.checkin import check_in
    from wimc_desktop.services.search import search_guests

    first, second = _first_and_second_lists(tmp_path)
    import_file(event_db, first)
    desk = Desk("注册处", "王老师")
    dry = import_file(event_db, second, replace_badge_codes=True, desk=desk, dry_run=True)
    assert (dry.updated, dry.badge_codes_replaced) == (3, 3)
    assert {g.badge_code for g in list_guests(event_db)} == {f"X-00000{n}" for n in range(1, 7)}
    report = import_file(event_db, second, replace_badge_codes=True, desk=desk)
    assert (report.added, report.updated, report.badge_codes_replaced) == (0, 3, 3)
    assert report.as_json()["badge_codes_replaced"] == 3
    old = badge_info(event_db, "X-000004")
    assert (old.status, old.replaced_by, old.guest.name) == (BadgeStatus.REVOKED,
                                                              "WIMC20-000004", "嘉宾4")
    assert old.revocation is not None
    assert (old.revocation.desk, old.revocation.operator) == ("注册处", "王老师")
    assert "second.csv" in old.revocation.reason
    import datetime as dt

    day = dt.date(2020, 11, 26)
    assert check_in(event_db, "X-000005", day=day, desk=desk).outcome is Outcome.BADGE_REVOKED
    assert check_in(event_db, "WIMC20-000005", day=day, desk=desk).outcome is Outcome.ADMITTED
    assert [h.guest.badge_code for h in search_guests(event_db, "WIMC20-000006").results][:1] \
        == ["WIMC20-000006"]
    assert badge_info(event_db, "X-000001").status is BadgeStatus.ACTIVE  # (not on the list)
    # The old code cannot come back by a later list: it is revoked for good.
    again = write(tmp_path / "again.csv", "姓名,邮箱,胸卡号\n嘉宾4,g4@seu.edu.cn,X-000004\n")
    with pytest.raises(ImportRejectedError, match="revoked"):
        import_file(event_db, again, replace_badge_codes=True)


@pytest.mark.skipif(not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() == 0,
                    reason="POSIX permissions (root reads any file)")
def test_a_file_that_cannot_be_read_is_told_in_our_words(event_db: Database,
                                                         tmp_path: Path) -> None:
    path = write(tmp_path / "locked.csv", "姓名\n张三\n")
    path.chmod(0)
    with pytest.raises(BadInputError) as caught:
        import_file(event_db, path)
    assert caught.value.template == "{file}: no permission to read this file."


def test_a_read_failure_is_told_in_our_words(event_db: Database, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    path = write(tmp_path / "list.csv", "姓名\n张三\n")

    def failing(self: Path) -> bytes:
        raise OSError(errno.EIO, "Input/output error", str(self))
    monkeypatch.setattr(Path, "read_bytes", failing)
    with pytest.raises(BadInputError) as caught:
        import_file(event_db, path)
    assert caught.value.template == "{file}: the file could not be read from the disk."
    assert "Input/output" not in str(caught.value)


def test_an_over_long_cell_is_found_on_its_line_whatever_else_the_lines_hold(
        event_db: Database, tmp_path: Path) -> None:
    """Lines are counted as the csv module counts them (a form feed or U+2028 in a notes
    cell is no line end; either is a problem of its own)."""
    import csv

    limit = csv.field_size_limit()
    path = write(tmp_path / "long.csv",
                 '姓名,备注\n张三,"a\x0cb\u2028c"\n李四,' + "长" * (limit + 1) + "\n")
    problems = rejected(event_db, path)
    assert [(r, code) for r, _, code, _ in problems] == [(2, "unsafe_character"),
                                                         (3, "cell_too_long")]
    assert "line 3 is longer" in problems[1][3]
