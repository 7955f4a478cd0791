"""`wimc-desk checkin | undo-checkin | walkin`: admissions at the desk, headless."""

from __future__ import annotations

import argparse
from typing import Any

from wimc_desktop.cli.common import (
    add_desk_options,
    desk_of,
    emit_json,
    event_day,
    open_db,
    parse_date,
    pushed,
    say,
)
from wimc_desktop.domain.contact import mask_mobile


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

    db = open_db(args)
    result = check_in(db, args.code, day=event_day(db, args), desk=desk_of(args))
    data = pushed(db, result.as_json())
    if args.json:
        emit_json(data)
    _say_result(result)
    return int(result.outcome.exit_code)


def cmd_undo(args: argparse.Namespace) -> int:
    from wimc_desktop.services.checkin import find_checkin, undo_checkin

    db = open_db(args)
    day = event_day(db, args)
    record = find_checkin(db, args.code, day)
    undo_checkin(db, record.id, desk=desk_of(args), reason=args.reason)
    data = pushed(db, {"undone": record.as_json(), "code": args.code, "reason": args.reason})
    if args.json:
        emit_json(data)
    say(f"Undone: the check-in of {args.code} on {day} at "
        f"{record.at.isoformat(timespec='seconds')} by desk {record.desk}")
    return 0


def cmd_walkin(args: argparse.Namespace) -> int:
    from wimc_desktop.services.walkin import PossibleDuplicateError, register_walk_in

    db = open_db(args)
    try:
        result = register_walk_in(db, name=args.name, organization=args.organization,
                                  mobile=args.mobile, email=args.email,
                                  category=args.category, title=args.title,
                                  day=event_day(db, args), desk=desk_of(args), force=args.force)
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
    data = pushed(db, result.as_json())
    if args.json:
        emit_json(data)
    else:
        print(result.code)
    _say_result(result)
    return int(result.outcome.exit_code)


def add_checkin_parsers(sub: Any) -> None:
    """`checkin`, `undo-checkin` and `walkin`, under the main parser's subparsers."""
    p = sub.add_parser("checkin", help="admit the holder of a badge code")
    p.add_argument("code")
    p.add_argument("--day", type=parse_date, default=None, help="event day (default: today)")
    add_desk_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_checkin)
    p = sub.add_parser("undo-checkin", help="undo an admission (recorded, never deleted)")
    p.add_argument("code")
    p.add_argument("--day", type=parse_date, default=None)
    p.add_argument("--reason", required=True)
    add_desk_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_undo)
    p = sub.add_parser("walkin", help="register and admit a walk-in guest")
    p.add_argument("--name", required=True)
    p.add_argument("--organization", default="")
    p.add_argument("--title", default="")
    p.add_argument("--mobile", default="")
    p.add_argument("--email", default="")
    p.add_argument("--category", default="visitor")
    p.add_argument("--day", type=parse_date, default=None)
    p.add_argument("--force", action="store_true",
                   help="register even when a guest with the same name and mobile, e-mail "
                   "or organization is on the list (recorded)")
    add_desk_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_walkin)
