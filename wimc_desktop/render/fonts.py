"""Fonts for painting Chinese: the Qt application, the CJK family, and PDF text that reads back.

Qt's PDF writer embeds the glyphs it uses (Chinese never turns into boxes on another
computer), but it names each glyph by the lowest code point the font maps to it. CJK
fonts map the radicals (U+2E80-U+2FDF) to the glyphs of the ideographs, so 田, 金, 文, 长
would be copied, searched and extracted as ⽥, ⾦, ⽂, ⻓. `fix_pdf_text` gives each such
glyph the ideograph the font draws with it, in an incremental update of the file (the
pages are not touched). A glyph that
only a substitution reaches (Noto's proportional digits after Latin letters, ligatures)
gets no name at all and vanishes from the text: `extractable` switches those off.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import zlib
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont

from wimc_desktop.domain.errors import DeskError

# Looked for in this order: Linux, the Adobe name, Windows, macOS, older Linux.
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN",
                "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei",
                "Noto Sans SC")
# OpenType substitutions whose glyphs Qt's PDF writer cannot name (text would vanish).
UNNAMED_SUBSTITUTIONS = ("locl", "liga", "clig", "calt")
_app: QCoreApplication | None = None


class FontMissingError(DeskError):
    """No font that can show Chinese is installed: the machine's setup, not a bug (exit 2)."""

    exit_code = 2


def ensure_gui_app() -> QCoreApplication:
    """The running Qt application, or a new QGuiApplication (offscreen without a screen)."""
    global _app
    app = QCoreApplication.instance()
    if app is not None:
        return app
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication([sys.argv[0] if sys.argv and sys.argv[0] else "wimc-desk"])
    return _app


def _fc_match_file() -> str | None:
    if shutil.which("fc-match") is None:
        return None
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}", "sans-serif:lang=zh-cn"],
                             capture_output=True, text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return out.strip() or None


@functools.cache
def cjk_family() -> str:
    """The font family used for badges and PDFs: one that has simplified Chinese."""
    ensure_gui_app()
    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    chinese = QFontDatabase.WritingSystem.SimplifiedChinese
    found = _fc_match_file()
    if found:
        font_id = QFontDatabase.addApplicationFont(found)
        for family in QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []:
            if chinese in QFontDatabase.writingSystems(family):
                return family
    for family in sorted(installed):
        if chinese in QFontDatabase.writingSystems(family):
            return family
    raise FontMissingError("no font with Chinese characters is installed; install Noto Sans "
                           "CJK (Debian/Ubuntu: apt install fonts-noto-cjk)")


def extractable(font: QFont) -> QFont:
    """The font with the substitutions off whose glyphs a PDF could not turn back into text."""
    for tag in UNNAMED_SUBSTITUTIONS:
        font.setFeature(QFont.Tag(tag), 0)
    return font


# --- readable text in Qt's PDFs ------------------------------------------------------

_OBJ_REF = re.compile(rb"/ToUnicode\s+(\d+)\s+0\s+R")
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")
_BLOCK = re.compile(rb"(\d+)\s+begin(bfchar|bfrange)(.*?)end\2", re.S)


RADICALS = range(0x2E80, 0x2FE0)
IDEOGRAPHS = (range(0x4E00, 0xA000), range(0x3400, 0x4DC0), range(0xF900, 0xFB00))


@functools.cache
def glyph_twins(family: str) -> dict[int, int]:
    """Radicals that the family draws with an ideograph's glyph, and that ideograph."""
    ensure_gui_app()
    twins: dict[int, int] = {}
    for bold in (False, True):
        font = QFont(family)
        font.setBold(bold)
        raw = QRawFont.fromFont(font)
        ideographs = "".join(chr(c) for block in IDEOGRAPHS for c in block)
        by_glyph: dict[int, int] = {}
        for char, glyph in zip(ideographs, raw.glyphIndexesForString(ideographs), strict=True):
            if glyph:
                by_glyph.setdefault(glyph, ord(char))
        radicals = "".join(map(chr, RADICALS))
        for char, glyph in zip(radicals, raw.glyphIndexesForString(radicals), strict=True):
            if glyph in by_glyph:
                twins.setdefault(ord(char), by_glyph[glyph])
    return twins


def _fixed(code: int, twins: Mapping[int, int]) -> int:
    """The ideograph a radical's glyph really is; a tab's glyph is a space."""
    if code == 0x09:
        return 0x20
    if code in RADICALS:
        if code in twins:
            return twins[code]
        norm = unicodedata.normalize("NFKC", chr(code))
        if len(norm) == 1:
            return ord(norm)
    return code


def _pairs(cmap: bytes) -> list[tuple[int, bytes]]:
    """Every (glyph code, UTF-16BE hex) mapping of a ToUnicode CMap."""
    pairs: list[tuple[int, bytes]] = []
    for block in _BLOCK.finditer(cmap):
        for line in block.group(3).splitlines():
            hexes = _HEX.findall(line)
            if block.group(2) == b"bfchar" and len(hexes) == 2:
                pairs.append((int(hexes[0], 16), hexes[1].upper()))
            elif block.group(2) == b"bfrange" and len(hexes) >= 3:
                lo, hi = int(hexes[0], 16), int(hexes[1], 16)
                if b"[" in line:
                    pairs.extend((lo + i, d.upper()) for i, d in enumerate(hexes[2:]))
                else:
                    first = int(hexes[2], 16)
                    pairs.extend((lo + i, b"%04X" % (first + i)) for i in range(hi - lo + 1))
    return pairs


def _rewritten(cmap: bytes, twins: Mapping[int, int]) -> bytes | None:
    """The CMap with fixed names (as bfchar blocks), or None when nothing needs fixing."""
    pairs = _pairs(cmap)
    fixed = [(g, b"%04X" % _fixed(int(u, 16), twins) if len(u) == 4 else u) for g, u in pairs]
    if fixed == pairs:
        return None
    blocks = list(_BLOCK.finditer(cmap))
    chunks = [fixed[i:i + 100] for i in range(0, len(fixed), 100)]  # at most 100 a block
    body = b"".join(b"%d beginbfchar\n" % len(c) + b"".join(
        b"<%04X> <%s>\n" % (g, u) for g, u in c) + b"endbfchar\n" for c in chunks)
    return cmap[:blocks[0].start()] + body + cmap[blocks[-1].end():]


def _stream(pdf: bytes, number: int) -> bytes | None:
    starts = [m.end() for m in re.finditer(rb"(?<![0-9])%d 0 obj" % number, pdf)]
    if not starts:
        return None
    begin = pdf.index(b"stream", starts[-1])
    data = pdf[begin + len(b"stream"):pdf.index(b"endstream", begin)].lstrip(b"\r\n")
    if b"FlateDecode" in pdf[starts[-1]:begin]:
        data = zlib.decompress(data)
    return data


def fix_pdf_text(path: Path, twins: Mapping[int, int] | None = None) -> int:
    """Give radicals' glyphs their ideographs in a Qt-written PDF; returns the CMaps fixed.

    `twins` maps radicals to ideographs (default: as the CJK family draws them).
    """
    pdf = path.read_bytes()
    fixed, count = fix_pdf_bytes(pdf, twins)
    if count:
        with path.open("ab") as file:  # an incremental update: the pages stay as written
            file.write(fixed[len(pdf):])
    return count


def fix_pdf_bytes(pdf: bytes, twins: Mapping[int, int] | None = None) -> tuple[bytes, int]:
    """fix_pdf_text on a PDF in memory: the PDF with its update appended, the CMaps fixed."""
    twins = glyph_twins(cjk_family()) if twins is None else twins
    numbers = sorted({int(n) for n in _OBJ_REF.findall(pdf)})
    updates: list[tuple[int, bytes]] = []
    for number in numbers:
        stream = _stream(pdf, number)
        new = _rewritten(stream, twins) if stream is not None else None
        if new is not None:
            updates.append((number, new))
    if not updates:
        return pdf, 0
    trailer = pdf[pdf.rindex(b"trailer"):]
    keep = [(k, re.search(rb"/%s\s+(\[[^\]]*\]|\d+\s+\d+\s+R|\d+)" % k, trailer))
            for k in (b"Size", b"Root", b"Info", b"ID")]
    prev = int(re.findall(rb"startxref\s+(\d+)", pdf)[-1])
    out = bytearray(b"" if pdf.endswith(b"\n") else b"\n")
    offsets = []
    for number, data in updates:
        offsets.append((number, len(pdf) + len(out)))
        out += b"%d 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (
            number, len(data), data)
    xref = len(pdf) + len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    out += b"".join(b"%d 1\n%010d 00000 n \n" % (n, o) for n, o in offsets)
    entries = b" ".join(b"/%s %s" % (k, m.group(1)) for k, m in keep if m)
    out += b"trailer\n<< %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (entries, prev, xref)
    return pdf + bytes(out), len(updates)
