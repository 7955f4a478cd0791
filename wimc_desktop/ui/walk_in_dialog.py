"""Registering a walk-in at the desk: the minimum about them, a new badge code, admitted."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import CheckInResult, Desk, Outcome
from wimc_desktop.domain.errors import DeskError
from wimc_desktop.domain.models import Event
from wimc_desktop.services.importing.rows import check_mobile
from wimc_desktop.services.walkin import register_walk_in
from wimc_desktop.ui import i18n, messages
from wimc_desktop.ui.checkin_banner import day_text
from wimc_desktop.ui.error_texts import error_text
from wimc_desktop.ui.problem_texts import reason_text
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.worker import Worker

DEFAULT_CATEGORY = "visitor"


class WalkInDialog(Retranslating, QDialog):
    """One short form; on success the same dialog shows the new badge code in large type."""

    walk_in_registered = Signal(object)

    def __init__(self, worker: Worker, db: Database, event: Event, day: dt.date, desk: Desk,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker, self._db, self._event, self._day, self._desk = worker, db, event, day, desk
        self.result: CheckInResult | None = None
        self.name_edit = QLineEdit()
        self.organization_edit = QLineEdit()
        self.mobile_edit = QLineEdit()
        self.category_combo = QComboBox()
        self.labels = [QLabel() for _ in range(4)]
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.code = QLabel()
        self.code.setObjectName("walkInCode")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_note = QLabel()
        self.done_note.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.register_button = QPushButton()
        self.register_button.setDefault(True)
        self.buttons.addButton(self.register_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.stack = QStackedWidget()
        self._form = QFormLayout()
        self._build()
        self._connect_signals()
        self.retranslate_ui()

    def _build(self) -> None:
        for category in sorted(self._event.categories, key=lambda c: c.sort_order):
            self.category_combo.addItem("", category.code)
        self.category_combo.setCurrentIndex(max(self.category_combo.findData(DEFAULT_CATEGORY),
                                                0))
        form_page = QWidget()
        form_page.setLayout(self._form)
        for label, widget in zip(self.labels, (self.name_edit, self.organization_edit,
                                               self.mobile_edit, self.category_combo),
                                 strict=True):
            self._form.addRow(label, widget)
        self._form.addRow(self.error)
        done_page = QWidget()
        done = QVBoxLayout(done_page)
        done.addWidget(self.code, 0, Qt.AlignmentFlag.AlignHCenter)
        done.addWidget(self.done_note)
        self.stack.addWidget(form_page)
        self.stack.addWidget(done_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _connect_signals(self) -> None:
        self.register_button.clicked.connect(self._on_register_button_clicked)
        self.close_button.clicked.connect(self.reject)

    # -- registering -----------------------------------------------------------------

    def _input_problem(self) -> str:
        if not self.name_edit.text().strip():
            return self.tr("The name is needed.")
        mobile = self.mobile_edit.text().strip()
        if mobile and check_mobile(mobile, {})[1] is not None:
            return reason_text("invalid_mobile")
        return ""

    def _on_register_button_clicked(self) -> None:
        problem = self._input_problem()
        if problem:
            self._show_error(problem)
            return
        self.register_button.setEnabled(False)
        db, day, desk = self._db, self._day, self._desk
        name, org = self.name_edit.text(), self.organization_edit.text()
        mobile, category = self.mobile_edit.text(), self.category_combo.currentData()
        self._worker.submit(
            lambda: register_walk_in(db, name=name, organization=org, mobile=mobile,
                                     category=category, day=day, desk=desk),
            on_success=self._on_walk_in_registered, on_failure=self._on_walk_in_failed,
            context=self)

    def _on_walk_in_registered(self, result: CheckInResult) -> None:
        self.register_button.setEnabled(True)
        if result.outcome == Outcome.NOT_EVENT_DAY:
            self._show_error(self.tr("%1 is not a day of this event — choose the event day")
                             .replace("%1", day_text(result.day)))
            return
        self.result = result
        self.stack.setCurrentIndex(1)
        self.register_button.hide()
        self.close_button.setDefault(True)
        self.retranslate_ui()
        self.walk_in_registered.emit(result)

    def _on_walk_in_failed(self, exc: Exception) -> None:
        self.register_button.setEnabled(True)
        if isinstance(exc, DeskError):
            self._show_error(error_text(exc))
        else:
            messages.report_error(self, exc)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    # -- language --------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Register a walk-in"))
        texts = (self.tr("Name:"), self.tr("Organization:"), self.tr("Mobile:"),
                 self.tr("Category:"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.name_edit.setPlaceholderText(self.tr("As on their ID card or business card"))
        self.mobile_edit.setPlaceholderText(self.tr("11 digits, or +country code"))
        for index in range(self.category_combo.count()):
            category = self._event.category(self.category_combo.itemData(index))
            if category is not None:
                name = category.name_zh if i18n.is_chinese() else category.name_en
                self.category_combo.setItemText(index, name)
        self.register_button.setText(self.tr("Register and admit"))
        self.close_button.setText(self.tr("Close") if self.result else self.tr("Cancel"))
        if self.result is not None and self.result.guest is not None:
            self.code.setText(self.result.code)
            self.done_note.setText(self.tr("%1 is registered and admitted. Their new badge "
                                           "code is above: print the badge or write it down.")
                                   .replace("%1", self.result.guest.name))
