"""A control or text-direction character refused by a form's service reaches the window in
Chinese, and import problems of the new kinds too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wimc_desktop.domain.errors import BadInputError, ImportProblem, ImportRejectedError
from wimc_desktop.domain.problems import Reason
from wimc_desktop.domain.text_safety import check_fields
from wimc_desktop.ui import i18n
from wimc_desktop.ui.error_texts import error_text
from wimc_desktop.ui.problem_texts import problem_text


@pytest.fixture
def chinese() -> Iterator[None]:
    i18n.apply_language(i18n.CHINESE)
    yield
    i18n.apply_language(i18n.ENGLISH)


@pytest.mark.usefixtures("chinese")
def test_a_refused_character_is_told_in_chinese() -> None:
    with pytest.raises(BadInputError) as caught:
        check_fields({"name": "刘洋", "organization": "南京\u202e钢铁"})
    assert error_text(caught.value) == ("工作单位的第 3 个字符 U+202E 是控制字符（例如换行）或"
                                         "文字方向控制符，此处不允许")


@pytest.mark.usefixtures("chinese")
def test_the_new_import_reasons_are_told_in_chinese() -> None:
    quote = ImportProblem.of(2, "工作单位", "x", Reason.QUOTE_RUNS_ON, "a.csv", row=2, start=2,
                             end=4)
    conflict = ImportProblem.of(3, "胸卡号", "WIMC20-000006", Reason.BADGE_CODE_CONFLICT,
                                "a.csv", old="X-000006", new="WIMC20-000006")
    assert problem_text(quote) == ("单元格内有换行：第 2 行开始的引号从第 2 行一直延续到第 4 行"
                                   "（多余的引号吞并了后面的行）")
    assert problem_text(conflict) == ("胸卡号冲突：该嘉宾已有胸卡号 X-000006，本行给出的是 "
                                      "WIMC20-000006（替换后旧胸卡作废）")
    text = error_text(ImportRejectedError([conflict], "a.csv"))
    assert "X-000006" in text and "胸卡号冲突" in text and text.startswith("a.csv")
