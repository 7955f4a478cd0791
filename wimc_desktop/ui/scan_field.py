"""The scan field: where a handheld scanner (or the operator) types a code or a name."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

from wimc_desktop.ui.scanner_filter import TAKES_SCANS

# Up/Down move the highlight in the search list by one row, PageUp/PageDown by a page.
STEPS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -5,
         Qt.Key.Key_PageDown: 5}


class ScanField(QLineEdit):
    """A line edit that keeps the keys of the desk to itself.

    The arrow keys move the highlight of the search list (the field keeps the focus),
    Ctrl+Z undoes the last admission (the field's own text undo is useless: it clears
    itself after every scan), and Escape clears it. A scanner's burst comes into it as
    typed keys (ui.scanner_filter) unless its owner says otherwise (`takes_scans`).
    """

    navigated = Signal(int)
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanField")
        self.setClearButtonEnabled(True)
        self.takes_scans = True

    @property
    def takes_scans(self) -> bool:
        return bool(self.property(TAKES_SCANS))

    @takes_scans.setter
    def takes_scans(self, value: bool) -> None:
        self.setProperty(TAKES_SCANS, value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
        elif key in STEPS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.navigated.emit(STEPS[key])
        elif key == Qt.Key.Key_Escape and self.text():
            self.clear()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
