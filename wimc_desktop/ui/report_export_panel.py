"""Exporting the daily report to XLSX / CSV / PDF on the worker, with progress and Cancel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.errors import DeskError
from wimc_desktop.render.report_pdf import report_pdf_bytes
from wimc_desktop.services import report_exports
from wimc_desktop.ui import i18n, messages
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.worker import Task, Worker

FORMATS = ("xlsx", "csv", "pdf")


class ReportExportPanel(Retranslating, QWidget):
    """Format, "full personal data" (off by default), Export, then a progress bar and Cancel.

    The file is asked for through choose_path() (tests replace it). The export writes
    atomically, so a Cancel leaves no file.
    """

    export_finished = Signal(object)  # the ReportExport
    export_cancelled = Signal()
    export_failed = Signal(object)

    def __init__(self, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._db: Database | None = None
        self._day = dt.date.today()
        self._desk = self._operator = ""
        self._task: Task | None = None
        self.format_combo = QComboBox()
        self.full_pii_check = QCheckBox()
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportButton")
        self.progress = QProgressBar()
        self.cancel_button = QPushButton()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._saved_path = ""  # the status says "Saved ..." in the language shown
        self._build()
        self._connect_signals()
        self._show_idle()
        self.retranslate_ui()

    def _build(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.format_combo)
        row.addWidget(self.full_pii_check)
        row.addStretch(1)
        row.addWidget(self.export_button)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addLayout(running)
        layout.addWidget(self.status)

    def _connect_signals(self) -> None:
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)

    def set_target(self, db: Database | None, day: dt.date) -> None:
        self._db, self._day = db, day
        self.export_button.setEnabled(db is not None and self._task is None)

    def set_desk(self, desk: str, operator: str = "") -> None:
        """Who produces the report: printed on it, and recorded with a full export."""
        self._desk, self._operator = desk, operator

    @property
    def is_running(self) -> bool:
        return self._task is not None

    @property
    def chosen_format(self) -> str:
        return str(self.format_combo.currentData())

    def choose_path(self, fmt: str, suggested: str) -> str:
        """The file to write, or "" when the user cancels (tests replace this method)."""
        filters = {"xlsx": self.tr("Excel workbook (*.xlsx)"), "csv": self.tr("CSV file (*.csv)"),
                   "pdf": self.tr("PDF document (*.pdf)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the daily report"),
                                              suggested, filters[fmt])
        return path

    def export(self) -> None:
        """Ask for a file and write the report of the day there, on the worker."""
        db, day, fmt = self._db, self._day, self.chosen_format
        if db is None or self._task is not None:
            return
        suggested = str(Path.home() / f"WIMC-report-{day.isoformat()}.{fmt}")
        path = self.choose_path(fmt, suggested)
        if not path:
            return
        if not path.lower().endswith("." + fmt):
            path += "." + fmt
        full, desk, operator = self.full_pii_check.isChecked(), self._desk, self._operator
        lang = "zh" if i18n.is_chinese() else "en"
        self._show_running(path)
        self._task = self._worker.submit(
            lambda t: report_exports.export_report(
                db, day, fmt, path, full_pii=full, lang=lang, desk=desk, operator=operator,
                progress=t.report_progress, is_cancelled=t.is_cancelled,
                paint_pdf=report_pdf_bytes),
            on_success=self._on_task_succeeded, on_failure=self._on_task_failed,
            on_progress=self._on_task_progressed, with_task=True, context=self)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _on_export_button_clicked(self) -> None:
        self.export()

    def _on_cancel_button_clicked(self) -> None:
        self.cancel()

    def _show_running(self, path: str) -> None:
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self._saved_path = ""
        self.status.setText(self.tr("Exporting to %1…").replace("%1", path))

    def _show_idle(self) -> None:
        self._task = None
        self.progress.hide()
        self.cancel_button.hide()
        self.export_button.setEnabled(self._db is not None)

    def _on_task_progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)  # (0, 0): busy, size not known yet
        self.progress.setValue(done)

    def _on_task_succeeded(self, result: report_exports.ReportExport) -> None:
        self._show_idle()
        self._saved_path = str(result.path)
        self._show_saved()
        self.export_finished.emit(result)

    def _show_saved(self) -> None:
        self.status.setText(self.tr("Saved %1").replace("%1", self._saved_path))

    def _on_task_failed(self, exc: Exception) -> None:
        self._show_idle()
        self._saved_path = ""
        if isinstance(exc, report_exports.ExportCancelledError):
            self.status.setText(self.tr("Export cancelled. No file was written."))
            self.export_cancelled.emit()
            return
        self.status.setText(self.tr("The report was not exported."))
        self.export_failed.emit(exc)
        if isinstance(exc, DeskError):
            messages.show_known_error(self, exc, self.tr("The report could not be exported."))
        else:
            messages.show_bug(self, exc)

    def retranslate_ui(self) -> None:
        current = self.format_combo.currentIndex()
        names = {"xlsx": self.tr("Excel workbook (XLSX)"), "csv": self.tr("Check-ins (CSV)"),
                 "pdf": self.tr("Sign-off sheet (PDF)")}
        self.format_combo.clear()
        for fmt in FORMATS:
            self.format_combo.addItem(names[fmt], fmt)
        self.format_combo.setCurrentIndex(max(current, 0))
        self.full_pii_check.setText(self.tr("Full personal data"))
        self.full_pii_check.setToolTip(self.tr(
            "Off: mobile numbers and e-mail addresses are masked. On: written in full, and "
            "the export is recorded in the audit log."))
        self.export_button.setText(self.tr("Export…"))
        self.cancel_button.setText(self.tr("Cancel export"))
        if self._saved_path:
            self._show_saved()
