"""Every file the app writes, against a full disk, a read-only disk and a read-only file.

Each export of the command line (the daily report as CSV, XLSX and PDF, with and without
full personal data; the signing register as CSV, XLSX and PDF; badge PDFs by code, by
category, all, not yet printed) must, on a fault: exit 11 with "cannot write PATH: the
cause", never say "Wrote", leave the previous file's bytes as they were and no temporary
file beside it, and record nothing (no badge print, no audit row of a full export).
The full and the read-only disk are real tmpfs mounts (tests/faults/disks.py).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.faults.disks import FILLER, can_mount, fill, leftovers, make_read_only, small_disk
from wimc_desktop.app import main
from wimc_desktop.db.schema import AuditRow, BadgePrintRow
from wimc_desktop.services.events import open_event_database
from wimc_desktop.services.importing import import_records
from wimc_desktop.services.report_exports import AUDIT_ACTION

pytestmark = pytest.mark.usefixtures("qapp")  # the PDFs are painted with QtGui
DAY = "2020-11-26"
PREVIOUS = b"the previous good file, kept whole\n"
EXPORTS = {  # file name: the command that writes it (--out FILE follows)
    "report.csv": ["report", "--day", DAY, "--format", "csv"],
    "report.xlsx": ["report", "--day", DAY, "--format", "xlsx"],
    "report.pdf": ["report", "--day", DAY, "--format", "pdf"],
    "report-full.csv": ["report", "--day", DAY, "--format", "csv", "--full-pii"],
    "report-full.xlsx": ["report", "--day", DAY, "--format", "xlsx", "--full-pii"],
    "report-full.pdf": ["report", "--day", DAY, "--format", "pdf", "--full-pii"],
    "signings.csv": ["signing", "export", "--format", "csv"],
    "signings.xlsx": ["signing", "export", "--format", "xlsx"],
    "signings.pdf": ["signing", "export", "--format", "pdf"],
    "badges-codes.pdf": ["badge", "pdf", "W-001", "W-003"],
    "badges-category.pdf": ["badge", "pdf", "--category", "academician"],
    "badges-all.pdf": ["badge", "pdf", "--all"],
    "badges-not-printed.pdf": ["badge", "pdf", "--not-printed"],
    "badges-card.pdf": ["badge", "pdf", "--all", "--template", "card"],
}
SHARED = {"signings.csv", "signings.xlsx", "signings.pdf"}  # no guest data: usual mode
needs_mount = pytest.mark.skipif(not can_mount(), reason="mounting a tmpfs needs root on Linux")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str],
       monkeypatch: pytest.MonkeyPatch) -> str:
    """An event with four guests, two of them checked in on DAY, and one signing."""
    monkeypatch.setenv("WIMC_DESK", "Desk 3")
    monkeypatch.setenv("WIMC_OPERATOR", "王芳")
    path = str(tmp_path / "event.wimc")
    assert run(capsys, "--db", path, "init", "--name", "世界智能制造大会", "--start",
               "2020-11-26", "--end", "2020-11-28")[0] == 0
    event = open_event_database(path)
    import_records(event, [
        {"name": "单田芳", "organization": "南京大学", "badge_code": "W-001",
         "category": "academician", "mobile": "13812345678"},
        {"name": "阿卜杜拉·买买提", "organization": "新疆大学", "badge_code": "W-002",
         "category": "academician"},
        {"name": "Jürgen Müller", "organization": "Fraunhofer IPA", "badge_code": "W-003",
         "category": "expert", "email": "jm@example.org"},
        {"name": "金文方", "organization": "东南大学", "badge_code": "W-004",
         "category": "visitor"},
    ], source="test")
    event.dispose()
    for code in ("W-001", "W-003"):
        assert run(capsys, "--db", path, "checkin", code, "--day", DAY)[0] == 0
    assert run(capsys, "--db", path, "signing", "add", "--project", "智能工厂项目",
               "--party", "南京市人民政府", "--party", "某智能制造公司", "--amount", "5.2亿",
               "--signed-at", "2020-11-28T15:00:00+08:00")[0] == 0
    return path


def recorded(db: str) -> tuple[int, int]:
    """(badge prints logged, full exports audited)."""
    event = open_event_database(db)
    try:
        with event.read() as session:
            prints = session.scalar(select(func.count()).select_from(BadgePrintRow))
            audits = session.scalar(select(func.count()).select_from(AuditRow).where(
                AuditRow.action == AUDIT_ACTION))
        return int(prints or 0), int(audits or 0)
    finally:
        event.dispose()


def expect_refused(capsys: pytest.CaptureFixture[str], db: str, name: str, target: Path,
                   cause: str) -> None:
    """The export of `name` to `target` fails cleanly: exit 11, the path and the cause
    named, the previous file as it was, no temporary file, nothing recorded."""
    before = recorded(db)
    code, out, err = run(capsys, "--db", db, *EXPORTS[name], "--out", str(target))
    assert code == 11, err
    assert f"cannot write {target}: {cause}" in err
    assert "Wrote" not in err and "Traceback" not in err and out == ""
    assert target.read_bytes() == PREVIOUS
    assert leftovers(target.parent, {target.name, FILLER}) == []
    assert recorded(db) == before


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path / "disk", 1024) as disk:
        if disk is None:
            pytest.skip("no tmpfs could be mounted")
        yield disk


@needs_mount
@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_a_full_disk_keeps_the_previous_file(name: str, db: str, full_disk: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    target = full_disk / name
    target.write_bytes(PREVIOUS)
    assert fill(full_disk) > 0
    expect_refused(capsys, db, name, target, "the disk is full")


@needs_mount
@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_a_read_only_disk_keeps_the_previous_file(name: str, db: str, full_disk: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    target = full_disk / name
    target.write_bytes(PREVIOUS)
    cause = make_read_only(full_disk)
    expect_refused(capsys, db, name, target, cause)


@pytest.mark.skipif(os.name != "posix" or (hasattr(os, "geteuid") and os.geteuid() == 0),
                    reason="a folder of mode 0555 stops only a user who is not root")
@pytest.mark.parametrize("name", ["report.csv", "signings.xlsx", "badges-all.pdf"])
def test_a_folder_without_write_permission(name: str, db: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / name
    target.write_bytes(PREVIOUS)
    folder.chmod(0o555)
    try:
        expect_refused(capsys, db, name, target, "permission denied")
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_a_read_only_file_is_not_overwritten(name: str, db: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / name
    target.write_bytes(PREVIOUS)
    target.chmod(0o444)
    expect_refused(capsys, db, name, target, "the file is read-only")


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_personal_data_is_the_users_alone(name: str, db: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / name
    target.parent.mkdir()
    target.write_bytes(PREVIOUS)
    target.chmod(0o644)  # an earlier file readable by all is replaced by a private one
    before = recorded(db)
    code, _, err = run(capsys, "--db", db, *EXPORTS[name], "--out", str(target))
    assert code == 0, err
    assert "Wrote" in err and target.read_bytes() != PREVIOUS and target.stat().st_size > 0
    assert leftovers(target.parent, {name}) == []
    prints, audits = recorded(db)
    assert prints > before[0] if name.startswith("badges") else prints == before[0]
    assert audits == before[1] + (1 if "full" in name else 0)
    if os.name == "posix":
        umask = os.umask(0o022)
        os.umask(umask)
        mode = stat.S_IMODE(target.stat().st_mode)
        assert mode == (0o666 & ~umask if name in SHARED else 0o600), oct(mode)


@needs_mount
def test_a_full_temporary_folder_is_named_and_the_report_kept(
        db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The report's XLSX streams its lists through row files in the system's temporary
    folder (xlsxwriter constant_memory): that folder full is a cannot-write too."""
    import gc
    import tempfile

    target = tmp_path / "out" / "report.xlsx"
    target.parent.mkdir()
    target.write_bytes(PREVIOUS)
    with small_disk(tmp_path / "tmp", 256) as disk:
        assert disk is not None
        fill(disk)
        monkeypatch.setattr(tempfile, "tempdir", str(disk))  # the documented override
        code, out, err = run(capsys, "--db", db, *EXPORTS["report.xlsx"], "--out", str(target))
        monkeypatch.undo()
        assert code == 11, err
        assert f"cannot write {disk}" in err and "the disk is full" in err
        assert "Wrote" not in err and "Traceback" not in err and out == ""
        assert leftovers(disk, {FILLER}) == []
    assert target.read_bytes() == PREVIOUS and leftovers(target.parent, {target.name}) == []
    gc.collect()  # what xlsxwriter left behind finishes now: an error there fails this test


def test_a_wrapped_write_error_of_xlsxwriter_is_given_back() -> None:
    import errno

    from xlsxwriter.exceptions import FileCreateError

    from wimc_desktop.services.exports import close_workbook

    class Book:  # a test double: xlsxwriter's close() on a disk that filled up
        def close(self) -> None:
            raise FileCreateError(OSError(errno.ENOSPC, "No space left on device"))

    with pytest.raises(OSError) as raised:
        close_workbook(Book())
    assert raised.value.errno == errno.ENOSPC
