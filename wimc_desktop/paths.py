"""Where the app keeps its files: the default event database (stdlib only)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DEFAULT_FILE_NAME = "event.wimc"
DEMO_GUESTS = 5000  # the demo event's guests, in the real proportions


def data_dir() -> Path:
    """The per-user data folder of the app on this platform."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        return base / "WIMC Desk"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "WIMC Desk"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "wimc-desk"


def default_db_path() -> Path:
    """The event file used when none is named: $WIMC_DB, else event.wimc in data_dir()."""
    env = os.environ.get("WIMC_DB")
    return Path(env).expanduser() if env else data_dir() / DEFAULT_FILE_NAME


def default_db_target() -> str:
    """$WIMC_DB as given (a path or a URL), else the default file's path."""
    return os.environ.get("WIMC_DB") or str(default_db_path())


def needs_demo(target: str) -> bool:
    """A default target that is a file not created yet gets the demo event."""
    return "://" not in target and not Path(target).expanduser().exists()
