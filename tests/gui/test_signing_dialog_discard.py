"""Leaving the signing form without saving (Esc, Cancel, the title bar's close button)
asks "Discard this signing?" when anything was typed, and closes at once otherwise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.conftest import ShownBox
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.signings import SigningDraft, SigningParty
from wimc_desktop.services.signings import SigningChoices, add_signing
from wimc_desktop.ui import i18n
from wimc_desktop.ui.signing_dialog import SigningDialog
from wimc_desktop.ui.worker import Worker

CHOICES = SigningChoices(ceremonies=("闭幕式",), sectors=("智能装备",), locations=("江宁区",),
                         days=())


@pytest.fixture
def dialog(qtbot: QtBot, worker: Worker, event_db: Database) -> Iterator[SigningDialog]:
    d = SigningDialog(worker, event_db, "Asia/Shanghai", CHOICES)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    yield d
    i18n.apply_language(i18n.ENGLISH)


def press_esc(qtbot: QtBot, d: SigningDialog) -> None:
    qtbot.keyClick(d.project_zh, Qt.Key.Key_Escape)


def click_cancel(qtbot: QtBot, d: SigningDialog) -> None:
    d.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()


def close_window(qtbot: QtBot, d: SigningDialog) -> None:
    d.close()  # what the title bar's close button does


LEAVE = [press_esc, click_cancel, close_window]


@pytest.mark.parametrize("leave", LEAVE, ids=["esc", "cancel", "close"])
def test_an_untouched_form_closes_at_once(
        qtbot: QtBot, dialog: SigningDialog, leave: Callable[[QtBot, SigningDialog], None],
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(dialog, "_confirm_discard", lambda: asked.append(True) or True)
    leave(qtbot, dialog)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert asked == []


@pytest.mark.parametrize("leave", LEAVE, ids=["esc", "cancel", "close"])
def test_a_typed_form_asks_before_it_is_lost(
        qtbot: QtBot, dialog: SigningDialog, leave: Callable[[QtBot, SigningDialog], None],
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog.project_zh.insert("智能工厂项目")  # (keyClicks types ASCII only)
    dialog.witnesses.add("张三", "副市长")
    answers = [False, True]
    asked: list[bool] = []
    monkeypatch.setattr(dialog, "_confirm_discard",
                        lambda: asked.append(True) or answers[len(asked) - 1])
    leave(qtbot, dialog)  # "keep editing"
    assert asked == [True]
    assert dialog.isVisible() and dialog.project_zh.text() == "智能工厂项目"
    assert dialog.witnesses.rows() == [(["张三", "副市长"], None)]
    leave(qtbot, dialog)  # "discard"
    assert asked == [True, True]
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_an_amended_signing_asks_only_once_changed(
        qtbot: QtBot, worker: Worker, event_db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    signing = add_signing(event_db, SigningDraft(
        "智能工厂项目", Decimal("520000000"), (SigningParty("西门子", "", ""),
                                          SigningParty("江宁区人民政府", "", "")),
        dt.datetime(2020, 11, 28, 7, 10, tzinfo=dt.UTC)), operator="王芳")
    d = SigningDialog(worker, event_db, "Asia/Shanghai", CHOICES)
    qtbot.addWidget(d)
    d.set_signing(signing)
    d.show()
    asked: list[bool] = []
    monkeypatch.setattr(d, "_confirm_discard", lambda: asked.append(True) or False)
    assert not d.has_changes()
    d.amount.setText("6亿")
    press_esc(qtbot, d)
    assert asked == [True] and d.isVisible()
    d.amount.setText(str(signing.amount))
    press_esc(qtbot, d)
    assert asked == [True] and not d.isVisible()


def test_the_question_in_chinese(qtbot: QtBot, dialog: SigningDialog,
                                 message_boxes: list[ShownBox]) -> None:
    i18n.apply_language(i18n.CHINESE)
    dialog.amount.setText("5亿")
    press_esc(qtbot, dialog)  # the recorder answers neither Discard: the form stays
    assert dialog.isVisible() and dialog.amount.text() == "5亿"
    [box] = message_boxes
    assert box.icon == QMessageBox.Icon.Question
    assert (box.text, box.info) == ("放弃本次签约录入？", "已填写的内容不会保存。")
