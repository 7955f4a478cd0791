"""The demo's closing ceremony: 30 major projects signed, 536.30 亿元 in all, reproducibly.

WIMC 2020 closed on 28 November with 30 major projects worth 53.63 billion yuan signed
on stage. The projects, investors and amounts here are invented but shaped like the
real ones: Nanjing's districts and development zones, the sectors the conference was
about, an investor and the local government (管委会 / 区人民政府) on every contract,
a foreign partner on some, and the provincial and municipal leaders as witnesses (the
demo's own officials, linked to their guest records when the demo list has them).
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select

from wimc_desktop.db.engine import Database
from wimc_desktop.db.schema import GuestRow
from wimc_desktop.domain.money import YI
from wimc_desktop.domain.signings import SigningDraft, SigningParty, SigningWitness
from wimc_desktop.services.signings import add_signings

CEREMONY = "闭幕式暨重大项目签约仪式"
ZONE = ZoneInfo("Asia/Shanghai")
FIRST_SIGNING = dt.datetime(2020, 11, 28, 15, 10, tzinfo=ZONE)
RECORDED_AT = dt.datetime(2020, 11, 28, 16, 30, tzinfo=ZONE)
TOTAL = Decimal("53630000000.00")
_IDS = uuid.UUID("6f1c2e0a-5d1b-4c1e-9b7a-2020112800a0")

GOVERNMENTS = {
    "江北新区": "南京江北新区管理委员会",
    "江宁经济技术开发区": "南京江宁经济技术开发区管理委员会",
    "南京经济技术开发区": "南京经济技术开发区管理委员会",
    **{district: f"南京市{district}人民政府" for district in (
        "浦口区", "溧水区", "高淳区", "栖霞区", "六合区", "雨花台区", "建邺区", "秦淮区")},
}
# Project, English name, sector, location, amount (亿元), investor, partner (name, country).
PROJECTS: tuple[tuple[str, str, str, str, str, str, tuple[str, str] | None], ...] = (
    ("12英寸功率半导体晶圆制造项目", "12-inch Power Semiconductor Wafer Fab", "集成电路",
     "江北新区", "50.00", "江苏芯华半导体有限公司", None),
    ("新能源汽车整车及核心零部件项目", "New Energy Vehicle and Core Components", "新能源汽车",
     "溧水区", "45.00", "南京智行新能源汽车有限公司", None),
    ("动力电池研发及生产基地项目", "Power Battery R&D and Production Base", "新能源汽车",
     "江宁经济技术开发区", "40.00", "中储动力电池（南京）有限公司", None),
    ("生物医药创新产业园项目", "Biomedical Innovation Park", "生物医药", "江北新区", "38.50",
     "南京华康生物医药集团有限公司", None),
    ("高端数控机床及智能产线项目", "High-end CNC Machine Tools and Smart Lines", "智能装备",
     "南京经济技术开发区", "32.10", "南京精研数控机床股份有限公司", None),
    ("高性能复合材料生产基地项目", "High-performance Composites Base", "新材料", "六合区",
     "30.00", "江苏碳谷复合材料有限公司", None),
    ("工业互联网平台及区域总部项目", "Industrial Internet Platform and Regional HQ",
     "工业互联网", "建邺区", "28.60", "中云工业互联网科技有限公司", None),
    ("车规级芯片封装测试项目", "Automotive-grade Chip Packaging and Testing", "集成电路",
     "浦口区", "25.00", "南京芯测微电子有限公司", None),
    ("工业机器人研发制造基地项目", "Industrial Robot R&D and Manufacturing Base", "智能装备",
     "江宁经济技术开发区", "22.80", "埃博智能机器人（南京）有限公司",
     ("Ebert Robotik GmbH", "德国")),
    ("人工智能计算中心项目", "Artificial Intelligence Computing Center", "人工智能",
     "雨花台区", "20.00", "南京智算云科技有限公司", None),
    ("氢燃料电池系统产业化项目", "Hydrogen Fuel Cell Systems", "新能源汽车", "高淳区",
     "18.50", "江苏氢途能源科技有限公司", None),
    ("创新药研发及产业化基地项目", "Innovative Drug R&D and Production Base", "生物医药",
     "江北新区", "16.00", "南京启元药业有限公司", None),
    ("智能网联汽车测试及零部件项目", "Connected Vehicle Testing and Components",
     "新能源汽车", "溧水区", "15.20", "苏驰智能网联汽车科技有限公司", None),
    ("第三代半导体材料项目", "Third-generation Semiconductor Materials", "新材料", "栖霞区",
     "15.00", "南京晶微半导体材料有限公司", None),
    ("智能制造装备产业园项目", "Intelligent Manufacturing Equipment Park", "智能装备",
     "高淳区", "14.50", "江苏智造装备产业投资有限公司", None),
    ("5G+工业互联网融合应用项目", "5G Industrial Internet Applications", "工业互联网",
     "秦淮区", "12.80", "南京联智通信技术有限公司", None),
    ("高端医疗器械生产基地项目", "High-end Medical Devices Base", "生物医药",
     "江宁经济技术开发区", "12.00", "南京安和医疗器械有限公司", None),
    ("工业软件研发中心项目", "Industrial Software R&D Center", "软件和信息服务", "雨花台区",
     "11.50", "南京工软信息技术有限公司", None),
    ("智能仓储物流装备项目", "Smart Warehousing and Logistics Equipment", "智能装备",
     "浦口区", "10.60", "南京仓联智能物流装备有限公司", None),
    ("显示面板关键材料项目", "Key Materials for Display Panels", "新材料",
     "南京经济技术开发区", "10.00", "江苏光显新材料有限公司", ("樱井材料株式会社", "日本")),
    ("集成电路设计产业园项目", "IC Design Industrial Park", "集成电路", "江北新区", "9.80",
     "南京芯谷集成电路设计有限公司", None),
    ("智能传感器研发及产业化项目", "Smart Sensors R&D and Production", "集成电路",
     "栖霞区", "8.60", "南京感知微系统有限公司", None),
    ("工业大数据中心项目", "Industrial Big Data Center", "工业互联网", "江宁经济技术开发区",
     "8.00", "江苏数擎大数据科技有限公司", None),
    ("航空发动机零部件精密制造项目", "Precision Aero-engine Components", "智能装备",
     "溧水区", "7.50", "南京航精动力科技有限公司", None),
    ("新能源汽车电机电控项目", "EV Motors and Motor Controllers", "新能源汽车", "六合区",
     "7.20", "南京驱动电机科技有限公司", None),
    ("机器视觉及智能检测设备项目", "Machine Vision and Smart Inspection", "人工智能",
     "建邺区", "6.50", "南京视界智能科技有限公司", None),
    ("生物基新材料项目", "Bio-based New Materials", "新材料", "高淳区", "6.00",
     "江苏绿源生物材料有限公司", None),
    ("智能电网装备制造项目", "Smart Grid Equipment Manufacturing", "智能装备", "浦口区",
     "5.60", "南京电联智能电网设备有限公司", None),
    ("数字孪生工厂解决方案中心项目", "Digital Twin Factory Solutions Center",
     "软件和信息服务", "秦淮区", "4.80", "南京孪数科技有限公司",
     ("Dumont Industrie SAS", "法国")),
    ("增材制造（3D打印）产业化项目", "Additive Manufacturing (3D Printing)", "智能装备",
     "栖霞区", "4.20", "南京增材智造科技有限公司", None),
)
# The leaders on stage: the demo's officials of these posts (a stand-in if absent).
WITNESS_POSTS = (("工业和信息化部", "副部长", "刘振国"), ("江苏省人民政府", "副省长", "陈立群"),
                 ("南京市人民政府", "市长", "周继民"))
JIANGBEI_WITNESS = ("南京江北新区管理委员会", "主任", "罗海涛")


def _witness(officials: dict[tuple[str, str], tuple[str, str]],
             post: tuple[str, str, str]) -> SigningWitness:
    org, title, stand_in = post
    name, guest_id = officials.get((org, title), (stand_in, ""))
    return SigningWitness(name, org + title, guest_id or None)


def demo_signings(officials: dict[tuple[str, str], tuple[str, str]]) -> list[SigningDraft]:
    """The 30 signings; `officials` maps (organisation, title) to (name, guest id)."""
    leaders = tuple(_witness(officials, post) for post in WITNESS_POSTS)
    drafts = []
    for i, (project, english, sector, place, yi, investor, partner) in enumerate(PROJECTS):
        parties = [SigningParty(investor, "investor", "中国"),
                   SigningParty(GOVERNMENTS[place], "government", "中国")]
        if partner:
            parties.append(SigningParty(partner[0], "partner", partner[1]))
        witnesses = leaders + ((_witness(officials, JIANGBEI_WITNESS),)
                               if place == "江北新区" else ())
        drafts.append(SigningDraft(
            project, Decimal(yi) * YI, tuple(parties),
            FIRST_SIGNING + dt.timedelta(minutes=2 * i), project_en=english, sector=sector,
            location=place, ceremony=CEREMONY, witnesses=witnesses))
    return drafts


def _officials(db: Database) -> dict[tuple[str, str], tuple[str, str]]:
    """(organisation, title) -> (name, id) of the demo's officials, first by registration."""
    with db.read() as session:
        rows = session.execute(select(GuestRow.organization, GuestRow.title, GuestRow.name,
                                      GuestRow.id).where(GuestRow.category == "official")
                               .order_by(GuestRow.external_id)).all()
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for org, title, name, guest_id in rows:
        found.setdefault((org, title), (name, guest_id))
    return found


def add_demo_signings(db: Database) -> None:
    """Record the closing ceremony's 30 signings (fixed ids: every demo is the same)."""
    drafts = demo_signings(_officials(db))
    ids = [str(uuid.uuid5(_IDS, str(i))) for i in range(len(drafts))]
    add_signings(db, drafts, operator="demo", now=RECORDED_AT, ids=ids)
