"""Import wizard, step 1: choose the guest-list file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWizardPage

from wimc_desktop.ui.import_choices import ImportChoices
from wimc_desktop.ui.retranslating import Retranslating


class ImportFilePage(Retranslating, QWizardPage):
    """A path field with Browse…; complete when the path names an existing file."""

    def __init__(self, choices: ImportChoices, ask_open_file: Callable[[], str]) -> None:
        super().__init__()
        self._choices = choices
        self._ask_open_file = ask_open_file
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.browse_button = QPushButton()
        self.formats = QLabel()
        self.formats.setWordWrap(True)
        self.formats.setObjectName("pageNote")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.formats)
        layout.addStretch(1)
        self._connect_signals()
        self.retranslate_ui()

    def _connect_signals(self) -> None:
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.path_edit.textChanged.connect(self.completeChanged)

    def _on_browse_button_clicked(self) -> None:
        path = self._ask_open_file()
        if path:
            self.path_edit.setText(path)

    def isComplete(self) -> bool:
        return Path(self.path_edit.text().strip()).is_file()

    def validatePage(self) -> bool:
        self._choices.choose_file(self.path_edit.text().strip())
        return True

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Choose the guest list"))
        self.setSubTitle(self.tr("Nothing is written until the last step."))
        self.intro.setText(self.tr("The file the registration office sent:"))
        self.browse_button.setText(self.tr("Browse…"))
        self.formats.setText(self.tr(
            "Excel workbooks (.xlsx, .xls), CSV files in UTF-8, GB18030 or UTF-16, and "
            "Excel's \"Unicode text\" (.txt). The header row is found automatically."))
