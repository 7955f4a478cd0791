"""The New event dialog: name, English name, venue, city, days, time zone and the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.services.events import DEFAULT_TIMEZONE
from wimc_desktop.ui.opened_event import NewEventInput
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.screen_fit import fit_to_contents

TIMEZONES = (DEFAULT_TIMEZONE, "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Tokyo",
             "Europe/Berlin", "Europe/London", "America/New_York", "UTC")


def _to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class NewEventDialog(Retranslating, QDialog):
    """Collects a NewEventInput; the services check it when the event is created."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_zh = QLineEdit()
        self.name_en = QLineEdit()
        self.venue = QLineEdit()
        self.city = QLineEdit()
        self.first_day = QDateEdit(QDate.currentDate())
        self.last_day = QDateEdit(QDate.currentDate().addDays(2))
        self.timezone = QComboBox()
        self.path = QLineEdit()
        self._browse = QPushButton()
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                         | QDialogButtonBox.StandardButton.Cancel)
        self._form = QFormLayout()
        self._build()
        self._connect_signals()
        self.retranslate_ui()
        self._update_ok()

    def _build(self) -> None:
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.timezone.setEditable(True)
        self.timezone.addItems(TIMEZONES)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        self.path.setText(str(Path(documents) / "event.wimc"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self._browse)
        for widget in (self.name_zh, self.name_en, self.venue, self.city, self.first_day,
                       self.last_day, self.timezone):
            label = QLabel()
            label.setBuddy(widget)
            self._form.addRow(label, widget)
        self._form.addRow(QLabel(), file_row)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self._buttons)
        self.setMinimumWidth(520)

    def _connect_signals(self) -> None:
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        self._browse.clicked.connect(self._on_browse_clicked)
        self.name_zh.textChanged.connect(self._update_ok)
        self.path.textChanged.connect(self._update_ok)
        self.first_day.dateChanged.connect(self._on_first_day_date_changed)

    def _ask_save_file(self) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the new event as"),
                                              self.path.text(),
                                              self.tr("WIMC events (*.wimc)"))
        return path

    def _on_browse_clicked(self) -> None:
        path = self._ask_save_file()
        if path:
            self.path.setText(path if path.endswith(".wimc") else path + ".wimc")

    def _on_first_day_date_changed(self, day: QDate) -> None:
        self.last_day.setMinimumDate(day)

    def _update_ok(self) -> None:
        ok = bool(self.name_zh.text().strip() and self.path.text().strip())
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> NewEventInput:
        return NewEventInput(
            path=self.path.text().strip(), name_zh=self.name_zh.text().strip(),
            name_en=self.name_en.text().strip(), venue=self.venue.text().strip(),
            city=self.city.text().strip(), start=_to_date(self.first_day.date()),
            end=_to_date(self.last_day.date()), timezone=self.timezone.currentText().strip())

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("New event"))
        labels = (self.tr("Name (Chinese):"), self.tr("English name:"), self.tr("Venue:"),
                  self.tr("City:"), self.tr("First day:"), self.tr("Last day:"),
                  self.tr("Time zone:"), self.tr("Event file:"))
        for row, text in enumerate(labels):
            item = self._form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            assert isinstance(label, QLabel), row
            label.setText(text)
        self.name_zh.setPlaceholderText(self.tr("e.g. 2020世界智能制造大会"))
        self.name_en.setPlaceholderText(
            self.tr("e.g. World Intelligent Manufacturing Conference 2020"))
        self._browse.setText(self.tr("Browse…"))
        fit_to_contents(self)
