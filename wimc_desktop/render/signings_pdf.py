"""The signing register as a printable A4 PDF: every signing, then its totals and breakdowns."""

from __future__ import annotations

import os

from PySide6.QtCore import QPointF, Qt

from wimc_desktop.domain.money import YI, format_number, format_yuan
from wimc_desktop.domain.signing_totals import SigningRegister, SigningSummary, totals_line
from wimc_desktop.domain.signings import Signing, status_label
from wimc_desktop.render.pdf import MM, SHADE, SOFT, Column, Page, Para, Style, Table, write_pdf
from wimc_desktop.services.signing_exports import column_title, local_time, text

RIGHT = Qt.AlignmentFlag.AlignRight
BODY, SMALL = Style(8.5), Style(7, color=SOFT)
BOLD = Style(8.5, bold=True)


def _columns(lang: str) -> list[Column]:
    """Landscape A4 less its margins: 273 mm."""
    return [Column(column_title("no", lang), 9, RIGHT),
            Column(column_title("project_zh", lang), 60),
            Column(column_title("parties", lang), 70), Column(column_title("sector", lang), 25),
            Column(column_title("location", lang), 31),
            Column(column_title("amount", lang), 32, RIGHT),
            Column(column_title("signed_at", lang), 27),
            Column(column_title("status", lang), 19)]


def _signing_cells(register: SigningRegister, number: int, s: Signing,
                   lang: str) -> list[str | list[Para]]:
    project = [Para(s.project_zh, BOLD)] + ([Para(s.project_en, SMALL)] if s.project_en else [])
    gone = not s.counts_in_totals
    amount = format_yuan(s.amount) + ("" if s.currency == "CNY" else f" {s.currency}")
    return [str(number), project, "\n".join(p.describe(lang) for p in s.parties), s.sector,
            s.location,
            [Para(amount, Style(8.5, color=SOFT if gone else BODY.color, align=RIGHT,
                                strike=gone))],
            f"{local_time(register, s.signed_at):%Y-%m-%d %H:%M}", status_label(s.status, lang)]


def _register_table(page: Page, register: SigningRegister, lang: str) -> None:
    table = Table(page, _columns(lang), BODY)
    table.header()
    for number, s in enumerate(register.signings, 1):
        style = BODY if s.counts_in_totals else Style(8.5, color=SOFT)
        table.row(_signing_cells(register, number, s, lang), style)
    count = register.summary.count
    label = f"合计（{count} 项）" if lang == "zh" else f"Total ({count})"
    table.row(["", label, "", "", "", format_yuan(register.summary.amount), "", ""], BOLD, SHADE)


def _breakdown_rows(summary: SigningSummary, lang: str) -> list[list[str]]:
    rows = [[g.key or text("none", lang), str(g.count), format_yuan(g.amount),
             format_number(g.amount / YI)] for g in summary.groups]
    return [*rows, [text("sum", lang), str(summary.count), format_yuan(summary.amount),
                    format_number(summary.amount / YI)]]


def _breakdown_table(page: Page, summary: SigningSummary, lang: str, x: float) -> Table:
    assert summary.by is not None
    columns = [Column(text(summary.by, lang), 52), Column(text("count", lang), 16, RIGHT),
               Column(column_title("amount", lang), 36, RIGHT),
               Column(text("yi", lang) if lang == "zh" else "100M yuan", 26, RIGHT)]
    return Table(page, columns, BODY, x)


def _paint_breakdown(table: Table, rows: list[list[str]]) -> None:
    table.header()
    for row in rows[:-1]:
        table.row(row)
    table.row(rows[-1], BOLD, SHADE)


def _breakdown_pair(page: Page, left: SigningSummary, right: SigningSummary,
                    lang: str) -> None:
    """Two breakdowns side by side when both fit on one page, else one after the other."""
    tables = [(_breakdown_table(page, s, lang, x), _breakdown_rows(s, lang))
              for s, x in ((left, 0.0), (right, page.rect.width() / 2 + 2 * MM))]
    height = max(t.height(rows) for t, rows in tables)
    if height > page.rect.height():
        for table, rows in tables:
            table.x = 0.0
            _paint_breakdown(table, rows)
            page.y += 5 * MM
        return
    page.ensure(height)
    top, bottom = page.y, page.y
    for table, rows in tables:
        page.y = top
        _paint_breakdown(table, rows)
        bottom = max(bottom, page.y)
    page.y = bottom + 6 * MM


def _heading(page: Page, register: SigningRegister, lang: str) -> None:
    page.text([Para(f"{register.event_name}  {text('register', lang)}", Style(15, bold=True))])
    page.text([Para(totals_line(register.summary, lang), Style(11, bold=True))], 1)
    filters = register.where.describe()
    note = text("rule", lang) + (f"  {text('filter', lang)}: {filters}" if filters else "")
    page.text([Para(note, Style(8, color=SOFT))], 3)


def _paint(page: Page, register: SigningRegister, lang: str) -> None:
    _heading(page, register, lang)
    _register_table(page, register, lang)
    page.y += 6 * MM
    page.ensure(40 * MM)
    page.text([Para(text("totals", lang), Style(12, bold=True))])
    ceremony, sector, location, day = register.breakdowns
    _breakdown_pair(page, sector, location, lang)
    _breakdown_pair(page, ceremony, day, lang)


def _footer(page: Page, register: SigningRegister, lang: str, number: int, count: int) -> None:
    generated = f"{local_time(register, register.generated_at):%Y-%m-%d %H:%M}"
    left = f"{register.event_name} · {text('register', lang)} · {text('generated', lang)} " \
        f"{generated}"
    right = f"第 {number} 页 / 共 {count} 页" if lang == "zh" else f"Page {number} of {count}"
    y = page.rect.bottom() + 4 * MM
    page.painter.setPen(SOFT)
    page.painter.drawLine(QPointF(0, y - 1 * MM), QPointF(page.rect.width(), y - 1 * MM))
    page.draw([Para(left, Style(7, color=SOFT))], 0, y, page.rect.width() * 0.7)
    page.draw([Para(right, Style(7, color=SOFT, align=RIGHT))], page.rect.width() * 0.7, y,
              page.rect.width() * 0.3)


def write_signings_pdf(register: SigningRegister, path: str | os.PathLike[str],
                       lang: str = "zh") -> int:
    """The register with its totals as an A4 landscape PDF (written safely, with the usual
    permissions: no guest data); returns the page count."""
    return write_pdf(path, lambda page: _paint(page, register, lang),
                     title=f"{register.event_name} {text('register', lang)}", landscape=True,
                     footer=lambda page, n, c: _footer(page, register, lang, n, c),
                     private=False)
