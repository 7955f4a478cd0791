"""The import wizard end to end: preview, dry run, import, problems, cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from tests.gui.gui_helpers import write_big_csv
from wimc_desktop.db.engine import Database
from wimc_desktop.services.guests import count_guests
from wimc_desktop.ui.import_wizard import ImportWizard
from wimc_desktop.ui.main_window import MainWindow
from wimc_desktop.ui.opened_event import describe
from wimc_desktop.ui.screen_fit import FRAME_ROOM
from wimc_desktop.ui.worker import Worker

SLOW = 120_000  # ms: a 50,000-row file on a busy shared machine


def wizard_for(qtbot: QtBot, worker: Worker, db: Database, path: Path) -> ImportWizard:
    wizard = ImportWizard(worker, db)
    qtbot.addWidget(wizard)
    wizard.set_file(str(path))
    wizard.show()
    return wizard


def to_preview(qtbot: QtBot, wizard: ImportWizard) -> None:
    with qtbot.waitSignal(wizard.preview_page.preview_loaded, timeout=SLOW):
        wizard.next()


def test_import_from_the_menu_fills_the_guests_page(
        qtbot: QtBot, worker: Worker, event_db: Database,
        monkeypatch: pytest.MonkeyPatch, shared_data: Path) -> None:
    window = MainWindow(worker, describe(event_db))
    qtbot.addWidget(window)
    window.show()
    window.import_action.trigger()
    wizard = window.import_wizard
    assert wizard is not None
    monkeypatch.setattr(wizard, "_ask_open_file", lambda: str(shared_data / "guests_utf8_bom.csv"))
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.mouseClick(wizard.file_page.browse_button, Qt.MouseButton.LeftButton)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    to_preview(qtbot, wizard)
    preview = wizard.preview_page.preview
    assert preview is not None
    assert preview.total_rows == 120
    assert wizard.preview_page.encoding_combo.currentText().startswith("Automatic (found: utf-8")
    assert wizard.preview_page.sample_model.rowCount() == 20
    assert wizard.preview_page.mapping_editor.mapping()["name"] == "Name"
    with qtbot.waitSignal(wizard.check_page.dry_run_passed, timeout=SLOW) as dry:
        wizard.next()
    assert dry.args[0].added == 120
    assert "120 new guests" in wizard.check_page.summary.text()
    assert count_guests(event_db) == 0
    with qtbot.waitSignal(wizard.guests_imported, timeout=SLOW) as done:
        wizard.next()
    assert done.args[0].added == 120
    qtbot.waitUntil(lambda: window.guests_page.model.rowCount() == 120)
    assert window.status.count_label.text() == "Guests: 120"
    assert window.status.currentMessage() == "Imported guests_utf8_bom.csv: 120 added, 0 updated."
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    # Written: Finish closes, and no Cancel beside it suggests the import could be undone.
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    # The summary stays under the progress bar, not in the middle of an empty page.
    run_page = wizard.run_page
    assert run_page.summary.height() < run_page.height() // 4
    assert count_guests(event_db) == 120


def test_a_file_with_problems_lists_them_and_imports_nothing(
        qtbot: QtBot, worker: Worker, event_db: Database, shared_data: Path) -> None:
    wizard = wizard_for(qtbot, worker, event_db, shared_data / "bad" / "bad_rows.csv")
    to_preview(qtbot, wizard)
    with qtbot.waitSignal(wizard.check_page.problems_found, timeout=SLOW) as found:
        wizard.next()
    problems = found.args[0]
    assert len(problems) >= 4
    view = wizard.check_page.problems
    assert view.isVisibleTo(wizard)
    assert view.model.rowCount() == len(problems)
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    view.copy_all()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Row\tColumn\tValue\tReason")
    assert "missing name" in copied
    assert count_guests(event_db) == 0


def test_cancelling_a_big_import_leaves_no_guests(
        qtbot: QtBot, worker: Worker, event_db: Database, tmp_path: Path) -> None:
    big = write_big_csv(tmp_path / "big.csv", 50_000)
    wizard = wizard_for(qtbot, worker, event_db, big)
    to_preview(qtbot, wizard)
    with qtbot.waitSignal(wizard.check_page.dry_run_passed, timeout=SLOW):
        wizard.next()
    run_page = wizard.run_page
    with qtbot.waitSignal(run_page.import_cancelled, timeout=SLOW):
        wizard.next()
        assert run_page.is_running
        qtbot.waitUntil(lambda: run_page.progress.maximum() > 1, timeout=SLOW)
        qtbot.mouseClick(run_page.cancel_button, Qt.MouseButton.LeftButton)
    assert not run_page.is_running
    assert "Nothing was imported" in run_page.summary.text()
    assert count_guests(event_db) == 0


def test_cancel_button_of_the_wizard_stops_the_import_first(
        qtbot: QtBot, worker: Worker, event_db: Database, tmp_path: Path) -> None:
    big = write_big_csv(tmp_path / "big.csv", 20_000)
    wizard = wizard_for(qtbot, worker, event_db, big)
    to_preview(qtbot, wizard)
    with qtbot.waitSignal(wizard.check_page.dry_run_passed, timeout=SLOW):
        wizard.next()
    wizard.next()
    with qtbot.waitSignal(wizard.rejected, timeout=SLOW):
        wizard.reject()
        assert wizard.isVisible()
    assert count_guests(event_db) == 0


def test_encoding_can_be_overridden(qtbot: QtBot, worker: Worker, event_db: Database,
                                    shared_data: Path) -> None:
    wizard = wizard_for(qtbot, worker, event_db, shared_data / "guests_gb18030.csv")
    to_preview(qtbot, wizard)
    page = wizard.preview_page
    assert page.preview is not None and page.preview.encoding == "gb18030"
    assert "序号" in page.mapping_editor.extra_label.text()
    with qtbot.waitSignal(page.preview_failed, timeout=SLOW):
        page.encoding_combo.setCurrentIndex(3)
        page.encoding_combo.activated.emit(3)
    assert "utf-16" in page.status.text()
    assert not page.isComplete()
    with qtbot.waitSignal(page.preview_loaded, timeout=SLOW):
        page.encoding_combo.setCurrentIndex(2)
        page.encoding_combo.activated.emit(2)
    assert page.isComplete()
    assert wizard.choices.encoding == "gb18030"


def test_mapping_editor_changes_the_import(qtbot: QtBot, worker: Worker,
                                          event_db: Database, shared_data: Path) -> None:
    wizard = wizard_for(qtbot, worker, event_db, shared_data / "guests_utf8_bom.csv")
    to_preview(qtbot, wizard)
    editor = wizard.preview_page.mapping_editor
    combo = editor.combos["name"]
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert not wizard.preview_page.isComplete()
    assert "Name" in editor.extra_label.text()
    combo.setCurrentIndex(combo.findData("English Name"))
    combo.activated.emit(combo.currentIndex())
    assert wizard.preview_page.isComplete()
    assert wizard.choices.overrides["name"] == "English Name"
    organization = editor.combos["organization"]
    organization.setCurrentIndex(organization.findData("English Name"))
    organization.activated.emit(organization.currentIndex())
    assert editor.mapping().get("name") is None
    assert wizard.choices.overrides["name"] == ""
    assert wizard.choices.overrides["organization"] == "English Name"
    assert wizard.choices.overrides["name_en"] == ""


@pytest.mark.usefixtures("desk_look")
def test_the_wizard_fits_a_1366_by_768_laptop(qtbot: QtBot, worker: Worker,
                                             event_db: Database, shared_data: Path) -> None:
    """With the desk's own look: 768 px less a taskbar (40) and a title bar (30) hold the
    preview (the tallest page; with the sheet chooser a workbook of several sheets shows)
    and its buttons; and the wizard never asks for more than the screen has."""
    wizard = wizard_for(qtbot, worker, event_db, shared_data / "guests_title_row.xlsx")
    to_preview(qtbot, wizard)
    page = wizard.preview_page
    page._form.setRowVisible(page.sheet_combo, True)  # as for several sheets
    assert page.sheet_combo.isVisibleTo(wizard)
    qtbot.waitUntil(lambda: wizard.minimumSize().height() > 400)
    assert wizard.minimumSize().height() <= 768 - 40 - 30
    room = wizard.screen().availableGeometry().size() - FRAME_ROOM
    hint = wizard.sizeHint()
    assert hint.height() <= max(room.height(), wizard.minimumSize().height())
    assert hint.width() <= max(room.width(), wizard.minimumSize().width())


def test_counts_are_written_with_thousands_separators(qtbot: QtBot, worker: Worker,
                                                      event_db: Database,
                                                      tmp_path: Path) -> None:
    path = write_big_csv(tmp_path / "big.csv", 1500)
    wizard = wizard_for(qtbot, worker, event_db, path)
    to_preview(qtbot, wizard)
    with qtbot.waitSignal(wizard.check_page.dry_run_passed, timeout=SLOW):
        wizard.next()
    assert "1,500 new guests" in wizard.check_page.summary.text()
    wizard.run_page._on_task_progressed(1200, 1500)
    assert wizard.run_page.summary.text() == "Importing… 1,200 of 1,500 rows"


def test_a_workbook_has_no_encoding_to_choose(qtbot: QtBot, worker: Worker, event_db: Database,
                                            shared_data: Path) -> None:
    wizard = wizard_for(qtbot, worker, event_db, shared_data / "guests_title_row.xlsx")
    to_preview(qtbot, wizard)
    assert not wizard.preview_page.encoding_combo.isVisibleTo(wizard)
    assert "encoding" not in wizard.preview_page.subTitle()
    wizard.back()
    wizard.set_file(str(shared_data / "guests_gb18030.csv"))
    to_preview(qtbot, wizard)
    assert wizard.preview_page.encoding_combo.isVisibleTo(wizard)
    assert wizard.preview_page.encoding_combo.currentText() == "Automatic (found: gb18030)"
    assert "encoding" in wizard.preview_page.subTitle()
