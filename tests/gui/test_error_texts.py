"""Known failures of the core are shown in the interface language, with their details."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.conftest import ShownBox
from tests.gui.gui_helpers import EVENT_DAY, TEST_DESK
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.errors import BadInputError, ImportProblem, ImportRejectedError
from wimc_desktop.domain.problems import Reason
from wimc_desktop.services.events import get_event
from wimc_desktop.services.walkin import register_walk_in
from wimc_desktop.ui import i18n
from wimc_desktop.ui.error_texts import error_text
from wimc_desktop.ui.main_window import MainWindow
from wimc_desktop.ui.opened_event import NewEventInput, OpenedEvent
from wimc_desktop.ui.signings_page import SigningsPage
from wimc_desktop.ui.walk_in_dialog import WalkInDialog
from wimc_desktop.ui.worker import Worker

WAIT = 10_000
BAD_MOBILE_ZH = "'12345'：手机号码无效（应为以1开头的11位数字，或带国家代码）"


@pytest.fixture
def chinese() -> Iterator[None]:
    i18n.apply_language(i18n.CHINESE)
    yield
    i18n.apply_language(i18n.ENGLISH)


def test_english_is_the_core_text_and_a_bug_stays_as_it_is() -> None:
    exc = BadInputError("the last day {end} is before the first day {start}",
                        end=dt.date(2021, 10, 20), start=dt.date(2021, 10, 22))
    assert error_text(exc) == str(exc)
    assert error_text(ValueError("a bug")) == "a bug"
    unlisted = BadInputError("{what}: a message nobody listed", what="x")
    i18n.apply_language(i18n.CHINESE)
    assert error_text(unlisted) == "x: a message nobody listed"
    assert error_text(exc) == "最后一天 2021-10-20 早于第一天 2021-10-22"


def test_a_rejected_guest_list_is_explained_piece_by_piece(chinese: None) -> None:
    problem = ImportProblem.of(3, "手机号码", "12345", Reason.INVALID_MOBILE, "guests.csv")
    exc = ImportRejectedError([problem, problem], "guests.csv")
    assert str(exc).startswith("guests.csv: rejected, nothing imported: guests.csv: row 3, "
                               "column '手机号码', value '12345': invalid mobile number")
    assert error_text(exc) == (
        "guests.csv：文件被拒绝，未导入任何内容：guests.csv：第 3 行，列 '手机号码'，"
        "值 '12345'：手机号码无效（应为以1开头的11位数字，或带国家代码）（另有 1 处问题）")


def test_a_walk_in_refused_by_the_core_says_why_in_chinese(
        qtbot: QtBot, worker: Worker, event_db: Database, chinese: None,
        monkeypatch: pytest.MonkeyPatch, message_boxes: list[ShownBox]) -> None:
    with pytest.raises(BadInputError) as raised:  # the core's own words, in English
        register_walk_in(event_db, name="赵敏", mobile="12345", day=EVENT_DAY, desk=TEST_DESK)
    assert str(raised.value) == ("'12345': invalid mobile number (11 digits starting with 1, "
                                 "or +country code)")
    dialog = WalkInDialog(worker, event_db, get_event(event_db), EVENT_DAY, TEST_DESK)
    qtbot.addWidget(dialog)
    # The form checks the mobile itself; without that, the core's rule answers.
    monkeypatch.setattr(dialog, "_input_problem", lambda: "")
    dialog.show()
    dialog.name_edit.setText("赵敏")
    dialog.mobile_edit.setText("12345")
    dialog.register_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=WAIT)
    assert dialog.error.text() == BAD_MOBILE_ZH
    assert dialog.register_button.isEnabled() and not message_boxes


def test_a_signing_form_says_what_is_wrong_in_chinese(
        qtbot: QtBot, worker: Worker, event_db: Database, chinese: None) -> None:
    page = SigningsPage(worker)
    qtbot.addWidget(page)
    page.set_desk(TEST_DESK)
    with qtbot.waitSignal(page.signings_listed, timeout=WAIT):
        page.set_database(event_db, get_event(event_db))
    dialog = page.make_dialog()
    qtbot.addWidget(dialog)
    dialog.amount.setText("5.2 bananas")
    assert dialog.amount_parsed.text() == ("不是有效的金额：'5.2 bananas'（请写成 "
                                           "1,234,567.89、5.2亿 或 3000万 这样的形式）")
    dialog.amount.setText("5.2亿")
    dialog.buttons.accepted.emit()  # no project name: a composed message, both pieces in Chinese
    assert dialog.error.text() == "签约需要填写项目名称"
    qtbot.waitUntil(lambda: worker.pending == 0)


def test_a_known_error_box_speaks_chinese(
        qtbot: QtBot, worker: Worker, opened: OpenedEvent, tmp_path: object,
        monkeypatch: pytest.MonkeyPatch, message_boxes: list[ShownBox]) -> None:
    window = MainWindow(worker, opened)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.guests_page.model.guests_loaded):
        window.show()
    i18n.apply_language(i18n.CHINESE)
    values = NewEventInput(path=f"{tmp_path}/bad.wimc", name_zh="坏活动", name_en="",
                           venue="", city="", start=dt.date(2021, 10, 22),
                           end=dt.date(2021, 10, 20), timezone="Asia/Shanghai")
    monkeypatch.setattr(window, "_ask_new_event", lambda: values)
    window.new_action.trigger()
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=WAIT)
    assert message_boxes[0].info == "最后一天 2021-10-20 早于第一天 2021-10-22"
