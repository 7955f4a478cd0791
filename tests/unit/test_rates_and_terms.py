"""One rounding of rates everywhere, and one word for check-in (签到) in every Chinese text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from wimc_desktop.domain.reports import rate_text
from wimc_desktop.services.report_rows import COLUMNS, METHODS, TEXT

TS_FILE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "wimc_zh_CN.ts"


@pytest.mark.parametrize(("part", "whole", "text"), [
    (1, 8, "12.5%"),     # exact
    (1, 16, "6.3%"),     # 6.25: a half rounds up (Python's format rounds it down: 6.2%)
    (1, 32, "3.1%"),     # 3.125
    (2, 3, "66.7%"),
    (1, 3, "33.3%"),
    (5, 5, "100.0%"),
    (0, 7, "0.0%"),
    (0, 0, "0.0%"),      # nobody registered
    (1, 2000, "0.1%"),   # 0.05
])
def test_rates_round_halves_up_to_one_decimal(part: int, whole: int, text: str) -> None:
    assert rate_text(part, whole) == text


def chinese_translations() -> list[str]:
    root = ET.parse(TS_FILE).getroot()
    texts = []
    for translation in root.iter("translation"):
        forms = translation.findall("numerusform")
        texts += [f.text or "" for f in forms] if forms else [translation.text or ""]
    return texts


def test_check_in_is_called_qiandao_everywhere() -> None:
    """The window says 签到; the report files (PDF, XLSX, CSV) must not say 报到."""
    report_words = [zh for zh, _en in TEXT.values()] + [zh for zh, _en in METHODS.values()] \
        + [zh for zh, _en, _kind in COLUMNS.values()]
    for text in report_words + chinese_translations():
        assert "报到" not in text, text
    assert TEXT["desk"][0] == "签到台" and TEXT["title"][0] == "每日签到报表"
