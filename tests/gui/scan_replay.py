"""Replaying a handheld scanner and a person's typing through the window system's path.

QTest's keys sent to a QWindow go where a real keyboard's go: the shortcut map, then
the window (where the application's scanner filter looks at them), then its focus
widget. The filter's clock is a FakeClock, so "5 ms apart" does not depend on how busy
the test machine is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

SCANNER_GAP_MS = 5
TYPIST_GAP_MS = 160


class FakeClock:
    """The scanner filter's clock: milliseconds that only the test moves on."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self, _event: QKeyEvent) -> float:
        return self.now


def window_of(widget: QWidget) -> QWindow:
    handle = widget.window().windowHandle()
    assert handle is not None, "the widget is not shown"
    return handle


def scan_keys(clock: FakeClock, target: QWidget | QWindow, code: str,
              gap_ms: float = SCANNER_GAP_MS) -> None:
    """A scanner: every character `gap_ms` after the last one, then Enter."""
    window = target if isinstance(target, QWindow) else window_of(target)
    for char in code:
        clock.now += gap_ms
        QTest.keyClick(window, char)
    clock.now += gap_ms
    QTest.keyClick(window, Qt.Key.Key_Return)


def type_keys(clock: FakeClock, target: QWidget | QWindow, text: str,
              gap_ms: float = TYPIST_GAP_MS) -> None:
    """A person at the keyboard: a key every `gap_ms`."""
    window = target if isinstance(target, QWindow) else window_of(target)
    for char in text:
        clock.now += gap_ms
        QTest.keyClick(window, char)


def press(clock: FakeClock, target: QWidget | QWindow, key: Qt.Key,
          modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          gap_ms: float = TYPIST_GAP_MS) -> None:
    window = target if isinstance(target, QWindow) else window_of(target)
    clock.now += gap_ms
    QTest.keyClick(window, key, modifiers)
