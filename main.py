"""WIMC Desk launcher: `python3 main.py` opens the window, `python3 main.py ARGS` runs the CLI."""

import sys

from wimc_desktop.bootstrap import reexec_in_venv


def _run() -> int:
    reexec_in_venv(sys.argv)
    from wimc_desktop.app import main

    return main()


if __name__ == "__main__":
    raise SystemExit(_run())
