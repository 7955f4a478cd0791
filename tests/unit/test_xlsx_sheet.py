"""FastWorksheet writes the very bytes of xlsxwriter's own Worksheet (see services.xlsx_sheet).

The same rows go through the stock Worksheet (cell by cell, exports.write_row) and
through FastWorksheet; every part of the two files must be equal byte for byte. A new
xlsxwriter that writes cells differently fails here, not in a report.
"""

from __future__ import annotations

import datetime as dt
import random
import zipfile
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from sqlalchemy import select, update
from xlsxwriter.worksheet import Worksheet

from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import GuestRow
from wimc_desktop.services import report_xlsx
from wimc_desktop.services.exports import XLSX_OPTIONS, Cell, write_row
from wimc_desktop.services.xlsx_sheet import FastWorksheet, excel_serial

CREATED = dt.datetime(2020, 11, 26, 8, 0, 0)
HOSTILE = [
    "\x00", "a\x01b", "\x07\x08\x0b\x0c\x0e\x1f", "line\nbreak", "cr\rinside", "tab\tinside",
    "\ttab first", "tab last\t", "_x0000_", "a_x0041_b", "_x00", "snake_case", "_",
    " leading", "trailing ", " both ", "\u3000全角空格", "全角空格\u3000", "\xa0nbsp",
    "a & b", "<b>bold</b>", "<r>rich</r>", 'say "hi"', "it's", ">", "&amp;",
    "emoji 😀🎉", "😀", "\ufffe", "x\uffffy", "\u200bzero width", "Ω≈ç√", "ｆｕｌｌ",
    "=SUM(A1:A2)", "+1", "-2", "@x", "\t=1", "\r=1", '=HYPERLINK("http://x","y")',
    "1234567890123", "0012", "TRUE", "#N/A",
    "x" * 32_767, "x" * 16_383, "x" * 16_384, "y" * 40_000, "😀" * 16_384, "中" * 32_767,
    " " + "z" * 20_000 + " ",
]
PLAIN = ["王芳", "华为技术有限公司", "Siemens AG", "Zhang Wei", "z***@example.com",
         "138****5678", "Desk 1", "operator 7", "扫码", "", "B0000001", "院士 academician"]
TIMES = [dt.datetime(2020, 11, 26, 8, 30, 15), dt.datetime(2020, 11, 26, 23, 59, 59, 999_999),
         dt.datetime(2020, 11, 26), dt.datetime(1900, 3, 1), dt.datetime(1900, 2, 28, 12),
         dt.datetime(1900, 1, 1, 6), dt.datetime(9999, 12, 31, 23, 59, 59),
         dt.datetime(2020, 11, 26, 8, 30, tzinfo=dt.UTC), dt.date(2020, 11, 26)]
NUMBERS: list[Cell] = [0, 1, -1, 86_664, 2**53, 10**15 + 1, 0.1, 1 / 3, -2.5e-300, 1e300,
                       Decimal("536.30"), Decimal("53630000000.00"), Decimal("0.01"), True]


def rows() -> list[list[Cell]]:
    """Rows like the report's lists, then every hostile text in every kind of column."""
    out: list[list[Cell]] = []
    for n in range(300):
        out.append([n + 1, TIMES[n % len(TIMES)], PLAIN[n % len(PLAIN)],
                    PLAIN[(n * 7) % len(PLAIN)], None if n % 3 else "", NUMBERS[n % len(NUMBERS)],
                    HOSTILE[n % len(HOSTILE)] if n % 5 == 0 else PLAIN[n % 4]])
    for text in HOSTILE:
        out.append([text, text, 7, text, None, text])
    out.append([])  # an empty row
    out.append([None, None, ""])  # blanks only: no format, so no cell at all
    out.append([f"wide {c}" for c in range(300)])  # columns past IV (256)
    return out


def book_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_book(path: Path, sheet_class: type[Any], write: Callable[..., None], *,
               constant_memory: bool = True) -> None:
    book = xlsxwriter.Workbook(str(path), {**XLSX_OPTIONS, "constant_memory": constant_memory,
                                           "tmpdir": str(path.parent)})
    book.set_properties({"created": CREATED})
    head = book.add_format({"bold": True, "bg_color": "#DCE6F1", "border": 1})
    time = book.add_format({"num_format": "hh:mm:ss"})
    count = book.add_format({"num_format": "#,##0"})
    column = book.add_format({"italic": True})
    same_as_head = book.add_format({"bold": True, "bg_color": "#DCE6F1", "border": 1})
    formats: list[list[Any | None]] = [
        [count, time, None, None, head, None, None],
        [None, time, same_as_head],  # a format equal to another (one index for both)
        [],  # no formats at all
    ]
    for name in ("lists", "formatted"):
        sheet = book.add_worksheet(name, worksheet_class=sheet_class)
        if name == "formatted":  # the row and column formats of Worksheet._write_cell
            sheet.set_column(2, 3, 20, column)
            sheet.set_row(4, 30, head)
            sheet.set_row(7, None, None, {"hidden": True})
            sheet.write_comment(9, 1, "a comment")
        for number, cells in enumerate(rows()):
            write(sheet, number, cells, formats[number % len(formats)])
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(rows()), 6)
    book.close()


def stock_write(sheet: Any, row: int, cells: Sequence[Cell], formats: Sequence[Any]) -> None:
    write_row(sheet, row, cells, formats)


def fast_write(sheet: Any, row: int, cells: Sequence[Cell], formats: Sequence[Any]) -> None:
    sheet.write_cells(row, cells, formats)


@pytest.mark.parametrize(("write", "constant_memory"), [
    (fast_write, True),  # write_cells, _write_single_row and _write_cell
    (stock_write, True),  # xlsxwriter's write_* with our _write_single_row and _write_cell
    (fast_write, False),  # not constant_memory: everything by xlsxwriter
])
def test_fast_worksheet_writes_the_bytes_of_the_stock_one(
        tmp_path: Path, write: Callable[..., None], constant_memory: bool) -> None:
    stock, fast = tmp_path / "stock.xlsx", tmp_path / "fast.xlsx"
    write_book(stock, Worksheet, stock_write, constant_memory=constant_memory)
    write_book(fast, FastWorksheet, write, constant_memory=constant_memory)
    expected, got = book_parts(stock), book_parts(fast)
    assert list(got) == list(expected)
    assert any(name.startswith("xl/worksheets/sheet") for name in got)
    for name, data in expected.items():
        assert got[name] == data, name
    sheet = expected["xl/worksheets/sheet1.xml"].decode()
    for sign in ("_x005F_x0000_", "_x0001_", 'xml:space="preserve"', "&amp;", "&lt;b&gt;",
                 "😀", "'=SUM(A1:A2)", 't="inlineStr"' if constant_memory else 't="s"'):
        assert sign in sheet or sign in expected.get("xl/sharedStrings.xml", b"").decode()


def test_rows_out_of_order_are_dropped_alike(tmp_path: Path) -> None:
    """constant_memory drops a cell of a row already written: write_cells does the same."""
    def write(sheet_class: type[Any], path: Path) -> None:
        book = xlsxwriter.Workbook(str(path), {"constant_memory": True,
                                               "tmpdir": str(tmp_path)})
        book.set_properties({"created": CREATED})
        sheet = book.add_worksheet(worksheet_class=sheet_class)
        for row in (0, 1, 3, 2, 3, -1, 1_048_576):
            cells: list[Cell] = [f"row {row}", row, None]
            if sheet_class is Worksheet:
                write_row(sheet, row, cells)
            else:
                sheet.write_cells(row, cells)
        book.close()

    write(Worksheet, tmp_path / "stock.xlsx")
    write(FastWorksheet, tmp_path / "fast.xlsx")
    assert book_parts(tmp_path / "fast.xlsx") == book_parts(tmp_path / "stock.xlsx")


def test_excel_serial_is_xlsxwriters() -> None:
    sheet, rng = Worksheet(), random.Random(7)
    moments = [m for m in TIMES if isinstance(m, dt.datetime) and m.tzinfo is None
               and m >= dt.datetime(1900, 3, 1)]
    moments += [dt.datetime(1900, 3, 1) + dt.timedelta(
        days=rng.randrange(2_900_000), seconds=rng.randrange(86_400),
        microseconds=rng.randrange(1_000_000) if n % 2 else 0) for n in range(20_000)]
    for moment in moments:
        assert excel_serial(moment) == sheet._convert_date_time(moment), moment


def test_the_report_workbook_is_the_stock_one(event_db: Database, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole daily report, hostile names too: FastWorksheet against the stock Worksheet."""
    from tests.unit.test_report_exports import DAY1, build_report_event
    from wimc_desktop.services.report_exports import export_report

    class StockSheet(Worksheet):  # type: ignore[misc]
        def write_cells(self, row: int, values: Sequence[Cell],
                        formats: Sequence[Any] = ()) -> None:
            write_row(self, row, values, formats)

    db = build_report_event(event_db)
    # PostgreSQL text cannot hold NUL: the other hostile texts are stored there.
    hostile = HOSTILE if db.is_sqlite else [t for t in HOSTILE if "\x00" not in t]
    with db.write() as session:
        for n, (guest_id,) in enumerate(session.execute(select(GuestRow.id)).all()):
            session.execute(update(GuestRow).where(GuestRow.id == guest_id).values(
                organization=hostile[n * 5 % len(hostile)], title=hostile[n % len(hostile)])
            )
    now = dt.datetime(2020, 11, 26, 12, tzinfo=dt.UTC)
    # Each full export is audited, which moves the audit chain's head the report prints:
    # both workbooks print the head as it was before them.
    from wimc_desktop.services import audit

    head = audit.chain_head(db)
    monkeypatch.setattr(audit, "chain_head", lambda _db: head)
    for lang in ("zh", "en"):
        fast, stock = tmp_path / f"fast.{lang}.xlsx", tmp_path / f"stock.{lang}.xlsx"
        export_report(db, DAY1, "xlsx", fast, now=now, lang=lang, full_pii=True)
        with monkeypatch.context() as patch:
            patch.setattr(report_xlsx, "_add_sheet", lambda book, name: book.add_worksheet(
                name, worksheet_class=StockSheet))
            export_report(db, DAY1, "xlsx", stock, now=now, lang=lang, full_pii=True)
        got, expected = book_parts(fast), book_parts(stock)
        assert list(got) == list(expected)
        for name in expected:
            if name != "docProps/core.xml":  # the creation time
                assert got[name] == expected[name], name
