"""Headless badge commands: look a code up, badges to a PDF (logged as printed), reissue."""

from __future__ import annotations

import argparse
from typing import Any

from wimc_desktop.cli.common import (
    add_desk_options,
    add_pii_option,
    desk_of,
    emit_json,
    open_db,
    parse_date,
    pushed,
    reveal_contacts,
    say,
)

BADGE_PDF_REASON = "wimc-desk badge pdf"


def cmd_badge_show(args: argparse.Namespace) -> int:
    from wimc_desktop.services.badges import badge_info
    from wimc_desktop.services.events import get_event

    db = open_db(args)
    info = badge_info(db, args.code, day=args.day)
    if args.json:
        emit_json(info.as_json(full_pii=reveal_contacts(db, args, "cli badge show")))
        return 0
    g, cat, tz = info.guest, info.category, get_event(db).timezone
    status = "active"
    if info.revocation is not None:
        status = (f"REVOKED {info.revocation.at.isoformat(timespec='seconds')} by desk "
                  f"{info.revocation.desk} ({info.revocation.reason}); the current badge is "
                  f"{info.replaced_by}")
    today = (f"checked in at {info.checkin.at.isoformat(timespec='seconds')} by desk "
             f"{info.checkin.desk}" if info.checkin else "not checked in")
    for label, value in (("code", f"{info.code} ({status})"), ("name", g.name),
                         ("name_en", g.name_en), ("organization", g.organization),
                         ("title", g.title),
                         ("category", f"{cat.name_zh} {cat.name_en} {cat.color}" if cat
                          else g.category),
                         ("attendance", g.attendance.value), ("prints", info.prints.describe(tz)),
                         (info.day.isoformat(), today)):
        print(f"{label + ':':<14}{value}")
    if info.revocation is not None:
        say(f"BADGE REVOKED {info.code}; the current badge is {info.replaced_by}")
    return 0


def cmd_badge_pdf(args: argparse.Namespace) -> int:
    from wimc_desktop.domain.badges import TEMPLATES, PageLayout, PrintOutput, badge_face
    from wimc_desktop.domain.errors import BadInputError
    from wimc_desktop.render.badge import export_pdf
    from wimc_desktop.services.badges import record_prints, select_guests_for_badges
    from wimc_desktop.services.events import get_event

    if sum((bool(args.codes), args.category is not None, args.all, args.not_printed)) != 1:
        raise BadInputError("choose the badges with one of: CODE..., --category, --all, "
                            "--not-printed")
    db = open_db(args)
    guests = select_guests_for_badges(db, codes=args.codes or None, category=args.category,
                                      not_printed=args.not_printed)
    if not guests:
        say("No badges to print: no file written.")
        return 0
    event, template, desk = get_event(db), TEMPLATES[args.template], desk_of(args)
    logged: list[Any] = []

    def log_prints(move: Any) -> None:  # committed only once the file is in place
        logged.extend(record_prints(db, [g.id for g in guests], desk, template.key,
                                    PrintOutput.PDF, reason=BADGE_PDF_REASON,
                                    before_commit=move))
    pages = export_pdf(args.out, [badge_face(event, g) for g in guests], template,
                       PageLayout(args.layout) if args.layout else None,
                       title=f"{event.name_zh} badges", publish_with=log_prints)
    reprints = sum(1 for s in logged if s.is_reprint)
    pushed(db, None)
    say(f"Wrote {len(guests)} {template.key} badges on {pages} pages to {args.out} "
        f"({reprints} reprinted); logged as printed by desk {desk.name}")
    return 0


def cmd_badge_reissue(args: argparse.Namespace) -> int:
    from wimc_desktop.services.badges import reissue_badge
    db = open_db(args)
    result = reissue_badge(db, args.code, reason=args.reason, desk=desk_of(args))
    data = pushed(db, result.as_json())
    if args.json:
        emit_json(data)
    else:
        print(result.new_code)
    say(f"Reissued: {result.old_code} is revoked for good; the badge of {result.guest.name} "
        f"is now {result.new_code} (print it: badge pdf {result.new_code} --out FILE.pdf)")
    return 0


def add_badge_parser(sub: Any) -> None:
    """The badge commands: show, pdf, reissue."""
    badge = sub.add_parser("badge", help="look up, print (PDF) and reissue badges")
    bsub = badge.add_subparsers(dest="badge_command", required=True)
    p = bsub.add_parser("show", help="what a badge code is: guest, status, prints, today")
    p.add_argument("code")
    p.add_argument("--day", type=parse_date, default=None, help="event day (default: today)")
    p.add_argument("--json", action="store_true")
    add_pii_option(p)
    p.set_defaults(handler=cmd_badge_show)
    p = bsub.add_parser("pdf", help="badges to a PDF (logged as printed)")
    p.add_argument("codes", nargs="*", metavar="CODE")
    p.add_argument("--category", default=None, help="all guests of a category (code or name)")
    p.add_argument("--all", action="store_true", help="every guest")
    p.add_argument("--not-printed", action="store_true", help="guests whose badge is unprinted")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--template", choices=("hanging", "card"), default="hanging")
    p.add_argument("--layout", choices=("page", "sheet"), default=None,
                   help="one badge a page (badge printer) or A4 sheets (office printer); "
                   "default: sheet for hanging, page for card")
    add_desk_options(p)
    p.set_defaults(handler=cmd_badge_pdf)
    p = bsub.add_parser("reissue", help="replace a lost badge: new code, the old one revoked")
    p.add_argument("code")
    p.add_argument("--reason", required=True)
    add_desk_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_badge_reissue)
