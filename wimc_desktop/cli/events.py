"""`wimc-desk init | demo | import`: create an event database, the demo one, import guests."""

from __future__ import annotations

import argparse
from typing import Any

from wimc_desktop.cli.common import add_desk_options, desk_of, emit_json, open_db, parse_date, say
from wimc_desktop.domain.errors import ImportRejectedError


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
    if report.get("badge_codes_replaced"):
        say(f"  {report['badge_codes_replaced']} badge codes replaced; the old badges are "
            f"revoked ({verb})")


def cmd_import(args: argparse.Namespace) -> int:
    from wimc_desktop.services.importing import import_file

    db = open_db(args)
    try:
        report = import_file(db, args.file, sheet=args.sheet, encoding=args.encoding,
                             overrides=dict(args.map or []), dry_run=args.dry_run,
                             replace_badge_codes=args.replace_badge_codes, desk=desk_of(args))
    except ImportRejectedError as exc:
        rows = {p.row for p in exc.problems}
        if args.json:
            emit_json({"added": 0, "updated": 0, "unchanged": 0, "rejected": len(rows),
                       "errors": [{"row": p.row, "column": p.column, "value": p.value,
                                   "reason": p.reason, "code": p.code}
                                  for p in exc.problems]})
        say(f"{exc.file}: rejected, nothing imported ({len(exc.problems)} problems in "
            f"{len(rows)} rows):")
        for problem in exc.problems:
            say("  " + problem.describe())
        conflicts = sum(p.code == "badge_code_conflict" for p in exc.problems)
        if conflicts:
            say(f"  ({conflicts} badge code conflicts: --replace-badge-codes gives those guests "
                "the file's codes and revokes their old badges)")
        return 2
    _print_import(report.as_json(), args.json)
    return 0


def add_event_parsers(sub: Any) -> None:
    """`init`, `demo` and `import`, under the main parser's subparsers."""
    p = sub.add_parser("init", help="create a new event database")
    p.add_argument("--name", required=True, help="event name (Chinese)")
    p.add_argument("--name-en", default="", help="event name (English)")
    p.add_argument("--venue", default="")
    p.add_argument("--city", default="")
    p.add_argument("--start", required=True, type=parse_date)
    p.add_argument("--end", required=True, type=parse_date)
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
    p.add_argument("--replace-badge-codes", action="store_true",
                   help="a known guest whose row gives another badge code gets it; the old "
                   "code is revoked, as in a reissue (otherwise such a row is a problem)")
    add_desk_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import)
