"""Every file the app writes: a temporary file beside it, checked, then moved over it.

`OutputFile(target, private=...)` creates a new temporary file in the target's folder
(exclusively; mode 0600 when it holds personal data, else the usual mode the user's
umask gives). The writer fills `temp`; `finish()` checks the size (and, when the
writer knows it, the exact byte count) and fsyncs it; `move()` renames it over the
target (os.replace) and fsyncs the folder (POSIX). On any failure the temporary file
is removed, the previous file of that name is untouched, and the error is a
CannotWriteError (exit 11) that names the path and the cause, classified by errno:
the disk is full, the disk is read-only, permission denied, the file is read-only.

Which files hold personal data (created 0600): the daily report (CSV, XLSX, PDF:
names, organisations, phones and e-mails, masked or not) and badge PDFs (names,
organisations, the badge code). The signing register (projects, companies, the
ceremony's public witnesses) is made with the usual permissions.

`safe_output(target, private=...)` is the plain case as a `with` block;
`publish_with` lets a caller move the file inside its own database transaction, so
that what it records (badges printed, a full-data export audited) is committed only
once the file is in place.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from wimc_desktop.domain.errors import BadInputError, CannotWriteError, Message

PRIVATE_MODE = 0o600  # the user's alone
SHARED_MODE = 0o666  # narrowed by the user's umask, as any program's files
DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}  # a quota is a full disk
NO_PERMISSION = {errno.EACCES, errno.EPERM}
CANNOT_WRITE = DISK_FULL | NO_PERMISSION | {errno.EROFS}  # the machine's, not a bug


WINDOWS_IN_USE = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION (errno EACCES)


def cause_of(exc: OSError) -> Message | str:
    """Why writing failed, by errno (never by message text); else the system's words."""
    if getattr(exc, "winerror", None) in WINDOWS_IN_USE:  # the report still open in Excel
        return Message("the file is open in another program")
    if exc.errno in DISK_FULL:
        return Message("the disk is full")
    if exc.errno == errno.EROFS:
        return Message("the disk is read-only")
    if exc.errno in NO_PERMISSION:
        return Message("permission denied")
    if exc.errno == errno.EFBIG:  # a FAT32 stick's 4 GB, or a file-size limit
        return Message("the file is larger than the disk allows")
    return exc.strerror or exc.__class__.__name__


def cannot_write(path: Path, cause: Message | str) -> CannotWriteError:
    return CannotWriteError("cannot write {path}: {cause}", path=path, cause=cause)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); Windows has no folder handle to sync.

    Best effort: the file is already in place, whole and synced; some file systems
    cannot sync a folder, and a failure here must not report a written file as lost.
    """
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass


class OutputFile:
    """A file being written: `temp` beside `target`, moved over it by `move()`.

    Use it as a context manager: leaving the block without `move()` (an error, a
    Cancel) removes the temporary file; an OSError inside becomes a CannotWriteError.
    """

    def __init__(self, target: str | os.PathLike[str], *, private: bool) -> None:
        self.target = Path(target).absolute()
        self.private = private
        self.finished = self.moved = False
        check_target(self.target)
        self.temp = self._create_temp()

    def _create_temp(self) -> Path:
        mode = PRIVATE_MODE if self.private else SHARED_MODE
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        for _ in range(100):
            temp = self.target.with_name(f".{self.target.name}.{secrets.token_hex(4)}.part")
            try:
                os.close(os.open(temp, flags, mode))
            except FileExistsError:
                continue
            except OSError as exc:
                raise cannot_write(self.target, cause_of(exc)) from exc
            return temp
        raise cannot_write(self.target, Message("no temporary file could be made beside it"))

    def write_bytes(self, data: bytes) -> None:
        """The whole file at once, every byte accounted for (a short write is an error)."""
        fd = os.open(self.temp, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_BINARY", 0))
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)

    def finish(self, expected_size: int | None = None) -> None:
        """Check the size (non-zero; exactly `expected_size` when given), then fsync."""
        size = self.temp.stat().st_size
        if expected_size is not None and size != expected_size:
            raise cannot_write(self.target, Message(
                "the file came out incomplete ({size} bytes written, {expected} expected)",
                size=size, expected=expected_size))
        if size == 0:
            raise cannot_write(self.target, Message("the file came out empty"))
        with self.temp.open("r+b") as handle:  # r+: Windows syncs only a writable handle
            os.fsync(handle.fileno())
        self.finished = True

    def move(self) -> None:
        """Put the finished file in place of the target (the previous one goes only now)."""
        check_target(self.target)  # made read-only meanwhile: still refused
        os.replace(self.temp, self.target)
        self.moved = True
        _fsync_folder(self.target.parent)

    def publish(self, expected_size: int | None = None,
                publish_with: Callable[[Callable[[], None]], object] | None = None) -> None:
        """finish() (unless done), then move() (inside `publish_with`'s transaction)."""
        if not self.finished:
            self.finish(expected_size)
        if publish_with is None:
            self.move()
            return
        publish_with(self.move)
        if not self.moved:
            raise RuntimeError(f"publish_with did not move {self.target} in place")

    def discard(self) -> None:
        if not self.moved:
            self.temp.unlink(missing_ok=True)

    def __enter__(self) -> OutputFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.discard()
        if isinstance(exc, OSError) and not self.moved:
            raise cannot_write(self._where(exc), cause_of(exc)) from exc

    def _where(self, exc: OSError) -> Path:
        """The path the error is about: the target, unless it names another file."""
        named = exc.filename
        if isinstance(named, str | os.PathLike) and Path(named).absolute() != self.temp:
            return Path(named).absolute()
        return self.target


def check_target(target: Path) -> None:
    """A folder or a missing folder is bad input; a read-only file is not overwritten."""
    if target.is_dir():
        raise BadInputError("{target}: is a folder; give a file name", target=target)
    if not target.parent.is_dir():
        raise BadInputError("{folder}: no such folder", folder=target.parent)
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise cannot_write(target, cause_of(exc)) from exc
    if not mode & stat.S_IWUSR:  # by its mode: root (or an admin) may override access()
        raise cannot_write(target, Message("the file is read-only"))


@contextmanager
def safe_output(target: str | os.PathLike[str], *, private: bool,
                publish_with: Callable[[Callable[[], None]], object] | None = None
                ) -> Iterator[Path]:
    """A temporary path beside `target`; checked and moved over it when the block succeeds."""
    with OutputFile(target, private=private) as out:
        yield out.temp
        out.publish(publish_with=publish_with)


def write_file(target: str | os.PathLike[str], data: bytes, *, private: bool,
               publish_with: Callable[[Callable[[], None]], object] | None = None) -> None:
    """`data` as the file `target`, safely (see OutputFile)."""
    with OutputFile(target, private=private) as out:
        out.write_bytes(data)
        out.publish(len(data), publish_with)
