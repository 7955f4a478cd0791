"""Texts with a count take the singular in English ("1 row", not "1 rows") and write the
count as the language does (12,345), in both languages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from wimc_desktop.domain.badges import PrintRecord, PrintStatus
from wimc_desktop.domain.models import ImportReport
from wimc_desktop.ui import i18n
from wimc_desktop.ui.badge_card import BadgeCard
from wimc_desktop.ui.import_check_page import summary_text


@pytest.fixture(autouse=True)
def english_after(qapp: object) -> Iterator[None]:
    yield
    i18n.apply_language(i18n.ENGLISH)


def _report(rows: int, added: int) -> ImportReport:
    return ImportReport(file="conf.csv", encoding="utf-8", sheet="", header_row=1, mapping={},
                        total_rows=rows, added=added, updated=rows - added)


def test_import_summary_in_english() -> None:
    i18n.apply_language(i18n.ENGLISH)
    assert summary_text(_report(1, 1)) == "1 row: 1 new guest, 0 updated, 0 unchanged."
    assert (summary_text(_report(12345, 12000))
            == "12,345 rows: 12,000 new guests, 345 updated, 0 unchanged.")


def test_import_summary_in_chinese() -> None:
    i18n.apply_language(i18n.CHINESE)
    assert summary_text(_report(1, 1)) == "共 1 行：新增嘉宾 1 人，更新 0 人，未变 0 人。"
    assert (summary_text(_report(12345, 12000))
            == "共 12,345 行：新增嘉宾 12,000 人，更新 345 人，未变 0 人。")


def _prints(count: int) -> PrintStatus:
    at = dt.datetime(2020, 11, 26, 1, 30, tzinfo=dt.UTC)
    return PrintStatus(guest_id="g", code="W-1", count=count,
                       last=PrintRecord(at=at, desk="Desk 3", operator="王芳",
                                        template="hanging", output="pdf", reason=""))


@pytest.mark.parametrize(("language", "count", "expected"), [
    (i18n.ENGLISH, 1, "Printed once, last at 2020-11-26 09:30 by Desk 3."),
    (i18n.ENGLISH, 1200, "Printed 1,200 times, last at 2020-11-26 09:30 by Desk 3."),
    (i18n.CHINESE, 1200, "已打印 1,200 次，最近一次：2020-11-26 09:30，Desk 3。"),
])
def test_badge_prints(qtbot: QtBot, language: str, count: int, expected: str) -> None:
    i18n.apply_language(language)
    card = BadgeCard()
    qtbot.addWidget(card)
    assert card.prints_text(_prints(count)) == expected


@pytest.mark.parametrize(("context", "text", "one", "many"), [
    ("CeremonyView", "%Ln projects signed", "1 project signed", "1,234 projects signed"),
    ("BadgesPage", "%Ln of these badges were printed before.",
     "1 of these badges was printed before.", "1,234 of these badges were printed before."),
    ("ImportCheckPage", "Replace their badge codes (%Ln guests get this file's codes; their "
     "old badges are revoked, as in a reissue)",
     "Replace the badge code (1 guest gets this file's code; the old badge is revoked, as in "
     "a reissue)",
     "Replace their badge codes (1,234 guests get this file's codes; their old badges are "
     "revoked, as in a reissue)"),
    ("ImportPreviewPage", "The first %Ln rows as read:", "The first row as read:",
     "The first 1,234 rows as read:"),
    ("ImportRunPage", "Importing… %1 of %Ln rows", "Importing… %1 of 1 row",
     "Importing… %1 of 1,234 rows"),
])
def test_english_plural_forms(context: str, text: str, one: str, many: str) -> None:
    i18n.apply_language(i18n.ENGLISH)
    assert QCoreApplication.translate(context, text, None, 1) == one
    assert QCoreApplication.translate(context, text, None, 1234) == many


@pytest.mark.parametrize(("context", "text", "expected"), [
    ("CeremonyView", "%Ln projects signed", "已签约 1,234 项"),
    ("BadgesPage", "%Ln of these badges were printed before.", "其中 1,234 张胸卡此前已打印过。"),
    ("ImportPreviewPage", "The first %Ln rows as read:", "读取到的前 1,234 行："),
    ("ImportRunPage", "Importing… %1 of %Ln rows", "正在导入… 第 %1 / 1,234 行"),
])
def test_chinese_counts(context: str, text: str, expected: str) -> None:
    i18n.apply_language(i18n.CHINESE)
    assert QCoreApplication.translate(context, text, None, 1234) == expected
