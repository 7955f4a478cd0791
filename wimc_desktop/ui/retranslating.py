"""A mixin for widgets whose texts follow the application's language when it changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent


class Retranslating:
    """Calls ``retranslate_ui()`` on a language change. Put it before the Qt base class:
    ``class GuestsPage(Retranslating, QWidget)``."""

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        base: Any = super()
        base.changeEvent(event)
