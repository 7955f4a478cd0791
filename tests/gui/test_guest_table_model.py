"""The guest table model, tested with no view: ids up front, guests fetched lazily."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from tests.gui.gui_helpers import add_guests
from wimc_desktop.db.engine import Database
from wimc_desktop.services.events import get_event
from wimc_desktop.services.guests import guests_by_ids
from wimc_desktop.services.importing import import_records
from wimc_desktop.ui import i18n
from wimc_desktop.ui.guest_table_model import (
    CATEGORY_COLOR_ROLE,
    COLUMNS,
    NOT_FETCHED,
    PAGE_SIZE,
    GuestTableModel,
)
from wimc_desktop.ui.worker import Worker

GUESTS = 3000


def loaded_model(qtbot: QtBot, worker: Worker, db: Database) -> GuestTableModel:
    model = GuestTableModel(worker)
    with qtbot.waitSignal(model.guests_loaded):
        model.set_database(db, get_event(db))
    return model


def fetch_row(qtbot: QtBot, model: GuestTableModel, row: int) -> None:
    if model.guest_at(row) is None:
        qtbot.waitUntil(lambda: model.guest_at(row) is not None)


def cell(model: GuestTableModel, row: int, field: str, role: int = Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, COLUMNS.index(field)), role)


def test_row_count_comes_from_ids_and_rows_are_fetched_lazily(
        qtbot: QtBot, worker: Worker, event_db: Database) -> None:
    add_guests(event_db, GUESTS)
    model = loaded_model(qtbot, worker, event_db)
    assert model.rowCount() == GUESTS
    assert model.fetched_count == 0
    assert cell(model, 1500, "name") == NOT_FETCHED
    with qtbot.waitSignal(model.page_fetched):
        pass
    assert cell(model, 1500, "name") not in ("", NOT_FETCHED, None)
    assert model.fetched_count == PAGE_SIZE
    assert model.fetched_count < GUESTS / 10


def test_sorting_reorders_the_rows(qtbot: QtBot, worker: Worker, event_db: Database) -> None:
    add_guests(event_db, 50)
    model = loaded_model(qtbot, worker, event_db)
    badge = COLUMNS.index("badge_code")
    with qtbot.waitSignal(model.guests_loaded):
        model.sort(badge, Qt.SortOrder.AscendingOrder)
    fetch_row(qtbot, model, 0)
    first_up = cell(model, 0, "badge_code")
    with qtbot.waitSignal(model.guests_loaded):
        model.sort(badge, Qt.SortOrder.DescendingOrder)
    fetch_row(qtbot, model, 0)
    first_down = cell(model, 0, "badge_code")
    codes = sorted(g.badge_code for g in guests_by_ids(event_db, model._ids))
    assert (first_up, first_down) == (codes[0], codes[-1])
    assert model.sort_field == ("badge_code", True)


def test_contact_details_are_masked_until_shown(
        qtbot: QtBot, worker: Worker, event_db: Database) -> None:
    add_guests(event_db, 5)
    model = loaded_model(qtbot, worker, event_db)
    fetch_row(qtbot, model, 0)
    masked_mobile, masked_email = cell(model, 0, "mobile"), cell(model, 0, "email")
    assert "****" in masked_mobile
    assert "***@" in masked_email
    with qtbot.waitSignal(model.dataChanged):
        model.set_contact_visible(True)
    assert cell(model, 0, "mobile").isdigit()
    assert "***" not in cell(model, 0, "email")


def test_category_and_attendance_follow_the_language(
        qtbot: QtBot, worker: Worker, event_db: Database) -> None:
    add_guests(event_db, 24)
    model = loaded_model(qtbot, worker, event_db)
    for row in range(model.rowCount()):
        fetch_row(qtbot, model, row)
    event = get_event(event_db)
    english = {c.name_en for c in event.categories}
    chinese = {c.name_zh for c in event.categories}
    rows = range(model.rowCount())
    assert {cell(model, r, "category") for r in rows} <= english
    assert {cell(model, r, "attendance") for r in rows} == {"On site", "Online"}
    assert isinstance(cell(model, 0, "category", CATEGORY_COLOR_ROLE), QColor)
    i18n.apply_language(i18n.CHINESE)
    QCoreApplication.processEvents()
    assert {cell(model, r, "category") for r in rows} <= chinese
    assert {cell(model, r, "attendance") for r in rows} == {"线下", "线上"}
    assert model.headerData(0, Qt.Orientation.Horizontal) == "姓名"


def test_reload_forgets_cached_guests(qtbot: QtBot, worker: Worker, event_db: Database) -> None:
    add_guests(event_db, 10)
    model = loaded_model(qtbot, worker, event_db)
    fetch_row(qtbot, model, 0)
    import_records(event_db, [{"name": "新来宾", "badge_code": "T-NEW-1"}], source="tests")
    with qtbot.waitSignal(model.guests_loaded):
        model.reload()
    assert model.rowCount() == 11
    assert cell(model, 0, "name") == NOT_FETCHED
