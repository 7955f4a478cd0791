"""Import wizard, step 4: the import itself, with progress and Cancel, then its summary."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.errors import DeskError, ImportCancelledError, ImportRejectedError
from wimc_desktop.domain.models import ImportReport
from wimc_desktop.services.importing import import_file
from wimc_desktop.services.importing.storage import IndexNotSavedError
from wimc_desktop.ui import messages
from wimc_desktop.ui.error_texts import error_text
from wimc_desktop.ui.i18n import count_text
from wimc_desktop.ui.import_check_page import summary_text
from wimc_desktop.ui.import_choices import ImportChoices
from wimc_desktop.ui.problems_view import ProblemsView
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.worker import Task, Worker


class ImportRunPage(Retranslating, QWizardPage):
    """Runs import_file on the worker; the window stays responsive and Cancel works."""

    import_finished = Signal(object)
    import_cancelled = Signal()
    import_failed = Signal(object)

    def __init__(self, choices: ImportChoices, worker: Worker, db: Database) -> None:
        super().__init__()
        self._choices, self._worker, self._db = choices, worker, db
        self._task: Task | None = None
        self.report: ImportReport | None = None
        self.progress = QProgressBar()
        self.cancel_button = QPushButton()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("summary")
        self.problems = ProblemsView()
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        # The problems list takes the page when it is shown; otherwise the stretch below
        # keeps the summary under the progress bar instead of in the middle of the page.
        layout.addWidget(self.problems, 100)
        layout.addStretch(1)
        self._connect_signals()
        self.retranslate_ui()

    def _connect_signals(self) -> None:
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)

    @property
    def is_running(self) -> bool:
        return self._task is not None

    def initializePage(self) -> None:
        self.problems.hide()
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.summary.setText(self.tr("Importing…"))
        path, options, db = self._choices.path, self._choices.import_options(), self._db
        self._task = self._worker.submit(
            lambda t: import_file(db, path, progress=t.report_progress,
                                  is_cancelled=t.is_cancelled, **options),
            on_success=self._on_task_succeeded, on_failure=self._on_task_failed,
            on_progress=self._on_task_progressed, with_task=True, context=self)
        self.completeChanged.emit()

    def cancel(self) -> None:
        """Ask the import to stop; nothing is written when it stops before its commit."""
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.summary.setText(self.tr("Cancelling…"))

    def _on_cancel_button_clicked(self) -> None:
        self.cancel()

    def _on_task_progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.summary.setText(self.tr("Importing… %1 of %Ln rows", "", total)
                             .replace("%1", count_text(done)))

    def _end(self) -> None:
        self._task = None
        self.cancel_button.setEnabled(False)
        self.completeChanged.emit()

    def _on_task_succeeded(self, report: ImportReport) -> None:
        self.report = report
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.summary.setText(self.tr("Done. The guest list is imported.") + "\n"
                             + summary_text(report))
        self._end()
        wizard = self.wizard()
        if wizard is not None:  # written: nothing is left to cancel, Finish closes
            wizard.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.import_finished.emit(report)

    def _on_task_failed(self, exc: Exception) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(exc, ImportCancelledError):
            self.summary.setText(self.tr("Import cancelled. Nothing was imported."))
            self._end()
            self.import_cancelled.emit()
            return
        if isinstance(exc, IndexNotSavedError):  # the guests are in: say so, then the rest
            self._on_task_succeeded(exc.report)
            self.summary.setText(self.summary.text() + "\n" + error_text(exc))
            return
        if isinstance(exc, ImportRejectedError):
            self.problems.show_problems(exc.problems)
            self.problems.show()
        self.summary.setText(self.tr("Nothing was imported: %1").replace("%1", error_text(exc)))
        self._end()
        self.import_failed.emit(exc)
        if not isinstance(exc, DeskError):
            messages.show_bug(self, exc)

    def isComplete(self) -> bool:
        return self._task is None

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("All rows are written in one go: a cancelled import leaves "
                                 "the guest list as it was."))
        self.cancel_button.setText(self.tr("Cancel import"))
        if self.report is not None:
            self.summary.setText(summary_text(self.report))
