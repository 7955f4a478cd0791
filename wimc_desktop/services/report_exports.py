"""The daily report as files: XLSX (summary, chart and lists), CSV (check-ins), PDF (sign-off).

`export_report` is the one entry point of the window and of `wimc-desk report`. It
reads the figures (services.reports.daily_report), streams the lists the file needs
(services.report_lists: 60,000 check-ins never sit in memory at once), writes the file
beside its destination (0600: it names guests) and moves it there only when complete
and checked (services.safe_file), so a crash, a full disk or a Cancel never leaves a
half-written report under the final name, nor replaces the previous one. Personal
data is masked unless `full_pii`; a full export is recorded in the audit log (action
"export_full_pii") in the transaction that moves the file in place. Progress is
reported as (done, total) rows; (0, 0) means "busy, size not known yet". The PDF is
painted by the caller's `paint_pdf` (render.report_pdf.report_pdf_bytes): services never
import render/, which paints with QtGui.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TextIO

from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import AuditRow
from wimc_desktop.domain.errors import BadInputError, DeskError
from wimc_desktop.domain.ids import new_id
from wimc_desktop.domain.reports import Arrival, DailyReport
from wimc_desktop.domain.signing_totals import SigningFilter
from wimc_desktop.services.events import get_event
from wimc_desktop.services.exports import Cell, WorkbookBuffer, csv_into
from wimc_desktop.services.report_lists import DayLists
from wimc_desktop.services.report_rows import (
    CHECKIN_COLUMNS,
    LANGS,
    ReportContext,
    checkin_cells,
    column_title,
    vip_list,
)
from wimc_desktop.services.reports import daily_report
from wimc_desktop.services.safe_file import OutputFile, check_target

FORMATS = ("xlsx", "csv", "pdf")
AUDIT_ACTION = "export_full_pii"
Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]
STEP = 500  # rows between two progress reports and cancel checks


class PdfPainter(Protocol):
    """Paints a report as PDF: (its bytes, its page count); calls `tick` once a row painted."""

    def __call__(self, ctx: ReportContext, tick: Callable[[], None], /) -> tuple[bytes, int]:
        ...


class ExportCancelledError(DeskError):
    """The user cancelled an export; no file was written (an earlier file is untouched)."""


@dataclass(frozen=True, slots=True)
class ReportExport:
    """What an export wrote."""

    path: Path
    format: str
    rows: int  # data rows written (check-ins for CSV; every list for XLSX; VIPs for PDF)
    pages: int  # PDF pages (0 for the spreadsheets)
    report: DailyReport


class _Ticker:
    """Counts rows; every STEP rows reports progress and honours Cancel."""

    def __init__(self, total: int, progress: Progress | None,
                 is_cancelled: IsCancelled | None) -> None:
        self.done, self.total = 0, total
        self.progress, self.is_cancelled = progress, is_cancelled
        self.next_report = STEP

    def check(self) -> None:
        if self.is_cancelled is not None and self.is_cancelled():
            raise ExportCancelledError("export cancelled; no file was written")

    def report(self) -> None:
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    def __call__(self, rows: int = 1) -> None:
        self.done += rows
        if self.done >= self.next_report:
            self.next_report = self.done + STEP
            self.check()
            self.report()

    def advance_to(self, done: int) -> None:
        self.done = done
        self.check()
        self.report()


def report_context(db: Database, day: dt.date, *, lang: str = "zh", full_pii: bool = False,
                   desk: str = "", now: dt.datetime | None = None) -> ReportContext:
    """The day's figures, ready to be written in `lang` (the lists: report_lists.DayLists)."""
    if lang not in LANGS:
        raise BadInputError("unknown language {lang!r} (choose one of: {choices})", lang=lang,
                            choices=", ".join(LANGS))
    return ReportContext(daily_report(db, day, now=now), get_event(db), lang, full_pii, desk)


def write_report_csv(ctx: ReportContext, lists: DayLists, out: TextIO,
                     tick: Callable[[], None] = lambda: None) -> int:
    """The day's check-ins as CSV (text cells inert) into `out`, a text file opened with
    encoding "utf-8-sig" and newline=""; returns the rows."""
    count = 0

    def rows(arrivals: Iterator[Arrival]) -> Iterator[list[Cell]]:
        nonlocal count
        for count, arrival in enumerate(arrivals, 1):
            cells = checkin_cells(ctx, count, arrival)
            cells[1] = f"{cells[1]:%Y-%m-%d %H:%M:%S}"  # with the seconds (csv_cell drops them)
            tick()
            yield cells

    with closing(lists.checkins()) as arrivals:
        csv_into(out, [column_title(k, ctx.lang) for k in CHECKIN_COLUMNS], rows(arrivals))
    return count


def _record_full_export(db: Database, path: Path, ctx: ReportContext, fmt: str,
                        operator: str, now: dt.datetime,
                        before_commit: Callable[[], None]) -> None:
    with db.write() as session:
        session.add(AuditRow(id=new_id(), at=now, desk=ctx.desk, operator=operator,
                             action=AUDIT_ACTION, guest_id=None,
                             details={"file": str(path), "day": ctx.report.day.isoformat(),
                                      "format": fmt, "lang": ctx.lang}))
        session.flush()
        before_commit()


def export_report(db: Database, day: dt.date, fmt: str, path: str | os.PathLike[str], *,
                  full_pii: bool = False, lang: str = "zh", desk: str = "", operator: str = "",
                  progress: Progress | None = None, is_cancelled: IsCancelled | None = None,
                  now: dt.datetime | None = None,
                  paint_pdf: PdfPainter | None = None) -> ReportExport:
    """Write the report of `day` as `fmt` (xlsx, csv, pdf) to `path`, atomically.

    `desk` (and `operator`) say who produced the report: printed on it, and recorded
    with a full-PII export. A PDF needs `paint_pdf` (render.report_pdf.report_pdf_bytes).
    Raises ExportCancelledError (no file) when `is_cancelled` turns true, BadInputError
    for a bad format, language or folder.
    """
    if fmt not in FORMATS:
        raise BadInputError("unknown format {fmt!r} (choose one of: {choices})", fmt=fmt,
                            choices=", ".join(FORMATS))
    if fmt == "pdf" and paint_pdf is None:
        raise ValueError("export_report(fmt='pdf') needs paint_pdf "
                         "(render.report_pdf.report_pdf_bytes)")
    target = Path(path).absolute()
    check_target(target)  # said before the day is read
    ticker = _Ticker(0, progress, is_cancelled)
    ticker.check()
    ticker.report()  # (0, 0): busy reading
    ctx = report_context(db, day, lang=lang, full_pii=full_pii, desk=desk, now=now)
    r, lists = ctx.report, DayLists(db, day, ctx.event)
    pages = 0
    with OutputFile(target, private=True) as out:  # names, organisations: the user's alone
        if fmt == "xlsx":
            from wimc_desktop.services.report_xlsx import write_report_xlsx
            from wimc_desktop.services.signings import list_signings

            signings = list_signings(db, SigningFilter(day=day))
            missing = lists.missing()
            rows = r.admitted + len(missing) + r.walk_ins + len(signings)
            ticker.total = rows + rows // 4 + 1  # the last fifth: compressing the file
            ticker.advance_to(0)
            book = WorkbookBuffer()  # in memory: every byte of the file written checked
            write_report_xlsx(ctx, lists, missing, signings, book, ticker)
            data = book.getvalue()
            del book
            out.write_bytes(data)
            size = len(data)
        elif fmt == "csv":
            ticker.total = r.admitted
            ticker.advance_to(0)
            with out.temp.open("w", encoding="utf-8-sig", newline="") as file:
                rows = write_report_csv(ctx, lists, file, ticker)
            size = None
        else:
            assert paint_pdf is not None  # (checked above, before any work)
            rows = sum(1 for _ in vip_list(ctx))
            ticker.total = 2 * rows + 1  # painted twice: to count the pages, then the file
            ticker.advance_to(0)
            data, pages = paint_pdf(ctx, ticker)
            out.write_bytes(data)
            size = len(data)
        ticker.check()  # the last moment a Cancel still leaves no file
        # A full export is audited in the transaction that moves the file in place: both
        # happen, or neither.
        out.publish(size, publish_with=None if not full_pii else lambda move: (
            _record_full_export(db, target, ctx, fmt, operator,
                                now or dt.datetime.now(dt.UTC), before_commit=move)))
    ticker.done = ticker.total
    ticker.report()
    return ReportExport(target, fmt, rows, pages, r)
