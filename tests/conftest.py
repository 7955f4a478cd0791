"""Shared fixtures: fresh event databases (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The sample guest lists the tests read, inside the repository (a clone has nothing beside
# it); the name is the one the tests have always used.
SHARED_DATA = Path(__file__).resolve().parent / "data"
POSTGRES_URL = os.environ.get("WIMC_TEST_POSTGRES_URL", "")


def reset_postgres(url: str) -> None:
    """Empty the test database: drop and recreate the public schema."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


@pytest.fixture(scope="session", autouse=True)
def _one_qapplication(qapp: object) -> object:
    """A QApplication before any test paints: render/ would otherwise make a bare
    QGuiApplication, which the widget tests cannot use."""
    return qapp


@pytest.fixture
def shared_data() -> Path:
    """tests/data: the sample guest lists (see its README.md)."""
    if not SHARED_DATA.is_dir():
        pytest.fail(f"the sample data folder is missing: {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A place for a new event database: a .wimc file, or the test PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "event.wimc")
    if not POSTGRES_URL:
        pytest.skip("WIMC_TEST_POSTGRES_URL is not set")
    reset_postgres(POSTGRES_URL)
    return POSTGRES_URL


@pytest.fixture
def event_db(db_target: str) -> Iterator[object]:
    """A new, empty event (26-28 Nov 2020) on SQLite and on PostgreSQL."""
    from wimc_desktop.services.events import create_event

    db = create_event(db_target, name_zh="测试大会", name_en="Test Conference",
                      start=dt.date(2020, 11, 26), end=dt.date(2020, 11, 28))
    yield db
    db.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[object]:
    """A new, empty event in a .wimc file."""
    from wimc_desktop.services.events import create_event

    db = create_event(tmp_path / "event.wimc", name_zh="测试大会",
                      start=dt.date(2020, 11, 26), end=dt.date(2020, 11, 28))
    yield db
    db.dispose()
