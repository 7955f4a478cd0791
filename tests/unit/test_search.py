"""Search: every match kind, ranking, totals and filters, a never-stale index, hostile input."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text, update

from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import CheckInRow, CheckInUndoRow, GuestRow
from wimc_desktop.domain.search_keys import search_keys
from wimc_desktop.services.guests import guest_ids, guests_by_ids
from wimc_desktop.services.importing import import_records
from wimc_desktop.services.importing.writer import new_guest_record
from wimc_desktop.services.search import SearchResult, index_write, search_guests
from wimc_desktop.services.search.documents import IndexedGuest, document, sort_key
from wimc_desktop.services.search.forms import END, value_form
from wimc_desktop.services.search.plan import make_plan, rank_of

DAY1, DAY2 = dt.date(2020, 11, 26), dt.date(2020, 11, 27)
GUESTS = [
    {"name": "单田芳", "organization": "中国曲艺家协会", "title": "评书表演艺术家",
     "mobile": "+86 138-0013-8000", "email": "shan.tianfang@quyi.org.cn",
     "badge_code": "WIMC-ABC2345", "category": "academician"},
    {"name": "欧阳娜娜", "organization": "华为技术有限公司", "title": "工程师",
     "mobile": "139 1234 5678", "email": "nana@huawei.com", "badge_code": "WIMC-OY0001",
     "category": "company_rep", "attendance": "线上"},
    {"name": "阿卜杜拉·买买提", "organization": "新疆大学", "title": "教授",
     "badge_code": "WIMC-AB0001", "category": "expert"},
    {"name": "Jürgen Müller", "organization": "Siemens AG", "title": "Chief Engineer",
     "mobile": "+49 176 1234 5679", "email": "juergen.mueller@siemens.com",
     "badge_code": "WIMC-JM0001", "category": "exhibitor", "external_id": "REG-2020-0042"},
    {"name": "张乐福", "organization": "南京大学", "title": "教授", "mobile": "13800001111",
     "badge_code": "WIMC-ZL0001", "category": "expert"},
    {"name": "张乐福", "organization": "东南大学", "title": "研究员", "mobile": "13800002222",
     "badge_code": "WIMC-ZL0002", "category": "expert"},
    {"name": "张乐", "organization": "东南大学", "title": "副教授", "mobile": "13800003333",
     "badge_code": "WIMC-ZL0003", "category": "visitor"},
    {"name": "李华", "organization": "张乐工作室", "title": "摄影师", "badge_code": "ZHANGLE",
     "category": "media"},
]


def names(result: SearchResult) -> list[str]:
    return [hit.guest.name for hit in result.results]


@pytest.fixture
def db(event_db: Database) -> Database:
    import_records(event_db, GUESTS, source="test")
    return event_db


@pytest.mark.parametrize(("query", "expected", "matched"), [
    ("张", {"张乐福", "张乐", "李华"}, "name"),  # one Hanzi is enough (李华: organisation)
    ("乐福", {"张乐福"}, "name"),  # anywhere in the name
    ("单", {"单田芳"}, "name"),
    ("shan", {"单田芳"}, "pinyin"),  # surname reading: 单 = shan
    ("shantianfang", {"单田芳"}, "pinyin"),
    ("stf", {"单田芳"}, "initials"),
    ("ouyang", {"欧阳娜娜"}, "pinyin"),
    ("oynn", {"欧阳娜娜"}, "initials"),
    ("zhang lef", {"张乐福"}, "pinyin"),
    ("zhanglef", {"张乐福"}, "pinyin"),
    ("zlf", {"张乐福"}, "initials"),
    ("买买提", {"阿卜杜拉·买买提"}, "name"),
    ("阿卜杜拉买买提", {"阿卜杜拉·买买提"}, "name"),
    ("jurgen", {"Jürgen Müller"}, "name"),  # no case, no accents
    ("MÜLLER", {"Jürgen Müller"}, "name"),
    ("华为", {"欧阳娜娜"}, "organization"),  # any part, Chinese
    ("siemens", {"Jürgen Müller"}, "organization"),  # any part, English
    ("曲艺家", {"单田芳"}, "organization"),
    ("chief eng", {"Jürgen Müller"}, "title"),
    ("艺术家", {"单田芳"}, "title"),
    ("0013", {"单田芳"}, "phone"),  # any 4+ digits
    ("+86 138-0013-8000", {"单田芳"}, "phone"),  # +86, spaces and dashes ignored
    ("1234 5678", {"欧阳娜娜"}, "phone"),
    ("huawei.com", {"欧阳娜娜"}, "email"),  # any part of the e-mail
    ("tianfang@", {"单田芳"}, "email"),
    ("WIMC-ABC2345", {"单田芳"}, "badge_code"),  # exact code
    ("wimc-abc2345", {"单田芳"}, "badge_code"),
    ("ABC2345", {"单田芳"}, "badge_code"),  # without its prefix (the part after the '-')
    ("REG-2020-0042", {"Jürgen Müller"}, "external_id"),
])
def test_every_kind_of_match(db: Database, query: str, expected: set[str],
                             matched: str) -> None:
    found = search_guests(db, query)
    assert set(names(found)) == expected and found.total == len(found.results)
    assert found.results[0].matched == matched
    assert found.query == query


def test_near_misses_are_not_found(db: Database) -> None:
    for query in ("ABC234", "WIMC-ABC234", "9999", "tianfangx", "xyz", "sh4n", "张三"):
        assert search_guests(db, query).total == 0, query


def test_ranking_code_then_exact_name_then_prefix_then_substring(db: Database) -> None:
    found = search_guests(db, "zhangle")  # the code ZHANGLE, exact pinyin, prefix, none
    assert [(h.guest.name, h.matched) for h in found.results] == [
        ("李华", "badge_code"), ("张乐", "pinyin"), ("张乐福", "pinyin"), ("张乐福", "pinyin")]
    found = search_guests(db, "张乐")  # exact name, then prefix, then anywhere (organisation)
    assert names(found) == ["张乐", "张乐福", "张乐福", "李华"]
    assert found.results[3].matched == "organization"
    assert found.results[1].guest.organization == "东南大学"  # namesakes ordered by organisation
    assert found.results[2].guest.organization == "南京大学"


def test_namesakes_are_told_apart(db: Database) -> None:
    hits = search_guests(db, "张乐福").results
    assert [(h.guest.organization, h.guest.title) for h in hits] == [
        ("东南大学", "研究员"), ("南京大学", "教授")]


def test_limit_total_and_empty_query(db: Database) -> None:
    found = search_guests(db, "张", limit=1)
    assert found.total == 4 and names(found) == ["张乐"]
    assert search_guests(db, "张", limit=0).total == 4
    everyone = search_guests(db, "   ")
    assert everyone.total == len(GUESTS) and len(everyone.results) == len(GUESTS)
    assert names(everyone)[:2] == ["阿卜杜拉·买买提", "Jürgen Müller"]  # by name (pinyin)
    assert {h.matched for h in everyone.results} == {""}


def test_filters(db: Database) -> None:
    assert names(search_guests(db, "", category="expert")) == ["阿卜杜拉·买买提", "张乐福",
                                                                "张乐福"]
    assert search_guests(db, "张", category="expert").total == 2
    assert names(search_guests(db, "", attendance="online")) == ["欧阳娜娜"]
    assert search_guests(db, "", category="nobody").total == 0
    assert search_guests(db, "张", category="visitor", attendance="onsite").total == 1


def test_names_come_in_the_order_of_a_chinese_list(event_db: Database) -> None:
    """Syllable by syllable: every 陈 (chen) before every 程 (cheng), in the search results
    (the index on SQLite, plain SQL on PostgreSQL) and in the Guests page's order."""
    import_records(event_db, [{"name": n, "badge_code": f"C-{i}"} for i, n in enumerate(
        ["程永东", "陈浩刚", "程昊磊", "陈彬超", "陈"])], source="test")
    expected = ["陈", "陈彬超", "陈浩刚", "程昊磊", "程永东"]
    assert names(search_guests(event_db, "ch")) == expected
    assert names(search_guests(event_db, "")) == expected
    assert [g.name for g in guests_by_ids(event_db, guest_ids(event_db, "name"))] == expected


@pytest.mark.parametrize("code", ["WIMC-ABC2345", "ABC2345"])
def test_a_badge_code_with_filters(db: Database, code: str) -> None:
    """The code as typed and after its prefix, each lookup with the same filters."""
    assert names(search_guests(db, code, category="academician")) == ["单田芳"]
    assert names(search_guests(db, code, category="academician", attendance="onsite")) \
        == ["单田芳"]
    assert search_guests(db, code, category="expert").total == 0
    assert search_guests(db, code, attendance="online").total == 0


def _admit(db: Database, code: str, day: dt.date, undone: bool = False) -> None:
    with db.write() as session:
        guest_id = session.execute(select(GuestRow.id).where(GuestRow.badge_code == code)
                                   ).scalar_one()
        checkin_id = str(uuid.uuid4())
        at = dt.datetime(2020, 11, 26, 1, 0, tzinfo=dt.UTC)
        session.add(CheckInRow(id=checkin_id, guest_id=guest_id, event_day=day, session="",
                               at=at, desk="d1", operator="op", method="scan",
                               badge_code=code, nonce=uuid.uuid4().hex))
        if undone:
            session.flush()
            session.add(CheckInUndoRow(id=str(uuid.uuid4()), checkin_id=checkin_id, at=at,
                                       desk="d1", operator="op", reason="wrong guest",
                                       nonce=uuid.uuid4().hex))


def test_checked_in_filter_and_flag(db: Database) -> None:
    _admit(db, "WIMC-ZL0001", DAY1)
    _admit(db, "WIMC-ZL0003", DAY1, undone=True)  # an undone check-in does not count
    _admit(db, "WIMC-ZL0002", DAY2)  # another day
    inside = search_guests(db, "张", day=DAY1, checked_in=True)
    assert inside.total == 1 and [h.guest.organization for h in inside.results] == ["南京大学"]
    assert inside.results[0].checked_in
    outside = search_guests(db, "张", day=DAY1, checked_in=False)
    assert outside.total == 3 and not any(h.checked_in for h in outside.results)
    assert search_guests(db, "", day=DAY1, checked_in=False).total == len(GUESTS) - 1
    flags = {h.guest.badge_code: h.checked_in for h in search_guests(db, "张", day=DAY1).results}
    assert flags == {"WIMC-ZL0001": True, "WIMC-ZL0002": False, "WIMC-ZL0003": False,
                     "ZHANGLE": False}
    assert not any(h.checked_in for h in search_guests(db, "张").results)  # no day


def _rename(db: Database, code: str, name: str, sync: bool) -> None:
    keys = search_keys(name, "", "")
    with db.write() as session:
        session.execute(update(GuestRow).where(GuestRow.badge_code == code).values(
            name=name, name_pinyin=keys.name_pinyin, name_initials=keys.name_initials,
            name_latin=keys.name_latin))
        if sync:
            index_write(session)


def _walk_in(db: Database, name: str, code: str, sync: bool) -> None:
    record = new_guest_record({"name": name, "badge_code": code, "category": "visitor",
                               "attendance": "onsite", "organization": "南京市人民政府"},
                              {}, "walk-in", None, dt.datetime.now(dt.UTC))
    with db.write() as session:
        session.add(GuestRow(**record))
        session.flush()
        if sync:
            index_write(session, [record["id"]])


@pytest.mark.parametrize("sync", [True, False])
def test_index_follows_edits_and_walk_ins(db: Database, sync: bool) -> None:
    _rename(db, "WIMC-ABC2345", "单雄信", sync)
    assert search_guests(db, "单田芳").total == 0 and search_guests(db, "stf").total == 0
    assert [h.matched for h in search_guests(db, "shanxiongxin").results] == ["pinyin"]
    assert search_guests(db, "评书").total == 1  # organisation and title still found
    _walk_in(db, "王小明", "WIMC-W00001", sync)
    assert names(search_guests(db, "王")) == ["王小明"]
    assert names(search_guests(db, "南京")) == ["王小明", "张乐福"]  # wang... < zhang...
    assert search_guests(db, "W00001").total == 1
    assert search_guests(db, "").total == len(GUESTS) + 1
    with db.write() as session:
        session.execute(text("DELETE FROM guest WHERE badge_code = 'WIMC-OY0001'"))
        if sync:
            index_write(session)
    assert search_guests(db, "欧阳").total == 0 and search_guests(db, "华为").total == 0


def test_a_reimport_updates_the_index(db: Database) -> None:
    changed = [{**GUESTS[1], "organization": "小米科技有限责任公司"}]
    assert import_records(db, changed, source="again").updated == 1
    assert search_guests(db, "华为").total == 0
    assert names(search_guests(db, "小米")) == ["欧阳娜娜"]
    if db.is_sqlite:
        with db.read() as session:
            assert session.execute(text("SELECT count(*) FROM search_pending")).scalar() == 0


def test_a_broken_or_missing_index_falls_back_and_repairs(sqlite_db: Database) -> None:
    import_records(sqlite_db, GUESTS, source="test")
    with sqlite_db.write() as session:
        session.execute(text("DROP TRIGGER search_guest_update"))
    assert names(search_guests(sqlite_db, "zlf")) == ["张乐福", "张乐福"]  # plain SQL meanwhile
    assert search_guests(sqlite_db, "华为").results[0].matched == "organization"
    with sqlite_db.write() as session:
        index_write(session)  # rebuilds, triggers included
        assert session.execute(text("SELECT count(*) FROM sqlite_master WHERE name = "
                                    "'search_guest_update'")).scalar() == 1
    assert names(search_guests(sqlite_db, "zlf")) == ["张乐福", "张乐福"]


def test_an_event_without_the_index_gets_one_on_its_next_write(sqlite_db: Database) -> None:
    from wimc_desktop.services.search.schema import drop_search_index

    import_records(sqlite_db, GUESTS, source="test")
    with sqlite_db.engine.begin() as conn:  # as made by a build with the empty migration 0003
        drop_search_index(conn)
    assert names(search_guests(sqlite_db, "shan")) == ["单田芳"]  # plain SQL meanwhile
    with sqlite_db.write() as session:
        index_write(session)
        assert session.execute(text("SELECT count(*) FROM search_doc")).scalar() == len(GUESTS)
    assert names(search_guests(sqlite_db, "shan")) == ["单田芳"]


HOSTILE = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="'\"%_*\\\x00^-:(){}[]+ ANDORNTEAR单张乐zlf0123456789@.", max_size=40),
    st.sampled_from(["AND", "OR", "NOT", "NEAR(a b)", "a NOT b", "^张", "name:张", '"',
                     "*", "'; DROP TABLE guest; --", "%", "_", "\x00", "张" * 10_000,
                     "x" * 10_000, "\ud800", "\ue000\ue001", "\x02\x02", "\x03"]),
)


@settings(max_examples=2000, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=HOSTILE, limit=st.integers(-1, 60))
def test_hostile_input_never_raises(db: Database, query: str, limit: int) -> None:
    found = search_guests(db, query, limit=limit)
    assert 0 <= len(found.results) <= max(limit, 0) and found.total >= len(found.results)


# --- the index agrees with the rules checked guest by guest (SQLite) ----------------------

SURNAMES = "王李张刘陈单曾欧阳乐查朴解区"
GIVEN = "伟芳娜秀英敏乐福华强子涵"
ORGS = ["南京大学", "东南大学", "华为技术有限公司", "Siemens AG", "Fraunhofer IPA",
        "西门子（中国）有限公司", "", "南京市人民政府"]
TITLES = ["教授", "研究员", "Chief Engineer", "", "副市长", "工程师"]
LATIN = ["Jürgen Müller", "Anna Schmidt", "José Núñez", "O'Brien Kate"]


def _records(count: int) -> list[dict[str, str]]:
    import random

    rng = random.Random(20201126)
    records = []
    for i in range(count):
        name = (rng.choice(LATIN) if i % 9 == 0 else
                rng.choice(["欧阳", *SURNAMES]) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2))))
        records.append({
            "name": name, "organization": rng.choice(ORGS), "title": rng.choice(TITLES),
            "mobile": f"1{rng.choice('3589')}{rng.randrange(10**9):09d}" if i % 3 else "",
            "email": f"user{i}@{rng.choice(['example.com', 'nju.edu.cn'])}" if i % 4 else "",
            "badge_code": f"WIMC-{i:05d}" if i % 2 else f"B{i:06d}",
            "external_id": f"REG-{i}" if i % 5 == 0 else "",
            "category": rng.choice(["expert", "media", "visitor"]),
            "attendance": rng.choice(["线下", "线上"]),
        })
    return records


def reference(db: Database, query: str, category: str | None = None,
              limit: int = 50) -> tuple[int, list[str]]:
    """The search done the slow way: every guest tested with plan.rank_of, then sorted."""
    plan = make_plan(query)
    with db.read() as session:
        guests = session.execute(select(GuestRow)).scalars().all()
    ranked = []
    for g in guests:
        if category is not None and g.category != category:
            continue
        body = document(IndexedGuest.of(g))
        values = value_form(g.organization) + END + value_form(g.title)
        rank = 0 if plan.empty else rank_of(plan, body, values, g.badge_code)
        if rank is not None:
            ranked.append((rank, sort_key(g), g.id))
    ranked.sort()
    return len(ranked), [gid for *_, gid in ranked[:limit]]


@pytest.fixture
def many(sqlite_db: Database) -> Database:
    import_records(sqlite_db, _records(240), source="many")
    return sqlite_db


def _pieces(records: list[dict[str, str]]) -> st.SearchStrategy[str]:
    fields = [v for r in records for k, v in r.items() if v and k not in ("category",
                                                                           "attendance")]
    fields += ["wang", "zhang", "ouyang", "shan", "zeng", "ch", "z", "jm", "1380", "@nju"]

    @st.composite
    def piece(draw: st.DrawFn) -> str:
        text = draw(st.sampled_from(fields))
        start = draw(st.integers(0, max(len(text) - 1, 0)))
        return text[start:start + draw(st.integers(1, 12))]
    return st.one_of(piece(), st.text(alphabet="张乐福王 zhangwei0123-@.", max_size=6))


QUERIES = _pieces(_records(240))


def _same(db: Database, query: str, category: str | None, limit: int) -> None:
    found = search_guests(db, query, category=category, limit=limit)
    assert (found.total, [h.guest.id for h in found.results]) == reference(
        db, query, category, limit), query


@settings(max_examples=400, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES, category=st.sampled_from([None, "expert", "media"]),
       limit=st.sampled_from([1, 7, 50]))
def test_the_index_agrees_with_the_rules(many: Database, search_route: str, query: str,
                                         category: str | None, limit: int) -> None:
    _same(many, query, category, limit)


def test_late_guests_are_found_before_and_after_the_refresh(many: Database,
                                                            search_route: str) -> None:
    queries = ["王", "wang", "南京", "siemens", "WIMC-00001", "00001", "user1", "教授", ""]
    with many.write() as session:  # edits, a delete and new guests, not yet indexed
        ids = list(session.execute(select(GuestRow.id).order_by(GuestRow.badge_code)).scalars())
        keys = search_keys("王南京", "", "")
        session.execute(update(GuestRow).where(GuestRow.id.in_(ids[:5])).values(
            name="王南京", name_pinyin=keys.name_pinyin, name_initials=keys.name_initials,
            organization="Siemens AG"))
        session.execute(update(GuestRow).where(GuestRow.id == ids[5]).values(
            badge_code="WIMC-00001X", title="教授"))
        session.execute(text("DELETE FROM guest WHERE id = :i"), {"i": ids[6]})
        for n in range(3):
            session.add(GuestRow(**new_guest_record(
                {"name": f"王{n}", "badge_code": f"WIMC-N{n}", "category": "visitor",
                 "attendance": "onsite", "organization": "南京大学"},
                {}, "walk-in", None, dt.datetime.now(dt.UTC))))
    for query in queries:
        for category in (None, "visitor"):
            _same(many, query, category, 20)
    with many.write() as session:
        index_write(session)
        assert session.execute(text("SELECT count(*) FROM search_pending")).scalar() == 0
        assert session.execute(text("SELECT count(*) FROM search_doc")).scalar() == \
            session.execute(select(func.count()).select_from(GuestRow)).scalar()
    for query in queries:
        _same(many, query, None, 20)


def test_rids_keep_name_order_when_gaps_run_out(sqlite_db: Database,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from wimc_desktop.services.search import bulk

    monkeypatch.setattr(bulk, "SPACING", 2)  # room for one guest between neighbours
    import_records(sqlite_db, _records(60), source="many")
    for n in range(4):  # the same name each time: the same gap, full after the first
        _walk_in(sqlite_db, "王伟", f"WIMC-G{n}", sync=True)
    with sqlite_db.read() as session:
        keys = list(session.execute(text("SELECT skey FROM search_doc ORDER BY rid")).scalars())
    assert keys == sorted(keys) and len(keys) == 64
    for query in ("王伟", "wangwei", "南京", ""):
        _same(sqlite_db, query, None, 50)


def test_an_import_larger_than_the_list_fills_the_index_anew(
        sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A list larger than the guests so far is indexed in one pass with them all (faster
    than one by one); a smaller one one by one. The answers are the same either way."""
    from wimc_desktop.services.search import indexing

    rebuilds: list[int] = []
    real = indexing.rebuild_search_index
    monkeypatch.setattr(indexing, "rebuild_search_index",
                        lambda conn, *written: (rebuilds.append(1), real(conn, *written)))
    records = _records(240)
    import_records(sqlite_db, records[:40], source="first")
    assert len(rebuilds) == 1  # the first list: the index was empty
    import_records(sqlite_db, records[40:200], source="larger")
    assert len(rebuilds) == 2
    import_records(sqlite_db, records[200:], source="smaller")
    assert len(rebuilds) == 2
    with sqlite_db.read() as session:
        assert session.execute(text("SELECT n FROM search_stat WHERE key = 'docs'")
                               ).scalar() == 240
    for query in ("王", "wang", "南京", "siemens", "WIMC-00001", "00201", "user1", "教授", ""):
        for category in (None, "media"):
            _same(sqlite_db, query, category, 20)


SHORTHAND_GUESTS = [
    {"name": "张宇航", "badge_code": "WIMC-ZY0001"},
    {"name": "周云辉", "badge_code": "WIMC-ZY0002"},  # the same initials, another surname
    {"name": "张雨", "badge_code": "WIMC-ZY0003"},
    {"name": "章一鸿", "badge_code": "WIMC-ZY0004"},  # zhang too: another character
    {"name": "欧阳娜娜", "badge_code": "WIMC-OY0001"},
    {"name": "单田芳", "badge_code": "WIMC-SH0001"},  # 单 read shan as a surname
]


@pytest.mark.parametrize(("query", "expected"), [
    ("zhangyh", {"张宇航", "章一鸿"}),  # full surname + the given name's initials
    ("ZhangYH", {"张宇航", "章一鸿"}),
    ("zhang yh", {"张宇航", "章一鸿"}),
    ("zhangy", {"张宇航", "章一鸿", "张雨"}),  # a prefix of it, as of the pinyin
    ("zhouyh", {"周云辉"}),
    ("shantf", {"单田芳"}),  # with the surname's own reading
    ("zyh", {"张宇航", "周云辉", "章一鸿"}),  # the initials still find all three
])
def test_full_surname_and_given_initials(event_db: Database, query: str,
                                         expected: set[str]) -> None:
    import_records(event_db, SHORTHAND_GUESTS, source="test")
    found = search_guests(event_db, query)
    assert set(names(found)) == expected and found.total == len(expected), query


def test_a_shorthand_is_found_as_the_initials_are(event_db: Database) -> None:
    import_records(event_db, SHORTHAND_GUESTS, source="test")
    found = search_guests(event_db, "zhangyh")
    assert {h.matched for h in found.results} == {"initials"}
    assert search_guests(event_db, "zhangyhx").total == 0
    assert search_guests(event_db, "zhangwh").total == 0


def test_a_first_import_s_guests_are_indexed_as_written_and_as_read_back_alike(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large first import hands its guests to the index (not read back): the index is
    the one a rebuild from the table makes."""
    from wimc_desktop.services.events import create_event
    from wimc_desktop.services.importing import writer
    from wimc_desktop.services.search import bulk, indexing

    monkeypatch.setattr(writer, "DEFER_INDEXES_FROM", 50)
    handed: list[bool] = []
    real = bulk._whole_table
    monkeypatch.setattr(bulk, "_whole_table",
                        lambda cur, written: handed.append(real(cur, written)) or handed[-1])
    db = create_event(tmp_path / "e.wimc", name_zh="测试", start=DAY1, end=DAY2)
    handed.clear()  # (the new event's empty index)
    import_records(db, _records(240), source="many")
    assert handed == [True]
    with db.read() as session:
        as_written = session.execute(text("SELECT rid, guest_id, skey, body, org_vid, "
                                          "title_vid FROM search_doc ORDER BY rid")).all()
    with db.write() as session:
        indexing.rebuild_search_index(session.connection())
    with db.read() as session:
        as_read = session.execute(text("SELECT rid, guest_id, skey, body, org_vid, "
                                       "title_vid FROM search_doc ORDER BY rid")).all()
    assert as_written == as_read and len(as_read) == 240
    db.dispose()


def test_an_index_of_other_columns_is_rebuilt_at_the_next_open(tmp_path: Path) -> None:
    """The format names the columns the documents are made of: an event indexed before a
    field joined the guest record's text fields rebuilds its index when opened."""
    from wimc_desktop.services.events import create_event, open_event_database
    from wimc_desktop.services.search.schema import FORMAT

    db = create_event(tmp_path / "e.wimc", name_zh="测试", start=DAY1, end=DAY2)
    import_records(db, GUESTS, source="test")
    with db.write() as session:
        session.execute(text("UPDATE wimc_meta SET value = '4:id,name,email' "
                             "WHERE key = 'search_index_format'"))
        session.execute(text("DELETE FROM search_doc"))  # (what a rebuild must make again)
    db.dispose()
    reopened = open_event_database(tmp_path / "e.wimc")
    with reopened.read() as session:
        assert session.execute(text("SELECT value FROM wimc_meta WHERE key = "
                                    "'search_index_format'")).scalar() == FORMAT
        assert session.execute(text("SELECT count(*) FROM search_doc")).scalar() == len(GUESTS)
    assert names(search_guests(reopened, "zlf")) == ["张乐福", "张乐福"]
    reopened.dispose()
