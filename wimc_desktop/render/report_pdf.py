"""The daily report as an A4 PDF to print and sign off, painted with QtGui.

Page one: the event, the day, when and by which desk it was made, the figures as
tiles, a bar chart of arrivals per hour, and the breakdowns by category, desk and
operator. Then the VIP list (arrived, with time and desk; not yet arrived) and the
signature line. The same painting serves the file, a print preview and the printer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from wimc_desktop.domain.money import format_total, format_total_en, from_fen
from wimc_desktop.domain.reports import rate_text
from wimc_desktop.render.pdf import (
    MM,
    PAD,
    RULE,
    SHADE,
    SOFT,
    Column,
    Page,
    Para,
    Style,
    Table,
    pdf_bytes,
)
from wimc_desktop.services.report_rows import (
    ReportContext,
    column_title,
    hour_rows,
    vip_list,
)

RIGHT, CENTER = Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignHCenter
LEFT = Qt.AlignmentFlag.AlignLeft
BODY, BOLD = Style(8), Style(8, bold=True)
H1, H2 = Style(15, bold=True), Style(11, bold=True)
NOTE = Style(8.5, color=SOFT)
BAR, ALERT = QColor("#1565C0"), QColor("#B71C1C")
SIGNATURE_H = 17 * MM  # the gap above the signature line, and the line
Tile = tuple[str, str, str]  # value, label, note
Cells = Sequence[str | Sequence[Para]]


def _font(size_pt: float, bold: bool = False) -> QFont:
    """A CJK font whose every glyph reads back as text (digits after letters too)."""
    return Style(size_pt, bold).font()


def _paras(table: Table, cells: Cells, style: Style) -> list[Sequence[Para]]:
    """Text cells as Style paragraphs aligned like their columns ."""
    return [[Para(c, Style(style.size_pt, style.bold, style.color, col.align))]
            if isinstance(c, str) else c for c, col in zip(cells, table.columns, strict=True)]


def _text(page: Page, rect: QRectF, text: str, font: QFont, color: QColor,
          flags: Qt.AlignmentFlag) -> None:
    page.painter.setFont(font)
    page.painter.setPen(color)
    page.painter.drawText(rect, int(flags | Qt.AlignmentFlag.AlignVCenter), text)


def _fitted(page: Page, text: str, size_pt: float, width: float, bold: bool = True) -> QFont:
    """A font at `size_pt`, smaller (down to 5.5 pt) if need be for `text` to fit `width`."""
    font = _font(size_pt, bold)
    while size_pt > 5.5 and QFontMetricsF(font, page.writer).horizontalAdvance(text) > width:
        size_pt -= 0.5
        font = _font(size_pt, bold)
    return font


def _label(ctx: ReportContext, key: str, value: str) -> str:
    """'日期 2020-11-26' / 'Day: 2020-11-26'."""
    return f"{ctx.t(key)} {value}" if ctx.lang == "zh" else f"{ctx.t(key)}: {value}"


def _header(page: Page, ctx: ReportContext) -> None:
    r = ctx.report
    page.text([Para(ctx.title, H1)], 1)
    note = f"（{ctx.day_note()}）" if ctx.lang == "zh" else f" ({ctx.day_note()})"
    parts = [_label(ctx, "day", r.day.isoformat() + note), _label(ctx, "generated", ctx.generated)]
    if ctx.desk:
        parts.append(_label(ctx, "desk", ctx.desk))
    if ctx.audit_head is not None:
        parts.append(_label(ctx, "audit_head", ctx.audit_line()))
    page.text([Para("    ".join(parts), NOTE)], 1)
    pii = ctx.t("pii_full") if ctx.full_pii else ctx.t("pii_masked")
    page.text([Para(f"{ctx.t('pii')}: {pii}" if ctx.lang == "en" else f"{ctx.t('pii')}：{pii}",
                    Style(8, color=ALERT if ctx.full_pii else SOFT))], 3)


def _tiles_of(ctx: ReportContext) -> list[Tile]:
    r, t = ctx.report, ctx.t
    amount = from_fen(r.signings.total_fen)
    total = format_total(amount) if ctx.lang == "zh" else format_total_en(amount)
    refused = r.refused.get("already_checked_in", 0)

    def so_far(n: int) -> str:  # the figure of every day up to this one
        return t("so_far_note", n=f"{n:,}")

    return [
        (f"{r.registered:,}", t("registered"),
         t("onsite_online", a=f"{r.registered_by_attendance.get('onsite', 0):,}",
           b=f"{r.registered_by_attendance.get('online', 0):,}")),
        (f"{r.admitted:,}", t("admitted"),
         t("rate", p=rate_text(r.admitted, r.registered))),
        (f"{r.first_arrivals:,}", t("first_arrivals"), ""),
        (f"{r.returning:,}", t("returning"), ""),
        (f"{r.walk_ins:,}", t("walk_ins"), so_far(r.cumulative_walk_ins)),
        (f"{r.undos:,}", t("undos"), so_far(r.cumulative_undos)),
        (f"{len(r.vip_arrived):,}", t("vip_arrived"), so_far(r.cumulative_vip_arrived)),
        (f"{len(r.vip_missing):,}", t("vip_missing"), ""),
        (f"{refused:,}", t("refused:already_checked_in"),
         so_far(r.cumulative_refused.get("already_checked_in", 0))),
        (f"{r.badges_printed:,}", t("badges_printed"),
         " · ".join(([t("reprints_note", n=r.badges_reprinted)] if r.badges_reprinted else [])
                    + [so_far(r.cumulative_badges_printed)])),
        (f"{r.cumulative_admitted:,}", t("cumulative_admitted"), ""),
        (total, t("signed_today"), t("items", n=r.signings.count)),
    ]


def _tiles(page: Page, tiles: Sequence[Tile], per_row: int = 6) -> None:
    gap = 2.5 * MM
    width = (page.rect.width() - gap * (per_row - 1)) / per_row
    height = 16 * MM
    for start in range(0, len(tiles), per_row):
        page.ensure(height)
        for i, (value, label, note) in enumerate(tiles[start:start + per_row]):
            x = i * (width + gap)
            page.painter.fillRect(QRectF(x, page.y, width, height), SHADE)
            _text(page, QRectF(x, page.y + 0.6 * MM, width, 8 * MM), value,
                  _fitted(page, value, 16, width - 2 * MM), QColor("#111111"), CENTER)
            _text(page, QRectF(x + 1 * MM, page.y + 8.2 * MM, width - 2 * MM, 4 * MM), label,
                  _fitted(page, label, 7.5, width - 2 * MM, bold=False), SOFT, CENTER)
            if note:
                _text(page, QRectF(x + 1 * MM, page.y + 11.8 * MM, width - 2 * MM, 3.5 * MM),
                      note, _fitted(page, note, 7, width - 2 * MM, bold=False), SOFT, CENTER)
        page.y += height + gap
    page.y += 2 * MM


def _nice_step(peak: int) -> int:
    """A round gridline step giving about four lines up to `peak`."""
    raw = max(1.0, peak / 4)
    magnitude = 10 ** math.floor(math.log10(raw))
    return int(next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw))


def _chart(page: Page, ctx: ReportContext) -> None:
    """Arrivals per hour: a bar for each hour, its count above, the hour below."""
    hours = hour_rows(ctx.report.by_hour)
    height = 48 * MM
    page.ensure(height + 8 * MM)
    page.text([Para(ctx.t("per_hour"), H2)], 1)
    painter, top = page.painter, page.y
    left, right = 12 * MM, page.rect.width()
    base = top + height - 6 * MM  # room for the hour labels
    plot = base - (top + 5 * MM)  # room for the count above the tallest bar
    peak = max((n for _, n in hours), default=0)
    step = _nice_step(peak)
    ceiling = max(step, math.ceil(peak / step) * step)
    small = _font(7)
    for value in range(0, ceiling + 1, step):
        y = base - value / ceiling * plot
        painter.setPen(RULE if value else QColor("#555555"))
        painter.drawLine(QPointF(left, y), QPointF(right, y))
        _text(page, QRectF(0, y - 2 * MM, left - 1.5 * MM, 4 * MM), f"{value:,}", small, SOFT,
              RIGHT)
    slot = (right - left) / len(hours)
    bar = min(slot * 0.62, 14 * MM)
    for i, (hour, count) in enumerate(hours):
        x = left + i * slot + (slot - bar) / 2
        tall = count / ceiling * plot
        if count:
            painter.fillRect(QRectF(x, base - tall, bar, tall), BAR)
            _text(page, QRectF(left + i * slot, base - tall - 4.5 * MM, slot, 4 * MM),
                  f"{count:,}", _font(7.5, bold=True), QColor("#111111"), CENTER)
        _text(page, QRectF(left + i * slot, base + 0.8 * MM, slot, 4 * MM), f"{hour}:00",
              small, SOFT, CENTER)
    page.y = top + height + 4 * MM


def _paint_table(table: Table, rows: Sequence[Cells], total: Cells | None) -> None:
    table.header()
    for row in rows:
        table.row(_paras(table, row, BODY))
    if total is not None:
        table.row(_paras(table, total, BOLD), shade=SHADE)


def _breakdowns(page: Page, ctx: ReportContext) -> None:
    """By category on the left; by desk and by operator on the right."""
    r, t = ctx.report, ctx.t
    cats = [[c.name_zh if ctx.lang == "zh" else c.name_en, f"{c.registered:,}",
             f"{c.admitted:,}", rate_text(c.admitted, c.registered),
             f"{c.admitted_so_far:,}"] for c in r.by_category]
    cat_total = [t("total"), f"{r.registered:,}", f"{r.admitted:,}",
                 rate_text(r.admitted, r.registered), f"{r.cumulative_admitted:,}"]
    cat_table = Table(page, [Column(t("category"), 32), Column(t("registered"), 18, RIGHT),
                             Column(t("count"), 18, RIGHT), Column(t("share"), 16, RIGHT),
                             Column(t("so_far"), 18, RIGHT)], BODY)
    right_x = 108 * MM
    desks = [[k, f"{v:,}"] for k, v in r.by_desk.items()] or [[t("none"), ""]]
    operators = [[k, f"{v:,}"] for k, v in r.by_operator.items()] or [[t("none"), ""]]
    desk_table = Table(page, [Column(t("desk"), 52), Column(t("count"), 26, RIGHT)], BODY,
                       right_x)
    op_table = Table(page, [Column(t("operator"), 52), Column(t("count"), 26, RIGHT)], BODY,
                     right_x)
    left_h = cat_table.height([_paras(cat_table, row, BODY) for row in [*cats, cat_total]])
    right_h = 4 * MM + sum(table.height([_paras(table, row, BODY) for row in rows])
                           for table, rows in ((desk_table, desks), (op_table, operators)))
    title_h = 7 * MM
    if max(left_h, right_h) + title_h > page.rect.height():  # too long to stand side by side
        for table, rows in ((cat_table, cats), (desk_table, desks), (op_table, operators)):
            table.x = 0.0
            _paint_table(table, rows, cat_total if table is cat_table else None)
            page.y += 4 * MM
        return
    page.ensure(max(left_h, right_h) + title_h)
    top = page.y
    page.draw([Para(t("by_category"), H2)], 0, top, right_x)
    page.draw([Para(f"{t('by_desk')} / {t('by_operator')}", H2)], right_x, top,
              page.rect.width() - right_x)
    page.y = top = top + title_h
    _paint_table(cat_table, cats, cat_total)
    bottom = page.y
    page.y = top
    _paint_table(desk_table, desks, None)
    page.y += 4 * MM
    _paint_table(op_table, operators, None)
    page.y = max(bottom, page.y) + 6 * MM


class _Rows:
    """One-line table rows painted straight onto the page: thousands of VIPs in a second.

    render.pdf's Table lays out every cell as a wrapped paragraph, twice a row (height,
    then paint), which takes seconds for a list this long. A row whose every cell fits
    on one line is painted here; a row with a longer cell goes through the Table, which
    wraps it. The width of each text is measured once (names and units repeat).
    """

    def __init__(self, page: Page, table: Table, widths: dict[tuple[str, bool], float]) -> None:
        self.page, self.table, self.widths = page, table, widths
        self.fonts = {False: _font(BODY.size_pt), True: _font(BODY.size_pt, bold=True)}
        self.metrics = {b: QFontMetricsF(f, page.writer) for b, f in self.fonts.items()}
        self.height = self.metrics[False].height() + 2 * PAD
        self.ascent = self.metrics[False].ascent()

    def advance(self, text: str, bold: bool) -> float:
        key = (text, bold)
        width = self.widths.get(key)
        if width is None:
            width = self.widths[key] = self.metrics[bold].horizontalAdvance(text)
        return width

    def keep_with_next(self, height: float) -> None:
        """Start a new page (with the header) unless `height` more fits on this one."""
        if height > self.page.space_left():
            self.page.new_page()
            self.table.header()

    def row(self, cells: Sequence[tuple[str, bool, QColor]]) -> None:
        columns = self.table.columns
        if any(self.advance(text, bold) > col.width_mm * MM - 2 * PAD
               for (text, bold, _), col in zip(cells, columns, strict=True)):
            self.table.row([[Para(text, Style(BODY.size_pt, bold, color, col.align))]
                            for (text, bold, color), col in zip(cells, columns, strict=True)])
            return
        page = self.page
        if self.height > page.space_left():
            page.new_page()
            self.table.header()
        painter, x, baseline = page.painter, self.table.x, page.y + PAD + self.ascent
        for (text, bold, color), col in zip(cells, columns, strict=True):
            if text:
                painter.setFont(self.fonts[bold])
                painter.setPen(color)
                left = x + PAD if col.align != RIGHT else \
                    x + col.width_mm * MM - PAD - self.advance(text, bold)
                painter.drawText(QPointF(left, baseline), text)
            x += col.width_mm * MM
        painter.setPen(RULE)
        page.y += self.height
        painter.drawLine(QPointF(self.table.x, page.y), QPointF(x, page.y))


def _vip_table(page: Page, ctx: ReportContext, tick: Callable[[], None],
               widths: dict[tuple[str, bool], float]) -> None:
    r, t = ctx.report, ctx.t
    page.ensure(30 * MM)
    counts = t("vip_counts", a=len(r.vip_arrived), m=len(r.vip_missing))
    page.text([Para(f"{t('vip_list')}（{counts}）" if ctx.lang == "zh"
                    else f"{t('vip_list')} ({counts})", H2)], 1)
    col = [column_title(k, ctx.lang) for k in ("no", "name", "organization", "title",
                                                "category", "status", "mobile")]
    metrics = QFontMetricsF(_font(BODY.size_pt), page.writer)
    names = [ctx.category(c.code) for c in ctx.event.categories if c.is_vip] or [""]
    category_mm = min(40.0, max(16.0, max(map(metrics.horizontalAdvance, names)) / MM + 3))
    table = Table(page, [Column(col[0], 10, RIGHT), Column(col[1], 22),
                         Column(col[2], 74 - category_mm), Column(col[3], 32),
                         Column(col[4], category_mm), Column(col[5], 26), Column(col[6], 22)],
                  BODY)
    table.header()
    rows = _Rows(page, table, widths)
    ink = BODY.color
    number, count = 0, len(r.vip_arrived) + len(r.vip_missing)
    for arrival, missing in vip_list(ctx):
        number += 1
        if number == max(1, count - 2):  # the signature never stands alone on a page
            rows.keep_with_next((count - number + 1) * rows.height + 4 * MM + SIGNATURE_H)
        if arrival is not None:
            status = f"{ctx.local(arrival.at):%H:%M} {arrival.desk}"
            texts = [str(number), arrival.name, arrival.organization, arrival.title,
                     ctx.category(arrival.category), status, ctx.mobile(arrival.mobile)]
            rows.row([(text, False, ink) for text in texts])
        elif missing is not None:
            texts = [str(number), missing.name, missing.organization, missing.title,
                     ctx.category(missing.category), t("not_yet"), ctx.mobile(missing.mobile)]
            rows.row([(text, i == 5, ALERT if i == 5 else ink) for i, text in enumerate(texts)])
        tick()
    if number == 0:
        rows.keep_with_next(rows.height + 4 * MM + SIGNATURE_H)
        rows.row([(text, False, ink) for text in ("", t("none"), "", "", "", "", "")])
    page.y += 4 * MM


def _signature(page: Page, ctx: ReportContext) -> None:
    """签字 / Signature ______  日期 / Date ______ (drawn as lines to write on)."""
    page.ensure(SIGNATURE_H)
    page.y += 9 * MM
    painter, font = page.painter, _font(10)
    metrics = QFontMetricsF(font, page.writer)
    x = 0.0
    for label, line_mm in ((ctx.t("signature"), 75), (ctx.t("date"), 45)):
        width = metrics.horizontalAdvance(label) + 2 * MM
        _text(page, QRectF(x, page.y, width, 7 * MM), label, font, QColor("#111111"),
              LEFT)
        painter.setPen(QColor("#111111"))
        painter.drawLine(QPointF(x + width, page.y + 6 * MM),
                         QPointF(x + width + line_mm * MM, page.y + 6 * MM))
        x += width + line_mm * MM + 10 * MM
    page.y += SIGNATURE_H - 9 * MM


def _footer(page: Page, ctx: ReportContext, number: int, count: int) -> None:
    left = f"{ctx.event_name} · {ctx.t('title')} {ctx.report.day.isoformat()} · " \
        f"{ctx.t('generated')} {ctx.generated}" + (f" · {ctx.desk}" if ctx.desk else "")
    y = page.rect.bottom() + 4 * MM
    page.painter.setPen(SOFT)
    page.painter.drawLine(QPointF(0, y - 1 * MM), QPointF(page.rect.width(), y - 1 * MM))
    width = page.rect.width()
    pages = ctx.t("page", n=number, m=count)
    _text(page, QRectF(0, y, width * 0.8, 4 * MM), left,
          _fitted(page, left, 7, width * 0.8, bold=False), SOFT, LEFT)
    _text(page, QRectF(width * 0.8, y, width * 0.2, 4 * MM), pages, _font(7), SOFT, RIGHT)


def paint_report(page: Page, ctx: ReportContext, tick: Callable[[], None] = lambda: None,
                 widths: dict[tuple[str, bool], float] | None = None) -> None:
    """The whole report from the top of the first page (for the file, a preview, a printer).

    `widths` caches the measured texts between paintings at the same resolution.
    """
    _header(page, ctx)
    _tiles(page, _tiles_of(ctx))
    _chart(page, ctx)
    _breakdowns(page, ctx)
    _vip_table(page, ctx, tick, {} if widths is None else widths)
    _signature(page, ctx)


def report_pdf_bytes(ctx: ReportContext, tick: Callable[[], None] = lambda: None
                     ) -> tuple[bytes, int]:
    """The report as PDF bytes (for export_report to write), and the page count."""
    widths: dict[tuple[str, bool], float] = {}  # both paintings measure alike
    return pdf_bytes(lambda page: paint_report(page, ctx, tick, widths), title=ctx.title,
                     footer=lambda page, n, c: _footer(page, ctx, n, c))
