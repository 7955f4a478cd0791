"""The daily report's tables as rich text in the interface language (for the Reports page)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from wimc_desktop.domain.money import (
    MILLION,
    format_total,
    format_total_en,
    format_yuan,
    from_fen,
)
from wimc_desktop.domain.reports import CategoryFigures, DailyReport, rate_text
from wimc_desktop.ui import i18n

# VIPs not yet arrived shown on the page (the files list them all).
MISSING_SHOWN = 40


def category_name(figures: CategoryFigures) -> str:
    return figures.name_zh if i18n.is_chinese() else (figures.name_en or figures.name_zh)


def _is_number(cell: object) -> bool:
    return isinstance(cell, int | float) or (isinstance(cell, str) and cell.endswith("%"))


def _cell(value: object) -> str:
    return i18n.count_text(value) if isinstance(value, int) else str(value)


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    listed = list(rows)
    first = listed[0] if listed else header
    align = ["right" if listed and _is_number(c) else "left" for c in first]
    head = "".join(f"<th align='{a}'>{html.escape(h)}</th>" for h, a in zip(header, align,
                                                                           strict=False))
    body = "".join("<tr>" + "".join(
        f"<td align='{'right' if _is_number(c) else 'left'}'>"
        f"{html.escape(_cell(c))}</td>" for c in row) + "</tr>" for row in listed)
    return (f"<table cellspacing='0' cellpadding='3' border='0' width='100%'><tr>{head}</tr>"
            f"{body}</table>")


class ReportSections(QObject):
    """Builds the HTML of each section; one method per section, all strings translated."""

    def heading(self, text: str) -> str:
        return f"<h3>{html.escape(text)}</h3>"

    def registered(self, r: DailyReport) -> str:
        on_site = r.registered_by_attendance.get("onsite", 0)
        online = r.registered_by_attendance.get("online", 0)
        rows = [(category_name(c), c.registered, c.admitted, rate_text(c.admitted, c.registered),
                 c.admitted_so_far) for c in r.by_category if c.registered or c.admitted]
        return (self.heading(self.tr("Registered and arrived by category"))
                + "<p>" + html.escape(self.tr("Registered: %1 (on site %2, online %3)")
                                      .replace("%1", i18n.count_text(r.registered))
                                      .replace("%2", i18n.count_text(on_site))
                                      .replace("%3", i18n.count_text(online)))
                + "</p>" + _table((self.tr("Category"), self.tr("Registered"),
                                   self.tr("Arrived"), self.tr("Share"),
                                   self.tr("Arrived so far")), rows))

    def refused(self, r: DailyReport) -> str:
        names = {"already_checked_in": self.tr("Already checked in"),
                 "unknown_code": self.tr("Unknown code"),
                 "badge_revoked": self.tr("Badge replaced"),
                 "not_event_day": self.tr("Not an event day")}
        rows = [(names.get(kind, kind), n) for kind, n in sorted(r.refused.items())]
        rows.append((self.tr("Check-ins undone"), r.undos))
        return self.heading(self.tr("Refused scans and undos")) + _table(
            (self.tr("Kind"), self.tr("Count")), rows)

    def desks(self, r: DailyReport) -> str:
        return (self.heading(self.tr("Per desk")) + _table(
            (self.tr("Desk"), self.tr("Arrived")), r.by_desk.items())
            + self.heading(self.tr("Per operator")) + _table(
                (self.tr("Operator"), self.tr("Arrived")), r.by_operator.items()))

    def vips(self, r: DailyReport) -> str:
        zone = ZoneInfo(r.timezone)
        names = {c.code: category_name(c) for c in r.by_category}
        arrived = [(a.at.astimezone(zone).strftime("%H:%M"), a.name, a.title, a.organization,
                    names.get(a.category, a.category)) for a in r.vip_arrived]
        missing = [(m.name, m.title, m.organization, names.get(m.category, m.category))
                   for m in r.vip_missing[:MISSING_SHOWN]]
        text = (self.heading(self.tr("VIPs arrived: %1")
                             .replace("%1", i18n.count_text(len(arrived))))
                + _table((self.tr("Time"), self.tr("Name"), self.tr("Title"),
                          self.tr("Organization"), self.tr("Category")), arrived)
                + self.heading(self.tr("VIPs not yet arrived: %1")
                               .replace("%1", i18n.count_text(len(r.vip_missing))))
                + _table((self.tr("Name"), self.tr("Title"), self.tr("Organization"),
                          self.tr("Category")), missing))
        if len(r.vip_missing) > MISSING_SHOWN:
            text += "<p>" + html.escape(self.tr("… and %1 more (all are in the exported files)")
                                        .replace("%1", i18n.count_text(
                                            len(r.vip_missing) - MISSING_SHOWN))
                                        ) + "</p>"
        return text

    def money(self, fen: int) -> str:
        """The exact amount, then (from 1 million on) its size in 万元/亿元 or million/billion."""
        amount = from_fen(fen)
        if i18n.is_chinese():
            exact = f"{format_yuan(amount)} 元"
            return exact + (f"（{format_total(amount, sep=' ')}）" if amount >= MILLION else "")
        exact = f"{format_yuan(amount)} yuan"
        return exact + (f" ({format_total_en(amount)})" if amount >= MILLION else "")

    def badges_and_signings(self, r: DailyReport) -> str:
        s = r.signings
        rows = [(self.tr("Badges printed"), r.badges_printed),
                (self.tr("of which reprints"), r.badges_reprinted),
                (self.tr("Signings this day"), s.count),
                (self.tr("Amount signed this day"), self.money(s.total_fen)),
                (self.tr("Signings so far"), s.running_count),
                (self.tr("Amount signed so far"), self.money(s.running_total_fen)),
                (self.tr("Guests arrived so far (any day)"), r.cumulative_admitted),
                (self.tr("Walk-ins so far"), r.cumulative_walk_ins),
                (self.tr("VIPs arrived so far"), r.cumulative_vip_arrived),
                (self.tr("Check-ins undone so far"), r.cumulative_undos),
                (self.tr("Scans refused so far"), sum(r.cumulative_refused.values())),
                (self.tr("Badges printed so far"), r.cumulative_badges_printed),
                (self.tr("of which reprints so far"), r.cumulative_badges_reprinted)]
        return self.heading(self.tr("Badges, signings and running totals")) + _table(
            (self.tr("Figure"), self.tr("Value")), rows)

    def all(self, r: DailyReport) -> str:
        generated = r.generated_at.astimezone(ZoneInfo(r.timezone)).strftime("%Y-%m-%d %H:%M")
        return ("<p>" + html.escape(self.tr("%1 — figures as of %2")
                                    .replace("%1", r.event_name).replace("%2", generated))
                + "</p>" + self.registered(r) + self.vips(r) + self.desks(r)
                + self.refused(r) + self.badges_and_signings(r))


def day_of(event_days: Sequence[dt.date], today: dt.date) -> dt.date:
    """The day a report opens on: today when it is an event day, else the first event day."""
    return today if today in event_days else event_days[0]
