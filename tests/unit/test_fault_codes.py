"""Database failures are classified by SQLite result code and SQLSTATE, never by their words.

The errors here carry a code and a message that says something else (or nothing at all):
the code alone decides. A source scan checks that no module of the package reads an
exception's text to decide what happened.
"""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

import psycopg
import psycopg.errors
import pytest
import sqlalchemy as sa

from wimc_desktop.db.faults import SQLITE_FAULTS, SQLSTATE_FAULTS, Fault, classify, domain_error
from wimc_desktop.domain.errors import (
    CannotWriteError,
    DatabaseBusyError,
    HubUnreachableError,
    NotAnEventDatabaseError,
)

PACKAGE = Path(__file__).resolve().parents[2] / "wimc_desktop"
MISLEADING = "database is locked; disk full; readonly; not a database"


def _sqlite(code: int, text: str = MISLEADING) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(text)
    error.sqlite_errorcode = code  # what the driver sets from sqlite3_extended_errcode()
    return error


# (extended result code, its name, the fault): sqlite.org/rescode.html
EXTENDED = [
    (5, "SQLITE_BUSY", Fault.BUSY),
    (517, "SQLITE_BUSY_SNAPSHOT", Fault.BUSY),
    (773, "SQLITE_BUSY_TIMEOUT", Fault.BUSY),
    (262, "SQLITE_LOCKED_SHAREDCACHE", Fault.BUSY),
    (8, "SQLITE_READONLY", Fault.READ_ONLY),
    (1032, "SQLITE_READONLY_DBMOVED", Fault.READ_ONLY),
    (13, "SQLITE_FULL", Fault.FULL),
    (778, "SQLITE_IOERR_WRITE", Fault.IO),
    (4874, "SQLITE_IOERR_SHMSIZE", Fault.IO),
    (14, "SQLITE_CANTOPEN", Fault.CANT_OPEN),
    (526, "SQLITE_CANTOPEN_ISDIR", Fault.CANT_OPEN),
    (26, "SQLITE_NOTADB", Fault.NOT_A_DATABASE),
    (267, "SQLITE_CORRUPT_VTAB", Fault.NOT_A_DATABASE),
    (3, "SQLITE_PERM", Fault.PERMISSION),
    (23, "SQLITE_AUTH", Fault.PERMISSION),
]


@pytest.mark.parametrize(("code", "name", "fault"), EXTENDED)
def test_sqlite_extended_codes_decide(code: int, name: str, fault: Fault) -> None:
    assert getattr(sqlite3, name, code) == code  # the stdlib agrees on the number
    assert classify(_sqlite(code)) is fault
    assert classify(sa.exc.OperationalError("SELECT 1", {}, _sqlite(code))) is fault


def test_sqlite_words_without_a_code_are_no_fault() -> None:
    assert classify(sqlite3.OperationalError(MISLEADING)) is None
    assert classify(_sqlite(1)) is None  # SQLITE_ERROR: a bad statement, whatever it says
    assert classify(_sqlite(19)) is None  # SQLITE_CONSTRAINT: a bug, not the machine's
    broken = sqlite3.IntegrityError("database is locked")
    broken.sqlite_errorcode = 2067  # SQLITE_CONSTRAINT_UNIQUE
    assert domain_error(broken, "x.wimc") is None  # a bug: told as one, whatever it says
    assert classify(OSError(MISLEADING)) is None


def test_every_sqlite_primary_code_is_tried() -> None:
    assert {code & 0xFF for code, _, _ in EXTENDED} == set(SQLITE_FAULTS)


@pytest.mark.parametrize("state", sorted(SQLSTATE_FAULTS))
def test_sqlstates_decide(state: str) -> None:
    error = psycopg.errors.lookup(state)(MISLEADING)
    assert error.sqlstate == state
    assert classify(error) is SQLSTATE_FAULTS[state]
    assert classify(sa.exc.DBAPIError("SELECT 1", {}, error)) is SQLSTATE_FAULTS[state]


def test_postgres_connection_failures_are_unreachable() -> None:
    assert classify(psycopg.errors.lookup("08006")("disk full")) is Fault.UNREACHABLE
    no_answer = psycopg.OperationalError("database is locked")  # no SQLSTATE at all
    assert classify(no_answer) is Fault.UNREACHABLE
    assert classify(psycopg.errors.lookup("23505")("database is locked")) is None  # unique


def test_each_fault_is_its_domain_error() -> None:
    kinds = {5: DatabaseBusyError, 13: CannotWriteError, 8: CannotWriteError,
             26: NotAnEventDatabaseError}
    for code, kind in kinds.items():
        assert type(domain_error(_sqlite(code), "x.wimc")) is kind
    assert type(domain_error(psycopg.errors.lookup("08001")("x"), "hub")) is HubUnreachableError


def _reads_exception_text(node: ast.AST, caught: set[str]) -> bool:
    """`str(exc)`, `exc.args`, `repr(exc)` or `f"{exc}"` of a caught exception."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id in ("str", "repr") and any(
            isinstance(a, ast.Name) and a.id in caught for a in node.args)
    if isinstance(node, ast.Attribute):
        return node.attr == "args" and isinstance(node.value, ast.Name) \
            and node.value.id in caught
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) and isinstance(v.value, ast.Name)
                   and v.value.id in caught for v in node.values)
    return False


def _text_tests(tree: ast.AST) -> list[int]:
    """Lines where a caught exception's text is searched (`"..." in str(exc)`, `.startswith`,
    `re.search(..., str(exc))`, comparisons with it)."""
    caught = {h.name for h in ast.walk(tree) if isinstance(h, ast.ExceptHandler) and h.name}
    found: list[int] = []
    for node in ast.walk(tree):
        parts: list[ast.AST] = []
        if isinstance(node, ast.Compare):
            parts = [node.left, *node.comparators]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in ("startswith", "endswith", "find", "count", "index"):
                parts = [node.func.value]
            elif node.func.attr in ("search", "match", "fullmatch", "findall"):
                parts = list(node.args)
        inner = [sub for part in parts for sub in ast.walk(part)]
        if any(_reads_exception_text(sub, caught) for sub in inner):
            found.append(node.lineno)
    return found


def test_no_module_reads_an_exceptions_words() -> None:
    offenders = {str(path.relative_to(PACKAGE)): lines for path in sorted(PACKAGE.rglob("*.py"))
                 if (lines := _text_tests(ast.parse(path.read_text("utf-8"))))}
    assert offenders == {}


def test_the_scan_finds_what_it_looks_for() -> None:
    sample = ast.parse("try:\n    pass\nexcept Exception as exc:\n"
                       "    locked = 'locked' in str(exc)\n"
                       "    full = exc.args[0].startswith('disk')\n"
                       "    ok = str(exc) == 'x'\n")
    assert _text_tests(sample) == [4, 5, 6]
