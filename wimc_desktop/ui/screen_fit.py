"""Window sizes that fit the screen: a 1366 x 768 desk laptop must show a window whole."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

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
