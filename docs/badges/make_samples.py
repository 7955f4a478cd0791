"""Render the badge samples in this folder: PNGs of each template and a sample PDF's pages.

Run: .venv/bin/python docs/badges/make_samples.py   (needs pdftoppm from poppler-utils)
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from wimc_desktop.domain.badges import TEMPLATES, PageLayout, badge_face  # noqa: E402
from wimc_desktop.domain.categories import DEFAULT_CATEGORIES  # noqa: E402
from wimc_desktop.domain.models import Attendance, Event, Guest  # noqa: E402
from wimc_desktop.render.badge import render_badge, write_pdf  # noqa: E402

EVENT = Event("sample", "2020世界智能制造大会", "World Intelligent Manufacturing Conference 2020",
              "南京国际博览中心", "南京", dt.date(2020, 11, 26), dt.date(2020, 11, 28),
              "Asia/Shanghai", "WIMC", DEFAULT_CATEGORIES)


def guest(name: str, name_en: str, organization: str, title: str, category: str,
          code: str, seat: str = "") -> Guest:
    values = {"name": name, "name_en": name_en, "organization": organization, "title": title,
              "category": category, "attendance": Attendance.ONSITE.value, "badge_code": code,
              "seat": seat, "source": "sample"}
    return Guest.from_fields(code, lambda field: values.get(field, ""))


SAMPLES = {
    "academician": guest("欧阳志远", "Ouyang Zhiyuan", "东南大学", "中国工程院院士",
                         "academician", "WIMC-7K3QX9M", seat="A区 3排 12座"),
    "long_foreign": guest("Karl-Heinz Maximilian Schönberger-Wittgenstein", "",
                          "Fraunhofer-Institut für Produktionstechnik und Automatisierung IPA",
                          "Abteilungsleiter Robotik und Assistenzsysteme", "expert",
                          "WIMC-H8R2TPD"),
    "middle_dot": guest("阿卜杜拉·买买提", "Abdulla Mamat", "新疆维吾尔自治区工业和信息化厅",
                        "副厅长", "official", "WIMC-5Y9NWQE"),
}


def main() -> int:
    faces = [badge_face(EVENT, g) for g in SAMPLES.values()]
    for key, template in TEMPLATES.items():
        for label, face in zip(SAMPLES, faces, strict=True):
            image, _ = render_badge(face, template, dpi=200)
            image.save(str(HERE / f"{key}_{label}.png"))
        pdf = HERE / f"sample_{key}.pdf"
        layout = PageLayout.SHEET
        extra = badge_face(EVENT, guest("单田芳", "Shan Tianfang", "南京大学", "教授", "visitor",
                                        "WIMC-2RSMY59"))
        write_pdf(pdf, [*faces, extra], template, layout, title="WIMC Desk badge sample")
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf),
                        str(HERE / f"sample_{key}_sheet")], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
