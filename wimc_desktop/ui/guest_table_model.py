"""The guest list as a Qt table model: holds only ids, fetches guests in pages on the worker.

Like anki's browser table model, rowCount comes from the list of ids alone, so 100,000
guests open at once; a row's data is asked for only when a view paints it, a page at a
time, on the background worker, and kept in a cache keyed by guest id (so a re-sort
reuses what was fetched). Each page also brings which of its guests were admitted on the
desk's working day (the "checked in" column); a new day asks the shown pages again.
Changes from the change feed (apply_changes) drop the changed guests from the cache, so
their rows are fetched again when painted; a new guest or an import lists the ids again.

With a search text the rows are the guests the search service finds (the same search
as the check-in desk), best first, up to SEARCH_LIMIT.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.changes import Changes, list_touch
from wimc_desktop.domain.guest_record import Mask, field_names
from wimc_desktop.domain.models import Attendance, Event, Guest
from wimc_desktop.domain.names import name_keys
from wimc_desktop.services.guests import GuestPage, guest_ids, guest_page
from wimc_desktop.services.search import SearchResult, search_guests
from wimc_desktop.ui import i18n
from wimc_desktop.ui.field_table_model import AnyIndex, FieldTableModel
from wimc_desktop.ui.worker import Worker

# The shown fields of the guest record, the ones hidden by default last, and the working
# day's check-in beside the name.
_SHOWN = field_names(lambda f: f.shown and not f.hidden_by_default)
COLUMNS: tuple[str, ...] = (_SHOWN[0], "checked_in", *_SHOWN[1:],
                            *field_names(lambda f: f.shown and f.hidden_by_default))
MASKED = field_names(lambda f: f.shown and f.mask is not Mask.NONE)
CATEGORY_COLOR_ROLE = Qt.ItemDataRole.UserRole + 1
GUEST_ID_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE_SIZE = 100
CACHE_LIMIT = 20_000
NOT_FETCHED = "…"
CHECKED_MARK = "✓"
CHECKED_IN = COLUMNS.index("checked_in")  # its column
SEARCH_LIMIT = 1000


class GuestTableModel(FieldTableModel):
    """Rows are guest ids in the current sort order; cells come from a cache of guests."""

    columns = COLUMNS

    guests_loaded = Signal(int)
    page_fetched = Signal(int)
    searched = Signal(str, int)  # the query and how many guests match it in all

    def __init__(self, worker: Worker, parent: Any = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._db: Database | None = None
        self._event: Event | None = None
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._cache: dict[str, Guest] = {}
        self._pending: set[int] = set()
        self._generation = 0
        self._day = dt.date.today()
        self._day_generation = 0
        self._data_generation = 0  # moves on when changed guests leave the cache
        self._checked: dict[str, bool] = {}  # admitted on the working day, per guest id
        self.query = ""
        self.total = 0
        self._sort = ("name", False)
        self._contact_visible = False
        self.fetched_count = 0

    # -- loading ---------------------------------------------------------------------

    def set_database(self, db: Database, event: Event) -> None:
        self._db, self._event = db, event
        self.reload()

    def reload(self) -> None:
        """Forget every cached guest and list the ids again (after an import, say)."""
        self._cache.clear()
        self._checked.clear()
        self._list_ids()

    def apply_changes(self, changes: Changes, *, relist: bool = True) -> bool:
        """What the change feed says changed: the changed guests are fetched again (and
        the ids listed again when a guest may have come or gone, or matches the search
        differently: a read of the whole list or a search). `relist` False: that listing
        is left to the caller (a hidden page reloads when shown); returns whether it is."""
        touch = list_touch(changes, self._row_of.keys())
        affected = touch.changed
        needs_listing = touch.came or (bool(self.query) and touch.edited)
        if affected is None:
            if relist:
                self.reload()
            return not relist
        if not affected:
            return False
        self._data_generation += 1  # (a page on its way may predate the change)
        for guest_id in affected:
            self._cache.pop(guest_id, None)
            self._checked.pop(guest_id, None)
        if needs_listing:
            if relist:
                self._list_ids()
            return not relist
        self._pending.clear()
        last = self.columnCount() - 1
        for row in sorted(self._row_of[g] for g in affected if g in self._row_of):
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))
        return False

    def set_day(self, day: dt.date) -> None:
        """The working day whose check-ins the "checked in" column shows."""
        if day == self._day:
            return
        self._day = day
        self.refresh_checked_in()

    def refresh_checked_in(self) -> None:
        """Ask again who is checked in (the shown rows are fetched again, the rest later)."""
        self._day_generation += 1
        self._checked.clear()
        self._pending.clear()
        if self.row_count():
            column = CHECKED_IN
            self.dataChanged.emit(self.index(0, column),
                                  self.index(self.row_count() - 1, column))

    def set_query(self, text: str) -> None:
        """Show the guests matching `text` (the whole list when it is empty)."""
        self.query = text.strip()
        self._list_ids()

    def _list_ids(self) -> None:
        if self._db is None:
            return
        self._generation += 1
        generation, db, (field, descending) = self._generation, self._db, self._sort
        day, query = self._day, self.query
        if query:
            self._worker.submit(
                lambda: search_guests(db, query, limit=SEARCH_LIMIT, day=day),
                on_success=lambda found: self._on_found(generation, found), context=self)
            return
        self._worker.submit(lambda: guest_ids(db, sort=field, descending=descending, day=day),
                            on_success=lambda ids: self._on_ids_listed(generation, ids),
                            context=self)

    def _on_found(self, generation: int, found: SearchResult) -> None:
        if generation != self._generation:
            return
        for hit in found.results:
            self._cache[hit.guest.id] = hit.guest
            self._checked[hit.guest.id] = hit.checked_in
        ids = [hit.guest.id for hit in found.results]
        if self._sort != ("name", False) or not ids:
            ids = self._sorted_here(ids)
        self._show_ids(ids)
        self.total = found.total
        self.searched.emit(found.query, found.total)

    def _sorted_here(self, ids: list[str]) -> list[str]:
        """Search hits (all fetched) in the order of the column sorted on."""
        field, descending = self._sort

        def key(guest_id: str) -> Any:
            guest = self._cache[guest_id]
            if field == "name":
                return name_keys(guest.name).sort, guest.name
            if field == "checked_in":
                return self._checked.get(guest_id, False), name_keys(guest.name).sort
            return str(getattr(guest, field, ""))
        return sorted(ids, key=key, reverse=descending)

    def _show_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._row_of = {guest_id: row for row, guest_id in enumerate(ids)}
        self._pending.clear()
        self.endResetModel()

    def _on_ids_listed(self, generation: int, ids: list[str]) -> None:
        if generation != self._generation:
            return  # an older listing answered after a newer one was asked for
        self._show_ids(ids)
        self.total = len(ids)
        self.guests_loaded.emit(len(ids))

    def _request_page(self, page: int) -> None:
        if page in self._pending or self._db is None:
            return
        self._pending.add(page)
        ids = self._ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
        generation = (self._generation, self._day_generation, self._data_generation)
        db, day = self._db, self._day
        self._worker.submit(
            lambda: guest_page(db, ids, day),
            on_success=lambda got: self._on_page_fetched(generation, page, len(ids), got),
            context=self)

    def _on_page_fetched(self, generation: tuple[int, int, int], page: int, asked: int,
                         got: GuestPage) -> None:
        if generation[0] != self._generation:
            return
        if generation[2] != self._data_generation:  # fetched before a change: ask again
            self._pending.discard(page)
            rows = [self._row_of[g.id] for g in got.guests if g.id in self._row_of]
            if rows:
                self.dataChanged.emit(self.index(min(rows), 0),
                                      self.index(max(rows), self.columnCount() - 1))
            return
        guests = got.guests
        if generation[1] == self._day_generation:
            self._checked.update((g.id, g.id in got.admitted) for g in guests)
        else:
            self._pending.discard(page)  # asked about another day: ask again when painted
        if len(guests) == asked and generation[1] == self._day_generation:
            # A page with a vanished guest stays "pending" until the next reload, so
            # that painting its rows does not ask for it again and again.
            self._pending.discard(page)
        if len(self._cache) + len(guests) > CACHE_LIMIT:
            self._cache.clear()
        self._cache.update((g.id, g) for g in guests)
        self.fetched_count += len(guests)
        rows = [self._row_of[g.id] for g in guests if g.id in self._row_of]
        if rows:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), last))
        self.page_fetched.emit(len(guests))

    # -- what the views change -------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        wanted = (COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        if wanted == self._sort:
            return
        self._sort = wanted
        if self.query:  # the hits are all here: sorted without asking again
            self._show_ids(self._sorted_here(self._ids))
        else:
            self._list_ids()

    @property
    def sort_field(self) -> tuple[str, bool]:
        return self._sort

    def set_contact_visible(self, visible: bool) -> None:
        self._contact_visible = visible
        for field in MASKED:
            column = COLUMNS.index(field)
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    # -- the model interface ---------------------------------------------------------

    def row_count(self) -> int:
        return len(self._ids)

    def guest_id_at(self, row: int) -> str:
        return self._ids[row]

    def guest_at(self, row: int) -> Guest | None:
        """The guest of a row if fetched; asks for its page (and returns None) if not."""
        guest_id = self._ids[row]
        guest = self._cache.get(guest_id)
        if guest is None or guest_id not in self._checked:
            self._request_page(row // PAGE_SIZE)
        return guest

    def is_checked_in(self, row: int) -> bool | None:
        """Admitted on the working day (None while not known yet)."""
        return self._checked.get(self._ids[row])

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        checked_column = index.column() == CHECKED_IN
        if role == Qt.ItemDataRole.TextAlignmentRole and checked_column:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        CATEGORY_COLOR_ROLE, GUEST_ID_ROLE):
            return None
        if role == GUEST_ID_ROLE:
            return self._ids[index.row()]
        guest = self.guest_at(index.row())
        field = COLUMNS[index.column()]
        if guest is None:
            return NOT_FETCHED if index.column() == 0 and role != CATEGORY_COLOR_ROLE else None
        if role == CATEGORY_COLOR_ROLE:
            return self._category_color(guest) if field == "category" else None
        if checked_column:
            return self._checked_text(index.row(), role)
        return self._text(guest, field)

    def _checked_text(self, row: int, role: int) -> str | None:
        checked = self.is_checked_in(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Checked in on the working day") if checked else None
        return CHECKED_MARK if checked else ""

    def _category_color(self, guest: Guest) -> QColor | None:
        category = self._event.category(guest.category) if self._event else None
        return QColor(category.color) if category else None

    def _text(self, guest: Guest, field: str) -> str:
        if field == "category":
            category = self._event.category(guest.category) if self._event else None
            if category is None:
                return guest.category
            return category.name_zh if i18n.is_chinese() else category.name_en
        if field == "attendance":
            online = guest.attendance == Attendance.ONLINE
            return self.tr("Online") if online else self.tr("On site")
        if field == "gender":
            return {"M": self.tr("Male"), "F": self.tr("Female")}.get(guest.gender, "")
        return guest.value(field, full_pii=self._contact_visible)
