"""A faster xlsxwriter worksheet for long lists in constant_memory mode: the same bytes.

Why: the report's lists (86,664 rows, about 914,000 cells for 60,000 check-ins) took
about 8 s in xlsxwriter, 60% of it in Worksheet._write_cell and the helpers it calls
for every cell (control-character and XML escaping, whitespace checks, the cell
reference, one file write per cell). Most cells are plain text (no character that
needs escaping) or numbers, for which the XML is one f-string. FastWorksheet writes
those cells itself and hands every other cell to xlsxwriter's own code:

- `_write_cell`: String cells whose text needs no escaping at all (no control
  character, no & < > " or newline, no underscore (for "_xHHHH_"), no U+FFFE/U+FFFF,
  no whitespace at either end: one regular expression), Number/Datetime cells and
  Blank cells; anything else (rich strings, formulas, booleans, errors, text that
  needs escaping), and any sheet not in constant_memory mode, goes to
  Worksheet._write_cell.
- `_write_single_row`: a row of such cells is written with one file write instead
  of one per cell (the row file is opened "w+", where every write also resets its
  decoder).
- `write_cells`: a whole row of typed cells stored at once, the cells exports.write_row
  would store (text inert, numbers as doubles, dates as Excel serial numbers, empty
  cells blank), without xlsxwriter's per-cell argument and bounds checks; rows it
  cannot take whole (out of order, out of bounds, not constant_memory) and odd cells
  (over 16,383 characters, NaN, a date before March 1900, a time zone) go through
  write_row's own calls.

Measured (2 cores): the XLSX export of tests/benchmarks/bench_report.py (100,000
guests, 60,000 check-ins, 86,664 list rows) went from a median 9.8 s to 4.3 s (of
which 1.5 s reading); 60,000 rows of 13 cells alone from 4.5 s to 1.9 s of CPU, 0.5 s
of each being the close (the zip).

The output is byte for byte the stock Worksheet's: tests/unit/test_xlsx_sheet.py
writes the same rows (plain, Chinese, empty, numbers with and without formats, times,
and hostile text: control characters, "_x0000_", spaces at the ends, & < > ", emoji,
32,767 characters, formula-like text) with both and compares every part of the two
files, so a change in xlsxwriter's XML fails that test rather than a report. This
overrides private methods of xlsxwriter: pyproject.toml pins it below version 4.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import (
    CellBlankTuple,
    CellDatetimeTuple,
    CellNumberTuple,
    CellStringTuple,
    Worksheet,
)

from wimc_desktop.services.exports import FORMULA_STARTS, Cell, write_cell, write_row

# Text xlsxwriter writes inline exactly as it is: no control character, & < > " or
# newline, no underscore (xlsxwriter escapes "_xHHHH_"), no U+FFFE/U+FFFF, no
# whitespace at either end (xml:space="preserve"). fullmatch: one pass, no backtracking.
_KEEP = r'\x00-\x08\x0a-\x1f&<>"_\ufffe\uffff'
PLAIN_TEXT = re.compile(rf"(?:[^\s{_KEEP}](?:[^{_KEEP}]*[^\s{_KEEP}])?)?")
HALF_STRMAX = 32767 // 2  # a text up to this length cannot be over Excel's limit
EXCEL_EPOCH = dt.datetime(1899, 12, 31)
SERIAL_FROM = dt.datetime(1900, 3, 1)  # after Excel's 29 Feb 1900: serial = days + 1
COLUMN_NAMES = [xl_col_to_name(col) for col in range(256)]
NUMBERS = (int, float, Decimal)


def excel_serial(moment: dt.datetime) -> float:
    """xlsxwriter's serial number of a naive datetime from March 1900 on (the same double)."""
    delta = moment - EXCEL_EPOCH
    return delta.days + (delta.seconds + delta.microseconds / 1e6) / 86400 + 1


def _cell_end(cell: Any) -> str | None:
    """What follows the r="..." (and s="...") attributes of a plain cell's XML, or None
    for a cell xlsxwriter's own code must write."""
    kind = cell.__class__
    if kind is CellStringTuple:
        text = cell.string
        if PLAIN_TEXT.fullmatch(text) is None:
            return None
        return f' t="inlineStr"><is><t>{text}</t></is></c>'
    if kind is CellNumberTuple or kind is CellDatetimeTuple:
        return f"><v>{cell.number:.16G}</v></c>"
    if kind is CellBlankTuple:
        return "/>"
    return None


class FastWorksheet(Worksheet):  # type: ignore[misc]  # xlsxwriter has no type hints
    """A Worksheet whose plain cells are serialised by one f-string (see the module)."""

    # Worksheet state read and set here, as xlsxwriter (untyped) keeps it.
    previous_row: Any  # constant_memory: the row not written out yet
    dim_rowmin: Any  # the used range: None before the first cell
    dim_rowmax: Any
    dim_colmin: Any
    dim_colmax: Any

    def _cell_xml(self, row: int, col: int, cell: Any) -> str | None:
        """A plain cell's XML, or None when xlsxwriter's own code must write it.

        The s="..." attribute as Worksheet._write_cell chooses it: the cell's format,
        else the row's, else the column's.
        """
        end = _cell_end(cell)
        if end is None:
            return None
        name = COLUMN_NAMES[col] if col < 256 else xl_col_to_name(col)
        fmt = cell.format
        if fmt:
            return f'<c r="{name}{row + 1}" s="{fmt._get_xf_index()}"{end}'
        if row in self.row_info and self.row_info[row].row_format:
            fmt = self.row_info[row].row_format
            return f'<c r="{name}{row + 1}" s="{fmt._get_xf_index()}"{end}'
        if col in self.col_info:
            fmt = self.col_info[col].column_format
            if fmt is not None:
                return f'<c r="{name}{row + 1}" s="{fmt._get_xf_index()}"{end}'
        return f'<c r="{name}{row + 1}"{end}'

    def _write_cell(self, row: int, col: int, cell: Any) -> None:
        xml = self._cell_xml(row, col, cell) if self.constant_memory else None
        if xml is None:
            super()._write_cell(row, col, cell)
        else:
            self.fh.write(xml)

    def _write_single_row(self, current_row_num: int = 0) -> None:
        """Worksheet._write_single_row, with a row of plain cells written at once.

        The loop is _cell_xml for a row with no format of its own (the case here).
        """
        row = self.previous_row
        cells = self.table.get(row)
        if not cells or row in self.row_info or row in self.comments:
            super()._write_single_row(current_row_num)
            return
        number, col_info = row + 1, self.col_info
        parts = []
        for col in range(self.dim_colmin, self.dim_colmax + 1):
            cell = cells.get(col)
            if cell is None:
                continue
            end = _cell_end(cell)
            if end is None:
                break
            name = COLUMN_NAMES[col] if col < 256 else xl_col_to_name(col)
            fmt = cell.format
            if not fmt and col in col_info:
                fmt = col_info[col].column_format
            if fmt is not None:
                parts.append(f'<c r="{name}{number}" s="{fmt._get_xf_index()}"{end}')
            else:
                parts.append(f'<c r="{name}{number}"{end}')
        else:
            self.previous_row = current_row_num
            self._write_row(row, None)
            parts.append("</row>")
            self.fh.write("".join(parts))
            self.table.clear()
            return
        super()._write_single_row(current_row_num)  # a cell for xlsxwriter's own code

    def write_cells(self, row: int, values: Sequence[Cell],
                    formats: Sequence[Any | None] = ()) -> None:
        """The cells exports.write_row(self, row, values, formats) writes, in one call."""
        if (not self.constant_memory or row < self.previous_row or row >= self.xls_rowmax
                or row < 0 or len(values) > self.xls_colmax):
            write_row(self, row, values, formats)
            return
        stored: dict[int, Any] = {}
        odd: list[int] = []
        n_formats, cells = len(formats), values
        new = tuple.__new__  # the cell namedtuples without their Python-level __new__
        value: Any
        for col, value in enumerate(cells):
            fmt = formats[col] if col < n_formats else None
            kind = value.__class__
            if kind is str:
                if value:
                    text = "'" + value if value.startswith(FORMULA_STARTS) else value  # inert
                    if len(text) > HALF_STRMAX:
                        odd.append(col)
                    else:
                        stored[col] = new(CellStringTuple, (text, fmt))
                elif fmt is not None:
                    stored[col] = new(CellBlankTuple, (fmt,))
            elif value is None:
                if fmt is not None:
                    stored[col] = new(CellBlankTuple, (fmt,))
            elif kind is dt.datetime:
                if value.tzinfo is None and value >= SERIAL_FROM and not self.date_1904:
                    stored[col] = new(CellDatetimeTuple, (
                        excel_serial(value), self.default_date_format if fmt is None else fmt))
                else:
                    odd.append(col)
            elif kind in NUMBERS:
                number = float(value)
                if math.isfinite(number):
                    stored[col] = new(CellNumberTuple, (number, fmt))
                else:
                    odd.append(col)
            else:
                odd.append(col)
        if stored:
            # Worksheet._check_dimensions for each cell, then the previous row out.
            first, last = min(stored), max(stored)
            if self.dim_rowmin is None or row < self.dim_rowmin:
                self.dim_rowmin = row
            if self.dim_rowmax is None or row > self.dim_rowmax:
                self.dim_rowmax = row
            if self.dim_colmin is None or first < self.dim_colmin:
                self.dim_colmin = first
            if self.dim_colmax is None or last > self.dim_colmax:
                self.dim_colmax = last
            if row > self.previous_row:
                self._write_single_row(row)
            self.table[row].update(stored)
        for col in odd:
            write_cell(self, row, col, values[col], formats[col] if col < n_formats else None)
