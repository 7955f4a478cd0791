"""The form to add or amend a signing: the amount as people say it, parties, witnesses."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QModelIndex, QSize, Qt, QTimeZone, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.errors import BadInputError
from wimc_desktop.domain.models import Guest
from wimc_desktop.domain.money import AmountError, parse_amount
from wimc_desktop.domain.signings import (
    Signing,
    SigningDraft,
    SigningParty,
    SigningWitness,
    validate_draft,
)
from wimc_desktop.services.search import search_guests
from wimc_desktop.services.signings import SigningChoices
from wimc_desktop.ui import messages
from wimc_desktop.ui.error_texts import error_text
from wimc_desktop.ui.screen_fit import fit_to_contents, fitted
from wimc_desktop.ui.signing_table_model import amount_text
from wimc_desktop.ui.worker import Worker

GUEST_ID = Qt.ItemDataRole.UserRole + 1


def _combo(values: tuple[str, ...]) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(["", *values])
    return combo


class PeopleTable(QTableWidget):
    """Parties (name, role, country) or witnesses (name, title); a guest's id rides along."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.horizontalHeader().setStretchLastSection(True)
        self.setColumnWidth(0, 260)
        self.verticalHeader().hide()

    def add(self, *texts: str, guest_id: str | None = None) -> None:
        row = self.rowCount()
        self.insertRow(row)
        for column in range(self.columnCount()):
            item = QTableWidgetItem(texts[column] if column < len(texts) else "")
            if column == 0:
                item.setData(GUEST_ID, guest_id)
            self.setItem(row, column, item)

    def remove_current(self) -> None:
        if self.currentRow() >= 0:
            self.removeRow(self.currentRow())

    def commit_editing(self) -> None:
        """Keep the text of a cell still being typed (Ctrl+Enter saves from inside it)."""
        current = self.currentIndex()
        if self.state() is QAbstractItemView.State.EditingState and current.isValid():
            self.setCurrentIndex(QModelIndex())  # leaving the cell commits its editor
            self.setCurrentIndex(current)

    def rows(self) -> list[tuple[list[str], str | None]]:
        """Each filled row: its texts, and the guest id of its name (if a guest)."""
        self.commit_editing()
        found = []
        for row in range(self.rowCount()):
            items = [self.item(row, c) for c in range(self.columnCount())]
            texts = [item.text().strip() if item else "" for item in items]
            first = self.item(row, 0)
            if any(texts):
                found.append((texts, first.data(GUEST_ID) if first else None))
        return found


class SigningDialog(QDialog):
    """Edits a SigningDraft; `draft()` is the checked draft once accepted."""

    searched = Signal(int)

    def __init__(self, worker: Worker, db: Database, timezone: str, choices: SigningChoices,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker, self._db, self._zone = worker, db, ZoneInfo(timezone)
        self._draft: SigningDraft | None = None
        self.setWindowTitle(self.tr("Signing"))
        self.project_zh = QLineEdit()
        self.project_en = QLineEdit()
        self.sector = _combo(choices.sectors)
        self.location = _combo(choices.locations)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 5.2亿, 3000万, 12,000,000"))
        self.amount_parsed = QLabel()
        self.amount_parsed.setObjectName("amountParsed")
        self.currency = _combo(("CNY", "USD", "EUR", "JPY"))
        self.currency.setCurrentText("CNY")
        self.ceremony = _combo(choices.ceremonies)
        self.signed_at = QDateTimeEdit()
        self.signed_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.signed_at.setCalendarPopup(True)
        self.signed_at.setTimeZone(QTimeZone(timezone.encode()))
        self.signed_at.setDateTime(QDateTime.currentDateTime())
        self.parties = PeopleTable([self.tr("Party"), self.tr("Role"), self.tr("Country")])
        self.witnesses = PeopleTable([self.tr("Witness"), self.tr("Title")])
        self.notes = QLineEdit()
        self.guest_query = QLineEdit()
        self.guest_query.setPlaceholderText(self.tr("Find a guest: name, pinyin, organization…"))
        self.guest_results = QListWidget()
        self.guest_results.setMaximumHeight(72)
        self.parties.setMinimumHeight(150)
        self.witnesses.setMinimumHeight(110)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #C62828;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        # Enter never saves (in the guest lookup it searches, and a witness being added was
        # lost): saving is the OK button or Ctrl+Enter.
        for button in self.buttons.buttons():
            assert isinstance(button, QPushButton)  # (a button box's buttons are push buttons)
            button.setAutoDefault(False)
            button.setDefault(False)
        self.save_shortcuts = [QShortcut(QKeySequence(key), self)
                               for key in ("Ctrl+Return", "Ctrl+Enter")]
        self._build()
        self.amount.textChanged.connect(self._on_amount_text_changed)
        self.guest_query.returnPressed.connect(self.search)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        for shortcut in self.save_shortcuts:
            shortcut.activated.connect(self._on_buttons_accepted)
        self._on_amount_text_changed("")
        fit_to_contents(self)  # (made in the window's language; a modal dialog never switches)
        self.resize(fitted(self, QSize(1180, 720)))  # (a 1366 x 768 laptop: its OK button)
        self._unchanged = self._form_state()

    def _people_buttons(self, table: PeopleTable, kind: str) -> QHBoxLayout:
        add, remove, from_guest = QPushButton(self.tr("Add")), QPushButton(self.tr("Remove")), \
            QPushButton(self.tr("Add the guest found"))
        add.clicked.connect(lambda: table.add(""))
        remove.clicked.connect(table.remove_current)
        from_guest.clicked.connect(lambda: self.add_chosen_guest(kind))
        row = QHBoxLayout()
        for button in (add, remove, from_guest):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Project (Chinese):"), self.project_zh)
        form.addRow(self.tr("Project (English):"), self.project_en)
        form.addRow(self.tr("Sector:"), self.sector)
        form.addRow(self.tr("Location:"), self.location)
        form.addRow(self.tr("Amount:"), self.amount)
        form.addRow("", self.amount_parsed)
        form.addRow(self.tr("Currency:"), self.currency)
        form.addRow(self.tr("Ceremony:"), self.ceremony)
        form.addRow(self.tr("Signed at:"), self.signed_at)
        form.addRow(self.tr("Notes:"), self.notes)
        # Two columns, the project on the left and the people on the right: in one the form
        # needed 944 px, more than a 1366 x 768 laptop has.
        people = QVBoxLayout()
        people.addWidget(QLabel(self.tr("Guest lookup (press Enter to search):")))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setToolTip(
            self.tr("Save the signing (Ctrl+Enter)"))
        people.addWidget(self.guest_query)
        people.addWidget(self.guest_results)
        people.addWidget(QLabel(self.tr("Parties (at least two):")))
        people.addWidget(self.parties, 1)
        people.addLayout(self._people_buttons(self.parties, "party"))
        people.addWidget(QLabel(self.tr("Witnesses:")))
        people.addWidget(self.witnesses, 1)
        people.addLayout(self._people_buttons(self.witnesses, "witness"))
        project = QVBoxLayout()
        project.addLayout(form)
        project.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(project, 2)
        columns.addSpacing(16)
        columns.addLayout(people, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    # -- the amount --------------------------------------------------------------------

    def parsed_amount(self) -> Decimal | None:
        try:
            return parse_amount(self.amount.text())
        except AmountError:
            return None

    def _on_amount_text_changed(self, text: str) -> None:
        if not text.strip():
            self.amount_parsed.setText(self.tr("Type the amount as it is said: 5.2亿, 3000万…"))
            self.amount_parsed.setStyleSheet("color: #757575;")
            return
        try:
            amount = parse_amount(text)
        except AmountError as exc:
            self.amount_parsed.setText(error_text(exc))
            self.amount_parsed.setStyleSheet("color: #C62828;")
            return
        currency = self.currency.currentText().strip().upper() or "CNY"
        self.amount_parsed.setText("= " + amount_text(amount, currency))
        self.amount_parsed.setStyleSheet("color: #2E7D32; font-weight: bold;")

    # -- guests ------------------------------------------------------------------------

    def search(self) -> None:
        query, db = self.guest_query.text().strip(), self._db
        if query:
            self._worker.submit(lambda: search_guests(db, query, limit=20),
                                on_success=self._on_search_answered, context=self)

    def _on_search_answered(self, result: object) -> None:
        self.guest_results.clear()
        for hit in result.results:  # type: ignore[attr-defined]
            guest: Guest = hit.guest
            item = QListWidgetItem(f"{guest.name}  {guest.organization}  {guest.title}")
            item.setData(GUEST_ID, guest)
            self.guest_results.addItem(item)
        if self.guest_results.count():
            self.guest_results.setCurrentRow(0)
        self.searched.emit(self.guest_results.count())

    def add_chosen_guest(self, kind: str) -> None:
        item = self.guest_results.currentItem()
        if item is None:
            return
        guest: Guest = item.data(GUEST_ID)
        if kind == "party":
            self.parties.add(guest.organization or guest.name, "", guest.country,
                             guest_id=guest.id)
        else:
            self.witnesses.add(guest.name, guest.title, guest_id=guest.id)

    # -- the draft ---------------------------------------------------------------------

    def set_signing(self, s: Signing) -> None:
        """Fill the form from a recorded signing (to amend it)."""
        self.project_zh.setText(s.project_zh)
        self.project_en.setText(s.project_en)
        self.sector.setCurrentText(s.sector)
        self.location.setCurrentText(s.location)
        self.amount.setText(str(s.amount))
        self.currency.setCurrentText(s.currency)
        self.ceremony.setCurrentText(s.ceremony)
        self.signed_at.setDateTime(QDateTime.fromSecsSinceEpoch(int(s.signed_at.timestamp())))
        self.notes.setText(s.notes)
        for p in s.parties:
            self.parties.add(p.name, p.role, p.country, guest_id=p.guest_id)
        for w in s.witnesses:
            self.witnesses.add(w.name, w.title, guest_id=w.guest_id)
        self._unchanged = self._form_state()

    def build_draft(self) -> SigningDraft:
        """The draft the form says, checked (BadInputError says what is wrong)."""
        amount = parse_amount(self.amount.text())
        signed_at = dt.datetime.fromtimestamp(self.signed_at.dateTime().toSecsSinceEpoch(),
                                              dt.UTC)
        parties = tuple(SigningParty(t[0], t[1], t[2], g) for t, g in self.parties.rows())
        witnesses = tuple(SigningWitness(t[0], t[1], g) for t, g in self.witnesses.rows())
        return validate_draft(SigningDraft(
            self.project_zh.text(), amount, parties, signed_at, self.project_en.text(),
            self.sector.currentText(), self.location.currentText(),
            self.currency.currentText() or "CNY", self.ceremony.currentText(), witnesses,
            self.notes.text()))

    def _on_buttons_accepted(self) -> None:
        try:
            self._draft = self.build_draft()
        except BadInputError as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()

    def draft(self) -> SigningDraft | None:
        return self._draft

    # -- leaving without saving --------------------------------------------------------

    def _form_state(self) -> tuple[object, ...]:
        """Everything the form would save, to tell whether anything was typed."""
        return (self.project_zh.text(), self.project_en.text(), self.sector.currentText(),
                self.location.currentText(), self.amount.text(), self.currency.currentText(),
                self.ceremony.currentText(), self.signed_at.dateTime().toSecsSinceEpoch(),
                self.notes.text(), self.parties.rows(), self.witnesses.rows())

    def has_changes(self) -> bool:
        return self._form_state() != self._unchanged

    def reject(self) -> None:
        """Esc, Cancel and the title bar's close button: with changes, ask first."""
        if self.has_changes() and not self._confirm_discard():
            return
        super().reject()

    def _confirm_discard(self) -> bool:
        """The one place the discard question blocks (tests replace it)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          self.tr("Discard this signing?"),
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                          self)
        box.setInformativeText(self.tr("What you typed is not saved."))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return messages.exec_box(box) == QMessageBox.StandardButton.Discard

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # QDialog presses its default button on Enter; here a plain Enter is the field's
        # own (the guest lookup searched on returnPressed already).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.accept()
            return
        super().keyPressEvent(event)
