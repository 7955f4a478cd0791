"""The daily report as an XLSX workbook: a summary with a native chart, then the lists.

Sheets: Summary (the figures, by category / desk / operator / hour, and a column chart
of arrivals per hour), Check-ins (streamed: see report_lists), Not yet arrived (VIPs
first), Walk-ins, Signings.
Written by xlsxwriter in constant_memory mode (each row goes to disk as soon as the
next one starts, so 100,000 rows take a few MB), which is why every sheet is written
top to bottom, and column widths are set once the widest text of a column is known.
Strings are never formulas (XLSX_OPTIONS) and every text cell is made inert (write_row;
FastWorksheet.write_cells, which writes the same bytes faster: see xlsx_sheet).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from decimal import Decimal
from itertools import islice
from typing import IO, Any

from wimc_desktop.domain.reports import MissingGuest
from wimc_desktop.domain.signings import Signing
from wimc_desktop.services.exports import XLSX_OPTIONS, Cell, close_workbook
from wimc_desktop.services.report_lists import DayLists
from wimc_desktop.services.report_rows import (
    CHECKIN_COLUMNS,
    MISSING_COLUMNS,
    SIGNING_COLUMNS,
    WALK_IN_COLUMNS,
    ReportContext,
    checkin_cells,
    column_kind,
    column_title,
    display_width,
    figure_rows,
    hour_rows,
    missing_cells,
    share,
    signing_cells,
    walk_in_cells,
)

MAX_WIDTH = 60
CHUNK = 500  # rows written between two width measurements and progress reports
BASE_FONT = {"font_name": "Microsoft YaHei", "font_size": 10}
FIXED_WIDTHS = {"time": 10, "yuan": 18}
CHART_BLUE = "#1565C0"


def _formats(book: Any) -> dict[str, Any]:
    base = BASE_FONT
    return {
        "head": book.add_format({**base, "bold": True, "bg_color": "#DCE6F1", "border": 1}),
        "title": book.add_format({**base, "bold": True, "font_size": 14}),
        "bold": book.add_format({**base, "bold": True}),
        "text": book.add_format(base),
        "int": book.add_format({**base, "num_format": "#,##0"}),
        "yuan": book.add_format({**base, "num_format": "#,##0.00"}),
        "pct": book.add_format({**base, "num_format": "0.0%"}),
        "time": book.add_format({**base, "num_format": "hh:mm:ss"}),
        "stamp": book.add_format({**base, "num_format": "yyyy-mm-dd hh:mm", "align": "left"}),
        "date": book.add_format({**base, "num_format": "yyyy-mm-dd", "align": "left"}),
    }


def _add_sheet(book: Any, name: str) -> Any:
    """A sheet that writes the bytes of xlsxwriter's own, faster (services.xlsx_sheet)."""
    from wimc_desktop.services.xlsx_sheet import FastWorksheet  # imports xlsxwriter

    return book.add_worksheet(name, worksheet_class=FastWorksheet)


class _Sheet:
    """Rows written top to bottom (constant_memory), with the widest text of each column."""

    def __init__(self, sheet: Any) -> None:
        self.sheet, self.row = sheet, 0
        self.widths: dict[int, int] = {}

    def put(self, cells: Sequence[Cell], formats: Sequence[Any | None] = ()) -> int:
        self.sheet.write_cells(self.row, cells, formats)
        for col, value in enumerate(cells):
            width = display_width(value) if isinstance(value, str) else 0
            if width > self.widths.get(col, 0):
                self.widths[col] = width
        self.row += 1
        return self.row - 1

    def skip(self) -> None:
        self.row += 1


def _table(out: _Sheet, fmt: dict[str, Any], head: Sequence[str],
           rows: Iterable[Sequence[Cell]], kinds: Sequence[str]) -> tuple[int, int]:
    """A small table with a header row; returns its first and last data rows."""
    out.put(head, [fmt["head"]] * len(head))
    first = last = out.row
    for cells in rows:
        last = out.put(cells, [fmt[k] for k in kinds])
    out.skip()
    return first, last


def _summary(book: Any, fmt: dict[str, Any], ctx: ReportContext) -> None:
    r, t = ctx.report, ctx.t
    name = t("summary")
    out = _Sheet(_add_sheet(book, name))
    out.put([ctx.title], [fmt["title"]])
    out.widths.clear()  # the title may run over the next columns
    out.put([t("day"), r.day, ctx.day_note()], [fmt["bold"], fmt["date"]])
    out.put([t("generated"), ctx.local(r.generated_at)], [fmt["bold"], fmt["stamp"]])
    if ctx.desk:
        out.put([t("desk"), ctx.desk], [fmt["bold"]])
    if ctx.audit_head is not None:
        out.put([t("audit_head"), ctx.audit_line()], [fmt["bold"]])
    out.put([t("pii"), t("pii_full") if ctx.full_pii else t("pii_masked")], [fmt["bold"]])
    out.skip()
    figures_at = out.row
    out.put([t("figure"), t("value")], [fmt["head"]] * 2)
    for label, value in figure_rows(ctx):  # amounts in yuan, with fen; counts whole
        out.put([label, value], [fmt["text"], fmt["yuan" if isinstance(value, Decimal)
                                                  else "int"]])
    out.skip()
    cats: list[list[Cell]] = [[ctx.category(c.code), c.registered, c.admitted,
                               share(c.admitted, c.registered), c.admitted_so_far]
                              for c in r.by_category]
    cats.append([t("total"), r.registered, r.admitted, share(r.admitted, r.registered),
                 r.cumulative_admitted])
    _table(out, fmt, [t("category"), t("registered"), t("count"), t("share"), t("so_far")],
           cats, ["text", "int", "int", "pct", "int"])
    _table(out, fmt, [t("desk"), t("count")], ([k, v] for k, v in r.by_desk.items()),
           ["text", "int"])
    _table(out, fmt, [t("operator"), t("count")], ([k, v] for k, v in r.by_operator.items()),
           ["text", "int"])
    hours = hour_rows(r.by_hour)
    first, last = _table(out, fmt, [t("hour"), t("count")],
                         ([f"{h}:00", n] for h, n in hours), ["text", "int"])
    chart = book.add_chart({"type": "column"})
    chart.add_series({
        "name": t("per_hour"),
        "categories": [name, first, 0, last, 0], "values": [name, first, 1, last, 1],
        "categories_data": [f"{h}:00" for h, _ in hours],  # cached: constant_memory
        "values_data": [n for _, n in hours],  # keeps no cells to read them back from
        "fill": {"color": CHART_BLUE}, "gap": 60, "data_labels": {"value": True}})
    chart.set_title({"name": t("per_hour"), "name_font": {"size": 12}})
    chart.set_legend({"none": True})
    chart.set_x_axis({"name": t("hour")})
    chart.set_y_axis({"name": t("count"), "min": 0, "major_gridlines": {"visible": True}})
    out.sheet.insert_chart(figures_at, 3, chart, {"x_scale": 1.4, "y_scale": 1.2})
    out.sheet.set_column(0, 0, min(MAX_WIDTH, out.widths.get(0, 10) + 2))
    out.sheet.set_column(1, 1, max(14, out.widths.get(1, 0) + 2))
    out.sheet.set_column(2, 4, 12)


def _chunks(rows: Iterable[Sequence[Cell]]) -> Iterator[list[Sequence[Cell]]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def _list_sheet(book: Any, fmt: dict[str, Any], name: str, keys: Sequence[str], lang: str,
                rows: Iterable[Sequence[Cell]], tick: Callable[[int], None]) -> int:
    """A list with a header, a frozen first row, a filter and fitted widths.

    Written CHUNK rows at a time: the widths of a chunk's distinct texts are measured
    once the chunk is written (names and organisations repeat a lot).
    """
    sheet = _add_sheet(book, name)
    titles = [column_title(k, lang) for k in keys]
    sheet.write_cells(0, titles, [fmt["head"]] * len(keys))
    kinds = [column_kind(k) for k in keys]
    formats = [None if k == "text" else fmt[k] for k in kinds]  # text: the default font
    widths = [display_width(t) for t in titles]
    text_columns = [col for col, kind in enumerate(kinds) if kind == "text"]
    count = 0
    for chunk in _chunks(rows):
        for cells in chunk:
            count += 1
            sheet.write_cells(count, cells, formats)
        for col in text_columns:
            if widths[col] < MAX_WIDTH:
                texts = {cells[col] for cells in chunk}
                widths[col] = max([widths[col], *(display_width(v) for v in texts
                                                  if isinstance(v, str))])
        tick(len(chunk))
    for col, kind in enumerate(kinds):
        width = max(widths[col], FIXED_WIDTHS.get(kind, 0))
        if kind == "int":
            width = max(width, len(f"{count:,}"))
        sheet.set_column(col, col, min(MAX_WIDTH, width + 2))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(count, 1), len(keys) - 1)
    return count


@contextmanager
def _row_files_named(folder: str, output: object) -> Iterator[None]:
    """A write error with no file name while the book goes into memory is about the row
    files in `folder` (constant_memory): named, so the message says which disk is full."""
    try:
        yield
    except OSError as exc:
        if exc.filename is None and not isinstance(output, str | os.PathLike):
            raise OSError(exc.errno, exc.strerror, folder) from exc
        raise


def _discard(book: Any) -> None:
    """Close the row files of an unfinished constant_memory workbook (nothing is written)."""
    for sheet in book.worksheets():
        closer = getattr(sheet, "_opt_close", None)  # xlsxwriter's own clean-up of them
        if callable(closer):
            with suppress(OSError):  # a full disk fails the flush; the file is closed anyway
                closer()


def write_report_xlsx(ctx: ReportContext, lists: DayLists, missing: Sequence[MissingGuest],
                      signings: Sequence[Signing], output: str | os.PathLike[str] | IO[bytes],
                      tick: Callable[[int], None]) -> None:
    """The workbook into `output`, a path or a binary file (export_report: in memory, then
    written safely); `tick(n)` after every n rows.

    The check-ins are streamed from `lists` (which collects the walk-ins meanwhile).
    """
    import xlsxwriter  # imported when needed: the desk starts faster

    lang = ctx.lang
    with tempfile.TemporaryDirectory(prefix="wimc-report-") as tmp, _row_files_named(tmp, output):
        target = os.fspath(output) if isinstance(output, str | os.PathLike) else output
        book = xlsxwriter.Workbook(target, {
            **XLSX_OPTIONS, "constant_memory": True, "tmpdir": tmp,
            "default_format_properties": dict(BASE_FONT)})  # a copy: xlsxwriter adds to it
        try:
            book.set_properties({"title": ctx.title, "author": ctx.desk or "WIMC Desk",
                                 "comments": "WIMC Desk"})
            fmt = _formats(book)
            _summary(book, fmt, ctx)
            with closing(lists.checkins()) as arrivals:
                _list_sheet(book, fmt, ctx.t("checkins"), CHECKIN_COLUMNS, lang,
                            (checkin_cells(ctx, n, a) for n, a in enumerate(arrivals, 1)), tick)
            _list_sheet(book, fmt, ctx.t("missing"), MISSING_COLUMNS, lang,
                        (missing_cells(ctx, n, m, ctx.is_vip(m.category))
                         for n, m in enumerate(missing, 1)), tick)
            _list_sheet(book, fmt, ctx.t("walk_in_list"), WALK_IN_COLUMNS, lang,
                        (walk_in_cells(ctx, n, a) for n, a in enumerate(lists.walk_ins, 1)),
                        tick)
            _list_sheet(book, fmt, ctx.t("signing_list"), SIGNING_COLUMNS, lang,
                        (signing_cells(ctx, n, s) for n, s in enumerate(signings, 1)), tick)
            close_workbook(book)
        except BaseException:
            _discard(book)
            raise
