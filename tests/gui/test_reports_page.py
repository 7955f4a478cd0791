"""The Reports page: the day's figures, the hourly chart, and exports with Cancel."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.gui.gui_helpers import EVENT_DAY, add_guests, guest_records
from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import Desk, Method
from wimc_desktop.render.report_pdf import report_pdf_bytes
from wimc_desktop.services import report_exports
from wimc_desktop.services.checkin import check_in
from wimc_desktop.services.events import get_event
from wimc_desktop.ui import i18n
from wimc_desktop.ui.reports_page import ReportsPage
from wimc_desktop.ui.worker import Worker

DESKS = (Desk("Desk 1", "Wang Fang"), Desk("Desk 2", "Zhao Lei"))


def at(hour: int, minute: int = 0) -> dt.datetime:
    """A moment of the event day, local hour (Asia/Shanghai, UTC+8)."""
    return dt.datetime(2020, 11, 26, hour - 8, minute, tzinfo=dt.UTC)


@pytest.fixture
def checked_in(event_db: Database) -> Database:
    """40 guests; 9 admitted on 26 Nov (3 at 09h, 5 at 10h, 1 at 14h, at two desks), one twice,
    and one of them admitted on 27 Nov too."""
    add_guests(event_db, 40)
    codes = [r["badge_code"] for r in guest_records(40)]
    hours = (9, 9, 9, 10, 10, 10, 10, 10, 14)
    for n, hour in enumerate(hours):
        check_in(event_db, codes[n], day=EVENT_DAY, desk=DESKS[n % 2], now=at(hour, n))
    check_in(event_db, codes[0], day=EVENT_DAY, desk=DESKS[1], now=at(15))  # refused: twice
    check_in(event_db, codes[1], day=EVENT_DAY + dt.timedelta(days=1), desk=DESKS[0],
             method=Method.SCAN, now=at(9) + dt.timedelta(days=1))
    return event_db


def open_page(qtbot: QtBot, worker: Worker, db: Database, day: dt.date) -> ReportsPage:
    page = ReportsPage(worker)
    qtbot.addWidget(page)
    page.set_database(db, get_event(db))
    with qtbot.waitSignal(page.report_shown, timeout=10_000):
        page.set_day(day) if page.day != day else page.refresh()
    return page


def test_page_shows_the_figures_and_the_hourly_bars(qtbot: QtBot, worker: Worker,
                                                    checked_in: Database) -> None:
    page = open_page(qtbot, worker, checked_in, EVENT_DAY)
    assert page.figure_labels["admitted"].text() == "9"
    assert page.figure_labels["first_arrivals"].text() == "9"
    assert page.figure_labels["walk_ins"].text() == "0"
    assert page.figure_labels["registered"].text() == "40"
    bars = dict(page.chart.bars)
    assert (bars["09"], bars["10"], bars["14"], bars["12"]) == (3, 5, 1, 0)
    assert sum(bars.values()) == 9
    text = page.details.toPlainText()
    assert "Desk 1" in text and "Zhao Lei" in text and "Already checked in" in text


def test_second_day_counts_returning_guests(qtbot: QtBot, worker: Worker,
                                            checked_in: Database) -> None:
    page = open_page(qtbot, worker, checked_in, EVENT_DAY + dt.timedelta(days=1))
    assert page.figure_labels["admitted"].text() == "1"
    assert page.figure_labels["first_arrivals"].text() == "0"
    assert page.figure_labels["returning"].text() == "1"
    assert dict(page.chart.bars)["09"] == 1


def test_export_xlsx_through_the_page(qtbot: QtBot, worker: Worker, checked_in: Database,
                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_page(qtbot, worker, checked_in, EVENT_DAY)
    target = tmp_path / "report.xlsx"
    panel = page.export_panel
    monkeypatch.setattr(panel, "choose_path", lambda fmt, suggested: str(target))
    assert panel.chosen_format == "xlsx" and not panel.full_pii_check.isChecked()
    with qtbot.waitSignal(panel.export_finished, timeout=30_000) as blocker:
        panel.export_button.click()
    assert blocker.args[0].path == target
    assert target.is_file() and target.stat().st_size > 0


def test_cancelled_export_leaves_no_file(qtbot: QtBot, worker: Worker, checked_in: Database,
                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_page(qtbot, worker, checked_in, EVENT_DAY)
    target = tmp_path / "report.csv"
    panel = page.export_panel
    panel.format_combo.setCurrentIndex(panel.format_combo.findData("csv"))
    monkeypatch.setattr(panel, "choose_path", lambda fmt, suggested: str(target))
    # Cancel as soon as the export reports its first progress (it is then on the worker).
    real = report_exports.export_report

    def export_and_cancel(*args: object, **kwargs: object) -> object:
        panel_task = panel._task
        assert panel_task is not None
        panel_task.cancel()
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(report_exports, "export_report", export_and_cancel)
    with qtbot.waitSignal(panel.export_cancelled, timeout=30_000):
        panel.export_button.click()
    assert not target.exists()
    assert not panel.is_running and "cancelled" in panel.status.text()


def test_cancel_button_asks_the_task_to_stop(qtbot: QtBot, worker: Worker,
                                             checked_in: Database, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_page(qtbot, worker, checked_in, EVENT_DAY)
    panel = page.export_panel
    target = tmp_path / "report.xlsx"
    monkeypatch.setattr(panel, "choose_path", lambda fmt, suggested: str(target))
    gate = threading.Event()
    worker.submit(lambda: gate.wait(10))  # holds the export in the queue until Cancel
    panel.export_button.click()
    assert panel.is_running and panel.cancel_button.isEnabled()
    with qtbot.waitSignal(panel.export_cancelled, timeout=30_000):
        panel.cancel_button.click()
        gate.set()
    assert not target.exists()


def test_page_follows_the_language(qtbot: QtBot, worker: Worker, checked_in: Database) -> None:
    page = open_page(qtbot, worker, checked_in, EVENT_DAY)
    i18n.apply_language(i18n.CHINESE)  # LanguageChange is posted: wait for it
    qtbot.waitUntil(lambda: page.figure_titles["admitted"].text() == "当日到场")
    assert "按签到台" in page.details.toPlainText()
    assert page.day_combo.currentData() == EVENT_DAY.isoformat()


def test_counts_are_written_as_the_status_bar_writes_them(qtbot: QtBot, worker: Worker,
                                                          event_db: Database) -> None:
    add_guests(event_db, 1200)
    page = open_page(qtbot, worker, event_db, EVENT_DAY)
    assert page.figure_labels["registered"].text() == "1,200"
    assert "Registered: 1,200 (on site" in page.details.toPlainText()
    i18n.apply_language(i18n.CHINESE)
    with qtbot.waitSignal(page.report_shown, timeout=10_000):
        page.refresh()
    assert page.figure_labels["registered"].text() == "1,200"
    assert "报名：1,200 人" in page.details.toPlainText()


def test_the_saved_note_follows_the_language(qtbot: QtBot, worker: Worker,
                                             checked_in: Database, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Exported in Chinese, then switched to English: the note no longer says 已保存."""
    i18n.apply_language(i18n.CHINESE)
    page = open_page(qtbot, worker, checked_in, EVENT_DAY)
    target = tmp_path / "report.csv"
    panel = page.export_panel
    monkeypatch.setattr(panel, "choose_path", lambda fmt, suggested: str(target))
    panel.format_combo.setCurrentIndex(panel.format_combo.findData("csv"))
    with qtbot.waitSignal(panel.export_finished, timeout=30_000):
        panel.export_button.click()
    assert panel.status.text() == f"已保存 {target}"
    i18n.apply_language(i18n.ENGLISH)
    qtbot.waitUntil(lambda: panel.export_button.text() == "Export…")  # LanguageChange in
    assert panel.status.text() == f"Saved {target}"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_rates_read_the_same_on_the_page_and_in_the_pdf(qtbot: QtBot, worker: Worker,
                                                        checked_in: Database,
                                                        tmp_path: Path) -> None:
    page = open_page(qtbot, worker, checked_in, EVENT_DAY)
    on_screen = re.findall(r"\d+(?:\.\d+)?%", page.details.toPlainText())
    assert len(on_screen) >= 8  # one per category
    path = tmp_path / "day.pdf"
    report_exports.export_report(checked_in, EVENT_DAY, "pdf", path, lang="en",
                                 paint_pdf=report_pdf_bytes)
    in_pdf = re.findall(r"\d+(?:\.\d+)?%", subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
        check=True).stdout)
    assert on_screen and set(on_screen) <= set(in_pdf), (on_screen, in_pdf)
    assert "40.0%" in on_screen  # 2 of 5 guests of a category, one decimal as in the PDF


def test_a_narrow_page_keeps_the_words_of_its_tables_whole(qtbot: QtBot, worker: Worker,
                                                           checked_in: Database) -> None:
    """At 1024 px the details pane is narrow: its tables scroll sideways rather than
    break "Registered" into "Register / ed"."""
    page = open_page(qtbot, worker, checked_in, EVENT_DAY)
    page.resize(780, 600)
    page.show()
    page.details.resize(300, 400)
    qtbot.waitUntil(lambda: page.details.document().size().width() > 0)
    page.details.document().setTextWidth(page.details.viewport().width())
    qtbot.wait(20)
    assert page.details.horizontalScrollBar().maximum() > 0
