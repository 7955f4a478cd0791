"""WhenShown: a page's refresh at once while it is shown, else once when it is shown next."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from wimc_desktop.ui.change_hub import SLOW_REFRESH_MS, WhenShown


def page(qtbot: QtBot, *, slow: bool = False) -> tuple[QWidget, WhenShown, list[int]]:
    widget = QWidget()
    qtbot.addWidget(widget)
    refreshes: list[int] = []
    return widget, WhenShown(widget, lambda: refreshes.append(1), slow=slow), refreshes


def test_a_shown_page_refreshes_at_once(qtbot: QtBot) -> None:
    widget, when_shown, refreshes = page(qtbot)
    widget.show()
    when_shown.request()
    when_shown.request()
    assert refreshes == [1, 1] and not when_shown.stale


def test_a_hidden_page_refreshes_once_when_shown(qtbot: QtBot) -> None:
    widget, when_shown, refreshes = page(qtbot)
    when_shown.request()
    when_shown.request()
    assert refreshes == [] and when_shown.stale  # hidden: nothing read
    widget.show()
    assert refreshes == [1] and not when_shown.stale
    widget.hide()
    widget.show()  # nothing came meanwhile: nothing read
    assert refreshes == [1]


def test_fresh_and_stale_said_by_the_page(qtbot: QtBot) -> None:
    widget, when_shown, refreshes = page(qtbot)
    when_shown.request()
    when_shown.mark_fresh()  # the page read by other means (a new day) while hidden
    widget.show()
    assert refreshes == []
    widget.hide()
    when_shown.mark_stale()  # (a read failed, say)
    widget.show()
    assert refreshes == [1]


def test_a_slow_page_refreshes_at_most_once_a_second_while_shown(qtbot: QtBot) -> None:
    widget, when_shown, refreshes = page(qtbot, slow=True)
    widget.show()
    when_shown.request()
    when_shown.request()
    when_shown.request()
    assert refreshes == [1]  # the first at once, the rest after the pause, as one
    qtbot.waitUntil(lambda: refreshes == [1, 1], timeout=3 * SLOW_REFRESH_MS)
    qtbot.wait(SLOW_REFRESH_MS + 200)
    assert refreshes == [1, 1]
    widget.hide()
    when_shown.request()
    widget.show()  # shown: read at once, whatever the pause
    assert refreshes == [1, 1, 1]


def test_the_refresh_comes_before_the_page_s_own_show_event(qtbot: QtBot) -> None:
    """(The check-in page returns the focus in its showEvent, after the lists are asked.)"""
    order: list[str] = []

    class Page(QWidget):
        def showEvent(self, event: object) -> None:
            order.append("showEvent")

    widget = Page()
    qtbot.addWidget(widget)
    when_shown = WhenShown(widget, lambda: order.append("refresh"))
    when_shown.request()
    widget.show()
    assert order == ["refresh", "showEvent"]
