"""A desk of a hub in the window: it works under the name given to `join` (status bar,
check-ins, its conflicts), without asking for one at the first start, and a name changed
in the desk dialog or typed at the login is the desk file's; another desk's edit of a
guest shows on its pages."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.sync import conftest as hub_fixtures
from tests.sync.conftest import DAY, MakeDesk, codes
from wimc_desktop.db import schema as s
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.services.guest_edits import edit_guest
from wimc_desktop.services.operators import add_operator
from wimc_desktop.services.sync.desk import joined_as, try_push
from wimc_desktop.ui.main_window import MainWindow
from wimc_desktop.ui.opened_event import describe
from wimc_desktop.ui.settings import DeskSettings
from wimc_desktop.ui.worker import Worker

pytestmark = pytest.mark.postgres
WAIT = 10_000
hub_url = hub_fixtures.hub_url  # (the hub and its desks, as the many-desks tests have them)
make_desk = hub_fixtures.make_desk


@pytest.fixture
def desk3(qtbot: QtBot, make_desk: MakeDesk) -> Iterator[tuple[MainWindow, Database]]:
    db, _ = make_desk("Desk 3")
    worker = Worker()
    window = MainWindow(worker, describe(db))
    qtbot.addWidget(window)
    window.show()
    window.checkin_page.choose_day(DAY)
    yield window, db
    window.close()  # (it asks the sync to stop and does not wait for it)
    qtbot.waitUntil(lambda: worker.pending == 0, timeout=WAIT)
    assert worker.shutdown()
    assert window.desk_sync.wait_stopped(15)  # it ends by itself: no runner left behind
    assert not [t for t in threading.enumerate() if t.name == "desk-sync"]


def test_the_window_works_under_the_name_given_to_join(
        qtbot: QtBot, desk3: tuple[MainWindow, Database], desk_dialogs: list[Desk]) -> None:
    window, db = desk3
    qtbot.wait(200)  # (the first start's turn of the event loop)
    assert desk_dialogs == []  # not asked: the desk was named at join
    assert DeskSettings().has_desk_identity  # (the first start is over: not offered again)
    assert window.checkin_page.desk.name == "Desk 3"
    assert window.status.desk_label.text().startswith("Desk 3")
    qtbot.waitUntil(lambda: window.status.sync_label.text().startswith("Hub: online"),
                    timeout=WAIT)  # (the sync's status reaches the status bar)
    code = codes(db)[4]
    page = window.checkin_page
    with qtbot.waitSignal(page.outcome_shown, timeout=WAIT):
        qtbot.keyClicks(page.scan_field, code)
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    with db.read() as session:
        desks = set(session.execute(select(s.CheckInRow.desk)).scalars())
    assert desks == {"Desk 3"}


def test_a_name_changed_in_the_desk_dialog_is_the_desk_files(
        qtbot: QtBot, desk3: tuple[MainWindow, Database],
        monkeypatch: pytest.MonkeyPatch) -> None:
    window, db = desk3
    monkeypatch.setattr(MainWindow, "_ask_desk_identity",
                        lambda _w, current: Desk("VIP desk", current.operator))
    window.edit_desk_identity(window.checkin_page.desk)
    assert window.checkin_page.desk.name == "VIP desk"
    qtbot.waitUntil(lambda: joined_as(db) == "VIP desk", timeout=WAIT)


def test_another_desks_edit_shows_on_the_guests_page(
        qtbot: QtBot, desk3: tuple[MainWindow, Database], make_desk: MakeDesk) -> None:
    window, _ = desk3
    other, _ = make_desk("Desk 1")
    code = codes(other)[6]
    edit_guest(other, code, Desk("Desk 1", "ann"), {"organization": "新的单位"})
    assert try_push(other)
    window.select_page("guests")
    model = window.guests_page.model

    def shown() -> set[str]:
        return {g.organization for r in range(model.rowCount())
                if (g := model.guest_at(r)) is not None and g.badge_code == code}

    qtbot.waitUntil(lambda: shown() == {"新的单位"}, timeout=WAIT)


def test_an_edit_in_this_window_reaches_the_hub(
        qtbot: QtBot, desk3: tuple[MainWindow, Database], hub_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window, _ = desk3
    window.select_page("guests")
    page = window.guests_page
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() > 0 and model.guest_at(2) is not None,
                    timeout=WAIT)
    assert not page.edit_button.isEnabled()  # (no guest selected)
    page.view.selectRow(2)
    guest = model.guest_at(2)
    assert guest is not None and page.edit_button.isEnabled()
    asked: list[str] = []

    def correct(_page: object, shown: object) -> dict[str, str]:
        asked.append(getattr(shown, "badge_code", ""))
        return {"organization": "窗口里改的单位", "seat": "D-4"}

    monkeypatch.setattr(type(page), "_ask_guest_edit", correct)
    page.edit_button.click()
    qtbot.waitUntil(lambda: asked == [guest.badge_code], timeout=WAIT)
    hub = Database(hub_url)
    try:
        def on_hub() -> tuple[str, str]:
            with hub.read() as session:
                row = session.get_one(s.GuestRow, guest.id)
                return row.organization, row.seat

        qtbot.waitUntil(lambda: on_hub() == ("窗口里改的单位", "D-4"), timeout=WAIT)
        with hub.read() as session:
            edits = session.execute(select(s.HubEventRow.desk).where(
                s.HubEventRow.kind == "guest_edit")).scalars().all()
        assert edits == ["Desk 3"]
    finally:
        hub.dispose()
    qtbot.waitUntil(lambda: (g := model.guest_at(model._row_of[guest.id])) is not None
                    and g.organization == "窗口里改的单位", timeout=WAIT)


def _started(qtbot: QtBot, db: Database) -> tuple[MainWindow, Worker]:
    worker = Worker()
    window = MainWindow(worker, describe(db))
    qtbot.addWidget(window)
    window.show()
    return window, worker


def _closed(qtbot: QtBot, window: MainWindow, worker: Worker) -> None:
    window.close()
    qtbot.waitUntil(lambda: worker.pending == 0, timeout=WAIT)
    assert worker.shutdown()


def test_a_name_typed_at_the_login_is_the_desk_files_at_the_next_start(
        qtbot: QtBot, make_desk: MakeDesk) -> None:
    db, _ = make_desk("Desk 3")
    add_operator(db, "chief", "admin", "chief-pass-1", by=Desk("Desk 3", "setup"))
    window, worker = _started(qtbot, db)
    dialog = window.access.login_dialog
    assert dialog is not None and dialog.desk_edit.text() == "Desk 3"  # (given to join)
    dialog.operator_edit.setText("chief")
    dialog.password_edit.setText("chief-pass-1")
    dialog.desk_edit.setText("Hall B")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not window.access.locked, timeout=WAIT)
    assert window.checkin_page.desk.name == "Hall B"
    qtbot.waitUntil(lambda: joined_as(db) == "Hall B", timeout=WAIT)
    _closed(qtbot, window, worker)
    again, worker = _started(qtbot, db)  # the next start
    dialog = again.access.login_dialog
    assert dialog is not None and dialog.desk_edit.text() == "Hall B"
    _closed(qtbot, again, worker)
