"""The status bar: which event, its days, which database file, how many guests."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QLocale
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from wimc_desktop.domain.models import Event
from wimc_desktop.ui import i18n


class EventStatusBar(QStatusBar):
    """Permanent labels for the open event; temporary messages still show on the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._event: Event | None = None
        self._guest_count = 0
        self.event_label = QLabel()
        self.days_label = QLabel()
        self.file_label = QLabel()
        self.count_label = QLabel()
        for label in (self.event_label, self.days_label, self.count_label, self.file_label):
            label.setObjectName("statusField")
            self.addPermanentWidget(label)

    def show_event(self, event: Event, database: str) -> None:
        self._event = event
        self.file_label.setText(database)
        self.file_label.setToolTip(database)
        self.retranslate_ui()

    def show_guest_count(self, count: int) -> None:
        self._guest_count = count
        self.count_label.setText(self.tr("Guests: %1").replace("%1", QLocale().toString(count)))

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
        if self._event is None:
            self.event_label.setText(self.tr("No event open"))
            self.days_label.clear()
            return
        event = self._event
        name = event.name_zh if i18n.is_chinese() or not event.name_en else event.name_en
        self.event_label.setText(name)
        self.event_label.setToolTip(f"{event.name_zh}\n{event.name_en}".strip())
        self.days_label.setText(self._days_text(event))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
