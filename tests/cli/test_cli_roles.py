"""The role matrix of the command line, generated from cli.permissions.COMMAND_PERMISSIONS:
every command (and every option that needs more) as every role; a refusal is exit 8
and leaves the event file byte for byte as it was."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from tests.cli.cli_helpers import run
from wimc_desktop.cli.dispatch import build_parser, leaf_parsers
from wimc_desktop.cli.permissions import COMMAND_PERMISSIONS
from wimc_desktop.db.schema import OperatorRow
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.roles import Role, allowed
from wimc_desktop.domain.signings import SigningDraft, SigningParty
from wimc_desktop.services.events import open_event_database
from wimc_desktop.services.importing import import_records
from wimc_desktop.services.operators import add_operator
from wimc_desktop.services.signings import add_signing, list_signings

pytestmark = pytest.mark.usefixtures("qapp")  # (badge pdf paints with QtGui)
PASSWORDS = {"boss": "admin-pass-1", "sup": "super-pass-1", "clerk": "clerk-pass-1",
             "spare": "spare-pass-1"}
ROLE_OF = {"admin": "boss", "supervisor": "sup", "clerk": "clerk"}
DAY = ("--day", "2020-11-26")
PARTIES = ("--party", "南京智行新能源汽车有限公司|投资方|中国", "--party",
           "南京市溧水区人民政府|government")


def samples(tmp: Path, signing_id: str, me: str) -> dict[tuple[str, str | None], list[str]]:
    """A command line for every entry of the table (a new entry without one fails)."""
    csv = tmp / "more.csv"
    csv.write_text("姓名,工作单位,胸卡号\n李四,东南大学,W-009\n", encoding="utf-8")
    return {
        ("init", None): ["init", "--name", "x", "--start", "2020-11-26", "--end", "2020-11-28"],
        ("demo", None): ["demo"],
        ("import", None): ["import", str(csv)],
        ("guests", None): ["guests"],
        ("guests", "--full-pii"): ["guests", "--json", "--full-pii"],
        ("search", None): ["search", "单田芳", *DAY],
        ("search", "--full-pii"): ["search", "单田芳", *DAY, "--json", "--full-pii"],
        ("checkin", None): ["checkin", "W-002", *DAY],
        ("undo-checkin", None): ["undo-checkin", "W-004", *DAY, "--reason", "wrong guest"],
        ("walkin", None): ["walkin", "--name", "新来宾", "--organization", "某公司", *DAY],
        ("edit-guest", None): ["edit-guest", "W-005", "--set", "seat=A-12"],
        ("badge show", None): ["badge", "show", "W-001"],
        ("badge show", "--full-pii"): ["badge", "show", "W-001", "--json", "--full-pii"],
        ("badge pdf", None): ["badge", "pdf", "W-003", "--out", str(tmp / "b.pdf")],
        ("badge reissue", None): ["badge", "reissue", "W-001", "--reason", "lost"],
        ("signing add", None): ["signing", "add", "--project", "新项目", *PARTIES,
                                "--amount", "1亿", "--signed-at", "2020-11-28T15:10"],
        ("signing amend", None): ["signing", "amend", signing_id, "--amount", "2亿",
                                  "--reason", "typo"],
        ("signing cancel", None): ["signing", "cancel", signing_id, "--reason", "withdrawn"],
        ("signing history", None): ["signing", "history", signing_id],
        ("signing list", None): ["signing", "list"],
        ("signing summary", None): ["signing", "summary"],
        ("signing export", None): ["signing", "export", "--format", "csv", "--out",
                                   str(tmp / "s.csv")],
        ("report", None): ["report", *DAY, "--json"],
        ("report", "--out"): ["report", *DAY, "--format", "csv", "--out", str(tmp / "r.csv")],
        ("report", "--full-pii"): ["report", *DAY, "--format", "csv", "--out",
                                   str(tmp / "r2.csv"), "--full-pii"],
        ("operator add", None): ["operator", "add", "newbie", "--role", "clerk"],
        ("operator list", None): ["operator", "list", "--json"],
        ("operator disable", None): ["operator", "disable", "spare"],
        ("operator passwd", None): ["operator", "passwd", me],
        ("audit list", None): ["audit", "list", "--json"],
        ("audit verify", None): ["audit", "verify", "--json"],
        ("purge-personal-data", None): ["purge-personal-data", "--confirm", "--json"],
        ("join", None): ["join", "postgresql+psycopg://desk@127.0.0.1:9/wimc", "--desk", "A"],
        ("sync", None): ["sync", "--json"],
        ("status", None): ["status", "--json"],
        ("conflicts", None): ["conflicts", "--json"],
    }


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An event with guests and four operators (copied by each test)."""
    path = tmp_path_factory.mktemp("roles") / "event.wimc"
    assert run_quiet("--db", str(path), "init", "--name", "世界智能制造大会", "--start",
                     "2020-11-26", "--end", "2020-11-28") == 0
    db = open_event_database(str(path))
    import_records(db, [
        {"name": "单田芳", "organization": "南京大学", "mobile": "13812345678",
         "badge_code": "W-001"},
        {"name": "金文方", "organization": "东南大学", "badge_code": "W-002"},
        {"name": "Jürgen Müller", "organization": "Fraunhofer IPA", "badge_code": "W-003"},
        {"name": "王五", "organization": "河海大学", "badge_code": "W-004"},
    ], source="test")
    nobody = Desk("Desk 1", "setup")
    add_operator(db, "boss", "admin", PASSWORDS["boss"], by=nobody)
    boss = Desk("Desk 1", "boss", "admin")
    for name, role in (("sup", "supervisor"), ("clerk", "clerk"), ("spare", "clerk")):
        add_operator(db, name, role, PASSWORDS[name], by=boss)
    add_signing(db, SigningDraft("旧项目", Decimal("300000000"), (
        SigningParty("南京智行新能源汽车有限公司", "investor", "中国"),
        SigningParty("南京市溧水区人民政府", "government")),
        dt.datetime(2020, 11, 28, 7, 0, tzinfo=dt.UTC)), operator="boss")
    db.dispose()
    return path


def run_quiet(*args: str) -> int:
    from wimc_desktop.app import main

    return main(list(args))


def fingerprint(path: Path) -> str:
    """Every row of every table (the file's bytes may move with a checkpoint)."""
    digest = hashlib.sha256()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
                digest.update(repr(row).encode())
    return digest.hexdigest()


def test_every_command_is_in_the_table() -> None:
    commands = {path for path, _ in leaf_parsers(build_parser())}
    assert commands == {name for name, _ in COMMAND_PERMISSIONS}
    for (name, option), _ in COMMAND_PERMISSIONS.items():
        if option is not None:
            parser = dict(leaf_parsers(build_parser()))[name]
            assert option in parser._option_string_actions, (name, option)


def test_every_command_has_operator_option() -> None:
    for path, parser in leaf_parsers(build_parser()):
        assert "--operator" in parser._option_string_actions, path


@pytest.mark.parametrize("role", [r.value for r in Role])
@pytest.mark.parametrize("entry", list(COMMAND_PERMISSIONS), ids=lambda e: " ".join(
    p for p in e if p))
def test_role_matrix(entry: tuple[str, str | None], role: str, template: Path,
                     tmp_path: Path, capsys: pytest.CaptureFixture[str],
                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "event.wimc"
    for part in template.parent.glob("event.wimc*"):  # (with its -wal file)
        shutil.copyfile(part, tmp_path / part.name)
    name = ROLE_OF[role]
    monkeypatch.setenv("WIMC_PASSWORD", PASSWORDS[name])
    monkeypatch.setenv("WIMC_NEW_PASSWORD", "a-new-password")
    monkeypatch.delenv("WIMC_OPERATOR", raising=False)
    db = ["--db", str(path)]
    event = open_event_database(str(path))
    signing_id = list_signings(event)[0].id
    event.dispose()
    if entry[0] == "undo-checkin":  # the role's own admission, just now: undone in time
        code, _, err = run(capsys, *db, "checkin", "W-004", *DAY, "--operator", name)
        assert code == 0, err
    argv = samples(tmp_path, signing_id, name)[entry]
    before = fingerprint(path)
    code, _, err = run(capsys, *db, *argv, "--operator", name)
    needed = [COMMAND_PERMISSIONS[entry], COMMAND_PERMISSIONS[(entry[0], None)]]
    if all(allowed(role, p) for p in needed):
        assert code != 8, err
    else:
        assert code == 8, err
        assert "may not run" in err and "nothing was done" in err
        assert fingerprint(path) == before


def test_samples_cover_the_table(tmp_path: Path) -> None:
    assert set(samples(tmp_path, "x", "clerk")) == set(COMMAND_PERMISSIONS)


def _copy(template: Path, folder: Path) -> Path:
    for part in template.parent.glob("event.wimc*"):
        shutil.copyfile(part, folder / part.name)
    return folder / "event.wimc"


def test_login_refusals_exit_8_and_change_nothing(template: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = _copy(template, tmp_path)
    db = ["--db", str(path)]
    monkeypatch.delenv("WIMC_OPERATOR", raising=False)
    monkeypatch.delenv("WIMC_PASSWORD", raising=False)
    before = fingerprint(path)
    code, _, err = run(capsys, *db, "checkin", "W-002", *DAY)  # no operator named
    assert code == 8 and "--operator NAME" in err
    code, out, err = run(capsys, *db, "checkin", "W-002", *DAY, "--operator", "clerk",
                         "--json")  # no password, and stdin is not a terminal
    assert code == 8 and "WIMC_PASSWORD" in err
    assert '"exit_code": 8' in out
    assert fingerprint(path) == before
    monkeypatch.setenv("WIMC_PASSWORD", "wrong-password")
    code, _, err = run(capsys, *db, "checkin", "W-002", *DAY, "--operator", "clerk")
    assert code == 8 and "wrong operator or password for 'clerk'" in err
    code, _, err = run(capsys, *db, "checkin", "W-002", *DAY, "--operator", "ghost")
    assert code == 8 and "wrong operator or password for 'ghost'" in err
    event = open_event_database(str(path))
    with event.read() as session:  # the wrong password counted; nothing else changed
        row = session.get(OperatorRow, "clerk")
        assert row is not None and row.failed_logins == 1
    event.dispose()
    assert fingerprint(path) != before  # (the failure is stored: the next waits longer)
    monkeypatch.setenv("WIMC_PASSWORD", PASSWORDS["clerk"])
    monkeypatch.setenv("WIMC_NEW_PASSWORD", "a-new-password")
    code, _, err = run(capsys, *db, "operator", "passwd", "sup", "--operator", "clerk")
    assert code == 8 and "only an admin" in err
    monkeypatch.setenv("WIMC_PASSWORD", PASSWORDS["boss"])
    assert run(capsys, *db, "operator", "disable", "clerk", "--operator", "boss")[0] == 0
    monkeypatch.setenv("WIMC_PASSWORD", PASSWORDS["clerk"])
    code, _, err = run(capsys, *db, "checkin", "W-002", *DAY, "--operator", "clerk")
    assert code == 8 and "disabled" in err


def test_an_event_without_operators_works_as_before(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(tmp_path / "open.wimc")
    monkeypatch.delenv("WIMC_PASSWORD", raising=False)
    monkeypatch.setenv("WIMC_OPERATOR", "王芳")
    assert run(capsys, "--db", path, "init", "--name", "大会", "--start", "2020-11-26",
               "--end", "2020-11-28")[0] == 0
    code, out, _ = run(capsys, "--db", path, "walkin", "--name", "张三", *DAY, "--json")
    assert code == 0 and '"operator": "王芳"' in out
    monkeypatch.setenv("WIMC_NEW_PASSWORD", "first-admin-1")
    code, _, err = run(capsys, "--db", path, "operator", "add", "root", "--role", "clerk")
    assert code == 2 and "first operator must be an admin" in err
    code, out, _ = run(capsys, "--db", path, "operator", "add", "root", "--role", "admin",
                       "--display-name", "总管", "--json")
    assert code == 0 and '"role": "admin"' in out and "first-admin-1" not in out
    code, _, err = run(capsys, "--db", path, "guests")  # from now on: an operator
    assert code == 8
    monkeypatch.setenv("WIMC_PASSWORD", "first-admin-1")
    assert run(capsys, "--db", path, "guests", "--operator", "root")[0] == 0


def test_init_makes_the_first_admin(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "new.wimc"
    init = ["--db", str(path), "init", "--name", "大会", "--start", "2020-11-26", "--end",
            "2020-11-28", "--admin", "root"]
    monkeypatch.setenv("WIMC_NEW_PASSWORD", "short")
    code, _, err = run(capsys, *init)
    assert code == 2 and "at least 8" in err and not path.exists()  # no event left behind
    monkeypatch.setenv("WIMC_NEW_PASSWORD", "root-pass-123")
    assert run(capsys, *init)[0] == 0
    assert run(capsys, "--db", str(path), "guests")[0] == 8
    monkeypatch.setenv("WIMC_PASSWORD", "root-pass-123")
    code, out, _ = run(capsys, "--db", str(path), "operator", "list", "--json",
                       "--operator", "root")
    assert code == 0 and '"role": "admin"' in out
