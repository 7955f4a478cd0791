"""`wimc-desk audit list | verify`: the audit log, and whether anyone changed it."""

from __future__ import annotations

import argparse
from typing import Any

from wimc_desktop.cli.common import (
    add_desk_options,
    emit_json,
    open_db,
    parse_date,
    say,
)


def cmd_audit_list(args: argparse.Namespace) -> int:
    from wimc_desktop.services.audit import list_audit
    from wimc_desktop.services.events import get_event

    db = open_db(args)
    try:
        rows = list_audit(db, day=args.day, timezone=get_event(db).timezone,
                          operator=args.by, action=args.action)
    finally:
        db.dispose()
    if args.json:
        emit_json([r.as_json() for r in rows])
        return 0
    for r in rows:
        e = r.entry
        print("\t".join((str(e.seq), e.at.isoformat(timespec="seconds"), e.desk, e.operator,
                         e.role, e.action, r.guest_code or "", e.reason)))
    say(f"{len(rows)} audit rows")
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from wimc_desktop.services.audit import BREAK_TEXT, verify_chain

    db = open_db(args)
    try:
        head, broken = verify_chain(db)
    finally:
        db.dispose()
    if args.json:
        emit_json({"ok": broken is None, **head.as_json(),
                   "broken": broken.as_json() if broken else None})
    if broken is not None:
        say(f"wimc-desk: the audit log was changed outside the app: row {broken.seq} "
            f"({broken.id or '-'}) {BREAK_TEXT[broken.reason]}")
        return 9
    say(f"The audit log holds: {head.count} rows, head {head.short}")
    return 0


def add_audit_parser(sub: Any) -> None:
    """`audit list` and `audit verify`, under the main parser's subparsers."""
    p = sub.add_parser("audit", help="the audit log: list it, verify its hash chain")
    verbs = p.add_subparsers(dest="verb", required=True)
    lister = verbs.add_parser("list", help="the audit rows, oldest first")
    lister.add_argument("--day", type=parse_date, default=None,
                        help="only that day (YYYY-MM-DD, the event's time zone)")
    lister.add_argument("--by", default=None, metavar="OPERATOR", help="only that operator")
    lister.add_argument("--action", default=None,
                        help="only that action (refused: or badge_* for every one it begins)")
    lister.add_argument("--json", action="store_true")
    add_desk_options(lister)
    lister.set_defaults(handler=cmd_audit_list)
    verify = verbs.add_parser("verify", help="recompute the hash chain; exit 9 naming the "
                              "first broken row if the log was changed outside the app")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=cmd_audit_verify)
