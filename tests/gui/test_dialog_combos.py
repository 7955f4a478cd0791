"""The combo boxes of the dialogs (walk-in, badges to PDF, new event, signing) are as wide
as their longest item in either language, also after a switch: no item is elided."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QComboBox, QDialog
from pytestqt.qtbot import QtBot

from tests.gui.gui_helpers import EVENT_DAY, TEST_DESK
from tests.gui.test_clipping import needed_combo_width
from wimc_desktop.db.engine import Database
from wimc_desktop.services.events import get_event
from wimc_desktop.services.signings import SigningChoices
from wimc_desktop.ui import i18n
from wimc_desktop.ui.badge_batch_dialog import BadgeBatchDialog
from wimc_desktop.ui.new_event_dialog import NewEventDialog
from wimc_desktop.ui.signing_dialog import SigningDialog
from wimc_desktop.ui.walk_in_dialog import WalkInDialog
from wimc_desktop.ui.worker import Worker

LANGUAGES = [(i18n.CHINESE, i18n.ENGLISH), (i18n.ENGLISH, i18n.CHINESE)]
IDS = ["zh-then-en", "en-then-zh"]
CHOICES = SigningChoices(ceremonies=("2020世界智能制造大会闭幕式暨重大项目签约仪式",),
                         sectors=("智能装备", "新一代信息技术与智能制造产业"),
                         locations=("江宁区", "南京经济技术开发区（栖霞区）"), days=())


@pytest.fixture(autouse=True)
def english_after(qapp: object) -> Iterator[None]:
    yield
    i18n.apply_language(i18n.ENGLISH)


def guaranteed_width(combo: QComboBox) -> int:
    """The width a layout never squeezes the combo below (a dialog dragged narrow, a small
    screen): its minimum width if set, else its minimum size hint."""
    return combo.minimumWidth() or combo.minimumSizeHint().width()


def cut_combos(dialog: QDialog) -> list[str]:
    """The combos narrower than their longest item, or that a layout may squeeze below it
    (with the items and widths)."""
    combos = [c for c in dialog.findChildren(QComboBox) if c.isVisibleTo(dialog) and c.count()]
    assert combos, "no combo box to check"
    return [f"{[c.itemText(i) for i in range(c.count())]}: {c.width()} / "
            f"{guaranteed_width(c)} < {needed_combo_width(c)}"
            for c in combos if min(c.width(), guaranteed_width(c)) < needed_combo_width(c)]


def _show(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(20)


@pytest.mark.usefixtures("desk_look")
@pytest.mark.parametrize(("first", "then"), LANGUAGES, ids=IDS)
@pytest.mark.parametrize("kind", ["walk_in", "new_event"])
def test_combos_of_the_dialogs_that_follow_the_language(
        qtbot: QtBot, worker: Worker, event_db: Database, kind: str, first: str,
        then: str) -> None:
    i18n.apply_language(first)
    make: dict[str, Callable[[], QDialog]] = {
        "walk_in": lambda: WalkInDialog(worker, event_db, get_event(event_db), EVENT_DAY,
                                        TEST_DESK),
        "new_event": NewEventDialog,
    }
    dialog = make[kind]()
    _show(qtbot, dialog)
    assert not cut_combos(dialog), (first, cut_combos(dialog))
    i18n.apply_language(then)
    qtbot.wait(50)
    assert not cut_combos(dialog), (then, cut_combos(dialog))


@pytest.mark.usefixtures("desk_look")
@pytest.mark.parametrize("language", [i18n.CHINESE, i18n.ENGLISH])
@pytest.mark.parametrize("kind", ["badge_batch", "signing"])
def test_combos_of_the_dialogs_made_in_a_language(
        qtbot: QtBot, worker: Worker, event_db: Database, kind: str, language: str) -> None:
    i18n.apply_language(language)
    make: dict[str, Callable[[], QDialog]] = {
        "badge_batch": lambda: BadgeBatchDialog(get_event(event_db), "hanging"),
        "signing": lambda: SigningDialog(worker, event_db, "Asia/Shanghai", CHOICES),
    }
    dialog = make[kind]()
    _show(qtbot, dialog)
    assert not cut_combos(dialog), (language, cut_combos(dialog))
