"""The signing register on SQLite and PostgreSQL: add, amend, cancel, history, totals, filters."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import SigningHistoryRow, SigningRow
from wimc_desktop.domain.errors import BadInputError, NotFoundError
from wimc_desktop.domain.money import from_fen, parse_amount, to_fen
from wimc_desktop.domain.signing_totals import GroupBy, SigningFilter, summarize, totals_line
from wimc_desktop.domain.signings import (
    Signing,
    SigningDraft,
    SigningParty,
    SigningStatus,
    SigningWitness,
    needs_confirmation,
)
from wimc_desktop.services.demo import create_demo_event
from wimc_desktop.services.guests import list_guests
from wimc_desktop.services.importing import import_records
from wimc_desktop.services.signings import (
    add_signing,
    amend_signing,
    cancel_signing,
    find_signing_id,
    get_signing,
    list_signings,
    signing_choices,
    signing_history,
    summarize_signings,
)

NANJING = ZoneInfo("Asia/Shanghai")
CLOSING = "闭幕式暨重大项目签约仪式"
AT = dt.datetime(2020, 11, 28, 15, 10, tzinfo=NANJING)
PARTIES = (SigningParty("南京智行新能源汽车有限公司", "投资方", "中国"),
           SigningParty("南京市溧水区人民政府", "government", "中国"))


def draft(project: str = "新能源汽车整车项目", yuan: str = "45亿",
          **changes: object) -> SigningDraft:
    base = SigningDraft(project, parse_amount(yuan), PARTIES, AT, project_en="NEV plant",
                        sector="新能源汽车", location="溧水区", ceremony=CLOSING,
                        witnesses=(SigningWitness("张三", "江苏省人民政府副省长"),))
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def count_rows(db: Database) -> int:
    with db.read() as session:
        return int(session.execute(select(func.count()).select_from(SigningRow)).scalar_one())


def test_add_and_read_back(event_db: Database) -> None:
    signing = add_signing(event_db, draft(), operator="王芳")
    assert signing.status is SigningStatus.SIGNED and signing.recorded_by == "王芳"
    assert signing.amount == Decimal("4500000000.00") and signing.amount_fen == 450_000_000_000
    assert signing.parties[0].role == "investor"  # '投资方' normalised to its code
    assert [p.name for p in signing.parties] == [p.name for p in PARTIES]
    assert signing.signed_at == AT and signing.signed_at.tzinfo == dt.UTC
    assert signing.day == dt.date(2020, 11, 28)
    assert get_signing(event_db, signing.id) == signing
    assert list_signings(event_db) == [signing]
    history = signing_history(event_db, signing.id)
    assert [(h.action, h.operator) for h in history] == [("recorded", "王芳")]
    assert history[0].snapshot["amount_fen"] == 450_000_000_000


@pytest.mark.parametrize(("changes", "message"), [
    ({"project_zh": "  "}, "project name"),
    ({"parties": PARTIES[:1]}, "at least two parties"),
    ({"parties": ()}, "at least two parties"),
    ({"parties": (PARTIES[0], SigningParty(" "))}, "needs a name"),
    ({"parties": (PARTIES[0], PARTIES[0])}, "named twice"),
    ({"amount": Decimal(0)}, "more than zero"),
    ({"amount": Decimal("-5")}, "more than zero"),
    ({"amount": Decimal("1.001")}, "more precise than a fen"),
    ({"amount": Decimal("1e14")}, "too large"),
    ({"currency": "dollars"}, "currency"),
    ({"signed_at": dt.datetime(2020, 11, 28, 15, 0)}, "time zone"),
    ({"witnesses": (SigningWitness(""),)}, "needs a name"),
    ({"project_zh": "项" * 201}, "longer than 200"),
])
def test_bad_signings_are_refused_and_nothing_is_recorded(
        event_db: Database, changes: dict[str, object], message: str) -> None:
    with pytest.raises(BadInputError, match=message):
        add_signing(event_db, draft(**changes), operator="王芳")
    assert count_rows(event_db) == 0


def test_amend_counts_the_new_amount_and_keeps_history(event_db: Database) -> None:
    first = add_signing(event_db, draft(), operator="王芳", now=AT)
    later = AT + dt.timedelta(hours=1)
    changed = dataclasses.replace(first.draft(), amount=parse_amount("40亿"),
                                  parties=(*PARTIES, SigningParty("Siemens AG", "partner", "德国")))
    with pytest.raises(BadInputError, match="reason"):
        amend_signing(event_db, first.id, changed, operator="李娜", reason=" ")
    amended = amend_signing(event_db, first.id, changed, operator="李娜", reason="金额更正",
                            now=later, expected_updated_at=first.updated_at)
    assert amended.status is SigningStatus.AMENDED and amended.amount == Decimal("4000000000")
    assert [p.name for p in amended.parties][-1] == "Siemens AG"
    assert amended.recorded_by == "王芳" and amended.updated_at == later
    assert summarize_signings(event_db).amount == Decimal("4000000000.00")
    history = signing_history(event_db, first.id)
    assert [(h.action, h.reason) for h in history] == [("recorded", ""), ("amended", "金额更正")]
    assert history[0].snapshot["amount_yuan"] == "4500000000.00"
    assert history[1].snapshot["amount_yuan"] == "4000000000.00"
    with pytest.raises(BadInputError, match="nothing changed"):
        amend_signing(event_db, first.id, changed, operator="李娜", reason="again")
    with pytest.raises(BadInputError, match="changed meanwhile"):  # a stale editor
        amend_signing(event_db, first.id, draft(yuan="1亿"), operator="赵六", reason="x",
                      expected_updated_at=first.updated_at)
    assert get_signing(event_db, first.id).amount == Decimal("4000000000.00")


def test_cancel_keeps_the_signing_but_not_in_totals(event_db: Database) -> None:
    kept = add_signing(event_db, draft("工业机器人项目", "22.8亿"), operator="王芳")
    gone = add_signing(event_db, draft(), operator="王芳")
    with pytest.raises(BadInputError, match="reason"):
        cancel_signing(event_db, gone.id, operator="李娜", reason="")
    cancelled = cancel_signing(event_db, gone.id, operator="李娜", reason="投资方撤回")
    assert cancelled.status is SigningStatus.CANCELLED and cancelled.amount == gone.amount
    assert {s.id for s in list_signings(event_db)} == {kept.id, gone.id}  # never deleted
    summary = summarize_signings(event_db)
    assert (summary.count, summary.amount, summary.cancelled) == (1, kept.amount, 1)
    assert totals_line(summary) == "1 项，合计 22.80 亿元（另有 1 项已取消，不计入合计）"
    for attempt in (lambda: cancel_signing(event_db, gone.id, operator="x", reason="y"),
                    lambda: amend_signing(event_db, gone.id, draft(yuan="1亿"), operator="x",
                                          reason="y")):
        with pytest.raises(BadInputError, match="cancelled"):
            attempt()
    assert [h.action for h in signing_history(event_db, gone.id)] == ["recorded", "cancelled"]
    with event_db.read() as session:
        assert session.execute(select(func.count()).select_from(
            SigningHistoryRow)).scalar_one() == 3


def test_totals_and_filters_by_ceremony_sector_location_and_local_day(
        event_db: Database) -> None:
    late = dt.datetime(2020, 11, 27, 23, 30, tzinfo=NANJING)  # 15:30 UTC on the 27th
    early = dt.datetime(2020, 11, 28, 0, 30, tzinfo=NANJING)  # 16:30 UTC, still the 27th
    add_signing(event_db, draft("A", "1,234,567.89", signed_at=late, ceremony="开幕式"),
                operator="w")
    add_signing(event_db, draft("B", "0.01", signed_at=early, sector="集成电路"), operator="w")
    add_signing(event_db, draft("C", "536.3亿", location="江北新区"), operator="w")
    d = add_signing(event_db, draft("D", "9亿"), operator="w")
    cancel_signing(event_db, d.id, operator="w", reason="撤回")
    by_day = summarize_signings(event_db, by=GroupBy.DAY)
    assert [(g.key, g.count, str(g.amount)) for g in by_day.groups] == [
        ("2020-11-27", 1, "1234567.89"), ("2020-11-28", 2, "53630000000.01")]
    assert by_day.amount == Decimal("53631234567.90") and by_day.cancelled == 1
    by_ceremony = summarize_signings(event_db, by=GroupBy.CEREMONY)
    assert [(g.key, g.count) for g in by_ceremony.groups] == [("开幕式", 1), (CLOSING, 2)]
    by_sector = summarize_signings(event_db, by=GroupBy.SECTOR)
    assert [g.key for g in by_sector.groups] == ["新能源汽车", "集成电路"]  # largest first
    assert sum(g.amount for g in by_sector.groups) == by_sector.amount
    names = {
        SigningFilter(day=dt.date(2020, 11, 27)): ["A"],
        SigningFilter(day=dt.date(2020, 11, 28)): ["B", "C", "D"],
        SigningFilter(ceremony=CLOSING): ["B", "C", "D"],
        SigningFilter(sector="集成电路"): ["B"],
        SigningFilter(location="江北新区"): ["C"],
        SigningFilter(status=SigningStatus.CANCELLED): ["D"],
        SigningFilter(ceremony=CLOSING, status=SigningStatus.SIGNED): ["B", "C"],
        SigningFilter(sector="无此行业"): [],
    }
    for where, expected in names.items():
        assert [s.project_zh for s in list_signings(event_db, where)] == expected, where
    only_c = summarize_signings(event_db, SigningFilter(location="江北新区"))
    assert totals_line(only_c) == "1 项，合计 536.30 亿元"
    assert totals_line(only_c, "en") == "1 signing, total 53.63 billion yuan"
    choices = signing_choices(event_db)
    assert choices.ceremonies == tuple(sorted(("开幕式", CLOSING)))
    assert choices.days == (dt.date(2020, 11, 27), dt.date(2020, 11, 28))


def test_other_currencies_are_never_mixed_into_the_cny_total(event_db: Database) -> None:
    add_signing(event_db, draft(), operator="w")
    add_signing(event_db, draft("Joint venture", "1,000,000", currency="usd"), operator="w")
    summary = summarize_signings(event_db, by=GroupBy.SECTOR)
    assert (summary.count, summary.amount) == (1, Decimal("4500000000.00"))
    assert [(c.currency, c.count, c.amount) for c in summary.other_currencies] == [
        ("USD", 1, Decimal("1000000.00"))]
    assert "另 USD 1,000,000.00（1 项）" in totals_line(summary)
    assert summary.groups[0].count == 1


def test_parties_and_witnesses_link_to_guests(event_db: Database) -> None:
    import_records(event_db, [{"name": "张三", "organization": "江苏省人民政府",
                               "title": "副省长", "category": "official"}], source="t")
    guest = list_guests(event_db)[0]
    signing = add_signing(event_db, draft(witnesses=(
        SigningWitness("张三", "副省长", guest.id), SigningWitness("李四"))), operator="w")
    assert [w.guest_id for w in signing.witnesses] == [guest.id, None]
    with pytest.raises(BadInputError, match="no guest"):
        add_signing(event_db, draft(witnesses=(SigningWitness("X", "", "no-such-guest"),)),
                    operator="w")


def test_ids_by_prefix_and_unknown_ids(event_db: Database) -> None:
    signing = add_signing(event_db, draft(), operator="w")
    assert find_signing_id(event_db, signing.id[:8].upper()) == signing.id
    with pytest.raises(NotFoundError):
        find_signing_id(event_db, "ffffffff")
    with pytest.raises(BadInputError):
        find_signing_id(event_db, "01")
    with pytest.raises(NotFoundError):
        get_signing(event_db, "nope")
    with pytest.raises(NotFoundError):
        signing_history(event_db, "nope")
    with pytest.raises(NotFoundError):
        cancel_signing(event_db, "nope", operator="w", reason="r")


def test_demo_closing_ceremony(tmp_path: Path) -> None:
    db = create_demo_event(tmp_path / "demo.wimc", count=300)
    other = create_demo_event(tmp_path / "again.wimc", count=300)
    try:
        signings = list_signings(db)
        summary = summarize(signings, GroupBy.SECTOR)
        assert summary.count == 30 and summary.amount == Decimal("53630000000.00")
        assert totals_line(summary) == "30 项，合计 536.30 亿元"
        assert totals_line(summary, "en") == "30 signings, total 53.63 billion yuan"
        assert {s.ceremony for s in signings} == {CLOSING}
        assert {s.day for s in signings} == {dt.date(2020, 11, 28)}
        assert {"智能装备", "工业互联网", "新能源汽车", "集成电路", "生物医药",
                "新材料"} <= {g.key for g in summary.groups}
        assert {"江北新区", "江宁经济技术开发区", "溧水区"} <= {s.location for s in signings}
        assert all(len(s.parties) >= 2 and s.parties[1].role == "government" for s in signings)
        assert any(w.guest_id for w in signings[0].witnesses)  # officials of the demo list
        assert not any(needs_confirmation(s.amount) for s in signings)
        assert [(s.id, s.project_zh, s.amount) for s in signings] == [
            (s.id, s.project_zh, s.amount) for s in list_signings(other)]
    finally:
        db.dispose()
        other.dispose()


amounts = st.integers(min_value=1, max_value=10**13).map(from_fen)


@given(st.lists(st.tuples(amounts, st.sampled_from(list(SigningStatus)),
                          st.sampled_from(["智能装备", "集成电路", ""])), max_size=40))
def test_totals_are_exact_and_skip_cancelled(rows: list[tuple[Decimal, SigningStatus,
                                                                  str]]) -> None:
    signings = [Signing(project_zh=f"P{i}", amount=amount, parties=PARTIES, signed_at=AT,
                        sector=sector, id=str(i), day=AT.date(), status=status,
                        recorded_by="w", recorded_at=AT, updated_at=AT)
                for i, (amount, status, sector) in enumerate(rows)]
    summary = summarize(signings, GroupBy.SECTOR)
    counted = [a for a, status, _ in rows if status is not SigningStatus.CANCELLED]
    assert to_fen(summary.amount) == sum(to_fen(a) for a in counted)
    assert summary.count == len(counted) and summary.cancelled == len(rows) - len(counted)
    assert sum(g.amount for g in summary.groups) == summary.amount
    assert sum(g.count for g in summary.groups) == summary.count
    assert summary.as_json()["total_fen"] == to_fen(summary.amount)
    assert parse_amount(str(summary.as_json()["total_yuan"])) == summary.amount
