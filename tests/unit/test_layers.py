"""The layers hold: every module of the package, parsed with `ast`, imports only below itself.

    domain <- db <- services <- {cli, ui};  render (QtGui painting) beside ui

- domain imports nothing of db/services/render/cli/ui and no Qt;
- db imports only domain (no services) and no Qt;
- services import only domain and db, no Qt and no render;
- render imports domain and QtGui/QtCore, never QtWidgets, services, cli or ui;
- cli imports no ui and no QtWidgets;
- ui imports what is below it (never cli, app, bootstrap);
- no import cycle between modules (every import counts: inside functions and under
  TYPE_CHECKING too).

Three leaves may be imported from any layer: the package's root (`wimc_desktop/__init__.py`:
the name and version), `paths` (where the event file lives, the demo's size) and
`bootstrap` (the launcher's venv set-up, its environment variables). They are stdlib only
(test_the_leaves_import_only_the_stdlib), so they cannot carry a layer or Qt anywhere.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE_DIR = Path(__file__).resolve().parents[2] / "wimc_desktop"
ROOT = "wimc_desktop"
LEAVES = (ROOT, "paths", "bootstrap")  # stdlib only: open to every layer
LAYERS = ("domain", "db", "services", "render", "cli", "ui")
# What each layer may import of the package, besides the LEAVES.
ALLOWED = {
    "domain": {"domain"},
    "db": {"domain", "db"},
    "services": {"domain", "db", "services"},
    "render": {"domain", "render"},
    "cli": {"domain", "db", "services", "render", "cli"},
    "ui": {"domain", "db", "services", "render", "ui"},
    "app": {"cli", "ui"},
    "__main__": {"app"},
    **{leaf: set() for leaf in LEAVES},
}
QT_ALLOWED = {  # which PySide6 modules a layer may import (others: none)
    "render": {"PySide6.QtCore", "PySide6.QtGui"},
    "cli": {"PySide6.QtCore", "PySide6.QtGui"},
    "ui": None,  # any
}

# Known violations, each named with why it is still there. An entry that no longer occurs
# fails test_every_allowed_violation_still_occurs: delete it then.
KNOWN_VIOLATIONS = {
    # The search-index work (issue 15, item 2) moves the index upkeep out of services, so
    # migrations no longer import it: delete this entry after merging that branch.
    ("wimc_desktop.db.migrate", "wimc_desktop.services.search.indexing"),
    # render paints what services compute and writes through services' safe file: render
    # sits "beside ui" in ARCHITECTURE.md (above services), below them in the rule above.
    # Moving OutputFile, report_rows and the signing helpers below render is the fix.
    ("wimc_desktop.render.badge", "wimc_desktop.services.safe_file"),
    ("wimc_desktop.render.pdf", "wimc_desktop.services.safe_file"),
    ("wimc_desktop.render.report_pdf", "wimc_desktop.services.report_rows"),
    ("wimc_desktop.render.signings_pdf", "wimc_desktop.services.signing_exports"),
}


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str  # a module of the package, or a third-party/stdlib module
    line: int


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE_DIR.rglob("*.py"))
            if "__pycache__" not in p.parts}


def _absolute(node: ast.ImportFrom, importer: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = importer.split(".")
    base = base[:len(base) - node.level + (1 if is_package else 0)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> Iterator[Import]:
    """Every import in the module, at any depth (functions, TYPE_CHECKING blocks)."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(name, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(node, name, path.name == "__init__.py")
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                # `from pkg import module` depends on the module; `from m import name` on m
                yield Import(name, submodule if submodule in modules else target, node.lineno)


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ROOT


def all_imports() -> list[Import]:
    modules = package_modules()
    return [i for name, path in modules.items() for i in imports_of(name, path, modules)]


def violations(found: list[Import]) -> list[Import]:
    wrong = []
    for i in found:
        layer = layer_of(i.importer)
        allowed = ALLOWED.get(layer)
        assert allowed is not None, f"{i.importer}: a module in no known layer"
        if i.imported == ROOT or i.imported.startswith(ROOT + "."):
            target = layer_of(i.imported)
            if target not in LEAVES and target not in allowed:
                wrong.append(i)
        elif i.imported.split(".")[0] in ("PySide6", "shiboken6"):
            qt = QT_ALLOWED.get(layer, set())
            if qt is not None and i.imported not in qt:
                wrong.append(i)
    return wrong


def test_every_module_is_in_a_layer() -> None:
    names = set(package_modules())
    assert {layer_of(n) for n in names} - {ROOT} <= set(ALLOWED)
    assert len(names) > 100


def test_the_leaves_import_only_the_stdlib() -> None:
    found = [i for i in all_imports() if layer_of(i.importer) in LEAVES]
    assert found
    assert [i for i in found if i.imported.split(".")[0] not in sys.stdlib_module_names] == []


@pytest.mark.parametrize("layer", LAYERS)
def test_each_layer_imports_only_what_is_below_it(layer: str) -> None:
    wrong = [i for i in violations(all_imports()) if layer_of(i.importer) == layer
             and (i.importer, i.imported) not in KNOWN_VIOLATIONS]
    assert not wrong, "\n".join(f"{i.importer}:{i.line} imports {i.imported}" for i in wrong)


def test_the_launchers_import_only_what_they_start() -> None:
    wrong = [i for i in violations(all_imports())
             if layer_of(i.importer) not in LAYERS and
             (i.importer, i.imported) not in KNOWN_VIOLATIONS]
    assert not wrong, "\n".join(f"{i.importer}:{i.line} imports {i.imported}" for i in wrong)


def test_every_allowed_violation_still_occurs() -> None:
    found = {(i.importer, i.imported) for i in violations(all_imports())}
    assert found >= KNOWN_VIOLATIONS, KNOWN_VIOLATIONS - found


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm (iterative): the components with more than one module, or a
    module that imports itself."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1 or node in graph[node]:
                        found.append(sorted(component))
    return found


def import_graph() -> dict[str, set[str]]:
    modules = package_modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for i in all_imports():
        if i.imported in modules and i.imported != i.importer:
            graph[i.importer].add(i.imported)
    return graph


def test_no_import_cycle() -> None:
    cycles = strongly_connected(import_graph())
    assert not cycles, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


def test_the_checks_see_what_they_look_for(tmp_path: Path) -> None:
    """The parser finds imports inside functions and relative ones; Tarjan finds a cycle."""
    source = tmp_path / "wimc_desktop" / "db"
    source.mkdir(parents=True)
    module = source / "x.py"
    module.write_text("def f():\n    from ..services import search\n"
                      "    from . import engine\n    import PySide6.QtWidgets\n")
    modules = {"wimc_desktop.services.search": module, "wimc_desktop.db.engine": module}
    found = [(i.imported, i.line) for i in imports_of("wimc_desktop.db.x", module, modules)]
    assert found == [("wimc_desktop.services.search", 2), ("wimc_desktop.db.engine", 3),
                     ("PySide6.QtWidgets", 4)]
    assert [(i.imported) for i in violations([Import("wimc_desktop.db.x", m, 1)
                                              for m, _ in found])] == [
        "wimc_desktop.services.search", "PySide6.QtWidgets"]
    assert strongly_connected({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [
        ["a", "b", "c"]]
    assert strongly_connected({"a": {"b"}, "b": set()}) == []
