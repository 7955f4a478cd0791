"""Fault fixtures: event files with guests, another process holding a lock, read-only
files and folders, and the command line run in-process or as a real process."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import POSTGRES_URL, reset_postgres
from wimc_desktop.app import main
from wimc_desktop.services.events import create_event
from wimc_desktop.services.importing import import_file

ROOT = Path(__file__).resolve().parents[2]
DAY = "2020-11-26"
# The busy timeout of the desk under test: short, so a lock held "too long" costs the
# test a fraction of a second instead of the desk's 5 s (WIMC_BUSY_TIMEOUT_MS).
SHORT_BUSY_MS = "300"
GUESTS = [("张伟", "F-001"), ("李娜", "F-002"), ("王芳", "F-003"), ("刘洋", "F-004")]


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> Ran:
    """The command line in this process (as the CLI tests run it)."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return Ran(code, out, err)


def run_process(*args: str | bytes, env: dict[str, str] | None = None,
                timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """The command line as a real process (main.py, no bootstrap): argv as bytes allowed."""
    full_env = {**os.environ, "WIMC_NO_BOOTSTRAP": "1", **(env or {})}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                          env=full_env, capture_output=True, timeout=timeout, check=False)


def guest_csv(folder: Path, guests: list[tuple[str, str]] = GUESTS) -> Path:
    path = folder / "guests.csv"
    path.write_text("姓名,胸卡号\n" + "".join(f"{n},{c}\n" for n, c in guests),
                    encoding="utf-8")
    return path


def make_event(target: str, folder: Path) -> str:
    """A new event (26-28 Nov 2020) with the four guests of GUESTS, closed again (a file
    is left with no -wal or -shm file beside it, as a desk that ended leaves it)."""
    db = create_event(target, name_zh="故障测试", start=dt.date.fromisoformat(DAY),
                      end=dt.date(2020, 11, 28))
    try:
        assert import_file(db, guest_csv(folder)).added == len(GUESTS)
    finally:
        db.dispose()
    return target


@pytest.fixture
def event_file(tmp_path: Path) -> str:
    folder = tmp_path / "event"
    folder.mkdir()
    return make_event(str(folder / "event.wimc"), tmp_path)


@pytest.fixture
def postgres_event(tmp_path: Path) -> str:
    if not POSTGRES_URL:
        pytest.skip("WIMC_TEST_POSTGRES_URL is not set")
    reset_postgres(POSTGRES_URL)
    return make_event(POSTGRES_URL, tmp_path)


@pytest.fixture
def short_busy(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("WIMC_BUSY_TIMEOUT_MS", SHORT_BUSY_MS)
    return SHORT_BUSY_MS


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
if sys.argv[2] == "exclusive":  # no other connection may even read
    conn.execute("PRAGMA locking_mode=EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
else:  # another writer, as a second desk in the middle of a long write
    conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
conn.close()
"""


@contextlib.contextmanager
def lock_held(path: str, mode: str = "immediate") -> Iterator[None]:
    """Another process holding a SQLite lock on path until the block ends."""
    with subprocess.Popen([sys.executable, "-c", HOLDER, path, mode], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as holder:
        assert holder.stdin is not None and holder.stdout is not None
        try:
            assert holder.stdout.readline().strip() == "held"
            yield
        finally:
            holder.stdin.close()  # (the holder reads the end of its input: it lets go)
            holder.wait(timeout=30)


def file_state(folder: Path) -> dict[str, str]:
    """Every file of a folder and the hash of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def _chattr(flag: str, path: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    done = subprocess.run(["chattr", flag, str(path)], capture_output=True, check=False)
    return done.returncode == 0


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """path (a file or a folder) read-only for this process until the block ends: by its
    mode bits, or as root (whom they do not stop) by the immutable attribute."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if not _chattr("+i", path):
        pytest.skip("running as root and chattr +i is not available here")
    try:
        yield
    finally:
        _chattr("-i", path)
