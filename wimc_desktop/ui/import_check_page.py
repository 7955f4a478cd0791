"""Import wizard, step 3: a dry run says what the import would do, or lists the problems."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWizard, QWizardPage

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.errors import DeskError, ImportRejectedError
from wimc_desktop.domain.models import ImportReport
from wimc_desktop.services.importing import import_file
from wimc_desktop.ui import messages
from wimc_desktop.ui.error_texts import error_text
from wimc_desktop.ui.i18n import count_text
from wimc_desktop.ui.import_choices import ImportChoices
from wimc_desktop.ui.problems_view import ProblemsView
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.worker import Task, Worker


def summary_text(report: ImportReport) -> str:
    """"120 rows: 118 new guests, 2 updated, 0 unchanged" in the interface language."""
    text = QCoreApplication.translate("ImportSummary",
                                      "%1 rows: %2 new guests, %3 updated, %4 unchanged.")
    return (text
            .replace("%1", count_text(report.total_rows)).replace("%2", count_text(report.added))
            .replace("%3", count_text(report.updated))
            .replace("%4", count_text(report.unchanged)))


class ImportCheckPage(Retranslating, QWizardPage):
    """Runs import_file(dry_run=True) on the worker; only a clean file may go on."""

    dry_run_passed = Signal(object)
    problems_found = Signal(list)
    check_failed = Signal(object)

    def __init__(self, choices: ImportChoices, worker: Worker, db: Database) -> None:
        super().__init__()
        self._choices, self._worker, self._db = choices, worker, db
        self._task: Task | None = None
        self._generation = 0
        self.report: ImportReport | None = None
        self.progress = QProgressBar()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("summary")
        self.problems = ProblemsView()
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addStretch(0)
        self.setCommitPage(True)
        self.retranslate_ui()

    def initializePage(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self.report = None
        self.problems.hide()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.summary.setText(self.tr("Checking every row…"))
        self.completeChanged.emit()
        self._generation += 1
        generation = self._generation
        path, options, db = self._choices.path, self._choices.reading_options(), self._db
        self._task = self._worker.submit(
            lambda t: import_file(db, path, dry_run=True, progress=t.report_progress,
                                  is_cancelled=t.is_cancelled, **options),
            on_success=lambda report: self._on_task_succeeded(generation, report),
            on_failure=lambda exc: self._on_task_failed(generation, exc),
            on_progress=self._on_task_progressed, with_task=True, context=self)

    def cleanupPage(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self._generation += 1

    def _on_task_progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_task_succeeded(self, generation: int, report: ImportReport) -> None:
        if generation != self._generation:
            return
        self._task = None
        self.report = report
        self.progress.hide()
        self.summary.setText(self.tr("The file is clean. Importing it will do this:") + "\n"
                             + summary_text(report))
        self.completeChanged.emit()
        self.dry_run_passed.emit(report)

    def _on_task_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._task = None
        self.progress.hide()
        if isinstance(exc, ImportRejectedError):
            self.summary.setText(self.tr(
                "Problems found: %1. Nothing will be imported: correct the file (or the "
                "column choices) and check it again.").replace("%1", count_text(len(exc.problems))))
            self.problems.show_problems(exc.problems)
            self.problems.show()
            self.problems_found.emit(exc.problems)
            return
        self.summary.setText(self.tr("This file cannot be imported: %1")
                             .replace("%1", error_text(exc)))
        self.check_failed.emit(exc)
        if not isinstance(exc, DeskError):
            messages.show_bug(self, exc)

    def isComplete(self) -> bool:
        return self.report is not None

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Check every row"))
        self.setSubTitle(self.tr("A dry run: the whole file is checked, nothing is written."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        if self.report is not None:
            self.summary.setText(summary_text(self.report))
