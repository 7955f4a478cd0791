"""The import wizard after a bad file, with badge code conflicts, and when only the index
step fails: driven through its pages on the worker, in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from tests.gui.gui_helpers import TEST_DESK
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.badges import BadgeStatus
from wimc_desktop.services.badges import badge_info
from wimc_desktop.services.guests import count_guests, list_guests
from wimc_desktop.services.importing import import_file
from wimc_desktop.ui import i18n
from wimc_desktop.ui.import_wizard import ImportWizard
from wimc_desktop.ui.worker import Worker

SLOW = 60_000


@pytest.fixture
def chinese() -> Iterator[None]:
    i18n.apply_language(i18n.CHINESE)
    yield
    i18n.apply_language(i18n.ENGLISH)


def open_wizard(qtbot: QtBot, worker: Worker, db: Database, path: Path) -> ImportWizard:
    wizard = ImportWizard(worker, db)
    qtbot.addWidget(wizard)
    wizard.set_file(str(path))
    wizard.show()
    return wizard


def facts(wizard: ImportWizard) -> dict[str, object]:
    page = wizard.preview_page
    return {"file": page.file_value.text(), "encoding": page.encoding_combo.itemText(0),
            "header": page.header_value.text(), "rows": page.rows_value.text(),
            "sample": page.sample_model.rowCount(),
            "mapping": page.mapping_editor.mapping(),
            "sample shown": page.sample_view.isVisibleTo(wizard),
            "mapping shown": page.mapping_editor.isVisibleTo(wizard)}


@pytest.mark.usefixtures("chinese")
def test_a_damaged_or_empty_file_after_a_good_one_shows_nothing_of_it(
        qtbot: QtBot, worker: Worker, event_db: Database, tmp_path: Path) -> None:
    good = tmp_path / "名单.csv"
    good.write_text("姓名,工作单位\n张三,东南大学\n李四,河海大学\n", encoding="gb18030")
    damaged = tmp_path / "坏的.xlsx"
    damaged.write_bytes(b"PK\x03\x04 this is no zip archive at all")
    empty = tmp_path / "空的.csv"
    empty.write_bytes(b"")
    wizard = open_wizard(qtbot, worker, event_db, good)
    page = wizard.preview_page
    with qtbot.waitSignal(page.preview_loaded, timeout=SLOW):
        wizard.next()
    assert facts(wizard)["rows"] == "2" and facts(wizard)["sample"] == 2
    for bad, words in ((damaged, "不是可以读取的 Excel 工作簿"), (empty, "文件是空的")):
        wizard.back()
        wizard.set_file(str(bad))
        with qtbot.waitSignal(page.preview_failed, timeout=SLOW):
            wizard.next()
        shown = facts(wizard)
        assert shown == {"file": bad.name, "encoding": "自动", "header": "—", "rows": "—",
                         "sample": 0, "mapping": {}, "sample shown": False,
                         "mapping shown": False}, bad.name
        status = page.status.text()
        assert words in status and bad.name in status
        assert ("乱码" in page.subTitle()) == (bad.suffix == ".csv")  # (a workbook: no encoding)
        assert page.status.geometry().bottom() < page.height() // 3  # (under the file's name)
        assert "zip" not in status.lower() and "calamine" not in status.lower()
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def _lists(tmp_path: Path) -> tuple[Path, Path]:
    first = tmp_path / "first.csv"
    first.write_text("姓名,邮箱,胸卡号\n" + "".join(
        f"嘉宾{n},g{n}@seu.edu.cn,X-00000{n}\n" for n in range(1, 7)), encoding="utf-8")
    second = tmp_path / "second.csv"
    second.write_text("姓名,邮箱,胸卡号\n" + "".join(
        f"嘉宾{n},g{n}@seu.edu.cn,WIMC20-00000{n}\n" for n in (4, 5, 6)), encoding="utf-8")
    return first, second


def test_badge_code_conflicts_are_replaced_only_when_ticked(
        qtbot: QtBot, worker: Worker, event_db: Database, tmp_path: Path) -> None:
    first, second = _lists(tmp_path)
    import_file(event_db, first)
    wizard = open_wizard(qtbot, worker, event_db, second)
    with qtbot.waitSignal(wizard.preview_page.preview_loaded, timeout=SLOW):
        wizard.next()
    check = wizard.check_page
    with qtbot.waitSignal(check.problems_found, timeout=SLOW) as found:
        wizard.next()
    assert [p.code for p in found.args[0]] == ["badge_code_conflict"] * 3
    box = check.replace_codes_box
    assert box.isVisibleTo(wizard) and not box.isChecked()
    assert "3 guests" in box.text()
    assert "X-000004" in check.problems.model.cell(0, 3)
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    with qtbot.waitSignal(check.dry_run_passed, timeout=SLOW) as passed:
        box.click()
    assert passed.args[0].badge_codes_replaced == 3
    assert "Badge codes replaced: 3" in check.summary.text()
    assert box.isVisibleTo(wizard) and box.isChecked()
    assert {g.badge_code for g in list_guests(event_db)} == {f"X-00000{n}" for n in range(1, 7)}
    with qtbot.waitSignal(wizard.guests_imported, timeout=SLOW) as done:
        wizard.next()
    assert (done.args[0].updated, done.args[0].badge_codes_replaced) == (3, 3)
    assert badge_info(event_db, "X-000004").status is BadgeStatus.REVOKED
    assert badge_info(event_db, "X-000004").replaced_by == "WIMC20-000004"
    revocation = badge_info(event_db, "X-000004").revocation
    assert revocation is not None
    assert (revocation.desk, revocation.operator) == (TEST_DESK.name, TEST_DESK.operator)
    # Unticked again, the conflicts are problems once more.
    wizard.restart()
    third = tmp_path / "third.csv"
    third.write_text("姓名,邮箱,胸卡号\n嘉宾1,g1@seu.edu.cn,NEW-000001\n", encoding="utf-8")
    wizard.set_file(str(third))
    with qtbot.waitSignal(wizard.preview_page.preview_loaded, timeout=SLOW):
        wizard.next()
    with qtbot.waitSignal(check.problems_found, timeout=SLOW):
        wizard.next()
    assert not check.replace_codes_box.isChecked() and "(1 guest gets" in box.text()


def test_guests_saved_without_their_index_are_said_to_be_saved(
        qtbot: QtBot, worker: Worker, event_db: Database, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from wimc_desktop.services import importing

    def full(_session: object, _written: object = ()) -> None:
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
        raise error
    path = tmp_path / "list.csv"
    path.write_text("姓名\n张三\n李四\n", encoding="utf-8")
    wizard = open_wizard(qtbot, worker, event_db, path)
    with qtbot.waitSignal(wizard.preview_page.preview_loaded, timeout=SLOW):
        wizard.next()
    with qtbot.waitSignal(wizard.check_page.dry_run_passed, timeout=SLOW):
        wizard.next()
    monkeypatch.setattr(importing, "index_import", full)
    with qtbot.waitSignal(wizard.guests_imported, timeout=SLOW) as done:
        wizard.next()
    assert done.args[0].added == 2 and count_guests(event_db) == 2
    summary = wizard.run_page.summary.text()
    assert "Done. The guest list is imported." in summary
    assert "the 2 guests of list.csv were saved" in summary
    assert "rebuilt the next time the event is opened" in summary
