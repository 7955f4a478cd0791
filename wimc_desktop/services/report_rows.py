"""The daily report as labelled rows: what the XLSX, CSV and PDF files all show.

One language per file (zh or en). Mobile numbers and e-mails are masked
(138****5678, z***@example.com) unless the export asks for them whole, which is an
audited action (see report_exports). Times are the event's local time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from wimc_desktop.domain.audit_chain import ChainHead
from wimc_desktop.domain.guest_record import FIELD
from wimc_desktop.domain.models import Event, masked
from wimc_desktop.domain.money import from_fen
from wimc_desktop.domain.reports import LISTED, Arrival, DailyReport, MissingGuest
from wimc_desktop.domain.signings import Signing, status_label
from wimc_desktop.services.exports import Cell

LANGS = ("zh", "en")
TEXT: dict[str, tuple[str, str]] = {
    "title": ("每日签到报表", "Daily registration report"),
    "summary": ("汇总", "Summary"), "checkins": ("签到名单", "Check-ins"),
    "missing": ("未到嘉宾", "Not yet arrived"), "walk_in_list": ("现场注册", "Walk-ins"),
    "signing_list": ("签约项目", "Signings"),
    "day": ("日期", "Day"), "generated": ("生成时间", "Generated"), "desk": ("签到台", "Desk"),
    "pii": ("个人信息", "Personal data"),
    "audit_head": ("审计日志链头", "Audit log head"),
    "audit_rows": ("{head}（共 {rows} 条记录）", "{head} ({rows} rows)"),
    "pii_masked": ("手机号、邮箱、饮食要求已隐藏",
                   "Mobile numbers, e-mails and dietary needs are masked"),
    "pii_full": ("含完整手机号、邮箱（导出已记录）", "Full mobile numbers and e-mails "
                 "(export recorded)"),
    "figure": ("指标", "Figure"), "value": ("数值", "Value"),
    "registered": ("注册人数", "Registered"),
    "registered_onsite": ("其中线下参会", "of whom on site"),
    "registered_online": ("其中线上参会", "of whom online"),
    "admitted": ("当日签到", "Admitted today"), "first_arrivals": ("首次签到", "First arrivals"),
    "returning": ("再次入场", "Returning guests"), "walk_ins": ("现场注册", "Walk-ins"),
    "undos": ("撤销签到", "Check-ins undone"),
    "refused:already_checked_in": ("重复扫码（已拒绝）", "Repeat scans refused"),
    "refused:unknown_code": ("无效胸卡码", "Unknown codes"),
    "refused:badge_revoked": ("已作废胸卡", "Revoked badges scanned"),
    "refused:not_event_day": ("非会期扫码", "Scans on a non-event day"),
    "vip_arrived": ("贵宾已到", "VIPs arrived"), "vip_missing": ("贵宾未到", "VIPs not yet here"),
    "badges_printed": ("胸卡打印", "Badges printed"),
    "badges_reprinted": ("其中补打", "of which reprints"),
    "cumulative_admitted": ("累计签到人数", "Admitted so far (all days)"),
    "cumulative_walk_ins": ("累计现场注册", "Walk-ins so far (all days)"),
    "cumulative_undos": ("累计撤销签到", "Check-ins undone so far"),
    "cumulative_refused": ("累计拒绝扫码", "Scans refused so far"),
    "cumulative_badges_printed": ("累计胸卡打印", "Badges printed so far"),
    "cumulative_badges_reprinted": ("其中累计补打", "of which reprints so far"),
    "cumulative_vip_arrived": ("累计已到贵宾", "VIPs arrived so far"),
    "so_far": ("累计到场", "So far"),
    "so_far_note": ("累计 {n}", "{n} so far"),
    "signings": ("当日签约项目", "Signings today"),
    "signings_total": ("当日签约金额（元）", "Signed today (yuan)"),
    "running_signings": ("累计签约项目", "Signings so far"),
    "running_total": ("累计签约金额（元）", "Signed so far (yuan)"),
    "category": ("类别", "Category"), "count": ("签到人数", "Admitted"),
    "share": ("签到率", "Share"), "operator": ("操作员", "Operator"), "hour": ("时段", "Hour"),
    "per_hour": ("每小时签到人数", "Arrivals per hour"),
    "by_category": ("按类别", "By category"), "by_desk": ("按签到台", "By desk"),
    "by_operator": ("按操作员", "By operator"),
    "vip_list": ("贵宾到场情况", "VIP arrivals"), "status": ("状态", "Status"),
    "not_yet": ("未到", "not yet"), "total": ("合计", "Total"), "yes": ("是", "yes"),
    "day_of": ("第 {n} 天，共 {m} 天", "day {n} of {m}"),
    "not_event_day": ("非会期", "not an event day"),
    "signature": ("签字 / Signature", "签字 / Signature"), "date": ("日期 / Date", "日期 / Date"),
    "page": ("第 {n} 页 / 共 {m} 页", "Page {n} of {m}"),
    "signed_today": ("当日签约", "Signed today"), "items": ("{n} 个项目", "{n} signings"),
    "reprints_note": ("其中补打 {n}", "{n} reprinted"), "none": ("（无）", "(none)"),
    "onsite_online": ("线下 {a} · 线上 {b}", "{a} on site · {b} online"),
    "rate": ("签到率 {p}", "{p} of registered"),
    "vip_counts": ("已到 {a}，未到 {m}", "{a} arrived, {m} not yet"),
}
METHODS = {"scan": ("扫码", "scan"), "manual": ("手动", "manual"),
           "walkin": ("现场注册", "walk-in")}
COLUMNS: dict[str, tuple[str, str, str]] = {  # key: (zh, en, kind)
    "no": ("序号", "No.", "int"), "time": ("时间", "Time", "time"),
    "badge_code": ("胸卡号", "Badge", "text"), "name": ("姓名", "Name", "text"),
    "name_en": ("英文名", "Name (English)", "text"),
    "organization": ("单位", "Organisation", "text"), "title": ("职务", "Title", "text"),
    "category": ("类别", "Category", "text"), "desk": ("签到台", "Desk", "text"),
    "operator": ("操作员", "Operator", "text"), "method": ("方式", "Method", "text"),
    "mobile": ("手机", "Mobile", "text"), "email": ("邮箱", "E-mail", "text"),
    "vip": ("贵宾", "VIP", "text"), "project": ("项目名称", "Project", "text"),
    "parties": ("签约方", "Parties", "text"), "sector": ("行业", "Sector", "text"),
    "location": ("地点", "Location", "text"), "ceremony": ("签约仪式", "Ceremony", "text"),
    "amount": ("金额（元）", "Amount (yuan)", "yuan"), "currency": ("币种", "Currency", "text"),
}
# The guest's fields of each list are the record's exported ones (domain.reports.LISTED).
CHECKIN_COLUMNS = ("no", "time", *LISTED, "desk", "operator", "method")
MISSING_COLUMNS = ("no", *LISTED, "vip")
WALK_IN_COLUMNS = ("no", "time", *LISTED, "desk", "operator")
SIGNING_COLUMNS = ("no", "time", "project", "parties", "sector", "location", "ceremony",
                   "amount", "currency", "status")
DAY_HOURS = range(8, 18)  # the hours a chart always shows: 08:00 to 17:59


def column_title(key: str, lang: str) -> str:
    if key == "status":
        return text("status", lang)
    if key not in COLUMNS:  # a guest field the report has no words of its own for
        guest_field = FIELD[key]
        return guest_field.label_zh or guest_field.label if lang == "zh" else guest_field.label
    zh, en, _ = COLUMNS[key]
    return zh if lang == "zh" else en


def column_kind(key: str) -> str:
    return COLUMNS[key][2] if key in COLUMNS else "text"


def text(key: str, lang: str, **args: object) -> str:
    zh, en = TEXT[key]
    return (zh if lang == "zh" else en).format(**args)


def display_width(value: str) -> int:
    """Columns a text takes in a spreadsheet: CJK characters (3 UTF-8 bytes) count double."""
    return (len(value.encode()) + len(value)) // 2


@dataclass(frozen=True)
class ReportContext:
    """A DailyReport with what every file of it needs to label, localise and mask it."""

    report: DailyReport
    event: Event
    lang: str = "zh"
    full_pii: bool = False
    desk: str = ""
    audit_head: ChainHead | None = None  # printed: a rewritten log no longer matches it
    zone: ZoneInfo = field(init=False, repr=False)
    category_names: dict[str, str] = field(init=False, repr=False)
    vip_codes: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        names = {c.code: (c.name_zh if self.lang == "zh" else c.name_en) or c.code
                 for c in self.event.categories}
        object.__setattr__(self, "zone", ZoneInfo(self.report.timezone))
        object.__setattr__(self, "category_names", names)
        object.__setattr__(self, "vip_codes",
                           frozenset(c.code for c in self.event.categories if c.is_vip))

    def t(self, key: str, **args: object) -> str:
        return text(key, self.lang, **args)

    @property
    def event_name(self) -> str:
        return (self.event.name_en or self.event.name_zh) if self.lang == "en" \
            else self.event.name_zh

    @property
    def title(self) -> str:
        return f"{self.event_name} {self.t('title')}"

    def day_note(self) -> str:
        """'第 1 天，共 3 天' (or 'not an event day')."""
        days = self.event.days
        if self.report.day not in days:
            return self.t("not_event_day")
        return self.t("day_of", n=days.index(self.report.day) + 1, m=len(days))

    def local(self, moment: dt.datetime) -> dt.datetime:
        """A moment in the event's time zone, without tzinfo (as spreadsheets want it)."""
        return moment.astimezone(self.zone).replace(tzinfo=None)

    def audit_line(self) -> str:
        """'1a2b3c4d5e6f（共 1,234 条记录）': the audit chain's head when the report was made."""
        head = self.audit_head
        return "" if head is None else self.t("audit_rows", head=head.short,
                                              rows=f"{head.count:,}")

    @property
    def generated(self) -> str:
        return f"{self.local(self.report.generated_at):%Y-%m-%d %H:%M}"

    def masked(self, name: str, value: str) -> str:
        """A guest field's value, masked as the guest record says unless full PII."""
        return value if self.full_pii else masked(name, value)

    def mobile(self, value: str) -> str:
        return self.masked("mobile", value)

    def guest_cells(self, guest: dict[str, str]) -> list[Cell]:
        """A listed guest's fields (LISTED order): the category by its name, masked."""
        return [self.category(guest[n]) if n == "category" else self.masked(n, guest[n])
                for n in LISTED]

    def category(self, code: str) -> str:
        return self.category_names.get(code, code)

    def is_vip(self, code: str) -> bool:
        return code in self.vip_codes

    def method(self, code: str) -> str:
        zh, en = METHODS.get(code, (code, code))
        return zh if self.lang == "zh" else en


def checkin_cells(ctx: ReportContext, number: int, a: Arrival) -> list[Cell]:
    """One admission in CHECKIN_COLUMNS order."""
    return [number, ctx.local(a.at), *ctx.guest_cells(a.guest), a.desk, a.operator,
            ctx.method(a.method)]


def missing_cells(ctx: ReportContext, number: int, m: MissingGuest, vip: bool) -> list[Cell]:
    """One guest not arrived yet, in MISSING_COLUMNS order."""
    return [number, *ctx.guest_cells(m.guest), ctx.t("yes") if vip else ""]


def walk_in_cells(ctx: ReportContext, number: int, a: Arrival) -> list[Cell]:
    """One walk-in in WALK_IN_COLUMNS order."""
    return [number, ctx.local(a.at), *ctx.guest_cells(a.guest), a.desk, a.operator]


def signing_cells(ctx: ReportContext, number: int, s: Signing) -> list[Cell]:
    """One signing of the day in SIGNING_COLUMNS order."""
    return [number, ctx.local(s.signed_at), s.project_zh if ctx.lang == "zh" or not s.project_en
            else s.project_en, "；".join(p.describe(ctx.lang) for p in s.parties), s.sector,
            s.location, s.ceremony, s.amount, s.currency, status_label(s.status, ctx.lang)]


def figure_rows(ctx: ReportContext) -> list[tuple[str, int | Decimal]]:
    """(label, value) of every figure of the day, in the order a report reads them."""
    r = ctx.report
    rows: list[tuple[str, int | Decimal]] = [
        (ctx.t("registered"), r.registered),
        (ctx.t("registered_onsite"), r.registered_by_attendance.get("onsite", 0)),
        (ctx.t("registered_online"), r.registered_by_attendance.get("online", 0)),
        (ctx.t("admitted"), r.admitted), (ctx.t("first_arrivals"), r.first_arrivals),
        (ctx.t("returning"), r.returning), (ctx.t("walk_ins"), r.walk_ins),
        (ctx.t("undos"), r.undos)]
    for outcome in ("already_checked_in", "unknown_code", "badge_revoked", "not_event_day"):
        rows.append((ctx.t(f"refused:{outcome}"), r.refused.get(outcome, 0)))
    rows += [(ctx.t("vip_arrived"), len(r.vip_arrived)),
             (ctx.t("vip_missing"), len(r.vip_missing)),
             (ctx.t("badges_printed"), r.badges_printed),
             (ctx.t("badges_reprinted"), r.badges_reprinted),
             (ctx.t("cumulative_admitted"), r.cumulative_admitted),
             (ctx.t("cumulative_walk_ins"), r.cumulative_walk_ins),
             (ctx.t("cumulative_undos"), r.cumulative_undos),
             (ctx.t("cumulative_refused"), sum(r.cumulative_refused.values())),
             (ctx.t("cumulative_vip_arrived"), r.cumulative_vip_arrived),
             (ctx.t("cumulative_badges_printed"), r.cumulative_badges_printed),
             (ctx.t("cumulative_badges_reprinted"), r.cumulative_badges_reprinted),
             (ctx.t("signings"), r.signings.count),
             (ctx.t("signings_total"), from_fen(r.signings.total_fen)),
             (ctx.t("running_signings"), r.signings.running_count),
             (ctx.t("running_total"), from_fen(r.signings.running_total_fen))]
    return rows


def hour_rows(by_hour: dict[str, int]) -> list[tuple[str, int]]:
    """Admissions per local hour, every hour from 08 to 17 and any other with arrivals."""
    hours = [int(h) for h in by_hour]
    span = range(min([*hours, DAY_HOURS.start]), max([*hours, DAY_HOURS.stop - 1]) + 1)
    return [(f"{h:02d}", by_hour.get(f"{h:02d}", 0)) for h in span]


def share(admitted: int, registered: int) -> float:
    return admitted / registered if registered else 0.0


def vip_list(ctx: ReportContext) -> Iterator[tuple[Arrival | None, MissingGuest | None]]:
    """The VIPs of the day: the arrived ones by time, then those not here yet."""
    for a in ctx.report.vip_arrived:
        yield a, None
    for m in ctx.report.vip_missing:
        yield None, m
