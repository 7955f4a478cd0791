"""Test data for the GUI tests: an event file, synthetic guests, a big CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.checkin import Desk
from wimc_desktop.services.events import create_event
from wimc_desktop.services.importing import import_records

# The sample guest lists the tests carry (tests/data; the same folder as conftest's shared_data).
DATA = Path(__file__).resolve().parents[1] / "data"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明")
CATEGORIES = ("official", "academician", "expert", "company_rep", "exhibitor", "media",
              "staff", "visitor")
TEST_DESK = Desk("Desk 3", "Li Ming")
EVENT_DAY = dt.date(2020, 11, 26)
ORGANIZATIONS = ("南京市人民政府", "东南大学", "南京大学", "华为技术有限公司", "海尔集团",
                 "西门子（中国）有限公司", "江苏省工业和信息化厅", "中国工程院")



def make_event(path: Path) -> Database:
    return create_event(path, name_zh="2020世界智能制造大会",
                        name_en="World Intelligent Manufacturing Conference 2020",
                        venue="南京国际博览中心", city="南京", start=dt.date(2020, 11, 26),
                        end=dt.date(2020, 11, 28))


def guest_records(count: int) -> list[dict[str, str]]:
    """Synthetic guests: Chinese names, all categories, both attendance modes."""
    records = []
    for n in range(count):
        name = SURNAMES[n % len(SURNAMES)] + GIVEN[(n // 7) % len(GIVEN)] + GIVEN[n % 11]
        records.append({
            "name": name, "name_en": f"Guest {n:05d}",
            "organization": ORGANIZATIONS[n % len(ORGANIZATIONS)], "title": "代表",
            "category": CATEGORIES[n % len(CATEGORIES)],
            "attendance": "online" if n % 3 == 0 else "onsite",
            "mobile": f"139{n:08d}", "email": f"guest{n}@example.com",
            "badge_code": f"T-{n:06d}",
        })
    return records


def add_guests(db: Database, count: int) -> None:
    import_records(db, guest_records(count), source="tests")


def write_big_csv(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("姓名,单位,手机,邮箱,胸卡号\n")
        for n in range(rows):
            out.write(f"嘉宾{n},测试单位{n % 50},139{n:08d},g{n}@example.com,B-{n:06d}\n")
    return path


def keyboard_takers(page: QWidget) -> list[QWidget]:
    """The shown controls of a page that can take the keyboard focus."""
    return [w for w in page.findChildren(QWidget)
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisibleTo(page)]
