"""Edit details… on the Guests page: every field a desk may edit, personal data masked
unless the page shows it (a typed value replaces it, an empty entry keeps it), values
refused by edit-guest's own rules before the form closes (naming the field), a category
chosen from the event's."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.gui.gui_helpers import TEST_DESK, add_guests
from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import AuditRow
from wimc_desktop.domain.contact import mask_mobile
from wimc_desktop.domain.errors import BadInputError
from wimc_desktop.domain.models import Guest
from wimc_desktop.services.events import get_event
from wimc_desktop.services.guest_edits import EDITABLE, GUEST_EDITED, edit_guest
from wimc_desktop.services.guests import guests_by_ids, list_guests
from wimc_desktop.ui import i18n
from wimc_desktop.ui.desk_access import LOGGED_OUT
from wimc_desktop.ui.guest_edit_dialog import GuestEditDialog
from wimc_desktop.ui.guests_page import GuestsPage
from wimc_desktop.ui.worker import Worker

WAIT = 10_000
NEW_MOBILE = "13812345678"


def shown_page(qtbot: QtBot, worker: Worker, db: Database) -> GuestsPage:
    page = GuestsPage(worker)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    with qtbot.waitSignal(page.model.guests_loaded):
        page.set_database(db, get_event(db))
    page.set_desk(TEST_DESK)
    page.show()
    qtbot.waitUntil(lambda: page.model.guest_at(0) is not None, timeout=WAIT)
    return page


def stored(db: Database, guest_id: str) -> Guest:
    return guests_by_ids(db, [guest_id])[0]


def line(dialog: GuestEditDialog, field: str) -> QLineEdit:
    entry = dialog.entries[field]
    assert isinstance(entry, QLineEdit)
    return entry


def edit_through_the_page(qtbot: QtBot, page: GuestsPage, monkeypatch: pytest.MonkeyPatch,
                          fill: Callable[[GuestEditDialog], None]) -> GuestEditDialog:
    """Edit details… on the first row, the page's own dialog filled by `fill` and OK
    pressed; the dialog, once it was asked."""
    asked: list[GuestEditDialog] = []

    def answer(_page: GuestsPage, guest: Guest) -> dict[str, str] | None:
        dialog = page.guest_edit_dialog(guest)
        qtbot.addWidget(dialog)
        dialog.show()
        fill(dialog)
        dialog.buttons.accepted.emit()  # (OK: the dialog's own check first)
        asked.append(dialog)
        return dialog.values() if dialog.result() == GuestEditDialog.DialogCode.Accepted \
            else None

    monkeypatch.setattr(GuestsPage, "_ask_guest_edit", answer)
    page.view.selectRow(0)
    page.edit_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=WAIT)
    return asked[0]


def test_every_editable_field_is_in_the_form(qtbot: QtBot, event_db: Database) -> None:
    add_guests(event_db, 1)
    guest = list_guests(event_db)[0]
    dialog = GuestEditDialog(guest, get_event(event_db))
    qtbot.addWidget(dialog)
    assert tuple(dialog.entries) == EDITABLE
    assert isinstance(dialog.entries["category"], QComboBox)
    assert isinstance(dialog.entries["notes"], QPlainTextEdit)
    assert dialog.values() == {}  # nothing typed: nothing changed


def test_a_masked_mobile_is_replaced_by_what_is_typed_and_kept_when_left_empty(
        qtbot: QtBot, worker: Worker, event_db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    add_guests(event_db, 3)
    page = shown_page(qtbot, worker, event_db)
    guest = page.model.guest_at(0)
    assert guest is not None and guest.mobile and guest.email
    seen: dict[str, str] = {}

    def fill(dialog: GuestEditDialog) -> None:
        seen.update(mobile_shown=dialog.masked_values["mobile"].text(),
                    email_shown=dialog.masked_values["email"].text(),
                    mobile_entry=line(dialog, "mobile").text(),
                    hint=line(dialog, "mobile").placeholderText())
        line(dialog, "mobile").setText(NEW_MOBILE)  # the e-mail's entry left empty

    dialog = edit_through_the_page(qtbot, page, monkeypatch, fill)
    assert seen["mobile_shown"] == mask_mobile(guest.mobile) != guest.mobile
    assert guest.email not in seen["email_shown"] and "***" in seen["email_shown"]
    assert seen["mobile_entry"] == "" and seen["hint"] == "Type to replace"
    assert dialog.values() == {"mobile": NEW_MOBILE}
    qtbot.waitUntil(lambda: stored(event_db, guest.id).mobile == NEW_MOBILE, timeout=WAIT)
    after = stored(event_db, guest.id)
    assert after.email == guest.email  # left empty: kept
    with event_db.read() as session:
        row = session.execute(select(AuditRow).where(AuditRow.action == GUEST_EDITED)).scalar_one()
    written = json.dumps(row.details, ensure_ascii=False)
    assert row.details["fields"] == ["mobile"] and row.desk == TEST_DESK.name
    assert NEW_MOBILE not in written and guest.mobile not in written  # (as edit-guest's)


def test_contact_details_shown_in_full_are_edited_in_place(
        qtbot: QtBot, worker: Worker, event_db: Database) -> None:
    add_guests(event_db, 2)
    page = shown_page(qtbot, worker, event_db)
    page.contact_toggle.setChecked(True)  # (asked and audited on the page)
    guest = page.model.guest_at(0)
    assert guest is not None
    dialog = page.guest_edit_dialog(guest)
    qtbot.addWidget(dialog)
    assert not dialog.masked_fields and not dialog.masked_values
    assert line(dialog, "mobile").text() == guest.mobile
    line(dialog, "email").clear()  # shown whole, a value can be taken away
    assert dialog.values() == {"email": ""}
    page.set_desk(dataclasses.replace(TEST_DESK, role=LOGGED_OUT))  # a lock: asked again
    assert not page.contact_toggle.isChecked()
    again = page.guest_edit_dialog(guest)
    qtbot.addWidget(again)
    assert "mobile" in again.masked_fields


@pytest.mark.parametrize("language", [i18n.ENGLISH, i18n.CHINESE])
def test_a_bad_mobile_is_refused_with_the_field_and_the_reason(
        qtbot: QtBot, worker: Worker, event_db: Database, monkeypatch: pytest.MonkeyPatch,
        language: str) -> None:
    add_guests(event_db, 2)
    i18n.apply_language(language)
    page = shown_page(qtbot, worker, event_db)
    guest = page.model.guest_at(0)
    assert guest is not None

    def fill(dialog: GuestEditDialog) -> None:
        line(dialog, "mobile").setText("12345")
        line(dialog, "seat").setText("A-12")

    dialog = edit_through_the_page(qtbot, page, monkeypatch, fill)
    assert dialog.isVisible() and dialog.result() != GuestEditDialog.DialogCode.Accepted
    assert dialog.error.isVisible()
    expected = (("the mobile '12345'", "invalid mobile number") if language == i18n.ENGLISH
                else ("手机号码 '12345'", "手机号码无效"))
    assert all(part in dialog.error.text() for part in expected), dialog.error.text()
    assert dialog.focusWidget() is dialog.entries["mobile"]
    qtbot.waitUntil(lambda: worker.pending == 0, timeout=WAIT)
    assert stored(event_db, guest.id) == guest  # nothing changed, the seat neither
    line(dialog, "mobile").setText("+86 138 1234 5678")  # put right: the form closes
    dialog.buttons.accepted.emit()
    assert dialog.result() == GuestEditDialog.DialogCode.Accepted


def test_the_category_is_chosen_from_the_event_s(
        qtbot: QtBot, worker: Worker, event_db: Database,
        monkeypatch: pytest.MonkeyPatch) -> None:
    add_guests(event_db, 2)
    page = shown_page(qtbot, worker, event_db)
    guest = page.model.guest_at(0)
    assert guest is not None and guest.category != "expert"
    event = get_event(event_db)

    def fill(dialog: GuestEditDialog) -> None:
        combo = dialog.entries["category"]
        assert isinstance(combo, QComboBox)
        assert [combo.itemData(i) for i in range(combo.count())] == [
            c.code for c in sorted(event.categories, key=lambda c: c.sort_order)]
        assert combo.currentData() == guest.category
        combo.setCurrentIndex(combo.findData("expert"))
        assert combo.currentText() == "Expert"
        notes = dialog.entries["notes"]
        assert isinstance(notes, QPlainTextEdit)
        notes.setPlainText("坐轮椅\n需要协助")  # (masked: empty, a new note replaces it)

    dialog = edit_through_the_page(qtbot, page, monkeypatch, fill)
    assert dialog.values() == {"category": "expert", "notes": "坐轮椅\n需要协助"}
    qtbot.waitUntil(lambda: stored(event_db, guest.id).category == "expert", timeout=WAIT)
    assert stored(event_db, guest.id).notes == "坐轮椅\n需要协助"


def test_the_service_names_the_field_of_a_bad_value(event_db: Database) -> None:
    """The command line's edit-guest says the same (one check)."""
    add_guests(event_db, 1)
    with pytest.raises(BadInputError, match=r"^the e-mail 'not-an-address': invalid e-mail"):
        edit_guest(event_db, "T-000000", TEST_DESK, {"email": "not-an-address"})
