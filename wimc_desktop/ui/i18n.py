"""The interface language: which one to start in, and switching it live with QTranslator.

Chinese installs Qt's own qtbase_zh_CN (standard buttons, file dialogs) and then
wimc_zh_CN, which also fills what that file lacks (ui/qt_texts.py). English installs
wimc_en, which holds only the plural forms of the texts written with a count
(``tr("%Ln guests", "", n)``): without it Qt would write "1 guests".
"""

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


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for pyside6-lupdate under `context` and returns it untranslated, as
    PySide6's own does (whose stub says it returns object); lupdate finds it by name."""
    return text

_current = ENGLISH


def system_language() -> str:
    """Chinese for any zh* system locale, English otherwise."""
    return CHINESE if QLocale.system().name().lower().startswith("zh") else ENGLISH


def current_language() -> str:
    return _current


def is_chinese() -> bool:
    return _current == CHINESE


def in_language(zh: str, en: str) -> str:
    """A name kept in both languages as the interface shows it (the Chinese one when it
    has no English one)."""
    return zh if is_chinese() or not en else en


def count_text(count: int) -> str:
    """A count as the interface language writes it: 5,300 (everywhere the same)."""
    return QLocale().toString(count)


def plural(context: str, text: str, count: int) -> str:
    """`text` translated for `count` (its "%Ln" written as the language writes numbers);
    for texts outside a QObject's tr()."""
    return QCoreApplication.translate(context, text, None, count)


def translator_files(language: str) -> list[tuple[str, Path]]:
    """The .qm files a language installs (name, folder), in installation order: the later
    ones are asked first."""
    if language == CHINESE:
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        return [("qtbase_zh_CN", qt_dir), ("wimc_zh_CN", TRANSLATIONS_DIR)]
    return [("wimc_en", TRANSLATIONS_DIR)]


def installed_translators() -> list[QTranslator]:
    return list(_installed)


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
    assert app is not None  # (translators belong to the application)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    for name, directory in translator_files(language):
        translator = QTranslator(app)
        if _load(translator, name, directory):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China)
                       if language == CHINESE else QLocale(QLocale.Language.English,
                                                           QLocale.Country.UnitedKingdom))
    _current = language
