"""The problems of a rejected guest list as a table (row, column, value, reason), copyable."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.domain.errors import ImportProblem
from wimc_desktop.ui.problem_texts import problem_text
from wimc_desktop.ui.retranslating import Retranslating
from wimc_desktop.ui.rows_table_model import RowsTableModel


class ProblemsView(Retranslating, QWidget):
    """A read-only table of problems; Ctrl+C copies the selection, the button copies all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._problems: list[ImportProblem] = []
        self.model = RowsTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.copy_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._copy_shortcut = QShortcut(QKeySequence.StandardKey.Copy, self.table)
        self._connect_signals()
        self.retranslate_ui()

    def _connect_signals(self) -> None:
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self._copy_shortcut.activated.connect(self._on_copy_shortcut_activated)

    def _headers(self) -> list[str]:
        return [self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Reason")]

    def show_problems(self, problems: list[ImportProblem]) -> None:
        """One row per problem; the reason in the interface language (by its code)."""
        self._problems = list(problems)
        rows = [[str(p.row), p.column, p.value, problem_text(p)] for p in problems]
        self.model.set_rows(self._headers(), rows)

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.model.as_tsv())

    def _on_copy_button_clicked(self) -> None:
        self.copy_all()

    def _on_copy_shortcut_activated(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        QGuiApplication.clipboard().setText(self.model.as_tsv(rows or None))

    def retranslate_ui(self) -> None:
        self.copy_button.setText(self.tr("Copy the list"))
        self.show_problems(self._problems)
