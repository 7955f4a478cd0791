"""Starting the desk: the QApplication, its language and look, the event database, the window."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication

from wimc_desktop import APP_NAME, __version__
from wimc_desktop.domain.errors import DeskError
from wimc_desktop.paths import DEMO_GUESTS, default_db_target, needs_demo
from wimc_desktop.ui import assets, i18n, messages
from wimc_desktop.ui.main_window import MainWindow
from wimc_desktop.ui.opened_event import OpenedEvent, create_demo, open_event
from wimc_desktop.ui.settings import DeskSettings
from wimc_desktop.ui.worker import Worker

if TYPE_CHECKING:  # (the demo's modules load only on the first start, which builds it)
    from wimc_desktop.ui.demo_progress import DemoProgressDialog

log = logging.getLogger("wimc_desktop.ui")
EXIT_KNOWN_ERROR = 2
EXIT_BUG = 1
SYNC_END_S = 5.0  # at exit, the longest wait for a desk's sync to end its request



class Launcher(QObject):
    """Opens (or, the first time, creates the demo in) the event database, then the window."""

    def __init__(self, worker: Worker, db_target: str | None) -> None:
        super().__init__()
        self._worker = worker
        self._explicit = db_target is not None
        self._target = db_target if db_target is not None else default_db_target()
        self._wait: DemoProgressDialog | None = None
        self._demo_started: float | None = None
        self.window: MainWindow | None = None
        self.exit_code = 0

    def start(self) -> None:
        target = self._target
        if not self._explicit and needs_demo(target):
            self._build_demo(target, DEMO_GUESTS)
        else:
            self._worker.submit(lambda: open_event(target), on_success=self._on_opened,
                                on_failure=self._on_failed, context=self)

    def _build_demo(self, target: str, count: int) -> None:
        """The first start: the demo event, with a progress window (and a line on stderr)."""
        from wimc_desktop.ui.demo_progress import DemoProgressDialog, demo_build_started

        self._wait = DemoProgressDialog(target, count)
        self._wait.show()
        self._demo_started = demo_build_started(target, count)
        self._worker.submit(lambda task: create_demo(target, count, task.report_progress),
                            on_success=self._on_opened, on_failure=self._on_failed,
                            on_progress=self._wait.show_progress, with_task=True, context=self)

    def _close_wait(self) -> None:
        if self._wait is not None:
            self._wait.hide()
            self._wait.deleteLater()
            self._wait = None

    def _on_opened(self, opened: OpenedEvent) -> None:
        if self._demo_started is not None:
            from wimc_desktop.ui.demo_progress import demo_build_ended

            demo_build_ended(self._demo_started)
        if self._wait is not None:
            self._wait.show_opening()  # (no longer "building the search index")
        self.window = MainWindow(self._worker, opened)
        self.window.show()
        self._close_wait()
        QApplication.setQuitOnLastWindowClosed(True)

    def _on_failed(self, exc: Exception) -> None:
        self._close_wait()
        self.exit_code = EXIT_KNOWN_ERROR if isinstance(exc, DeskError) else EXIT_BUG
        what = QCoreApplication.translate("Startup", "WIMC Desk cannot open the event database.")
        messages.report_error(None, exc, what)
        QCoreApplication.exit(self.exit_code)


def make_application(argv: list[str]) -> QApplication:
    """The QApplication (or the one that already exists, as under pytest-qt)."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def run(db_target: str | None, argv: list[str]) -> int:
    """Show the desk for db_target (None: the default event file); return the exit code."""
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
        # Alembic names each migration it runs: noise on the first start's console.
        logging.getLogger("alembic").setLevel(logging.WARNING)
    app = make_application(argv)
    i18n.apply_language(DeskSettings().language)
    assets.apply_look(app)
    app.setWindowIcon(assets.icon("app"))
    messages.install_excepthook()
    # Until the window is up, closing the wait dialog or an error box must not end the app
    # with exit code 0 behind the launcher's back.
    app.setQuitOnLastWindowClosed(False)
    worker = Worker()
    launcher = Launcher(worker, db_target)
    launcher.start()
    code = app.exec()
    worker.shutdown()
    if launcher.window is not None:
        # (the window is gone: a sync still ending its request to the hub is let finish,
        # not cut inside a write to the desk file)
        launcher.window.desk_sync.wait_stopped(SYNC_END_S)
        launcher.window.opened.db.dispose()
    log.info("WIMC Desk exits with code %s", code)
    return code
