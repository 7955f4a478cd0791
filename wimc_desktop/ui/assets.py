"""The look of the app: icons, the style sheet and the base font, from resources/."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"
ICONS_DIR = RESOURCES_DIR / "icons"
STYLE_FILE = RESOURCES_DIR / "styles" / "desk.qss"
BASE_POINT_SIZE = 10.5
# Noto Sans CJK covers Hanzi and Latin in one face, so mixed names line up; the rest
# are what Windows and macOS desks have.
FONT_FAMILIES = ("Noto Sans CJK SC", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC",
                 "Source Han Sans SC", "Noto Sans")


def icon(name: str) -> QIcon:
    """An SVG icon from resources/icons (an empty icon when the file is missing)."""
    path = ICONS_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def stylesheet() -> str:
    return STYLE_FILE.read_text(encoding="utf-8") if STYLE_FILE.is_file() else ""


def base_font() -> QFont:
    font = QFont()
    font.setFamilies(list(FONT_FAMILIES))
    font.setPointSizeF(BASE_POINT_SIZE)
    return font


def apply_look(app: QApplication) -> None:
    """Fusion everywhere (the same on every desk), a readable font, the desk style sheet."""
    app.setStyle("Fusion")
    app.setFont(base_font())
    app.setStyleSheet(stylesheet())
