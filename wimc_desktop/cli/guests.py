"""`wimc-desk guests | search`: the guest list, and finding guests by whatever they say."""

from __future__ import annotations

import argparse
from typing import Any

from wimc_desktop.cli.common import (
    add_pii_option,
    emit_json,
    event_day,
    open_db,
    parse_date,
    reveal_contacts,
    say,
)
from wimc_desktop.domain.contact import mask_mobile


def cmd_guests(args: argparse.Namespace) -> int:
    from wimc_desktop.services.guests import list_guests

    db = open_db(args)
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


def cmd_search(args: argparse.Namespace) -> int:
    from wimc_desktop.services.search import search_guests

    db = open_db(args)
    found = search_guests(db, args.query, limit=args.limit, day=event_day(db, args),
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


def add_guest_parsers(sub: Any) -> None:
    """`guests` and `search`, under the main parser's subparsers."""
    p = sub.add_parser("guests", help="list the guests")
    p.add_argument("--json", action="store_true")
    add_pii_option(p)
    p.set_defaults(handler=cmd_guests)
    p = sub.add_parser("search", help="find guests by name, pinyin, phone, code...")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--day", type=parse_date, default=None)
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
