"""The desk's working day: today in the event's time zone, or an event day chosen to rehearse."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from wimc_desktop.domain.checkin import is_event_day, local_day
from wimc_desktop.domain.models import Event
from wimc_desktop.ui.checkin_banner import day_text
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.settings import DeskSettings

# The day chosen per event, for as long as the app runs.
_session_days: dict[str, dt.date] = {}


def event_today(event: Event) -> dt.date:
    """Today's date at the venue (patched by tests that need another today)."""
    return local_day(event, dt.datetime.now(dt.UTC))


class WorkingDayChooser(Retranslating, QWidget):
    """A combo of today and the event days, and a notice while the desk is not on today.

    When today is outside the event (a demo in 2026 of the 2020 event) the desk starts on
    today, so that every scan says plainly that this is no event day, and the notice
    asks the operator to pick the event day to rehearse on. The event day picked is
    remembered per event (DeskSettings.rehearsal_day) and taken up again at the next start
    while today is still outside the event; on a real event day the desk starts on today.
    """

    day_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._event: Event | None = None
        self._today = dt.date.today()
        self.label = QLabel()
        self.combo = QComboBox()
        self.combo.setObjectName("workingDay")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # Chosen with the mouse only: with the focus, a popup closed without a choice left
        # the combo holding the keyboard, and the next scans went into it, lost.
        self.combo.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notice = QLabel()
        self.notice.setObjectName("dayNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        self.combo.activated.connect(self._on_combo_activated)
        self.retranslate_ui()

    @property
    def day(self) -> dt.date:
        value = self.combo.currentData()
        return dt.date.fromisoformat(value) if isinstance(value, str) else self._today

    @property
    def today(self) -> dt.date:
        return self._today

    def set_event(self, event: Event) -> None:
        self._event = event
        self._today = event_today(event)
        self._fill(_session_days.get(event.id) or self._remembered(event))

    def _remembered(self, event: Event) -> dt.date:
        """The rehearsal day of an earlier run, while today is no event day; else today."""
        day = DeskSettings().rehearsal_day(event.id)
        if day is None or is_event_day(event, self._today) or not is_event_day(event, day):
            return self._today
        return day

    def choose(self, day: dt.date) -> None:
        """Work on `day` (today or an event day) and say so."""
        index = self.combo.findData(day.isoformat())
        if index < 0 or day == self.day:
            return
        self.combo.setCurrentIndex(index)
        self._on_combo_activated(index)

    def _fill(self, chosen: dt.date) -> None:
        event = self._event
        if event is None:
            return
        self.combo.clear()
        if not is_event_day(event, self._today):
            self.combo.addItem(self.tr("Today, %1 (no event day)")
                               .replace("%1", day_text(self._today)), self._today.isoformat())
        for number, day in enumerate(event.days, 1):
            text = self.tr("Day %1: %2").replace("%1", str(number)).replace("%2", day_text(day))
            if day == self._today:
                text = self.tr("%1 (today)").replace("%1", text)
            self.combo.addItem(text, day.isoformat())
        index = self.combo.findData(chosen.isoformat())
        self.combo.setCurrentIndex(max(index, 0))
        self._show_notice()

    def _on_combo_activated(self, _index: int) -> None:
        if self._event is not None:
            _session_days[self._event.id] = self.day
            DeskSettings().set_rehearsal_day(
                self._event.id, None if self.day == self._today else self.day)
        self._show_notice()
        self.day_chosen.emit(self.day)

    def _show_notice(self) -> None:
        event, day = self._event, self.day
        if event is None or day == self._today:
            text = "" if event is None or is_event_day(event, day) else self.tr(
                "Today, %1, is not a day of this event. Choose an event day above to "
                "rehearse or demo the desk.").replace("%1", day_text(self._today))
        else:
            text = self.tr("Rehearsal: check-ins are recorded for %1, not for today (%2).") \
                .replace("%1", day_text(day)).replace("%2", day_text(self._today))
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.notice.setProperty("rehearsal", day != self._today)
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)

    def retranslate_ui(self) -> None:
        self.label.setText(self.tr("Working day:"))
        self._fill(self.day)
