"""A clone with nothing beside it runs every test: no test reads a file outside the repository."""

from __future__ import annotations

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
DATA = TESTS / "data"
# Names the tests give the sample folder (tests/conftest.py, tests/gui/gui_helpers.py).
DATA_NAMES = {"shared_data", "SHARED_DATA", "DATA"}
# Path(__file__).resolve() followed by .parent / .parents[N] steps.
HERE_CHAIN = re.compile(r"Path\(__file__\)\.resolve\(\)((?:\.parent(?:s\[\d+\])?)+)")


def _test_sources() -> list[Path]:
    return sorted(p for p in TESTS.rglob("*.py") if "data" not in p.relative_to(TESTS).parts)


def _climb(start: Path, steps: str) -> Path:
    for step in re.findall(r"\.parents\[(\d+)\]|\.parent", steps):
        start = start.parents[int(step)] if step else start.parent
    return start


def test_paths_built_from_a_test_file_stay_inside_the_repository() -> None:
    seen = 0
    for source in _test_sources():
        for match in HERE_CHAIN.finditer(source.read_text(encoding="utf-8")):
            seen += 1
            target = _climb(source, match.group(1))
            assert target.is_relative_to(REPO), f"{source.relative_to(REPO)}: {match.group(0)}"
    assert seen >= 10  # the scan finds the tests' own REPO/ROOT constants


def _data_parts(node: ast.AST) -> list[str] | None:
    """["bad", "x.csv"] for `shared_data / "bad" / "x.csv"`; None for any other expression."""
    parts: list[str] = []
    while isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        if not (isinstance(node.right, ast.Constant) and isinstance(node.right.value, str)):
            return None
        parts.insert(0, node.right.value)
        node = node.left
    return parts if isinstance(node, ast.Name) and node.id in DATA_NAMES and parts else None


def _named_sample_files() -> set[str]:
    names: set[str] = set()
    for source in _test_sources():
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            parts = _data_parts(node)
            if parts is not None:
                names.add("/".join(parts))
            if isinstance(node, ast.Constant) and node.value in ("empty.csv", "header_only.csv",
                                                                 "not_really.xlsx"):
                names.add(f"bad/{node.value}")  # test_importing's parametrised names
    return names


def test_every_sample_file_a_test_names_is_in_the_repository() -> None:
    names = _named_sample_files()
    assert {"guests_gb18030.csv", "guests_title_row.xlsx", "bad/bad_rows.csv"} <= names
    missing = sorted(name for name in names if not (DATA / name).exists())
    assert not missing, f"not in tests/data: {missing}"


def test_the_sample_folder_is_inside_the_repository() -> None:
    from tests.conftest import SHARED_DATA
    from tests.gui.gui_helpers import DATA as GUI_DATA

    assert SHARED_DATA.resolve() == DATA == GUI_DATA.resolve()
    assert all(path.stat().st_size < 100_000 for path in DATA.rglob("*") if path.is_file())
