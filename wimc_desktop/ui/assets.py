"""The look of the app: icons, the style sheet and the base font, from resources/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

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


class DeskStyle(QProxyStyle):
    """Fusion, with menu items a little wider than Fusion makes them.

    With the desk's font, Fusion sized a menu item a few pixels narrower than the text it
    then draws, and elided the widest Chinese item in the middle ("主管看…D)"); the room
    of one digit more keeps every item whole in either language.
    """

    def sizeFromContents(self, kind: QStyle.ContentsType, option: QStyleOption | None,
                         size: QSize, widget: QWidget | None = None) -> QSize:
        # PySide6's stub wants both; Qt passes None for either (the override must take it)
        found: Any = super().sizeFromContents(kind, option, size, widget)  # type: ignore[arg-type]
        if kind == QStyle.ContentsType.CT_MenuItem and option is not None:
            found = QSize(found.width() + option.fontMetrics.horizontalAdvance("0"),
                          found.height())
        return found  # type: ignore[no-any-return]


def apply_look(app: QApplication) -> None:
    """Fusion everywhere (the same on every desk), a readable font, the desk style sheet."""
    app.setStyle(DeskStyle(QStyleFactory.create("Fusion")))
    app.setFont(base_font())
    app.setStyleSheet(stylesheet())
