"""The Chinese translation is complete, covers every tr() string, and its .qm is current."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from wimc_desktop.ui.i18n import TRANSLATIONS_DIR

UI_DIR = Path(__file__).resolve().parents[2] / "wimc_desktop" / "ui"
TS_FILE = TRANSLATIONS_DIR / "wimc_zh_CN.ts"
QM_FILE = TRANSLATIONS_DIR / "wimc_zh_CN.qm"


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
    for path in sorted(UI_DIR.glob("*.py")):
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


def test_every_entry_is_translated() -> None:
    messages = ts_messages(TS_FILE)
    assert messages
    for key, translation in messages.items():
        assert translation is not None, key
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), key
        assert (translation.text or "").strip(), f"empty translation for {key}"


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
    sources = [str(p) for p in sorted(UI_DIR.glob("*.py"))]
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    missing = sorted(set(ts_messages(fresh)) - set(ts_messages(TS_FILE)))
    assert not missing, f"lupdate found strings missing from {TS_FILE.name}: {missing}"


def test_compiled_translation_is_current(tmp_path: Path) -> None:
    lrelease = _tool("pyside6-lrelease")
    if lrelease is None:
        pytest.fail("pyside6-lrelease is not installed next to the Python running the tests")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, "-silent", str(TS_FILE), "-qm", str(fresh)], check=True,
                   capture_output=True)
    assert QM_FILE.read_bytes() == fresh.read_bytes(), "run pyside6-lrelease on the .ts"


def test_qm_loads_and_translates() -> None:
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    assert translator.translate("MainWindow", "&File") == "文件(&F)"
    assert translator.translate("GuestTableModel", "On site") == "线下"
    assert translator.translate("GuestTableModel", "Online") == "线上"
