"""Texts are never cut: menu items, table headers and combo boxes, in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QImage
from PySide6.QtWidgets import QComboBox, QHeaderView, QMenu
from pytestqt.qtbot import QtBot

from tests.gui.gui_helpers import add_guests
from wimc_desktop.db.engine import Database
from wimc_desktop.ui import i18n
from wimc_desktop.ui.main_window import PAGES, MainWindow
from wimc_desktop.ui.opened_event import OpenedEvent, describe
from wimc_desktop.ui.screen_fit import FRAME_ROOM
from wimc_desktop.ui.signing_table_model import PARTIES
from wimc_desktop.ui.worker import Worker

UNLIMITED = 16_777_215  # QWIDGETSIZE_MAX
SMALL_SCREEN = QSize(1024, 700)


def all_menus(window: MainWindow) -> list[QMenu]:
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    found: list[QMenu] = []
    while menus:
        menu = menus.pop()
        found.append(menu)
        menus += [a.menu() for a in menu.actions() if a.menu() is not None]
    return found


def _grab(menu: QMenu, width: int) -> QImage:
    menu.setFixedWidth(width)
    image = menu.grab().toImage()
    menu.setMinimumWidth(0)
    menu.setMaximumWidth(UNLIMITED)
    return image


def elided_items(menu: QMenu) -> list[str]:
    """The items whose text Qt's style draws differently with more room: cut ones."""
    menu.adjustSize()
    natural = menu.sizeHint().width()  # (measured once: a menu once wider stays so)
    tight, roomy = _grab(menu, natural), _grab(menu, natural + 120)
    # The shortcuts' column (and the submenu arrows) move right with more room: left out.
    shortcuts = [menu.fontMetrics().horizontalAdvance(a.shortcut().toString())
                 for a in menu.actions()]
    room = max(shortcuts, default=0) + 30
    cut = []
    for action in menu.actions():
        if action.isSeparator() or not action.text():
            continue
        row = menu.actionGeometry(action)
        area = QRect(0, row.y(), natural - room, row.height())
        if tight.copy(area) != roomy.copy(area):
            cut.append(action.text())
    return cut


@pytest.mark.usefixtures("desk_look")
@pytest.mark.parametrize("language", [i18n.CHINESE, i18n.ENGLISH])
def test_no_menu_item_is_cut(qtbot: QtBot, worker: object, opened: OpenedEvent,
                             language: str) -> None:
    i18n.apply_language(language)
    window = MainWindow(worker, opened)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    menus = all_menus(window)
    assert len(menus) >= 6
    for menu in menus:
        cut = elided_items(menu)
        assert not cut, (menu.title(), cut)


def needed_combo_width(combo: QComboBox) -> int:
    """What a combo with these items needs, sized to its contents by the same style."""
    twin = QComboBox()
    twin.setFont(combo.font())
    twin.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    twin.addItems([combo.itemText(i) for i in range(combo.count())])
    width = twin.sizeHint().width()
    twin.deleteLater()
    return width


def cut_headers(header: QHeaderView) -> list[str]:
    font = QFont(header.font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    cut = []
    for section in range(header.count()):
        if header.isSectionHidden(section) or \
                header.sectionResizeMode(section) != QHeaderView.ResizeMode.Interactive:
            continue
        label = str(header.model().headerData(section, Qt.Orientation.Horizontal) or "")
        if header.sectionSize(section) < metrics.horizontalAdvance(label) + 12:
            cut.append(label)
    return cut


@pytest.mark.usefixtures("desk_look")
@pytest.mark.parametrize(("first", "then"), [(i18n.CHINESE, i18n.ENGLISH),
                                             (i18n.ENGLISH, i18n.CHINESE)],
                         ids=["zh-then-en", "en-then-zh"])
def test_combos_and_headers_fit_their_texts_after_a_language_switch(
        qtbot: QtBot, worker: Worker, event_db: Database, first: str, then: str) -> None:
    add_guests(event_db, 20)
    i18n.apply_language(first)
    window = MainWindow(worker, describe(event_db))
    qtbot.addWidget(window)
    window.resize(1280, 740)
    with qtbot.waitSignal(window.guests_page.model.guests_loaded):
        window.show()
    for name in PAGES:  # every page laid out once, in the first language
        window.select_page(name)
        qtbot.wait(10)
    i18n.apply_language(then)
    qtbot.waitUntil(lambda: window.nav.item(1).text() == ("Guests" if then == i18n.ENGLISH
                                                          else "嘉宾名单"))
    qtbot.wait(50)
    for size in (QSize(1280, 740), SMALL_SCREEN - FRAME_ROOM):
        window.resize(size)
        for name in PAGES:
            window.select_page(name)
            page = window.pages.currentWidget()
            qtbot.wait(20)
            for combo in page.findChildren(QComboBox):
                if combo.isVisibleTo(page) and combo.count():
                    assert combo.width() >= needed_combo_width(combo), (
                        size, name, combo.currentText())
            for header in page.findChildren(QHeaderView):
                if header.orientation() == Qt.Orientation.Horizontal and \
                        header.isVisibleTo(page):
                    assert not cut_headers(header), (name, cut_headers(header))
    parties = window.signings_page.table.horizontalHeader().sectionSize(PARTIES)
    assert parties >= 200, "the parties column was squeezed"
    qtbot.waitUntil(lambda: worker.pending == 0)
