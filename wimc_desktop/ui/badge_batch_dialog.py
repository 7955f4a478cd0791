"""The small dialog choosing a batch of badges for a PDF: codes, a category, VIPs, not printed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from wimc_desktop.domain.models import Event
from wimc_desktop.ui import i18n
from wimc_desktop.ui.badge_actions import BatchChoice
from wimc_desktop.ui.screen_fit import fit_to_contents

CODES, CATEGORY, VIPS, NOT_PRINTED = range(4)


class BadgeBatchDialog(QDialog):
    """Asks which badges; `choice()` says it as a BatchChoice."""

    def __init__(self, event: Event, template: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Badges to PDF"))
        self.group = QButtonGroup(self)
        self.codes_radio = QRadioButton(self.tr("These badge codes (one a line):"))
        self.codes = QPlainTextEdit()
        self.category_radio = QRadioButton(self.tr("Every guest of a category:"))
        self.category = QComboBox()
        for cat in event.categories:
            self.category.addItem(cat.name_zh if i18n.is_chinese() else cat.name_en, cat.code)
        self.vips_radio = QRadioButton(self.tr("All VIPs"))
        self.not_printed_radio = QRadioButton(self.tr("All badges not printed yet"))
        for key, radio in enumerate((self.codes_radio, self.category_radio, self.vips_radio,
                                     self.not_printed_radio)):
            self.group.addButton(radio, key)
        self.not_printed_radio.setChecked(True)
        self.template = QComboBox()
        self.template.addItem(self.tr("Hanging badge (100 × 140 mm)"), "hanging")
        self.template.addItem(self.tr("Card (85.6 × 54 mm)"), "card")
        self.template.setCurrentIndex(max(0, self.template.findData(template)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Template:"), self.template)
        layout = QVBoxLayout(self)
        for widget in (self.codes_radio, self.codes, self.category_radio, self.category,
                       self.vips_radio, self.not_printed_radio):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_contents(self)  # (made in the window's language; a modal dialog never switches)

    def choice(self) -> BatchChoice:
        template = str(self.template.currentData())
        kind = self.group.checkedId()
        if kind == CODES:
            codes = tuple(c.strip() for c in self.codes.toPlainText().split() if c.strip())
            return BatchChoice(template, codes=codes)
        if kind == CATEGORY:
            return BatchChoice(template, category=str(self.category.currentData()))
        if kind == VIPS:
            return BatchChoice(template, vip=True)
        return BatchChoice(template, not_printed=True)
