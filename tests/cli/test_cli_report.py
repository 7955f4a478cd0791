"""`wimc-desk report`: the figures as JSON and the files; the options and exit codes are a contract.

    wimc-desk [--db ...] report --day YYYY-MM-DD --format xlsx|csv|pdf --out FILE [--full-pii]
    wimc-desk [--db ...] report --day YYYY-MM-DD --json
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from tests.unit.test_report_exports import build_report_event, mobile
from wimc_desktop.app import main
from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import AuditRow

ROOT = Path(__file__).resolve().parents[2]
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils (pdftotext, pdftoppm) is not installed")
NAMES = {"official": ("领导", "Official"), "academician": ("院士", "Academician"),
         "expert": ("专家", "Expert"), "company_rep": ("企业代表", "Company representative"),
         "exhibitor": ("参展商", "Exhibitor"), "media": ("媒体", "Media"),
         "staff": ("工作人员", "Staff"), "visitor": ("观众", "Visitor")}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def target(db_target: str, event_db: Database) -> str:
    """The --db of the test event (a .wimc file, or the PostgreSQL URL)."""
    build_report_event(event_db)
    return db_target


def categories(counts: dict[str, tuple[int, int]]) -> dict[str, object]:
    return {code: {"name_zh": zh, "name_en": en, "registered": counts.get(code, (0, 0))[0],
                   "admitted": counts.get(code, (0, 0))[1]} for code, (zh, en) in NAMES.items()}


def so_far(counts: dict[str, int]) -> dict[str, int]:
    """Guests admitted on any day so far, for every category."""
    return {code: counts.get(code, 0) for code in NAMES}


def test_json_has_every_figure_of_day_one(target: str, capsys: pytest.CaptureFixture[str]
                                          ) -> None:
    code, out, err = run(capsys, "--db", target, "report", "--day", "2020-11-26", "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    data.pop("generated_at")
    assert data == {
        "day": "2020-11-26", "registered": 8, "registered_by_attendance": {"onsite": 8},
        "admitted": 4, "first_arrivals": 4, "returning": 0, "walk_ins": 0, "undos": 0,
        "refused": {"already_checked_in": 1, "unknown_code": 1},
        "by_category": categories({"official": (1, 0), "academician": (2, 1),
                                   "expert": (1, 1), "media": (1, 0), "visitor": (3, 2)}),
        "by_hour": {"08": 2, "09": 1, "10": 1},
        "by_desk": {"Desk 1": 2, "Desk 2": 1, "Desk 3": 1},
        "by_operator": {"王芳": 2, "张伟": 1, "李娜": 1},
        "vip": {"arrived": 2, "missing": 2}, "badges": {"printed": 1, "reprinted": 0},
        "signings": {"count": 1, "total_fen": 10_000, "running_count": 1,
                     "running_total_fen": 10_000},
        "cumulative": {"admitted": 4, "walk_ins": 0, "undos": 0,
                       "refused": {"already_checked_in": 1, "unknown_code": 1},
                       "badges": {"printed": 1, "reprinted": 0}, "vip_arrived": 2,
                       "by_category": so_far({"academician": 1, "expert": 1, "visitor": 2})}}


def test_json_of_day_two(target: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", target, "report", "--day", "2020-11-27", "--json")
    data = json.loads(out)
    assert code == 0
    assert {k: data[k] for k in ("day", "registered", "admitted", "first_arrivals", "returning",
                                 "walk_ins", "undos", "by_hour", "by_desk")} == {
        "day": "2020-11-27", "registered": 9, "admitted": 3, "first_arrivals": 2,
        "returning": 1, "walk_ins": 1, "undos": 1, "by_hour": {"09": 1, "11": 2},
        "by_desk": {"Desk 3": 2, "Desk 1": 1}}
    assert data["by_category"] == categories({
        "official": (1, 1), "academician": (2, 1), "expert": (1, 0), "media": (2, 1),
        "visitor": (3, 0)})
    assert data["signings"] == {"count": 1, "total_fen": 25_000_000_000, "running_count": 2,
                                "running_total_fen": 25_000_010_000}
    assert data["badges"] == {"printed": 2, "reprinted": 1}
    # R-0 (academician) came back, R-2 (official) and the walk-in (media) are new, R-6's
    # admission was undone; R-0 was printed on day 1 and again on day 2, R-1 on day 2.
    assert data["cumulative"] == {
        "admitted": 6, "walk_ins": 1, "undos": 1,
        "refused": {"already_checked_in": 1, "unknown_code": 1},
        "badges": {"printed": 3, "reprinted": 1}, "vip_arrived": 3,
        "by_category": so_far({"official": 1, "academician": 1, "expert": 1, "media": 1,
                               "visitor": 2})}


def test_a_day_outside_the_event_is_empty_not_an_error(target: str,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    code, out, err = run(capsys, "--db", target, "report", "--day", "2020-12-01", "--json")
    data = json.loads(out)
    assert code == 0 and "not a day of the event" in err
    assert (data["admitted"], data["by_hour"], data["signings"]["count"]) == (0, {}, 0)


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "pdf"])
def test_files_are_written_and_quiet_on_stdout(target: str, tmp_path: Path, fmt: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / f"day1.{fmt}"
    code, out, err = run(capsys, "--db", target, "report", "--day", "2020-11-26", "--format",
                         fmt, "--out", str(out_file), "--desk", "Desk 7", "--operator", "王芳")
    assert code == 0 and out == "" and f"Wrote the report of 2020-11-26 to {out_file}" in err
    data = out_file.read_bytes()
    if fmt == "csv":
        assert data.startswith(b"\xef\xbb\xbf") and b"138****5678" in data
        assert mobile(0).encode() not in data  # masked by default
    elif fmt == "xlsx":
        book = openpyxl.load_workbook(out_file)
        assert book["汇总"]["B4"].value == "Desk 7" and book["签到名单"].max_row == 5
    else:
        assert data.startswith(b"%PDF")
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(out_file), "-"], capture_output=True,
                                  text=True, check=True).stdout
            assert "签到台 Desk 7" in text and "院士甲" in text


def test_full_pii_is_written_and_audited(target: str, event_db: Database, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "full.csv"
    code, _, err = run(capsys, "--db", target, "report", "--day", "2020-11-26", "--format",
                       "csv", "--out", str(out_file), "--full-pii", "--desk", "Desk 7",
                       "--operator", "王芳")
    assert code == 0 and "audit" in err
    assert mobile(0) in out_file.read_text("utf-8-sig")
    with event_db.read() as session:
        audit = session.execute(select(AuditRow).where(
            AuditRow.action == "export_full_pii")).scalar_one()
    assert (audit.desk, audit.operator) == ("Desk 7", "王芳")
    assert audit.details == {"file": str(out_file), "day": "2020-11-26", "format": "csv",
                             "lang": "zh"}


def test_json_with_a_file_and_english(target: str, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "day2.xlsx"
    code, out, _ = run(capsys, "--db", target, "report", "--day", "2020-11-27", "--out",
                       str(out_file), "--lang", "en", "--json")  # the format from the suffix
    assert code == 0 and json.loads(out)["admitted"] == 3
    assert openpyxl.load_workbook(out_file).sheetnames[0] == "Summary"


def test_text_figures_without_json(target: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", target, "report", "--day", "2020-11-26", "--lang", "en")
    assert code == 0
    lines = dict(line.split("\t", 1) for line in out.splitlines())
    assert lines["Registered"] == "8" and lines["Admitted today"] == "4"
    assert lines["08:00"] == "2" and lines["Academician"] == "1/2"


@pytest.mark.parametrize("args", [
    ("--day", "2020-13-01", "--json"),
    ("--day", "2020-02-30", "--json"),
    ("--day", "yesterday", "--json"),
    ("--day", "2020-11-26", "--format", "docx", "--out", "r.docx"),
])
def test_invalid_dates_and_formats_exit_2(target: str, args: tuple[str, ...]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--db", target, "report", *args])
    assert caught.value.code == 2


def test_bad_combinations_exit_2_and_write_nothing(target: str, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    before = set(tmp_path.iterdir())
    for args, message in (
            (("--format", "pdf"), "needs --out"),
            (("--out", str(tmp_path / "r.txt")), "give --format"),
            (("--full-pii", "--json"), "--full-pii applies to a file"),
            (("--format", "csv", "--out", str(tmp_path / "no" / "r.csv")), "no such folder")):
        code, out, err = run(capsys, "--db", target, "report", "--day", "2020-11-26", *args)
        assert code == 2 and message in err and err.startswith("wimc-desk: ")
        # stdout: nothing, or with --json only the refusal as JSON
        expected = ({"outcome": "rejected", "error": err[len("wimc-desk: "):].strip(),
                     "exit_code": 2} if "--json" in args else None)
        assert (json.loads(out) if out else None) == expected
    assert set(tmp_path.iterdir()) == before


def test_no_event_database_exits_4(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(tmp_path / "none.wimc"), "report", "--day",
                         "2020-11-26", "--json")
    assert code == 4 and err.startswith("wimc-desk: ")
    assert json.loads(out) == {"outcome": "failed", "error": err[len("wimc-desk: "):].strip(),
                               "exit_code": 4}


@needs_poppler
def test_demo_report_pdf_as_a_separate_process(tmp_path: Path) -> None:
    """The real entry point, headless: demo, check-ins at three desks, then the report."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    db, pdf = str(tmp_path / "demo.wimc"), tmp_path / "report.pdf"

    def wimc(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "wimc_desktop", "--db", db, *args],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)

    assert wimc("demo").returncode == 0
    guests = json.loads(wimc("guests", "--json").stdout)
    vips = [g for g in guests if g["category"] == "academician" and g["attendance"] == "onsite"]
    for n, guest in enumerate(vips[:3]):
        done = wimc("checkin", guest["badge_code"], "--day", "2020-11-26", "--desk",
                    f"Desk {n + 1}", "--operator", "王芳")
        assert done.returncode == 0, done.stderr
    done = wimc("report", "--day", "2020-11-26", "--json")
    assert json.loads(done.stdout)["admitted"] == 3
    assert json.loads(done.stdout)["by_desk"] == {"Desk 1": 1, "Desk 2": 1, "Desk 3": 1}
    done = wimc("report", "--day", "2020-11-26", "--format", "pdf", "--out", str(pdf))
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "2020世界智能制造大会 每日签到报表" in text and vips[0]["name"] in text
    assert "已到 3" in text and "签字 / Signature" in text
