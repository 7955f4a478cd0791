"""Building the demo event reports how far it is, stage by stage, for the first start's window."""

from __future__ import annotations

from pathlib import Path

from wimc_desktop.services.demo import (
    DemoStage,
    create_demo_event,
    demo_guests,
    demo_stage,
    demo_steps,
)
from wimc_desktop.services.guests import count_guests
from wimc_desktop.services.signings import list_signings


def test_the_demo_build_reports_every_stage_in_order_and_ends_complete(tmp_path: Path) -> None:
    count = 600
    reports: list[tuple[int, int]] = []
    db = create_demo_event(tmp_path / "demo.wimc", count, progress=lambda d, t: reports.append(
        (d, t)))
    try:
        assert count_guests(db) == count
        assert len(list_signings(db)) == 30
    finally:
        db.dispose()
    total = demo_steps(count)
    assert {t for _, t in reports} == {total}
    done = [d for d, _ in reports]
    assert done == sorted(done) and done[-1] == total
    stages = [demo_stage(d, count) for d in done]
    assert list(dict.fromkeys(stages)) == [DemoStage.MAKING_GUESTS, DemoStage.WRITING_GUESTS,
                                           DemoStage.FINISHING]
    assert sum(s is DemoStage.MAKING_GUESTS for s in stages) >= 2  # not one jump to the end
    assert 2 * count in done  # every guest written before the last step


def test_reporting_progress_does_not_change_the_guest_list() -> None:
    made: list[int] = []
    assert demo_guests(700, progress=lambda m, c: made.append(m)) == demo_guests(700)
    assert made and made == sorted(made) and made[-1] <= 700
