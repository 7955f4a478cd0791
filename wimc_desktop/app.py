"""The one entry point: a command runs headless, no command opens the window."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def _only_db_option(argv: list[str]) -> bool:
    """Whether the arguments are none, or only --db PATH (the window's one option)."""
    return (not argv or (len(argv) == 2 and argv[0] == "--db")
            or (len(argv) == 1 and argv[0].startswith("--db=")))


def _gui_target(argv: list[str]) -> str | None:
    """The event a window-opening command line names (see _only_db_option), if any."""
    if not argv:
        return None
    return argv[1] if len(argv) == 2 else argv[0].split("=", 1)[1]


def main(argv: Sequence[str] | None = None) -> int:
    """`wimc-desk`, `python main.py` and `python -m wimc_desktop` all land here."""
    args = list(sys.argv[1:] if argv is None else argv)
    # The window only for no arguments but --db: anything else (a mistyped command, an
    # option) is a command line, answered at once, never a window that a script waits on.
    if not _only_db_option(args):
        from wimc_desktop.cli.dispatch import main as run_command

        return run_command(args)
    if not _has_screen():
        print("wimc-desk: no screen to open the window on (no DISPLAY or WAYLAND_DISPLAY). "
              "Run it on a desktop, under 'xvfb-run -a python3 main.py', or give a command "
              "(python3 main.py --help).", file=sys.stderr)
        return 2
    from wimc_desktop.ui.application import run

    return run(_gui_target(args), [sys.argv[0], *args])


def _has_screen() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
