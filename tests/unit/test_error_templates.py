"""Every message of a known failure can be shown in Chinese: templates, never f-strings.

The core raises `BadInputError("the last day {end} is before the first day {start}",
end=end, start=start)`; the window translates the template (ui/error_texts.py lists
each one) and fills in the arguments. These tests read the source: a new English-only
message (an f-string, or a template missing from the list or from the .ts) fails here.
"""

from __future__ import annotations

import ast
import datetime as dt
import string
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from wimc_desktop.domain.errors import BadInputError, DeskError, Message, StorageError
from wimc_desktop.ui.error_texts import CONTEXT, TEMPLATES
from wimc_desktop.ui.i18n import TRANSLATIONS_DIR

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "wimc_desktop"
SCANNED = ("domain", "db", "services", "render", "cli")


@dataclass(frozen=True)
class Site:
    file: str
    line: int
    problem: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.problem}"


def scanned_files() -> list[Path]:
    files: list[Path] = []
    for folder in SCANNED:
        files.extend((PACKAGE / folder).rglob("*.py"))
    return sorted(files)


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else \
        node.attr if isinstance(node, ast.Attribute) else ""


def error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """DeskError and every class that derives from it (by name, across the scanned code)."""
    names = {"DeskError"}
    classes = [c for t in trees.values() for c in ast.walk(t) if isinstance(c, ast.ClassDef)]
    while True:
        more = {c.name for c in classes if any(_name(b) in names for b in c.bases)} - names
        if not more:
            return names
        names |= more


def _placeholders(template: str) -> Counter[tuple[str, str | None, str]]:
    return Counter((name, conversion, spec or "")
                   for _, name, spec, conversion in string.Formatter().parse(template)
                   if name is not None)


def _message_calls(tree: ast.Module, classes: set[str]) -> list[ast.Call]:
    """Calls that take a message template first: SomeError(...), Message(...) and
    super().__init__(...) inside an error class."""
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and n.args
             and _name(n.func) in classes | {"Message"}]
    for cls in (c for c in ast.walk(tree) if isinstance(c, ast.ClassDef) and c.name in classes):
        calls.extend(n for n in ast.walk(cls) if isinstance(n, ast.Call) and n.args
                     and isinstance(n.func, ast.Attribute) and n.func.attr == "__init__"
                     and isinstance(n.func.value, ast.Call) and _name(n.func.value.func) == "super")
    return calls


def scan() -> tuple[dict[str, str], list[Site]]:
    """(template -> first file using it, every site that is not a listed template)."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in scanned_files()}
    classes = error_classes(trees)
    found: dict[str, str] = {}
    sites: list[Site] = []
    for path, tree in trees.items():
        file = path.relative_to(REPO).as_posix()
        for call in _message_calls(tree, classes):
            first = call.args[0]
            if isinstance(first, ast.JoinedStr):
                sites.append(Site(file, call.lineno, "an f-string message: make it a template"))
            elif isinstance(first, ast.BinOp) or (isinstance(first, ast.Call)
                                                  and _name(first.func) in ("format", "join")):
                sites.append(Site(file, call.lineno, "a message composed in place: make it a "
                                                     "template (or pieces that are Messages)"))
            elif isinstance(first, ast.Constant) and isinstance(first.value, str):
                template = first.value
                found.setdefault(template, file)
                if template not in TEMPLATES:
                    sites.append(Site(file, call.lineno,
                                      f"{template!r} is not listed in ui/error_texts.py"))
                given = {k.arg for k in call.keywords if k.arg is not None}
                spread = any(k.arg is None for k in call.keywords)  # **params: not checked
                if not spread and given != {n for n, _, _ in _placeholders(template)}:
                    sites.append(Site(file, call.lineno, f"{template!r} is given the "
                                                         f"arguments {sorted(given)}"))
    return found, sites


def test_every_message_of_the_core_is_a_listed_template() -> None:
    _, sites = scan()
    bad = sorted(str(s) for s in sites)
    assert not bad, "English-only messages (see ui/error_texts.py):\n" + "\n".join(bad)


def test_the_scan_sees_the_core() -> None:
    found, _ = scan()
    assert len(found) > 80
    assert found["the last day {end} is before the first day {start}"] \
        == "wimc_desktop/services/events.py"
    assert found["{code} is revoked; the guest's current badge is {current}"] \
        == "wimc_desktop/services/badges.py"
    assert "{file}: rejected, nothing imported: {problem}" in found


def test_every_listed_template_is_still_used() -> None:
    found, _ = scan()
    stale = sorted(TEMPLATES - set(found))
    assert not stale, f"listed in ui/error_texts.py but raised nowhere: {stale}"


def test_every_template_has_a_chinese_translation_with_the_same_placeholders() -> None:
    root = ET.parse(TRANSLATIONS_DIR / "wimc_zh_CN.ts").getroot()
    translated = {msg.findtext("source", ""): msg.find("translation")
                  for ctx in root.iter("context") if ctx.findtext("name") == CONTEXT
                  for msg in ctx.iter("message")}
    for template in sorted(TEMPLATES):
        assert all(name.isidentifier() for name, _, _ in _placeholders(template)), template
        translation = translated.get(template)
        assert translation is not None, f"not in the .ts (run pyside6-lupdate): {template!r}"
        assert translation.get("type") is None, f"unfinished: {template!r}"
        text = translation.text or ""
        assert text.strip() and not text.isascii(), f"no Chinese for {template!r}"
        assert _placeholders(text) == _placeholders(template), (template, text)


def test_a_template_error_reads_as_the_english_sentence() -> None:
    end, start = dt.date(2020, 11, 25), dt.date(2020, 11, 26)
    exc = BadInputError("the last day {end} is before the first day {start}",
                        end=end, start=start)
    assert str(exc) == "the last day 2020-11-25 is before the first day 2020-11-26"
    assert exc.template == "the last day {end} is before the first day {start}"
    assert exc.params == {"end": "2020-11-25", "start": "2020-11-26"}
    assert exc.exit_code == 2
    quoted = BadInputError("unknown time zone {timezone!r}", timezone="Mars/Base")
    assert str(quoted) == "unknown time zone 'Mars/Base'"


def test_a_composed_message_keeps_its_pieces() -> None:
    exc = StorageError(Message("{where}: {why}", where="event.wimc",
                               why=Message("the PDF cannot be written")))
    assert str(exc) == "event.wimc: the PDF cannot be written"
    assert exc.params == {"where": "event.wimc", "why": "the PDF cannot be written"}
    assert isinstance(exc.message.args["why"], Message)
    plain = DeskError("a text with no arguments {as is}")
    assert str(plain) == plain.template == "a text with no arguments {as is}"
    assert plain.params == {}
