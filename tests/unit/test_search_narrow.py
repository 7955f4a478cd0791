"""Search: a long substring asked for by its rare trigrams finds exactly what the phrase
finds; the trigram sample; the matched field of guests found by their organisation."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.test_search import reference
from wimc_desktop.db.engine import Database
from wimc_desktop.services.importing import import_records
from wimc_desktop.services.search import hits, narrow, search_guests
from wimc_desktop.services.search.documents import IndexedGuest, document
from wimc_desktop.services.search.fts import IndexQuery
from wimc_desktop.services.search.indexing import raw_cursor
from wimc_desktop.services.search.narrow import Grams, Part, narrowed
from wimc_desktop.services.search.plan import make_plan, matched_field

SURNAMES = "王李张刘陈欧阳单曾"
GIVEN = "伟芳娜秀英敏乐福华强"
DOMAINS = ["qq.com", "163.com", "example.com", "QQ.COM", "nju.edu.cn"]
ORGS = ["南京大学", "南京大学医学院", "南京市人民政府", "华为技术有限公司", "Siemens AG",
        "Example Company", "", "User Research Lab"]
TITLES = ["教授", "研究员", "Chief Engineer", "", "user experience lead"]


def _records(count: int) -> list[dict[str, str]]:
    """Guests sharing long prefixes (phones, e-mails, organisations) and common domains."""
    rng = random.Random(4711)
    records = []
    for i in range(count):
        name = (rng.choice(["José Núñez", "Anna Schmidt", "User Test", "Joe Example",
                            "Ann Engineer"]) if i % 11 == 0 else
                rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 3))))
        local = rng.choice([f"user{i}", f"{rng.randrange(10**8, 10**9)}", f"zhang.wei{i % 37}",
                            f"User.{i}", f"{i:05d}user"])
        records.append({
            "name": name, "organization": rng.choice(ORGS), "title": rng.choice(TITLES),
            "mobile": rng.choice([f"13800138{i:03d}", f"13{rng.randrange(10**9):09d}", ""]),
            "email": f"{local}@{rng.choice(DOMAINS)}" if i % 5 else "",
            "badge_code": f"WIMC-{i:05d}", "external_id": f"USER-{i}" if i % 7 == 0 else "",
            "category": rng.choice(["expert", "media", "visitor"]),
            "attendance": rng.choice(["线下", "线上"]),
        })
    return records


RECORDS = _records(300)
EXTRA = ["user1", "user12", "user123", "user1234", "13800138", "1380013800", "@qq.com",
         "qq.com", "163.com", "example.com", "xample.co", "00user", "user.1", "南京大学",
         "南京大学医学", "南京市人民", "zhang.wei1", "wei1@163", "USER-7", "user research",
         "user experience", "38001", "0013800", "教授", "欧阳娜", "example company"]


@st.composite
def _piece(draw: st.DrawFn) -> str:
    fields = [v for r in RECORDS for k, v in r.items() if v and k not in ("category",
                                                                           "attendance")]
    text = draw(st.sampled_from(fields))
    start = draw(st.integers(0, max(len(text) - 1, 0)))
    return text[start:start + draw(st.integers(3, 16))]


QUERIES = st.one_of(_piece(), st.sampled_from(EXTRA))


@pytest.fixture
def varied(sqlite_db: Database) -> Database:
    import_records(sqlite_db, RECORDS, source="varied")
    return sqlite_db


def _found(db: Database, query: str, category: str | None, limit: int
           ) -> tuple[int, list[tuple[str, str]]]:
    found = search_guests(db, query, category=category, limit=limit)
    return found.total, [(h.guest.id, h.matched) for h in found.results]


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES, seed=st.integers(0, 2**16), category=st.sampled_from([None, "media"]),
       limit=st.sampled_from([1, 7, 50]))
def test_any_part_of_a_substring_finds_what_the_phrase_finds(
        varied: Database, search_route: str, monkeypatch: pytest.MonkeyPatch, query: str,
        seed: int, category: str | None, limit: int) -> None:
    with monkeypatch.context() as m:  # the phrase route: nothing asked for by a part
        m.setattr(IndexQuery, "parts", lambda self, phrases: {})
        whole = _found(varied, query, category, limit)

    def any_part(self: Grams, phrase: str) -> Part:  # any trigrams kept, at least one
        rng = random.Random(f"{seed}:{phrase}")
        kept = [rng.random() < 0.4 for _ in range(len(phrase) - 2)]
        kept[rng.randrange(len(kept))] = True
        return Part(kept, saved=1e9, found=0.0)

    monkeypatch.setattr(Grams, "part", any_part)
    assert _found(varied, query, category, limit) == whole, query
    total, ids = reference(varied, query, category, limit)
    assert (whole[0], [gid for gid, _ in whole[1]]) == (total, ids), query


def test_the_sample_asks_for_the_rare_part_of_an_e_mail(sqlite_db: Database,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(narrow, "MIN_SKIPS", 0)  # (what is saved on 2,500 guests is small)
    import_records(sqlite_db, [{"name": f"王{GIVEN[i % 10]}{GIVEN[i // 10 % 10]}",
                                "email": f"user{i}@example.com", "badge_code": f"B{i:05d}",
                                "mobile": f"139{i:08d}"} for i in range(2500)], source="e-mail")
    with sqlite_db.read() as session:
        q = IndexQuery(raw_cursor(session.connection()), make_plan("user1234"), None, None)
        q.prepare()
        match = q.match(q.plan.substring)
    assert match is not None and match.check == ("user1234",)
    assert "use" not in match.expr and "1234" in match.expr  # in 2500 e-mails: rare
    for query in ("user1234", "user123", "ser12", "example.com", "9000", "user"):
        found = search_guests(sqlite_db, query)
        assert (found.total, [h.guest.id for h in found.results]) == reference(sqlite_db, query)
    assert search_guests(sqlite_db, "user1234").total == 1


def _body(name: str, phone: str, email: str) -> str:
    """The document of a guest with only these (no pinyin or initials)."""
    return document(IndexedGuest("", name, "", "", "", phone, "", "", "", "", "", "", "",
                                 (email, "")))


def test_grams_estimates() -> None:
    bodies = [_body(f"张{i % 7}", f"1380013{i:04d}", f"user{i}@example.com") for i in range(2000)]
    grams = Grams(bodies, 200_000)
    assert grams.common("use") > 0.9 and grams.common("r12") < 0.1
    assert grams.share("user") > 0.9 and grams.share("r1234") < 0.01
    part = grams.part("user1234")
    assert part is not None and narrowed("user1234", part.kept) in ('"r1234"', '"1234"')
    assert grams.part("example.com") is None  # every trigram common: the phrase itself
    assert narrowed("abcdefg", [True, False, False, True, True]) == '"abc" AND "defg"'


def test_a_trigram_the_sample_missed_is_only_as_rare_as_its_pairs() -> None:
    """A digit trigram 1,500 documents missed is common in a million phones; a letter
    before a digit, which no document holds, is rare. Asked for by the pair-rare part,
    a badge code typed in the search box costs nothing (it was 1.4 ms at 1M guests)."""
    rng = random.Random(7)
    bodies = [_body("张伟", f"13{rng.randrange(10**9):09d}", "") for _ in range(300)]
    bodies = [b for b in bodies if "792" not in b]
    grams = Grams(bodies, 1_000_000)
    assert grams.counts["792"] == 0 and grams.pairs["79"] and grams.pairs["92"]
    assert grams.common("792") > 4 * grams.common("b09")
    part = grams.part("b0979210")
    assert part is not None and narrowed("b0979210", part.kept) == '"b09"'


def test_the_sample_is_read_once_per_index_size(varied: Database) -> None:
    with varied.read() as session:
        cur = raw_cursor(session.connection())
        first = narrow.grams_of(cur)
        assert narrow.grams_of(cur) is first and first.docs == len(RECORDS)
    import_records(varied, _records(400)[300:], source="more")  # a third more guests
    with varied.read() as session:
        again = narrow.grams_of(raw_cursor(session.connection()))
    assert again is not first and again.docs == 400


@pytest.mark.parametrize("query", ["南京", "南京大学", "大学", "user", "user research",
                                   "研究员", "Engineer", "siemens", "教授", "华为", "example"])
def test_the_matched_field_of_guests_found_by_their_values(varied: Database, query: str,
                                                           search_route: str) -> None:
    plan = make_plan(query)
    found = search_guests(varied, query, limit=300)
    assert found.total == reference(varied, query, limit=0)[0]
    ids = [h.guest.id for h in found.results]
    with varied.read_connection() as conn:
        rows = hits._rows(conn, ids)
    assert [h.matched for h in found.results] == [matched_field(plan, rows[i]) for i in ids]
