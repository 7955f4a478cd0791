"""`wimc-desk signing ...`: the signing register, headless (add, list, summary, export, amend...).

Part of the CLI contract (see cli.common): bad input exits 2 with a message and records
nothing; amounts in JSON are integers of fen or exact strings, never floats.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from wimc_desktop.cli.common import desk_of, emit_json, open_db, parse_date, pushed, say
from wimc_desktop.domain.checkin import login_name
from wimc_desktop.domain.errors import BadInputError
from wimc_desktop.domain.money import format_total, format_yuan, needs_confirmation, parse_amount
from wimc_desktop.domain.signing_totals import GroupBy, SigningFilter, totals_line

if TYPE_CHECKING:
    from wimc_desktop.db.engine import Database

from wimc_desktop.domain.signings import (
    Signing,
    SigningDraft,
    SigningParty,
    SigningStatus,
    SigningWitness,
)

FORMATS = ("xlsx", "csv", "pdf")


def _party(text: str) -> SigningParty:
    name, role, country = [*text.split("|", 2), "", ""][:3]
    return SigningParty(name, role, country)


def _witness(text: str) -> SigningWitness:
    name, _, title = text.partition("|")
    return SigningWitness(name, title)


def _operator(args: argparse.Namespace) -> str:
    return str(args.operator or os.environ.get("WIMC_OPERATOR") or login_name("operator"))


def _signed_at(db: Any, text: str | None) -> dt.datetime:
    """--signed-at: an ISO time; without an offset it is the event's local time."""
    if text is None:
        return dt.datetime.now(dt.UTC)
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise BadInputError("not a time (ISO 8601, e.g. 2020-11-28T15:30): {text!r}",
                            text=text) from exc
    if moment.tzinfo is None:
        from wimc_desktop.services.events import get_event

        moment = moment.replace(tzinfo=ZoneInfo(get_event(db).timezone))
    return moment


def _print_signing(db: Database, signing: Signing, as_json: bool, verb: str) -> None:
    data = pushed(db, signing.as_json())
    if as_json:
        emit_json(data)
    else:
        print(signing.id)
    say(f"{verb}: {signing.project_zh}, {format_yuan(signing.amount)} {signing.currency} "
        f"({signing.status.value})")
    if needs_confirmation(signing.amount):
        say(f"note: {format_total(signing.amount)} is 100 亿 or more; check the amount")


def cmd_signing_add(args: argparse.Namespace) -> int:
    from wimc_desktop.services.signings import add_signing

    if args.amount is None:
        raise BadInputError("the signing needs an amount (--amount, e.g. 5.2亿 or 1,234,567.89)")
    amount = parse_amount(args.amount)
    db = open_db(args)
    draft = SigningDraft(
        args.project or "", amount, tuple(_party(p) for p in args.party or []),
        _signed_at(db, args.signed_at), project_en=args.project_en, sector=args.sector,
        location=args.location, currency=args.currency, ceremony=args.ceremony,
        witnesses=tuple(_witness(w) for w in args.witness or []), notes=args.notes)
    _print_signing(db, add_signing(db, draft, operator=_operator(args), desk=desk_of(args)),
                   args.json, "Recorded")
    return 0


def _changes(db: Any, args: argparse.Namespace, current: SigningDraft) -> SigningDraft:
    changes: dict[str, Any] = {k: getattr(args, k) for k in (
        "project_en", "sector", "location", "currency", "ceremony", "notes")
        if getattr(args, k) is not None}
    if args.project is not None:
        changes["project_zh"] = args.project
    if args.amount is not None:
        changes["amount"] = parse_amount(args.amount)
    if args.party:
        changes["parties"] = tuple(_party(p) for p in args.party)
    if args.witness:
        changes["witnesses"] = tuple(_witness(w) for w in args.witness)
    if args.signed_at is not None:
        changes["signed_at"] = _signed_at(db, args.signed_at)
    return dataclasses.replace(current, **changes)


def cmd_signing_amend(args: argparse.Namespace) -> int:
    from wimc_desktop.services.signings import amend_signing, find_signing_id, get_signing

    db = open_db(args)
    current = get_signing(db, find_signing_id(db, args.id))
    signing = amend_signing(db, current.id, _changes(db, args, current.draft()),
                            operator=_operator(args), reason=args.reason,
                            expected_updated_at=current.updated_at, desk=desk_of(args))
    _print_signing(db, signing, args.json, "Amended")
    return 0


def cmd_signing_cancel(args: argparse.Namespace) -> int:
    from wimc_desktop.services.signings import cancel_signing, find_signing_id

    db = open_db(args)
    signing = cancel_signing(db, find_signing_id(db, args.id), operator=_operator(args),
                             reason=args.reason, desk=desk_of(args))
    _print_signing(db, signing, args.json, "Cancelled (kept in the register, not counted)")
    return 0


def cmd_signing_history(args: argparse.Namespace) -> int:
    from wimc_desktop.services.signings import find_signing_id, signing_history

    db = open_db(args)
    changes = signing_history(db, find_signing_id(db, args.id))
    if args.json:
        emit_json([c.as_json() for c in changes])
        return 0
    for c in changes:
        amount = c.snapshot.get("amount_yuan", "")
        print("\t".join((c.at.isoformat(timespec="seconds"), c.action, c.operator,
                         str(amount), c.reason)))
    return 0


def _filter(args: argparse.Namespace) -> SigningFilter:
    status = SigningStatus(args.status) if args.status else None
    return SigningFilter(args.ceremony, args.sector, args.location, args.day, status)


def cmd_signing_list(args: argparse.Namespace) -> int:
    from wimc_desktop.domain.signing_totals import summarize
    from wimc_desktop.services.events import get_event
    from wimc_desktop.services.signings import list_signings

    db = open_db(args)
    signings = list_signings(db, _filter(args))
    if args.json:
        emit_json([s.as_json() for s in signings])
        return 0
    zone = ZoneInfo(get_event(db).timezone)
    for s in signings:
        local = s.signed_at.astimezone(zone)
        print("\t".join((s.id, local.isoformat(timespec="minutes"), s.project_zh,
                         format_yuan(s.amount), s.currency, s.sector, s.location,
                         s.status.value)))
    say(totals_line(summarize(signings), "en"))
    return 0


def cmd_signing_summary(args: argparse.Namespace) -> int:
    from wimc_desktop.services.signings import summarize_signings

    summary = summarize_signings(open_db(args), _filter(args), GroupBy(args.by))
    if args.json:
        emit_json(summary.as_json())
        return 0
    for g in summary.groups:
        print("\t".join((g.key or "-", str(g.count), format_total(g.amount), str(g.amount))))
    print(totals_line(summary, args.lang))
    return 0


def cmd_signing_export(args: argparse.Namespace) -> int:
    from wimc_desktop.services import signing_exports as exports

    register = exports.signing_register(open_db(args), _filter(args))
    if args.format == "pdf":
        from wimc_desktop.render.signings_pdf import write_signings_pdf

        write_signings_pdf(register, args.out, args.lang)
    elif args.format == "xlsx":
        exports.write_register_xlsx(register, args.out, args.lang)
    else:
        exports.write_register_csv(register, args.out, args.lang)
    say(f"Wrote {len(register.signings)} signings to {args.out} "
        f"({totals_line(register.summary, 'en')})")
    return 0


def _filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--ceremony", default=None)
    p.add_argument("--sector", default=None)
    p.add_argument("--location", default=None)
    p.add_argument("--day", type=parse_date, default=None, help="local day signed (YYYY-MM-DD)")
    p.add_argument("--status", choices=[s.value for s in SigningStatus], default=None)


def _signing_options(p: argparse.ArgumentParser, new: bool) -> None:
    """The fields of a signing: defaults for `add`, None (unchanged) for `amend`."""
    blank = "" if new else None
    p.add_argument("--project", default=None, help="project name (Chinese)"
                   + (" (required)" if new else ""))
    p.add_argument("--project-en", default=blank, help="project name (English)")
    p.add_argument("--party", action="append", metavar="NAME[|ROLE|COUNTRY]",
                   help="a party (two or more; role: investor, government, partner...)"
                   + ("" if new else "; given parties replace all the parties"))
    p.add_argument("--amount", default=None,
                   help="1,234,567.89 or 5.2亿 or 3000万 (yuan)" + (" (required)" if new else ""))
    p.add_argument("--currency", default="CNY" if new else None)
    p.add_argument("--sector", default=blank)
    p.add_argument("--location", default=blank, help="district or development zone")
    p.add_argument("--ceremony", default=blank, help="the ceremony or session")
    p.add_argument("--signed-at", default=None,
                   help="ISO time; local to the event without an offset (default: now)")
    p.add_argument("--witness", action="append", metavar="NAME[|TITLE]")
    p.add_argument("--notes", default=blank)


def add_signing_parser(sub: Any) -> None:
    """`signing` and its subcommands, under the main parser's subparsers."""
    top = sub.add_parser("signing", help="the contract-signing register")
    cmds = top.add_subparsers(dest="signing_command", required=True)
    p = cmds.add_parser("add", help="record a signing")
    _signing_options(p, new=True)
    _common(p, cmd_signing_add, desk=True)
    p = cmds.add_parser("amend", help="change a signing (recorded with a reason; on a desk of "
                        "a hub, merged field by field with other desks' amendments: a field "
                        "another desk changed first is kept and listed by `conflicts`)")
    p.add_argument("id", help="signing id (or its first characters)")
    _signing_options(p, new=False)
    p.add_argument("--reason", required=True)
    _common(p, cmd_signing_amend, desk=True)
    p = cmds.add_parser("cancel", help="cancel a signing (kept, no longer counted; on a desk "
                        "of a hub, no other desk's amendment undoes it)")
    p.add_argument("id")
    p.add_argument("--reason", required=True)
    _common(p, cmd_signing_cancel, desk=True)
    p = cmds.add_parser("history", help="every change to a signing (two desks' "
                        "amendments that clashed: a `conflict` entry of the hub's, the "
                        "signing as kept)")
    p.add_argument("id")
    _common(p, cmd_signing_history)
    p = cmds.add_parser("list", help="the signings, in the order signed")
    _filter_options(p)
    _common(p, cmd_signing_list)
    p = cmds.add_parser("summary", help="totals (cancelled signings excluded)")
    p.add_argument("--by", choices=[g.value for g in GroupBy], default=GroupBy.CEREMONY.value)
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    _filter_options(p)
    _common(p, cmd_signing_summary)
    p = cmds.add_parser("export", help="the register with its totals as XLSX, CSV or PDF")
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    _filter_options(p)
    p.set_defaults(handler=cmd_signing_export)


def _common(p: argparse.ArgumentParser, handler: Any, *, desk: bool = False) -> None:
    if desk:  # (a change: its audit row, and on a desk of a hub its event, name the desk)
        p.add_argument("--desk", default=None, help="desk name (default: $WIMC_DESK, on a "
                       "desk of a hub the name given to `join`, else the host name)")
    p.add_argument("--operator", default=None,
                   help="who records it (default: $WIMC_OPERATOR or the login name)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=handler)
