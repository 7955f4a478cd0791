"""The one background worker: database work runs off the GUI thread, answers come by signal."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

# Progress reports closer together than this are dropped (the last one always goes through):
# an import reports thousands of times, the GUI needs a few per second.
PROGRESS_INTERVAL_S = 0.05


class Task(QObject):
    """One callable on its way through the worker; its public signals arrive on the GUI thread.

    The callable runs on the worker thread. It must not touch widgets; it reports
    progress with report_progress() and asks is_cancelled() (both are thread-safe).
    """

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)
    ended = Signal()

    # Emitted on the worker thread; queued to the slots below on the GUI thread, so that
    # every receiver of the public signals (lambdas included) runs on the GUI thread.
    _success_posted = Signal(object)
    _failure_posted = Signal(object)
    _progress_posted = Signal(int, int)

    def __init__(self, fn: Callable[[], Any], context: QObject | None = None) -> None:
        super().__init__()
        self._fn = fn
        self._context = context
        self._cancel_requested = threading.Event()
        self._last_report = 0.0
        self.done = False
        self.long_running = False  # an import or an export: quitting asks first
        queued = Qt.ConnectionType.QueuedConnection
        self._success_posted.connect(self._on_self_success_posted, queued)
        self._failure_posted.connect(self._on_self_failure_posted, queued)
        self._progress_posted.connect(self._on_self_progress_posted, queued)

    def cancel(self) -> None:
        """Ask the callable to stop; it decides when (by asking is_cancelled())."""
        self._cancel_requested.set()

    def is_cancelled(self) -> bool:
        return self._cancel_requested.is_set()

    def report_progress(self, done: int, total: int) -> None:
        """Called by the callable on the worker thread."""
        now = time.monotonic()
        if done < total and now - self._last_report < PROGRESS_INTERVAL_S:
            return
        self._last_report = now
        self._progress_posted.emit(done, total)

    def execute(self) -> None:
        """Run the callable (on the worker thread) and post its outcome to the GUI thread."""
        try:
            result = self._fn()
        except Exception as exc:
            self._failure_posted.emit(exc)
        else:
            self._success_posted.emit(result)

    @Slot(int, int)
    def _on_self_progress_posted(self, done: int, total: int) -> None:
        if not self.done and self._context_alive():
            self.progressed.emit(done, total)

    def _context_alive(self) -> bool:
        """False once the widget or model that asked has been deleted (nobody to tell)."""
        return self._context is None or shiboken6.isValid(self._context)

    @Slot(object)
    def _on_self_success_posted(self, result: object) -> None:
        self.done = True
        if self._context_alive():
            self.succeeded.emit(result)
        self.ended.emit()

    @Slot(object)
    def _on_self_failure_posted(self, exc: object) -> None:
        self.done = True
        if self._context_alive():
            self.failed.emit(exc)
        self.ended.emit()


AT_DESK = 1  # the thread pool's priority of the desk's admissions (reads: 0)


class Worker(QObject):
    """A single-thread executor for all database work (one task at a time, in order).

    The desk's own writes of who is admitted (a scan, a guest chosen, an undo, a walk-in)
    are `at_desk`: they go before the reads waiting in the queue (the lists and counts a
    change asked again, a search), in their own order among themselves, so that a scan
    waits at most for the one task already running, not for every refresh another desk's
    admissions brought.

    Like anki's TaskManager: the GUI submits plain callables and gets their result or
    error back by signal on the GUI thread. A failure nobody handles is re-emitted as
    task_failed, which the main window shows (a known error) or logs (a bug).
    """

    task_failed = Signal(object)
    answer_delivered = Signal()  # a task's answer has been handled (its slots have run)
    went_idle = Signal()
    shutting_down = Signal()  # (what polls the database on a timer stops then)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._tasks: set[Task] = set()

    def submit(
        self,
        fn: Callable[..., Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        with_task: bool = False,
        context: QObject | None = None,
        long_running: bool = False,
        at_desk: bool = False,
    ) -> Task:
        """Queue fn (called as fn(task) when with_task, else fn()) and return its Task.

        With a context (the widget or model asking), the answer is dropped if the
        context has been deleted by the time it arrives. `at_desk`: an admission, an undo
        or a walk-in of the desk, ahead of the reads queued (see the class).
        """
        task = Task((lambda: fn(task)) if with_task else fn, context)
        task.long_running = long_running or with_task  # with_task: it reports progress
        if on_success is not None:
            task.succeeded.connect(on_success)
        task.failed.connect(on_failure if on_failure is not None else self.task_failed.emit)
        if on_progress is not None:
            task.progressed.connect(on_progress)
        task.ended.connect(lambda: self._forget(task))
        self._tasks.add(task)
        self._pool.start(task.execute, AT_DESK if at_desk else 0)
        return task

    @property
    def pending(self) -> int:
        """Tasks submitted whose answer has not been delivered yet."""
        return len(self._tasks)

    @property
    def long_work_running(self) -> bool:
        """An import or an export (a task that reports progress, or marked long) is on."""
        return any(t.long_running and not t.done for t in self._tasks)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel what can be cancelled, drop what has not started, wait for the rest."""
        self.shutting_down.emit()
        for task in self._tasks:
            task.cancel()
        self._pool.clear()
        return self._pool.waitForDone(timeout_ms)

    def _forget(self, task: Task) -> None:
        self._tasks.discard(task)
        self.answer_delivered.emit()
        if not self._tasks:
            self.went_idle.emit()
