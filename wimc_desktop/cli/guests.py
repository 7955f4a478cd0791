"""`wimc-desk guests | search | edit-guest`: the guest list, finding guests by whatever they
say, and correcting a guest's details."""

from __future__ import annotations

import argparse
from typing import Any

from wimc_desktop.cli.common import (
    add_desk_options,
    add_pii_option,
    desk_of,
    emit_json,
    event_day,
    open_db,
    parse_date,
    pushed,
    reveal_contacts,
    say,
)
from wimc_desktop.domain.contact import mask_mobile
from wimc_desktop.domain.errors import BadInputError


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


def _field_values(pairs: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        field, sep, value = pair.partition("=")
        if not sep or not field.strip():
            raise BadInputError("--set takes FIELD=VALUE, not {pair!r}", pair=pair)
        values[field.strip()] = value
    return values


def cmd_edit_guest(args: argparse.Namespace) -> int:
    from wimc_desktop.services.guest_edits import edit_guest

    db = open_db(args)
    guest, changed = edit_guest(db, args.code, desk_of(args), _field_values(args.set))
    data = pushed(db, {**guest.as_json(), "changed": list(changed)})
    if args.json:
        emit_json(data)
    say(f"{guest.badge_code}: {', '.join(changed) or 'nothing'} changed")
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
    p = sub.add_parser("edit-guest", help="correct a guest's details (a walk-in's typo, a "
                       "new organization, a seat, notes)")
    p.add_argument("code", help="the guest's badge code")
    p.add_argument("--set", action="append", required=True, metavar="FIELD=VALUE",
                   help="a field and its new value (name, name_en, organization, title, "
                   "category, mobile, email, seat, dietary, notes); repeat for more")
    add_desk_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_edit_guest)
