"""The walk-in dialog: a possible duplicate is shown with "admit instead" or "register anyway";
an error never cuts off the buttons or the message, in either language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.gui.gui_helpers import EVENT_DAY, TEST_DESK, add_guests, guest_records
from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import AuditRow, GuestRow
from wimc_desktop.domain.checkin import Desk, Outcome
from wimc_desktop.domain.errors import DatabaseBusyError, StorageError
from wimc_desktop.services.checkin import admitted_count, check_in
from wimc_desktop.services.events import get_event
from wimc_desktop.services.importing import import_records
from wimc_desktop.services.walkin import register_walk_in
from wimc_desktop.ui import i18n
from wimc_desktop.ui.change_hub import ChangeHub
from wimc_desktop.ui.error_texts import error_text
from wimc_desktop.ui.walk_in_dialog import DUPLICATES, GUEST_ID, WalkInDialog
from wimc_desktop.ui.worker import Worker

WAIT = 5000
LONG_PATH = ("/home/registration-office/.local/share/wimc-desk/"
             "WIMC2020-closing-ceremony-final-guest-list-v3.wimc")
DRIVER_ERROR = ("(psycopg.errors.QueryCanceled) canceling statement due to lock timeout; "
                "CONTEXT: while locking tuple (0,12) in relation \"guest\"; "
                "[SQL: SELECT guest.id, guest.name, guest.name_en, guest.gender, "
                "guest.organization, guest.title, guest.category, guest.attendance FROM guest "
                "WHERE guest.badge_code = %(badge_code_1)s::VARCHAR FOR UPDATE] "
                "(Background on this error at: https://sqlalche.me/e/20/e3q8)")
GUESTS = 12
LISTED = guest_records(GUESTS)[4]  # 陈伟静, on the list with a mobile


@pytest.fixture
def dialog(qtbot: QtBot, worker: Worker, event_db: Database) -> Iterator[WalkInDialog]:
    add_guests(event_db, GUESTS)
    d = WalkInDialog(worker, event_db, get_event(event_db), EVENT_DAY, TEST_DESK)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    yield d
    qtbot.waitUntil(lambda: worker.pending == 0)


def _guest_count(db: Database) -> int:
    with db.read() as session:
        return int(session.execute(select(func.count()).select_from(GuestRow)).scalar_one())


def _inside(widget: QWidget, dialog: QWidget) -> bool:
    rect = QRect(widget.mapTo(dialog, widget.rect().topLeft()), widget.size())
    return dialog.rect().contains(rect)


def _all_visible(dialog: WalkInDialog) -> list[str]:
    """What is cut off: a shown button outside the dialog, or a message without its lines."""
    cut = [b.text() for b in dialog.findChildren(QAbstractButton)
           if b.isVisibleTo(dialog) and not _inside(b, dialog)]
    for label in dialog.findChildren(QLabel):
        if label.isVisibleTo(dialog) and label.text() and label.wordWrap():
            needed = label.heightForWidth(label.width())
            if not _inside(label, dialog) or label.height() < needed:
                cut.append(label.text())
    return cut


def _register_duplicate(qtbot: QtBot, dialog: WalkInDialog) -> None:
    dialog.name_edit.setText(LISTED["name"])
    dialog.mobile_edit.setText(LISTED["mobile"])
    with qtbot.waitSignal(dialog.duplicates_found, timeout=WAIT):
        dialog.register_button.click()


def test_a_duplicate_is_shown_and_the_listed_guest_admitted_instead(
        qtbot: QtBot, dialog: WalkInDialog, event_db: Database) -> None:
    before = _guest_count(event_db)
    _register_duplicate(qtbot, dialog)
    assert dialog.stack.currentIndex() == DUPLICATES
    assert dialog.matches.model().rowCount() == 1
    row = dialog.matches.model().index(0, 0).data()
    assert LISTED["name"] in row and LISTED["badge_code"] in row
    assert LISTED["mobile"] not in row and LISTED["mobile"][-4:] in row  # masked
    assert dialog.admit_button.isVisible() and dialog.force_button.isVisible()
    assert not dialog.register_button.isVisible()
    assert not _all_visible(dialog)
    with qtbot.waitSignal(dialog.walk_in_registered, timeout=WAIT) as admitted:
        dialog.admit_button.click()
    result = admitted.args[0]
    assert result.outcome is Outcome.ADMITTED
    assert result.guest.badge_code == LISTED["badge_code"]
    assert result.checkin.method == "manual"
    assert _guest_count(event_db) == before  # no second guest
    assert admitted_count(event_db, EVENT_DAY) == 1
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_listed_guest_admitted_at_another_desk_shows_at_once(
        qtbot: QtBot, worker: Worker, dialog: WalkInDialog, event_db: Database) -> None:
    """The list of possible duplicates follows the change feed: an admission of the listed
    guest elsewhere says "already admitted" while the clerk decides, the choice kept."""
    hub = ChangeHub.of(worker)
    hub.set_database(event_db)
    _register_duplicate(qtbot, dialog)
    assert "already admitted" not in dialog.matches.model().index(0, 0).data()
    other = Database(event_db.url)  # another desk
    try:
        with qtbot.waitSignal(dialog.duplicates_found, timeout=2000) as relisted:
            check_in(other, LISTED["badge_code"], day=EVENT_DAY, desk=Desk("Desk 9", "Zhou"))
    finally:
        other.dispose()
    assert [m.checked_in for m in relisted.args[0]] == [True]
    assert "already admitted on this day" in dialog.matches.model().index(0, 0).data()
    assert dialog.matches.currentIndex().row() == 0
    hub.stop()


def test_the_list_follows_its_guests_and_keeps_the_choice(
        qtbot: QtBot, worker: Worker, dialog: WalkInDialog, event_db: Database) -> None:
    """Two guests of the same name and organization listed, the second chosen: an
    admission of another guest leaves the list alone; one of a listed guest, or a guest
    who came (a walk-in elsewhere), lists it again with the chosen guest still chosen."""
    namesake = {**LISTED, "badge_code": "T-NAMESAKE", "mobile": "13912345678",
                "email": "namesake@example.com", "name_en": "Namesake"}
    import_records(event_db, [namesake], source="tests")
    hub = ChangeHub.of(worker)
    hub.set_database(event_db)
    dialog.name_edit.setText(LISTED["name"])
    dialog.organization_edit.setText(LISTED["organization"])
    with qtbot.waitSignal(dialog.duplicates_found, timeout=WAIT) as found:
        dialog.register_button.click()
    assert len(found.args[0]) == 2
    dialog.matches.setCurrentIndex(dialog.matches.model().index(1, 0))
    chosen = dialog.matches.currentIndex().data(GUEST_ID)
    relisted: list[object] = []
    dialog.duplicates_found.connect(relisted.append)
    other = Database(event_db.url)  # another desk
    try:
        check_in(other, guest_records(GUESTS)[1]["badge_code"], day=EVENT_DAY,  # (on site)
                 desk=Desk("Desk 9", "Zhou"))
        qtbot.wait(1500)  # (polled and given to the dialog: nothing of its list)
        qtbot.waitUntil(lambda: worker.pending == 0)
        assert relisted == []
        code = next(m.guest.badge_code for m in found.args[0] if m.guest.id == chosen)
        with qtbot.waitSignal(dialog.duplicates_found, timeout=WAIT):
            check_in(other, code, day=EVENT_DAY, desk=Desk("Desk 9", "Zhou"))
        assert dialog.matches.currentIndex().data(GUEST_ID) == chosen
        with qtbot.waitSignal(dialog.duplicates_found, timeout=WAIT):
            register_walk_in(other, name="钱多多", organization="南京大学", day=EVENT_DAY,
                             desk=Desk("Desk 9", "Zhou"))
        assert dialog.matches.currentIndex().data(GUEST_ID) == chosen
        assert len(relisted) == 2
    finally:
        other.dispose()
        hub.stop()


def test_register_anyway_makes_a_new_guest_and_is_recorded(
        qtbot: QtBot, dialog: WalkInDialog, event_db: Database) -> None:
    before = _guest_count(event_db)
    _register_duplicate(qtbot, dialog)
    with qtbot.waitSignal(dialog.walk_in_registered, timeout=WAIT) as registered:
        dialog.force_button.click()
    result = registered.args[0]
    assert result.outcome is Outcome.ADMITTED and result.guest.source == "walk-in"
    assert result.code != LISTED["badge_code"] and dialog.code.text() == result.code
    assert _guest_count(event_db) == before + 1
    with event_db.read() as session:
        audit = session.execute(select(AuditRow).where(
            AuditRow.action == "walk_in_despite_duplicate")).scalar_one()
    assert audit.details["possible_duplicates"] == LISTED["badge_code"]
    assert not dialog.admit_button.isVisible() and not dialog.force_button.isVisible()


def test_editing_after_a_duplicate_goes_back_to_the_form(
        qtbot: QtBot, dialog: WalkInDialog) -> None:
    _register_duplicate(qtbot, dialog)
    dialog.back_button.click()
    assert dialog.stack.currentIndex() == 0 and dialog.register_button.isVisible()
    assert not dialog.admit_button.isVisible()


@pytest.mark.parametrize("language", [i18n.ENGLISH, i18n.CHINESE])
def test_an_error_never_cuts_off_the_buttons_or_the_message(
        qtbot: QtBot, dialog: WalkInDialog, worker: Worker, event_db: Database,
        desk_look: None, language: str) -> None:
    i18n.apply_language(language)
    dialog.register_button.click()  # no name
    assert dialog.error.isVisible() and not _all_visible(dialog)
    dialog.name_edit.setText("赵敏")
    dialog.mobile_edit.setText("12345")
    dialog.register_button.click()  # a bad mobile: a long reason
    qtbot.waitUntil(lambda: not _all_visible(dialog))
    # The longest a core error gets: a path that cannot wrap, and words that must.
    busy = DatabaseBusyError("{where}: the event database is busy (locked by another desk); "
                             "try again.", where=LONG_PATH)
    failed = StorageError("{where}: the database failed: {error}", where=LONG_PATH,
                          error=DRIVER_ERROR)
    for error in (busy, failed, busy):  # the dialog grows, and does not grow without end
        dialog.show_error(error_text(error))
        qtbot.waitUntil(lambda: not _all_visible(dialog), timeout=2000)
    assert dialog.width() <= dialog.screen().availableGeometry().width()
    _register_duplicate(qtbot, dialog)
    qtbot.waitUntil(lambda: not _all_visible(dialog), timeout=2000)
    # A desk on a day outside the event: the core's answer is the longest message.
    other = WalkInDialog(worker, event_db, get_event(event_db), dt.date(2021, 1, 5),
                         TEST_DESK)
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    other.name_edit.setText("赵敏")
    with qtbot.waitSignal(other.error_shown, timeout=WAIT):
        other.register_button.click()
    assert "2021" in other.error.text()
    qtbot.waitUntil(lambda: not _all_visible(other), timeout=2000)
