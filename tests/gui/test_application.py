"""Starting the desk: known errors end with a message and exit code 2; the demo is made once."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui.gui_helpers import make_event
from wimc_desktop.services.guests import count_guests
from wimc_desktop.ui import application
from wimc_desktop.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def restore_app(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """run() changes process-wide things; put them back for the next test."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app = QApplication.instance()
    yield
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(True)
    app.setStyleSheet("")


def close_the_window_when_it_shows(seen: list[MainWindow]) -> QTimer:
    """Poll (without sleeping) for the main window, note it, close it: run() returns."""
    timer = QTimer()

    def check() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.append(widget)
                timer.stop()
                widget.close()

    timer.timeout.connect(check)
    timer.start(10)
    return timer


def test_an_unknown_file_gives_a_clear_message_and_exit_code_2(
        tmp_path: Path, message_boxes: list) -> None:
    code = application.run(str(tmp_path / "missing.wimc"), ["wimc-desk"])
    assert code == application.EXIT_KNOWN_ERROR == 2
    assert message_boxes[0].icon == QMessageBox.Icon.Warning
    assert message_boxes[0].text == "WIMC Desk cannot open the event database."
    assert "missing.wimc" in message_boxes[0].info


def test_an_existing_event_opens_in_the_window(tmp_path: Path, message_boxes: list) -> None:
    make_event(tmp_path / "event.wimc").dispose()
    seen: list[MainWindow] = []
    timer = close_the_window_when_it_shows(seen)
    code = application.run(str(tmp_path / "event.wimc"), ["wimc-desk"])
    timer.stop()
    assert code == 0
    assert not message_boxes
    assert seen and seen[0].status.file_label.text().endswith("event.wimc")
    assert QApplication.applicationName() == "WIMC Desk"


def test_first_start_creates_the_demo_event(tmp_path: Path, message_boxes: list,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "data" / "event.wimc"
    monkeypatch.setattr(application, "default_db_target", lambda: str(target))
    seen: list[MainWindow] = []
    timer = close_the_window_when_it_shows(seen)
    code = application.run(None, ["wimc-desk"])
    timer.stop()
    assert code == 0, message_boxes
    assert target.is_file()
    db = application.open_event(str(target)).db
    assert count_guests(db) > 1000
    db.dispose()
    assert seen[0].status.event_label.text() == "World Intelligent Manufacturing Conference 2020"

