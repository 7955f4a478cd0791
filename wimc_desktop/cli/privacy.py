"""`wimc-desk purge-personal-data`: personal data deleted once the event is over."""

from __future__ import annotations

import argparse
from typing import Any

from wimc_desktop.cli.common import add_desk_options, desk_of, emit_json, open_db, say
from wimc_desktop.domain.errors import BadInputError


def cmd_purge(args: argparse.Namespace) -> int:
    from wimc_desktop.services.privacy import DELETED_FIELDS, KEPT_FIELDS, purge_personal_data

    if not args.confirm:
        raise BadInputError("purge-personal-data deletes every guest's mobile, e-mail, ID "
                            "number and notes for good; say --confirm to do it.")
    result = purge_personal_data(open_db(args), desk_of(args))
    if args.json:
        emit_json(result.as_json())
    say(f"Deleted the personal data ({', '.join(DELETED_FIELDS)}) of {result.purged} of "
        f"{result.guests} guests; kept: {', '.join(KEPT_FIELDS)}. Recorded in the audit log.")
    if not result.vacuumed:
        say("  On the PostgreSQL server, run VACUUM FULL guest, hub_event (as its "
            "administrator) so the old row versions leave the server's files too.")
    return 0


def add_privacy_parser(sub: Any) -> None:
    """`purge-personal-data`, under the main parser's subparsers."""
    p = sub.add_parser("purge-personal-data",
                       help="after the event: delete every guest's mobile, e-mail, ID number "
                       "and notes (names, organisations, check-ins and signings stay)")
    p.add_argument("--confirm", action="store_true", help="required: the deletion is final")
    p.add_argument("--json", action="store_true")
    add_desk_options(p)
    p.set_defaults(handler=cmd_purge)
