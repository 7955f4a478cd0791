"""The daily report as files: XLSX, CSV and PDF read back; masking, audit, inert cells, Cancel.

The event is the one of test_reports (known check-ins over two days, three desks),
built by `build_report_event`, which the CLI tests share.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select, update

from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import AuditRow, BadgePrintRow, GuestRow, SigningRow
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.domain.errors import BadInputError, CannotWriteError
from wimc_desktop.render.report_pdf import report_pdf_bytes
from wimc_desktop.services import report_exports
from wimc_desktop.services.checkin import check_in, find_checkin, undo_checkin
from wimc_desktop.services.exports import FORMULA_STARTS
from wimc_desktop.services.guests import list_guests
from wimc_desktop.services.importing import import_records
from wimc_desktop.services.report_exports import (
    AUDIT_ACTION,
    ExportCancelledError,
    export_report,
)
from wimc_desktop.services.report_rows import display_width, hour_rows
from wimc_desktop.services.walkin import register_walk_in

DAY1, DAY2 = dt.date(2020, 11, 26), dt.date(2020, 11, 27)
D1, D2, D3 = Desk("Desk 1", "王芳"), Desk("Desk 2", "李娜"), Desk("Desk 3", "张伟")
PEOPLE = [("院士甲", "academician", "线下", "东南大学"),
          ("院士乙", "academician", "线下", "南京大学"),
          ("领导甲", "official", "线下", "南京市人民政府"),
          ("专家甲", "expert", "线上", "中科院自动化所"),
          ("观众甲", "visitor", "线下", "徐工集团"),
          ("观众乙", "visitor", "线下", "华为技术有限公司"),
          ("观众丙", "visitor", "线下", "Siemens AG"), ("媒体甲", "media", "线下", "新华社")]
PAYLOADS = ('=HYPERLINK("http://x","y")', "+1+1", "-2", "@SUM(A1)", "\t=1", "\r=1")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils (pdftotext, pdftoppm) is not installed")


def mobile(i: int) -> str:
    return f"138{i}{i}{i}{i}5678"  # masked: 138****5678 for everyone


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """A local (Nanjing, UTC+8) time as UTC."""
    return dt.datetime(day.year, day.month, day.day, hour, minute,
                       tzinfo=dt.timezone(dt.timedelta(hours=8))).astimezone(dt.UTC)


def build_report_event(db: Database) -> Database:
    """test_reports' event: 8 guests, check-ins on two days at three desks, prints, signings."""
    import_records(db, [{"name": n, "category": c, "attendance": a, "organization": org,
                         "badge_code": f"R-{i}", "mobile": mobile(i),
                         "email": f"guest{i}@example.com"}
                        for i, (n, c, a, org) in enumerate(PEOPLE)], source="test")
    # Day 1: four admissions on three desks, one refused duplicate, one unknown code.
    check_in(db, "R-0", day=DAY1, desk=D1, now=at(DAY1, 8, 30))
    check_in(db, "R-4", day=DAY1, desk=D1, now=at(DAY1, 8, 45))
    check_in(db, "R-5", day=DAY1, desk=D2, now=at(DAY1, 9, 10))
    check_in(db, "R-3", day=DAY1, desk=D3, now=at(DAY1, 10, 5))  # the online expert came
    check_in(db, "R-0", day=DAY1, desk=D2, now=at(DAY1, 10, 6))  # duplicate
    check_in(db, "NOPE", day=DAY1, desk=D3, now=at(DAY1, 10, 7))
    # Day 2: R-0 returns, R-6 first arrives then is undone, R-2 and a walk-in arrive.
    check_in(db, "R-0", day=DAY2, desk=D1, now=at(DAY2, 9, 0))
    check_in(db, "R-6", day=DAY2, desk=D2, now=at(DAY2, 9, 5))
    undo_checkin(db, find_checkin(db, "R-6", DAY2).id, desk=D2, now=at(DAY2, 9, 6))
    check_in(db, "R-2", day=DAY2, desk=D3, now=at(DAY2, 11, 30))
    register_walk_in(db, name="刘洋", organization="新华社", category="media", day=DAY2,
                     desk=D3, now=at(DAY2, 11, 45))
    guests = {g.badge_code: g.id for g in list_guests(db)}
    with db.write() as session:
        for code, when in (("R-0", at(DAY1, 7)), ("R-0", at(DAY2, 8)), ("R-1", at(DAY2, 8))):
            session.add(BadgePrintRow(id=f"p-{code}-{when.hour}", guest_id=guests[code],
                                      badge_code=code, printed_at=when, desk="Desk 1",
                                      operator="王芳", template="hanging", output="pdf"))
        for n, (when, fen, status) in enumerate(((at(DAY1, 16), 100_00, "signed"),
                                                 (at(DAY2, 15), 250_000_000_00, "signed"),
                                                 (at(DAY2, 15), 999_00, "cancelled"))):
            session.add(SigningRow(id=f"s-{n}", project_zh=f"项目{n}", amount_fen=fen,
                                   currency="CNY", signed_at=when, status=status,
                                   recorded_at=when, updated_at=when))
    return db


@pytest.fixture
def report_db(event_db: Database) -> Database:
    return build_report_event(event_db)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder for the files alone (the SQLite event lives in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def pairs(sheet: Any) -> dict[str, Any]:
    """Column A -> column B of a sheet (the Summary's labelled figures; the first wins)."""
    found: dict[str, Any] = {}
    for row in sheet.iter_rows(values_only=True):
        if row[0]:
            found.setdefault(row[0], row[1])
    return found


def table_after(sheet: Any, *head: str) -> list[tuple[Any, ...]]:
    """The rows of the Summary table whose header row starts with `head`."""
    rows = list(sheet.iter_rows(values_only=True))
    start = next(i for i, row in enumerate(rows) if row[:len(head)] == head) + 1
    end = next((i for i in range(start, len(rows)) if rows[i][0] is None), len(rows))
    return rows[start:end]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


# --- XLSX --------------------------------------------------------------------------


def test_xlsx_summary_lists_and_chart(report_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "day1.xlsx"
    done = export_report(report_db, DAY1, "xlsx", path, desk="Desk 1")
    assert done.path == path and done.rows == 4 + 4 + 0 + 1  # check-ins, missing, signing
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["汇总", "签到名单", "未到嘉宾", "现场注册", "签约项目"]
    summary = book["汇总"]
    assert summary["A1"].value == "测试大会 每日签到报表"
    figures = pairs(summary)
    assert figures["日期"] == dt.datetime(2020, 11, 26) and figures["签到台"] == "Desk 1"
    assert (figures["注册人数"], figures["当日签到"], figures["首次签到"], figures["再次入场"],
            figures["现场注册"], figures["撤销签到"]) == (8, 4, 4, 0, 0, 0)
    assert (figures["重复扫码（已拒绝）"], figures["无效胸卡码"], figures["贵宾已到"],
            figures["贵宾未到"], figures["胸卡打印"], figures["累计签到人数"]) == (1, 1, 2, 2, 1, 4)
    assert (figures["当日签约项目"], figures["当日签约金额（元）"]) == (1, 100)
    assert (figures["累计撤销签到"], figures["累计拒绝扫码"], figures["累计已到贵宾"],
            figures["累计胸卡打印"], figures["其中累计补打"]) == (0, 2, 2, 1, 0)
    cats = {r[0]: r[1:] for r in table_after(summary, "类别")}  # ..., share, so far
    assert cats["院士"] == (2, 1, 0.5, 1) and cats["观众"] == (3, 2, pytest.approx(2 / 3), 2)
    assert cats["领导"] == (1, 0, 0, 0) and cats["合计"] == (8, 4, 0.5, 4)
    assert table_after(summary, "签到台", "签到人数") == [
        ("Desk 1", 2, None, None, None), ("Desk 2", 1, None, None, None),
        ("Desk 3", 1, None, None, None)]
    assert [r[:2] for r in table_after(summary, "操作员")] == [("王芳", 2), ("张伟", 1),
                                                            ("李娜", 1)]
    hours = {r[0]: r[1] for r in table_after(summary, "时段")}
    assert hours["08:00"] == 2 and hours["09:00"] == 1 and hours["10:00"] == 1
    assert sorted(hours) == [f"{h:02d}:00" for h in range(8, 18)]  # zero-filled 08 to 17
    assert len(summary._charts) == 1  # the native column chart of arrivals per hour
    with zipfile.ZipFile(path) as archive:
        chart = archive.read("xl/charts/chart1.xml").decode()
    assert "<c:barDir val=\"col\"/>" in chart and "$A$" in chart and "<c:v>2</c:v>" in chart

    checkins = list(book["签到名单"].iter_rows(values_only=True))
    assert checkins[0] == ("序号", "时间", "胸卡号", "姓名", "英文名", "单位", "职务", "类别",
                           "签到台", "操作员", "方式", "手机", "邮箱")
    assert [(r[0], r[1].strftime("%H:%M"), r[2], r[3], r[5], r[7], r[8], r[9], r[10])
            for r in checkins[1:]] == [
        (1, "08:30", "R-0", "院士甲", "东南大学", "院士", "Desk 1", "王芳", "扫码"),
        (2, "08:45", "R-4", "观众甲", "徐工集团", "观众", "Desk 1", "王芳", "扫码"),
        (3, "09:10", "R-5", "观众乙", "华为技术有限公司", "观众", "Desk 2", "李娜", "扫码"),
        (4, "10:05", "R-3", "专家甲", "中科院自动化所", "专家", "Desk 3", "张伟", "扫码")]
    assert checkins[1][11:] == ("138****5678", "g***@example.com")  # masked by default
    missing = [r[2] for r in book["未到嘉宾"].iter_rows(min_row=2, values_only=True)]
    assert missing[:2] == ["领导甲", "院士乙"]  # VIPs first (officials, then academicians)
    assert set(missing[2:]) == {"观众丙", "媒体甲"}  # not 刘洋, who walked in on day two
    assert book["现场注册"].max_row == 1  # only the header on day one
    signings = list(book["签约项目"].iter_rows(min_row=2, values_only=True))
    assert [(s[2], s[7], s[9]) for s in signings] == [("项目0", 100, "已签约")]
    widths = book["签到名单"].column_dimensions  # fitted: CJK characters count double
    assert widths["F"].width >= display_width("华为技术有限公司") == 16 > widths["C"].width


def test_xlsx_day_two_in_english(report_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "day2.xlsx"
    export_report(report_db, DAY2, "xlsx", path, lang="en")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Summary", "Check-ins", "Not yet arrived", "Walk-ins", "Signings"]
    figures = pairs(book["Summary"])
    assert book["Summary"]["A1"].value == "Test Conference Daily registration report"
    assert (figures["Registered"], figures["Admitted today"], figures["First arrivals"],
            figures["Returning guests"], figures["Walk-ins"], figures["Check-ins undone"]) == (
        9, 3, 2, 1, 1, 1)
    assert figures["Signed today (yuan)"] == 250_000_000
    assert figures["Signed so far (yuan)"] == 250_000_100
    walk_ins = list(book["Walk-ins"].iter_rows(values_only=True))
    assert walk_ins[0][:4] == ("No.", "Time", "Badge", "Name") and len(walk_ins) == 2
    assert walk_ins[1][3:7] == ("刘洋", "新华社", None, "Media")
    checkins = list(book["Check-ins"].iter_rows(min_row=2, values_only=True))
    assert [(r[3], r[10]) for r in checkins] == [("院士甲", "scan"), ("领导甲", "scan"),
                                                 ("刘洋", "walk-in")]
    signings = list(book["Signings"].iter_rows(min_row=2, values_only=True))
    assert [(s[2], s[7], s[9]) for s in signings] == [("项目1", 250_000_000, "Signed"),
                                                     ("项目2", 999, "Cancelled")]


def test_a_later_walk_in_is_not_missing_on_an_earlier_day(report_db: Database) -> None:
    from wimc_desktop.services.reports import daily_report

    report = daily_report(report_db, DAY1, lists=True)
    assert "刘洋" not in [m.name for m in report.missing]


def test_streamed_lists_match_the_report(report_db: Database) -> None:
    """report_lists reads what services.reports lists (the exports stream, never hold it)."""
    from wimc_desktop.services.events import get_event
    from wimc_desktop.services.report_lists import DayLists
    from wimc_desktop.services.reports import daily_report

    for day in (DAY1, DAY2, DAY2 + dt.timedelta(days=1)):
        report = daily_report(report_db, day, lists=True)
        lists = DayLists(report_db, day, get_event(report_db))
        assert list(lists.checkins()) == list(report.checkins)
        assert lists.walk_ins == list(report.walk_in_list)
        assert lists.missing() == list(report.missing)  # no later walk-in (刘洋) on day one
        assert len(report.checkins) == report.admitted


# --- CSV ---------------------------------------------------------------------------


def test_csv_has_a_bom_and_the_check_ins(report_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "day1.csv"
    assert export_report(report_db, DAY1, "csv", path).rows == 4
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0][:4] == ["序号", "时间", "胸卡号", "姓名"] and len(rows) == 5
    assert rows[1][:4] == ["1", "2020-11-26 08:30:00", "R-0", "院士甲"]
    assert [r[8] for r in rows[1:]] == ["Desk 1", "Desk 1", "Desk 2", "Desk 3"]
    assert rows[4][11:] == ["138****5678", "g***@example.com"]


# --- PDF ---------------------------------------------------------------------------


@needs_poppler
def test_pdf_text_has_the_figures_and_the_vips(report_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "day1.pdf"
    done = export_report(report_db, DAY1, "pdf", path, desk="Desk 1",
                         paint_pdf=report_pdf_bytes)
    assert done.pages == 1 and done.rows == 4  # VIPs: two arrived, two not yet
    text = pdf_text(path)
    for words in ("测试大会 每日签到报表", "日期 2020-11-26（第 1 天，共 3 天）", "签到台 Desk 1",
                  "注册人数", "当日签到", "每小时签到人数", "08:00", "17:00", "院士甲", "专家甲",
                  "领导甲", "院士乙", "08:30 Desk 1", "10:05 Desk 3", "未到", "138****5678",
                  "签字 / Signature", "日期 / Date", "签到率 50.0%",
                  "线下 8 · 线上 0"):  # the online expert came: now on site
        assert words in text, words
    assert "第1页/共1页" in text.replace(" ", "")  # pdftotext drops the spaces there
    tiles = text.split()
    for figure in ("8", "4", "2", "1"):
        assert figure in tiles
    assert "13800005678" not in text


@needs_poppler
def test_pdf_long_lists_go_over_pages_with_wrapped_cells(event_db: Database,
                                                         tmp_path: Path) -> None:
    long_org = "南京" + "智能制造装备产业创新研究院" * 4
    import_records(event_db, [{"name": f"院士{i:03d}", "category": "academician",
                               "badge_code": f"A-{i}", "organization": long_org if i == 5
                               else "东南大学"} for i in range(120)], source="test")
    for i in range(0, 120, 2):
        check_in(event_db, f"A-{i}", day=DAY1, desk=D2, now=at(DAY1, 8 + i // 20, i % 60))
    path = tmp_path / "long.pdf"
    done = export_report(event_db, DAY1, "pdf", path, lang="en", paint_pdf=report_pdf_bytes)
    pages = pdf_text(path).split("\f")  # pdftotext ends every page with a form feed
    assert done.pages >= 3 and f"Page {done.pages} of {done.pages}" in pages[done.pages - 1]
    assert all("Organisation" in page for page in pages[1:done.pages])  # header repeated
    text = "".join(pages)
    assert "院士000" in text and "院士119" in text and "60 arrived, 60 not yet" in text
    assert long_org[:30] in text.replace("\n", "")  # wrapped over lines, not cut
    assert "签字 / Signature" in pages[done.pages - 1]


# --- injection, masking and the audit ---------------------------------------------


def test_no_cell_can_become_a_formula(report_db: Database, tmp_path: Path) -> None:
    records = [{"name": f"攻击者{i}", "badge_code": f"X-{i}", "category": "visitor"}
               for i in range(len(PAYLOADS))]
    import_records(report_db, records, source="test")
    with report_db.write() as session:  # the import trims tabs and CRs: set them as stored
        for i, payload in enumerate(PAYLOADS):
            session.execute(update(GuestRow).where(GuestRow.badge_code == f"X-{i}").values(
                name=payload, organization=payload, title=payload))
    for i, payload in enumerate(PAYLOADS):
        check_in(report_db, f"X-{i}", day=DAY1, desk=Desk(payload, payload),
                 now=at(DAY1, 12, i))
    xlsx, csv_path = tmp_path / "x.xlsx", tmp_path / "x.csv"
    export_report(report_db, DAY1, "xlsx", xlsx, desk="=1+1")
    export_report(report_db, DAY1, "csv", csv_path)
    texts = []
    with zipfile.ZipFile(xlsx) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                xml = archive.read(name).decode()
                assert not re.search(r"<f[ >/]", xml), name  # no formula anywhere
    book = openpyxl.load_workbook(xlsx)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            # Excel writes a CR in a cell as _x000D_ (openpyxl leaves it so)
            texts += [v.replace("_x000D_", "\r") for v in row if isinstance(v, str)]
    rows = list(csv.reader(io.StringIO(csv_path.read_text("utf-8-sig"), newline="")))
    texts += [cell for row in rows for cell in row]
    assert not [t for t in texts if t.startswith(FORMULA_STARTS)]
    for payload in PAYLOADS:
        assert "'" + payload in texts  # shown as typed, after the apostrophe
    assert "'=1+1" in texts  # the desk name on the summary


def test_masked_by_default_full_on_request_and_audited(report_db: Database,
                                                       tmp_path: Path) -> None:
    masked, full = tmp_path / "masked.csv", tmp_path / "full.csv"
    export_report(report_db, DAY1, "csv", masked, desk="Desk 9", operator="王芳")
    assert "138****5678" in masked.read_text("utf-8-sig")
    assert mobile(0) not in masked.read_text("utf-8-sig")
    assert "guest0@example.com" not in masked.read_text("utf-8-sig")
    with report_db.read() as session:
        assert session.execute(select(AuditRow).where(
            AuditRow.action == AUDIT_ACTION)).first() is None
    for fmt in ("csv", "xlsx", "pdf"):
        export_report(report_db, DAY1, fmt, full.with_suffix(f".{fmt}"), full_pii=True,
                      desk="Desk 9", operator="王芳", paint_pdf=report_pdf_bytes)
    text = full.read_text("utf-8-sig")
    assert mobile(0) in text and "guest0@example.com" in text and "****" not in text
    book = openpyxl.load_workbook(full.with_suffix(".xlsx"))
    assert book["签到名单"]["L2"].value == mobile(0)
    assert pairs(book["汇总"])["个人信息"] == "含完整手机号、邮箱（导出已记录）"
    with report_db.read() as session:
        audits = session.execute(select(AuditRow).where(AuditRow.action == AUDIT_ACTION)
                                 .order_by(AuditRow.at)).scalars().all()
    assert sorted(a.details["format"] for a in audits) == ["csv", "pdf", "xlsx"]
    for audit in audits:
        assert audit.desk == "Desk 9" and audit.operator == "王芳" and audit.guest_id is None
        assert audit.details["day"] == "2020-11-26"
        assert audit.details["file"] == str(full.with_suffix(f".{audit.details['format']}"))


# --- progress, Cancel, atomic files, bad input ------------------------------------


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "pdf"])
def test_cancel_leaves_no_file_and_the_old_one_intact(report_db: Database, out: Path,
                                                      fmt: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report_exports, "STEP", 1)  # look at Cancel after every row
    path = out / f"report.{fmt}"
    asked: list[int] = []
    export_report(report_db, DAY1, fmt, path, is_cancelled=lambda: bool(asked.append(1)),
                  paint_pdf=report_pdf_bytes)
    checks = len(asked)
    assert checks >= 4  # before reading, after, while writing, before the file appears
    for cancel_at in range(1, checks + 1):
        path.write_bytes(b"the earlier report")
        asked.clear()
        with pytest.raises(ExportCancelledError):
            export_report(report_db, DAY1, fmt, path, full_pii=True, paint_pdf=report_pdf_bytes,
                          is_cancelled=lambda n=cancel_at: len(asked) >= n or
                          bool(asked.append(1)) or len(asked) >= n)
        assert path.read_bytes() == b"the earlier report", cancel_at
        assert sorted(p.name for p in out.iterdir()) == [path.name]  # no .part left
    with report_db.read() as session:  # nothing written: nothing audited
        assert session.execute(select(AuditRow).where(
            AuditRow.action == AUDIT_ACTION)).first() is None


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "pdf"])
def test_progress_goes_from_busy_to_done(report_db: Database, tmp_path: Path,
                                         fmt: str) -> None:
    seen: list[tuple[int, int]] = []
    export_report(report_db, DAY1, fmt, tmp_path / f"r.{fmt}", paint_pdf=report_pdf_bytes,
                  progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 0)  # busy: the size is not known yet
    assert seen[-1][0] == seen[-1][1] > 0
    assert all(done <= total for done, total in seen)


def test_a_failing_writer_leaves_the_old_file(report_db: Database, out: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from wimc_desktop.services import report_xlsx

    path = out / "r.xlsx"
    path.write_bytes(b"old")

    def broken(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report_xlsx, "write_report_xlsx", broken)
    with pytest.raises(CannotWriteError, match="the disk is full") as raised:
        export_report(report_db, DAY1, "xlsx", path)
    assert raised.value.exit_code == 11 and str(path) in str(raised.value)
    assert path.read_bytes() == b"old" and len(list(out.iterdir())) == 1


def test_bad_input(report_db: Database, out: Path) -> None:
    with pytest.raises(BadInputError, match="unknown format"):
        export_report(report_db, DAY1, "docx", out / "r.docx")
    with pytest.raises(BadInputError, match="unknown language"):
        export_report(report_db, DAY1, "csv", out / "r.csv", lang="fr")
    with pytest.raises(BadInputError, match="no such folder"):
        export_report(report_db, DAY1, "csv", out / "missing" / "r.csv")
    with pytest.raises(BadInputError, match="is a folder"):
        export_report(report_db, DAY1, "csv", out)
    with pytest.raises(ValueError, match="needs paint_pdf"):  # services never import render/
        export_report(report_db, DAY1, "pdf", out / "r.pdf")
    assert list(out.iterdir()) == []


def test_a_day_outside_the_event_has_empty_figures(report_db: Database,
                                                   tmp_path: Path) -> None:
    done = export_report(report_db, dt.date(2020, 12, 1), "xlsx", tmp_path / "r.xlsx")
    figures = pairs(openpyxl.load_workbook(tmp_path / "r.xlsx")["汇总"])
    assert figures["当日签到"] == 0 and figures["日期"] == dt.datetime(2020, 12, 1)
    assert done.report.admitted == 0 and done.report.by_hour == {}


def test_helpers() -> None:
    assert display_width("abc") == 3 and display_width("南京") == 4
    assert display_width("Müller") == 6  # two-byte letters count one
    assert [h for h, _ in hour_rows({})] == [f"{h:02d}" for h in range(8, 18)]
    assert hour_rows({"06": 2, "21": 1})[0] == ("06", 2)
    assert hour_rows({"06": 2, "21": 1})[-1] == ("21", 1)
