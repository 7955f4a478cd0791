"""`wimc-desk operator add | list | disable | passwd`: the people who work the desks.

New passwords come from $WIMC_NEW_PASSWORD or are typed twice on a terminal, never from
an argument (an argument is in the shell's history and in every process list).
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from wimc_desktop.cli.common import add_desk_options, desk_of, emit_json, open_db, say
from wimc_desktop.cli.permissions import read_password
from wimc_desktop.domain.errors import BadInputError, NotPermittedError
from wimc_desktop.domain.roles import Permission, Role, allowed


def new_password(name: str) -> str:
    """$WIMC_NEW_PASSWORD, else typed twice on a terminal."""
    from wimc_desktop.services.operators import check_password_rules

    if "WIMC_NEW_PASSWORD" in os.environ:
        return os.environ["WIMC_NEW_PASSWORD"]
    first = read_password("WIMC_NEW_PASSWORD", f"New password for {name}: ")
    check_password_rules(first)
    if read_password("WIMC_NEW_PASSWORD", "The same again: ") != first:
        raise BadInputError("the two passwords differ; nothing was changed")
    return first


def cmd_operator_add(args: argparse.Namespace) -> int:
    from wimc_desktop.services.operators import add_operator

    db = open_db(args)
    operator = add_operator(db, args.operator_name, args.role, new_password(args.operator_name),
                            display_name=args.display_name, by=desk_of(args))
    if args.json:
        emit_json(operator.as_json())
    say(f"Added operator {operator.name} ({operator.role})")
    return 0


def cmd_operator_list(args: argparse.Namespace) -> int:
    from wimc_desktop.services.operators import list_operators

    operators = list_operators(open_db(args))
    if args.json:
        emit_json([o.as_json() for o in operators])
        return 0
    for o in operators:
        print("\t".join((o.name, o.display_name, o.role, "disabled" if o.disabled else "active")))
    say(f"{len(operators)} operators")
    return 0


def cmd_operator_disable(args: argparse.Namespace) -> int:
    from wimc_desktop.services.operators import disable_operator

    operator = disable_operator(open_db(args), args.operator_name, by=desk_of(args))
    say(f"Disabled operator {operator.name}: they can no longer log in")
    return 0


def cmd_operator_passwd(args: argparse.Namespace) -> int:
    from wimc_desktop.services.operators import change_password

    db = open_db(args)
    desk = desk_of(args)
    # (refused before a new password is asked for)
    if desk.operator != args.operator_name and not allowed(desk.role, Permission.OPERATORS):
        raise NotPermittedError("only an admin sets another operator's password; "
                                "nothing was done")
    change_password(db, args.operator_name, new_password(args.operator_name), by=desk)
    say(f"Changed the password of {args.operator_name}")
    return 0


def add_operator_parser(sub: Any) -> None:
    """The operator commands: add, list, disable, passwd."""
    top = sub.add_parser("operator", help="the operators: who works the desks, in which role")
    cmds = top.add_subparsers(dest="operator_command", required=True)
    p = cmds.add_parser("add", help="a new operator (the password from $WIMC_NEW_PASSWORD "
                        "or typed twice)")
    p.add_argument("operator_name", metavar="NAME")
    p.add_argument("--role", required=True, choices=[r.value for r in Role])
    p.add_argument("--display-name", default="", metavar="N")
    add_desk_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_operator_add)
    p = cmds.add_parser("list", help="the operators and their roles")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_operator_list)
    p = cmds.add_parser("disable", help="an operator who may no longer log in")
    p.add_argument("operator_name", metavar="NAME")
    add_desk_options(p)
    p.set_defaults(handler=cmd_operator_disable)
    p = cmds.add_parser("passwd", help="a new password (one's own; anyone's for an admin)")
    p.add_argument("operator_name", metavar="NAME")
    add_desk_options(p)
    p.set_defaults(handler=cmd_operator_passwd)
