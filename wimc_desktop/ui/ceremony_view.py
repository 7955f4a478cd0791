"""The stage screen of the signing ceremony: the running count and total in huge type."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.changes import ChangeKind, Changes
from wimc_desktop.domain.models import Event
from wimc_desktop.domain.money import format_total, format_total_en
from wimc_desktop.domain.signing_totals import SigningSummary, summarize
from wimc_desktop.domain.signings import Signing
from wimc_desktop.services.signings import list_signings
from wimc_desktop.ui import i18n
from wimc_desktop.ui.change_hub import ChangeHub, WhenShown, watched
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.signing_table_model import amount_text
from wimc_desktop.ui.worker import Worker

# What the stage shows: the signings, and the event's name.
STAGE_KINDS = {ChangeKind.SIGNING, ChangeKind.EVENT}


@dataclass(frozen=True, slots=True)
class CeremonyState:
    """What the stage shows: the totals and the latest signing that counts."""

    summary: SigningSummary
    last: Signing | None


def ceremony_state(db: Database) -> CeremonyState:
    signings = list_signings(db)
    counted = [s for s in signings if s.counts_in_totals]
    last = max(counted, key=lambda s: (s.signed_at, s.recorded_at), default=None)
    return CeremonyState(summarize(signings), last)


def _label(point_size: int, bold: bool = False, color: str = "#FFFFFF") -> QLabel:
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    font = QFont()
    font.setPointSize(point_size)
    font.setBold(bold)
    label.setFont(font)
    label.setStyleSheet(f"color: {color}; background: transparent;")
    return label


class CeremonyView(Retranslating, QWidget):
    """A separate window; reads the signings again when the change hub brings a signing
    recorded, amended or cancelled at any desk or process (hidden: when shown next)."""

    refreshed = Signal(object)  # CeremonyState

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._worker = worker
        self._db: Database | None = None
        self._event: Event | None = None
        self.state: CeremonyState | None = None
        self._busy = False
        self.setObjectName("ceremonyView")
        self.setStyleSheet("#ceremonyView { background: qlineargradient(x1:0, y1:0, x2:0, y2:1,"
                           " stop:0 #7F0000, stop:1 #B71C1C); }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.event_name = _label(30, True, "#FFE082")
        self.heading = _label(48, True)
        self.count = _label(44, True, "#FFE082")
        self.total = _label(84, True, "#FFFFFF")
        self.last_title = _label(20, False, "#FFCDD2")
        self.last_project = _label(30, True)
        self.last_parties = _label(20)
        self.last_amount = _label(30, True, "#FFE082")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        for widget in (self.event_name, self.heading):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.count)
        layout.addWidget(self.total)
        layout.addStretch(1)
        for widget in (self.last_title, self.last_project, self.last_parties, self.last_amount):
            layout.addWidget(widget)
        self._again = False  # a change came while a read was on its way
        self._when_shown = WhenShown(self, self.refresh)
        self._hub = ChangeHub.of(worker)
        self._hub.changed.connect(self._on_hub_changed)
        self.resize(1280, 720)
        self.retranslate_ui()

    def set_database(self, db: Database, event: Event) -> None:
        self._db, self._event = db, event
        self._hub.set_database(db)
        self.retranslate_ui()
        self.refresh()

    def refresh(self) -> None:
        db = self._db
        if db is None:
            return
        self._when_shown.mark_fresh()
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._worker.submit(lambda: ceremony_state(db),
                            on_success=self._on_state, on_failure=self._on_failed,
                            context=self)

    def _on_failed(self, exc: Exception) -> None:
        # The stage keeps the last figures; the next change (or showing) reads again.
        self._busy = False
        self._when_shown.mark_stale()

    def _on_hub_changed(self, changes: Changes) -> None:
        """A signing recorded, amended or cancelled at any desk: on stage at once."""
        if not watched(changes, STAGE_KINDS):
            return
        self._when_shown.request()

    def _on_state(self, state: CeremonyState) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self.refresh()
        self.state = state
        self._show_state()
        self.refreshed.emit(state)

    def _show_state(self) -> None:
        state = self.state
        if state is None:
            return
        zh = i18n.is_chinese()
        summary = state.summary
        self.count.setText(self.tr("%Ln projects signed", "", summary.count))
        self.total.setText(format_total(summary.amount, sep=" ") if zh
                           else format_total_en(summary.amount))
        last = state.last
        self.last_title.setVisible(last is not None)
        self.last_title.setText(self.tr("Latest signing"))
        self.last_project.setText(last.project_zh if last and (zh or not last.project_en)
                                  else last.project_en if last else "")
        self.last_parties.setText("　".join(p.name for p in last.parties) if last else "")
        self.last_amount.setText(amount_text(last.amount, last.currency) if last else "")

    def retranslate_ui(self) -> None:
        event = self._event
        zh = i18n.is_chinese()
        self.setWindowTitle(self.tr("Signing ceremony — stage screen"))
        if event is not None:
            self.event_name.setText(event.name_zh if zh or not event.name_en else event.name_en)
        self.heading.setText(self.tr("Major Project Signing Ceremony"))
        self._show_state()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F11:
            self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)
        elif event.key() == Qt.Key.Key_Escape:  # closes it, full screen or not
            self.close()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
