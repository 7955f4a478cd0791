"""A desk's corrections of a guest's details reach the hub and every other desk; two
offline desks editing the same field of one guest end in the value that reached the hub
first everywhere, the other shown as a conflict; a field nobody else changed is applied
whatever else clashed; what the hub decides by its own rules (a reissued code) is never
put back by an edit made before it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.sync.conftest import DAY, MakeDesk, codes, outbox
from wimc_desktop.db import schema as s
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import Desk, Outcome
from wimc_desktop.domain.errors import BadInputError
from wimc_desktop.services.badges import reissue_badge
from wimc_desktop.services.guest_edits import edit_guest
from wimc_desktop.services.privacy import purge_personal_data
from wimc_desktop.services.search import search_guests
from wimc_desktop.services.sync.desk import conflicts, sync
from wimc_desktop.services.walkin import register_walk_in

pytestmark = pytest.mark.postgres
ANN, BOB = Desk("A", "ann"), Desk("B", "bob")
SHOWN = ("name", "organization", "title", "seat", "notes", "badge_code", "name_pinyin")


def _guest(db: Database, guest_id: str) -> dict[str, str]:
    with db.read() as session:
        row = session.get_one(s.GuestRow, guest_id)
        return {k: getattr(row, k) for k in SHOWN}


def _id(db: Database, code: str) -> str:
    with db.read() as session:
        return str(session.execute(select(s.GuestRow.id).where(
            s.GuestRow.badge_code == code)).scalar_one())


def test_a_desks_edit_and_a_walk_ins_correction_reach_the_hub_and_the_other_desk(
        hub_url: str, make_desk: MakeDesk) -> None:
    a, _ = make_desk("A")
    b, _ = make_desk("B")
    code = codes(a)[10]
    guest_id = _id(a, code)
    edited, changed = edit_guest(a, code, ANN, {"organization": "南京新单位", "seat": "A-12",
                                                "notes": "轮椅通道"})
    assert changed == ("organization", "seat", "notes") and edited.seat == "A-12"
    walk_in = register_walk_in(a, name="张宇航", day=DAY, desk=ANN, organization="某公司")
    assert walk_in.outcome is Outcome.ADMITTED and walk_in.guest is not None
    edit_guest(a, walk_in.code, ANN, {"name": "王宇航", "title": "工程师"})  # a typo put right
    report = sync(a)
    assert report.pending == 0 and report.rejected == 0
    assert sorted(kind for kind, _ in outbox(a).values()).count("guest_edit") == 2
    sync(b)
    hub = Database(hub_url)
    try:
        for db in (hub, b):
            assert _guest(db, guest_id) == _guest(a, guest_id)
            assert _guest(db, guest_id)["organization"] == "南京新单位"
            assert _guest(db, walk_in.guest.id) == _guest(a, walk_in.guest.id)
            assert _guest(db, walk_in.guest.id)["name_pinyin"] == "wangyuhang"
        assert conflicts(hub) == []
    finally:
        hub.dispose()
    found = search_guests(b, "wangyuhang").results  # B's search index follows the pull
    assert [h.guest.name for h in found] == ["王宇航"]
    assert [h.guest.badge_code for h in search_guests(b, "南京新单位").results] == [code]


def test_two_offline_desks_editing_one_guest(hub_url: str, make_desk: MakeDesk) -> None:
    a, proxy_a = make_desk("A")
    b, proxy_b = make_desk("B")
    code = codes(a)[20]
    guest_id = _id(a, code)
    proxy_a.drop()
    proxy_b.drop()
    edit_guest(a, code, ANN, {"organization": "甲公司", "notes": "甲的备注"})
    edit_guest(b, code, BOB, {"organization": "乙公司", "seat": "B-7"})
    proxy_a.restore()
    proxy_b.restore()
    assert sync(a).pending == 0
    assert sync(b).pending == 0
    sync(a)
    hub = Database(hub_url)
    try:
        kept = _guest(hub, guest_id)
        assert (kept["organization"], kept["notes"], kept["seat"]) == ("甲公司", "甲的备注", "B-7")
        for desk in (a, b):  # every copy as the hub, nothing silently lost
            assert _guest(desk, guest_id) == kept
            assert conflicts(desk) == conflicts(hub)
        found = conflicts(hub)
        assert len(found) == 1 and found[0]["kind"] == "guest_edit_conflict"
        assert found[0]["guest"]["badge_code"] == code
        assert (found[0]["kept"]["desk"], found[0]["kept"]["operator"]) == ("A", "ann")
        assert (found[0]["duplicate"]["desk"], found[0]["duplicate"]["operator"]) == ("B", "bob")
        assert found[0]["reason"] == "fields: organization"
        assert found[0]["day"] is not None
    finally:
        hub.dispose()


def test_an_edit_made_before_an_office_edit_and_a_reissue_reached_the_hub(
        hub_url: str, make_desk: MakeDesk) -> None:
    a, proxy_a = make_desk("A")
    b, _ = make_desk("B")
    code = codes(a)[30]
    guest_id = _id(a, code)
    proxy_a.drop()
    edit_guest(a, code, ANN, {"title": "副总经理", "seat": "C-3"})
    fresh = reissue_badge(b, code, reason="lost", desk=BOB).new_code
    assert sync(b).pending == 0  # (B online: the new code on the hub first)
    hub = Database(hub_url)
    try:
        with hub.write() as session:  # the registration office, on the hub
            session.get_one(s.GuestRow, guest_id).title = "总裁"
        proxy_a.restore()
        assert sync(a).pending == 0
        sync(b)
        kept = _guest(hub, guest_id)
        assert (kept["title"], kept["seat"], kept["badge_code"]) == ("总裁", "C-3", fresh)
        assert _guest(a, guest_id) == kept and _guest(b, guest_id) == kept
        found = conflicts(hub)
        assert [(c["kind"], c["kept"]["desk"], c["reason"]) for c in found] == [
            ("guest_edit_conflict", "hub", "fields: title")]
    finally:
        hub.dispose()


def test_a_desk_refuses_a_change_of_every_guest(hub_url: str, make_desk: MakeDesk) -> None:
    import datetime as dt

    a, _ = make_desk("A")
    after = dt.datetime(2020, 12, 1, 4, tzinfo=dt.UTC)
    with pytest.raises(BadInputError, match="made on the hub"):
        purge_personal_data(a, Desk("A", "ann", "admin"), now=after)
    assert outbox(a) == {}
