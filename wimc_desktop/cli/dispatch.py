"""Headless commands over the services (no widgets): a stable contract for scripts.

Exit codes: 0 done, 2 bad input or usage (nothing written), 3 already checked in, 4 not
found, 5 revoked, 6 not an event day, 7 database server unreachable, 10 database busy
(safe to retry), 11 cannot write (disk full, read-only, permission); 1 only for bugs.
Messages to people go to stderr; JSON goes to stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import os
import socket
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from wimc_desktop.domain.contact import mask_mobile
from wimc_desktop.domain.errors import (
    BadInputError,
    DeskError,
    ImportRejectedError,
)
from wimc_desktop.paths import default_db_target

Handler = Callable[[argparse.Namespace], int]
COMMANDS = ("init", "demo", "import", "guests", "search", "checkin", "undo-checkin", "walkin",
            "badge", "signing", "report")


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
    if report.get("badge_codes_replaced"):
        say(f"  {report['badge_codes_replaced']} badge codes replaced; the old badges are "
            f"revoked ({verb})")


def cmd_import(args: argparse.Namespace) -> int:
    from wimc_desktop.services.events import open_event_database
    from wimc_desktop.services.importing import import_file

    db = open_event_database(args.db)
    try:
        report = import_file(db, args.file, sheet=args.sheet, encoding=args.encoding,
                             overrides=dict(args.map or []), dry_run=args.dry_run,
                             replace_badge_codes=args.replace_badge_codes, desk=_desk(args))
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


def cmd_guests(args: argparse.Namespace) -> int:
    from wimc_desktop.services.events import open_event_database
    from wimc_desktop.services.guests import list_guests

    db = open_event_database(args.db)
    guests = list_guests(db)
    if args.json:
        full = reveal_contacts(db, args, "cli guests")
        emit_json([g.as_json(full_pii=full) for g in guests])
        return 0
    for g in guests:
        print("\t".join((g.badge_code, g.name, g.name_en, g.organization, g.title, g.category,
                         g.attendance.value, mask_mobile(g.mobile))))
    say(f"{len(guests)} guests")
    return 0


def _desk(args: argparse.Namespace) -> Any:
    from wimc_desktop.domain.checkin import Desk, login_name

    return Desk(args.desk or os.environ.get("WIMC_DESK") or socket.gethostname(),
                args.operator or os.environ.get("WIMC_OPERATOR") or login_name("operator"))



def _day(db: Any, args: argparse.Namespace) -> dt.date:
    """--day, else today in the event's time zone."""
    if args.day is not None:
        return args.day  # type: ignore[no-any-return]
    from wimc_desktop.domain.checkin import local_day
    from wimc_desktop.services.events import get_event

    return local_day(get_event(db), dt.datetime.now(dt.UTC))


def _say_result(result: Any) -> None:
    guest = result.guest
    details = ", ".join(p for p in (guest.organization, guest.title) if p) if guest else ""
    who = (f"{guest.name} ({details})" if details else guest.name) if guest else result.code
    if result.outcome == "admitted":
        say(f"ADMITTED {who} on {result.day}")
    elif result.outcome == "already_checked_in":
        first = result.first_checkin
        say(f"ALREADY CHECKED IN {who}: at {first.at.isoformat(timespec='seconds')} by desk "
            f"{first.desk} ({first.operator})")
    elif result.outcome == "badge_revoked":
        say(f"BADGE REVOKED {result.code} ({who}); the current badge is {result.replaced_by}")
    elif result.outcome == "unknown_code":
        say(f"UNKNOWN CODE {result.code}")
    else:
        say(f"NOT AN EVENT DAY: {result.day} (choose an event day with --day)")


def cmd_checkin(args: argparse.Namespace) -> int:
    from wimc_desktop.services.checkin import check_in
    from wimc_desktop.services.events import open_event_database

    db = open_event_database(args.db)
    result = check_in(db, args.code, day=_day(db, args), desk=_desk(args))
    if args.json:
        emit_json(result.as_json())
    _say_result(result)
    return int(result.outcome.exit_code)


def cmd_undo(args: argparse.Namespace) -> int:
    from wimc_desktop.services.checkin import find_checkin, undo_checkin
    from wimc_desktop.services.events import open_event_database

    db = open_event_database(args.db)
    day = _day(db, args)
    record = find_checkin(db, args.code, day)
    undo_checkin(db, record.id, desk=_desk(args), reason=args.reason)
    if args.json:
        emit_json({"undone": record.as_json(), "code": args.code, "reason": args.reason})
    say(f"Undone: the check-in of {args.code} on {day} at "
        f"{record.at.isoformat(timespec='seconds')} by desk {record.desk}")
    return 0


def cmd_walkin(args: argparse.Namespace) -> int:
    from wimc_desktop.services.events import open_event_database
    from wimc_desktop.services.walkin import PossibleDuplicateError, register_walk_in

    db = open_event_database(args.db)
    try:
        result = register_walk_in(db, name=args.name, organization=args.organization,
                                  mobile=args.mobile, email=args.email,
                                  category=args.category, title=args.title,
                                  day=_day(db, args), desk=_desk(args), force=args.force)
    except PossibleDuplicateError as exc:
        if args.json:
            emit_json({"outcome": "possible_duplicate",
                       "matches": [m.as_json() for m in exc.matches]})
        say(f"wimc-desk: {exc}")
        for m in exc.matches:
            say(f"  {m.guest.badge_code}  {m.guest.name}  {m.guest.organization}  "
                f"{mask_mobile(m.guest.mobile)}  "
                f"(same {', '.join(m.matched_on)}{'; checked in' if m.checked_in else ''})")
        say("Admit that guest with: checkin CODE; or register anyway with --force")
        return exc.exit_code
    if args.json:
        emit_json(result.as_json())
    else:
        print(result.code)
    _say_result(result)
    return int(result.outcome.exit_code)


def cmd_search(args: argparse.Namespace) -> int:
    from wimc_desktop.services.events import open_event_database
    from wimc_desktop.services.search import search_guests

    db = open_event_database(args.db)
    found = search_guests(db, args.query, limit=args.limit, day=_day(db, args),
                          category=args.category, attendance=args.attendance,
                          checked_in=args.checked_in)
    if args.json:
        full = reveal_contacts(db, args, "cli search")
        emit_json({"total": found.total, "results": [
            {**hit.guest.as_json(full_pii=full), "checked_in": hit.checked_in,
             "matched": hit.matched}
            for hit in found.results]})
        return 0
    for hit in found.results:
        g = hit.guest
        mark = "✓" if hit.checked_in else " "
        print("\t".join((mark, g.badge_code, g.name, g.name_en, g.organization, g.title,
                         g.category)))
    say(f"{found.total} found, {len(found.results)} shown")
    return 0


def add_pii_option(p: argparse.ArgumentParser) -> None:
    """--full-pii for a command that prints guests as JSON (with --desk/--operator, whom
    the audit row names); without it mobiles and e-mails are masked."""
    p.add_argument("--full-pii", action="store_true",
                   help="with --json: full mobile numbers and e-mails (recorded in the audit "
                   "log); masked otherwise")
    _add_desk_options(p)


def reveal_contacts(db: Any, args: argparse.Namespace, where: str) -> bool:
    """True when --full-pii asks for full contact details; the audit row is written first,
    so nothing is shown that is not recorded."""
    if not args.full_pii:
        return False
    from wimc_desktop.services.guests import record_contact_revealed

    record_contact_revealed(db, _desk(args), where)
    return True


def _add_desk_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--desk", default=None, help="desk name (default: $WIMC_DESK or host name)")
    p.add_argument("--operator", default=None,
                   help="operator name (default: $WIMC_OPERATOR or the login name)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wimc-desk", description="WIMC Desk, headless.",
        epilog="exit codes: 0 done, 2 bad input or usage, 3 already checked in, 4 not found, "
               "5 revoked, 6 not an event day, 7 database server unreachable, 10 database "
               "busy (safe to retry), 11 cannot write (disk full, read-only, permission); "
               "1 only for bugs.")
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
    p.add_argument("--replace-badge-codes", action="store_true",
                   help="a known guest whose row gives another badge code gets it; the old "
                   "code is revoked, as in a reissue (otherwise such a row is a problem)")
    _add_desk_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_import)
    p = sub.add_parser("guests", help="list the guests")
    p.add_argument("--json", action="store_true")
    add_pii_option(p)
    p.set_defaults(handler=cmd_guests)
    p = sub.add_parser("search", help="find guests by name, pinyin, phone, code...")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--day", type=_date, default=None)
    p.add_argument("--category", default=None, help="only this category (its code)")
    p.add_argument("--attendance", choices=("onsite", "online"), default=None)
    seen = p.add_mutually_exclusive_group()
    seen.add_argument("--checked-in", dest="checked_in", action="store_const", const=True,
                      default=None, help="only guests checked in on --day")
    seen.add_argument("--not-checked-in", dest="checked_in", action="store_const",
                      const=False, help="only guests not checked in on --day")
    p.add_argument("--json", action="store_true")
    add_pii_option(p)
    p.set_defaults(handler=cmd_search)
    p = sub.add_parser("checkin", help="admit the holder of a badge code")
    p.add_argument("code")
    p.add_argument("--day", type=_date, default=None, help="event day (default: today)")
    _add_desk_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_checkin)
    p = sub.add_parser("undo-checkin", help="undo an admission (recorded, never deleted)")
    p.add_argument("code")
    p.add_argument("--day", type=_date, default=None)
    p.add_argument("--reason", required=True)
    _add_desk_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_undo)
    p = sub.add_parser("walkin", help="register and admit a walk-in guest")
    p.add_argument("--name", required=True)
    p.add_argument("--organization", default="")
    p.add_argument("--title", default="")
    p.add_argument("--mobile", default="")
    p.add_argument("--email", default="")
    p.add_argument("--category", default="visitor")
    p.add_argument("--day", type=_date, default=None)
    p.add_argument("--force", action="store_true",
                   help="register even when a guest with the same name and mobile, e-mail "
                   "or organization is on the list (recorded)")
    _add_desk_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_walkin)
    from wimc_desktop.cli.badges import add_badge_parser  # they import helpers from here

    add_badge_parser(sub)
    from wimc_desktop.cli.signings import add_signing_parser

    add_signing_parser(sub)
    from wimc_desktop.cli.reports import add_report_parser

    add_report_parser(sub)
    return parser


def command_word(argv: Sequence[str]) -> str | None:
    """The command a command line names (the first word that is not --db or its value),
    or None when it names none."""
    items = iter(argv)
    for arg in items:
        if arg == "--db":
            next(items, None)
        elif not arg.startswith("-"):
            return arg
    return None


def _unknown_command(parser: argparse.ArgumentParser, word: str) -> int:
    parser.print_usage(sys.stderr)
    close = difflib.get_close_matches(word, COMMANDS, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    say(f"wimc-desk: unknown command {word!r}{hint}. The commands are: {', '.join(COMMANDS)} "
        "(wimc-desk COMMAND --help tells more).")
    return 2


def _option_names(parser: argparse.ArgumentParser) -> dict[str, str]:
    """Each argument's name as the user types it (--name, or CODE), by its dest."""
    names: dict[str, str] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                for dest, name in _option_names(sub).items():
                    names.setdefault(dest, name)
        elif action.option_strings:
            names.setdefault(action.dest, max(action.option_strings, key=len))
        else:
            metavar = action.metavar if isinstance(action.metavar, str) else None
            names.setdefault(action.dest, metavar or action.dest.upper())
    return names


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def refuse_undecodable(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Arguments that were not valid UTF-8 (Python keeps the bytes as lone surrogates)
    are a usage error that names the argument: no database or file would take them."""
    names = _option_names(parser)
    for dest, value in vars(args).items():
        for text in _texts(value):
            if any("\udc80" <= char <= "\udcff" for char in text):
                shown = text.encode("utf-8", "surrogateescape").decode("utf-8",
                                                                       "backslashreplace")
                raise BadInputError("the argument {argument} is not valid text: it holds "
                                    "bytes that are not UTF-8 ({value}); nothing was done. "
                                    "Type it again in UTF-8 (a file's name: rename the "
                                    "file).",
                                    argument=names.get(dest, dest), value=shown)


def known_failure(exc: Exception, db: str) -> DeskError | None:
    """A failure of the machine rather than of the program, met anywhere in a command: a
    database error of a known kind, a disk that is full or read-only, a permission."""
    from sqlalchemy import make_url

    from wimc_desktop.db.faults import domain_error
    from wimc_desktop.services.safe_file import CANNOT_WRITE, cannot_write, cause_of

    if "://" in db:  # (a URL's password is never printed)
        db = make_url(db).render_as_string(hide_password=True)
    error = domain_error(exc, db)
    if error is not None:
        return error
    if isinstance(exc, OSError) and exc.errno in CANNOT_WRITE:
        return cannot_write(Path(exc.filename or db), cause_of(exc))
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; known failures print a clear message and their exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    word = command_word(argv)
    if word is not None and word not in COMMANDS:
        return _unknown_command(parser, word)
    args = parser.parse_args(argv)
    args.db = args.db or default_db_target()
    handler: Handler = args.handler
    try:
        refuse_undecodable(parser, args)
        return handler(args)
    except DeskError as exc:
        return _refused(args, exc)
    except BrokenPipeError:  # the reader (head, less) went away: not an error of ours
        sys.stderr.close()
        return 0
    except Exception as exc:
        known = known_failure(exc, str(args.db))
        if known is None:
            raise  # a bug: its traceback, and exit 1
        return _refused(args, known)


def _refused(args: argparse.Namespace, exc: DeskError) -> int:
    """A known failure: its message on stderr and, for a --json command, a JSON object on
    stdout too (a script reads one every time): {"outcome": "rejected" (bad input, exit 2)
    or "failed", "error": the message, "exit_code": n}."""
    if getattr(args, "json", False):
        emit_json({"outcome": "rejected" if exc.exit_code == 2 else "failed",
                   "error": str(exc), "exit_code": exc.exit_code})
    say(f"wimc-desk: {exc}")
    return exc.exit_code
