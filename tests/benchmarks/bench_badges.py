"""Benchmark: a 1,000-badge PDF (time and file size), beside floors measured in the same run.

Run: python3 tests/benchmarks/bench_badges.py [--badges N] [--repeat K]
Prints the median time of `badge pdf --all` done by the services and the renderer
(select the guests, paint every badge with fitted texts and a vector QR code, embed the
CJK font, make the text extractable, log the prints, write atomically) for both
templates, and the two floors of the same run: the same pages with only the names drawn
(Qt's PDF writer and the font, nothing of ours), and the QR codes generated alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from wimc_desktop.bootstrap import reexec_in_venv  # noqa: E402

if __name__ == "__main__":
    reexec_in_venv(sys.argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import segno  # noqa: E402
from PySide6.QtCore import QMarginsF, QPointF  # noqa: E402
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter  # noqa: E402

from wimc_desktop.db.engine import Database  # noqa: E402
from wimc_desktop.domain.badges import TEMPLATES, PrintOutput, Template, badge_face  # noqa: E402
from wimc_desktop.domain.checkin import Desk  # noqa: E402
from wimc_desktop.render.badge import export_pdf  # noqa: E402
from wimc_desktop.render.fonts import cjk_family, ensure_gui_app  # noqa: E402
from wimc_desktop.services.badges import record_prints, select_guests_for_badges  # noqa: E402
from wimc_desktop.services.demo import demo_guests  # noqa: E402
from wimc_desktop.services.events import create_event, get_event  # noqa: E402
from wimc_desktop.services.importing import import_records  # noqa: E402

DESK = Desk("bench", "bench")


def badge_pdf_all(db: Database, out: Path, template: Template) -> int:
    """What `wimc-desk badge pdf --all --out FILE --template T` does, minus argument parsing."""
    event = get_event(db)
    guests = select_guests_for_badges(db)
    return export_pdf(out, [badge_face(event, g) for g in guests], template,
                      title="bench", publish_with=lambda move: record_prints(
                          db, [g.id for g in guests], DESK, template.key, PrintOutput.PDF,
                          reason="bench", before_commit=move))


def names_only_pdf(out: Path, names: list[str], template: Template) -> None:
    """Floor: one page per badge, only the name drawn, with the same font and writer."""
    writer = QPdfWriter(str(out))
    writer.setResolution(1200)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    font = QFont(cjk_family())
    font.setPixelSize(400)
    painter.setFont(font)
    per_page = 4 if template.key == "hanging" else 10
    for i, name in enumerate(names):
        if i and i % per_page == 0:
            writer.newPage()
        painter.drawText(QPointF(500, 1000 + (i % per_page) * 1000), name)
    painter.end()
    del writer


def qr_only(codes: list[str]) -> None:
    """Floor: the QR symbols alone (segno), no painting."""
    for code in codes:
        segno.make_qr(code, error="q").matrix  # noqa: B018


def timed(repeat: int, action: Callable[[int], object]) -> list[float]:
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        action(i)
        times.append(time.perf_counter() - start)
    return times


def line(label: str, times: list[float], extra: str = "", floor: list[float] | None = None,
         goal: str = "-") -> None:
    med = statistics.median(times)
    text = f"{label:<40} median {med:6.3f} s  (min {min(times):.3f}, max {max(times):.3f})"
    if floor:
        text += f"  ratio to names-only floor {med / statistics.median(floor):4.1f}x"
    print(f"{text}{extra}  goal: {goal}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--badges", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ensure_gui_app()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = create_event(folder / "bench.wimc", name_zh="2020世界智能制造大会",
                          name_en="World Intelligent Manufacturing Conference 2020",
                          city="南京", start=dt.date(2020, 11, 26), end=dt.date(2020, 11, 28))
        import_records(db, demo_guests(args.badges), source="bench")
        guests = select_guests_for_badges(db)
        names, codes = [g.name for g in guests], [g.badge_code for g in guests]
        print(f"{len(guests):,} badges (the demo guest list), {args.repeat} runs each; "
              f"font {cjk_family()}")
        floor_out = folder / "floor.pdf"
        floor = timed(args.repeat, lambda i: names_only_pdf(floor_out, names, TEMPLATES[
            "hanging"]))
        for key in ("hanging", "card"):
            template = TEMPLATES[key]
            out = folder / f"{key}.pdf"
            times = timed(args.repeat, lambda i, t=template, o=out: badge_pdf_all(db, o, t))
            size = out.stat().st_size / 1e6
            line(f"badge pdf --all --template {key}", times,
                 f"  {size:5.2f} MB", floor, "< 10 s, < 20 MB")
        line("  floor: names only, same writer+font", floor,
             f"  {floor_out.stat().st_size / 1e6:5.2f} MB")
        line("  floor: QR generation alone (segno)", timed(args.repeat,
                                                           lambda i: qr_only(codes)))
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
