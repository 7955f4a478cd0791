"""WIMC Desk launcher: `python3 main.py` opens the window, `python3 main.py ARGS` runs the CLI."""

import sys

from wimc_desktop.bootstrap import reexec_in_venv
from wimc_desktop.paths import default_db_target, needs_demo


def _run() -> int:
    # The window on the default event file builds the demo there first: one more step
    # for the first run's numbered lines (stdlib only until the venv exists).
    demo_ahead = not sys.argv[1:] and needs_demo(default_db_target())
    reexec_in_venv(sys.argv, later_steps=int(demo_ahead))
    from wimc_desktop.app import main

    return main()


if __name__ == "__main__":
    raise SystemExit(_run())
