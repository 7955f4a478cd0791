"""`python -m wimc_desktop.cli COMMAND ...`: the commands alone (never the window)."""

from wimc_desktop.cli.dispatch import main

if __name__ == "__main__":
    raise SystemExit(main())
