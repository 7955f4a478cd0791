"""The purge of personal data from the window: offered only after the event's last day,
confirmed in a dialog that says what goes and what stays, then done on the worker."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.gui.gui_helpers import add_guests
from wimc_desktop.db.engine import Database
from wimc_desktop.services.guests import list_guests
from wimc_desktop.ui import main_window as main_window_module
from wimc_desktop.ui import messages
from wimc_desktop.ui.main_window import MainWindow
from wimc_desktop.ui.opened_event import describe
from wimc_desktop.ui.purge_dialog import PurgeDialog
from wimc_desktop.ui.worker import Worker


def _window(qtbot: QtBot, worker: Worker, db: Database) -> MainWindow:
    win = MainWindow(worker, describe(db))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.guests_page.model.guests_loaded):
        win.show()
    return win


def test_offered_only_after_the_last_day(qtbot: QtBot, worker: Worker, event_db: Database,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_window_module, "event_today", lambda _e: dt.date(2020, 11, 28))
    assert not _window(qtbot, worker, event_db).purge_action.isEnabled()
    monkeypatch.setattr(main_window_module, "event_today", lambda _e: dt.date(2020, 11, 29))
    assert _window(qtbot, worker, event_db).purge_action.isEnabled()


def test_the_dialog_needs_the_tick_and_says_what_goes(qtbot: QtBot) -> None:
    dialog = PurgeDialog("2020世界智能制造大会", 5000)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.understood.setChecked(True)
    assert ok.isEnabled()
    assert "mobile number" in dialog.deleted.text() and "check-in" in dialog.kept.text()
    assert "5,000" in dialog.intro.text()


def test_confirmed_purge_deletes_the_mobiles(qtbot: QtBot, worker: Worker, event_db: Database,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    add_guests(event_db, 5)
    assert any(g.mobile for g in list_guests(event_db))
    win = _window(qtbot, worker, event_db)
    shown: list[str] = []
    monkeypatch.setattr(win, "_ask_purge", lambda: True)
    monkeypatch.setattr(messages, "show_info", lambda _p, text, info="": shown.append(info))
    win.purge_action.setEnabled(True)  # (the real today is after the 2020 event anyway)
    win.purge_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "5" in shown[0]
    assert not any(g.mobile or g.email for g in list_guests(event_db))
