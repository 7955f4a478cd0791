"""The status bar: the event, the desk's working day, the desk, the live counts, the file."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from wimc_desktop.domain.checkin import Desk, is_event_day
from wimc_desktop.domain.models import Event
from wimc_desktop.services.sync.desk import DeskStatus
from wimc_desktop.ui import i18n
from wimc_desktop.ui.checkin_banner import day_text, local_time_text
from wimc_desktop.ui.elided_label import ElidedLabel
from wimc_desktop.ui.retranslating import Retranslating

EVENT_MINIMUM_WIDTH = 80
DESK_MINIMUM_WIDTH = 100  # "1号签到台 · 王芳" nearly whole; a longer one elided


class EventStatusBar(Retranslating, QStatusBar):
    """Permanent labels for the open event; temporary messages still show on the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._event: Event | None = None
        self._guest_count = 0
        self._day: dt.date | None = None
        self._desk = Desk("", "")
        self._counts: tuple[int, int] | None = None
        self.event_label = ElidedLabel()
        # The event's name and days, and a long desk name, give up width ("…", the whole
        # text in the tooltip): the window must fit a 1024-pixel screen. The working day
        # and the counts never do.
        self.days_label = ElidedLabel()
        self.day_label = QLabel()
        self.desk_label = ElidedLabel()
        self.desk_label.setMinimumWidth(DESK_MINIMUM_WIDTH)
        self.admitted_label = QLabel()
        self.file_label = ElidedLabel()
        self.count_label = QLabel()
        self.sync_label = QLabel()  # a desk of a hub: online / offline, pending, last sync
        self.sync_label.hide()
        self._sync: DeskStatus | None = None
        for label in (self.event_label, self.days_label, self.day_label, self.desk_label,
                      self.admitted_label, self.count_label, self.sync_label,
                      self.file_label):
            label.setObjectName("statusField")
            self.addPermanentWidget(label, 1 if label is self.event_label else 0)
        # The event's name takes what the other fields leave, so it is the first to be cut.
        self.event_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.event_label.setMinimumWidth(EVENT_MINIMUM_WIDTH)
        self.admitted_label.setObjectName("statusCounts")
        # The file gives up its room first; the event name only when that is not enough.
        self.file_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def show_event(self, event: Event, database: str) -> None:
        self._event = event
        self.file_label.setText(database)
        self.retranslate_ui()

    @property
    def guest_count(self) -> int:
        """The guests on the list, as last counted (the live counts follow the feed)."""
        return self._guest_count

    def show_guest_count(self, count: int) -> None:
        self._guest_count = count
        self.count_label.setText(self.tr("Guests: %1").replace("%1", i18n.count_text(count)))

    def show_day(self, day: dt.date) -> None:
        """The desk's working day (today, or the event day chosen for a rehearsal)."""
        self._day = day
        self._show_desk_fields()

    def show_desk(self, desk: Desk) -> None:
        self._desk = desk
        self._show_desk_fields()

    def show_counts(self, admitted: int, expected: int) -> None:
        self._counts = (admitted, expected)
        self._show_desk_fields()

    def show_sync(self, status: object) -> None:
        """A desk's sync status (None: the event file is no desk of a hub)."""
        self._sync = status if isinstance(status, DeskStatus) else None
        self._show_sync()

    def _show_sync(self) -> None:
        status = self._sync
        self.sync_label.setVisible(status is not None)
        if status is None:
            return
        since = local_time_text(self._event, status.since)
        text = (self.tr("Hub: online since %1") if status.online
                else self.tr("Hub: OFFLINE since %1")).replace("%1", since)
        text += " · " + self.tr("%Ln pending", "", status.pending)
        if status.last_sync is not None:
            text += " · " + self.tr("last sync %1").replace(
                "%1", local_time_text(self._event, status.last_sync))
        self.sync_label.setText(text)
        self.sync_label.setProperty("online", status.online)
        self.sync_label.setToolTip(status.hub if status.online else
                                   f"{status.hub}\n{status.last_error}")

    def _show_desk_fields(self) -> None:
        day = self._day
        if day is None:
            self.day_label.clear()
        elif self._event is not None and not is_event_day(self._event, day):
            self.day_label.setText(self.tr("%1 (no event day)").replace("%1", day_text(day)))
        else:
            self.day_label.setText(self.tr("Working day: %1").replace("%1", day_text(day)))
        desk = self._desk.name or self.tr("(no desk name)")
        self.desk_label.setText(f"{desk} · {self._desk.operator}" if self._desk.operator
                                else desk)
        if self._counts is None:
            self.admitted_label.clear()
        else:
            admitted, expected = self._counts
            self.admitted_label.setText(self.tr("Admitted today: %1 / %2 expected")
                                        .replace("%1", i18n.count_text(admitted))
                                        .replace("%2", i18n.count_text(expected)))

    def _days_text(self, event: Event) -> str:
        locale = QLocale()
        pattern = self.tr("d MMM yyyy")
        first = QDate(event.start_date.year, event.start_date.month, event.start_date.day)
        last = QDate(event.end_date.year, event.end_date.month, event.end_date.day)
        span = locale.toString(first, pattern)
        if last != first:
            span = self.tr("%1 to %2").replace("%1", span).replace(
                "%2", locale.toString(last, pattern))
        return span

    def retranslate_ui(self) -> None:
        self.show_guest_count(self._guest_count)
        self._show_sync()
        self._show_desk_fields()
        self.desk_label.setToolTip(self.tr("The desk and the operator recorded on every "
                                           "check-in"))
        if self._event is None:
            self.event_label.setText(self.tr("No event open"))
            self.days_label.clear()
            return
        event = self._event
        self.event_label.setText(i18n.in_language(event.name_zh, event.name_en))
        self.event_label.setToolTip(f"{event.name_zh}\n{event.name_en}".strip())
        self.days_label.setText(self._days_text(event))
