"""The badge commands: show, pdf, reissue; their JSON keys and exit codes are a contract."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from wimc_desktop.app import main
from wimc_desktop.services.events import open_event_database
from wimc_desktop.services.importing import import_records

# The PDF is painted with QtGui: a QApplication first, or the widget tests would break.
pytestmark = pytest.mark.usefixtures("qapp")
SHOW_KEYS = {"guest", "status", "replaced_by", "print_count", "last_printed_at", "day",
             "checked_in"}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str],
       monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("WIMC_DESK", "Desk 3")
    monkeypatch.setenv("WIMC_OPERATOR", "王芳")
    path = str(tmp_path / "cli.wimc")
    code, _, _ = run(capsys, "--db", path, "init", "--name", "世界智能制造大会", "--start",
                     "2020-11-26", "--end", "2020-11-28")
    assert code == 0
    event = open_event_database(path)
    import_records(event, [
        {"name": "单田芳", "name_en": "Shan Tianfang", "organization": "南京大学",
         "title": "中国工程院院士", "badge_code": "W-001", "category": "academician"},
        {"name": "阿卜杜拉·买买提", "organization": "新疆大学", "badge_code": "W-002",
         "category": "academician"},
        {"name": "Jürgen Müller", "organization": "Fraunhofer-Institut für "
         "Produktionstechnik und Automatisierung IPA", "badge_code": "W-003",
         "category": "expert"},
        {"name": "金文方", "organization": "东南大学", "badge_code": "W-004",
         "category": "visitor"},
    ], source="test")
    event.dispose()
    return path


def show(capsys: pytest.CaptureFixture[str], db: str, code: str) -> dict[str, object]:
    rc, out, _ = run(capsys, "--db", db, "badge", "show", code, "--json")
    assert rc == 0
    data: dict[str, object] = json.loads(out)
    return data


def test_show(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    data = show(capsys, db, "w-001")
    assert set(data) == SHOW_KEYS
    assert (data["status"], data["replaced_by"], data["print_count"],
            data["last_printed_at"]) == ("active", None, 0, None)
    guest = data["guest"]
    assert isinstance(guest, dict) and guest["name"] == "单田芳"
    assert guest["badge_code"] == "W-001" and guest["category"] == "academician"
    rc, out, _ = run(capsys, "--db", db, "badge", "show", "W-001", "--day", "2020-11-26")
    assert rc == 0 and "单田芳" in out and "not printed yet" in out and "not checked in" in out
    rc, out, err = run(capsys, "--db", db, "badge", "show", "NOPE-9", "--json")
    assert rc == 4 and "unknown badge code NOPE-9" in err
    # with --json, stdout holds the refusal as JSON, nothing else
    assert json.loads(out) == {"outcome": "failed", "error": "unknown badge code NOPE-9",
                               "exit_code": 4}


def test_reissue_then_the_old_code_is_refused(db: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", db, "checkin", "W-002", "--day", "2020-11-26")[0] == 0
    rc, out, err = run(capsys, "--db", db, "badge", "reissue", "W-002", "--reason", "lost",
                       "--json")
    assert rc == 0
    result = json.loads(out)
    assert set(result) == {"old_code", "new_code"} and result["old_code"] == "W-002"
    new = result["new_code"]
    assert new.startswith("WIMC-") and new in err
    old = show(capsys, db, "W-002")
    assert (old["status"], old["replaced_by"]) == ("revoked", new)
    rc, _, err = run(capsys, "--db", db, "checkin", "W-002", "--day", "2020-11-27")
    assert rc == 5 and "BADGE REVOKED" in err and new in err
    rc, _, err = run(capsys, "--db", db, "checkin", new, "--day", "2020-11-26")
    assert rc == 3  # already checked in that day: the check-in stayed with the guest
    rc, out, err = run(capsys, "--db", db, "badge", "reissue", "W-002", "--reason", "again")
    assert rc == 2 and out == "" and f"current badge is {new}" in err
    assert run(capsys, "--db", db, "badge", "reissue", "NOPE-1", "--reason", "x")[0] == 4
    rc, out, _ = run(capsys, "--db", db, "badge", "reissue", new, "--reason", "lost again")
    assert rc == 0 and out.strip().startswith("WIMC-") and out.strip() != new


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_of_codes_is_logged_as_printed(db: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "badges.pdf"
    rc, stdout, err = run(capsys, "--db", db, "badge", "pdf", "W-001", "w-002", "--out",
                          str(out))
    assert rc == 0 and stdout == "" and "2 hanging badges on 1 pages" in err
    text = pdf_text(out)
    assert "单田芳" in text and "阿卜杜拉·买买提" in text and "W-002" in text
    assert len(PdfReader(out).pages) == 1  # hanging badges: four to an A4 sheet by default
    data = show(capsys, db, "W-001")
    assert data["print_count"] == 1 and isinstance(data["last_printed_at"], str)
    rc, _, err = run(capsys, "--db", db, "badge", "pdf", "W-001", "--out", str(out),
                     "--template", "card", "--layout", "page")
    assert rc == 0 and "1 reprinted" in err
    assert show(capsys, db, "W-001")["print_count"] == 2
    assert not [p.name for p in tmp_path.iterdir() if ".part" in p.name]  # no temp file left


def test_pdf_selections(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "b.pdf"
    args = ["--db", db, "badge", "pdf", "--out", str(out), "--template", "card"]
    rc, _, err = run(capsys, *args, "--category", "院士")
    assert rc == 0 and "2 card badges on 2 pages" in err
    rc, _, err = run(capsys, *args, "--not-printed", "--layout", "sheet")
    assert rc == 0 and "2 card badges on 1 pages" in err
    rc, _, err = run(capsys, *args, "--not-printed")
    assert rc == 0 and "No badges to print" in err
    rc, _, err = run(capsys, *args, "--all")
    assert rc == 0 and "4 card badges on 4 pages" in err and "(4 reprinted)" in err
    assert len(PdfReader(out).pages) == 4
    for bad in ([], ["--all", "--not-printed"], ["W-001", "--all"]):
        rc, _, err = run(capsys, *args, *bad)
        assert rc == 2 and "choose the badges" in err
    assert run(capsys, *args, "--category", "astronaut")[0] == 2
    assert run(capsys, *args, "W-001", "NOPE-7")[0] == 4
    missing = ["--db", db, "badge", "pdf", "W-001", "--out", str(tmp_path / "no" / "b.pdf")]
    assert run(capsys, *missing)[0] == 2
    for usage in (["badge", "pdf", "W-001"], ["badge", "pdf", "W-001", "--out", "x.pdf",
                                              "--template", "poster"],
                  ["badge", "reissue", "W-001"], ["badge"]):
        with pytest.raises(SystemExit) as exc:
            main(["--db", db, *usage])
        assert exc.value.code == 2


def test_show_says_whether_the_guest_is_checked_in_on_the_day(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    def checked_in(*day: str) -> tuple[object, object]:
        rc, out, _ = run(capsys, "--db", db, "badge", "show", "W-004", *day, "--json")
        assert rc == 0
        data = json.loads(out)
        return data["day"], data["checked_in"]

    assert run(capsys, "--db", db, "checkin", "W-004", "--day", "2020-11-27")[0] == 0
    assert checked_in("--day", "2020-11-27") == ("2020-11-27", True)
    assert checked_in("--day", "2020-11-26") == ("2020-11-26", False)
    today = checked_in()  # default: today at the venue, which is no event day here
    assert today[1] is False and today[0] not in ("2020-11-26", "2020-11-27")
    rc, out, _ = run(capsys, "--db", db, "badge", "show", "W-004", "--day", "2020-11-27")
    assert rc == 0 and "2020-11-27:" in out and "checked in at" in out
