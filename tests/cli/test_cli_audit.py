"""The audit log from the command line: `audit list` (its JSON contract) and `audit verify`,
which finds a row edited, deleted or inserted with the sqlite3 module (as an attacker with
the sqlite3 shell would do it, the append-only triggers dropped first) and exits 9."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.cli.cli_helpers import new_event, run
from wimc_desktop.domain.audit_chain import entry_hash

CODE = "X-000001"


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = new_event(capsys, tmp_path / "audit.wimc",
                     f"姓名,手机号码,胸卡号\n张伟,13812345678,{CODE}\n李娜,13912345678,X-000002\n")
    for day in ("2020-11-26", "2020-11-26", "2020-11-27"):  # an admission, a refusal, one more
        run(capsys, "--db", path, "checkin", CODE, "--day", day, "--desk", "D1",
            "--operator", "wang")
    assert run(capsys, "--db", path, "badge", "reissue", "X-000002", "--reason", "lost",
               "--desk", "D2", "--operator", "li")[0] == 0
    return path


def listing(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> list[dict[str, object]]:
    code, out, _ = run(capsys, "--db", db, "audit", "list", "--json", *args)
    assert code == 0
    rows = json.loads(out)
    assert isinstance(rows, list)
    return rows


def test_list_has_the_contract_keys_and_filters(db: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    rows = listing(capsys, db)
    assert [r["action"] for r in rows] == ["guests_imported", "checked_in",
                                           "refused:already_checked_in", "checked_in",
                                           "badge_reissued"]
    for row in rows:
        assert {"at", "operator", "role", "desk", "action", "guest", "reason"} <= set(row)
    assert rows[1]["guest"] == CODE and rows[1]["desk"] == "D1" and rows[1]["operator"] == "wang"
    assert rows[0]["guest"] is None
    reissue = rows[-1]
    assert reissue["reason"] == "lost" and reissue["operator"] == "li"
    assert reissue["details"]["before"] == {"badge_code": "X-000002"}  # type: ignore[index]
    assert [r["action"] for r in listing(capsys, db, "--by", "li")] == ["badge_reissued"]
    assert len(listing(capsys, db, "--action", "checked_in")) == 2
    assert len(listing(capsys, db, "--action", "refused:")) == 1
    assert listing(capsys, db, "--day", "2020-11-27") == []  # (rows carry the real time)
    today = dt.datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()
    assert len(listing(capsys, db, "--day", today)) in (0, 5)  # (0 only across midnight)


def test_verify_holds_on_an_untouched_log(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", db, "audit", "verify", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["ok"] is True and result["rows"] == 5 and result["broken"] is None


def test_the_triggers_refuse_update_and_delete(db: str) -> None:
    conn = sqlite3.connect(db)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE audit SET reason = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM audit")
    conn.close()


def _attacker(db: str) -> sqlite3.Connection:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    return conn


def _verify_fails_at(capsys: pytest.CaptureFixture[str], db: str, seq: int) -> str:
    code, out, err = run(capsys, "--db", db, "audit", "verify", "--json")
    assert code == 9
    broken = json.loads(out)["broken"]
    assert broken["seq"] == seq
    assert f"row {seq}" in err
    return str(broken["reason"])


def test_verify_finds_an_edited_row(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    conn = _attacker(db)
    conn.execute("UPDATE audit SET operator = 'nobody' WHERE seq = 2")
    conn.close()
    assert _verify_fails_at(capsys, db, 2) == "edited"


def test_verify_finds_an_edited_detail(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    conn = _attacker(db)
    conn.execute("""UPDATE audit SET details = replace(details, 'X-000002', 'X-000009')
                    WHERE seq = 5""")
    conn.close()
    assert _verify_fails_at(capsys, db, 5) == "edited"


def test_verify_finds_a_deleted_row(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    conn = _attacker(db)
    conn.execute("DELETE FROM audit WHERE seq = 3")
    conn.close()
    _verify_fails_at(capsys, db, 4)


def test_verify_finds_a_deleted_last_row(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    conn = _attacker(db)
    conn.execute("DELETE FROM audit WHERE seq = 5")
    conn.close()
    assert _verify_fails_at(capsys, db, 4) == "head"


def test_verify_finds_an_inserted_row(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A row made to look right (its own hash recomputed, the next seq numbers moved up):
    the row after it still names the old previous hash."""
    conn = _attacker(db)
    prev = conn.execute("SELECT hash FROM audit WHERE seq = 2").fetchone()[0]
    conn.execute("UPDATE audit SET seq = seq + 100 WHERE seq > 2")
    conn.execute("UPDATE audit SET seq = seq - 99 WHERE seq > 100")
    at = dt.datetime(2020, 11, 26, 1, 0, tzinfo=dt.UTC)
    digest = entry_hash(3, "forged", at, "x", "", "D1", "checkin_undone", None, "", {}, prev)
    conn.execute("INSERT INTO audit (id, seq, at, desk, operator, role, action, guest_id, "
                 "reason, details, prev_hash, hash) VALUES ('forged', 3, "
                 "'2020-11-26 01:00:00.000000', 'D1', 'x', '', 'checkin_undone', NULL, '', "
                 "'{}', ?, ?)", (prev, digest))
    conn.close()
    assert _verify_fails_at(capsys, db, 4) == "inserted or deleted before it"


def test_audit_list_refused_to_a_clerk(db: str, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A clerk logged in with their own password may not read the log (exit 8, only the
    failure printed); a supervisor may. (Every command x role: tests/cli/test_cli_roles.py.)"""
    from wimc_desktop.db.engine import Database
    from wimc_desktop.domain.checkin import Desk
    from wimc_desktop.services.operators import add_operator

    event = Database(f"sqlite:///{db}")
    try:
        admin = Desk("D1", "boss", "admin")
        add_operator(event, "boss", "admin", "boss-password", by=Desk("D1", "root"))
        add_operator(event, "wang", "clerk", "wang-password", by=admin)
        add_operator(event, "li", "supervisor", "li-password", by=admin)
    finally:
        event.dispose()
    monkeypatch.setenv("WIMC_PASSWORD", "wang-password")
    code, out, err = run(capsys, "--db", db, "audit", "list", "--json", "--operator", "wang")
    assert code == 8 and "supervisor" in err
    assert json.loads(out) == {"outcome": "failed", "exit_code": 8, "error": err.split(": ", 1)[1]
                               .strip()}  # the failure as JSON, no rows
    monkeypatch.setenv("WIMC_PASSWORD", "li-password")
    code, out, _ = run(capsys, "--db", db, "audit", "list", "--json", "--operator", "li")
    assert code == 0 and json.loads(out)
