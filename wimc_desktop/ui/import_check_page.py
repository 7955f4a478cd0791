"""Import wizard, step 3: a dry run says what the import would do, or lists the problems."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QProgressBar, QVBoxLayout, QWizard, QWizardPage

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.errors import DeskError, ImportProblem, ImportRejectedError
from wimc_desktop.domain.models import ImportReport
from wimc_desktop.domain.problems import Reason
from wimc_desktop.services.importing import import_file
from wimc_desktop.ui import messages
from wimc_desktop.ui.error_texts import error_text
from wimc_desktop.ui.i18n import count_text
from wimc_desktop.ui.import_choices import ImportChoices
from wimc_desktop.ui.problems_view import ProblemsView
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.worker import Task, Worker


class ImportSummary(QObject):
    """The translation context of an import's summary (a QObject, so that its count is a
    plural form lupdate knows: "1 row", "5,300 rows")."""

    def text(self, report: ImportReport) -> str:
        return (self.tr("%1: %2, %3 updated, %4 unchanged.")
                .replace("%1", self.tr("%Ln rows", "", report.total_rows))
                .replace("%2", self.tr("%Ln new guests", "", report.added))
                .replace("%3", count_text(report.updated))
                .replace("%4", count_text(report.unchanged)))


def summary_text(report: ImportReport) -> str:
    """"120 rows: 118 new guests, 2 updated, 0 unchanged" in the interface language (and
    the badge codes replaced, if any)."""
    text = ImportSummary().text(report)
    if report.badge_codes_replaced:
        text += "\n" + QCoreApplication.translate(
            "ImportSummary", "Badge codes replaced: %1 (the old badges are revoked, as in a "
            "reissue).").replace("%1", count_text(report.badge_codes_replaced))
    return text


def code_conflicts(problems: list[ImportProblem]) -> int:
    """How many rows give a known guest another badge code."""
    return sum(p.code == Reason.BADGE_CODE_CONFLICT for p in problems)


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
        self.replace_codes_box = QCheckBox()
        self.replace_codes_box.hide()
        self._conflicts = 0
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.replace_codes_box)
        layout.addWidget(self.problems, 1)
        layout.addStretch(0)
        self.setCommitPage(True)
        self.replace_codes_box.toggled.connect(self._on_replace_codes_box_toggled)
        self.retranslate_ui()

    def initializePage(self) -> None:
        self._show_conflicts(0)
        self._run_check()

    def _run_check(self) -> None:
        """The dry run, with the choices as they are now."""
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
        path, options, db = self._choices.path, self._choices.import_options(), self._db
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
        if report.badge_codes_replaced:
            self._show_conflicts(report.badge_codes_replaced)
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
            conflicts = code_conflicts(exc.problems)
            if conflicts:
                self._show_conflicts(conflicts)
            self.problems_found.emit(exc.problems)
            return
        self.summary.setText(self.tr("This file cannot be imported: %1")
                             .replace("%1", error_text(exc)))
        self.check_failed.emit(exc)
        if not isinstance(exc, DeskError):
            messages.show_bug(self, exc)

    def _show_conflicts(self, count: int) -> None:
        """The choice to replace badge codes, shown while the file has codes to replace."""
        self._conflicts = count
        self.replace_codes_box.setVisible(count > 0)
        self.replace_codes_box.blockSignals(True)
        self.replace_codes_box.setChecked(self._choices.replace_badge_codes and count > 0)
        self.replace_codes_box.blockSignals(False)
        self._set_conflicts_text()

    def _set_conflicts_text(self) -> None:
        self.replace_codes_box.setText(self.tr(
            "Replace their badge codes (%Ln guests get this file's codes; their old badges "
            "are revoked, as in a reissue)", "", self._conflicts))

    def _on_replace_codes_box_toggled(self, checked: bool) -> None:
        self._choices.replace_badge_codes = checked
        self._run_check()

    def isComplete(self) -> bool:
        return self.report is not None

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Check every row"))
        self.setSubTitle(self.tr("A dry run: the whole file is checked, nothing is written."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self._set_conflicts_text()
        if self.report is not None:
            self.summary.setText(summary_text(self.report))
