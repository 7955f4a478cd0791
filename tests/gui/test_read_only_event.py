"""An event file in a read-only folder: the window opens on it and its reading pages work."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.faults.conftest import file_state, read_only
from tests.gui.conftest import ShownBox
from tests.gui.gui_helpers import add_guests, make_event
from wimc_desktop.ui.main_window import PAGES, MainWindow
from wimc_desktop.ui.opened_event import open_event
from wimc_desktop.ui.worker import Worker


def test_the_window_reads_an_event_in_a_read_only_folder(
        qtbot: QtBot, worker: Worker, tmp_path: Path, message_boxes: list[ShownBox]) -> None:
    folder = tmp_path / "cd-rom"
    folder.mkdir()
    db = make_event(folder / "event.wimc")
    add_guests(db, 30)
    db.dispose()
    before = file_state(folder)
    with read_only(folder):
        opened = open_event(str(folder / "event.wimc"))
        assert opened.db.read_only and opened.guest_count == 30
        window = MainWindow(worker, opened)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.guests_page.model.guests_loaded) as loaded:
            window.show()
        for name in PAGES:
            window.select_page(name)
            qtbot.wait(50)
        worker.shutdown()
        window.close()
        opened.db.dispose()
    assert loaded.args == [30]
    assert message_boxes == []  # (no page met an error)
    assert file_state(folder) == before
