"""The parser and the dispatch: which command a command line names, and how it exits.

The commands (see cli.common for the contract of them all) live one group a module:
cli.events, cli.guests, cli.checkin, cli.badges, cli.signings, cli.reports, cli.sync.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from wimc_desktop.cli.audit import add_audit_parser
from wimc_desktop.cli.badges import add_badge_parser
from wimc_desktop.cli.checkin import add_checkin_parsers
from wimc_desktop.cli.common import known_failure, refused, say
from wimc_desktop.cli.events import add_event_parsers
from wimc_desktop.cli.guests import add_guest_parsers
from wimc_desktop.cli.operators import add_operator_parser
from wimc_desktop.cli.permissions import authorize
from wimc_desktop.cli.privacy import add_privacy_parser
from wimc_desktop.cli.reports import add_report_parser
from wimc_desktop.cli.signings import add_signing_parser
from wimc_desktop.cli.sync import add_sync_parsers
from wimc_desktop.domain.errors import BadInputError, DeskError
from wimc_desktop.paths import default_db_target

Handler = Callable[[argparse.Namespace], int]
COMMANDS = ("init", "demo", "import", "guests", "search", "edit-guest", "checkin",
            "undo-checkin", "walkin", "badge", "signing", "report", "operator", "audit",
            "purge-personal-data", "join", "sync", "status", "conflicts")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wimc-desk", description="WIMC Desk, headless.",
        epilog="exit codes: 0 done, 2 bad input or usage, 3 already checked in, 4 not found, "
               "5 revoked, 6 not an event day, 7 database server unreachable, 8 not "
               "permitted (operator, password or role; nothing done), 9 audit log changed "
               "outside the app, 10 database busy (safe to retry), 11 cannot write (disk "
               "full, read-only, permission); 1 only for bugs.")
    parser.add_argument("--db", default=None, help="event file (.wimc) or database URL "
                        "(default: $WIMC_DB or the app's event file)")
    sub = parser.add_subparsers(dest="command", required=True)
    add_event_parsers(sub)
    add_guest_parsers(sub)
    add_checkin_parsers(sub)
    add_badge_parser(sub)
    add_signing_parser(sub)
    add_report_parser(sub)
    add_operator_parser(sub)
    add_audit_parser(sub)
    add_privacy_parser(sub)
    add_sync_parsers(sub)
    for path, command in leaf_parsers(parser):
        command.set_defaults(command_path=path)
        if "--operator" not in command._option_string_actions:
            command.add_argument("--operator", default=None,
                                 help="operator name, once the event has operators "
                                 "(default: $WIMC_OPERATOR); the password from "
                                 "$WIMC_PASSWORD or a prompt")
    return parser


def leaf_parsers(parser: argparse.ArgumentParser,
                 prefix: str = "") -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Each command's own parser with its words ("report", "badge pdf")."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                path = f"{prefix} {name}".strip()
                if any(isinstance(a, argparse._SubParsersAction) for a in sub._actions):
                    yield from leaf_parsers(sub, path)
                else:
                    yield path, sub


def command_word(argv: Sequence[str]) -> str | None:
    """The command a command line names (the first word that is not --db or its value),
    or None when it names none."""
    items = iter(argv)
    for arg in items:
        if arg == "--db":
            next(items, None)
        elif not arg.startswith("-"):
            return arg
    return None


def _unknown_command(parser: argparse.ArgumentParser, word: str) -> int:
    parser.print_usage(sys.stderr)
    close = difflib.get_close_matches(word, COMMANDS, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    say(f"wimc-desk: unknown command {word!r}{hint}. The commands are: {', '.join(COMMANDS)} "
        "(wimc-desk COMMAND --help tells more).")
    return 2


def _option_names(parser: argparse.ArgumentParser) -> dict[str, str]:
    """Each argument's name as the user types it (--name, or CODE), by its dest."""
    names: dict[str, str] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                for dest, name in _option_names(sub).items():
                    names.setdefault(dest, name)
        elif action.option_strings:
            names.setdefault(action.dest, max(action.option_strings, key=len))
        else:
            metavar = action.metavar if isinstance(action.metavar, str) else None
            names.setdefault(action.dest, metavar or action.dest.upper())
    return names


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def refuse_undecodable(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Arguments that were not valid UTF-8 (Python keeps the bytes as lone surrogates)
    are a usage error that names the argument: no database or file would take them."""
    names = _option_names(parser)
    for dest, value in vars(args).items():
        for text in _texts(value):
            if any("\udc80" <= char <= "\udcff" for char in text):
                shown = text.encode("utf-8", "surrogateescape").decode("utf-8",
                                                                       "backslashreplace")
                raise BadInputError("the argument {argument} is not valid text: it holds "
                                    "bytes that are not UTF-8 ({value}); nothing was done. "
                                    "Type it again in UTF-8 (a file's name: rename the "
                                    "file).",
                                    argument=names.get(dest, dest), value=shown)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; known failures print a clear message and their exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    word = command_word(argv)
    if word is not None and word not in COMMANDS:
        return _unknown_command(parser, word)
    args = parser.parse_args(argv)
    args.db = args.db or default_db_target()
    handler: Handler = args.handler
    try:
        refuse_undecodable(parser, args)
        authorize(args)
        return handler(args)
    except DeskError as exc:
        return refused(args, exc)
    except BrokenPipeError:  # the reader (head, less) went away: not an error of ours
        sys.stderr.close()
        return 0
    except Exception as exc:
        known = known_failure(exc, str(args.db))
        if known is None:
            raise  # a bug: its traceback, and exit 1
        return refused(args, known)
    finally:
        # Opened once (by the login or the command): a server's connections are closed
        # here, not left to the collector.
        opened = getattr(args, "opened_db", None)
        if opened is not None:
            opened.dispose()
