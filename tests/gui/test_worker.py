"""The background worker: results, errors and progress arrive by signal on the GUI thread."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from wimc_desktop.domain.errors import BadInputError
from wimc_desktop.ui.worker import Task, Worker


def test_result_arrives_on_the_gui_thread(qtbot: QtBot, worker: Worker) -> None:
    ran_on: list[threading.Thread] = []
    delivered_on: list[threading.Thread] = []

    def work() -> int:
        ran_on.append(threading.current_thread())
        return 42

    task = worker.submit(work, on_success=lambda _r: delivered_on.append(
        threading.current_thread()))
    with qtbot.waitSignal(task.succeeded) as blocker:
        pass
    assert blocker.args == [42]
    assert ran_on[0] is not threading.main_thread()
    assert delivered_on == [threading.main_thread()]


def test_error_arrives_as_failed(qtbot: QtBot, worker: Worker) -> None:
    def work() -> None:
        raise BadInputError("no such file")

    with qtbot.waitSignal(worker.task_failed) as blocker:
        worker.submit(work)
    assert isinstance(blocker.args[0], BadInputError)


def test_handled_error_is_not_reported_again(qtbot: QtBot, worker: Worker) -> None:
    seen: list[Exception] = []
    with qtbot.assertNotEmitted(worker.task_failed), qtbot.waitSignal(worker.went_idle):
        worker.submit(lambda: 1 / 0, on_failure=seen.append)
    assert isinstance(seen[0], ZeroDivisionError)


def test_tasks_run_one_at_a_time_in_order(qtbot: QtBot, worker: Worker) -> None:
    order: list[int] = []
    threads: set[int] = set()

    def job(n: int) -> int:
        threads.add(threading.get_ident())
        order.append(n)
        return n

    with qtbot.waitSignal(worker.went_idle):
        for n in range(20):
            worker.submit(lambda n=n: job(n))
    assert order == list(range(20))
    assert len(threads) == 1


def test_the_desks_admissions_go_before_the_reads_queued(qtbot: QtBot,
                                                         worker: Worker) -> None:
    """A scan waits for the task running, not for the refreshes queued behind it; the
    desk's admissions and undos keep their own order (an undo, then the same guest's
    scan)."""
    order: list[str] = []
    running = threading.Event()
    release = threading.Event()

    def first() -> None:
        running.set()
        release.wait(5)
        order.append("running")

    with qtbot.waitSignal(worker.went_idle):
        worker.submit(first)
        assert running.wait(5)
        for n in range(5):
            worker.submit(lambda n=n: order.append(f"read {n}"))
        worker.submit(lambda: order.append("undo"), at_desk=True)
        worker.submit(lambda: order.append("scan"), at_desk=True)
        release.set()
    assert order == ["running", "undo", "scan", *(f"read {n}" for n in range(5))]


def test_progress_and_cancel(qtbot: QtBot, worker: Worker) -> None:
    started = threading.Event()
    progress: list[tuple[int, int]] = []

    def work(task: Task) -> str:
        task.report_progress(0, 10)
        started.set()
        while not task.is_cancelled():
            threading.Event().wait(0.001)
        task.report_progress(10, 10)
        return "stopped"

    task = worker.submit(work, with_task=True, on_progress=lambda d, t: progress.append((d, t)))
    assert started.wait(5)
    task.cancel()
    with qtbot.waitSignal(task.succeeded) as blocker:
        pass
    assert blocker.args == ["stopped"]
    assert progress[0] == (0, 10)
    assert progress[-1] == (10, 10)


def test_shutdown_waits_for_the_running_task(worker: Worker) -> None:
    started, finished = threading.Event(), threading.Event()

    def work() -> None:
        started.set()
        threading.Event().wait(0.05)
        finished.set()

    worker.submit(work)
    assert started.wait(5)
    assert worker.shutdown()
    assert finished.is_set()


def test_answer_for_a_deleted_widget_is_dropped(qtbot: QtBot, worker: Worker) -> None:
    asker = QObject()
    answers: list[object] = []
    release = threading.Event()
    task = worker.submit(lambda: release.wait(5), on_success=answers.append, context=asker)
    shiboken6.delete(asker)
    release.set()
    with qtbot.waitSignal(task.ended):
        pass
    assert answers == []
