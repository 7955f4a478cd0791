"""The signing register as a table model: one row per signing, cancelled ones greyed out,
one with a conflict between desks marked (⚠ in its status, told in the tooltip)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from wimc_desktop.domain.models import Event
from wimc_desktop.domain.money import format_total, format_total_en, format_yuan
from wimc_desktop.domain.signings import CNY, Signing, SigningStatus
from wimc_desktop.services.signings import SigningConflict
from wimc_desktop.ui import i18n
from wimc_desktop.ui.checkin_banner import local_time_text
from wimc_desktop.ui.field_labels import signing_field_label

PROJECT, SECTOR, LOCATION, AMOUNT, PARTIES, CEREMONY, SIGNED_AT, STATUS = range(8)
COLUMN_COUNT = 8
SIGNING_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's Signing
CONFLICT_MARK = "⚠"

Index = QModelIndex | QPersistentModelIndex


class SigningTableModel(QAbstractTableModel):
    """Holds the listed signings (plain frozen data, read on the worker)."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._signings: list[Signing] = []
        self._event: Event | None = None
        self._zone = ZoneInfo("Asia/Shanghai")
        self._conflicts: Mapping[str, tuple[SigningConflict, ...]] = {}

    def set_signings(self, signings: list[Signing], event: Event,
                     conflicts: Mapping[str, tuple[SigningConflict, ...]] | None = None) -> None:
        """The signings listed, and the conflicts between desks the hub recorded on them."""
        self.beginResetModel()
        self._signings = list(signings)
        self._event, self._zone = event, ZoneInfo(event.timezone)
        self._conflicts = dict(conflicts or {})
        self.endResetModel()

    def conflicts(self, row: int) -> tuple[SigningConflict, ...]:
        return self._conflicts.get(self._signings[row].id, ())

    def signing(self, row: int) -> Signing:
        return self._signings[row]

    def signings(self) -> list[Signing]:
        return list(self._signings)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._signings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Project"), self.tr("Sector"), self.tr("Location"), self.tr("Amount"),
                self.tr("Parties"), self.tr("Ceremony"), self.tr("Signed at"),
                self.tr("Status"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        s = self._signings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(s, index.column())
        if role == SIGNING_ROLE:
            return s
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == PROJECT:
            return s.project_en or s.project_zh
        clashes = self._conflicts.get(s.id, ()) if index.column() == STATUS else ()
        if role == Qt.ItemDataRole.ToolTipRole and clashes:
            return "\n".join(self._conflict_text(c) for c in clashes)
        if role == Qt.ItemDataRole.ForegroundRole and clashes:
            return QBrush(QColor("#B26A00"))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        cancelled = s.status is SigningStatus.CANCELLED
        if role == Qt.ItemDataRole.ForegroundRole and cancelled:
            return QBrush(QColor("#9E9E9E"))
        if role == Qt.ItemDataRole.FontRole and cancelled and index.column() == AMOUNT:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def _text(self, s: Signing, column: int) -> str:
        zh = i18n.is_chinese()
        if column == PROJECT:
            return s.project_zh if zh or not s.project_en else s.project_en
        if column == SECTOR:
            return s.sector
        if column == LOCATION:
            return s.location
        if column == AMOUNT:
            return amount_text(s.amount, s.currency)
        if column == PARTIES:
            return "；".join(p.name for p in s.parties) if zh else \
                "; ".join(p.name for p in s.parties)
        if column == CEREMONY:
            return s.ceremony
        if column == SIGNED_AT:
            return s.signed_at.astimezone(self._zone).strftime("%Y-%m-%d %H:%M")
        status = status_text(s.status)
        return f"{CONFLICT_MARK} {status}" if self._conflicts.get(s.id) else status

    def _conflict_text(self, c: SigningConflict) -> str:
        """A conflict as the status's tooltip tells it: what clashed, whose was kept."""
        if c.action == "cancelled":
            what = self.tr("Cancelled after an amendment at another desk (the cancel stands)")
        elif c.fields[:1] == ("status",):
            what = self.tr("Amended after it was cancelled at another desk (not applied)")
        else:
            what = self.tr("Amended at two desks: %1").replace(
                "%1", self.tr(", ").join(signing_field_label(f) for f in c.fields))
        return (self.tr("%1 — kept %2 (%3) %4; also %5 (%6) %7")
                .replace("%1", what).replace("%2", c.kept_desk).replace("%3", c.kept_operator)
                .replace("%4", self._clock(c.kept_at)).replace("%5", c.other_desk)
                .replace("%6", c.other_operator).replace("%7", self._clock(c.other_at)))

    def _clock(self, moment: dt.datetime | None) -> str:
        """A moment as the venue's clock shows it (HH:mm, the event's zone), or nothing."""
        return local_time_text(self._event, moment) if moment is not None else ""


def amount_text(amount: Decimal, currency: str) -> str:
    """An amount as said: '5.20 亿元' / '520.00 million yuan'; other currencies as they are."""
    if currency != CNY:
        return f"{currency} {format_yuan(amount)}"
    return format_total(amount, sep=" ") if i18n.is_chinese() else format_total_en(amount)


def status_text(status: SigningStatus) -> str:
    labels = {SigningStatus.SIGNED: QCoreApplication.translate("SigningTableModel", "Signed"),
              SigningStatus.AMENDED: QCoreApplication.translate("SigningTableModel", "Amended"),
              SigningStatus.CANCELLED: QCoreApplication.translate("SigningTableModel",
                                                                  "Cancelled")}
    return labels[status]
