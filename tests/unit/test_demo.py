"""The demo event: a realistic, reproducible WIMC 2020 guest list and database."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from pathlib import Path

import pytest

from wimc_desktop.domain.badge_codes import has_valid_check
from wimc_desktop.domain.categories import DEFAULT_CATEGORIES
from wimc_desktop.domain.contact import normalize_email, normalize_mobile
from wimc_desktop.domain.fields import GUEST_FIELDS
from wimc_desktop.services.demo import DEMO_EVENT, create_demo_event, demo_guests
from wimc_desktop.services.events import get_event
from wimc_desktop.services.guests import count_guests, list_guests

HARD_NAMES = ("单田芳", "曾志伟", "解晓东", "欧阳娜娜", "区志强", "查良镛", "朴树",
              "阿卜杜拉·买买提")
VIP = ("official", "academician", "expert", "company_rep")


@pytest.fixture(scope="module")
def guests() -> list[dict[str, str]]:
    return demo_guests()


def online_share(records: list[dict[str, str]]) -> float:
    return sum(r["attendance"] == "线上" for r in records) / len(records)


def test_count_and_categories(guests: list[dict[str, str]]) -> None:
    assert len(guests) == 5000
    counts = Counter(r["category"] for r in guests)
    assert set(counts) == {c.code for c in DEFAULT_CATEGORIES}
    assert counts["academician"] == 24
    assert counts["expert"] >= 100
    assert counts["company_rep"] >= 200
    assert 30 <= counts["official"] <= 50
    assert counts["exhibitor"] >= 300
    assert 100 <= counts["media"] <= 200
    assert 100 <= counts["staff"] <= 150
    assert counts["visitor"] == max(counts.values())


def test_every_record_has_every_field_and_valid_values(guests: list[dict[str, str]]) -> None:
    for r in guests:
        assert set(r) == set(GUEST_FIELDS)
        assert r["name"] and r["country"] and r["mobile"]
        assert r["gender"] in ("男", "女")
        assert r["attendance"] in ("线上", "线下")
        assert normalize_mobile(r["mobile"]) == r["mobile"]
        assert normalize_email(r["email"]) == r["email"]


def test_both_attendance_modes_and_realistic_online_share(guests: list[dict[str, str]]) -> None:
    assert {r["attendance"] for r in guests} == {"线上", "线下"}
    vips = [r for r in guests if r["category"] in VIP]
    assert 0.25 <= online_share(vips) <= 0.45  # "online and offline": about a third
    assert online_share([r for r in guests if r["category"] == "visitor"]) < 0.2
    assert online_share([r for r in guests if r["category"] == "staff"]) == 0


def test_hard_names_and_foreign_guests(guests: list[dict[str, str]]) -> None:
    names = {r["name"] for r in guests}
    assert set(HARD_NAMES) <= names
    assert any(n.startswith(("欧阳", "上官", "司马", "诸葛")) and n not in HARD_NAMES
               for n in names)
    foreign = [r for r in guests if r["country"] != "中国"]
    assert {"Germany", "Japan", "United States"} <= {r["country"] for r in foreign}
    assert any(not n.isascii() and re.fullmatch(r"[^\u4e00-\u9fff]+", n) for n in names), \
        "Latin names with accents (Jürgen Müller...)"
    academicians = [r for r in guests if r["category"] == "academician"]
    assert any(r["country"] != "中国" and r["name_en"] for r in academicians)
    assert all(r["name_en"] for r in academicians)
    assert all(r["country"] == "中国" for r in guests if r["name"] in HARD_NAMES)


def test_codes_ids_and_contacts_are_unique(guests: list[dict[str, str]]) -> None:
    codes = [r["badge_code"] for r in guests]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"WIMC-[2-9A-HJKMNP-Z]{7}", c) for c in codes)
    assert all(has_valid_check(c, "WIMC") for c in codes)
    ids = [r["external_id"] for r in guests]
    assert ids[0] == "REG2020-00001" and len(set(ids)) == len(ids)
    mobiles = [r["mobile"] for r in guests]
    assert len(set(mobiles)) == len(mobiles)
    chinese = [m for m in mobiles if not m.startswith("+")]
    assert all(re.fullmatch(r"1[3-9]\d{9}", m) for m in chinese)
    emails = [r["email"] for r in guests if r["email"]]
    assert len(set(emails)) == len(emails)
    assert 0 < len(emails) < len(guests)  # some blank
    assert all(e.endswith(".example.com") for e in emails)  # never a real mailbox


def test_deterministic(guests: list[dict[str, str]]) -> None:
    assert demo_guests() == guests
    assert demo_guests(seed=7) != guests
    assert demo_guests(300) == demo_guests(300)


def test_small_lists() -> None:
    assert demo_guests(0) == []
    three = demo_guests(3)  # the hard names come first, as visitors when nothing else fits
    assert sorted(r["name"] for r in three) == sorted(HARD_NAMES[:3])
    assert {r["category"] for r in three} == {"visitor"}
    some = demo_guests(100)
    assert len(some) == 100
    assert set(HARD_NAMES) <= {r["name"] for r in some}
    with pytest.raises(ValueError):
        demo_guests(-1)


def test_create_demo_event(tmp_path: Path, guests: list[dict[str, str]]) -> None:
    started = time.perf_counter()
    db = create_demo_event(tmp_path / "demo.wimc")
    elapsed = time.perf_counter() - started
    print(f"\ncreate_demo_event(5000): {elapsed:.3f} s")
    try:
        assert count_guests(db) == 5000
        event = get_event(db)
        assert (event.name_zh, event.name_en, event.venue, event.city, event.badge_prefix) == (
            DEMO_EVENT.name_zh, DEMO_EVENT.name_en, "南京国际博览中心", "南京", "WIMC")
        assert (event.start_date, event.end_date, event.timezone) == (
            dt.date(2020, 11, 26), dt.date(2020, 11, 28), "Asia/Shanghai")
        stored = {g.badge_code: g for g in list_guests(db)}
        assert set(stored) == {r["badge_code"] for r in guests}  # the codes are the demo's
        shan = next(g for g in stored.values() if g.name == "单田芳")
        assert (shan.category, shan.country, shan.source) == ("expert", "中国", "demo")
        modes = Counter(g.attendance.value for g in stored.values())
        assert modes["online"] == sum(r["attendance"] == "线上" for r in guests)
    finally:
        db.dispose()


def test_create_small_demo_event(tmp_path: Path) -> None:
    db = create_demo_event(tmp_path / "small.wimc", count=40)
    try:
        assert count_guests(db) == 40
    finally:
        db.dispose()
