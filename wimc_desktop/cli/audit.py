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
    rows = list_audit(db, day=args.day, timezone=get_event(db).timezone,
                      operator=args.by, action=args.action)
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
    from wimc_desktop.services.audit import chain_broken, verify_chains

    checks = verify_chains(open_db(args))
    mine = checks[0]  # (this database's own chain; then every other one, e.g. desks')
    broken = next((c.broken for c in checks if c.broken), None)
    if args.json:
        emit_json({"ok": broken is None, **mine.head.as_json(),
                   "broken": broken.as_json() if broken else None,
                   "chains": [c.as_json() for c in checks]})
    if broken is not None:
        say(f"wimc-desk: {chain_broken(broken)}")
        return 9
    say(f"The audit log holds: {mine.head.count} rows, head {mine.head.short}")
    for c in checks[1:]:
        say(f"  chain {c.chain}: {c.head.count} rows, head {c.head.short}")
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
    verify = verbs.add_parser(
        "verify", help="recompute the hash chains (this database's own and each desk's); "
        "exit 9 naming the first broken row and its chain if the log was changed outside "
        "the app")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=cmd_audit_verify)
