"""`wimc-desk join | sync | status | conflicts`: a desk's copy of a hub, headless.

    wimc-desk --db DESK.wimc join HUB_URL --desk NAME [--json]
    wimc-desk --db DESK.wimc sync [--json]      exit 0: the hub was reached; 7: it was not
    wimc-desk --db DESK.wimc status [--json]
    wimc-desk --db DESK_OR_HUB conflicts [--day D] [--json]
                kinds: duplicate_admission, revoked_code_admitted, guest_edit_conflict,
                signing_amend_conflict (its entry also has "signing" and the values kept
                and not: "kept"/"duplicate" "values")

The hub's password is never stored: it comes from PGPASSWORD, ~/.pgpass, a service file
or the system keyring (service "wimc-desk", the URL without password as the user name).
"""

from __future__ import annotations

import argparse
from typing import Any

from wimc_desktop.cli.common import emit_json, open_db, parse_date, say

UNREACHABLE = 7


def cmd_join(args: argparse.Namespace) -> int:
    from wimc_desktop.services.sync.desk import join

    if "://" in str(args.db):
        say("wimc-desk: join makes a desk file: give --db DESK.wimc (a file name)")
        return 2
    report = join(args.db, args.hub_url, args.desk)
    if args.json:
        emit_json(report.as_json())
    say(f"Joined {report.hub} as desk {report.desk}: {report.guests} guests copied to "
        f"{report.path}")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from wimc_desktop.services.sync.desk import sync

    db = open_db(args)
    report = sync(db)
    if args.json:
        emit_json(report.as_json())
    if report.online:
        say(f"Synced: {report.pushed} pushed ({report.duplicates} duplicates, "
            f"{report.rejected} rejected), {report.pulled} pulled, {report.pending} pending")
        return 0
    say(f"wimc-desk: the hub could not be reached ({report.error}); {report.pending} events "
        "stay in the outbox, nothing is lost")
    return UNREACHABLE


def cmd_status(args: argparse.Namespace) -> int:
    from wimc_desktop.services.sync.desk import status

    state = status(open_db(args))
    if args.json:
        emit_json(state.as_json())
    say(f"hub {state.hub}, desk {state.desk}: {'online' if state.online else 'offline'} since "
        f"{state.since.isoformat(timespec='seconds')}, {state.pending} pending, last sync "
        f"{state.last_sync.isoformat(timespec='seconds') if state.last_sync else 'never'}")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from wimc_desktop.services.sync.desk import conflicts

    found = conflicts(open_db(args), args.day)
    if args.json:
        emit_json(found)
    for c in found:
        guest: dict[str, Any] = c["guest"]
        what = (f"{c['signing']['project_zh'] or c['signing']['id']} ({c['signing']['action']}"
                f", {c['reason']})" if "signing" in c else guest.get("name", guest.get("id")))
        say(f"{c['kind']} {c['day'] or ''} {what}: kept "
            f"{c['kept']['desk']} ({c['kept']['operator']}) {c['kept']['at']}; this one "
            f"{c['duplicate']['desk']} ({c['duplicate']['operator']}) {c['duplicate']['at']}")
    if not found:
        say("no conflicts")
    return 0


def add_sync_parsers(sub: Any) -> None:
    p = sub.add_parser("join", help="make this desk file a full copy of a hub")
    p.add_argument("hub_url", metavar="HUB_URL",
                   help="postgresql+psycopg://USER@HOST/DB (the password: PGPASSWORD, "
                        "~/.pgpass, a service file or the keyring; never stored)")
    p.add_argument("--desk", required=True, help="this desk's name")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_join)
    p = sub.add_parser("sync", help="push the outbox, then pull the hub's changes, once")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sync)
    p = sub.add_parser("status", help="the hub, online or not, pending events, last sync")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_status)
    p = sub.add_parser("conflicts", help="duplicate admissions, a revoked badge used, guest "
                       "edits and signing amendments two desks made to the same field (and an "
                       "amendment crossing a cancel): the one kept and the other")
    p.add_argument("--day", type=parse_date, default=None)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_conflicts)
