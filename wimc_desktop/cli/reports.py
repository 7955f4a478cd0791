"""`wimc-desk report`: the daily registration report, headless (figures as JSON, or a file).

    wimc-desk [--db ...] report --day YYYY-MM-DD --format xlsx|csv|pdf --out FILE [--full-pii]
    wimc-desk [--db ...] report --day YYYY-MM-DD --json

Part of the CLI contract (see cli.common): JSON on stdout, messages on stderr, exit 2 for
bad input (an invalid date, a missing --out), 4 when there is no event database. A day
outside the event is allowed: its figures are simply empty.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from wimc_desktop.cli.common import (
    add_desk_options,
    desk_of,
    emit_json,
    event_day,
    open_db,
    parse_date,
    say,
)
from wimc_desktop.domain.errors import BadInputError

if TYPE_CHECKING:
    from wimc_desktop.services.report_exports import PdfPainter

SUFFIXES = {".xlsx": "xlsx", ".csv": "csv", ".pdf": "pdf"}


def _format(args: argparse.Namespace) -> str | None:
    """--format, or the one --out's suffix names; None for the figures only."""
    if args.format is not None:
        if args.out is None:
            raise BadInputError("--format {format} needs --out FILE", format=args.format)
        return str(args.format)
    if args.out is None:
        if args.full_pii:
            raise BadInputError("--full-pii applies to a file: give --format and --out")
        return None
    suffix = args.out[args.out.rfind("."):].lower() if "." in args.out else ""
    if suffix not in SUFFIXES:
        raise BadInputError("give --format xlsx|csv|pdf for {out!r}", out=args.out)
    return SUFFIXES[suffix]


def _print_figures(db: Any, report: Any, lang: str) -> None:
    from wimc_desktop.services.events import get_event
    from wimc_desktop.services.report_rows import ReportContext, figure_rows, hour_rows

    ctx = ReportContext(report, get_event(db), lang)
    print(f"{ctx.title}\t{report.day.isoformat()}")
    for label, value in figure_rows(ctx):
        print(f"{label}\t{value}")
    for c in report.by_category:
        print(f"{c.name_zh if lang == 'zh' else c.name_en}\t{c.admitted}/{c.registered}")
    for hour, count in hour_rows(report.by_hour):
        print(f"{hour}:00\t{count}")


def _pdf_painter() -> PdfPainter:
    """The QtGui painter of the report's PDF (imported only when a PDF is asked for)."""
    from wimc_desktop.render.report_pdf import report_pdf_bytes

    return report_pdf_bytes


def cmd_report(args: argparse.Namespace) -> int:
    fmt = _format(args)
    return _report(open_db(args), args, fmt)


def _report(db: Any, args: argparse.Namespace, fmt: str | None) -> int:
    from wimc_desktop.services.events import get_event

    day = event_day(db, args)
    event = get_event(db)
    if not event.start_date <= day <= event.end_date:
        say(f"note: {day} is not a day of the event ({event.start_date} to {event.end_date}); "
            "its figures are empty")
    if fmt is None:
        from wimc_desktop.services.reports import daily_report

        report = daily_report(db, day)
    else:
        from wimc_desktop.services.report_exports import export_report

        desk = desk_of(args)
        done = export_report(db, day, fmt, args.out, full_pii=args.full_pii, lang=args.lang,
                             desk=desk.name, operator=desk.operator, role=desk.role,
                             paint_pdf=_pdf_painter() if fmt == "pdf" else None)
        report = done.report
        pages = f", {done.pages} pages" if done.pages else ""
        say(f"Wrote the report of {day} to {done.path} ({fmt}, {done.rows} rows{pages}; "
            f"{report.admitted} admitted)")
        if args.full_pii:
            say("  with full mobile numbers and e-mails: recorded in the audit log "
                f"(desk {desk.name}, operator {desk.operator})")
    if args.json:
        emit_json(report.as_json())
    elif fmt is None:
        _print_figures(db, report, args.lang)
    return 0


def add_report_parser(sub: Any) -> None:
    """`report`, under the main parser's subparsers."""
    p = sub.add_parser("report", help="the daily registration report: figures (JSON) or a "
                       "file (XLSX, CSV, PDF)")
    p.add_argument("--day", type=parse_date, default=None,
                   help="the day (YYYY-MM-DD; default: today in the event's time zone)")
    p.add_argument("--format", choices=("xlsx", "csv", "pdf"), default=None)
    p.add_argument("--out", default=None, metavar="FILE",
                   help="write the report to FILE (written whole or not at all)")
    p.add_argument("--full-pii", action="store_true",
                   help="write mobile numbers and e-mails whole (recorded in the audit log)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh",
                   help="language of the file's sheets, headers and labels (default: zh)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    add_desk_options(p)
    p.set_defaults(handler=cmd_report)
