"""The import wizard: choose a guest list, check how it reads, dry-run it, import it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QFileDialog, QWidget, QWizard

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.models import ImportReport
from wimc_desktop.ui.import_check_page import ImportCheckPage
from wimc_desktop.ui.import_choices import ImportChoices
from wimc_desktop.ui.import_file_page import ImportFilePage
from wimc_desktop.ui.import_preview_page import ImportPreviewPage
from wimc_desktop.ui.import_run_page import ImportRunPage
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.screen_fit import fitted
from wimc_desktop.ui.settings import DeskSettings
from wimc_desktop.ui.worker import Worker

FILE_PAGE, PREVIEW_PAGE, CHECK_PAGE, RUN_PAGE = range(4)


class ImportWizard(Retranslating, QWizard):
    """Four steps; all file and database work runs on the worker, so nothing freezes.

    A file with any problem imports nothing: the check step lists the problems and
    does not let the import start.
    """

    guests_imported = Signal(object)

    def __init__(self, worker: Worker, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = DeskSettings()
        self._close_when_stopped = False
        self.choices = ImportChoices()
        if self._settings.desk_name:  # (the desk that replaces badge codes, if it does)
            self.choices.desk = Desk(self._settings.desk_name, self._settings.desk_operator)
        self.file_page = ImportFilePage(self.choices, lambda: self._ask_open_file())
        self.preview_page = ImportPreviewPage(self.choices, worker)
        self.check_page = ImportCheckPage(self.choices, worker, db)
        self.run_page = ImportRunPage(self.choices, worker, db)
        for page_id, page in enumerate((self.file_page, self.preview_page, self.check_page,
                                        self.run_page)):
            self.setPage(page_id, page)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.resize(self.sizeHint())
        self._connect_signals()
        self.retranslate_ui()

    def _connect_signals(self) -> None:
        self.run_page.import_finished.connect(self._on_run_page_import_finished)
        self.run_page.import_cancelled.connect(self._on_run_page_stopped)
        self.run_page.import_failed.connect(self._on_run_page_stopped)

    def sizeHint(self) -> QSize:
        """960 x 780, or less on a smaller screen: a 1366 x 768 desk laptop must still show
        the wizard's buttons."""
        return fitted(self, QSize(960, 780))

    def _ask_open_file(self) -> str:
        """The file dialog (tests replace this method)."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a guest list"), self._settings.last_import_dir,
            self.tr("Guest lists (*.xlsx *.xls *.xlsm *.ods *.csv *.txt);;All files (*)"))
        if path:
            self._settings.last_import_dir = str(Path(path).parent)
        return path

    def set_file(self, path: str) -> None:
        """Start with a file already chosen (as if picked with Browse…)."""
        self.file_page.path_edit.setText(path)

    def _on_run_page_import_finished(self, report: ImportReport) -> None:
        self.guests_imported.emit(report)
        self._on_run_page_stopped()

    def _on_run_page_stopped(self, *_args: object) -> None:
        if self._close_when_stopped:
            super().reject()

    def reject(self) -> None:
        """Cancel during an import stops it first; the wizard closes once it has stopped."""
        if self.run_page.is_running:
            self._close_when_stopped = True
            self.run_page.cancel()
            return
        super().reject()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import guest list"))
