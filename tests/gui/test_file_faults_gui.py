"""The window's save paths against a file that cannot be written: the report export,
the signing register, Save PDF and a batch of badges, and a print to a PDF file.

Each must show the core's failure (translated), never a success, leave the previous
file as it was with no temporary file beside it, and log no badge print.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from pytestqt.qtbot import QtBot

from tests.faults.disks import FILLER, can_mount, fill, leftovers, small_disk
from tests.gui.conftest import ShownBox
from tests.gui.gui_helpers import TEST_DESK, add_guests
from tests.gui.test_reports_page import checked_in, open_page  # noqa: F401  (a fixture)
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.errors import CannotWriteError
from wimc_desktop.services.badges import badge_info
from wimc_desktop.services.events import get_event
from wimc_desktop.ui import badge_actions, i18n
from wimc_desktop.ui.badges_page import BadgesPage
from wimc_desktop.ui.signings_page import SigningsPage
from wimc_desktop.ui.worker import Worker

WAIT = 30_000
PREVIOUS = b"the previous good file, kept whole\n"


def read_only_target(folder: Path, name: str) -> Path:
    folder.mkdir(exist_ok=True)
    target = folder / name
    target.write_bytes(PREVIOUS)
    target.chmod(0o444)
    return target


def kept(target: Path) -> bool:
    return (target.read_bytes() == PREVIOUS
            and leftovers(target.parent, {target.name, FILLER}) == [])


@pytest.fixture
def badges_page(qtbot: QtBot, worker: Worker, event_db: Database) -> Iterator[BadgesPage]:
    add_guests(event_db, 10)
    widget = BadgesPage(worker)
    qtbot.addWidget(widget)
    widget.set_database(event_db, get_event(event_db))
    widget.set_desk(TEST_DESK)
    widget.show()
    yield widget
    qtbot.waitUntil(lambda: worker.pending == 0)


def show_card(qtbot: QtBot, page: BadgesPage, code: str) -> None:
    with qtbot.waitSignal(page.badge_shown, timeout=WAIT):
        qtbot.keyClicks(page.scan_field, code)
        qtbot.keyClick(page.scan_field, "\r")


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "pdf"])
def test_a_report_that_cannot_be_written_says_why_in_chinese(
        qtbot: QtBot, worker: Worker, checked_in: Database,  # noqa: F811
        tmp_path: Path, fmt: str, message_boxes: list[ShownBox],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.gui.gui_helpers import EVENT_DAY

    i18n.apply_language(i18n.CHINESE)
    page = open_page(qtbot, worker, checked_in, EVENT_DAY)
    panel = page.export_panel
    panel.format_combo.setCurrentIndex(panel.format_combo.findData(fmt))
    target = read_only_target(tmp_path / "out", f"report.{fmt}")
    monkeypatch.setattr(panel, "choose_path", lambda f, suggested: str(target))
    with qtbot.waitSignal(panel.export_failed, timeout=WAIT) as failed:
        panel.export_button.click()
    assert isinstance(failed.args[0], CannotWriteError)
    assert kept(target)
    assert panel.status.text() == panel.tr("The report was not exported.") != \
        "The report was not exported."  # in Chinese
    [box] = message_boxes
    assert box.info == f"无法写入 {target}：文件为只读"


@pytest.mark.skipif(not can_mount(), reason="mounting a tmpfs needs root on Linux")
def test_a_report_on_a_full_disk(qtbot: QtBot, worker: Worker,
                                 checked_in: Database, tmp_path: Path,  # noqa: F811
                                 message_boxes: list[ShownBox],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.gui.gui_helpers import EVENT_DAY

    with small_disk(tmp_path / "disk", 512) as disk:
        assert disk is not None
        target = disk / "report.pdf"
        target.write_bytes(PREVIOUS)
        fill(disk)
        page = open_page(qtbot, worker, checked_in, EVENT_DAY)
        panel = page.export_panel
        panel.format_combo.setCurrentIndex(panel.format_combo.findData("pdf"))
        monkeypatch.setattr(panel, "choose_path", lambda f, suggested: str(target))
        with qtbot.waitSignal(panel.export_failed, timeout=WAIT):
            panel.export_button.click()
        assert kept(target)
    assert [b.info for b in message_boxes] == [f"cannot write {target}: the disk is full"]
    assert not panel.status.text().startswith("Saved")


@pytest.mark.parametrize("kind", ["csv", "xlsx", "pdf"])
def test_a_signing_register_that_cannot_be_written(
        qtbot: QtBot, worker: Worker, event_db: Database, tmp_path: Path, kind: str,
        message_boxes: list[ShownBox], monkeypatch: pytest.MonkeyPatch) -> None:
    page = SigningsPage(worker)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.signings_listed, timeout=WAIT):
        page.set_database(event_db, get_event(event_db))
    target = read_only_target(tmp_path / "out", f"register.{kind}")
    monkeypatch.setattr(page, "_ask_export_path", lambda k: str(target))
    exported: list[object] = []
    page.register_exported.connect(exported.append)
    with qtbot.waitSignal(worker.task_failed, timeout=WAIT) as failed:
        page.export_buttons[kind].click()
    assert isinstance(failed.args[0], CannotWriteError)
    assert str(target) in str(failed.args[0])
    assert kept(target) and exported == [] and message_boxes == []  # no "saved"


def test_save_pdf_that_cannot_be_written_logs_no_print(
        qtbot: QtBot, worker: Worker, badges_page: BadgesPage, event_db: Database,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    show_card(qtbot, badges_page, "T-000003")
    target = read_only_target(tmp_path / "out", "badge.pdf")
    monkeypatch.setattr(badges_page, "_ask_pdf_path", lambda suggested: str(target))
    saved: list[object] = []
    badges_page.pdf_saved.connect(saved.append)
    with qtbot.waitSignal(worker.task_failed, timeout=WAIT) as failed:
        badges_page.pdf_button.click()
    assert isinstance(failed.args[0], CannotWriteError)
    assert kept(target) and saved == []
    assert badge_info(event_db, "T-000003").prints.count == 0


@pytest.mark.skipif(not can_mount(), reason="mounting a tmpfs needs root on Linux")
def test_a_batch_of_vip_badges_on_a_full_disk_logs_no_print(
        event_db: Database, tmp_path: Path) -> None:
    add_guests(event_db, 20)
    choice = badge_actions.BatchChoice("hanging", vip=True)
    with small_disk(tmp_path / "disk", 512) as disk:
        assert disk is not None
        target = disk / "vips.pdf"
        target.write_bytes(PREVIOUS)
        fill(disk)
        with pytest.raises(CannotWriteError, match="the disk is full"):
            badge_actions.batch_pdf(event_db, get_event(event_db), choice, str(target),
                                    TEST_DESK)
        assert kept(target)
    vips = badge_actions.badges.select_guests_for_badges(event_db, vip=True)
    assert vips and all(badge_info(event_db, g.badge_code).prints.count == 0 for g in vips)


def print_to_file(target: Path) -> object:
    """The preview's Print to a PDF file, as the print dialog's "print to file" does it."""
    def run(dialog: QPrintPreviewDialog) -> bool:
        dialog.printer().setOutputFileName(str(target))
        preview = dialog.findChild(QPrintPreviewWidget)
        assert preview is not None
        preview.print()  # emits paintRequested with the printer itself
        return True
    return run


def test_a_print_to_a_pdf_file_that_cannot_be_written_logs_no_print(
        qtbot: QtBot, worker: Worker, badges_page: BadgesPage, event_db: Database,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    show_card(qtbot, badges_page, "T-000004")
    target = read_only_target(tmp_path / "out", "printed.pdf")
    monkeypatch.setattr(badges_page, "_exec_print_preview", print_to_file(target))
    printed: list[object] = []
    badges_page.badge_printed.connect(printed.append)
    with qtbot.waitSignal(worker.task_failed, timeout=WAIT) as failed:
        badges_page.print_button.click()
    assert isinstance(failed.args[0], CannotWriteError)
    assert kept(target) and printed == []
    qtbot.waitUntil(lambda: worker.pending == 0)
    assert badge_info(event_db, "T-000004").prints.count == 0


def test_a_print_to_a_pdf_file_is_written_safely_and_private(
        qtbot: QtBot, worker: Worker, badges_page: BadgesPage, event_db: Database,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    show_card(qtbot, badges_page, "T-000005")
    target = tmp_path / "out" / "printed.pdf"
    target.parent.mkdir()
    target.write_bytes(PREVIOUS)
    monkeypatch.setattr(badges_page, "_exec_print_preview", print_to_file(target))
    with qtbot.waitSignal(badges_page.badge_printed, timeout=WAIT):
        badges_page.print_button.click()
    assert target.read_bytes().startswith(b"%PDF") and target.read_bytes().endswith(b"%%EOF\n")
    assert leftovers(target.parent, {target.name}) == []
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert badge_info(event_db, "T-000005").prints.count == 1
