"""Badge painting: QR codes read back, texts that fit, PDFs with embedded, extractable Chinese."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from pypdf import PdfReader
from PySide6.QtGui import QImage

from wimc_desktop.domain.badges import (
    CARD,
    HANGING,
    TEMPLATES,
    BadgeFace,
    PageLayout,
    Template,
)
from wimc_desktop.render.badge import PaintedBadge, export_pdf, render_badge, write_pdf
from wimc_desktop.render.fonts import fix_pdf_text

# A QApplication first (pytest-qt): a bare QGuiApplication would break the widget tests.
pytestmark = pytest.mark.usefixtures("qapp")

EVENT = ("2020世界智能制造大会", "World Intelligent Manufacturing Conference 2020",
         "2020年11月26日—28日 · 南京")
FRAUNHOFER = "Fraunhofer-Institut für Produktionstechnik und Automatisierung IPA"


def face(name: str, code: str, name_en: str = "", organization: str = "", title: str = "",
         category: str = "院士 ACADEMICIAN", color: str = "#6A1B9A") -> BadgeFace:
    return BadgeFace(*EVENT, name, name_en, organization, title, category, color, code)


ACADEMICIAN = face("单田芳", "WIMC-7K3QX9M", "Shan Tianfang", "南京大学", "中国工程院院士")
UYGHUR = face("阿卜杜拉·买买提", "WIMC-5Y9NWQE", "Abdulla Mamat", "新疆维吾尔自治区工业和信息化厅",
              "副厅长", "领导 OFFICIAL", "#C62828")
LONG = face("Karl-Heinz Maximilian Schönberger-Wittgenstein", "WIMC-H8R2TPD", "", FRAUNHOFER,
            "Abteilungsleiter Robotik und Assistenzsysteme", "专家 EXPERT", "#1565C0")
EXTREME = face("Maria del Pilar Fernández de Córdoba y Álvarez de Toledo-Hohenzollern "
               "Sigmaringen-Wittelsbach", "PREFIXLONG2020-ABCDEFG", "",
               FRAUNHOFER + " / " + FRAUNHOFER, "Leiterin " * 12, "观众 VISITOR", "#FFEB3B")


def decoded(image: QImage) -> list[str]:
    return [b.text for b in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def words(text: str) -> str:
    return "".join(text.split())


def assert_fits(painted: PaintedBadge, original: BadgeFace) -> None:
    for placed in painted.texts:
        assert placed.box.contains(placed.ink), (placed.slot, placed.lines, placed.ink)
        assert words("".join(placed.lines)) == words(placed.text)  # nothing cut off
    by_slot = {p.slot: p.text for p in painted.texts}
    assert by_slot["name"] == original.name and by_slot["code"] == original.code


@pytest.mark.parametrize("template", [HANGING, CARD], ids=["hanging", "card"])
@pytest.mark.parametrize("badge", [ACADEMICIAN, UYGHUR, LONG, EXTREME],
                         ids=["academician", "uyghur", "long", "extreme"])
def test_the_qr_code_reads_back_and_every_text_fits(template: Template,
                                                    badge: BadgeFace) -> None:
    image, painted = render_badge(badge, template, dpi=200)
    assert decoded(image) == [badge.code]
    assert_fits(painted, badge)
    symbol = painted.qr_symbol.width()
    assert symbol >= (25 if template is HANGING else 20), symbol  # mm: a scanner at arm's length
    assert painted.qr_symbol.width() == pytest.approx(painted.qr_symbol.height())


@pytest.mark.parametrize("template", [HANGING, CARD], ids=["hanging", "card"])
def test_a_coarse_print_still_scans(template: Template) -> None:
    image, _ = render_badge(ACADEMICIAN, template, dpi=100)  # a cheap printer, a bad photo
    assert decoded(image) == [ACADEMICIAN.code]


@pytest.mark.parametrize("template", [HANGING, CARD], ids=["hanging", "card"])
def test_the_name_is_the_largest_text(template: Template) -> None:
    for badge in (ACADEMICIAN, UYGHUR, LONG):
        sizes = {p.slot: p.size_mm for p in render_badge(badge, template, dpi=72)[1].texts}
        assert sizes["name"] == max(sizes.values()), sizes
    sizes = {p.slot: p.size_mm for p in render_badge(UYGHUR, template, dpi=72)[1].texts}
    placed = {p.slot: p for p in render_badge(UYGHUR, template, dpi=72)[1].texts}
    assert placed["name"].lines == ("阿卜杜拉·买买提",)  # a Chinese name is never split
    assert sizes["name"] > 2 * sizes["organization"]


def test_long_texts_shrink_then_wrap() -> None:
    placed = {p.slot: p for p in render_badge(LONG, HANGING, dpi=72)[1].texts}
    assert len(placed["name"].lines) == 2 and len(placed["organization"].lines) <= 3
    assert placed["organization"].size_mm >= 3.5  # still readable, not shrunk to a line
    tiny = {p.slot: p for p in render_badge(EXTREME, CARD, dpi=72)[1].texts}
    assert tiny["title"].size_mm > 0.5 and tiny["name"].size_mm > 1


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils is not installed")


@needs_poppler
@pytest.mark.parametrize("layout", [PageLayout.PAGE, PageLayout.SHEET])
def test_the_pdf_holds_the_chinese_names_as_text(tmp_path: Path, layout: PageLayout) -> None:
    # 田, 士, 文, 金, 方: ideographs that a CJK font also maps from Kangxi radicals
    people = [ACADEMICIAN, UYGHUR, LONG, face("金文方", "WIMC-AAAA222", "Jin Wenfang")]
    out = tmp_path / "badges.pdf"
    pages = write_pdf(out, people, HANGING, layout, title="Badges")
    assert pages == (4 if layout is PageLayout.PAGE else 1)
    text = pdf_text(out)
    for person in people:
        assert person.name in text.replace("\n", " ") or words(person.name) in words(text)
        assert person.code in text
    assert "中国工程院院士" in text and "Produktionstechnik" in text
    assert not any(0x2E80 <= ord(c) <= 0x2FDF for c in text)  # no radicals instead
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # all embedded
    reader = PdfReader(out)
    width, height = (float(reader.pages[0].mediabox.width),
                     float(reader.pages[0].mediabox.height))
    if layout is PageLayout.SHEET:
        assert (round(width), round(height)) == (595, 842)  # A4 in points
    else:
        assert width / 72 * 25.4 == pytest.approx(100, abs=0.5)
        assert height / 72 * 25.4 == pytest.approx(140, abs=0.5)
    assert fix_pdf_text(out) == 0  # already fixed: nothing more to do


def test_card_pdf_pages_are_card_sized(tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    assert write_pdf(out, [ACADEMICIAN] * 3, CARD) == 3  # one card a page by default
    box = PdfReader(out).pages[0].mediabox
    assert float(box.width) / 72 * 25.4 == pytest.approx(85.6, abs=0.5)
    assert float(box.height) / 72 * 25.4 == pytest.approx(54, abs=0.5)
    assert write_pdf(out, [ACADEMICIAN] * 11, CARD, PageLayout.SHEET) == 2  # 10 on A4
    assert len(PdfReader(out).pages) == 2


def test_the_pdf_is_written_atomically(tmp_path: Path) -> None:
    out = tmp_path / "badges.pdf"
    out.write_bytes(b"the previous file")

    def refuse() -> None:
        raise RuntimeError("the print log could not be written")

    with pytest.raises(RuntimeError):
        export_pdf(out, [ACADEMICIAN], TEMPLATES["card"], before_replace=refuse)
    assert out.read_bytes() == b"the previous file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["badges.pdf"]  # no temp left
    logged: list[str] = []
    export_pdf(out, [ACADEMICIAN], TEMPLATES["card"], before_replace=lambda: logged.append("x"))
    assert logged == ["x"] and out.read_bytes().startswith(b"%PDF")


def _page_mm(path: Path) -> list[tuple[int, int]]:
    return [(round(float(p.mediabox.width) / 72 * 25.4), round(float(p.mediabox.height) / 72
                                                              * 25.4))
            for p in PdfReader(path).pages]


def test_a_single_hanging_badge_gets_a_page_of_its_own_size(tmp_path: Path) -> None:
    out = tmp_path / "one.pdf"
    assert export_pdf(out, [ACADEMICIAN], HANGING) == 1
    assert _page_mm(out) == [(100, 140)]  # not A4 with the badge in its top-left corner
    assert write_pdf(out, [ACADEMICIAN, UYGHUR], HANGING) == 1
    assert _page_mm(out) == [(210, 297)]  # two or more: A4 sheets, as before
    assert write_pdf(out, [ACADEMICIAN], HANGING, PageLayout.SHEET) == 1
    assert _page_mm(out) == [(210, 297)]  # an A4 sheet when asked for


SEATED = BadgeFace(*EVENT, "周济", "Zhou Ji", "中国工程院", "院士", "院士 ACADEMICIAN", "#6A1B9A",
                   "WIMC-7KQ3MXC", "A区 3排 12座")


@pytest.mark.parametrize("template", [HANGING, CARD], ids=["hanging", "card"])
def test_a_seat_is_printed_on_the_band_beside_the_category(template: Template) -> None:
    image, painted = render_badge(SEATED, template, dpi=200)
    assert decoded(image) == [SEATED.code]
    assert_fits(painted, SEATED)
    placed = {p.slot: p for p in painted.texts}
    assert placed["seat"].text == "座位 A区 3排 12座"
    assert placed["category"].text == "院士 ACADEMICIAN"
    seat, category = placed["seat"].ink, placed["category"].ink
    assert not seat.intersects(category)
    band = template.band
    assert seat.top() >= band.y and seat.bottom() <= band.y + band.h  # on the band
    assert "seat" not in {p.slot for p in render_badge(ACADEMICIAN, template, dpi=72)[1].texts}


def test_the_badge_face_takes_the_guests_seat() -> None:
    from wimc_desktop.domain.badges import badge_face
    from wimc_desktop.domain.models import Attendance, Event, Guest

    event = Event("e", *EVENT[:2], "国际博览中心", "南京", dt.date(2020, 11, 26),
                  dt.date(2020, 11, 28), "Asia/Shanghai", "WIMC")
    guest = Guest.from_fields("g", lambda name: {"attendance": Attendance.ONSITE.value,
                                                 "seat": " A区 3排 12座 ", "name": "周济"}
                              .get(name, ""))
    assert badge_face(event, guest).seat == "A区 3排 12座"


@needs_poppler
def test_the_seat_is_text_in_the_pdf(tmp_path: Path) -> None:
    out = tmp_path / "seated.pdf"
    export_pdf(out, [SEATED], CARD)
    assert "座位 A区 3排 12座" in pdf_text(out)
