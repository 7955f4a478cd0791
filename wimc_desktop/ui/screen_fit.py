"""Window sizes that fit the screen (a 1366 x 768 desk laptop, a 1024 x 700 screen), and
controls as wide as their texts in either language."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QComboBox, QHeaderView, QWidget

# What a window manager's title bar, borders and panel may take around a window.
FRAME_ROOM = QSize(40, 70)


def fitted(widget: QWidget, wanted: QSize) -> QSize:
    """`wanted`, or less on a screen whose free area (less FRAME_ROOM) is smaller; never
    below the widget's minimum size."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    room = screen.availableGeometry().size() - FRAME_ROOM
    return wanted.boundedTo(room).expandedTo(widget.minimumSize())


# A header's padding (the style sheet's 6 px each side) and its sort arrow.
HEADER_PADDING = 40


def header_text_width(header: QHeaderView, text: str) -> int:
    """The room a header label needs: its bold text, the padding and the sort arrow."""
    font = QFont(header.font())
    font.setBold(True)
    return QFontMetrics(font).horizontalAdvance(text) + HEADER_PADDING


def fit_header(header: QHeaderView) -> None:
    """Widen every section whose label would be cut (sections only ever grow)."""
    model = header.model()
    if model is None:
        return
    for section in range(header.count()):
        if header.sectionResizeMode(section) != QHeaderView.ResizeMode.Interactive:
            continue
        label = model.headerData(section, header.orientation(),
                                 Qt.ItemDataRole.DisplayRole)
        needed = header_text_width(header, str(label or ""))
        if header.sectionSize(section) < needed:
            header.resizeSection(section, needed)


def fit_to_contents(root: QWidget) -> None:
    """Every combo box under `root` as wide as its longest item, every table header as
    wide as its labels: texts switched to the other language are never cut."""
    for combo in root.findChildren(QComboBox):
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMinimumWidth(0)  # (a layout short of room squeezed it below its items)
        combo.setMinimumWidth(combo.sizeHint().width())
    for header in root.findChildren(QHeaderView):
        if header.orientation() == Qt.Orientation.Horizontal and not header.isHidden():
            fit_header(header)
