"""Printable A4 documents with QtGui: pages, the CJK font, wrapped text and paged tables.

A document is painted by a function of a `Page` cursor, twice: once into memory to
count the pages, then into memory again, so every footer can say "page 3 of 7". The
bytes are written beside the destination, checked and moved over it (services.safe_file),
with the font embedded and the text readable back (render.fonts.fix_pdf_bytes).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextLayout,
    QTextOption,
)

from wimc_desktop.domain.errors import StorageError
from wimc_desktop.render.fonts import cjk_family, ensure_gui_app, extractable, fix_pdf_bytes
from wimc_desktop.services.safe_file import OutputFile

DPI = 300
MM = DPI / 25.4  # device units per millimetre
INK, SOFT, RULE, SHADE = QColor("#111111"), QColor("#5A5A5A"), QColor("#9AA5B1"), QColor("#E8EEF5")
Footer = Callable[["Page", int, int], None]  # (page, number, count)


@dataclass(frozen=True, slots=True)
class Style:
    """How a piece of text looks."""

    size_pt: float = 9.0
    bold: bool = False
    color: QColor = field(default_factory=lambda: QColor(INK))
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    strike: bool = False

    def font(self) -> QFont:
        font = QFont(cjk_family())
        font.setPointSizeF(self.size_pt)
        font.setBold(self.bold)
        font.setStrikeOut(self.strike)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return extractable(font)  # digits after Latin letters stay in the PDF's text


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph: text in one style (a table cell is one or more paragraphs)."""

    text: str
    style: Style = field(default_factory=Style)


class Page:
    """A cursor over the pages of a document: where the next thing goes, in device units."""

    def __init__(self, writer: QPdfWriter, painter: QPainter, footer: Footer | None,
                 count: int) -> None:
        self.writer, self.painter, self.footer, self.count = writer, painter, footer, count
        self.number = 1
        rect = writer.pageLayout().paintRectPixels(DPI)
        self.rect = QRectF(0, 0, rect.width(), rect.height() - 8 * MM)  # room for the footer
        self.y = 0.0

    def space_left(self) -> float:
        return self.rect.bottom() - self.y

    def new_page(self) -> None:
        self.finish_page()
        self.writer.newPage()
        self.number += 1
        self.y = 0.0

    def ensure(self, height: float) -> None:
        """Start a new page unless `height` fits below the cursor (or the page is empty)."""
        if height > self.space_left() and self.y > 0:
            self.new_page()

    def finish_page(self) -> None:
        if self.footer is not None:
            self.footer(self, self.number, self.count)

    def layout(self, para: Para, width: float) -> tuple[QTextLayout, float]:
        """The paragraph broken into lines `width` wide (between words, or anywhere if need be)."""
        text_layout = QTextLayout(para.text.replace("\n", "\u2028"), para.style.font(),
                                  self.writer)
        option = QTextOption(para.style.align)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        text_layout.setTextOption(option)
        text_layout.beginLayout()
        height = 0.0
        while (line := text_layout.createLine()).isValid():
            line.setLineWidth(width)
            line.setPosition(QPointF(0, height))
            height += line.height()
        text_layout.endLayout()
        return text_layout, height

    def height_of(self, paras: Sequence[Para], width: float) -> float:
        return sum(self.layout(p, width)[1] for p in paras)

    def draw(self, paras: Sequence[Para], x: float, y: float, width: float) -> float:
        """Paint paragraphs stacked from (x, y); returns their height."""
        top = y
        for para in paras:
            text_layout, height = self.layout(para, width)
            self.painter.setPen(para.style.color)
            text_layout.draw(self.painter, QPointF(x, y))
            y += height
        return y - top

    def text(self, paras: Sequence[Para], gap_mm: float = 1.5) -> None:
        """Paragraphs across the page at the cursor, then a gap."""
        height = self.height_of(paras, self.rect.width())
        self.ensure(height)
        self.draw(paras, 0, self.y, self.rect.width())
        self.y += height + gap_mm * MM


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its title, width and alignment."""

    title: str
    width_mm: float
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


Cell = str | Sequence[Para]
PAD = 1.2 * MM


class Table:
    """A table that continues over pages, repeating its header row on each."""

    def __init__(self, page: Page, columns: Sequence[Column], style: Style | None = None,
                 x: float = 0.0) -> None:
        self.page, self.columns, self.x = page, columns, x
        self.style = style or Style()
        self.head_style = Style(self.style.size_pt, bold=True)

    def _paras(self, cell: Cell, column: Column, style: Style) -> list[Para]:
        if isinstance(cell, str):
            return [Para(cell, Style(style.size_pt, style.bold, style.color, column.align,
                                     style.strike))]
        return list(cell)

    def _height(self, paras: list[list[Para]]) -> float:
        return max(self.page.height_of(p, c.width_mm * MM - 2 * PAD)
                   for p, c in zip(paras, self.columns, strict=True)) + 2 * PAD

    def _paint(self, paras: list[list[Para]], height: float, shade: QColor | None) -> None:
        page, x = self.page, self.x
        width = sum(c.width_mm for c in self.columns) * MM
        if shade is not None:
            page.painter.fillRect(QRectF(x, page.y, width, height), shade)
        for cell, column in zip(paras, self.columns, strict=True):
            page.draw(cell, x + PAD, page.y + PAD, column.width_mm * MM - 2 * PAD)
            x += column.width_mm * MM
        page.painter.setPen(RULE)
        page.painter.drawLine(QPointF(self.x, page.y + height),
                              QPointF(self.x + width, page.y + height))
        page.y += height

    def header(self) -> None:
        paras = [self._paras(c.title, c, self.head_style) for c in self.columns]
        height = self._height(paras)
        self.page.ensure(height * 3)  # never a header alone at the foot of a page
        self._paint(paras, height, SHADE)

    def height(self, rows: Sequence[Sequence[Cell]], style: Style | None = None) -> float:
        """The height the header and these rows take (to place tables side by side)."""
        head = [self._paras(c.title, c, self.head_style) for c in self.columns]
        return self._height(head) + sum(
            self._height([self._paras(c, col, style or self.style)
                          for c, col in zip(row, self.columns, strict=True)]) for row in rows)

    def row(self, cells: Sequence[Cell], style: Style | None = None,
            shade: QColor | None = None) -> None:
        paras = [self._paras(c, col, style or self.style)
                 for c, col in zip(cells, self.columns, strict=True)]
        height = self._height(paras)
        if height > self.page.space_left():
            self.page.new_page()
            self.header()
        self._paint(paras, height, shade)


def _writer(target: str | QIODevice, title: str, landscape: bool) -> QPdfWriter:
    writer = QPdfWriter(target)
    writer.setResolution(DPI)
    writer.setCreator("WIMC Desk")
    writer.setTitle(title)
    orientation = (QPageLayout.Orientation.Landscape if landscape
                   else QPageLayout.Orientation.Portrait)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                     QMarginsF(12, 12, 12, 10), QPageLayout.Unit.Millimeter))
    return writer


def _paint(writer: QPdfWriter, paint: Callable[[Page], None], footer: Footer | None,
           count: int) -> int:
    painter = QPainter()
    if not painter.begin(writer):
        raise StorageError("the PDF cannot be written")
    try:
        page = Page(writer, painter, footer, count)
        paint(page)
        page.finish_page()
    except BaseException:
        painter.end()
        raise
    if not painter.end():  # the writer's own status
        raise StorageError("the PDF cannot be written")
    return page.number


def _painted(paint: Callable[[Page], None], title: str, landscape: bool,
             footer: Footer | None, count: int) -> tuple[bytes, int]:
    """The PDF painted into memory, and its page count."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, title, landscape)
    pages = _paint(writer, paint, footer, count)
    del writer  # ends the document
    buffer.close()
    return bytes(data.data()), pages


def pdf_bytes(paint: Callable[[Page], None], *, title: str, landscape: bool = False,
              footer: Footer | None = None) -> tuple[bytes, int]:
    """An A4 PDF painted by `paint` (twice: to count the pages, then the document), with
    its text made readable (fix_pdf_bytes); the bytes and the number of pages.

    Painted into memory, so the file is written by code that checks every byte
    (safe_file.OutputFile.write_bytes), never by QPdfWriter on a path.
    """
    ensure_gui_app()
    count = _painted(paint, title, landscape, footer, 0)[1]
    data, pages = _painted(paint, title, landscape, footer, count)
    return fix_pdf_bytes(data)[0], pages


def write_pdf(path: str | os.PathLike[str], paint: Callable[[Page], None], *, title: str,
              landscape: bool = False, footer: Footer | None = None,
              private: bool = True) -> int:
    """An A4 PDF painted by `paint`, written safely (0600 unless not `private`); page count."""
    with OutputFile(path, private=private) as out:  # a read-only target: said before painting
        data, pages = pdf_bytes(paint, title=title, landscape=landscape, footer=footer)
        out.write_bytes(data)
        out.publish(len(data))
    return pages
