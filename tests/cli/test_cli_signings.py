"""`wimc-desk signing ...`: the command names, JSON keys and exit codes are a public contract."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wimc_desktop.app import main

ROOT = Path(__file__).resolve().parents[2]
PARTIES = ("--party", "南京智行新能源汽车有限公司|投资方|中国", "--party",
           "南京市溧水区人民政府|government")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "cli.wimc")
    assert run(capsys, "--db", path, "init", "--name", "世界智能制造大会", "--start",
               "2020-11-26", "--end", "2020-11-28")[0] == 0
    return path


def add(capsys: pytest.CaptureFixture[str], db: str, *extra: str) -> tuple[int, str, str]:
    return run(capsys, "--db", db, "signing", "add", "--project", "新能源汽车整车项目",
               *PARTIES, "--amount", "45亿", "--sector", "新能源汽车", "--location", "溧水区",
               "--ceremony", "闭幕式暨重大项目签约仪式", "--signed-at", "2020-11-28T15:10",
               "--witness", "张三|江苏省人民政府副省长", "--operator", "王芳", *extra)


def test_add_list_and_summary_json(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = add(capsys, db, "--json")
    assert code == 0
    signing = json.loads(out)
    assert signing["amount_fen"] == 450_000_000_000 and signing["amount_yuan"] == "4500000000.00"
    assert signing["signed_at"] == "2020-11-28T07:10:00+00:00" and signing["day"] == "2020-11-28"
    assert [p["role"] for p in signing["parties"]] == ["investor", "government"]
    assert signing["witnesses"] == [{"name": "张三", "title": "江苏省人民政府副省长",
                                     "guest_id": None}]
    assert signing["recorded_by"] == "王芳" and signing["status"] == "signed"
    code, out, _ = run(capsys, "--db", db, "signing", "add", "--project", "工业机器人项目",
                       *PARTIES, "--amount", "1,234,567.89", "--signed-at",
                       "2020-11-27T09:00+08:00")
    assert code == 0 and len(out.strip()) == 36  # the new id
    code, out, _ = run(capsys, "--db", db, "signing", "list", "--json")
    assert [s["project_zh"] for s in json.loads(out)] == ["工业机器人项目", "新能源汽车整车项目"]
    code, out, _ = run(capsys, "--db", db, "signing", "summary", "--by", "day", "--json")
    summary = json.loads(out)
    assert code == 0 and summary["count"] == 2
    assert summary["total_fen"] == 450_123_456_789 and summary["total_yuan"] == "4501234567.89"
    assert summary["total_display"] == "45.01亿元"
    assert [(g["key"], g["count"], g["total_fen"]) for g in summary["groups"]] == [
        ("2020-11-27", 1, 123_456_789), ("2020-11-28", 1, 450_000_000_000)]
    assert not any(isinstance(v, float) for v in summary.values())


def test_summary_text_and_filters(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    add(capsys, db)
    add(capsys, db, "--amount", "3000万", "--sector", "集成电路")
    code, out, _ = run(capsys, "--db", db, "signing", "summary", "--by", "sector")
    assert code == 0
    assert out.splitlines() == ["新能源汽车\t1\t45.00亿元\t4500000000.00",
                                "集成电路\t1\t3,000.00万元\t30000000.00",
                                "2 项，合计 45.30 亿元"]
    code, out, _ = run(capsys, "--db", db, "signing", "summary", "--lang", "en", "--sector",
                       "集成电路")
    assert out.splitlines()[-1] == "1 signing, total 30.00 million yuan"
    code, out, err = run(capsys, "--db", db, "signing", "list", "--day", "2020-11-28")
    assert code == 0 and len(out.splitlines()) == 2 and "2 signings" in err


@pytest.mark.parametrize(("args", "message"), [
    (("--project", "X", *PARTIES, "--amount", "5.2亿亿"), "not an amount"),
    (("--project", "X", *PARTIES, "--amount", "1.001"), "more precise than a fen"),
    (("--project", "X", *PARTIES, "--amount", "-5"), "not an amount"),
    (("--project", "X", *PARTIES, "--amount", "0"), "more than zero"),
    (("--project", "X", *PARTIES), "needs an amount"),
    (("--project", "X", "--party", "只有一方", "--amount", "1亿"), "at least two parties"),
    (("--project", "X", "--amount", "1亿"), "at least two parties"),
    ((*PARTIES, "--amount", "1亿"), "project name"),
    (("--project", " ", *PARTIES, "--amount", "1亿"), "project name"),
    (("--project", "X", *PARTIES, "--amount", "1亿", "--signed-at", "yesterday"), "not a time"),
    (("--project", "X", *PARTIES, "--amount", "1亿", "--currency", "元宝"), "currency"),
])
def test_bad_input_exits_2_and_records_nothing(db: str, capsys: pytest.CaptureFixture[str],
                                               args: tuple[str, ...], message: str) -> None:
    code, out, err = run(capsys, "--db", db, "signing", "add", *args, "--json")
    assert code == 2 and message in err and err.startswith("wimc-desk: ")
    # stdout holds only the refusal, as JSON (a script reads an answer every time)
    assert json.loads(out) == {"outcome": "rejected", "error": err[len("wimc-desk: "):].strip(),
                               "exit_code": 2}
    assert json.loads(run(capsys, "--db", db, "signing", "list", "--json")[1]) == []


def test_amend_cancel_and_history(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    signing_id = json.loads(add(capsys, db, "--json")[1])["id"]
    code, out, _ = run(capsys, "--db", db, "signing", "amend", signing_id[:13], "--amount",
                       "40亿", "--reason", "金额更正", "--json")
    assert code == 0 and json.loads(out)["status"] == "amended"
    assert json.loads(out)["parties"][0]["name"] == "南京智行新能源汽车有限公司"  # kept
    code, _, err = run(capsys, "--db", db, "signing", "amend", signing_id, "--amount", "40亿",
                       "--reason", "again")
    assert code == 2 and "nothing changed" in err
    code, out, _ = run(capsys, "--db", db, "signing", "cancel", signing_id, "--reason", "撤回",
                       "--json")
    assert code == 0 and json.loads(out)["status"] == "cancelled"
    summary = json.loads(run(capsys, "--db", db, "signing", "summary", "--json")[1])
    assert (summary["count"], summary["total_fen"], summary["cancelled"]) == (0, 0, 1)
    code, out, _ = run(capsys, "--db", db, "signing", "history", signing_id, "--json")
    history = json.loads(out)
    assert [h["action"] for h in history] == ["recorded", "amended", "cancelled"]
    assert [h["snapshot"]["amount_fen"] for h in history] == [
        450_000_000_000, 400_000_000_000, 400_000_000_000]
    assert run(capsys, "--db", db, "signing", "cancel", "ffffffff", "--reason", "x")[0] == 4
    assert run(capsys, "--db", db, "signing", "cancel", signing_id, "--reason", "x")[0] == 2
    with pytest.raises(SystemExit) as caught:  # the reason is required
        main(["--db", db, "signing", "cancel", signing_id])
    assert caught.value.code == 2


def test_large_amounts_are_recorded_with_a_note(db: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = add(capsys, db, "--amount", "150亿")
    assert code == 0 and "100 亿 or more" in err


def test_export_xlsx_and_csv(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add(capsys, db)
    for fmt in ("xlsx", "csv"):
        out = tmp_path / f"signings.{fmt}"
        code, _, err = run(capsys, "--db", db, "signing", "export", "--format", fmt, "--out",
                           str(out))
        assert code == 0 and out.is_file() and "1 signings" in err
    rows = list(csv.reader((tmp_path / "signings.csv").read_text("utf-8-sig").splitlines()))
    assert rows[1][1] == "新能源汽车整车项目" and rows[1][5] == "4500000000.00"
    code, _, err = run(capsys, "--db", db, "signing", "export", "--format", "csv", "--out",
                       str(tmp_path / "missing" / "x.csv"))
    assert code == 2 and "no such folder" in err
    with pytest.raises(SystemExit):
        main(["--db", db, "signing", "export", "--format", "doc", "--out", "x.doc"])


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_demo_export_pdf_as_a_separate_process(tmp_path: Path) -> None:
    """The real entry point, headless (its own process: no Qt application shared)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    db, pdf = str(tmp_path / "demo.wimc"), tmp_path / "signings.pdf"
    for args in (("demo",), ("signing", "export", "--format", "pdf", "--out", str(pdf))):
        done = subprocess.run([sys.executable, "-m", "wimc_desktop", "--db", db, *args],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "30 项，合计 536.30 亿元" in text and "集成电路设计产业园项目" in text
    done = subprocess.run([sys.executable, "-m", "wimc_desktop", "--db", db, "signing",
                           "summary", "--json"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert json.loads(done.stdout)["total_yuan"] == "53630000000.00"


def test_add_amend_and_cancel_name_their_desk(db: str, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """--desk (else $WIMC_DESK) is the desk the audit rows name, as for check-ins: on a desk
    of a hub it is also the desk a conflict of two amendments names."""
    code, out, _ = add(capsys, db, "--desk", "签约台", "--json")
    assert code == 0
    signing_id = json.loads(out)["id"]
    monkeypatch.setenv("WIMC_DESK", "Hall 3")
    assert run(capsys, "--db", db, "signing", "amend", signing_id, "--amount", "46亿",
               "--reason", "合同金额", "--operator", "李明")[0] == 0
    assert run(capsys, "--db", db, "signing", "cancel", signing_id, "--desk", "Hall 4",
               "--reason", "项目取消", "--operator", "李明")[0] == 0
    code, out, _ = run(capsys, "--db", db, "audit", "list", "--json")
    rows = [r for r in json.loads(out) if r["action"].startswith("signing_")]
    assert [(r["action"], r["desk"], r["operator"]) for r in rows] == [
        ("signing_recorded", "签约台", "王芳"), ("signing_amended", "Hall 3", "李明"),
        ("signing_cancelled", "Hall 4", "李明")]
