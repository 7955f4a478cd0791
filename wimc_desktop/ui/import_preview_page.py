"""Import wizard, step 2: how the file reads (encoding, sheet, header row) and its mapping."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from wimc_desktop.domain.errors import DeskError
from wimc_desktop.services.importing import ImportPreview, preview_file
from wimc_desktop.services.importing.readers import EXCEL_SUFFIXES
from wimc_desktop.ui import messages
from wimc_desktop.ui.error_texts import error_text
from wimc_desktop.ui.i18n import count_text
from wimc_desktop.ui.import_choices import ImportChoices
from wimc_desktop.ui.mapping_editor import MappingEditor
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.rows_table_model import RowsTableModel
from wimc_desktop.ui.worker import Worker

ENCODINGS = (None, "utf-8", "gb18030", "utf-16")
SAMPLE_ROWS = 20


class ImportPreviewPage(Retranslating, QWizardPage):
    """Reads the file on the worker and shows what the importer made of it."""

    preview_loaded = Signal(object)
    preview_failed = Signal(object)

    def __init__(self, choices: ImportChoices, worker: Worker) -> None:
        super().__init__()
        self._choices = choices
        self._worker = worker
        self._generation = 0
        self.preview: ImportPreview | None = None
        self._read_path = ""
        self.encoding_combo = QComboBox()
        self.sheet_combo = QComboBox()
        self.file_value, self.header_value, self.rows_value = QLabel(), QLabel(), QLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("pageNote")
        self.sample_model = RowsTableModel(self)
        self.sample_view = QTableView()
        self.mapping_editor = MappingEditor()
        self._form = QFormLayout()
        self._mapping_box = QGroupBox()
        self._build()
        self._connect_signals()
        self.retranslate_ui()

    def _build(self) -> None:
        for _ in ENCODINGS:
            self.encoding_combo.addItem("")
        for widget in (self.file_value, self.encoding_combo, self.sheet_combo,
                       self.header_value, self.rows_value):
            self._form.addRow(QLabel(), widget)
        self.sample_view.setModel(self.sample_model)
        self.sample_view.setWordWrap(False)
        self.sample_view.verticalHeader().hide()
        # Two or three rows at least; more when there is room (a 1366 x 768 laptop has none:
        # the wizard must fit in 700 px with its buttons).
        self.sample_view.setMinimumHeight(110)
        box_layout = QVBoxLayout(self._mapping_box)
        box_layout.addWidget(self.mapping_editor)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self.status)
        layout.addWidget(self.sample_view, 1)
        layout.addWidget(self._mapping_box)
        layout.addStretch(0)  # (keeps a file's error under its name while no rows show)

    def _connect_signals(self) -> None:
        self.encoding_combo.activated.connect(self._on_encoding_combo_activated)
        self.sheet_combo.activated.connect(self._on_sheet_combo_activated)
        self.mapping_editor.mapping_edited.connect(self._on_mapping_editor_mapping_edited)

    def initializePage(self) -> None:
        self.encoding_combo.setCurrentIndex(ENCODINGS.index(self._choices.encoding))
        self.load_preview()

    def load_preview(self) -> None:
        """Read the file again with the current choices (on the worker)."""
        self._generation += 1
        generation, path = self._generation, self._choices.path
        options = self._choices.reading_options()
        if self.preview is None or self._read_path != path:
            self._read_path = path
            self._show_unread(path)  # (another file: nothing of the last one stays)
        self.preview = None
        self.status.setText(self.tr("Reading %1…").replace("%1", Path(path).name))
        self.completeChanged.emit()
        self._worker.submit(lambda: preview_file(path, rows=SAMPLE_ROWS, **options),
                            on_success=lambda p: self._on_preview_done(generation, p),
                            on_failure=lambda e: self._on_preview_error(generation, e),
                            context=self)

    def _on_preview_done(self, generation: int, preview: ImportPreview) -> None:
        if generation != self._generation:
            return
        self.preview = preview
        self.sample_view.show()
        self._mapping_box.show()
        self.file_value.setText(Path(preview.file).name)
        self.file_value.setToolTip(preview.file)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(preview.sheets)
        self.sheet_combo.setCurrentText(preview.sheet)
        self._form.setRowVisible(self.sheet_combo, len(preview.sheets) > 1)
        # A workbook has sheets and no encoding to choose (it said "found: xlsx").
        self._form.setRowVisible(self.encoding_combo, not preview.sheets)
        self._set_subtitle()
        self.sample_model.set_rows(preview.headers, preview.sample_rows)
        self.sample_view.resizeColumnsToContents()
        self.mapping_editor.set_mapping(preview.headers, preview.mapping)
        self._show_facts()
        self.completeChanged.emit()
        self.preview_loaded.emit(preview)

    def _on_preview_error(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._show_unread(self._choices.path)
        self.status.setText(self.tr("This file cannot be imported: %1")
                            .replace("%1", error_text(exc)))
        self.preview_failed.emit(exc)
        if not isinstance(exc, DeskError):
            messages.show_bug(self, exc)

    def _show_unread(self, path: str) -> None:
        """The page of a file not read (yet, or at all): its name, and nothing that was
        read from another file (encoding, sheets, header row, rows, sample, mapping)."""
        self.file_value.setText(Path(path).name)
        self.file_value.setToolTip(path)
        self.sheet_combo.clear()
        self._form.setRowVisible(self.sheet_combo, False)
        self._form.setRowVisible(self.encoding_combo,
                                 Path(path).suffix.lower() not in EXCEL_SUFFIXES)
        self.encoding_combo.setItemText(0, self.tr("Automatic"))
        self.header_value.setText("—")
        self.rows_value.setText("—")
        self.sample_model.set_rows([], [])
        self.mapping_editor.set_mapping([], {})
        self.sample_view.hide()
        self._mapping_box.hide()
        self._set_subtitle()

    def _show_facts(self) -> None:
        preview = self.preview
        if preview is None:
            return
        detected = self.tr("Automatic (found: %1)").replace("%1", preview.encoding or "—")
        self.encoding_combo.setItemText(0, detected)
        self.header_value.setText(self.tr("row %1").replace("%1", str(preview.header_row)))
        self.rows_value.setText(count_text(preview.total_rows))
        shown = min(len(preview.sample_rows), preview.total_rows)
        self.status.setText(self.tr("The first %Ln rows as read:", "", shown))
        if not self.mapping_editor.is_complete():
            self.status.setText(self.tr("No column was recognised as the guest's name: choose "
                                        "it below."))

    def _on_encoding_combo_activated(self, index: int) -> None:
        self._choices.encoding = ENCODINGS[index]
        self._choices.overrides.clear()
        self.load_preview()

    def _on_sheet_combo_activated(self, _index: int) -> None:
        self._choices.sheet = self.sheet_combo.currentText()
        self._choices.overrides.clear()
        self.load_preview()

    def _on_mapping_editor_mapping_edited(self, edits: dict[str, str]) -> None:
        self._choices.overrides.update(edits)
        self._show_facts()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.preview is not None and self.mapping_editor.is_complete()

    def _set_subtitle(self) -> None:
        workbook = bool(self.preview.sheets) if self.preview is not None \
            else Path(self._read_path).suffix.lower() in EXCEL_SUFFIXES
        if workbook:  # a workbook: no encoding
            self.setSubTitle(self.tr("Say which column holds what (and which sheet, when the "
                                     "workbook has several)."))
        else:
            self.setSubTitle(self.tr("Change the encoding if the names look garbled, and say "
                                     "which column holds what."))

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Check how the file reads"))
        self._set_subtitle()
        labels = (self.tr("File:"), self.tr("Encoding:"), self.tr("Sheet:"),
                  self.tr("Header row:"), self.tr("Rows under the header:"))
        for row, text in enumerate(labels):
            item = self._form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            assert isinstance(label, QLabel), row
            label.setText(text)
        for index, encoding in enumerate(ENCODINGS[1:], start=1):
            self.encoding_combo.setItemText(index, encoding.upper())
        self.encoding_combo.setItemText(0, self.tr("Automatic"))
        self._mapping_box.setTitle(self.tr("Which column fills which guest field"))
        self._show_facts()
