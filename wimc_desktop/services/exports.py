"""Export basics shared by every export: atomic files, inert cells, CSV with BOM, safe XLSX.

A file is written to a temporary name in the destination folder and moved over the
destination only once complete (os.replace), so a crash, a full disk or an exception
leaves the previous file intact and never a half-written one. Text cells that a
spreadsheet would run as a formula (starting with = + - @ tab or CR) get a leading
apostrophe; numbers stay numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import secrets
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

from wimc_desktop.domain.errors import BadInputError, StorageError

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


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside `path`; moved over `path` only when the block succeeds."""
    target = Path(path)
    if target.is_dir():
        raise BadInputError("{target}: is a folder; give a file name", target=target)
    if not target.parent.is_dir():
        raise BadInputError("{folder}: no such folder", folder=target.parent)
    temp = _new_temp(target)
    try:
        yield temp
        _fsync(temp)
        os.replace(temp, target)
    except OSError as exc:
        raise StorageError("{target}: could not be written: {reason}", target=target,
                           reason=exc.strerror or exc) from exc
    finally:
        temp.unlink(missing_ok=True)


def _new_temp(target: Path) -> Path:
    """A new empty file beside `target`, with the usual permissions (mkstemp's are 0600)."""
    for _ in range(100):
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        except OSError as exc:
            raise StorageError("{target}: could not be written: {reason}", target=target,
                           reason=exc.strerror or exc) from exc
        return temp
    raise StorageError("{target}: could not create a temporary file beside it",
                       target=target)


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


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
              rows: Iterable[Sequence[Cell]]) -> None:
    """A CSV file in UTF-8 with a BOM (so Excel on Chinese Windows reads it), atomically."""
    with atomic_output(path) as temp, temp.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([inert_cell(h) for h in header])
        writer.writerows([csv_cell(v) for v in row] for row in rows)


def new_workbook(path: str | os.PathLike[str]) -> Any:
    """An xlsxwriter Workbook with formulas, URLs and numbers off for strings."""
    import xlsxwriter  # imported when needed: the desk starts faster

    return xlsxwriter.Workbook(os.fspath(path), XLSX_OPTIONS)


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
