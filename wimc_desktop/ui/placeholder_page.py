"""A page that is not built yet: its title and a short note on what will be there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    """A title and a note; the owner sets both (translated) from its retranslate_ui()."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.note = QLabel()
        self.note.setObjectName("placeholderNote")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.addWidget(self.title)
        layout.addSpacing(8)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def set_texts(self, title: str, note: str) -> None:
        self.title.setText(title)
        self.note.setText(note)
