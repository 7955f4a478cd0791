"""The signing register as files: XLSX (register and totals sheets) and CSV; labels in zh/en.

Amounts are written as numbers (元 and 万元), never as text and never as formulas;
every text cell is made inert. The PDF of the same register is painted by
render.signings_pdf from the same SigningRegister.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any
from zoneinfo import ZoneInfo

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.money import WAN, YI
from wimc_desktop.domain.signing_totals import (
    GroupBy,
    SigningFilter,
    SigningRegister,
    SigningSummary,
    totals_line,
)
from wimc_desktop.domain.signings import Signing, status_label
from wimc_desktop.services.events import get_event
from wimc_desktop.services.exports import (
    Cell,
    WorkbookBuffer,
    close_workbook,
    new_workbook,
    write_csv,
    write_row,
)
from wimc_desktop.services.safe_file import OutputFile
from wimc_desktop.services.signings import list_signings

COLUMNS = {  # key: (zh, en, xlsx width)
    "no": ("序号", "No.", 6), "project_zh": ("项目名称", "Project", 36),
    "project_en": ("项目英文名称", "Project (English)", 30), "sector": ("行业", "Sector", 14),
    "location": ("地点", "Location", 20), "amount": ("金额（元）", "Amount (yuan)", 20),
    "amount_wan": ("金额（万元）", "Amount (10,000 yuan)", 16),
    "currency": ("币种", "Currency", 7), "parties": ("签约方", "Parties", 48),
    "witnesses": ("见证人", "Witnesses", 30), "ceremony": ("签约仪式", "Ceremony", 26),
    "signed_at": ("签约时间", "Signed at", 17), "status": ("状态", "Status", 9),
    "notes": ("备注", "Notes", 20), "recorded_by": ("记录人", "Recorded by", 10),
    "id": ("编号", "ID", 38),
}
TEXT = {  # key: (zh, en)
    "register": ("签约项目登记表", "Signing register"), "totals": ("签约汇总", "Signing totals"),
    "count": ("项目数", "Signings"), "yi": ("金额（亿元）", "Amount (100 million yuan)"),
    "sum": ("合计", "Total"), "none": ("（未填）", "(none)"),
    "rule": ("已取消的签约不计入合计；变更过的签约按变更后的金额计入。仅人民币金额计入合计。",
             "Cancelled signings are not counted; amended ones count at their current amount. "
             "Only CNY amounts make up the total."),
    "filter": ("筛选", "Filter"), "generated": ("生成时间", "Generated"),
    GroupBy.CEREMONY: ("按签约仪式", "By ceremony"), GroupBy.SECTOR: ("按行业", "By sector"),
    GroupBy.LOCATION: ("按地点", "By location"), GroupBy.DAY: ("按日期", "By day"),
}
GROUP_COLUMN = {GroupBy.CEREMONY: "ceremony", GroupBy.SECTOR: "sector",
                GroupBy.LOCATION: "location", GroupBy.DAY: "day"}


def text(key: str, lang: str) -> str:
    zh, en = TEXT[key]
    return zh if lang == "zh" else en


def column_title(key: str, lang: str) -> str:
    if key == "day":
        return "日期" if lang == "zh" else "Day"
    zh, en, _ = COLUMNS[key]
    return zh if lang == "zh" else en


def signing_register(db: Database, where: SigningFilter | None = None,
                     now: dt.datetime | None = None) -> SigningRegister:
    """The register to export: the matching signings and their totals."""
    event = get_event(db)
    where = where or SigningFilter()
    return SigningRegister.of(event.name_zh, event.timezone, now or dt.datetime.now(dt.UTC),
                              where, list_signings(db, where))


def local_time(register: SigningRegister, moment: dt.datetime) -> dt.datetime:
    """A moment in the event's time zone, without tzinfo (as spreadsheets want it)."""
    return moment.astimezone(ZoneInfo(register.timezone)).replace(tzinfo=None)


def register_row(register: SigningRegister, number: int, s: Signing,
                 lang: str) -> list[Cell]:
    """One signing as cells, in COLUMNS order."""
    return [number, s.project_zh, s.project_en, s.sector, s.location, s.amount, s.amount / WAN,
            s.currency, "；".join(p.describe(lang) for p in s.parties),
            "；".join(w.describe() for w in s.witnesses), s.ceremony,
            local_time(register, s.signed_at), status_label(s.status, lang), s.notes,
            s.recorded_by, s.id]


def write_register_csv(register: SigningRegister, path: str | os.PathLike[str],
                       lang: str = "zh") -> None:
    """The register as CSV (UTF-8 with BOM), one signing per row."""
    header = [column_title(k, lang) for k in COLUMNS]
    write_csv(path, header, (register_row(register, i, s, lang)
                             for i, s in enumerate(register.signings, 1)), private=False)


def _formats(book: Any) -> dict[str, Any]:
    base = {"font_name": "Microsoft YaHei", "font_size": 10, "valign": "top"}
    return {
        "head": book.add_format({**base, "bold": True, "bg_color": "#DCE6F1", "border": 1,
                                 "text_wrap": True}),
        "title": book.add_format({**base, "bold": True, "font_size": 14}),
        "text": book.add_format({**base, "text_wrap": True}),
        "yuan": book.add_format({**base, "num_format": "#,##0.00"}),
        "wan": book.add_format({**base, "num_format": "#,##0.00####"}),
        "yi": book.add_format({**base, "num_format": "#,##0.00"}),
        "int": book.add_format({**base, "num_format": "0"}),
        "time": book.add_format({**base, "num_format": "yyyy-mm-dd hh:mm"}),
        "bold": book.add_format({**base, "bold": True}),
        "gone": book.add_format({**base, "font_strikeout": True, "font_color": "#808080",
                                 "num_format": "#,##0.00"}),
    }


def _write_register_sheet(book: Any, fmt: dict[str, Any], register: SigningRegister,
                          lang: str) -> None:
    sheet = book.add_worksheet(text("register", lang))
    keys = list(COLUMNS)
    for col, key in enumerate(keys):
        sheet.set_column(col, col, COLUMNS[key][2])
    write_row(sheet, 0, [column_title(k, lang) for k in keys], [fmt["head"]] * len(keys))
    col_fmt = {"no": "int", "amount": "yuan", "amount_wan": "wan", "signed_at": "time"}
    for i, s in enumerate(register.signings, 1):
        formats = [fmt[col_fmt.get(k, "text")] for k in keys]
        if not s.counts_in_totals:
            formats[keys.index("amount")] = fmt["gone"]
        write_row(sheet, i, register_row(register, i, s, lang), formats)
    sheet.freeze_panes(1, 2)
    sheet.autofilter(0, 0, max(1, len(register.signings)), len(keys) - 1)


def _group_rows(summary: SigningSummary, lang: str) -> list[list[Cell]]:
    return [[g.key or text("none", lang), g.count, g.amount, g.amount / WAN, g.amount / YI]
            for g in summary.groups]


def _write_totals_sheet(book: Any, fmt: dict[str, Any], register: SigningRegister,
                        lang: str) -> None:
    sheet = book.add_worksheet(text("totals", lang))
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, 1, 9)
    sheet.set_column(2, 4, 20)
    write_row(sheet, 0, [f"{register.event_name} {text('totals', lang)}"], [fmt["title"]])
    write_row(sheet, 1, [totals_line(register.summary, lang)], [fmt["bold"]])
    write_row(sheet, 2, [text("rule", lang)])
    filters = register.where.describe()
    write_row(sheet, 3, [f"{text('generated', lang)}: "
                         f"{local_time(register, register.generated_at):%Y-%m-%d %H:%M}"
                         + (f"   {text('filter', lang)}: {filters}" if filters else "")])
    nums = [fmt["text"], fmt["int"], fmt["yuan"], fmt["wan"], fmt["yi"]]
    row = 5
    for summary in register.breakdowns:
        assert summary.by is not None
        head = [text(summary.by, lang), text("count", lang), column_title("amount", lang),
                column_title("amount_wan", lang), text("yi", lang)]
        write_row(sheet, row, head, [fmt["head"]] * 5)
        for cells in _group_rows(summary, lang):
            row += 1
            write_row(sheet, row, cells, nums)
        total = summary.amount
        write_row(sheet, row + 1, [text("sum", lang), summary.count, total, total / WAN,
                                   total / YI], [fmt["bold"], *nums[1:]])
        row += 3


def write_register_xlsx(register: SigningRegister, path: str | os.PathLike[str],
                        lang: str = "zh") -> None:
    """The register as XLSX: a register sheet and a totals sheet, written safely (with the
    usual permissions: companies and the ceremony's public witnesses, no guest data)."""
    with OutputFile(path, private=False) as out:
        output = WorkbookBuffer()
        book = new_workbook(output)
        fmt = _formats(book)
        _write_register_sheet(book, fmt, register, lang)
        _write_totals_sheet(book, fmt, register, lang)
        close_workbook(book)
        data = output.getvalue()
        out.write_bytes(data)
        out.publish(len(data))
