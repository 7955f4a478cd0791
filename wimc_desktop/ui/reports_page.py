"""The Reports page: every figure of an event day at a glance, and its export to files."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.changes import ChangeKind, Changes
from wimc_desktop.domain.models import Event
from wimc_desktop.domain.reports import DailyReport
from wimc_desktop.services.reports import daily_report
from wimc_desktop.ui import i18n, messages
from wimc_desktop.ui.change_hub import ChangeHub, WhenShown, watched
from wimc_desktop.ui.checkin_banner import day_text
from wimc_desktop.ui.hourly_chart import HourlyChart
from wimc_desktop.ui.report_export_panel import ReportExportPanel
from wimc_desktop.ui.report_sections import ReportSections, day_of
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.worker import Worker
from wimc_desktop.ui.working_day import event_today

# The big numbers at the top, in the order shown.
FIGURES = ("registered", "admitted", "first_arrivals", "returning", "walk_ins", "vip_arrived",
           "vip_missing")


def figure_values(r: DailyReport) -> dict[str, int]:
    return {"registered": r.registered, "admitted": r.admitted,
            "first_arrivals": r.first_arrivals, "returning": r.returning,
            "walk_ins": r.walk_ins, "vip_arrived": len(r.vip_arrived),
            "vip_missing": len(r.vip_missing)}


# What the figures show (the refused scans are audit rows).
REPORT_KINDS = {ChangeKind.CHECKIN, ChangeKind.GUEST, ChangeKind.IMPORT, ChangeKind.EVENT,
                ChangeKind.SIGNING, ChangeKind.BADGE, ChangeKind.AUDIT}


class ReportsPage(Retranslating, QWidget):
    """Choose an event day; the figures are read on the worker and shown at once.

    `report` is the DailyReport shown (None before the first one arrives);
    `report_shown` is emitted each time a new one is on screen.
    """

    report_shown = Signal(object)

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._db: Database | None = None
        self._event: Event | None = None
        self.report: DailyReport | None = None
        self._sections = ReportSections(self)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.day_label = QLabel()
        self.day_combo = QComboBox()
        self.day_combo.setObjectName("reportDay")
        self.refresh_button = QPushButton()
        self.status = QLabel()
        self.figure_titles = {key: QLabel() for key in FIGURES}
        self.figure_labels = {key: QLabel("–") for key in FIGURES}
        self.chart_title = QLabel()
        self.chart = HourlyChart()
        self.details = QTextBrowser()
        self.details.setObjectName("reportDetails")
        # Words whole ("Registered", not "Register / ed"): a narrow pane scrolls instead.
        self.details.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.export_panel = ReportExportPanel(worker)
        self._hub = ChangeHub.of(worker)
        self._when_shown = WhenShown(self, self.refresh, slow=True)
        self._build()
        self._connect_signals()
        self.retranslate_ui()

    def _build(self) -> None:
        top = QHBoxLayout()  # the page's title left, the day right, as on the check-in page
        top.addWidget(self.title)
        top.addWidget(self.status, 1, Qt.AlignmentFlag.AlignCenter)
        top.addWidget(self.day_label)
        top.addWidget(self.day_combo)
        top.addWidget(self.refresh_button)
        figures = QGridLayout()
        for column, key in enumerate(FIGURES):
            value = self.figure_labels[key]
            value.setObjectName("reportFigure")
            value.setStyleSheet("font-size: 20pt; font-weight: bold;")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.figure_titles[key].setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.figure_titles[key].setWordWrap(True)
            figures.addWidget(value, 0, column)
            figures.addWidget(self.figure_titles[key], 1, column)
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setLayout(figures)
        left = QVBoxLayout()
        left.addWidget(self.chart_title)
        left.addWidget(self.chart, 1)
        left.addWidget(self.export_panel)
        middle = QHBoxLayout()
        middle.addLayout(left, 1)
        middle.addWidget(self.details, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)  # as every other page
        layout.addLayout(top)
        layout.addWidget(frame)
        layout.addLayout(middle, 1)

    def _connect_signals(self) -> None:
        self.day_combo.activated.connect(self._on_day_combo_activated)
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self._hub.changed.connect(self._on_hub_changed)

    @property
    def day(self) -> dt.date | None:
        value = self.day_combo.currentData()
        return dt.date.fromisoformat(value) if isinstance(value, str) else None

    def set_database(self, db: Database | None, event: Event | None) -> None:
        """Report on another event (None: no event open); opens on today or the first day."""
        self._db, self._event, self.report = db, event, None
        if db is not None:
            self._hub.set_database(db)
        self._fill_days(day_of(event.days, event_today(event)) if event else None)
        self.refresh()

    def set_day(self, day: dt.date) -> None:
        """Show the figures of `day` (the desk's working day); ignored if not an event day."""
        index = self.day_combo.findData(day.isoformat())
        if index >= 0 and day != self.day:
            self.day_combo.setCurrentIndex(index)
            self.refresh()

    def set_desk(self, desk: str, operator: str = "") -> None:
        self.export_panel.set_desk(desk, operator)

    def refresh(self) -> None:
        """Read the figures of the chosen day again (on the worker)."""
        db, day = self._db, self.day
        self.export_panel.set_target(db, day or dt.date.today())
        if db is None or day is None:
            return
        self._when_shown.mark_fresh()
        self.status.setText(self.tr("Reading the figures…"))
        self._worker.submit(lambda: daily_report(db, day), on_success=self._on_report_read,
                            on_failure=self._on_report_failed, context=self)

    def _fill_days(self, chosen: dt.date | None) -> None:
        self.day_combo.clear()
        for number, day in enumerate(self._event.days if self._event else [], 1):
            self.day_combo.addItem(self.tr("Day %1: %2").replace("%1", str(number))
                                   .replace("%2", day_text(day)), day.isoformat())
        if chosen is not None:
            self.day_combo.setCurrentIndex(max(self.day_combo.findData(chosen.isoformat()), 0))

    def _on_day_combo_activated(self, _index: int) -> None:
        self.refresh()

    def _on_refresh_button_clicked(self) -> None:
        self.refresh()

    def _on_report_read(self, report: DailyReport) -> None:
        if report.day != self.day:  # an answer for a day no longer chosen
            return
        self.report = report
        self._show(report)
        self.report_shown.emit(report)

    def _on_report_failed(self, exc: Exception) -> None:
        self.status.setText(self.tr("The figures could not be read."))
        messages.report_error(self, exc, self.tr("The figures could not be read."))

    def _show(self, report: DailyReport) -> None:
        for key, value in figure_values(report).items():
            self.figure_labels[key].setText(i18n.count_text(value))
        self.chart.set_counts(report.by_hour)
        bar = self.details.verticalScrollBar().value()
        self.details.setHtml(self._sections.all(report))
        self.details.verticalScrollBar().setValue(bar)
        self.status.setText("")

    def retranslate_ui(self) -> None:
        titles = {"registered": self.tr("Registered"), "admitted": self.tr("Arrived this day"),
                  "first_arrivals": self.tr("First arrivals"),
                  "returning": self.tr("Returning"), "walk_ins": self.tr("Walk-ins"),
                  "vip_arrived": self.tr("VIPs arrived"),
                  "vip_missing": self.tr("VIPs not yet arrived")}
        for key, title in titles.items():
            self.figure_titles[key].setText(title)
        self.title.setText(self.tr("Reports"))
        self.day_label.setText(self.tr("Event day:"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.chart_title.setText(self.tr("Arrivals per hour"))
        self._fill_days(self.day)
        if self.report is not None:
            self._show(self.report)

    def _on_hub_changed(self, changes: Changes) -> None:
        """Any desk's admissions, walk-ins, imports, signings: the figures read again,
        at most once a second (hidden: noted, and read when shown)."""
        if not watched(changes, REPORT_KINDS):
            return
        self._when_shown.request()
