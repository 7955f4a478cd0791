"""The large outcome banner of the check-in desk: colour, icon and words (never colour alone)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QSize, Qt, QTime, Signal
from PySide6.QtGui import QColor, QPaintEvent, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from wimc_desktop.domain.badge_codes import is_valid_code, normalize_code
from wimc_desktop.domain.checkin import CheckInRecord, CheckInResult, Method, Outcome
from wimc_desktop.domain.models import Event, Guest
from wimc_desktop.ui import assets, i18n
from wimc_desktop.ui.category_chip_delegate import text_color_on

ICON_SIZE = QSize(84, 84)
# The tone names the colour scheme in desk.qss and the icon in resources/icons.
TONES = {Outcome.ADMITTED: "admitted", Outcome.ALREADY_CHECKED_IN: "already",
         Outcome.UNKNOWN_CODE: "refused", Outcome.BADGE_REVOKED: "refused",
         Outcome.NOT_EVENT_DAY: "info"}
UNDONE, IDLE = "undone", "idle"
# What the banner shows while a scan has no answer yet (never the previous guest's).
CHECKING, WAITING, NOT_DONE = "checking", "waiting", "not_done"


def local_time_text(event: Event | None, moment: dt.datetime) -> str:
    """A moment as the clock on the venue's wall shows it (the event's time zone)."""
    zone = ZoneInfo(event.timezone if event else "Asia/Shanghai")
    local = moment.astimezone(zone)
    return QTime(local.hour, local.minute).toString("HH:mm")


def day_text(day: dt.date) -> str:
    """An event day in the interface language ("26 Nov 2020", "2020年11月26日")."""
    pattern = QCoreApplication.translate("CheckInBanner", "d MMM yyyy")
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


class CheckInBanner(QFrame):
    """Shows the last outcome at the desk; re-renders itself when the language changes."""

    undo_requested = Signal(object)
    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self._event: Event | None = None
        self.result: CheckInResult | None = None
        self.tone = ""  # (set by the first render)
        self.state = IDLE  # IDLE, a result, UNDONE, CHECKING, WAITING or NOT_DONE
        self.code = ""  # the code or text of CHECKING, WAITING and NOT_DONE
        self.icon = QLabel()
        self.icon.setFixedSize(ICON_SIZE)
        self._icons: dict[str, QPixmap] = {}  # tone -> its icon, drawn from SVG once
        self._chip_style = ""
        self.headline = QLabel()
        # Who was admitted (name, details, seat, chips): shown or hidden as one, so that a
        # scan's "Checking" and its answer cost one show and hide each, not one per label
        # (a label shown in a shown window lays the whole window out at once).
        self.guest_part = QWidget()
        self.name = QLabel()
        self.details = QLabel()
        self.seat = QLabel()  # a VIP's ceremony seat
        self.category = QLabel()
        self.vip = QLabel()
        self.note = QLabel()
        self.undo_button = QPushButton()
        self._build()
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.show_idle()

    def _build(self) -> None:
        for label, name in ((self.headline, "bannerHeadline"), (self.name, "bannerName"),
                            (self.details, "bannerDetails"), (self.seat, "bannerSeat"),
                            (self.category, "bannerChip"),
                            (self.vip, "bannerVip"), (self.note, "bannerNote")):
            label.setObjectName(name)
            label.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.headline, self.name, self.details, self.note):
            label.setWordWrap(True)
        self.undo_button.setObjectName("bannerUndo")
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        chips = QHBoxLayout()
        chips.setSpacing(8)
        chips.addWidget(self.category)
        chips.addWidget(self.vip)
        chips.addStretch(1)
        guest = QVBoxLayout(self.guest_part)
        guest.setContentsMargins(0, 0, 0, 0)
        guest.setSpacing(6)
        for widget in (self.name, self.details, self.seat):
            guest.addWidget(widget)
        guest.addLayout(chips)
        text = QVBoxLayout()
        text.setSpacing(6)
        text.addWidget(self.headline)
        text.addWidget(self.guest_part)
        text.addWidget(self.note)
        content = QHBoxLayout()
        content.setSpacing(24)
        content.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        content.addLayout(text, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 20, 20)
        layout.addStretch(1)
        layout.addLayout(content)
        layout.addStretch(2)  # a little above the middle, where the eye goes first
        layout.addLayout(bottom)

    def set_event(self, event: Event) -> None:
        self._event = event
        self.show_idle()

    # -- what it shows ---------------------------------------------------------------

    def show_idle(self) -> None:
        self.result, self.state = None, IDLE
        self._render()

    def show_result(self, result: CheckInResult) -> None:
        self.result, self.state = result, result.outcome.value
        self._render()

    def show_undone(self, result: CheckInResult) -> None:
        """The admission `result` was just undone."""
        self.result, self.state = result, UNDONE
        self._render()

    def show_checking(self, code: str) -> None:
        """A scan (or Enter) was taken and is on its way: the last guest's banner goes."""
        self._show_pending(CHECKING, code)

    def show_waiting(self, code: str) -> None:
        """The admission of `code` waits for the database (another program writes)."""
        self._show_pending(WAITING, code)

    def show_not_done(self, code: str) -> None:
        """The database stayed busy: `code` was not checked in and must be scanned again."""
        self._show_pending(NOT_DONE, code)

    def _show_pending(self, state: str, code: str) -> None:
        self.result, self.state, self.code = None, state, code
        self._render()

    @property
    def admission(self) -> CheckInRecord | None:
        """The admission on show, while it can still be undone from here."""
        result = self.result
        if result is None or self.state == UNDONE or result.outcome != Outcome.ADMITTED:
            return None
        return result.checkin

    def _render(self) -> None:
        result = self.result
        self.undo_button.setVisible(self.admission is not None)
        self.undo_button.setText(self.tr("Undo (Ctrl+Z)"))
        if self.state in (CHECKING, WAITING, NOT_DONE):
            self._render_pending()
        elif result is None:
            self._apply(IDLE, self.tr("Ready — scan a badge or type a name"), None, "")
        elif self.state == UNDONE:
            self._apply(UNDONE, self.tr("Admission undone"), result.guest,
                        self.tr("No longer counted as admitted on %1.")
                        .replace("%1", day_text(result.day)))
        else:
            self._apply(TONES[result.outcome], self._headline(result), result.guest,
                        self._note(result))

    def _render_pending(self) -> None:
        if self.state == CHECKING:
            self._apply(IDLE, self.tr("Checking %1…").replace("%1", self.code), None, "")
        elif self.state == WAITING:
            self._apply(WAITING, self.tr("Waiting for the database…"), None,
                        self.tr("The event database is busy. %1 is kept and checked in "
                                "as soon as it is free.")
                        .replace("%1", self.code))
        else:
            self._apply("refused", self.tr("Not checked in — the database is busy"), None,
                        self.tr("%1 was not checked in: another program kept the event "
                                "database busy. Scan it again.").replace("%1", self.code))

    def _headline(self, result: CheckInResult) -> str:
        if result.outcome == Outcome.ADMITTED:
            return self.tr("Admitted")
        if result.outcome == Outcome.ALREADY_CHECKED_IN:
            return self._already_text(result.first_checkin)
        if result.outcome == Outcome.BADGE_REVOKED:
            if not result.replaced_by:
                return self.tr("Badge revoked")
            return self.tr("Badge revoked — the current badge is %1").replace(
                "%1", result.replaced_by)
        if result.outcome == Outcome.NOT_EVENT_DAY:
            return self.tr("%1 is not a day of this event — choose the event day").replace(
                "%1", day_text(result.day))
        if is_valid_code(normalize_code(result.code)):
            return self.tr("Unknown badge code %1").replace("%1", result.code)
        return self.tr("No badge code or guest matches “%1”").replace("%1", result.code)

    def _already_text(self, first: CheckInRecord | None) -> str:
        if first is None:
            return self.tr("Already checked in")
        when = local_time_text(self._event, first.at)
        if not first.operator:
            return (self.tr("Already checked in at %1 by %2")
                    .replace("%1", when).replace("%2", first.desk))
        return (self.tr("Already checked in at %1 by %2 (%3)")
                .replace("%1", when).replace("%2", first.desk).replace("%3", first.operator))

    def _note(self, result: CheckInResult) -> str:
        if result.duplicate_here_at is not None:
            return self.tr("This desk's admission at %1 was a duplicate: the hub kept the "
                           "earlier one").replace(
                "%1", local_time_text(self._event, result.duplicate_here_at))
        if result.attendance_changed:
            return self.tr("Registered online — now counted on site")
        if result.checkin is not None and result.checkin.method == Method.WALK_IN:
            return self.tr("Walk-in, new badge %1").replace("%1", result.code)
        return ""

    def _apply(self, tone: str, headline: str, guest: Guest | None, note: str) -> None:
        if guest is None:
            self.guest_part.hide()  # (first: its labels then change at no layout cost)
        if tone != self.tone:
            self._set_tone(tone)
        self.headline.setText(headline)
        self.icon.setAccessibleName(headline)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.name.setText(guest.name if guest else "")
        self.name.setVisible(guest is not None)
        self.details.setText(self._details(guest))
        self.details.setVisible(bool(self.details.text()))
        self._show_category(guest)
        if guest is not None:
            self.guest_part.show()  # (last: all of it laid out at once)

    def _set_tone(self, tone: str) -> None:
        """The colours of `tone`: desk.qss's QFrame#banner[tone=...] rules, which touch the
        banner and the colour of its text labels (the chips wear their own colours)."""
        self.tone = tone
        if tone not in self._icons:
            self._icons[tone] = assets.icon(f"outcome_{tone}").pixmap(ICON_SIZE)
        self.icon.setPixmap(self._icons[tone])
        self.setProperty("tone", tone)
        for widget in (self, self.headline, self.name, self.details, self.seat, self.note):
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    @staticmethod
    def _details(guest: Guest | None) -> str:
        if guest is None:
            return ""
        parts = [guest.organization, guest.title]
        if guest.name_en and guest.name_en != guest.name:
            parts.insert(0, guest.name_en)
        return "  ·  ".join(p for p in parts if p)

    def _show_category(self, guest: Guest | None) -> None:
        category = self._event.category(guest.category) if guest and self._event else None
        if guest is None:
            name = ""
        elif category is None:
            name = guest.category
        else:
            name = category.name_zh if i18n.is_chinese() else category.name_en
        self.category.setText(name)
        self.category.setVisible(bool(name))
        # The chip wears the colour the guest's badge is printed in.
        color = QColor(category.color if category else "#e4e7eb")
        style = f"background: {color.name()}; color: {text_color_on(color).name()};"
        if style != self._chip_style:  # (a style sheet set polishes the chip again)
            self._chip_style = style
            self.category.setStyleSheet(style)
        self.vip.setText(self.tr("★ VIP"))
        vip = bool(category and category.is_vip)
        self.vip.setVisible(vip)
        # A VIP is shown to a seat at the ceremony: the desk reads it out.
        seat = guest.seat if guest is not None and vip else ""
        self.seat.setText(self.tr("Seat %1").replace("%1", seat) if seat else "")
        self.seat.setVisible(bool(seat))

    # -- Qt --------------------------------------------------------------------------

    def _on_undo_button_clicked(self) -> None:
        if self.result is not None and self.admission is not None:
            self.undo_requested.emit(self.result)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.painted.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
