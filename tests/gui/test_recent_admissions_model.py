"""The recent admissions model: a new admission is inserted on top, not the list reset."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QApplication

from tests.gui.gui_helpers import EVENT_DAY
from wimc_desktop.domain.checkin import CheckInRecord, CheckInResult, Outcome
from wimc_desktop.ui.recent_admissions_model import RecentAdmissionsModel


def admission(n: int) -> CheckInResult:
    at = dt.datetime(2020, 11, 26, 1, n, tzinfo=dt.UTC)
    record = CheckInRecord(f"c{n}", f"g{n}", EVENT_DAY, at, "Desk 3", "Li", "scan")
    return CheckInResult(Outcome.ADMITTED, f"T-{n:06d}", EVENT_DAY, checkin=record)


def watched(model: RecentAdmissionsModel) -> list[str]:
    said: list[str] = []
    model.modelReset.connect(lambda: said.append("reset"))
    model.rowsInserted.connect(lambda _p, first, last: said.append(f"inserted {first}-{last}"))
    model.rowsRemoved.connect(lambda _p, first, last: said.append(f"removed {first}-{last}"))
    return said


def codes(model: RecentAdmissionsModel) -> list[str]:
    return [str(model.index(row, 3).data()) for row in range(model.rowCount())]


def test_a_new_admission_is_inserted_on_top(qapp: QApplication) -> None:
    model = RecentAdmissionsModel()
    model.set_results([admission(n) for n in (3, 2, 1)])
    said = watched(model)
    model.set_results([admission(n) for n in (4, 3, 2, 1)])
    assert said == ["inserted 0-0"]
    assert codes(model) == ["T-000004", "T-000003", "T-000002", "T-000001"]


def test_the_oldest_leaves_the_end_of_a_full_list(qapp: QApplication) -> None:
    model = RecentAdmissionsModel()
    model.set_results([admission(n) for n in (3, 2, 1)])
    said = watched(model)
    model.set_results([admission(n) for n in (5, 4, 3)])
    assert said == ["inserted 0-1", "removed 3-4"]
    assert codes(model) == ["T-000005", "T-000004", "T-000003"]


def test_another_list_is_a_reset(qapp: QApplication) -> None:
    model = RecentAdmissionsModel()
    model.set_results([admission(n) for n in (3, 2, 1)])
    said = watched(model)
    model.set_results([admission(n) for n in (3, 1)])  # (2 was undone)
    assert said == ["reset"]
    assert codes(model) == ["T-000003", "T-000001"]
    model.set_results([admission(n) for n in (3, 1)])  # the same again: nothing to tell
    assert said == ["reset"]
