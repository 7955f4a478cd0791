"""The guest's card on the Badges page: who holds a code, its status, prints, today's check-in."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from wimc_desktop.domain.badges import BadgeInfo, BadgeStatus, PrintStatus, replacing_list
from wimc_desktop.domain.models import Attendance
from wimc_desktop.ui import i18n
from wimc_desktop.ui.checkin_banner import day_text


def _label(point_size: int = 0, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # selecting text leaves the scan field's keys
    if point_size or bold:
        font = QFont(label.font())
        if point_size:
            font.setPointSize(point_size)
        font.setBold(bold)
        label.setFont(font)
    return label


class BadgeCard(QFrame):
    """Shows one BadgeInfo (or a message when a code is unknown); plain text, no database."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("badgeCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.info: BadgeInfo | None = None
        self._timezone = "Asia/Shanghai"
        self._today: dt.date | None = None
        self._new_code = ""
        self._idle = True
        self.name = _label(28, bold=True)
        self.name_en = _label(14)
        self.organization = _label(12)
        self.title = _label(12)
        self.category = QLabel()
        self.category.setObjectName("badgeCategory")
        self.seat = _label(14, bold=True)
        self.attendance = _label()
        self.status = _label(13, bold=True)
        self.prints = _label()
        self.checkin = _label()
        self.new_code = _label(30, bold=True)
        self.new_code.setObjectName("badgeNewCode")
        self.message = _label(14)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        for widget in (self.message, self.name, self.name_en, self.organization, self.title,
                       self.category, self.seat, self.attendance, self.status, self.prints,
                       self.checkin, self.new_code):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.show_message("")

    def set_timezone(self, timezone: str) -> None:
        self._timezone = timezone

    def set_today(self, today: dt.date) -> None:
        """Today at the venue: a check-in on another (rehearsal) day names its day."""
        self._today = today

    def show_message(self, text: str) -> None:
        """No guest on show: only a sentence (idle, unknown code)."""
        self.info, self._new_code, self._idle = None, "", not text
        self.message.setText(text or self.tr("Scan a badge or type its code, then press Enter."))
        self.message.show()
        for widget in self._details():
            widget.hide()

    def show_info(self, info: BadgeInfo, new_code: str = "") -> None:
        self.info, self._new_code = info, new_code
        self.message.hide()
        for widget in self._details():
            widget.show()
        self._fill()

    def _details(self) -> tuple[QWidget, ...]:
        return (self.name, self.name_en, self.organization, self.title, self.category,
                self.seat, self.attendance, self.status, self.prints, self.checkin, self.new_code)

    def _fill(self) -> None:
        info = self.info
        if info is None:
            return
        guest = info.guest
        self.name.setText(guest.name)
        self.name_en.setText(guest.name_en)
        self.name_en.setVisible(bool(guest.name_en) and guest.name_en != guest.name)
        self.organization.setText(guest.organization)
        self.title.setText(guest.title)
        self._fill_category()
        self.seat.setText(self.tr("Seat %1").replace("%1", guest.seat))
        self.seat.setVisible(bool(guest.seat))
        self.attendance.setText(self.tr("Attends on site") if guest.attendance is
                                Attendance.ONSITE else self.tr("Attends online"))
        self.status.setText(self.status_text(info))
        self.status.setStyleSheet("color: #2E7D32;" if info.status is BadgeStatus.ACTIVE
                                  else "color: #C62828;")
        self.prints.setText(self.prints_text(info.prints))
        self.checkin.setText(self._checkin_text())
        self.new_code.setText(self.tr("New badge code: %1").replace("%1", self._new_code))
        self.new_code.setVisible(bool(self._new_code))

    def _fill_category(self) -> None:
        cat = self.info.category if self.info else None
        if cat is None:
            self.category.setText(self.info.guest.category if self.info else "")
            self.category.setStyleSheet("")
            return
        name = cat.name_zh if i18n.is_chinese() else (cat.name_en or cat.name_zh)
        self.category.setText(name)
        self.category.setStyleSheet(f"background: {cat.color}; color: white; padding: 3px 10px;"
                                    " border-radius: 4px; font-weight: bold;")
        self.category.setSizePolicy(self.category.sizePolicy().Policy.Maximum,
                                    self.category.sizePolicy().verticalPolicy())

    def status_text(self, info: BadgeInfo) -> str:
        if info.status is BadgeStatus.ACTIVE:
            return self.tr("Badge %1 is active.").replace("%1", info.code)
        text = self.tr("Badge %1 is REVOKED: it was replaced by %2, the guest's current badge.")
        text = text.replace("%1", info.code).replace("%2", info.current_code)
        if info.revocation and info.revocation.reason:
            reason = info.revocation.reason
            listed = replacing_list(reason)  # the import's own words, not a clerk's
            if listed is not None:
                reason = self.tr("replaced by the guest list %1").replace("%1", listed)
            text += " " + self.tr("Reason: %1").replace("%1", reason)
        return text

    def local(self, moment: dt.datetime) -> str:
        return moment.astimezone(ZoneInfo(self._timezone)).strftime("%H:%M")

    def prints_text(self, prints: PrintStatus) -> str:
        last = prints.last
        if last is None:
            return self.tr("Not printed yet.")
        when = last.at.astimezone(ZoneInfo(self._timezone)).strftime("%Y-%m-%d %H:%M")
        text = self.tr("Printed %Ln times, last at %1 by %2.", "", prints.count)
        return text.replace("%1", when).replace("%2", last.desk)

    def _checkin_text(self) -> str:
        record = self.info.checkin if self.info else None
        day = self.info.day if self.info else None
        if day is not None and day != self._today:  # the desk works on a rehearsal day
            if record is None:
                return self.tr("Not checked in on %1.").replace("%1", day_text(day))
            return self.tr("Checked in on %1 at %2 (%3).").replace(
                "%1", day_text(day)).replace("%2", self.local(record.at)).replace(
                "%3", record.desk)
        if record is None:
            return self.tr("Not checked in today.")
        return self.tr("Checked in today at %1 (%2).").replace(
            "%1", self.local(record.at)).replace("%2", record.desk)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            if self.info is not None:
                self._fill()
            elif self._idle:
                self.show_message("")
        super().changeEvent(event)
