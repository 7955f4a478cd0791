"""Real faulty folders for the fault tests: a full disk and a read-only disk (tmpfs).

Mounting needs root on Linux (and a container that allows it); where it cannot be
done, `small_disk` returns None and the tests that need it skip, naming why. A
read-only folder without a mount is a folder of mode 0555, which only stops a user
who is not root.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

FILLER = "filler.bin"


def _run(*args: str) -> bool:
    try:
        return subprocess.run(args, capture_output=True, check=False, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def can_mount() -> bool:
    return sys.platform.startswith("linux") and os.geteuid() == 0


@contextmanager
def small_disk(folder: Path, size_kb: int = 1024) -> Iterator[Path | None]:
    """A tmpfs of `size_kb` KiB mounted on `folder` (None where it cannot be mounted)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not can_mount() or not _run("mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755",
                                   "tmpfs", str(folder)):
        yield None
        return
    try:
        yield folder
    finally:
        if not _run("umount", str(folder)):
            _run("umount", "-l", str(folder))


def fill(folder: Path) -> int:
    """Fill the disk of `folder` to the last byte; returns the bytes the filler took."""
    written = 0
    block = b"\0" * 65536
    with (folder / FILLER).open("wb", buffering=0) as out:
        while block:
            try:
                written += out.write(block)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                block = block[:len(block) // 2]  # the last pages, ever smaller
    return written


def make_read_only(folder: Path) -> str:
    """Make a mounted `folder` read-only (a remount); returns the cause expected."""
    if not _run("mount", "-o", "remount,ro", str(folder)):
        raise OSError(f"could not remount {folder} read-only")
    return "the disk is read-only"


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    """Files in `folder` other than `keep` (a temporary file left behind)."""
    with suppress(FileNotFoundError):
        return sorted(p.name for p in folder.iterdir() if p.name not in keep)
    return []
