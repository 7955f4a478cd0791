"""GUI test fixtures: offscreen Qt, settings in a temp folder, a fresh event file per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui.gui_helpers import TEST_DESK, make_event
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.ui import assets, i18n, messages
from wimc_desktop.ui.checkin_page import CheckInPage
from wimc_desktop.ui.main_window import MainWindow
from wimc_desktop.ui.opened_event import OpenedEvent, describe
from wimc_desktop.ui.settings import DeskSettings
from wimc_desktop.ui.worker import Worker


@dataclass
class ShownBox:
    icon: QMessageBox.Icon
    text: str
    info: str


@pytest.fixture(autouse=True)
def isolated_settings(qapp: object, tmp_path: Path) -> Iterator[Path]:
    """QSettings and standard paths in a temp folder; every test starts in English."""
    QCoreApplication.setOrganizationName("WIMC Desk Test")
    QCoreApplication.setApplicationName("WIMC Desk Test")
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, str(folder))
    i18n.apply_language(i18n.ENGLISH)
    settings = DeskSettings()  # a desk that is set up: no first-start dialog
    settings.desk_name, settings.desk_operator = TEST_DESK.name, TEST_DESK.operator
    yield folder
    i18n.apply_language(i18n.ENGLISH)


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[ShownBox]:
    """Every message box the app would show, recorded instead of blocking."""
    shown: list[ShownBox] = []

    def record(box: QMessageBox) -> int:
        shown.append(ShownBox(box.icon(), box.text(), box.informativeText()))
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(messages, "exec_box", record)
    return shown


@pytest.fixture(autouse=True)
def desk_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[Desk]:
    """The desk's dialogs never block a test: the desk dialog, the first admin's and the undo
    reason are dismissed.

    The app's own QSettings (organisation "WIMC Desk", as application.run() sets it) has
    no desk yet, so a window opened through run() asks on its first start.
    """
    asked: list[Desk] = []

    def dismiss(_window: MainWindow, current: Desk) -> None:
        asked.append(current)

    monkeypatch.setattr(MainWindow, "_ask_desk_identity", dismiss)
    monkeypatch.setattr(MainWindow, "_ask_first_admin", lambda _window, _name: None)
    monkeypatch.setattr(CheckInPage, "_ask_undo_reason", lambda _page, _result: None)
    return asked


@pytest.fixture
def event_db(tmp_path: Path) -> Iterator[Database]:
    """A fresh, empty event database file."""
    db = make_event(tmp_path / "event.wimc")
    yield db
    db.dispose()


@pytest.fixture
def worker(event_db: Database) -> Iterator[Worker]:
    """The background worker; shut down before the database closes."""
    w = Worker()
    yield w
    assert w.shutdown(), "the worker did not finish its tasks"


@pytest.fixture
def opened(event_db: Database) -> OpenedEvent:
    return describe(event_db)




@pytest.fixture
def desk_look(qapp: QApplication) -> Iterator[None]:
    """The desk's own style, font and style sheet (assets.apply_look), as the app has them,
    for a test that measures sizes; taken off again after it."""
    style, font = qapp.style().name(), qapp.font()
    assets.apply_look(qapp)
    yield
    qapp.setStyleSheet("")
    qapp.setFont(font)
    qapp.setStyle(style)
