"""The Chinese translation is complete, covers every tr() string, and its .qm is current."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QLabel
from pytestqt.qtbot import QtBot

from wimc_desktop.ui import i18n
from wimc_desktop.ui.i18n import TRANSLATIONS_DIR

PACKAGE = Path(__file__).resolve().parents[2] / "wimc_desktop"
UI_DIR = PACKAGE / "ui"
# The files lupdate reads: the interface, and the guest record's field labels.
SOURCES = [*sorted(UI_DIR.glob("*.py")), PACKAGE / "domain" / "guest_record.py"]
TS_FILE = TRANSLATIONS_DIR / "wimc_zh_CN.ts"
QM_FILE = TRANSLATIONS_DIR / "wimc_zh_CN.qm"
EN_TS_FILE = TRANSLATIONS_DIR / "wimc_en.ts"
EN_QM_FILE = TRANSLATIONS_DIR / "wimc_en.qm"


def _tool(name: str) -> str | None:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def ts_messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {(ctx.findtext("name", ""), msg.findtext("source", "")): msg.find("translation")
            for ctx in root.iter("context") for msg in ctx.iter("message")}


def _class_of(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> str:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.ClassDef):
            return node.name
    return ""


def source_strings() -> set[tuple[str, str]]:
    """(context, text) of every tr("..."), translate("Ctx", "...") and QT_TRANSLATE_NOOP."""
    found: set[tuple[str, str]] = set()
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            name = getattr(call.func, "attr", getattr(call.func, "id", ""))
            texts = [a.value for a in call.args if isinstance(a, ast.Constant)
                     and isinstance(a.value, str)]
            if name == "tr" and texts:
                found.add((_class_of(call, parents), texts[0]))
            elif name in ("translate", "QT_TRANSLATE_NOOP") and len(texts) >= 2:
                found.add((texts[0], texts[1]))
    return found


def translated_texts(translation: ET.Element) -> list[str]:
    """The text of a translation, or each of its plural forms."""
    forms = translation.findall("numerusform")
    return [(f.text or "").strip() for f in forms] if forms else [(translation.text or "").strip()]


@pytest.mark.parametrize("ts_file", [TS_FILE, EN_TS_FILE], ids=["zh_CN", "en"])
def test_every_entry_is_translated(ts_file: Path) -> None:
    messages = ts_messages(ts_file)
    assert messages
    for key, translation in messages.items():
        assert translation is not None, key
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), key
        assert all(translated_texts(translation)), f"empty translation for {key}"


def test_every_source_string_has_an_entry() -> None:
    messages = ts_messages(TS_FILE)
    strings = source_strings()
    assert len(strings) > 50
    missing = sorted(strings - set(messages))
    assert not missing, f"not in {TS_FILE.name} (run pyside6-lupdate): {missing}"


def test_lupdate_finds_nothing_new(tmp_path: Path) -> None:
    lupdate = _tool("pyside6-lupdate")
    if lupdate is None:
        pytest.fail("pyside6-lupdate is not installed next to the Python running the tests")
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in SOURCES]
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    missing = sorted(set(ts_messages(fresh)) - set(ts_messages(TS_FILE)))
    assert not missing, f"lupdate found strings missing from {TS_FILE.name}: {missing}"


def test_lupdate_finds_no_new_plural_text(tmp_path: Path) -> None:
    """Every tr() with a count has its English singular and plural in wimc_en.ts."""
    lupdate = _tool("pyside6-lupdate")
    if lupdate is None:
        pytest.fail("pyside6-lupdate is not installed next to the Python running the tests")
    fresh = tmp_path / "fresh_en.ts"
    sources = [str(p) for p in SOURCES]
    subprocess.run([lupdate, "-pluralonly", *sources, "-ts", str(fresh)], check=True,
                   capture_output=True)
    plural = set(ts_messages(fresh))
    assert plural, "no tr() with a count found"
    english = ts_messages(EN_TS_FILE)
    assert not sorted(plural - set(english)), "run lupdate -pluralonly on wimc_en.ts"
    for key in plural:
        assert len(translated_texts(english[key])) == 2, key


@pytest.mark.parametrize(("ts_file", "qm_file"), [(TS_FILE, QM_FILE), (EN_TS_FILE, EN_QM_FILE)],
                         ids=["zh_CN", "en"])
def test_compiled_translation_is_current(tmp_path: Path, ts_file: Path, qm_file: Path) -> None:
    lrelease = _tool("pyside6-lrelease")
    if lrelease is None:
        pytest.fail("pyside6-lrelease is not installed next to the Python running the tests")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, "-silent", str(ts_file), "-qm", str(fresh)], check=True,
                   capture_output=True)
    assert qm_file.read_bytes() == fresh.read_bytes(), "run pyside6-lrelease on the .ts"


def test_qm_loads_and_translates() -> None:
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    assert translator.translate("MainWindow", "&File") == "文件(&F)"
    assert translator.translate("GuestTableModel", "On site") == "线下"
    assert translator.translate("GuestTableModel", "Online") == "线上"


def test_every_translator_of_each_language_is_installed(qapp: object) -> None:
    for language, names in ((i18n.CHINESE, ["qtbase_zh_CN", "wimc_zh_CN"]),
                            (i18n.ENGLISH, ["wimc_en"])):
        i18n.apply_language(language)
        installed = i18n.installed_translators()
        assert [Path(t.filePath()).stem for t in installed] == names
        assert all(not t.isEmpty() for t in installed)


def test_counts_take_the_singular_in_english(qapp: object) -> None:
    i18n.apply_language(i18n.ENGLISH)
    text = "%Ln guests match “%1”"
    assert i18n.plural("GuestsPage", text, 1) == "1 guest matches “%1”"
    assert i18n.plural("GuestsPage", text, 5300) == "5,300 guests match “%1”"
    i18n.apply_language(i18n.CHINESE)
    assert i18n.plural("GuestsPage", text, 1) == "共 1 位嘉宾与“%1”相符"
    assert QCoreApplication.translate("SearchResultsPanel",
                                      "%Ln guests match “%1”. ↑↓ choose, Enter admits.",
                                      None, 2).startswith("共 2 位嘉宾")


@pytest.mark.parametrize("accept", [QFileDialog.AcceptMode.AcceptOpen,
                                    QFileDialog.AcceptMode.AcceptSave], ids=["open", "save"])
def test_a_qt_file_dialog_speaks_chinese(qtbot: QtBot, accept: QFileDialog.AcceptMode) -> None:
    """Qt's own widgets of a file dialog ("Look in:", "Files of type:", buttons) in Chinese."""
    i18n.apply_language(i18n.CHINESE)
    dialog = QFileDialog(None, "t", "", "WIMC (*.wimc)")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(accept)
    dialog.show()
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert len(labels) >= 3
    for text in labels:
        assert re.search("[\u4e00-\u9fff]", text), f"untranslated label: {text!r}"
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels


def test_a_qt_file_dialog_names_folders_in_chinese(qtbot: QtBot, tmp_path: Path) -> None:
    """The type column of the file list ("Folder" was left in English)."""
    i18n.apply_language(i18n.CHINESE)
    (tmp_path / "子目录").mkdir()
    dialog = QFileDialog(None, "t", str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.show()
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    qtbot.waitUntil(lambda: model.index(str(tmp_path / "子目录")).isValid())
    folder = model.index(str(tmp_path / "子目录"))
    assert model.type(folder) == "文件夹"
