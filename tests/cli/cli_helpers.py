"""What the command-line tests share: a command run in this process, and a new event."""

from __future__ import annotations

from pathlib import Path

import pytest

from wimc_desktop.app import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """One command through the real entry point: (exit code, stdout, stderr)."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def new_event(capsys: pytest.CaptureFixture[str], path: Path, guests_csv: str) -> str:
    """An event file (WIMC's three days) with the guests of a CSV text imported."""
    assert run(capsys, "--db", str(path), "init", "--name", "世界智能制造大会", "--start",
               "2020-11-26", "--end", "2020-11-28")[0] == 0
    source = path.with_suffix(".csv")
    source.write_text(guests_csv, encoding="utf-8")
    assert run(capsys, "--db", str(path), "import", str(source))[0] == 0
    return str(path)
