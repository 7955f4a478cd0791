"""The first start shows the demo event being built: a small window with its stages, a line
on stderr that goes on from the launcher's numbered lines, in the window's language."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from wimc_desktop import APP_NAME
from wimc_desktop.bootstrap import STEP_VAR
from wimc_desktop.services.guests import count_guests
from wimc_desktop.ui import application, i18n, worker
from wimc_desktop.ui.demo_progress import DemoProgressDialog
from wimc_desktop.ui.main_window import MainWindow
from wimc_desktop.ui.settings import DeskSettings

GUESTS = 400


@pytest.fixture(autouse=True)
def restore_app(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """run() changes process-wide things; put them back for the next test."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(True)
    app.setStyleSheet("")


def close_the_main_window_when_it_shows(seen: list[MainWindow]) -> QTimer:
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


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bool, int, int, str]]:
    """What the progress window showed at each report: visible, value, maximum, stage."""
    seen: list[tuple[bool, int, int, str]] = []
    original = DemoProgressDialog.show_progress

    def show_progress(self: DemoProgressDialog, done: int, total: int) -> None:
        original(self, done, total)
        seen.append((self.isVisible(), self.bar.value(), self.bar.maximum(), self.stage.text()))

    monkeypatch.setattr(DemoProgressDialog, "show_progress", show_progress)
    monkeypatch.setattr(worker, "PROGRESS_INTERVAL_S", 0.0)  # every report reaches the GUI
    return seen


def test_the_first_start_shows_each_stage_of_the_demo_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message_boxes: list,
        shown: list[tuple[bool, int, int, str]], capfd: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "data" / "event.wimc"
    monkeypatch.setattr(application, "default_db_target", lambda: str(target))
    monkeypatch.setattr(application, "DEMO_GUESTS", GUESTS)
    monkeypatch.setenv(STEP_VAR, "3/3")  # as the launcher leaves it after installing
    seen: list[MainWindow] = []
    timer = close_the_main_window_when_it_shows(seen)
    code = application.run(None, ["wimc-desk"])
    timer.stop()
    assert code == 0, message_boxes
    assert seen
    db = application.open_event(str(target)).db
    assert count_guests(db) == GUESTS
    db.dispose()
    assert all(visible for visible, *_ in shown[1:])  # [0]: set up before it is shown
    stages = [stage.split(":")[0] for *_, stage in shown]
    assert list(dict.fromkeys(stages)) == [
        "Making the guest list", "Writing the guests into the event file",
        "Building the search index and adding the signings…"]
    assert [stage for *_, stage in shown][:3] == [
        "Making the guest list: 0 of 400 guests", "Making the guest list: 250 of 400 guests",
        "Writing the guests into the event file: 0 of 400"]
    finishing = [maximum for _, _, maximum, stage in shown
                 if stage.startswith("Building the search index")]
    assert finishing[0] == 0  # a busy bar, not a full one, while the index is built
    assert shown[-1][1] == shown[-1][2] == 2 * GUESTS + 1
    err = capfd.readouterr().err
    assert f"3/3 building the demo event: 400 guests in {target} (one time)" in err
    assert "the demo event is ready" in err
    assert STEP_VAR not in os.environ  # said once
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, DemoProgressDialog) and w.isVisible()]


def test_the_progress_window_speaks_chinese_and_cannot_be_closed(qtbot: QtBot) -> None:
    i18n.apply_language(i18n.CHINESE)
    dialog = DemoProgressDialog("/data/event.wimc", 5000)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.heading.text() == "正在准备演示活动（仅首次）"
    assert dialog.what.text() == ("WIMC 2020（南京），5,000 位嘉宾及闭幕式 30 项签约，"
                                  "保存在以下文件：")
    assert dialog.where.text() == "/data/event.wimc"
    assert dialog.stage.text() == "正在生成嘉宾名单：0 / 5,000 位"
    dialog.show_progress(7000, 10001)
    assert dialog.stage.text() == "正在将嘉宾写入活动文件：2,000 / 5,000 位"
    dialog.show_progress(10001, 10001)
    assert dialog.stage.text() == "正在建立搜索索引并添加签约…"
    QTimer.singleShot(0, dialog.close)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.wait(20)
    assert dialog.isVisible()  # the build goes on: it closes itself when done


@pytest.mark.parametrize(("language", "opening"), [(i18n.ENGLISH, "Opening the event…"),
                                                   (i18n.CHINESE, "正在打开活动…")])
def test_once_the_demo_is_built_the_window_says_the_event_is_opening(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message_boxes: list,
        shown: list[tuple[bool, int, int, str]], language: str, opening: str) -> None:
    """While the main window is made (about half a second) it sat at 100% still saying it
    was building the search index."""
    target = tmp_path / "data" / "event.wimc"
    monkeypatch.setattr(application, "default_db_target", lambda: str(target))
    monkeypatch.setattr(application, "DEMO_GUESTS", GUESTS)
    app = application.make_application(["wimc-desk"])  # (its settings' names, as run() has)
    DeskSettings().language = language
    assert app.organizationName() == APP_NAME
    while_made: list[tuple[bool, int, int, str]] = []
    real = application.MainWindow

    def main_window(*args: object) -> MainWindow:
        [wait] = [w for w in QApplication.topLevelWidgets()
                  if isinstance(w, DemoProgressDialog) and w.isVisible()]
        while_made.append((wait.isVisible(), wait.bar.value(), wait.bar.maximum(),
                           wait.stage.text()))
        return real(*args)

    monkeypatch.setattr(application, "MainWindow", main_window)
    seen: list[MainWindow] = []
    timer = close_the_main_window_when_it_shows(seen)
    code = application.run(None, ["wimc-desk"])
    timer.stop()
    assert code == 0, message_boxes
    assert seen
    assert while_made == [(True, 2 * GUESTS + 1, 2 * GUESTS + 1, opening)]
    assert shown[-1][3] != opening  # the index step said its own words until it was done
    i18n.apply_language(i18n.ENGLISH)
