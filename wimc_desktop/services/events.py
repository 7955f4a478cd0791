"""Creating and opening an event database, and reading the event it holds."""

from __future__ import annotations

import datetime as dt
import logging
import os
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select

from wimc_desktop import __version__
from wimc_desktop.db.engine import Database, resolve_url, sqlite_path
from wimc_desktop.db.migrate import MARKER_TABLE, check_event_database, upgrade_to_head
from wimc_desktop.db.schema import CategoryRow, EventRow, Meta
from wimc_desktop.db.sqlite_file import FileKind, inspect_sqlite_file, sidecars
from wimc_desktop.domain.categories import DEFAULT_CATEGORIES
from wimc_desktop.domain.errors import (
    BadInputError,
    CannotWriteError,
    NotAnEventDatabaseError,
)
from wimc_desktop.domain.models import Category, Event
from wimc_desktop.domain.text_safety import check_fields
from wimc_desktop.services.safe_file import PRIVATE_MODE
from wimc_desktop.services.search import open_index

DEFAULT_TIMEZONE = "Asia/Shanghai"
log = logging.getLogger("wimc_desktop.services")


def open_event_database(target: str | os.PathLike[str]) -> Database:
    """Open an existing event database, refusing anything else with a clear error."""
    url = resolve_url(target)
    path = sqlite_path(url)
    if path is None:
        return _checked(Database(url))
    if not path.is_file():
        raise NotAnEventDatabaseError("{path}: no event database here (create one with init).",
                                      path=path)
    # Looked at first without writing: a file that is not ours is never changed.
    kind = inspect_sqlite_file(path)
    if kind is FileKind.NOT_SQLITE:
        raise NotAnEventDatabaseError("{where}: this file is not a WIMC event database (or "
                                      "it is damaged).", where=path)
    if kind is not FileKind.EVENT:
        raise NotAnEventDatabaseError("{where}: holds no WIMC event database.", where=path)
    db = Database(url)
    try:
        db.table_names()  # (the first connection, with its PRAGMAs)
    except CannotWriteError:
        # The folder (or the -shm file) cannot be written: read only. With no -wal file
        # left, immutable, since SQLite can then create no -shm file to read through.
        db.dispose()
        db = Database(url, "read_only" if sidecars(path) else "immutable")
    db = _checked(db)
    open_index(db)
    return db


def _checked(db: Database) -> Database:
    """db, once it is known to hold a current event database (disposed if not)."""
    try:
        check_event_database(db)
    except Exception:
        db.dispose()
        raise
    return db


def _check_new_event(name: str, start: dt.date, end: dt.date, timezone: str) -> None:
    if not name.strip():
        raise BadInputError("the event needs a name")
    if end < start:
        raise BadInputError("the last day {end} is before the first day {start}",
                            end=end, start=start)
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise BadInputError("unknown time zone {timezone!r}", timezone=timezone) from exc


def create_event(
    target: str | os.PathLike[str],
    *,
    name_zh: str,
    start: dt.date,
    end: dt.date,
    name_en: str = "",
    venue: str = "",
    city: str = "",
    timezone: str = DEFAULT_TIMEZONE,
    badge_prefix: str = "WIMC",
    categories: tuple[Category, ...] = DEFAULT_CATEGORIES,
) -> Database:
    """Create a new event database (refusing one that already holds an event)."""
    check_fields({"event_name": name_zh, "event_name_en": name_en, "venue": venue,
                  "city": city})
    _check_new_event(name_zh, start, end, timezone)
    url = resolve_url(target)
    path = sqlite_path(url)
    if path is not None:
        _refuse_existing_file(path)
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise CannotWriteError("{where}: cannot create the folder: {reason}",
                                   where=path.parent, reason=exc.strerror or exc) from exc
    db = Database(url)
    try:
        tables = db.table_names()
        if path is not None:
            _owner_only(path)
        if MARKER_TABLE in tables:
            raise BadInputError("{where}: already holds an event database.",
                                where=db.display_name)
        if tables:  # another program's tables (a PostgreSQL database in use)
            raise BadInputError("{where}: holds another program's tables; init adds nothing "
                                "to it. Give an empty database.", where=db.display_name)
        upgrade_to_head(db)
    except Exception:
        db.dispose()
        raise
    now = dt.datetime.now(dt.UTC)
    with db.write() as session:
        session.add_all([Meta(key="app", value="wimc-desk"),
                         Meta(key="created_by", value=__version__)])
        session.add(EventRow(
            id=str(uuid.uuid4()), name_zh=name_zh.strip(), name_en=name_en.strip(),
            venue=venue, city=city, start_date=start, end_date=end, timezone=timezone,
            badge_prefix=badge_prefix, created_at=now,
        ))
        session.add_all(CategoryRow(code=c.code, name_zh=c.name_zh, name_en=c.name_en,
                                    color=c.color, is_vip=c.is_vip, sort_order=c.sort_order)
                        for c in categories)
    open_index(db)  # (the search index's tables: the search package's, not a migration's)
    return db


def _owner_only(path: Path) -> None:
    """A new event file (names, mobiles, e-mails) and its -wal/-shm readable by the user
    only, before anything is written to it (SQLite gives the -wal and -shm files it makes
    later the event file's own permissions). On Windows the user's profile folder does it."""
    if os.name == "nt":
        return
    beside = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))
    for file in (path, *(side for side in beside if side.exists())):
        try:
            os.chmod(file, PRIVATE_MODE)
        except OSError as exc:
            raise CannotWriteError("{where}: cannot make the new event file private: {reason}",
                                   where=file, reason=exc.strerror or exc) from exc


def _refuse_existing_file(path: Path) -> None:
    """init makes a new file, or fills a SQLite database with nothing in it (as a killed
    init leaves one): any other file is refused, unchanged (an event database, a 0-byte
    file, another program's data)."""
    if not path.exists():
        return
    kind = inspect_sqlite_file(path)
    if kind is FileKind.BLANK:
        return
    if kind is FileKind.EVENT:
        raise BadInputError("{where}: already holds an event database.", where=path)
    raise BadInputError("{where}: this file already exists and is not a WIMC event "
                        "database (an empty file, or another program's data); init leaves "
                        "it unchanged. Choose a new file name.", where=path)


def get_event(db: Database) -> Event:
    """The event held in the database, with its categories in display order."""
    with db.read() as session:
        row = session.execute(select(EventRow)).scalar_one_or_none()
        if row is None:
            raise NotAnEventDatabaseError("{where}: holds no event.", where=db.display_name)
        cats = session.execute(select(CategoryRow).order_by(CategoryRow.sort_order)).scalars()
        categories = tuple(Category(c.code, c.name_zh, c.name_en, c.color, c.is_vip,
                                    c.sort_order) for c in cats)
        return Event(row.id, row.name_zh, row.name_en, row.venue, row.city, row.start_date,
                     row.end_date, row.timezone, row.badge_prefix, categories)
