"""Libraries whose private parts the package overrides are pinned, and the pin holds.

A private method of a library can change in any release. Where the package overrides one
(today only services.xlsx_sheet.FastWorksheet, over xlsxwriter's Worksheet), pyproject.toml
bounds the library's version from above at the newest release the override was checked
against, and these tests fail when the installed library is newer than that bound, when
the overridden method is gone from the library (the override would silently never run),
or when a class of the package starts overriding another private method unannounced.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import inspect
import pkgutil
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

import wimc_desktop

ROOT = Path(__file__).resolve().parents[2]
# library distribution -> the package's classes that override its private methods, and
# the methods overridden. A new entry needs an upper bound in pyproject.toml.
PRIVATE_OVERRIDES = {
    "xlsxwriter": {"wimc_desktop.services.xlsx_sheet.FastWorksheet":
                   ("_write_cell", "_write_single_row")},
}
MODULE_OF_DIST = {"xlsxwriter": "xlsxwriter"}


def requirements() -> dict[str, Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    found = [Requirement(text) for text in project["dependencies"]]
    return {r.name.lower(): r for r in found}


def upper_bound(requirement: Requirement) -> Version | None:
    bounds = [Version(s.version) for s in requirement.specifier if s.operator in ("<", "<=")]
    return min(bounds) if bounds else None


def _object(path: str) -> type:
    module, _, name = path.rpartition(".")
    found = getattr(importlib.import_module(module), name)
    assert isinstance(found, type), path
    return found


@pytest.mark.parametrize("dist", sorted(PRIVATE_OVERRIDES))
def test_an_overridden_library_is_bounded_and_within_its_bound(dist: str) -> None:
    requirement = requirements()[dist]
    bound = upper_bound(requirement)
    assert bound is not None, f"{dist}: its private methods are overridden: pin it from above"
    installed = Version(importlib.metadata.version(dist))
    assert installed in requirement.specifier, (
        f"{dist} {installed} is outside {requirement.specifier}: check the private methods "
        f"{PRIVATE_OVERRIDES[dist]} against this release, then move the bound")


@pytest.mark.parametrize("dist", sorted(PRIVATE_OVERRIDES))
def test_the_overridden_private_methods_still_exist(dist: str) -> None:
    for path, names in PRIVATE_OVERRIDES[dist].items():
        cls = _object(path)
        library = [base for base in cls.__mro__[1:]
                   if base.__module__.split(".")[0] == MODULE_OF_DIST[dist]]
        assert library, path
        for name in names:
            assert name in cls.__dict__, (path, name)
            original = next((base.__dict__[name] for base in library if name in base.__dict__),
                            None)
            assert original is not None, f"{dist} no longer has {name}: {path} is dead"
            assert list(inspect.signature(original).parameters) == list(
                inspect.signature(cls.__dict__[name]).parameters), (path, name)


def test_every_dependency_installed_is_one_pyproject_allows() -> None:
    """PySide6-Essentials 6.12.0 (refcount bug on CPython 3.11) is excluded there."""
    for name, requirement in requirements().items():
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        installed = Version(importlib.metadata.version(name))
        assert installed in requirement.specifier, (name, str(installed))


def _package_classes() -> list[type]:
    classes: list[type] = []
    for info in pkgutil.walk_packages(wimc_desktop.__path__, "wimc_desktop."):
        if ".migrations" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        classes.extend(c for _, c in inspect.getmembers(module, inspect.isclass)
                       if c.__module__ == info.name)
    return classes


def test_no_other_private_method_of_a_library_is_overridden() -> None:
    declared = {(path, name) for overrides in PRIVATE_OVERRIDES.values()
                for path, names in overrides.items() for name in names}
    found = set()
    for cls in _package_classes():
        foreign = [base for base in cls.__mro__[1:]
                   if not base.__module__.startswith("wimc_desktop") and base is not object]
        for name, value in vars(cls).items():  # methods (_sunder_: the enum module's API)
            method = inspect.isfunction(value) or isinstance(
                value, staticmethod | classmethod | property)
            if method and name.startswith("_") and not name.endswith("_") and any(
                    name in vars(base) for base in foreign):
                found.add((f"{cls.__module__}.{cls.__qualname__}", name))
    assert found == declared
