"""The check-in page's last admissions: the time column holds the widest time whole, in
either language, whatever the header's width (时间 is narrower than "23:59")."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QStyle
from pytestqt.qtbot import QtBot

from tests.gui.gui_helpers import EVENT_DAY
from wimc_desktop.domain.checkin import CheckInRecord, CheckInResult, Outcome
from wimc_desktop.domain.models import Event
from wimc_desktop.ui import i18n
from wimc_desktop.ui.recent_admissions_panel import TIME_COLUMN, RecentAdmissionsPanel


def admission(n: int, utc_hour: int, minute: int) -> CheckInResult:
    at = dt.datetime(2020, 11, 26, utc_hour, minute, tzinfo=dt.UTC)
    record = CheckInRecord(f"c{n}", f"g{n}", EVENT_DAY, at, "Desk 3", "Li", "scan")
    return CheckInResult(Outcome.ADMITTED, f"T-{n:06d}", EVENT_DAY, checkin=record)


def needed(panel: RecentAdmissionsPanel, text: str) -> float:
    """The cell's text and its margins, as the item delegate lays them out."""
    view = panel.view
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return QFontMetricsF(view.font()).horizontalAdvance(text) + 2 * margin


@pytest.mark.usefixtures("desk_look")
@pytest.mark.parametrize("language", [i18n.CHINESE, i18n.ENGLISH])
@pytest.mark.parametrize("point_size", [0.0, 16.0])  # the desk's font; a larger one
def test_the_time_column_holds_23_59(qtbot: QtBot, language: str, point_size: float) -> None:
    i18n.apply_language(language)
    panel = RecentAdmissionsPanel()
    qtbot.addWidget(panel)
    if point_size:
        font = panel.view.font()
        font.setPointSizeF(point_size)
        panel.view.setFont(font)
    panel.set_event(Event("e", "世界智能制造大会", "WIMC", "南京国际博览中心", "南京", EVENT_DAY,
                          EVENT_DAY, "Asia/Shanghai", "WIMC"))
    panel.resize(640, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_results([admission(1, 1, 5)])  # 09:05, the list empty before (the header's size)
    panel.set_results([admission(2, 15, 59), admission(1, 1, 5)])  # 23:59 on top
    qtbot.wait(10)  # (a layout pass)
    view = panel.view
    assert view.model().index(0, TIME_COLUMN).data() == "23:59"
    width = view.columnWidth(TIME_COLUMN)
    assert width >= needed(panel, "23:59") and width >= view.sizeHintForColumn(TIME_COLUMN)
    assert width >= view.horizontalHeader().sectionSizeHint(TIME_COLUMN)  # the header too
    time_header = view.model().headerData(TIME_COLUMN, Qt.Orientation.Horizontal)
    title = panel.title.text()
    other = i18n.ENGLISH if language == i18n.CHINESE else i18n.CHINESE
    i18n.apply_language(other)  # switched while the list is shown
    qtbot.waitUntil(lambda: panel.title.text() != title)  # (the panel's language change)
    assert view.model().headerData(TIME_COLUMN, Qt.Orientation.Horizontal) != time_header
    assert view.columnWidth(TIME_COLUMN) >= max(needed(panel, "23:59"),
                                                view.sizeHintForColumn(TIME_COLUMN))
    assert view.columnWidth(TIME_COLUMN) >= view.horizontalHeader().sectionSizeHint(TIME_COLUMN)
