"""What every command shares: argument types and options, output, the event database, and
how a failure becomes a message and an exit code.

The contract of every command: messages to people go to stderr, JSON to stdout; exit codes
0 done, 2 bad input or usage (nothing written), 3 already checked in, 4 not found, 5
revoked, 6 not an event day, 7 database server unreachable, 8 not permitted (operator,
password or role; nothing done), 10 database busy (safe to retry), 11 cannot write (disk
full, read-only, permission); 1 only for bugs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wimc_desktop.domain.errors import DeskError

if TYPE_CHECKING:
    from wimc_desktop.db.engine import Database
    from wimc_desktop.domain.checkin import Desk


def say(message: str) -> None:
    """A message to the person at the terminal (stderr, never mixed with JSON)."""
    print(message, file=sys.stderr)


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=None)
    sys.stdout.write("\n")


def parse_date(text: str) -> dt.date:
    """An argument's type: a day as YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def add_desk_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--desk", default=None, help="desk name (default: $WIMC_DESK or host name)")
    p.add_argument("--operator", default=None,
                   help="operator name (default: $WIMC_OPERATOR or the login name)")


def add_pii_option(p: argparse.ArgumentParser) -> None:
    """--full-pii for a command that prints guests as JSON (with --desk/--operator, whom
    the audit row names); without it mobiles and e-mails are masked."""
    p.add_argument("--full-pii", action="store_true",
                   help="with --json: full mobile numbers and e-mails (recorded in the audit "
                   "log); masked otherwise")
    add_desk_options(p)


def open_db(args: argparse.Namespace) -> Database:
    """The event database --db names (a missing one is 'not found', exit 4); opened once
    a command (the login looks at it first)."""
    from wimc_desktop.services.events import open_event_database

    db: Database | None = getattr(args, "opened_db", None)
    if db is None:
        db = args.opened_db = open_event_database(args.db)
    return db


def pushed(db: Database, data: Any) -> Any:
    """After a write on a desk of a hub: one push with a short timeout (the local commit
    already stands); a JSON object then gains "synced": whether the hub receipted it.
    Anywhere else the data is returned as it is."""
    from wimc_desktop.services.sync.desk import try_push

    if not db.is_desk():
        return data
    synced = try_push(db)
    return {**data, "synced": synced} if isinstance(data, dict) else data


def desk_of(args: argparse.Namespace) -> Desk:
    """The desk, operator and role a command acts as (--desk/--operator, else the
    environment, else on a desk of a hub the name given to `join`; the role of the
    operator logged in, none on an event without operators)."""
    from wimc_desktop.domain.checkin import Desk, login_name

    return Desk(getattr(args, "desk", None) or os.environ.get("WIMC_DESK")
                or _joined_as(args) or socket.gethostname(),
                args.operator or os.environ.get("WIMC_OPERATOR") or login_name("operator"),
                getattr(args, "operator_role", ""))


def _joined_as(args: argparse.Namespace) -> str:
    """The desk's name given to `join`, when the database opened is a desk of a hub."""
    from wimc_desktop.services.sync.desk import joined_as

    db: Database | None = getattr(args, "opened_db", None)
    return joined_as(db) if db is not None else ""


def event_day(db: Database, args: argparse.Namespace) -> dt.date:
    """--day, else today in the event's time zone."""
    if args.day is not None:
        return args.day  # type: ignore[no-any-return]
    from wimc_desktop.domain.checkin import local_day
    from wimc_desktop.services.events import get_event

    return local_day(get_event(db), dt.datetime.now(dt.UTC))


def reveal_contacts(db: Database, args: argparse.Namespace, where: str) -> bool:
    """True when --full-pii asks for full contact details; the audit row is written first,
    so nothing is shown that is not recorded."""
    if not args.full_pii:
        return False
    from wimc_desktop.services.guests import record_contact_revealed

    record_contact_revealed(db, desk_of(args), where)
    return True


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


def refused(args: argparse.Namespace, exc: DeskError) -> int:
    """A known failure: its message on stderr and, for a --json command, a JSON object on
    stdout too (a script reads one every time): {"outcome": "rejected" (bad input, exit 2)
    or "failed", "error": the message, "exit_code": n}."""
    if getattr(args, "json", False):
        emit_json({"outcome": "rejected" if exc.exit_code == 2 else "failed",
                   "error": str(exc), "exit_code": exc.exit_code})
    say(f"wimc-desk: {exc}")
    return exc.exit_code
