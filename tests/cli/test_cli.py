"""The headless CLI: commands, JSON keys and exit codes are a public contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wimc_desktop.app import main

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "cli.wimc")
    code, _, err = run(capsys, "--db", path, "init", "--name", "世界智能制造大会", "--start",
                       "2020-11-26", "--end", "2020-11-28")
    assert code == 0 and "Created event" in err
    return path


def test_import_json_and_guests(db: str, shared_data: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db, "import", str(shared_data / "guests_gb18030.csv"),
                       "--json")
    assert code == 0
    report = json.loads(out)
    assert {k: report[k] for k in ("added", "updated", "unchanged", "rejected", "errors")} == {
        "added": 300, "updated": 0, "unchanged": 0, "rejected": 0, "errors": []}
    code, out, _ = run(capsys, "--db", db, "guests", "--json")
    guests = json.loads(out)
    assert code == 0 and len(guests) == 300
    assert set(guests[0]) >= {"name", "name_en", "organization", "title", "category",
                              "attendance", "mobile", "email", "badge_code"}


def test_rejected_import_exits_2_and_lists_problems(db: str, shared_data: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", db, "import",
                         str(shared_data / "bad" / "bad_rows.csv"), "--json")
    assert code == 2
    report = json.loads(out)
    assert report["added"] == 0 and report["rejected"] == 4
    assert {"row": 3, "column": "姓名", "value": "", "reason": "missing name",
            "code": "missing_name"} in report["errors"]
    assert "row 4" in err and "bad_rows.csv" in err
    assert json.loads(run(capsys, "--db", db, "guests", "--json")[1]) == []


def test_dry_run_and_map(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "odd.csv"
    source.write_text("参会人员,所属\n张三,东南大学\n", encoding="utf-8")
    assert run(capsys, "--db", db, "import", str(source))[0] == 2
    code, out, _ = run(capsys, "--db", db, "import", str(source), "--map", "name=参会人员",
                       "--map", "organization=所属", "--dry-run", "--json")
    assert code == 0 and json.loads(out)["added"] == 1
    assert json.loads(run(capsys, "--db", db, "guests", "--json")[1]) == []
    with pytest.raises(SystemExit) as caught:
        main(["--db", db, "import", str(source), "--map", "nonsense"])
    assert caught.value.code == 2
    assert run(capsys, "--db", db, "import", str(source), "--map", "nickname=所属")[0] == 2


def test_missing_or_foreign_database_exits_4(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "none.wimc"), "guests")
    assert code == 4 and "no event database" in err
    other = tmp_path / "notes.txt"
    other.write_text("hello" * 100)
    assert run(capsys, "--db", str(other), "guests")[0] == 4
    assert not (tmp_path / "none.wimc").exists()


def test_bad_usage_exits_2(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--db", db, "init", "--name", "x", "--start", "2020-13-01", "--end", "2020-11-28"])
    assert caught.value.code == 2
    assert run(capsys, "--db", db, "import", "/nonexistent/list.csv")[0] == 2


def test_checkin_undo_and_walkin(db: str, shared_data: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--db", db, "import", str(shared_data / "guests_gb18030.csv"))
    day = ("--day", "2020-11-26")
    desk = ("--desk", "Desk 3", "--operator", "王芳")
    code, out, _ = run(capsys, "--db", db, "checkin", "WIMC20-000006", *day, *desk, "--json")
    result = json.loads(out)
    assert code == 0 and result["outcome"] == "admitted" and result["first_checkin"] is None
    assert result["guest"]["name"] == "单田芳"
    code, out, err = run(capsys, "--db", db, "checkin", "wimc20-000006", *day, "--json")
    result = json.loads(out)
    assert code == 3 and result["outcome"] == "already_checked_in"
    assert result["first_checkin"]["desk"] == "Desk 3" and "at" in result["first_checkin"]
    assert "ALREADY CHECKED IN" in err
    assert run(capsys, "--db", db, "checkin", "NOPE", *day)[0] == 4
    assert run(capsys, "--db", db, "checkin", "WIMC20-000006", "--day", "2021-01-01")[0] == 6
    assert run(capsys, "--db", db, "undo-checkin", "WIMC20-000006", *day, "--reason",
               "scanned the wrong badge")[0] == 0
    assert run(capsys, "--db", db, "checkin", "WIMC20-000006", *day)[0] == 0
    assert run(capsys, "--db", db, "undo-checkin", "WIMC20-000001", *day, "--reason", "x")[0] == 4
    code, out, _ = run(capsys, "--db", db, "walkin", "--name", "刘洋", "--organization", "媒体",
                       "--mobile", "13800138000", "--category", "媒体", *day)
    assert code == 0 and out.strip().startswith("WIMC-")
    assert run(capsys, "--db", db, "checkin", out.strip(), *day)[0] == 3
    assert run(capsys, "--db", db, "walkin", "--name", "x", "--mobile", "12", *day)[0] == 2


def test_python_m_entry_runs_headless(tmp_path: Path) -> None:
    env = {**os.environ, "WIMC_NO_BOOTSTRAP": "1", "WIMC_DB": str(tmp_path / "env.wimc")}
    done = subprocess.run([sys.executable, "-m", "wimc_desktop", "init", "--name", "测试",
                           "--start", "2020-11-26", "--end", "2020-11-26"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    listed = subprocess.run([sys.executable, "main.py", "guests", "--json"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0 and json.loads(listed.stdout) == []


def test_search_filters(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    guests = [("张伟", "expert", "onsite"), ("张敏", "expert", "online"),
              ("张强", "media", "onsite"), ("李娜", "expert", "onsite")]
    lines = ["姓名,类别,参会方式,胸卡号"] + [f"{n},{c},{a},S-{i}"
                                          for i, (n, c, a) in enumerate(guests)]
    path = Path(db).with_name("filters.csv")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run(capsys, "--db", db, "import", str(path))[0] == 0
    day = ("--day", "2020-11-26")
    assert run(capsys, "--db", db, "checkin", "S-0", *day)[0] == 0

    def names(*options: str) -> tuple[int, list[str]]:
        code, out, _ = run(capsys, "--db", db, "search", "张", *day, *options, "--json")
        assert code == 0
        data = json.loads(out)
        return data["total"], sorted(r["name"] for r in data["results"])

    assert names() == (3, ["张伟", "张强", "张敏"])
    assert names("--category", "expert") == (2, ["张伟", "张敏"])
    assert names("--attendance", "onsite") == (2, ["张伟", "张强"])
    assert names("--checked-in") == (1, ["张伟"])
    assert names("--not-checked-in", "--category", "expert") == (1, ["张敏"])
    with pytest.raises(SystemExit) as usage:  # argparse: exit 2, nothing searched
        run(capsys, "--db", db, "search", "张", "--checked-in", "--not-checked-in")
    assert usage.value.code == 2


def test_import_badge_code_conflicts_and_replace_badge_codes(
        db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = tmp_path / "first.csv"
    first.write_text("姓名,邮箱,胸卡号\n张伟,zw@seu.edu.cn,X-000006\n", encoding="utf-8")
    second = tmp_path / "second.csv"
    second.write_text("姓名,邮箱,胸卡号\n张伟,zw@seu.edu.cn,WIMC20-000006\n", encoding="utf-8")
    assert run(capsys, "--db", db, "import", str(first))[0] == 0
    code, out, err = run(capsys, "--db", db, "import", str(second), "--json")
    assert code == 2
    assert json.loads(out)["errors"][0]["code"] == "badge_code_conflict"
    assert "X-000006" in err and "WIMC20-000006" in err and "--replace-badge-codes" in err
    code, out, err = run(capsys, "--db", db, "import", str(second), "--replace-badge-codes",
                         "--desk", "注册处", "--operator", "王老师", "--json")
    assert code == 0
    assert {k: json.loads(out)[k] for k in ("updated", "badge_codes_replaced")} == {
        "updated": 1, "badge_codes_replaced": 1}
    code, out, _ = run(capsys, "--db", db, "badge", "show", "X-000006", "--json")
    shown = json.loads(out)
    assert shown["status"] == "revoked" and shown["replaced_by"] == "WIMC20-000006"
