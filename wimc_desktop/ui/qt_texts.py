"""Texts of Qt's own dialogs that Qt's qtbase_zh_CN.qm does not translate, translated here.

Qt 6 renamed some labels of its file dialog ("Look in:" became "&Look in:") and moved the
file types to QAbstractFileIconProvider; the shipped Chinese file still has only the old
ones, so a Chinese file dialog said "Look in:", "Files of type:" and "Folder".
wimc_zh_CN.qm carries these under Qt's own contexts and is installed after
qtbase_zh_CN.qm, so Qt asks it first.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_OWN_TEXTS = (
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Look in:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive")),
    ("QAbstractFileIconProvider", QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File")),
)
