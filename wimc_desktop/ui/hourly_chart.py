"""Arrivals per hour as bars painted with QPainter (no QtCharts on the desk)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from wimc_desktop.ui.i18n import count_text
from wimc_desktop.ui.retranslating import Retranslating

BAR_COLOR = QColor("#1f6fb2")
PEAK_COLOR = QColor("#d9822b")
# The desk opens early and closes late: these hours are always drawn, even when empty.
DEFAULT_HOURS = range(8, 19)


class HourlyChart(Retranslating, QWidget):
    """One bar per local hour with its count above and the hour below; the busiest in orange.

    `bars` is the data painted, as (hour label, count) pairs, so tests read it back.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hourlyChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)
        self._bars: list[tuple[str, int]] = []
        self._empty_text = ""
        self.retranslate_ui()

    @property
    def bars(self) -> list[tuple[str, int]]:
        return list(self._bars)

    def set_counts(self, by_hour: dict[str, int]) -> None:
        """Show admissions per hour ({"09": 42, ...}); the usual desk hours are always shown."""
        hours = {int(h) for h in by_hour} | set(DEFAULT_HOURS)
        bars = [(f"{h:02d}", by_hour.get(f"{h:02d}", 0))
                for h in range(min(hours), max(hours) + 1)]
        if bars != self._bars:
            self._bars = bars
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, 220)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(text_color)
        peak = max((n for _, n in self._bars), default=0)
        if peak == 0:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty_text)
            return
        line = painter.fontMetrics().height()
        area = QRectF(self.rect()).adjusted(4, line + 4, -4, -(line + 6))
        slot = area.width() / len(self._bars)
        for index, (hour, count) in enumerate(self._bars):
            left = area.left() + index * slot
            height = area.height() * count / peak
            bar = QRectF(left + slot * 0.15, area.bottom() - height, slot * 0.7, height)
            painter.fillRect(bar, PEAK_COLOR if count == peak else BAR_COLOR)
            painter.setPen(text_color)
            if count:
                painter.drawText(QRectF(left, bar.top() - line - 2, slot, line),
                                 Qt.AlignmentFlag.AlignCenter, count_text(count))
            painter.drawText(QRectF(left, area.bottom() + 4, slot, line),
                             Qt.AlignmentFlag.AlignCenter, hour)
        painter.setPen(text_color.lighter(150) if text_color.lightness() < 128 else text_color)
        painter.drawLine(area.bottomLeft(), area.bottomRight())

    def retranslate_ui(self) -> None:
        self._empty_text = self.tr("No arrivals yet")
        self.setToolTip(self.tr("Guests admitted per hour (local time); the busiest hour in "
                                "orange"))
        self.update()
