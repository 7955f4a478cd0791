"""Import problems are shown in the interface language, by their reason code."""

from __future__ import annotations

from PySide6.QtCore import Qt

from wimc_desktop.domain.errors import ImportProblem
from wimc_desktop.domain.problems import REASON_TEXT, Reason, reason_text
from wimc_desktop.ui import i18n
from wimc_desktop.ui.problem_texts import problem_text
from wimc_desktop.ui.problems_view import ProblemsView

ARGS = {"limit": "200", "row": "7", "code": "WIMC-ABCDEF2", "line": "12", "char": "U+202E",
        "position": "3", "start": "7", "end": "9", "old": "X-000006", "new": "WIMC20-000006"}


def sample(code: Reason) -> ImportProblem:
    needed = {k: v for k, v in ARGS.items() if "{" + k + "}" in REASON_TEXT[code]}
    return ImportProblem.of(3, "手机号码", "x", code, "guests.csv", **needed)


def test_english_is_the_core_text_for_every_reason() -> None:
    for code in Reason:
        problem = sample(code)
        assert problem_text(problem) == reason_text(code, dict(problem.args)), code


def test_chinese_has_a_text_for_every_reason() -> None:
    i18n.apply_language(i18n.CHINESE)
    texts = {code: problem_text(sample(code)) for code in Reason}
    assert texts[Reason.MISSING_NAME] == "缺少姓名"
    assert texts[Reason.INVALID_MOBILE] == "手机号码无效（应为以1开头的11位数字，或带国家代码）"
    assert texts[Reason.DUPLICATE_BADGE_CODE] == "胸卡号重复（第 7 行也有）"
    assert texts[Reason.TOO_LONG] == "内容过长（超过 200 个字符）"
    assert texts[Reason.REVOKED_BADGE_CODE] == "胸卡号已作废（已由 WIMC-ABCDEF2 替换）"
    for code, text in texts.items():
        assert text != REASON_TEXT[code] and not text.isascii(), code


def test_an_unknown_code_falls_back_to_the_reason() -> None:
    problem = ImportProblem(4, "姓名", "", "something new", code="from_the_future")
    assert problem_text(problem) == "something new"
    assert problem_text(ImportProblem(4, "姓名", "", "old style")) == "old style"


def test_the_problems_table_follows_the_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = ProblemsView()
    qtbot.addWidget(view)
    view.show_problems([sample(Reason.MISSING_NAME), sample(Reason.SAME_GUEST_AS_ROW)])
    assert view.model.cell(1, 3) == "the same guest as row 7"
    i18n.apply_language(i18n.CHINESE)
    qtbot.waitUntil(lambda: view.model.cell(0, 3) == "缺少姓名")
    assert view.model.cell(1, 3) == "与第 7 行是同一位嘉宾"
    assert view.model.headerData(3, Qt.Orientation.Horizontal) == "原因"
