"""Reading a guest-list file into rows of text: CSV in any Chinese Excel encoding, XLSX/XLS."""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import itertools
import logging
import posixpath
import re
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

from wimc_desktop.domain.errors import BadInputError, ImportProblem, ImportRejectedError
from wimc_desktop.domain.fields import header_score
from wimc_desktop.domain.problems import Reason

EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
ENCODINGS = ("utf-8", "gb18030", "utf-16")
HEADER_SEARCH_ROWS = 30
log = logging.getLogger("wimc_desktop.services")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


class DataRows(NamedTuple):
    """The non-blank rows under a table's header: their Excel row numbers and cells."""

    numbers: list[int]
    cells: list[list[str]]


@dataclass
class RawTable:
    """A file's rows as text, with where the header is and how the file was read."""

    file: str
    encoding: str
    sheet: str
    sheets: list[str]
    rows: list[list[str]]
    header_index: int = 0
    problems: list[ImportProblem] = field(default_factory=list)
    formula_cells: set[tuple[int, int]] = field(default_factory=set)
    # CSV: (first, last) line of each row that spans several lines, by row index.
    line_spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    _data: tuple[int, DataRows] | None = field(default=None, repr=False)

    @property
    def headers(self) -> list[str]:
        return [h.strip().lstrip("\ufeff") for h in self.rows[self.header_index]]

    @property
    def header_row(self) -> int:
        """The header's row number as Excel shows it."""
        return self.header_index + 1

    def data(self) -> DataRows:
        """Every non-blank row under the header (the cells are the table's own lists)."""
        if self._data is None or self._data[0] != self.header_index:
            start = self.header_index + 1
            numbers = [i + 1 for i, r in enumerate(self.rows[start:], start)
                       if "".join(r).strip()]
            self._data = (self.header_index,
                          DataRows(numbers, [self.rows[n - 1] for n in numbers]))
        return self._data[1]


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 that lost its byte-order mark: a NUL in every other byte of its digits, commas
    and line ends (a stray NUL in a cell of a text file is far rarer than one in ten)."""
    head = data[:4096]
    return len(head) >= 8 and head.count(0) * 10 > len(head)


def decode_bytes(data: bytes, file: str, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding): a BOM first, then strict UTF-8, then GB18030; never a guess."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError as exc:
            raise BadInputError("{file}: unknown encoding {encoding!r}", file=file,
                                encoding=encoding) from exc
        except UnicodeDecodeError as exc:
            raise BadInputError("{file}: cannot be read as {encoding}: byte {position} is "
                                "not {encoding} text", file=file, encoding=encoding,
                                position=exc.start + 1) from exc
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise BadInputError("{file}: broken {encoding} text at byte {position}",
                                    file=file, encoding=name,
                                    position=exc.start + 1) from exc
    for name in ("utf-8", "gb18030"):
        if _looks_like_utf16(data):  # (NUL bytes are valid UTF-8: it would read as such)
            break
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    raise BadInputError("{file}: the text is neither UTF-8, UTF-16 nor GB18030; "
                        "save it from Excel as 'CSV UTF-8' and try again.", file=file)


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever the first lines use most (comma by default)."""
    sample = [ln for ln in text[:20000].splitlines()[:30] if ln.strip()]
    best, best_count = ",", 0
    for delim in (",", "\t", ";"):
        counts = [ln.count(delim) for ln in sample]
        score = max(counts, default=0)
        if score > best_count:
            best, best_count = delim, score
    return best


def _parse_csv(text: str, file: str
               ) -> tuple[list[list[str]], list[ImportProblem], dict[int, tuple[int, int]]]:
    """Rows, problems, and the (first, last) lines of every row that spans several lines
    (a quoted cell with line breaks), by row index."""
    delimiter = sniff_delimiter(text)
    if '"' not in text:  # (no quoted cell, so no row spans lines: the reader's own loop)
        with contextlib.suppress(csv.Error):  # (a cell over the limit: told below)
            return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter,
                                   strict=True)), [], {}
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    problems: list[ImportProblem] = []
    spans: dict[int, tuple[int, int]] = {}
    start_line = 1
    try:
        for row in reader:
            rows.append(row)
            if reader.line_num > start_line:
                spans[len(rows) - 1] = (start_line, reader.line_num)
            start_line = reader.line_num + 1
    except csv.Error:
        problems.append(_csv_problem(text, file, len(rows) + 1, start_line, reader.line_num))
    return rows, problems, spans


def _csv_problem(text: str, file: str, row: int, start_line: int,
                 error_line: int) -> ImportProblem:
    """Why the csv module stopped: a line longer than a cell may be (its limit), else a
    quote that is never closed properly."""
    limit = csv.field_size_limit()
    # (lines as the csv reader counts them: split at LF, CR or CRLF only)
    line = next(itertools.islice(io.StringIO(text, newline=""), error_line - 1, None), "")
    if len(line.rstrip("\r\n")) > limit:
        return ImportProblem.of(row, "", "", Reason.CELL_TOO_LONG, file, line=error_line,
                                limit=limit)
    return ImportProblem.of(row, "", "", Reason.BROKEN_QUOTING, file, line=start_line)


def read_csv(path: Path, encoding: str | None = None) -> RawTable:
    """A CSV or tab-separated text file as rows of text."""
    try:
        data = path.read_bytes()
    except PermissionError as exc:
        raise BadInputError("{file}: no permission to read this file.", file=path.name) from exc
    except OSError as exc:  # (the system's words would be English in any window)
        log.info("%s: not readable: %r", path, exc)
        raise BadInputError("{file}: the file could not be read from the disk.",
                            file=path.name) from exc
    if not data.strip():
        raise BadInputError("{file}: the file is empty.", file=path.name)
    text, used = decode_bytes(data, path.name, encoding)
    rows, problems, spans = _parse_csv(text.lstrip("\ufeff"), path.name)
    return RawTable(path.name, used, "", [], rows, problems=problems, line_spans=spans)


def cell_text(value: object) -> str:
    """A spreadsheet value as the text a person sees (phones without '.0')."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds").removesuffix(" 00:00:00")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


def _col_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


def _has_formula(zf: zipfile.ZipFile, name: str) -> bool:
    """Whether a sheet's XML holds a formula element (<f> or <f ...>), read as a stream:
    most lists hold none, and decoding all of a 100,000-row sheet took 0.5 s."""
    tail = b""
    with zf.open(name) as stream:
        while chunk := stream.read(1 << 20):
            data = tail + chunk
            if b"<f>" in data or b"<f " in data:
                return True
            tail = data[-2:]
    return False


def sheet_part(zf: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip member holding a sheet's XML, found by its name through the workbook's
    relationships (xl/workbook.xml, xl/_rels/workbook.xml.rels): sheetN.xml is not the
    N-th sheet once sheets were moved in Excel. None if the workbook does not say."""
    workbook = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    rid = next((value for element in workbook.iter() if element.tag.endswith("}sheet")
                and element.get("name") == sheet
                for key, value in element.attrib.items() if key.endswith("}id")), None)
    if rid is None:
        return None
    for rel in ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels")):
        target = rel.get("Target")
        if rel.get("Id") == rid and target:
            return target.lstrip("/") if target.startswith("/") \
                else posixpath.normpath(posixpath.join("xl", target))
    return None


def formulas_without_values(path: Path, sheet: str) -> set[tuple[int, int]]:
    """(row, col) 0-based of formula cells that carry no saved value in an XLSX sheet."""
    try:
        with zipfile.ZipFile(path) as zf:
            name = sheet_part(zf, sheet)
            if name is None or not _has_formula(zf, name):
                return set()
            xml = zf.read(name).decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, OSError):
        return set()
    missing: set[tuple[int, int]] = set()
    for match in re.finditer(r'<c r="([A-Z]+\d+)"[^>]*>(.*?)</c>', xml, re.S):
        body = match.group(2)
        if "<f" in body and "<v>" not in body and "<is>" not in body:
            ref = _CELL_REF.match(match.group(1))
            if ref:
                missing.add((int(ref.group(2)) - 1, _col_index(ref.group(1))))
    return missing


def read_workbook(path: Path, sheet: str | None = None) -> RawTable:
    """The first (or the named) sheet of an Excel workbook as rows of text."""
    from python_calamine import CalamineWorkbook

    with ThreadPoolExecutor(max_workers=1) as pool:
        try:
            workbook = CalamineWorkbook.from_path(str(path))
            names = list(workbook.sheet_names)
            chosen = sheet if sheet is not None else names[0]
            if chosen not in names:
                raise BadInputError("{file}: no sheet named {sheet!r} (sheets: {sheets})",
                                    file=path.name, sheet=chosen, sheets=", ".join(names))
            # The formula check reads the sheet's XML beside calamine (zlib and calamine
            # both work without the GIL): 0.2 s less on 100,000 rows.
            missing = pool.submit(formulas_without_values, path, chosen) \
                if path.suffix.lower() in {".xlsx", ".xlsm"} else None
            values = workbook.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
        except BadInputError:
            raise
        except Exception as exc:  # calamine raises several types for a damaged file
            # (its English words go to the log; the user gets ours, translated)
            log.info("%s: not readable as a workbook: %r", path, exc)
            raise BadInputError("{file}: not a readable Excel workbook: the file is damaged, "
                                "or it is another kind of file.", file=path.name) from exc
        rows = [[v if type(v) is str else cell_text(v) for v in row] for row in values]
        formulas = missing.result() if missing is not None else set()
    return RawTable(path.name, "xlsx", chosen, names, rows, formula_cells=formulas)


def find_header(rows: list[list[str]]) -> int:
    """The index of the row that names the most guest fields among the first rows."""
    best, best_score = 0, 0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = header_score(row)
        if score > best_score:
            best, best_score = index, score
    return best


def read_table(path: Path, *, sheet: str | None = None, encoding: str | None = None) -> RawTable:
    """Read any supported guest-list file and locate its header row."""
    if not path.is_file():
        raise BadInputError("{path}: no such file.", path=path)
    if path.suffix.lower() in EXCEL_SUFFIXES:
        table = read_workbook(path, sheet)
    else:
        table = read_csv(path, encoding)
    if not any(any(c.strip() for c in r) for r in table.rows):
        if table.problems:  # (a quote broken on the first line: that is what to say)
            raise ImportRejectedError(table.problems, path.name)
        raise BadInputError("{file}: the file has no rows.", file=path.name)
    table.header_index = find_header(table.rows)
    return table
