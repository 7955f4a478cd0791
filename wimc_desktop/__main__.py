"""`python -m wimc_desktop`: the same as `python3 main.py` (sets up .venv on first use)."""

import sys

from wimc_desktop.bootstrap import reexec_in_venv


def _run() -> int:
    reexec_in_venv(["-m", "wimc_desktop", *sys.argv[1:]])
    from wimc_desktop.app import main

    return main()


if __name__ == "__main__":
    raise SystemExit(_run())
