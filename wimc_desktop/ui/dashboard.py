"""The supervisors' dashboard: today's arrivals against the expected, kept up to date by
the change feed."""

from __future__ import annotations

import datetime as dt
import html
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.audit_chain import ChainHead
from wimc_desktop.domain.changes import ChangeKind, Changes
from wimc_desktop.domain.models import Event
from wimc_desktop.domain.reports import CategoryFigures, MissingGuest, rate_text
from wimc_desktop.services.audit import chain_head
from wimc_desktop.services.checkin import expected_count
from wimc_desktop.services.reports import daily_report
from wimc_desktop.services.sync.desk import conflicts
from wimc_desktop.services.sync.receipts import (
    DUPLICATE_ADMISSION,
    GUEST_EDIT_CONFLICT,
    SIGNING_AMEND_CONFLICT,
    conflict_fields,
)
from wimc_desktop.ui.change_hub import ChangeHub, WhenShown, watched
from wimc_desktop.ui.checkin_banner import day_text, local_time_text
from wimc_desktop.ui.field_labels import field_label, signing_field_label
from wimc_desktop.ui.hourly_chart import HourlyChart
from wimc_desktop.ui.i18n import count_text
from wimc_desktop.ui.report_sections import category_name, day_of
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.screen_fit import fitted
from wimc_desktop.ui.worker import Worker
from wimc_desktop.ui.working_day import event_today

log = logging.getLogger("wimc_desktop.ui")
VIPS_SHOWN = 12
# The kinds of change that may move its figures: admissions (and the hub's conflicts, which
# come with their check-ins), the guest list and its categories, the audit log's head, and
# signings (a conflict of two desks' amendments comes with its signing).
FIGURE_KINDS = {ChangeKind.CHECKIN, ChangeKind.GUEST, ChangeKind.IMPORT, ChangeKind.EVENT,
                ChangeKind.AUDIT, ChangeKind.SIGNING}


@dataclass(frozen=True)
class ConflictSide:
    """One side of a conflict: the desk, its operator, and when (None: not known)."""

    desk: str
    operator: str
    at: dt.datetime | None


@dataclass(frozen=True)
class Conflict:
    """A conflict between desks: its kind, the guest or signing, the side kept and the
    later one, the fields an edit or amendment clashed on (whose values were kept), and
    for a signing what the later one did (amended, cancelled)."""

    kind: str
    name: str  # the guest's, or the signing's project
    kept: ConflictSide
    later: ConflictSide
    fields: tuple[str, ...] = ()
    action: str = ""


@dataclass(frozen=True)
class DashboardFigures:
    """What the dashboard shows; compared with the last one so that it repaints on change."""

    day: dt.date
    admitted: int
    expected: int
    by_hour: tuple[tuple[str, int], ...]
    by_category: tuple[CategoryFigures, ...]
    vip_missing: tuple[MissingGuest, ...]
    vip_missing_count: int
    audit_head: ChainHead  # the audit log's rows and newest hash (rewritten: no match)
    conflicts: tuple[Conflict, ...] = ()  # many desks: the day's, as the hub recorded them


def _side(found: dict[str, Any]) -> ConflictSide:
    at = found["at"]
    return ConflictSide(found["desk"], found["operator"],
                        dt.datetime.fromisoformat(at) if at else None)


def _conflict(found: dict[str, Any]) -> Conflict:
    guest, signing = found["guest"], found.get("signing") or {}
    name = (signing.get("project_zh") or signing.get("id") if signing
            else guest.get("name") or guest.get("id"))
    return Conflict(found["kind"], str(name or ""), _side(found["kept"]),
                    _side(found["duplicate"]), conflict_fields(found["reason"]),
                    str(signing.get("action", "")))


def read_figures(db: Database, day: dt.date) -> DashboardFigures:
    """Runs on the worker."""
    report = daily_report(db, day)
    return DashboardFigures(day, report.admitted, expected_count(db),
                            tuple(report.by_hour.items()), report.by_category,
                            report.vip_missing[:VIPS_SHOWN], len(report.vip_missing),
                            chain_head(db),
                            tuple(_conflict(c) for c in conflicts(db, day)))


class Dashboard(Retranslating, QWidget):
    """Big numbers, a progress bar, arrivals per hour, by category and the VIPs still awaited.

    It reads its figures again (on the worker, one read at a time, at most once a second
    while changes keep coming) when the change hub brings a change of a kind it shows,
    from this desk, another process or another desk; hidden, it only notes that it is
    stale, and reads when shown. Nothing changes with the clock alone (the day is the
    desk's working day, told by set_day), so it has no timer. `figures_changed` is
    emitted (and the widgets updated) only when something changed.
    """

    figures_changed = Signal(object)

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self._worker = worker
        self._db: Database | None = None
        self._event: Event | None = None  # (its time zone: the venue's clock)
        self._day: dt.date | None = None
        self._polling = False
        self._again = False  # a change came while a read was on its way: read again
        self._when_shown = WhenShown(self, self.refresh_now, slow=True)
        self._hub = ChangeHub.of(worker)
        self._hub.changed.connect(self._on_hub_changed)
        self._watching = 0  # bumped when the event or day changes: older answers are dropped
        self.figures: DashboardFigures | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.admitted_label = QLabel("–")
        self.admitted_label.setStyleSheet("font-size: 40pt; font-weight: bold; color: #1f6fb2;")
        self.expected_label = QLabel()
        self.expected_label.setStyleSheet("font-size: 16pt;")
        self.progress = QProgressBar()
        self.progress.setMinimumHeight(28)
        self.chart_title = QLabel()
        self.chart = HourlyChart()
        self.categories_title = QLabel()
        self.categories = QLabel()
        self.categories.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.vips_title = QLabel()
        self.vips = QLabel()
        self.vips.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.vips.setWordWrap(True)
        self.audit_label = QLabel()
        self.audit_label.setObjectName("dashboardAuditHead")
        self.audit_label.setStyleSheet("color: #555555;")
        self.audit_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.conflicts_title = QLabel()
        self.conflicts = QLabel()
        self.conflicts.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.conflicts.setWordWrap(True)
        self._build()
        self.retranslate_ui()
        self.resize(fitted(self, QSize(1100, 720)))  # (a 1366 x 768 laptop: all of it)

    def _build(self) -> None:
        numbers = QHBoxLayout()
        numbers.addWidget(self.admitted_label)
        numbers.addWidget(self.expected_label, 1, Qt.AlignmentFlag.AlignBottom)
        lists = QHBoxLayout()
        for title, body in ((self.categories_title, self.categories),
                            (self.vips_title, self.vips),
                            (self.conflicts_title, self.conflicts)):
            column = QVBoxLayout()
            title.setStyleSheet("font-weight: bold;")
            column.addWidget(title)
            column.addWidget(body, 1)
            lists.addLayout(column, 1)
        # The lists scroll (a dozen VIPs with long titles): the window's height does not
        # grow with them, so it still fits a laptop's screen.
        content = QWidget()
        content.setObjectName("dashboardLists")
        content.setLayout(lists)
        self.lists_area = QScrollArea()
        self.lists_area.setWidgetResizable(True)
        self.lists_area.setFrameShape(QFrame.Shape.NoFrame)
        self.lists_area.setWidget(content)
        self.lists_area.viewport().setAutoFillBackground(False)
        content.setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(numbers)
        layout.addWidget(self.progress)
        layout.addWidget(self.chart_title)
        layout.addWidget(self.chart, 2)
        layout.addWidget(self.lists_area, 3)  # the awaited VIPs matter more than the bars
        layout.addWidget(self.audit_label)

    def set_database(self, db: Database | None, event: Event | None) -> None:
        """Watch another event (None: stop); starts on today or the first event day."""
        self._db, self._event = db, event
        self.figures, self._watching = None, self._watching + 1
        self._day = day_of(event.days, event_today(event)) if event else None
        if db is not None:
            self._hub.set_database(db)
        self.refresh_now()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # a window of its own: Esc puts it away
            self.close()
            event.accept()
            return
        super().keyPressEvent(event)

    def set_day(self, day: dt.date) -> None:
        if day != self._day:
            self._day, self.figures, self._watching = day, None, self._watching + 1
            self.refresh_now()

    @property
    def day(self) -> dt.date | None:
        return self._day

    def refresh_now(self) -> None:
        """Read the figures at once (a read on its way: once more after it)."""
        db, day = self._db, self._day
        if db is None or day is None:
            return
        self._when_shown.mark_fresh()
        if self._polling:
            self._again = True
            return
        self._polling, watching = True, self._watching
        self._worker.submit(lambda: (watching, read_figures(db, day)),
                            on_success=self._on_figures_read,
                            on_failure=self._on_figures_failed, context=self)

    def _on_hub_changed(self, changes: Changes) -> None:
        """Any desk's admissions, walk-ins, imports: the figures read again (hidden: when
        shown)."""
        if not watched(changes, FIGURE_KINDS):
            return
        self._when_shown.request()

    def _on_figures_read(self, answer: tuple[int, DashboardFigures]) -> None:
        self._polling = False
        watching, figures = answer
        again, self._again = self._again, False  # (a change came meanwhile: read again)
        if watching != self._watching:  # asked for another event or day: ask again
            self.refresh_now()
            return
        if again:
            self.refresh_now()
        if figures == self.figures:
            return
        self.figures = figures
        self._show(figures)
        self.figures_changed.emit(figures)

    def _on_figures_failed(self, exc: Exception) -> None:
        # A locked file or the like: the next change or showing tries again.
        self._polling = False
        self._when_shown.mark_stale()
        log.warning("dashboard read failed: %s", exc)

    def _show(self, f: DashboardFigures) -> None:
        self.title.setText(self.tr("Arrivals on %1").replace("%1", day_text(f.day)))
        self.admitted_label.setText(count_text(f.admitted))
        self.expected_label.setText(self.tr("of %1 expected on site")
                                    .replace("%1", count_text(f.expected)))
        self.progress.setRange(0, max(f.expected, 1))
        self.progress.setValue(min(f.admitted, max(f.expected, 1)))
        self.progress.setFormat(rate_text(f.admitted, f.expected))
        self.chart.set_counts(dict(f.by_hour))
        rows = "".join(
            f"<tr><td>{html.escape(category_name(c))}</td>"
            f"<td align='right'>{count_text(c.admitted)}</td>"
            f"<td align='right'>/ {count_text(c.registered)}</td></tr>"
            for c in f.by_category if c.registered)
        self.categories.setText(f"<table cellpadding='2' cellspacing='4'>{rows}</table>")
        names = {c.code: category_name(c) for c in f.by_category}
        vips = "".join(f"<tr><td>{html.escape(m.name)}</td><td>{html.escape(m.title)}</td>"
                       f"<td>{html.escape(m.organization)}</td>"
                       f"<td>{html.escape(names.get(m.category, ''))}</td></tr>"
                       for m in f.vip_missing)
        more = f.vip_missing_count - len(f.vip_missing)
        if more > 0:
            text = self.tr("… and %1 more").replace("%1", count_text(more))
            vips += f"<tr><td colspan='4'>{html.escape(text)}</td></tr>"
        self.vips.setText(f"<table cellpadding='2' cellspacing='4'>{vips}</table>" if vips
                          else self.tr("All VIPs have arrived."))
        self.vips_title.setText(self.tr("VIPs not yet arrived: %1")
                                .replace("%1", count_text(f.vip_missing_count)))
        self.audit_label.setText(self.tr("Audit log: %1 rows, chain head %2")
                                 .replace("%1", count_text(f.audit_head.count))
                                 .replace("%2", f.audit_head.short))
        self._show_conflicts(f)

    def _show_conflicts(self, f: DashboardFigures) -> None:
        """The day's duplicate admissions and other conflicts between desks (a desk of
        a hub, or the hub itself; none elsewhere)."""
        self.conflicts_title.setText(self.tr("Conflicts between desks: %1")
                                     .replace("%1", count_text(len(f.conflicts))))
        rows = [f"<tr><td>{html.escape(self._conflict_text(c))}</td></tr>"
                for c in f.conflicts]
        self.conflicts.setText(f"<table cellpadding='2' cellspacing='4'>{''.join(rows)}</table>"
                               if rows else self.tr("No conflicts."))

    def _conflict_text(self, c: Conflict) -> str:
        what = self._what(c)
        return (self.tr("%1: %2 — kept %3 (%4) %5, also %6 (%7) %8")
                .replace("%1", c.name).replace("%2", what)
                .replace("%3", c.kept.desk).replace("%4", c.kept.operator)
                .replace("%5", self._clock(c.kept.at)).replace("%6", c.later.desk)
                .replace("%7", c.later.operator).replace("%8", self._clock(c.later.at)))

    def _clock(self, moment: dt.datetime | None) -> str:
        """A moment as the venue's clock shows it (HH:mm, the event's zone), or nothing."""
        return local_time_text(self._event, moment) if moment is not None else ""

    def _what(self, c: Conflict) -> str:
        """What clashed, in the interface language."""
        if c.kind == DUPLICATE_ADMISSION:
            return self.tr("admitted twice")
        if c.kind == GUEST_EDIT_CONFLICT:
            return self.tr("edited at two desks: %1").replace(
                "%1", self.tr(", ").join(field_label(f) for f in c.fields))
        if c.kind != SIGNING_AMEND_CONFLICT:
            return self.tr("revoked badge used")
        if c.action == "cancelled":
            return self.tr("signing cancelled after an amendment at another desk "
                           "(the cancel stands)")
        if c.fields[:1] == ("status",):
            return self.tr("signing amended after it was cancelled at another desk "
                           "(not applied)")
        return self.tr("signing amended at two desks: %1").replace(
            "%1", self.tr(", ").join(signing_field_label(f) for f in c.fields))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("WIMC Desk — Dashboard"))
        self.chart_title.setText(self.tr("Arrivals per hour"))
        self.categories_title.setText(self.tr("Arrived / registered by category"))
        self.vips_title.setText(self.tr("VIPs not yet arrived"))
        self.conflicts_title.setText(self.tr("Conflicts between desks"))
        if self.figures is not None:
            self._show(self.figures)
