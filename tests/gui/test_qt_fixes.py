"""The work-around for PySide6 6.12.0's emit() refcount bug keeps True alive."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from wimc_desktop.ui import qt_fixes


class Source(QObject):
    pinged = Signal(int)


def test_many_emits_leave_the_refcount_of_true_alone() -> None:
    source = Source()
    before = sys.getrefcount(True)
    for n in range(20_000):
        source.pinged.emit(n)
    assert sys.getrefcount(True) >= before - 10
    assert not qt_fixes.emit_steals_a_bool()


def test_signal_to_signal_connections_still_work(qtbot: QtBot) -> None:
    first, second = Source(), Source()
    first.pinged.connect(second.pinged.emit)
    with qtbot.waitSignal(second.pinged) as blocker:
        first.pinged.emit(7)
    assert blocker.args == [7]
    first.pinged.disconnect(second.pinged.emit)
    with qtbot.assertNotEmitted(second.pinged, wait=10):
        first.pinged.emit(8)


def test_detecting_the_none_leak_costs_no_reference() -> None:
    before = sys.getrefcount(None)
    for _ in range(50):
        qt_fixes.binding_is_broken()
    assert abs(sys.getrefcount(None) - before) < 10
