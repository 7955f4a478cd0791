"""Every setting of the interface, declared once with its key, type and default."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QByteArray, QSettings

from wimc_desktop.domain.guest_record import field_names
from wimc_desktop.ui import i18n

LANGUAGE = "ui/language"
GEOMETRY = "ui/main_window_geometry"
HIDDEN_GUEST_COLUMNS = "guests/hidden_columns"
LAST_IMPORT_DIR = "files/last_import_dir"
LAST_EVENT_DIR = "files/last_event_dir"
DESK_NAME = "desk/name"
DESK_OPERATOR = "desk/operator"
PRINT_AT_CHECKIN = "desk/print_at_checkin"
IDLE_LOCK_MINUTES = "desk/idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 10
REHEARSAL_DAY = "rehearsal_day/"  # + the event's id: the event day a desk rehearses on
DEFAULT_HIDDEN_GUEST_COLUMNS = field_names(lambda f: f.shown and f.hidden_by_default)


class DeskSettings:
    """Typed access to QSettings (tests point QSettings at a temporary folder)."""

    def __init__(self) -> None:
        self._qs = QSettings()

    def _text(self, key: str, default: str = "") -> str:
        value = self._qs.value(key, default, type=str)
        return value if isinstance(value, str) else default

    @property
    def language(self) -> str:
        value = self._text(LANGUAGE)
        return value if value in i18n.LANGUAGES else i18n.system_language()

    @language.setter
    def language(self, value: str) -> None:
        self._qs.setValue(LANGUAGE, value)

    @property
    def hidden_guest_columns(self) -> set[str]:
        if not self._qs.contains(HIDDEN_GUEST_COLUMNS):
            return set(DEFAULT_HIDDEN_GUEST_COLUMNS)
        # Stored as one comma-separated string: an empty list survives every backend.
        return {c for c in self._text(HIDDEN_GUEST_COLUMNS).split(",") if c}

    @hidden_guest_columns.setter
    def hidden_guest_columns(self, columns: set[str]) -> None:
        self._qs.setValue(HIDDEN_GUEST_COLUMNS, ",".join(sorted(columns)))

    @property
    def main_window_geometry(self) -> QByteArray:
        value = self._qs.value(GEOMETRY, QByteArray(), type=QByteArray)
        return value if isinstance(value, QByteArray) else QByteArray()

    @main_window_geometry.setter
    def main_window_geometry(self, value: QByteArray) -> None:
        self._qs.setValue(GEOMETRY, value)

    @property
    def last_import_dir(self) -> str:
        return self._text(LAST_IMPORT_DIR)

    @last_import_dir.setter
    def last_import_dir(self, value: str) -> None:
        self._qs.setValue(LAST_IMPORT_DIR, value)

    @property
    def last_event_dir(self) -> str:
        return self._text(LAST_EVENT_DIR)

    @last_event_dir.setter
    def last_event_dir(self, value: str) -> None:
        self._qs.setValue(LAST_EVENT_DIR, value)

    @property
    def desk_name(self) -> str:
        """The desk's name, recorded on every check-in ("" until the desk is set up)."""
        return self._text(DESK_NAME).strip()

    @desk_name.setter
    def desk_name(self, value: str) -> None:
        self._qs.setValue(DESK_NAME, value.strip())

    @property
    def desk_operator(self) -> str:
        """Who works at the desk, recorded on every check-in."""
        return self._text(DESK_OPERATOR).strip()

    @desk_operator.setter
    def desk_operator(self, value: str) -> None:
        self._qs.setValue(DESK_OPERATOR, value.strip())

    @property
    def print_at_checkin(self) -> str:
        """off | first_admission | always (domain.badges.PrintAtCheckIn)."""
        return self._text(PRINT_AT_CHECKIN, "off")

    @print_at_checkin.setter
    def print_at_checkin(self, value: str) -> None:
        self._qs.setValue(PRINT_AT_CHECKIN, value)

    def rehearsal_day(self, event_id: str) -> dt.date | None:
        """The event day this desk last chose to rehearse on, for one event (None: none).

        Kept here, per desk, not in the event database: several desks can share one
        event database, and a rehearsal is one desk's choice. Keyed by the event's id,
        so a moved or renamed event file (or a PostgreSQL URL) keeps it."""
        try:
            return dt.date.fromisoformat(self._text(REHEARSAL_DAY + event_id))
        except ValueError:
            return None

    def set_rehearsal_day(self, event_id: str, day: dt.date | None) -> None:
        if day is None:
            self._qs.remove(REHEARSAL_DAY + event_id)
        else:
            self._qs.setValue(REHEARSAL_DAY + event_id, day.isoformat())

    @property
    def idle_lock_minutes(self) -> int:
        """On an event with operators, the desk locks after this many idle minutes (0:
        never)."""
        value = self._qs.value(IDLE_LOCK_MINUTES, DEFAULT_IDLE_LOCK_MINUTES, type=int)
        return value if isinstance(value, int) and value >= 0 else DEFAULT_IDLE_LOCK_MINUTES

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, value: int) -> None:
        self._qs.setValue(IDLE_LOCK_MINUTES, value)

    @property
    def has_desk_identity(self) -> bool:
        return bool(self.desk_name)

    def sync(self) -> None:
        self._qs.sync()
