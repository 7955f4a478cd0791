"""services.safe_file on its own: the checks, the clean-up and the causes, by errno.

The real faults (a full and a read-only tmpfs) are in test_file_faults.py; here the
writer is a test double that fails the way writers do (short output, an error of the
system, a transaction that refuses the move), and a child process whose file-size limit
makes the kernel itself refuse the write (POSIX, no root needed).
"""

from __future__ import annotations

import errno
import re
import subprocess
import sys
from pathlib import Path

import pytest

from wimc_desktop.domain.errors import BadInputError, CannotWriteError, Message
from wimc_desktop.services.safe_file import OutputFile, cause_of, safe_output, write_file

PREVIOUS = b"the previous good file\n"


def only(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "out.pdf"
    path.write_bytes(PREVIOUS)
    return path


@pytest.mark.parametrize(("code", "cause"), [
    (errno.ENOSPC, "the disk is full"), (errno.EROFS, "the disk is read-only"),
    (errno.EACCES, "permission denied"), (errno.EPERM, "permission denied"),
    (errno.EFBIG, "the file is larger than the disk allows"),
    *([(errno.EDQUOT, "the disk is full")] if hasattr(errno, "EDQUOT") else []),
])
def test_causes_are_told_by_errno_not_by_text(code: int, cause: str) -> None:
    found = cause_of(OSError(code, "words of some other language"))
    assert isinstance(found, Message) and str(found) == cause
    assert cause_of(OSError(errno.EIO, "Input/output error")) == "Input/output error"


def test_a_file_held_open_on_windows_is_told_apart_from_a_permission() -> None:
    held = PermissionError(errno.EACCES, "The process cannot access the file")
    held.winerror = 32  # what Windows sets when Excel still has the report open
    assert str(cause_of(held)) == "the file is open in another program"
    assert str(cause_of(PermissionError(errno.EACCES, "Access is denied"))) == \
        "permission denied"


def test_an_error_while_writing_keeps_the_previous_file(target: Path) -> None:
    with pytest.raises(CannotWriteError) as raised, safe_output(target, private=True) as temp:
        temp.write_bytes(b"half a fi")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert str(raised.value) == f"cannot write {target}: the disk is full"
    assert raised.value.exit_code == 11
    assert target.read_bytes() == PREVIOUS and only(target.parent) == ["out.pdf"]


def test_an_error_about_another_file_names_that_file(target: Path, tmp_path: Path) -> None:
    scratch = tmp_path / "scratch.bin"
    expected = re.escape(f"cannot write {scratch}: the disk is full")
    with pytest.raises(CannotWriteError, match=expected), safe_output(target, private=True):
        raise OSError(errno.ENOSPC, "No space left on device", str(scratch))
    assert target.read_bytes() == PREVIOUS


def test_a_short_or_empty_file_is_never_moved_in_place(target: Path) -> None:
    expected = re.escape("incomplete (3 bytes written, 10 expected)")
    with pytest.raises(CannotWriteError, match=expected), OutputFile(target, private=True) as out:
        out.temp.write_bytes(b"abc")  # a writer that stopped early without an error
        out.publish(10)
    with pytest.raises(CannotWriteError, match="came out empty"), \
            safe_output(target, private=False):
        pass  # a writer that wrote nothing
    assert target.read_bytes() == PREVIOUS and only(target.parent) == ["out.pdf"]


def test_a_refused_transaction_keeps_the_file_and_a_failed_move_the_records(
        target: Path) -> None:
    def refuse(move: object) -> None:  # e.g. a reprint without a reason
        raise BadInputError("give a reason")

    with pytest.raises(BadInputError):
        write_file(target, b"%PDF-new", private=True, publish_with=refuse)
    assert target.read_bytes() == PREVIOUS and only(target.parent) == ["out.pdf"]

    committed: list[str] = []

    def record(move: object) -> None:  # what record_prints does: rows in, move, commit
        assert callable(move)
        move()
        committed.append("prints")

    def record_after_a_change(move: object) -> None:
        target.chmod(0o444)  # made read-only while the file was being painted
        record(move)

    with pytest.raises(CannotWriteError, match="the file is read-only"):
        write_file(target, b"%PDF-new", private=True, publish_with=record_after_a_change)
    assert committed == [] and target.read_bytes() == PREVIOUS
    assert only(target.parent) == ["out.pdf"]
    target.chmod(0o644)
    write_file(target, b"%PDF-new", private=True, publish_with=record)
    assert committed == ["prints"] and target.read_bytes() == b"%PDF-new"


def test_a_transaction_that_forgets_the_move_is_a_bug(target: Path) -> None:
    with pytest.raises(RuntimeError, match="did not move"):
        write_file(target, b"%PDF-new", private=True, publish_with=lambda move: None)
    assert target.read_bytes() == PREVIOUS and only(target.parent) == ["out.pdf"]


def test_folders_are_bad_input(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="is a folder"):
        OutputFile(tmp_path, private=True)
    with pytest.raises(BadInputError, match="no such folder"):
        OutputFile(tmp_path / "missing" / "x.csv", private=True)


CHILD = """
import resource, signal, sys
from wimc_desktop.services.safe_file import write_file
from wimc_desktop.domain.errors import CannotWriteError
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead
resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))
try:
    write_file(sys.argv[1], b"x" * 200_000, private=True)
except CannotWriteError as exc:
    print(exc)
    sys.exit(exc.exit_code)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="file-size limits are POSIX")
def test_the_kernel_refusing_a_write_keeps_the_previous_file(target: Path) -> None:
    pytest.importorskip("resource")
    repo = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", CHILD, str(target)], cwd=repo,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 11, done.stderr
    assert done.stdout.strip() == f"cannot write {target}: the file is larger than the disk allows"
    assert target.read_bytes() == PREVIOUS and only(target.parent) == ["out.pdf"]
