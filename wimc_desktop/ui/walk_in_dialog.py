"""Registering a walk-in at the desk: the minimum about them, a new badge code, admitted.

A walk-in who may already be on the list (same name or pinyin, and the same mobile,
e-mail or organization) is not registered at once: the dialog lists those guests, with
"admit this guest instead" (the normal check-in) or "register anyway" (recorded).
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.changes import Changes, list_touch
from wimc_desktop.domain.checkin import CheckInResult, Desk, Outcome
from wimc_desktop.domain.contact import mask_mobile
from wimc_desktop.domain.errors import DeskError
from wimc_desktop.domain.models import Event
from wimc_desktop.services.importing.rows import check_mobile
from wimc_desktop.services.walkin import (
    PossibleDuplicate,
    PossibleDuplicateError,
    find_possible_duplicates,
    register_walk_in,
)
from wimc_desktop.ui import i18n, messages
from wimc_desktop.ui.change_hub import ChangeHub
from wimc_desktop.ui.checkin_banner import day_text
from wimc_desktop.ui.desk_actions import admit_guest
from wimc_desktop.ui.error_texts import error_text
from wimc_desktop.ui.problem_texts import reason_text
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.screen_fit import fit_to_contents
from wimc_desktop.ui.worker import Worker

DEFAULT_CATEGORY = "visitor"
FORM, DONE, DUPLICATES = 0, 1, 2
GUEST_ID = Qt.ItemDataRole.UserRole + 1


class WalkInDialog(Retranslating, QDialog):
    """One short form; on success the same dialog shows the new badge code in large type."""

    # Someone was admitted from this dialog: the new walk-in, or the listed guest admitted
    # instead (a CheckInResult either way, for the desk's banner).
    walk_in_registered = Signal(object)
    duplicates_found = Signal(object)  # list[PossibleDuplicate]
    error_shown = Signal(str)

    def __init__(self, worker: Worker, db: Database, event: Event, day: dt.date, desk: Desk,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker, self._db, self._event, self._day, self._desk = worker, db, event, day, desk
        self.check_in_result: CheckInResult | None = None
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
        self.duplicates_note = QLabel()
        self.duplicates_note.setWordWrap(True)
        self.matches = QListView()
        self.matches.setModel(QStandardItemModel(self.matches))
        self.matches.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._duplicates: list[PossibleDuplicate] = []
        self._hub = ChangeHub.of(worker)
        self.buttons = QDialogButtonBox()
        self.register_button = QPushButton()
        self.register_button.setDefault(True)
        self.buttons.addButton(self.register_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.admit_button = QPushButton()
        self.force_button = QPushButton()
        self.back_button = QPushButton()
        for button in (self.admit_button, self.force_button, self.back_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.hide()
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
        done_page = QWidget()
        done = QVBoxLayout(done_page)
        done.addWidget(self.code, 0, Qt.AlignmentFlag.AlignHCenter)
        done.addWidget(self.done_note)
        duplicates_page = QWidget()
        duplicates = QVBoxLayout(duplicates_page)
        duplicates.setContentsMargins(0, 0, 0, 0)
        duplicates.addWidget(self.duplicates_note)
        duplicates.addWidget(self.matches, 1)
        for page in (form_page, done_page, duplicates_page):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        # Below the pages, not a row of the form: a form row (in a stacked page) never got
        # the height of a wrapped message, whose lines were cut off.
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _connect_signals(self) -> None:
        self.register_button.clicked.connect(self._on_register_button_clicked)
        self.admit_button.clicked.connect(self._on_admit_button_clicked)
        self.force_button.clicked.connect(self._on_force_button_clicked)
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self._hub.changed.connect(self._on_hub_changed)

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
            self.show_error(problem)
            return
        self._register(force=False)

    def _on_force_button_clicked(self) -> None:
        self._register(force=True)

    def _register(self, *, force: bool) -> None:
        self._set_busy(True)
        db, day, desk = self._db, self._day, self._desk
        name, org = self.name_edit.text(), self.organization_edit.text()
        mobile, category = self.mobile_edit.text(), self.category_combo.currentData()
        self._worker.submit(
            lambda: register_walk_in(db, name=name, organization=org, mobile=mobile,
                                     category=category, day=day, desk=desk, force=force),
            on_success=self._on_walk_in_registered, on_failure=self._on_walk_in_failed,
            context=self, at_desk=True)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.register_button, self.admit_button, self.force_button):
            button.setEnabled(not busy)

    def _on_walk_in_registered(self, result: CheckInResult) -> None:
        self._set_busy(False)
        if result.outcome == Outcome.NOT_EVENT_DAY:
            self._show_page(FORM)
            self.show_error(self.tr("%1 is not a day of this event — choose the event day")
                             .replace("%1", day_text(result.day)))
            return
        self.check_in_result = result
        self._show_page(DONE)
        self.close_button.setDefault(True)
        self.retranslate_ui()
        self._fit()
        self.walk_in_registered.emit(result)

    def _on_walk_in_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        if isinstance(exc, PossibleDuplicateError):
            self._show_duplicates(exc.matches)
        elif isinstance(exc, DeskError):
            self._show_page(FORM)
            self.show_error(error_text(exc))
        else:
            messages.report_error(self, exc)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self._fit()
        self.error_shown.emit(text)

    def _fit(self) -> None:
        """Grow (never shrink) to what the page on show needs: a wrapped error or a list
        of guests must not push the buttons out of the dialog or be cut off itself.

        Measured on the wrapped labels themselves: the layout's own height-for-width
        through the stacked pages falls short by lines."""
        layout = self.layout()
        assert layout is not None  # (set when the dialog is built)
        for _ in range(3):  # a taller label may be laid out narrower: look again
            layout.activate()
            wider = max(0, self.minimumSizeHint().width() - self.width())
            taller = max((label.heightForWidth(label.width()) - label.height()
                          for label in (self.error, self.duplicates_note, self.done_note)
                          if label.isVisibleTo(self) and label.text()), default=0)
            if wider <= 0 and taller <= 0:
                return
            self.resize(self.width() + wider, self.height() + max(taller, 0))

    # -- a guest who may already be on the list ----------------------------------------

    def _show_page(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        self.register_button.setVisible(page == FORM)
        for button in (self.admit_button, self.force_button, self.back_button):
            button.setVisible(page == DUPLICATES)
        self.admit_button.setDefault(page == DUPLICATES)
        self.register_button.setDefault(page == FORM)

    def _show_duplicates(self, matches: list[PossibleDuplicate]) -> None:
        self._list_matches(matches)
        self.error.hide()
        self._show_page(DUPLICATES)
        self.retranslate_ui()
        self._fit()
        self.duplicates_found.emit(matches)

    def _on_hub_changed(self, changes: Changes) -> None:
        """A guest listed as a possible duplicate changed (admitted at another desk, a new
        code...) or guests came: the list is asked again, the chosen guest kept."""
        if self.stack.currentIndex() != DUPLICATES or not self._duplicates:
            return
        touch = list_touch(changes, {m.guest.id for m in self._duplicates})
        if not touch.listed and not touch.came:
            return
        db, day = self._db, self._day
        name, org = self.name_edit.text(), self.organization_edit.text()
        mobile = self.mobile_edit.text()
        self._worker.submit(
            lambda: find_possible_duplicates(db, name=name, day=day, organization=org,
                                             mobile=mobile),
            on_success=self._on_duplicates_listed_again, context=self)

    def _on_duplicates_listed_again(self, matches: list[PossibleDuplicate]) -> None:
        if self.stack.currentIndex() != DUPLICATES:
            return
        self._list_matches(matches, chosen=self.matches.currentIndex().data(GUEST_ID))
        self.duplicates_found.emit(matches)

    def _list_matches(self, matches: list[PossibleDuplicate], chosen: str | None = None) -> None:
        """The possible duplicates in the list; the one `chosen` (a guest id) current if
        it is still among them, else the first."""
        self._duplicates = matches
        model = self.matches.model()
        assert isinstance(model, QStandardItemModel)
        model.clear()
        for match in matches:
            item = QStandardItem(self._match_text(match))
            item.setData(match.guest.id, GUEST_ID)
            model.appendRow(item)
        ids = [m.guest.id for m in matches]
        self.matches.setCurrentIndex(model.index(ids.index(chosen) if chosen in ids else 0, 0))

    def _match_text(self, match: PossibleDuplicate) -> str:
        guest = match.guest
        same = {"mobile": self.tr("same mobile"), "email": self.tr("same e-mail"),
                "organization": self.tr("same organization")}
        parts = [guest.name, guest.organization, mask_mobile(guest.mobile), guest.badge_code]
        notes = [same[m] for m in match.matched_on]
        if match.checked_in:
            notes.append(self.tr("already admitted on this day"))
        return self.tr("%1  (%2)").replace("%1", " · ".join(p for p in parts if p)).replace(
            "%2", self.tr(", ").join(notes))

    def _on_admit_button_clicked(self) -> None:
        index = self.matches.currentIndex()
        guest_id = index.data(GUEST_ID) if index.isValid() else None
        if not guest_id:
            return
        self._set_busy(True)
        db, day, desk, nonce = self._db, self._day, self._desk, uuid.uuid4().hex
        self._worker.submit(
            lambda: admit_guest(db, guest_id, day=day, desk=desk, nonce=nonce),
            on_success=self._on_listed_guest_admitted, on_failure=self._on_walk_in_failed,
            context=self, at_desk=True)

    def _on_listed_guest_admitted(self, result: CheckInResult) -> None:
        self._set_busy(False)
        self.walk_in_registered.emit(result)  # the desk's banner says what happened
        self.accept()

    def _on_back_button_clicked(self) -> None:
        self._show_page(FORM)
        self.name_edit.setFocus()

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
        self.admit_button.setText(self.tr("Admit this guest instead"))
        self.force_button.setText(self.tr("Register anyway"))
        self.back_button.setText(self.tr("Edit the details"))
        self.duplicates_note.setText(self.tr(
            "This guest may already be on the list: the same name and the same mobile, "
            "e-mail or organization. Admit the guest below instead, or register a new "
            "guest anyway (recorded)."))
        model = self.matches.model()
        for row, match in enumerate(self._duplicates):
            model.setData(model.index(row, 0), self._match_text(match))
        self.close_button.setText(self.tr("Close") if self.check_in_result else self.tr("Cancel"))
        if self.check_in_result is not None and self.check_in_result.guest is not None:
            self.code.setText(self.check_in_result.code)
            self.done_note.setText(self.tr("%1 is registered and admitted. Their new badge "
                                           "code is above: print the badge or write it down.")
                                   .replace("%1", self.check_in_result.guest.name))
        fit_to_contents(self)  # (the categories' names in the new language)
