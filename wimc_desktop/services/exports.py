"""Export basics shared by every export: atomic files, inert cells, CSV with BOM, safe XLSX.

A file is written to a temporary name in the destination folder and moved over the
destination only once complete and checked (services.safe_file), so a crash, a full
disk or an exception leaves the previous file intact and never a half-written one. Text cells that a
spreadsheet would run as a formula (starting with = + - @ tab or CR) get a leading
apostrophe; numbers stay numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, TextIO

from wimc_desktop.services.safe_file import safe_output

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Cell = str | int | Decimal | float | dt.datetime | dt.date | None
XLSX_OPTIONS = {
    "strings_to_formulas": False,  # a name like '=HYPERLINK(...)' stays text
    "strings_to_urls": False,
    "strings_to_numbers": False,  # a phone number or a code keeps its leading zeros
    "remove_timezone": True,
}


def inert_cell(text: str) -> str:
    """Text a spreadsheet shows as is: a leading formula character gets an apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def atomic_output(path: str | os.PathLike[str], *, private: bool = False
                  ) -> AbstractContextManager[Path]:
    """A temporary path beside `path`; moved over `path` only when the block succeeds.

    services.safe_file.safe_output: 0600 when `private` (personal data), else the usual
    permissions; every failure is a CannotWriteError (exit 11) and leaves the previous
    file as it was.
    """
    return safe_output(path, private=private)


def csv_cell(value: Cell) -> str:
    """A cell as CSV text: text made inert, numbers and dates plain (Excel parses them)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return inert_cell(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def write_csv(path: str | os.PathLike[str], header: Sequence[str],
              rows: Iterable[Sequence[Cell]], *, private: bool = False) -> None:
    """A CSV file in UTF-8 with a BOM (so Excel on Chinese Windows reads it), atomically.

    Readable by the user only when `private` (see atomic_output).
    """
    with atomic_output(path, private=private) as temp, \
            temp.open("w", encoding="utf-8-sig", newline="") as out:
        csv_into(out, header, rows)


def csv_into(out: TextIO, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> None:
    """The CSV rows into an open text file (see write_csv)."""
    writer = csv.writer(out)
    writer.writerow([inert_cell(h) for h in header])
    writer.writerows([csv_cell(v) for v in row] for row in rows)


def new_workbook(output: IO[bytes]) -> Any:
    """An xlsxwriter Workbook with formulas, URLs and numbers off for strings, written
    whole into `output` (in memory: safe_file then writes the bytes, every one checked)."""
    import xlsxwriter  # imported when needed: the desk starts faster

    return xlsxwriter.Workbook(output, {**XLSX_OPTIONS, "in_memory": True})


class WorkbookBuffer(io.BytesIO):
    """The bytes of a workbook being made, in memory, never closed under its zip.

    When a write fails while xlsxwriter closes a workbook (its temporary folder full),
    it leaves its ZipFile open; collected later, that ZipFile finishes into its buffer,
    and a closed buffer ends in "Exception ignored in ZipFile.__del__" on stderr.
    """

    def close(self) -> None:  # the memory goes with the object
        pass


def close_workbook(book: Any) -> None:
    """book.close(), with the OSError xlsxwriter wraps in FileCreateError given back (so a
    full temporary folder is a CannotWriteError naming it, as any other write)."""
    from xlsxwriter.exceptions import FileCreateError

    try:
        book.close()
    except FileCreateError as exc:
        cause = exc.args[0] if exc.args else None
        if isinstance(cause, OSError):
            raise cause from exc
        raise


def write_row(sheet: Any, row: int, values: Sequence[Cell],
              formats: Sequence[Any | None] = ()) -> None:
    """One row of typed cells: text (inert) as strings, numbers as numbers, dates as dates."""
    n_formats = len(formats)
    for col, value in enumerate(values):
        write_cell(sheet, row, col, value, formats[col] if col < n_formats else None)


def write_cell(sheet: Any, row: int, col: int, value: Cell, fmt: Any | None = None) -> None:
    """One typed cell (see write_row); xlsx_sheet.FastWorksheet.write_cells does the same."""
    if value is None or value == "":
        sheet.write_blank(row, col, None, fmt)
    elif isinstance(value, str):
        sheet.write_string(row, col, inert_cell(value), fmt)
    elif isinstance(value, dt.datetime | dt.date):
        sheet.write_datetime(row, col, value, fmt)
    else:  # a double holds any amount below 10^13 元 to the fen (15 digits)
        sheet.write_number(row, col, float(value), fmt)
