"""The Badges page on its own: scan a code, the card, a reissue, a PDF that counts as a print."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.gui_helpers import EVENT_DAY, TEST_DESK, add_guests, guest_records, keyboard_takers
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.badges import BadgeInfo, BadgeStatus
from wimc_desktop.domain.checkin import Outcome
from wimc_desktop.services.badges import badge_info
from wimc_desktop.services.checkin import check_in
from wimc_desktop.services.events import get_event
from wimc_desktop.services.importing import import_file, import_records
from wimc_desktop.ui import i18n
from wimc_desktop.ui.badges_page import BadgesPage
from wimc_desktop.ui.main_window import MainWindow
from wimc_desktop.ui.opened_event import describe
from wimc_desktop.ui.worker import Worker

WAIT = 10_000


@pytest.fixture
def page(qtbot: QtBot, worker: Worker, event_db: Database) -> Iterator[BadgesPage]:
    add_guests(event_db, 10)
    widget = BadgesPage(worker)
    qtbot.addWidget(widget)
    widget.set_database(event_db, get_event(event_db))
    widget.set_desk(TEST_DESK)
    widget.resize(900, 700)
    widget.show()
    yield widget
    qtbot.waitUntil(lambda: worker.pending == 0)


def scan(qtbot: QtBot, page: BadgesPage, code: str) -> BadgeInfo:
    """The card of the code scanned (not a refresh of the card before it, which the
    change feed may still be bringing: the look-ups answer in order)."""
    with qtbot.waitSignal(page.badge_shown, timeout=WAIT,
                          check_params_cb=lambda info: info.code.endswith(code)) as shown:
        qtbot.keyClicks(page.scan_field, code)
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    info = shown.args[0]
    assert isinstance(info, BadgeInfo)
    return info


def test_a_scanned_code_shows_the_guests_card(qtbot: QtBot, page: BadgesPage) -> None:
    info = scan(qtbot, page, "T-000001")
    assert info.status is BadgeStatus.ACTIVE
    assert page.card.name.text() == info.guest.name
    assert page.card.status.text() == "Badge T-000001 is active."
    assert page.card.prints.text() == "Not printed yet."
    assert page.card.checkin.text() == "Not checked in today."
    assert page.print_button.isEnabled() and page.scan_field.hasFocus()


def test_a_code_typed_without_its_prefix_shows_the_card(
        qtbot: QtBot, page: BadgesPage, event_db: Database) -> None:
    import_records(event_db, [{"name": "单田芳", "badge_code": "WIMC-K7QM3XC"}], source="test")
    info = scan(qtbot, page, "K7QM3XC")
    assert (info.code, info.guest.name) == ("WIMC-K7QM3XC", "单田芳")
    assert page.card.status.text() == "Badge WIMC-K7QM3XC is active."


def test_only_the_scan_field_takes_the_keyboard(page: BadgesPage) -> None:
    """A badge scanned at this page goes to its scan field, whatever was clicked before."""
    assert keyboard_takers(page) == [page.scan_field]


def test_an_unknown_code_says_so(qtbot: QtBot, page: BadgesPage) -> None:
    with qtbot.waitSignal(page.code_not_found, timeout=WAIT):
        qtbot.keyClicks(page.scan_field, "NOPE-1")
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert "NOPE-1" in page.card.message.text()
    assert not page.print_button.isEnabled()


def test_reissue_through_the_page_revokes_the_old_code(
        qtbot: QtBot, page: BadgesPage, event_db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    scan(qtbot, page, "T-000002")
    monkeypatch.setattr(page, "_ask_reissue_reason", lambda info: "lost")
    with qtbot.waitSignal(page.badge_reissued, timeout=WAIT) as reissued, \
            qtbot.waitSignal(page.badge_shown, timeout=WAIT):
        page.reissue_button.click()
    new_code = reissued.args[0].new_code
    assert new_code != "T-000002"
    qtbot.waitUntil(lambda: page.card.new_code.isVisible())
    assert new_code in page.card.new_code.text()
    refused = check_in(event_db, "T-000002", day=EVENT_DAY, desk=TEST_DESK)
    assert refused.outcome is Outcome.BADGE_REVOKED
    assert refused.replaced_by == new_code

    # (the refused check-in's audit row may refresh the card shown, the new code's, just
    # as the scan goes: the scan's own card is the one of the code scanned)
    with qtbot.waitSignal(page.badge_shown, timeout=WAIT,
                          check_params_cb=lambda info: info.code == "T-000002") as shown:
        qtbot.keyClicks(page.scan_field, "T-000002")
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    old = shown.args[0]
    assert old.status is BadgeStatus.REVOKED
    assert "REVOKED" in page.card.status.text() and new_code in page.card.status.text()
    assert not page.reissue_button.isEnabled()


def test_save_as_pdf_counts_a_print_and_a_reprint_asks_why(
        qtbot: QtBot, page: BadgesPage, event_db: Database, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    scan(qtbot, page, "T-000003")
    out = tmp_path / "badge.pdf"
    monkeypatch.setattr(page, "_ask_pdf_path", lambda suggested: str(out))
    # (the card shown after the print: the change feed may bring a refresh of the card
    # before it, and look-ups answer in order)
    with qtbot.waitSignal(page.pdf_saved, timeout=WAIT), \
            qtbot.waitSignal(page.badge_shown, timeout=WAIT,
                             check_params_cb=lambda info: info.prints.count == 1):
        page.pdf_button.click()
    assert out.read_bytes().startswith(b"%PDF")
    assert badge_info(event_db, "T-000003").prints.count == 1
    assert page.card.prints.text().startswith("Printed once, last at ")

    asked: list[str] = []
    monkeypatch.setattr(page, "_ask_reprint_reason",
                        lambda printed: asked.append(printed) or "damaged")
    with qtbot.waitSignal(page.pdf_saved, timeout=WAIT), \
            qtbot.waitSignal(page.badge_shown, timeout=WAIT,
                             check_params_cb=lambda info: info.prints.count == 2):
        page.pdf_button.click()
    assert asked and asked[0].startswith("Printed once") and "Desk 3" in asked[0]
    assert page.card.prints.text().startswith("Printed 2 times, last at ")


def test_print_goes_through_the_preview_and_is_logged(
        qtbot: QtBot, page: BadgesPage, event_db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    scan(qtbot, page, "T-000004")
    monkeypatch.setattr(page, "_exec_print_preview", lambda dialog: True)
    with qtbot.waitSignal(page.badge_printed, timeout=WAIT):
        page.print_button.click()
    qtbot.waitUntil(lambda: badge_info(event_db, "T-000004").prints.count == 1)


def test_a_batch_pdf_of_a_category_logs_its_prints(
        qtbot: QtBot, page: BadgesPage, event_db: Database, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "officials.pdf"

    def choose_category(dialog: object) -> bool:
        dialog.category_radio.setChecked(True)  # type: ignore[attr-defined]
        combo = dialog.category  # type: ignore[attr-defined]
        combo.setCurrentIndex(combo.findData("official"))
        return True

    monkeypatch.setattr(page, "_exec_batch_dialog", choose_category)
    monkeypatch.setattr(page, "_ask_pdf_path", lambda suggested: str(out))
    with qtbot.waitSignal(page.pdf_saved, timeout=WAIT) as saved:
        page.batch_button.click()
    officials = [f"T-{n:06d}" for n in range(10) if n % 8 == 0]
    assert saved.args[0].count == len(officials) and out.is_file()
    assert all(badge_info(event_db, code).prints.count == 1 for code in officials)


def test_checked_in_means_the_desks_working_day(qtbot: QtBot, page: BadgesPage,
                                                event_db: Database) -> None:
    check_in(event_db, "T-000002", day=EVENT_DAY, desk=TEST_DESK)
    assert scan(qtbot, page, "T-000002").checkin is None  # today: no event day
    # (the check-in's change may refresh the card first, for the day it shows: the worker
    # answers in order, so the card asked for day 1 is the one that comes after it)
    with qtbot.waitSignal(page.badge_shown, timeout=WAIT,
                          check_params_cb=lambda info: info.day == EVENT_DAY) as shown:
        page.set_day(EVENT_DAY)  # the desk rehearses on day 1: the card is asked again
    info = shown.args[0]
    assert info.day == EVENT_DAY and info.checkin is not None
    assert page.card.checkin.text().startswith("Checked in on 26 Nov 2020 at ")
    assert page.card.checkin.text().endswith(f"({TEST_DESK.name}).")
    assert scan(qtbot, page, "T-000004").checkin is None
    assert page.card.checkin.text() == "Not checked in on 26 Nov 2020."


def _type_and_wait(qtbot: QtBot, page: BadgesPage, text: str) -> int:
    with qtbot.waitSignal(page.guests_found, timeout=WAIT) as found:
        qtbot.keyClicks(page.scan_field, text)
    return int(found.args[0])


def test_a_badge_is_found_by_the_guests_name(qtbot: QtBot, page: BadgesPage) -> None:
    assert _type_and_wait(qtbot, page, "Guest 00003") == 1
    assert page.matches.isVisible() and page.scan_field.hasFocus()
    with qtbot.waitSignal(page.badge_shown, timeout=WAIT) as shown:
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert shown.args[0].code == "T-000003"
    assert not page.matches.isVisible() and page.scan_field.text() == ""
    assert page.print_button.isEnabled()


def test_the_arrows_and_a_double_click_choose_among_several(qtbot: QtBot,
                                                            page: BadgesPage) -> None:
    count = _type_and_wait(qtbot, page, "Guest 0000")
    assert count == 10
    second = page.matches_model.guest_at(1)
    assert second is not None
    qtbot.keyClick(page.scan_field, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.badge_shown, timeout=WAIT) as shown:
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert shown.args[0].guest.id == second.id
    _type_and_wait(qtbot, page, "Guest 0000")
    third = page.matches_model.guest_at(2)
    assert third is not None
    with qtbot.waitSignal(page.badge_shown, timeout=WAIT) as shown:
        page.matches.doubleClicked.emit(page.matches_model.index(2, 0))
    assert shown.args[0].guest.id == third.id


def test_a_scanned_code_wins_over_the_names_listed(qtbot: QtBot, page: BadgesPage) -> None:
    assert _type_and_wait(qtbot, page, "T-000007") >= 1  # the code also finds its guest
    with qtbot.waitSignal(page.badge_shown, timeout=WAIT) as shown:
        qtbot.keyClick(page.scan_field, Qt.Key.Key_Return)
    assert shown.args[0].code == "T-000007"


def test_the_window_gives_the_badges_page_the_working_day(qtbot: QtBot, worker: Worker,
                                                          event_db: Database) -> None:
    window = MainWindow(worker, describe(event_db))
    qtbot.addWidget(window)
    window.show()
    assert window.badges_page.day == window.checkin_page.day  # today, at first
    window.checkin_page.choose_day(EVENT_DAY)
    assert window.badges_page.day == EVENT_DAY
    qtbot.waitUntil(lambda: worker.pending == 0)


def test_a_code_replaced_by_a_guest_list_says_why_in_chinese(
        qtbot: QtBot, page: BadgesPage, event_db: Database, tmp_path: Path) -> None:
    # Found by hand: "原因：replaced by the guest list conf.csv" in the Chinese window.
    guest = guest_records(10)[1]
    source = tmp_path / "新名单.csv"
    source.write_text(f"姓名,手机,胸卡号\n{guest['name']},{guest['mobile']},X-000001\n",
                      encoding="utf-8")
    assert import_file(event_db, source, replace_badge_codes=True).badge_codes_replaced == 1
    i18n.apply_language(i18n.CHINESE)
    old = scan(qtbot, page, "T-000001")
    assert old.status is BadgeStatus.REVOKED
    status = page.card.status.text()
    assert "X-000001" in status and "新名单.csv" in status
    assert "replaced by" not in status and "导入嘉宾名单 新名单.csv 时更换" in status
    i18n.apply_language(i18n.ENGLISH)
    page.card.show_info(old)
    assert "Reason: replaced by the guest list 新名单.csv" in page.card.status.text()
