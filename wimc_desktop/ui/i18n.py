"""The interface language: which one to start in, and switching it live with QTranslator."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("wimc_desktop.ui")

CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (CHINESE, ENGLISH)
TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"

_installed: list[QTranslator] = []
_current = ENGLISH


def system_language() -> str:
    """Chinese for any zh* system locale, English otherwise."""
    return CHINESE if QLocale.system().name().lower().startswith("zh") else ENGLISH


def current_language() -> str:
    return _current


def is_chinese() -> bool:
    return _current == CHINESE


def count_text(count: int) -> str:
    """A count as the interface language writes it: 5,300 (everywhere the same)."""
    return QLocale().toString(count)


def _load(translator: QTranslator, name: str, directory: Path) -> bool:
    if translator.load(name, str(directory)):
        return True
    log.warning("translation %s not found in %s", name, directory)
    return False


def apply_language(language: str) -> None:
    """Install the translators of a language; Qt then sends every widget a LanguageChange."""
    global _current
    if language not in LANGUAGES:
        language = ENGLISH
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == CHINESE:
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        for name, directory in (("qtbase_zh_CN", qt_dir), ("wimc_zh_CN", TRANSLATIONS_DIR)):
            translator = QTranslator(app)
            if _load(translator, name, directory):
                app.installTranslator(translator)
                _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China)
                       if language == CHINESE else QLocale(QLocale.Language.English,
                                                           QLocale.Country.UnitedKingdom))
    _current = language
