"""Exports: atomic files, inert cells, the signing register as XLSX, CSV and PDF, read back."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import os
import shutil
import stat
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.errors import BadInputError
from wimc_desktop.domain.money import parse_amount
from wimc_desktop.domain.signing_totals import SigningFilter, SigningRegister
from wimc_desktop.domain.signings import SigningDraft, SigningParty
from wimc_desktop.services.demo import create_demo_event
from wimc_desktop.services.exports import atomic_output, inert_cell, write_csv
from wimc_desktop.services.signing_exports import (
    signing_register,
    write_register_csv,
    write_register_xlsx,
)
from wimc_desktop.services.signings import add_signing, cancel_signing

PAYLOADS = ('=HYPERLINK("http://example.com/x","click")', "+1", "-2", "@x",
            "=cmd|' /C calc'!A0", "-3+4", "=1+1")  # leading tab and CR are trimmed on entry
AT = dt.datetime(2020, 11, 28, 7, 10, tzinfo=dt.UTC)
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils (pdftotext, pdftoppm) is not installed")


@pytest.mark.parametrize(("text", "expected"), [
    ("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-2", "'-2"), ("@x", "'@x"), ("\tx", "'\tx"),
    ("\rx", "'\rx"), ("南京", "南京"), ("", ""), ("a=b", "a=b"), (" =1", " =1"),
])
def test_inert_cell(text: str, expected: str) -> None:
    assert inert_cell(text) == expected


def test_atomic_output_replaces_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_output(target) as temp:
        temp.write_text("half")
        raise RuntimeError("crash while writing")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # no temp file left
    with atomic_output(target) as temp:
        assert temp.parent == tmp_path and temp != target
        temp.write_text("new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) & 0o044  # readable by others, unlike mkstemp's
    with pytest.raises(BadInputError, match="no such folder"), \
            atomic_output(tmp_path / "missing" / "x.csv"):
        pass
    with pytest.raises(BadInputError, match="folder"), atomic_output(tmp_path):
        pass


def test_write_csv_has_a_bom_and_inert_text(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    write_csv(path, ["名称", "=金额"], [["=cmd|' /C calc'!A0", Decimal("-1234.50")],
                                         ["南京", 3]])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows == [["名称", "'=金额"], ["'=cmd|' /C calc'!A0", "-1234.50"], ["南京", "3"]]


def _draft(name: str, yuan: str, minute: int) -> SigningDraft:
    return SigningDraft(name, parse_amount(yuan), (SigningParty("投资方公司", "investor"),
                                                   SigningParty("南京市浦口区人民政府",
                                                                "government")),
                        AT + dt.timedelta(minutes=minute), sector="智能装备", location="浦口区",
                        ceremony="闭幕式暨重大项目签约仪式")


@pytest.fixture
def register(sqlite_db: Database) -> SigningRegister:
    """Injection payloads as project names, awkward amounts, a cancelled signing."""
    amounts = ["1,234,567.89", "0.01", "5.2亿", "3000万", "99.99", "12.5亿", "7"]
    for i, (name, yuan) in enumerate(zip(PAYLOADS, amounts, strict=True)):
        add_signing(sqlite_db, _draft(name, yuan, i), operator="王芳")
    gone = add_signing(sqlite_db, _draft("已撤回项目", "9亿", 30), operator="王芳")
    cancel_signing(sqlite_db, gone.id, operator="王芳", reason="撤回")
    return signing_register(sqlite_db)


def test_xlsx_numbers_are_numbers_and_text_is_inert(register: SigningRegister,
                                                    tmp_path: Path) -> None:
    path = tmp_path / "signings.xlsx"
    write_register_xlsx(register, path)
    book = openpyxl.load_workbook(path)
    sheet, totals = book.worksheets
    header = [c.value for c in sheet[1]]
    col = {name: header.index(name) for name in ("项目名称", "金额（元）", "金额（万元）",
                                                 "签约时间", "状态")}
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == len(register.signings) == 8
    for row, signing in zip(rows, register.signings, strict=True):
        amount, wan = row[col["金额（元）"]], row[col["金额（万元）"]]
        assert amount.data_type == "n" and wan.data_type == "n"
        assert Decimal(str(amount.value)).quantize(Decimal("0.01")) == signing.amount
        assert Decimal(str(wan.value)).quantize(Decimal("0.000001")) == signing.amount / 10000
        assert isinstance(row[col["签约时间"]].value, dt.datetime)
        assert row[col["签约时间"]].value == dt.datetime(2020, 11, 28, 15, 10) + (
            signing.signed_at - AT)  # local time, Asia/Shanghai
    for ws in (sheet, totals):
        for row in ws.iter_rows():
            assert all(c.data_type != "f" for c in row), "no formulas anywhere"
    names = [r[col["项目名称"]].value for r in rows]
    assert names[:len(PAYLOADS)] == ["'" + p for p in PAYLOADS]
    assert rows[-1][col["状态"]].value == "已取消"
    assert register.summary.amount == Decimal("1801234674.89")  # exact, to the fen
    lines = [r[0] for r in totals.iter_rows(values_only=True)]
    assert "7 项，合计 18.01 亿元（另有 1 项已取消，不计入合计）" in lines
    totals_rows = [r for r in totals.iter_rows(values_only=True) if r[0] == "合计"]
    assert len(totals_rows) == 4
    assert all(r[1] == 7 and Decimal(str(r[2])) == register.summary.amount for r in totals_rows)


def test_csv_has_a_bom_exact_amounts_and_inert_names(register: SigningRegister,
                                                     tmp_path: Path) -> None:
    path = tmp_path / "signings.csv"
    write_register_csv(register, path, lang="en")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(keepends=True)))
    assert [r["Project"] for r in rows][:len(PAYLOADS)] == ["'" + p for p in PAYLOADS]
    assert [Decimal(r["Amount (yuan)"]) for r in rows] == [s.amount for s in register.signings]
    assert rows[0]["Amount (yuan)"] == "1234567.89"
    assert rows[0]["Signed at"] == "2020-11-28 15:10"
    assert rows[-1]["Status"] == "Cancelled"


def test_exports_follow_the_filter(sqlite_db: Database, tmp_path: Path) -> None:
    add_signing(sqlite_db, _draft("甲", "1亿", 0), operator="w")
    add_signing(sqlite_db, dataclasses.replace(_draft("乙", "2亿", 1), sector="集成电路"),
                operator="w")
    register = signing_register(sqlite_db, SigningFilter(sector="集成电路"))
    write_register_csv(register, tmp_path / "f.csv")
    rows = list(csv.reader((tmp_path / "f.csv").read_text("utf-8-sig").splitlines()))
    assert [r[1] for r in rows[1:]] == ["乙"]


# --- PDF: needs QtGui (a QApplication from pytest-qt, so later widget tests still work) ---


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.fixture(scope="module")
def demo_pdf(tmp_path_factory: pytest.TempPathFactory, qapp: object) -> tuple[Path, int]:
    from wimc_desktop.render.signings_pdf import write_signings_pdf

    folder = tmp_path_factory.mktemp("pdf")
    db = create_demo_event(folder / "demo.wimc", count=0)
    try:
        register = signing_register(db)
    finally:
        db.dispose()
    path = folder / "signings.pdf"
    return path, write_signings_pdf(register, path)


@needs_poppler
def test_pdf_holds_the_register_and_total_as_text(demo_pdf: tuple[Path, int]) -> None:
    path, pages = demo_pdf
    text = pdf_text(path)
    assert text.count("\f") == pages >= 2
    for name in ("12英寸功率半导体晶圆制造项目", "生物医药创新产业园项目", "人工智能计算中心项目",
                 "增材制造（3D打印）产业化项目", "闭幕式暨重大项目签约仪式", "江宁经济技术开发区"):
        assert name in text, name
    assert "30 项，合计 536.30 亿元" in text
    assert "53,630,000,000.00" in text
    assert "签约汇总" in text and f"第{pages}页/共{pages}页" in text.replace(" ", "")
    for name in ("新能源汽车整车及核心零部件项目", "南京市溧水区人民政府", "金额"):
        assert name in text, name  # glyphs shared with radicals (车 ⻋, 民 ⺠, 金 ⾦)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout
    cjk = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk and all(" yes " in line for line in cjk)  # embedded


@needs_poppler
def test_pdf_first_page_renders(demo_pdf: tuple[Path, int], tmp_path: Path) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(demo_pdf[0]),
                    str(tmp_path / "page")], check=True)
    png = next(tmp_path.glob("page*.png"))
    assert png.stat().st_size > 20_000  # a page of text, not a blank one
    keep = os.environ.get("WIMC_KEEP_PDF_PAGE")  # to look at it: WIMC_KEEP_PDF_PAGE=/tmp/p.png
    if keep:
        shutil.copy(png, keep)
