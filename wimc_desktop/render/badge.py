"""Painting badges with QtGui: one painter function for preview, printer, PDF and images.

`paint_badge` draws one badge into any QPainter at a QRectF (it scales the template to
the rectangle); `paint_pages` lays many out on a paged device (a QPdfWriter, or the
window's QPrinter with full-page on); `export_pdf` writes a PDF safely (safe_file). Texts shrink,
then wrap, until their ink fits their box: nothing is ever elided or cut off.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import segno
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTextLayout,
    QTextOption,
)

from wimc_desktop.domain.badges import (
    A4_MM,
    BadgeFace,
    Box,
    PageLayout,
    Template,
    TextSlot,
    sheet_slots,
)
from wimc_desktop.domain.errors import StorageError
from wimc_desktop.render.fonts import cjk_family, ensure_gui_app, extractable, fix_pdf_bytes
from wimc_desktop.services.safe_file import OutputFile

UNIT = 10.0  # painter units per mm inside a badge (0.1 mm: font sizes step finely)
QUIET_ZONE = 4  # modules of white around the QR symbol, inside its box
INK_TOP, INK_BOTTOM, PITCH = 0.92, 0.22, 1.2  # the line box, in ems, around the baseline
HEADER_COLOR, TEXT_COLOR, SOFT_TEXT = QColor("#0B2E59"), QColor("#111111"), QColor("#3A3A3A")
MM_PER_INCH = 25.4


@dataclass(frozen=True, slots=True)
class PlacedText:
    """A text as painted: its lines, its box and the ink it covers (both in badge mm)."""

    slot: str
    text: str
    lines: tuple[str, ...]
    size_mm: float
    box: QRectF
    ink: QRectF


@dataclass(frozen=True, slots=True)
class PaintedBadge:
    """What paint_badge drew where (badge mm), so tests and previews can check it."""

    texts: tuple[PlacedText, ...]
    qr_symbol: QRectF  # the symbol without its quiet zone
    qr_modules: int


def _font(family: str, size_units: int, bold: bool) -> QFont:
    font = QFont(family)
    font.setPixelSize(max(1, size_units))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # same on every device
    return extractable(font)


def _wrap(text: str, font: QFont, width: float, wrap: bool) -> list[str]:
    if not wrap:
        return [text]
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[str] = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart():line.textStart() + line.textLength()].strip())
    layout.endLayout()
    return [part for part in lines if part]


def _place(font: QFont, box: QRectF, lines: list[str],
           align: str) -> tuple[list[QPointF], QRectF]:
    """Baseline origins of the lines (block centred vertically) and their ink."""
    metrics = QFontMetricsF(font)
    em = float(font.pixelSize())
    block = (len(lines) - 1) * PITCH * em + (INK_TOP + INK_BOTTOM) * em
    baseline = box.top() + (box.height() - block) / 2 + INK_TOP * em
    origins, ink = [], QRectF()
    for line in lines:
        tight = metrics.tightBoundingRect(line)
        if align == "center":
            x = box.left() + (box.width() - metrics.horizontalAdvance(line)) / 2
        elif align == "right":
            x = box.right() - tight.right()
        else:  # a glyph that overhangs its origin (an "A") still starts inside the box
            x = box.left() - min(0.0, tight.left())
        origins.append(QPointF(x, baseline))
        ink = ink.united(tight.translated(x, baseline))
        baseline += PITCH * em
    return origins, ink


def fit_text(text: str, slot: TextSlot, family: str,
             wrap_words_only: bool = False) -> tuple[QFont, list[str], list[QPointF], QRectF]:
    """The largest font (at most the slot's size) at which the text's ink fits its box.

    Sizes are tried by bisection; wrapping breaks at word boundaries (and between Hanzi,
    unless `wrap_words_only`, so a Chinese name stays on one line).
    """
    b = slot.box
    box = QRectF(b.x * UNIT, b.y * UNIT, b.w * UNIT, b.h * UNIT)
    wrap = slot.max_lines > 1 and (not wrap_words_only or any(c.isspace() for c in text))

    def attempt(size: int) -> tuple[QFont, list[str], list[QPointF], QRectF] | None:
        font = _font(family, size, slot.bold)
        lines = _wrap(text, font, box.width(), wrap)
        if len(lines) > slot.max_lines:
            return None
        origins, ink = _place(font, box, lines, slot.align)
        return (font, lines, origins, ink) if box.contains(ink) else None

    low, high = 1, max(1, round(slot.size_mm * UNIT))
    best = attempt(high)
    if best is not None:
        return best
    while high - low > 1:  # invariant: `high` does not fit
        mid = (low + high) // 2
        found = attempt(mid)
        if found is not None:
            low, best = mid, found
        else:
            high = mid
    size = low
    while best is None and size > 1:  # wrapping is not strictly monotonic: walk down
        size -= 1
        best = attempt(size)
    return best or attempt(1) or (_font(family, 1, slot.bold), [text], [box.topLeft()], box)


def _text(painter: QPainter, name: str, text: str, slot: TextSlot, family: str,
          color: QColor, placed: list[PlacedText], wrap_words_only: bool = False) -> None:
    if not text:
        return
    font, lines, origins, ink = fit_text(text, slot, family, wrap_words_only)
    painter.setFont(font)
    painter.setPen(color)
    for line, origin in zip(lines, origins, strict=True):
        painter.drawText(origin, line)
    b = slot.box
    placed.append(PlacedText(name, text, tuple(lines), font.pixelSize() / UNIT,
                             QRectF(b.x, b.y, b.w, b.h), _mm(ink)))


def qr_path(code: str, box: Box) -> tuple[QPainterPath, QRectF, int]:
    """The QR symbol of a code as one path (runs of dark modules) in painter units."""
    qr = segno.make_qr(code, error="q")  # 25 % recovery, raised to 30 % when it costs nothing
    matrix: Sequence[bytearray] = qr.matrix
    count = len(matrix)
    module = min(box.w, box.h) * UNIT / (count + 2 * QUIET_ZONE)
    left = box.x * UNIT + (box.w * UNIT - count * module) / 2
    top = box.y * UNIT + (box.h * UNIT - count * module) / 2
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for r, row in enumerate(matrix):
        c = 0
        while c < count:
            if row[c]:
                start = c
                while c < count and row[c]:
                    c += 1
                path.addRect(QRectF(left + start * module, top + r * module,
                                    (c - start) * module, module))
            else:
                c += 1
    return path, QRectF(left, top, count * module, count * module), count


def _band_text_color(background: QColor) -> QColor:
    """White or near-black, whichever contrasts more with the category colour (WCAG)."""
    lum = sum(w * (v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4) for w, v in (
        (0.2126, background.redF()), (0.7152, background.greenF()), (0.0722, background.blueF())))
    return QColor("#FFFFFF") if lum < 0.179 else TEXT_COLOR  # the WCAG crossover


def _mm(rect: QRectF) -> QRectF:
    return QRectF(rect.x() / UNIT, rect.y() / UNIT, rect.width() / UNIT, rect.height() / UNIT)


def _fill(painter: QPainter, box: Box, color: QColor) -> None:
    painter.fillRect(QRectF(box.x * UNIT, box.y * UNIT, box.w * UNIT, box.h * UNIT), color)


def paint_badge(painter: QPainter, rect: QRectF, face: BadgeFace, template: Template,
                family: str | None = None) -> PaintedBadge:
    """Paint one badge into `rect` (any units: it is scaled to fit, centred, undistorted)."""
    family = family or cjk_family()
    t = template
    scale = min(rect.width() / (t.width_mm * UNIT), rect.height() / (t.height_mm * UNIT))
    painter.save()
    painter.translate(rect.x() + (rect.width() - t.width_mm * UNIT * scale) / 2,
                      rect.y() + (rect.height() - t.height_mm * UNIT * scale) / 2)
    painter.scale(scale, scale)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _fill(painter, Box(0, 0, t.width_mm, t.height_mm), QColor("#FFFFFF"))
    _fill(painter, t.header, HEADER_COLOR)
    band = QColor(face.category_color)
    _fill(painter, t.band, band)
    placed: list[PlacedText] = []
    white = QColor("#FFFFFF")
    _text(painter, "event_name", face.event_name, t.event_name, family, white, placed)
    _text(painter, "event_name_en", face.event_name_en, t.event_name_en, family, white, placed)
    _text(painter, "event_dates", face.event_dates, t.event_dates, family, white, placed)
    name_slot = t.name if face.name_en else replace(t.name, box=Box(  # the name takes the room
        t.name.box.x, t.name.box.y, t.name.box.w, t.name_en.box.y + t.name_en.box.h - t.name.box.y))
    _text(painter, "name", face.name, name_slot, family, TEXT_COLOR, placed, wrap_words_only=True)
    _text(painter, "name_en", face.name_en, t.name_en, family, TEXT_COLOR, placed)
    _text(painter, "organization", face.organization, t.organization, family, SOFT_TEXT, placed)
    _text(painter, "title", face.title, t.title, family, SOFT_TEXT, placed)
    on_band = _band_text_color(band)
    _text(painter, "category", face.category_name,
          t.band_text_seated if face.seat else t.band_text, family, on_band, placed)
    _text(painter, "seat", f"座位 {face.seat}" if face.seat else "", t.seat, family, on_band,
          placed)
    path, symbol, modules = qr_path(face.code, t.qr)
    painter.fillPath(path, QColor("#000000"))
    _text(painter, "code", face.code, t.code, family, TEXT_COLOR, placed)
    painter.restore()
    return PaintedBadge(tuple(placed), _mm(symbol), modules)


def render_badge(face: BadgeFace, template: Template,
                 dpi: float = 300.0) -> tuple[QImage, PaintedBadge]:
    """One badge as an image (previews, samples, tests that scan the QR code back)."""
    ensure_gui_app()
    size = QSizeF(template.width_mm, template.height_mm) * (dpi / MM_PER_INCH)
    image = QImage(round(size.width()), round(size.height()), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painted = paint_badge(painter, QRectF(0, 0, image.width(), image.height()), face, template)
    painter.end()
    return image, painted


def _page_size(layout: PageLayout, template: Template) -> QPageSize:
    if layout is PageLayout.SHEET:
        return QPageSize(QPageSize.PageSizeId.A4)
    return QPageSize(QSizeF(template.width_mm, template.height_mm), QPageSize.Unit.Millimeter,
                     f"WIMC badge {template.key}", QPageSize.SizeMatchPolicy.ExactMatch)


def pdf_layout(template: Template, count: int, layout: PageLayout | None) -> PageLayout:
    """The layout of a badge PDF: as asked, else the template's, except that a single badge
    gets a page of its own size (alone on an A4 sheet it sat in the top-left corner)."""
    if layout is not None:
        return layout
    return PageLayout.PAGE if count == 1 else template.default_layout


def paint_pages(device: QPagedPaintDevice, faces: Sequence[BadgeFace], template: Template,
                layout: PageLayout | None = None) -> int:
    """Paint badges on a paged device: one a page, or a grid on A4 with cut lines; page count."""
    layout = layout or template.default_layout
    family = cjk_family()
    device.setPageLayout(QPageLayout(_page_size(layout, template),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    slots = sheet_slots(template, A4_MM) if layout is PageLayout.SHEET else \
        [Box(0, 0, template.width_mm, template.height_mm)]
    painter = QPainter()
    if not painter.begin(device):
        raise StorageError("cannot paint the badges (the output cannot be written)")
    try:
        dots = device.logicalDpiX() / MM_PER_INCH
        full_page = getattr(device, "fullPage", None)  # a QPrinter may paint from the corner
        if not (full_page and full_page()):  # else the origin is inside the margins
            origin = device.pageLayout().paintRectPixels(device.logicalDpiX()).topLeft()
            painter.translate(-origin.x(), -origin.y())
        pages = 0
        for i, face in enumerate(faces):
            slot = slots[i % len(slots)]
            if i % len(slots) == 0:
                if i:
                    device.newPage()
                pages += 1
            rect = QRectF(slot.x * dots, slot.y * dots, slot.w * dots, slot.h * dots)
            paint_badge(painter, rect, face, template, family)
            if layout is PageLayout.SHEET:
                painter.setPen(QPen(QColor("#B0B0B0"), 0.1 * dots))
                painter.drawRect(rect)
    except BaseException:
        painter.end()
        raise
    if not painter.end():  # the device's own status (a printer that failed)
        raise StorageError("cannot paint the badges (the output cannot be written)")
    return pages


def pdf_bytes(faces: Sequence[BadgeFace], template: Template,
              layout: PageLayout | None = None, title: str = "") -> tuple[bytes, int]:
    """The badges as a PDF in memory (fonts embedded, Chinese text extractable); page count.

    In memory, so that the file is written by code that checks every byte
    (services.safe_file), never by QPdfWriter on a path (it reports no write error).
    """
    ensure_gui_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setCreator("WIMC Desk")
    writer.setTitle(title or "Badges")
    writer.setResolution(1200)
    pages = paint_pages(writer, faces, template, pdf_layout(template, len(faces), layout))
    del writer  # ends the document
    buffer.close()
    return fix_pdf_bytes(bytes(data.data()))[0], pages


def write_pdf(path: Path, faces: Sequence[BadgeFace], template: Template,
              layout: PageLayout | None = None, title: str = "") -> int:
    """Write the badges to a PDF, safely and readable by the user only; page count."""
    return export_pdf(path, faces, template, layout, title)


def export_pdf(out: str | os.PathLike[str], faces: Sequence[BadgeFace], template: Template,
               layout: PageLayout | None = None, title: str = "",
               before_replace: Callable[[], object] | None = None, *,
               publish_with: Callable[[Callable[[], None]], object] | None = None) -> int:
    """Write a PDF safely: a temp file beside `out` (0600: badges name their guests),
    checked and synced, `before_replace()`, then the rename.

    `before_replace` runs once the PDF is complete; if it raises, `out` is left as it
    was. `publish_with(move)` (logging the prints) must call `move()`, the rename, inside
    its transaction: the prints are committed only once the file is in place, and a
    rename that fails rolls them back.
    """
    with OutputFile(out, private=True) as output:  # a read-only target: said before painting
        data, pages = pdf_bytes(faces, template, layout, title)
        output.write_bytes(data)
        output.finish(len(data))
        if before_replace is not None:
            before_replace()
        output.publish(len(data), publish_with)
    return pages
