"""`walkin` refuses a possible duplicate (exit 2, masked matches in JSON); --force registers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.cli.cli_helpers import new_event, run
from wimc_desktop.db.schema import AuditRow
from wimc_desktop.services.events import open_event_database

DAY = ("--day", "2020-11-26")


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    return new_event(capsys, tmp_path / "cli.wimc",
                     "姓名,工作单位,手机号码,邮箱,胸卡号\n"
                     "张伟,东南大学,13800138000,zw@seu.edu.cn,W-001\n"
                     "李娜,南京大学,,,W-002\n")


def _guest_count(capsys: pytest.CaptureFixture[str], db: str) -> int:
    return len(json.loads(run(capsys, "--db", db, "guests", "--json")[1]))


def test_walkin_like_a_listed_guest_exits_2_with_the_matches(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    guests = run(capsys, "--db", db, "guests", "--json")[1]
    keys = set(json.loads(guests)[0])
    code, out, err = run(capsys, "--db", db, "walkin", "--name", "张伟", "--mobile",
                         "138-0013-8000", *DAY, "--json")
    assert code == 2
    data = json.loads(out)
    assert data["outcome"] == "possible_duplicate"
    [match] = data["matches"]
    assert keys <= set(match)  # the keys the CLI already writes for a guest
    assert (match["badge_code"], match["name"]) == ("W-001", "张伟")
    assert match["mobile"] == "138****8000" and match["email"] == "z***@seu.edu.cn"
    assert "13800138000" not in out + err
    assert "W-001" in err and "--force" in err
    assert _guest_count(capsys, db) == 2  # nothing written
    code, out, err = run(capsys, "--db", db, "walkin", "--name", "章伟", "--email",
                         "ZW@seu.edu.cn", *DAY)
    assert code == 2 and out == "" and "W-001" in err


def test_walkin_force_registers_and_is_recorded(db: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "walkin", "--name", "张伟", "--organization",
                       "东南大学", *DAY, "--force", "--json", "--desk", "D9")
    assert code == 0
    result = json.loads(out)
    assert result["outcome"] == "admitted" and result["guest"]["source"] == "walk-in"
    assert _guest_count(capsys, db) == 3
    event = open_event_database(db)
    with event.read() as session:
        audit = session.execute(select(AuditRow).where(
            AuditRow.action == "walk_in_despite_duplicate")).scalar_one()
        assert audit.desk == "D9" and audit.details["possible_duplicates"] == "W-001"
    event.dispose()


def test_walkin_without_a_match_is_unchanged(db: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "walkin", "--name", "张伟", "--organization",
                       "河海大学", *DAY)
    assert code == 0 and out.strip().startswith("WIMC-")


def test_a_walk_in_without_organization_or_title_is_admitted_without_empty_brackets(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    # Found by hand: "ADMITTED 王芳 (, ) on 2020-11-26".
    code, _out, err = run(capsys, "--db", db, "walkin", "--name", "王芳", *DAY)
    assert code == 0 and "ADMITTED 王芳 on 2020-11-26" in err
    code, _out, err = run(capsys, "--db", db, "walkin", "--name", "赵磊", "--organization",
                          "东南大学", *DAY)
    assert code == 0 and "ADMITTED 赵磊 (东南大学) on 2020-11-26" in err
    code, _out, err = run(capsys, "--db", db, "checkin", "W-001", *DAY)
    assert code == 0 and "ADMITTED 张伟 (东南大学) on 2020-11-26" in err


def test_walkin_json_refused_for_bad_input_prints_a_json_object(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A script reading stdout gets an answer for a refused walk-in too (it got nothing)."""
    code, out, err = run(capsys, "--db", db, "walkin", "--name", "王芳", "--mobile", "12",
                         *DAY, "--json")
    assert code == 2
    data = json.loads(out)
    assert data["outcome"] == "rejected" and data["exit_code"] == 2
    assert data["error"] and data["error"] in err
    assert _guest_count(capsys, db) == 2  # nothing written


def test_other_json_commands_report_a_known_failure_as_json(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", db, "undo-checkin", "W-002", *DAY, "--reason", "typo",
                         "--json")
    assert code == 4, err  # W-002 was never checked in
    data = json.loads(out)
    assert data == {"outcome": "failed", "error": data["error"], "exit_code": 4}
    assert data["error"] and data["error"] in err
