"""Headless commands over the services (no widgets): a stable contract for scripts.

Exit codes: 0 done, 2 bad input or usage (nothing written), 4 not found, 1 only for bugs.
Messages to people go to stderr; JSON goes to stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from wimc_desktop.domain.contact import mask_mobile
from wimc_desktop.domain.errors import DeskError, ImportRejectedError
from wimc_desktop.paths import default_db_target

Handler = Callable[[argparse.Namespace], int]
COMMANDS = ("init", "demo", "import", "guests")


def say(message: str) -> None:
    """A message to the person at the terminal (stderr, never mixed with JSON)."""
    print(message, file=sys.stderr)


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=None)
    sys.stdout.write("\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def _field_map(text: str) -> tuple[str, str]:
    field, sep, column = text.partition("=")
    if not sep or not field.strip():
        raise argparse.ArgumentTypeError(f"expected FIELD=COLUMN, got {text!r}")
    return field.strip(), column.strip()


def cmd_init(args: argparse.Namespace) -> int:
    from wimc_desktop.services.events import create_event

    db = create_event(args.db, name_zh=args.name, name_en=args.name_en, venue=args.venue,
                      city=args.city, start=args.start, end=args.end, timezone=args.timezone)
    say(f"Created event {args.name!r} ({args.start} to {args.end}) in {db.display_name}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from wimc_desktop.services.demo import create_demo_event
    from wimc_desktop.services.guests import count_guests

    db = create_demo_event(args.db)
    say(f"Created the WIMC 2020 demo event with {count_guests(db)} guests in {db.display_name}")
    return 0


def _print_import(report: dict[str, Any], as_json: bool) -> None:
    if as_json:
        emit_json(report)
        return
    verb = "would be" if report.get("dry_run") else "were"
    say(f"{report['file']}: read as {report['encoding'] or 'xlsx'}"
        f"{', sheet ' + report['sheet'] if report.get('sheet') else ''}, header on row "
        f"{report['header_row']}")
    say("  columns: " + ", ".join(f"{f}={c}" for f, c in report["mapping"].items()))
    say(f"  {report['added']} added, {report['updated']} updated, {report['unchanged']} "
        f"unchanged, {report['rejected']} rejected ({verb})")


def cmd_import(args: argparse.Namespace) -> int:
    from wimc_desktop.services.events import open_event_database
    from wimc_desktop.services.importing import import_file

    db = open_event_database(args.db)
    try:
        report = import_file(db, args.file, sheet=args.sheet, encoding=args.encoding,
                             overrides=dict(args.map or []), dry_run=args.dry_run)
    except ImportRejectedError as exc:
        rows = {p.row for p in exc.problems}
        if args.json:
            emit_json({"added": 0, "updated": 0, "unchanged": 0, "rejected": len(rows),
                       "errors": [{"row": p.row, "column": p.column, "value": p.value,
                                   "reason": p.reason} for p in exc.problems]})
        say(f"{exc.file}: rejected, nothing imported ({len(exc.problems)} problems in "
            f"{len(rows)} rows):")
        for problem in exc.problems:
            say("  " + problem.describe())
        return 2
    _print_import(report.as_json(), args.json)
    return 0


def cmd_guests(args: argparse.Namespace) -> int:
    from wimc_desktop.services.events import open_event_database
    from wimc_desktop.services.guests import list_guests

    guests = list_guests(open_event_database(args.db))
    if args.json:
        emit_json([g.as_json() for g in guests])
        return 0
    for g in guests:
        print("\t".join((g.badge_code, g.name, g.name_en, g.organization, g.title, g.category,
                         g.attendance.value, mask_mobile(g.mobile))))
    say(f"{len(guests)} guests")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wimc-desk", description="WIMC Desk, headless.")
    parser.add_argument("--db", default=None, help="event file (.wimc) or database URL "
                        "(default: $WIMC_DB or the app's event file)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("init", help="create a new event database")
    p.add_argument("--name", required=True, help="event name (Chinese)")
    p.add_argument("--name-en", default="", help="event name (English)")
    p.add_argument("--venue", default="")
    p.add_argument("--city", default="")
    p.add_argument("--start", required=True, type=_date)
    p.add_argument("--end", required=True, type=_date)
    p.add_argument("--timezone", default="Asia/Shanghai")
    p.set_defaults(handler=cmd_init)
    p = sub.add_parser("demo", help="create the WIMC 2020 demo event")
    p.set_defaults(handler=cmd_demo)
    p = sub.add_parser("import", help="import a guest list (CSV, TXT, XLSX, XLS)")
    p.add_argument("file")
    p.add_argument("--sheet", default=None)
    p.add_argument("--encoding", default=None, help="utf-8, gb18030, utf-16 (default: auto)")
    p.add_argument("--map", action="append", type=_field_map, metavar="FIELD=COLUMN",
                   help="use COLUMN (header text, letter or number) for FIELD")
    p.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import)
    p = sub.add_parser("guests", help="list the guests")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_guests)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; known failures print a clear message and their exit code."""
    args = build_parser().parse_args(argv)
    args.db = args.db or default_db_target()
    handler: Handler = args.handler
    try:
        return handler(args)
    except DeskError as exc:
        say(f"wimc-desk: {exc}")
        return exc.exit_code
    except BrokenPipeError:  # the reader (head, less) went away: not an error of ours
        sys.stderr.close()
        return 0
