"""Paints a guest category as a coloured chip, the colour its badges are printed in."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from wimc_desktop.ui.guest_table_model import CATEGORY_COLOR_ROLE

H_PADDING = 8
V_MARGIN = 4


def text_color_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on the chip colour."""
    luminance = (0.299 * background.red() + 0.587 * background.green()
                 + 0.114 * background.blue())
    return QColor("#1a1a1a") if luminance > 160 else QColor("#ffffff")


class CategoryChipDelegate(QStyledItemDelegate):
    """The category name in a rounded chip of the category colour (text, not colour alone)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        color = index.data(CATEGORY_COLOR_ROLE)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if not isinstance(color, QColor) or not text:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        metrics = option.fontMetrics
        available = option.rect.width() - 2 * V_MARGIN - 2 * H_PADDING
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, available)
        width = metrics.horizontalAdvance(elided) + 2 * H_PADDING + 2
        height = min(metrics.height() + 4, option.rect.height() - 2 * V_MARGIN)
        chip = QRectF(option.rect.left() + V_MARGIN,
                      option.rect.center().y() - height / 2 + 1, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(chip, height / 2, height / 2)
        painter.setPen(text_color_on(color))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * H_PADDING + 2 * V_MARGIN, size.height())
