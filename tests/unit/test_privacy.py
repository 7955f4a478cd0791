"""The purge of personal data after the event: what goes, what stays, and that no byte of a
purged value is left in the SQLite file (or its -wal); on PostgreSQL, none readable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from wimc_desktop.db.engine import Database, sqlite_path
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.errors import NotPermittedError
from wimc_desktop.services.audit import check_chain, list_audit
from wimc_desktop.services.checkin import check_in
from wimc_desktop.services.guests import list_guests
from wimc_desktop.services.importing import import_records
from wimc_desktop.services.privacy import PURGED, PurgeTooEarlyError, purge_personal_data
from wimc_desktop.services.reports import daily_report
from wimc_desktop.services.search import search_guests

MOBILE, EMAIL, NOTE = "13987654321", "purge.me@example.org", "素食 needs-a-wheelchair"
DESK = Desk("Desk 1", "admin1", "admin")
AFTER = dt.datetime(2020, 11, 30, 2, 0, tzinfo=dt.UTC)
DAY1 = dt.date(2020, 11, 26)


@pytest.fixture
def guests_db(event_db: Database) -> Database:
    import_records(event_db, [
        {"name": "张伟", "organization": "南京大学", "mobile": MOBILE, "email": EMAIL,
         "notes": NOTE, "badge_code": "P-000001", "category": "academician"},
        {"name": "李娜", "organization": "东南大学", "mobile": "13900001111",
         "badge_code": "P-000002"}], source="test")
    check_in(event_db, "P-000001", day=DAY1, desk=DESK,
             now=dt.datetime(2020, 11, 26, 1, 0, tzinfo=dt.UTC))
    return event_db


def test_refused_before_the_events_end(guests_db: Database) -> None:
    with pytest.raises(PurgeTooEarlyError) as caught:
        purge_personal_data(guests_db, DESK, now=dt.datetime(2020, 11, 28, 10, 0,
                                                             tzinfo=dt.UTC))
    assert caught.value.exit_code == 6 and "2020-11-29" in str(caught.value)
    assert list_guests(guests_db)[0].mobile  # nothing deleted


def test_refused_below_admin(guests_db: Database) -> None:
    with pytest.raises(NotPermittedError) as caught:
        purge_personal_data(guests_db, Desk("Desk 1", "sup", "supervisor"), now=AFTER)
    assert caught.value.exit_code == 8


def test_deletes_contacts_keeps_names_checkins_and_figures(guests_db: Database) -> None:
    before = daily_report(guests_db, DAY1, now=AFTER)
    result = purge_personal_data(guests_db, DESK, now=AFTER)
    assert (result.guests, result.purged) == (2, 2)
    guests = {g.badge_code: g for g in list_guests(guests_db)}
    zhang = guests["P-000001"]
    assert (zhang.name, zhang.organization, zhang.category) == ("张伟", "南京大学",
                                                                "academician")
    assert (zhang.mobile, zhang.email, zhang.notes) == ("", "", "")
    assert guests["P-000002"].mobile == ""
    after = daily_report(guests_db, DAY1, now=AFTER)
    assert after.as_json() == before.as_json()  # every figure of the report kept
    assert search_guests(guests_db, "4321").total == 0  # phone digits gone from the index
    assert search_guests(guests_db, "purge.me").total == 0
    assert search_guests(guests_db, "张伟").total == 1
    rows = list_audit(guests_db, action=PURGED)
    assert len(rows) == 1 and rows[0].entry.operator == "admin1"
    assert rows[0].entry.role == "admin"
    check_chain(guests_db)  # (the purge never touches the audit log's chain)


def test_no_trace_left_in_the_file(guests_db: Database) -> None:
    path = sqlite_path(guests_db.url)
    if path is None:  # PostgreSQL: no value readable through SQL
        purge_personal_data(guests_db, DESK, now=AFTER)
        with guests_db.read() as session:
            for value in (MOBILE, EMAIL, "needs-a-wheelchair"):
                dump = session.execute(text(
                    "SELECT count(*) FROM guest WHERE guest::text LIKE :v"),
                    {"v": f"%{value}%"}).scalar()
                assert dump == 0
        return
    files = [path, Path(f"{path}-wal")]
    assert any(MOBILE.encode() in f.read_bytes() for f in files if f.exists())
    purge_personal_data(guests_db, DESK, now=AFTER)
    for file in (f for f in files if f.exists()):
        data = file.read_bytes()
        for value in (MOBILE, EMAIL, "needs-a-wheelchair", "4321"):
            assert value.encode() not in data, (file, value)
    assert path.stat().st_mode & 0o077 == 0  # (the file is the user's alone)


def test_a_stored_events_guest_rows_are_blanked_their_keys_and_other_rows_kept() -> None:
    from wimc_desktop.services.privacy import scrub_payload

    guest = {"id": "g1", "name": "张伟", "mobile": MOBILE, "email": EMAIL, "notes": NOTE,
             "phone_digits": MOBILE, "id_number_hash": "ab" * 32,
             "id_number_masked": "3201**********1234", "extra": {"微信": "zw-1"}}
    payload = {"desk": "A", "operator": "ann", "rows": [
        {"table": "guest", "new": False, "values": guest,
         "before": {"email": "old@example.org", "organization": "东南大学"}},
        {"table": "checkin", "new": True, "values": {"id": "c1", "badge_code": "P-1"}}]}
    scrubbed = scrub_payload(payload)
    assert scrubbed is not None and payload["rows"][0]["values"]["mobile"] == MOBILE  # (a copy)
    values, before = scrubbed["rows"][0]["values"], scrubbed["rows"][0]["before"]
    assert values == {**guest, "mobile": "", "email": "", "notes": "", "phone_digits": "",
                      "id_number_hash": "", "id_number_masked": "", "extra": {}}
    assert before == {"email": "", "organization": "东南大学"}  # (which fields changed: kept)
    assert scrubbed["rows"][1] == payload["rows"][1] and scrubbed["desk"] == "A"
    assert scrub_payload(scrubbed) is None  # (nothing left to blank)
    assert scrub_payload({"rows": [payload["rows"][1]]}) is None
