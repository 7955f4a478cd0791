"""Who may run which command: the one table of commands to permissions, and the login.

Once an event has operators, every command names one (`--operator NAME`, else
$WIMC_OPERATOR) and gives its password ($WIMC_PASSWORD, else a prompt on a terminal;
never an argument). An unknown or disabled operator, a wrong password, or a command the
role does not allow is exit 8, checked before the command touches anything. An event
with no operators is an open desk: every command runs as before, as the login name.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

from wimc_desktop.domain.errors import NotFoundError, NotPermittedError
from wimc_desktop.domain.roles import OPEN_DESK, Permission, allowed, needed_role

if TYPE_CHECKING:
    from wimc_desktop.db.engine import Database

P = Permission
# (command, None): what the command needs; (command, "--option"): what it needs besides
# when that option is given. Every command of the parser is here (tests/cli check).
COMMAND_PERMISSIONS: dict[tuple[str, str | None], Permission] = {
    ("init", None): P.EVENT_SETTINGS,
    ("demo", None): P.EVENT_SETTINGS,
    ("import", None): P.IMPORT,
    ("guests", None): P.BROWSE_GUESTS,
    ("guests", "--full-pii"): P.EXPORT_PII,
    ("search", None): P.SEARCH,
    ("search", "--full-pii"): P.EXPORT_PII,
    ("checkin", None): P.ADMIT,
    ("undo-checkin", None): P.UNDO_OWN,  # anyone else's, or later: UNDO_ANY (the service)
    ("walkin", None): P.WALK_IN,
    ("edit-guest", None): P.EDIT_GUEST,
    ("badge show", None): P.SEARCH,
    ("badge show", "--full-pii"): P.REVEAL_PII,
    ("badge pdf", None): P.PRINT_BADGE,  # a badge printed before: REPRINT_BADGE (the service)
    ("badge reissue", None): P.REISSUE_BADGE,
    ("signing add", None): P.SIGNINGS,
    ("signing amend", None): P.SIGNINGS,
    ("signing cancel", None): P.SIGNINGS,
    ("signing history", None): P.REPORTS,
    ("signing list", None): P.REPORTS,
    ("signing summary", None): P.REPORTS,
    ("signing export", None): P.EXPORT,
    ("report", None): P.REPORTS,
    ("report", "--out"): P.EXPORT,
    ("report", "--full-pii"): P.EXPORT_PII,
    ("operator add", None): P.OPERATORS,
    ("operator list", None): P.OPERATORS,
    ("operator disable", None): P.OPERATORS,
    ("operator passwd", None): P.OWN_PASSWORD,  # another's password: OPERATORS (the service)
    ("audit list", None): P.AUDIT,
    ("audit verify", None): P.AUDIT,
    ("purge-personal-data", None): P.PURGE,  # (the service checks it too: the window's path)
    ("join", None): P.EVENT_SETTINGS,  # a new desk file, a copy of the hub
    ("sync", None): P.ADMIT,  # what this desk did, to the hub and back
    ("status", None): P.SEARCH,
    ("conflicts", None): P.DASHBOARD,
}
# Commands that create a database: where none exists yet there is no one to ask.
CREATING = frozenset({"init", "demo", "join"})


def _option_given(args: argparse.Namespace, option: str) -> bool:
    value = getattr(args, option.lstrip("-").replace("-", "_"), None)
    return value not in (None, False, "", [])


def needed_permissions(command: str, args: argparse.Namespace) -> list[Permission]:
    """What running `command` with these arguments needs, the command's own first."""
    return [permission for (name, option), permission in COMMAND_PERMISSIONS.items()
            if name == command and (option is None or _option_given(args, option))]


def read_password(variable: str, prompt: str) -> str:
    """A password from the environment, else typed on a terminal (never an argument)."""
    value = os.environ.get(variable)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise NotPermittedError("no password: set {variable} or run the command on a "
                                "terminal to type it; nothing was done", variable=variable)
    return getpass.getpass(prompt)


def _database(args: argparse.Namespace, command: str) -> Database | None:
    from wimc_desktop.cli.common import open_db

    try:
        return open_db(args)
    except NotFoundError:
        if command in CREATING:
            return None  # nothing there yet: the command creates it
        raise


def authorize(args: argparse.Namespace) -> None:
    """Log the operator in when the event has operators and check the command is theirs:
    sets args.operator and args.operator_role (the Desk the services get), or raises exit 8."""
    from wimc_desktop.services.operators import authenticate, has_operators

    command: str = args.command_path
    db = _database(args, command)
    args.operator_role = OPEN_DESK
    if db is None or not has_operators(db):
        return
    name = args.operator or os.environ.get("WIMC_OPERATOR")
    if not name:
        raise NotPermittedError("this event has operators: name yourself with --operator NAME "
                                "(the password from WIMC_PASSWORD or a prompt); nothing was "
                                "done")
    operator = authenticate(db, name, read_password("WIMC_PASSWORD", f"Password for {name}: "))
    for permission in needed_permissions(command, args):
        if not allowed(operator.role, permission):
            raise NotPermittedError("{operator} ({role}) may not run {command!r}: it needs a "
                                    "{needed}; nothing was done", operator=name,
                                    role=operator.role, command=command,
                                    needed=needed_role(permission))
    args.operator, args.operator_role = operator.name, operator.role
