"""The demo event: WIMC 2020 in Nanjing with a realistic, reproducible guest list.

`demo_guests` builds the guest list from a seed alone (random.Random, no clock, no
system randomness), so every demo database holds the same people with the same badge
codes, and a screenshot or a bug report made on one demo matches every other. The list
has the shape of the real 2020 conference: two dozen academicians, officials of the
province, the city and the ministry, experts, company representatives, exhibitors, the
press, the organisers' staff and volunteers, and thousands of visitors; about a third of
the VIPs and nearly all foreign guests took part online.

Names cover what the desk must find: common and rare surnames, the surnames with a
reading of their own (单田芳, 曾志伟, 解晓东, 区志强, 查良镛, 朴树), compound surnames
(欧阳, 上官, 司马, 诸葛...), names with a middle dot (阿卜杜拉·买买提), Japanese and
Korean names written in Hanzi, and Latin names with accents (Jürgen Müller, François
Dubois, Søren Kierkegaard, Łukasz Wiśniewski). E-mail addresses use subdomains of
example.com (reserved, never delivered), so the demo can never write to a real mailbox.

The demo also holds the closing ceremony's 30 signings (536.30 亿元; see demo_signings).
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from wimc_desktop.db.engine import Database
from wimc_desktop.domain.badge_codes import ALPHABET, RANDOM_LENGTH, check_char
from wimc_desktop.domain.names import (
    COMPOUND_SURNAMES,
    SURNAME_READINGS,
    char_pinyin,
    fold_latin,
)
from wimc_desktop.paths import DEMO_GUESTS
from wimc_desktop.services.demo_signings import add_demo_signings
from wimc_desktop.services.events import create_event
from wimc_desktop.services.importing import import_records

__all__ = ["DEMO_EVENT", "DEMO_GUESTS", "DemoEvent", "DemoStage", "create_demo_event",
           "demo_guests", "demo_stage", "demo_steps"]

# demo_guests reports its progress every this many guests made.
PROGRESS_EVERY = 250
Progress = Callable[[int, int], None]


class DemoStage(enum.Enum):
    """The parts of building the demo event, in order."""

    MAKING_GUESTS = "making_guests"
    WRITING_GUESTS = "writing_guests"
    FINISHING = "finishing"  # the search index and the 30 signings


@dataclass(frozen=True, slots=True)
class DemoEvent:
    """The event details of the demo database."""

    name_zh: str
    name_en: str
    venue: str
    city: str
    start: dt.date
    end: dt.date
    timezone: str
    badge_prefix: str


DEMO_EVENT = DemoEvent(
    name_zh="2020世界智能制造大会",
    name_en="World Intelligent Manufacturing Conference 2020",
    venue="南京国际博览中心",
    city="南京",
    start=dt.date(2020, 11, 26),
    end=dt.date(2020, 11, 28),
    timezone="Asia/Shanghai",
    badge_prefix="WIMC",
)

# --- How many of each category (for the default 5,000 guests; the rest are visitors) ---

BASE_COUNT = 5000
QUOTAS: dict[str, int] = {
    "official": 40, "academician": 24, "expert": 120, "company_rep": 220,
    "exhibitor": 600, "media": 150, "staff": 120,
}
# Chance of taking part online, for Chinese guests (foreign guests: FOREIGN_ONLINE).
ONLINE: dict[str, float] = {
    "official": 0.2, "academician": 0.3, "expert": 0.28, "company_rep": 0.28,
    "exhibitor": 0.2, "media": 0.08, "staff": 0.0, "visitor": 0.1,
}
FOREIGN_ONLINE = 0.9  # November 2020: few foreign guests could travel to China
FOREIGN: dict[str, float] = {
    "official": 0.0, "academician": 0.0, "expert": 0.12, "company_rep": 0.12,
    "exhibitor": 0.06, "media": 0.04, "staff": 0.0, "visitor": 0.015,
}
MALE: dict[str, float] = {
    "official": 0.85, "academician": 0.9, "expert": 0.78, "company_rep": 0.8,
    "exhibitor": 0.6, "media": 0.45, "staff": 0.4, "visitor": 0.62,
}
NO_EMAIL: dict[str, float] = {
    "official": 0.45, "academician": 0.3, "expert": 0.1, "company_rep": 0.15,
    "exhibitor": 0.1, "media": 0.1, "staff": 0.5, "visitor": 0.15,
}
VIP = ("official", "academician", "expert", "company_rep")

# --- Chinese names ---

# Surname -> relative frequency (per mille, roughly the national figures, Jiangsu a bit up).
SURNAMES: dict[str, float] = {
    "王": 71, "李": 70, "张": 67, "刘": 54, "陈": 46, "杨": 31, "黄": 24, "赵": 23, "吴": 20,
    "周": 19, "徐": 17, "孙": 15, "马": 13, "朱": 14, "胡": 12, "郭": 11, "何": 11, "林": 10,
    "高": 10, "罗": 9, "郑": 9, "梁": 8, "谢": 7, "宋": 7, "唐": 7, "许": 6, "韩": 6,
    "冯": 6, "邓": 6, "曹": 6, "彭": 5, "曾": 5, "肖": 5, "田": 5, "董": 5, "袁": 4, "潘": 4,
    "蒋": 4, "蔡": 4, "余": 4, "杜": 4, "叶": 4, "程": 4, "魏": 4, "苏": 3, "吕": 3, "丁": 3,
    "任": 3, "沈": 4, "姚": 3, "卢": 3, "钟": 3, "姜": 3, "崔": 3, "谭": 3, "陆": 4, "汪": 2,
    "范": 2, "廖": 2, "石": 2, "金": 2, "贾": 2, "夏": 2, "韦": 2, "付": 2, "方": 2, "邹": 2,
    "熊": 2, "白": 2, "孟": 2, "秦": 2, "邱": 2, "侯": 2, "江": 2, "尹": 2, "薛": 2, "闫": 2,
    "段": 2, "雷": 2, "龙": 2, "黎": 2, "史": 2, "陶": 2, "贺": 2, "顾": 3, "毛": 2, "郝": 2,
    "龚": 2, "邵": 2, "万": 1, "钱": 2, "严": 1.5, "武": 1.5, "戴": 1.5, "莫": 1, "孔": 1,
    "常": 1, "葛": 1, "缪": 0.6, "翟": 0.6, "仇": 0.4, "盖": 0.3, "乐": 0.4, "华": 0.5,
    "单": 0.6, "解": 0.5, "区": 0.3, "查": 0.4, "朴": 0.3, "冼": 0.2, "覃": 0.5, "过": 0.2,
    "眭": 0.1, "谌": 0.2, "尉": 0.1, "燕": 0.3, "车": 0.3, "牟": 0.3,
    "欧阳": 0.8, "上官": 0.15, "司马": 0.15, "诸葛": 0.15, "司徒": 0.15, "东方": 0.05,
    "皇甫": 0.05, "慕容": 0.03, "夏侯": 0.03, "令狐": 0.03, "公孙": 0.03, "端木": 0.03,
}
MALE_CHARS = ("伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁健志建国文海东晓俊浩宇博然凯峰毅锋振翔"
              "睿哲昊晨家子天永立德春林亮成新兴荣思嘉铭轩瑞泽阳旭彬")
FEMALE_CHARS = ("芳娜敏静丽艳娟霞婷雪琳颖慧欣怡倩璐瑶佳雯洁萍红玲燕晶妍蕾梦思悦诗雨月嘉秀英"
                "兰梅琪瑾菲晓丹薇若涵蓉")
RARE_CHARS = "瑾翯犇淼昕喆珺玥"  # name characters an input method rarely offers first
MIDDLE_DOT_FIRST = (("艾力", "Ali", "男"), ("买买提", "Mamat", "男"), ("阿不都", "Abdu", "男"),
                    ("热依拉", "Reyila", "女"), ("古丽娜尔", "Gulnar", "女"),
                    ("迪丽拜尔", "Dilber", "女"), ("努尔兰", "Nurlan", "男"))
MIDDLE_DOT_LAST = (("吐尔逊", "Tursun"), ("买买提", "Mamat"), ("艾山", "Hasan"),
                   ("阿不都拉", "Abdulla"), ("热合曼", "Rahman"))

# The names the sample data README calls out, with the category each one gets.
HARD_NAMES: tuple[tuple[str, str, str, str], ...] = (
    # name, romanised name, gender, category
    ("单田芳", "Shan Tianfang", "男", "expert"),
    ("曾志伟", "Zeng Zhiwei", "男", "company_rep"),
    ("解晓东", "Xie Xiaodong", "男", "official"),
    ("欧阳娜娜", "Ouyang Nana", "女", "media"),
    ("区志强", "Ou Zhiqiang", "男", "exhibitor"),
    ("查良镛", "Zha Liangyong", "男", "visitor"),
    ("朴树", "Piao Shu", "男", "visitor"),
    ("阿卜杜拉·买买提", "Abdulla Mamat", "男", "company_rep"),
)

# --- Foreign names ---

# Country -> (first names with gender, family names as (male form, female form)).
LATIN_NAMES: dict[str, tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]] = {
    "Germany": (
        (("Jürgen", "男"), ("Klaus", "男"), ("Stefan", "男"), ("Andreas", "男"),
         ("Matthias", "男"), ("Jörg", "男"), ("Uwe", "男"), ("Björn", "男"), ("Günter", "男"),
         ("Tobias", "男"), ("Katrin", "女"), ("Sabine", "女"), ("Anja", "女"),
         ("Bärbel", "女"), ("Jutta", "女"), ("Lena", "女")),
        tuple((n, n) for n in ("Müller", "Schmidt", "Schneider", "Fischer", "Weber",
                               "Schäfer", "Krüger", "Groß", "Köhler", "Jäger", "Weiß",
                               "Hoffmann", "Brückner", "Strauß", "Zimmermann")),
    ),
    "France": (
        (("François", "男"), ("Jean-Luc", "男"), ("Stéphane", "男"), ("Frédéric", "男"),
         ("Sébastien", "男"), ("Jérôme", "男"), ("Loïc", "男"), ("Hélène", "女"),
         ("Amélie", "女"), ("Céline", "女"), ("Élodie", "女"), ("Anaïs", "女")),
        tuple((n, n) for n in ("Dubois", "Lefèvre", "Moreau", "Laurent", "Girard",
                               "Rousseau", "Mercier", "Lemaître", "Bérard", "Faure")),
    ),
    "Denmark": (
        (("Søren", "男"), ("Jørgen", "男"), ("Rasmus", "男"), ("Anders", "男"),
         ("Mette", "女"), ("Signe", "女"), ("Kirsten", "女")),
        tuple((n, n) for n in ("Kierkegaard", "Jørgensen", "Sørensen", "Møller",
                               "Østergaard", "Kjær", "Thomsen")),
    ),
    "Sweden": (
        (("Björn", "男"), ("Lars", "男"), ("Åke", "男"), ("Göran", "男"), ("Åsa", "女"),
         ("Karin", "女"), ("Ingrid", "女")),
        tuple((n, n) for n in ("Lindström", "Åkesson", "Nyström", "Bergqvist", "Sjöberg")),
    ),
    "United Kingdom": (
        (("Oliver", "男"), ("George", "男"), ("William", "男"), ("Charlotte", "女"),
         ("Emily", "女"), ("Sophie", "女")),
        tuple((n, n) for n in ("Taylor", "Wilson", "Evans", "Thompson", "O'Connor",
                               "Hughes")),
    ),
    "United States": (
        (("John", "男"), ("Michael", "男"), ("David", "男"), ("Robert", "男"),
         ("James", "男"), ("Sarah", "女"), ("Jennifer", "女"), ("Jessica", "女")),
        tuple((n, n) for n in ("Smith", "Johnson", "Williams", "Brown", "Miller", "Davis",
                               "Anderson", "O'Brien", "McAllister")),
    ),
    "Italy": (
        (("Niccolò", "男"), ("Giuseppe", "男"), ("Marco", "男"), ("Luca", "男"),
         ("Francesca", "女"), ("Giulia", "女"), ("Chiara", "女")),
        tuple((n, n) for n in ("Rossi", "Bianchi", "Ferrari", "Colombo", "Esposito",
                               "De Luca")),
    ),
    "Switzerland": (
        (("Reto", "男"), ("Urs", "男"), ("Beat", "男"), ("Regula", "女"), ("Doris", "女")),
        tuple((n, n) for n in ("Zürcher", "Brunner", "Hürlimann", "Gähwiler")),
    ),
    "Czech Republic": (
        (("Jiří", "男"), ("Tomáš", "男"), ("Petr", "男"), ("Petra", "女"),
         ("Kateřina", "女")),
        (("Dvořák", "Dvořáková"), ("Novák", "Nováková"), ("Černý", "Černá")),
    ),
    "Poland": (
        (("Łukasz", "男"), ("Paweł", "男"), ("Wojciech", "男"), ("Agnieszka", "女"),
         ("Małgorzata", "女")),
        (("Wiśniewski", "Wiśniewska"), ("Kowalski", "Kowalska"), ("Wójcik", "Wójcik")),
    ),
    "Spain": (
        (("José", "男"), ("Íñigo", "男"), ("Álvaro", "男"), ("Begoña", "女"),
         ("María José", "女")),
        tuple((n, n) for n in ("García", "Muñoz", "Fernández", "Peña")),
    ),
}
# Japanese and Korean guests are listed in Hanzi with their own romanisation.
JAPANESE_SURNAMES = (("田中", "Tanaka"), ("山本", "Yamamoto"), ("佐藤", "Sato"),
                     ("铃木", "Suzuki"), ("高桥", "Takahashi"), ("渡边", "Watanabe"),
                     ("伊藤", "Ito"), ("中村", "Nakamura"), ("小林", "Kobayashi"))
JAPANESE_GIVEN = (("宏", "Hiroshi", "男"), ("健一", "Kenichi", "男"), ("大辅", "Daisuke", "男"),
                  ("诚", "Makoto", "男"), ("直树", "Naoki", "男"), ("隆", "Takashi", "男"),
                  ("由美", "Yumi", "女"), ("惠子", "Keiko", "女"), ("美香", "Mika", "女"))
KOREAN_SURNAMES = (("金", "Kim"), ("李", "Lee"), ("朴", "Park"), ("崔", "Choi"),
                   ("郑", "Jung"))
KOREAN_GIVEN = (("敏浩", "Min-ho", "男"), ("志勋", "Ji-hoon", "男"), ("成民", "Sung-min", "男"),
                ("秀贤", "Soo-hyun", "女"), ("惠珍", "Hye-jin", "女"))
COUNTRY_WEIGHTS: dict[str, float] = {
    "Germany": 30, "Japan": 15, "United States": 15, "France": 8, "South Korea": 8,
    "United Kingdom": 6, "Italy": 5, "Denmark": 4, "Sweden": 4, "Switzerland": 3,
    "Czech Republic": 2, "Poland": 2, "Spain": 2,
}
# Country -> (calling code, mobile prefixes, digits after the prefix).
FOREIGN_PHONES: dict[str, tuple[str, tuple[str, ...], int]] = {
    "Germany": ("49", ("151", "160", "170", "171", "176"), 8),
    "Japan": ("81", ("80", "90"), 8),
    "United States": ("1", ("312", "415", "617", "650"), 7),
    "France": ("33", ("6", "7"), 8),
    "South Korea": ("82", ("10",), 8),
    "United Kingdom": ("44", ("7700", "7911"), 6),
    "Italy": ("39", ("320", "347"), 7),
    "Denmark": ("45", ("20", "40"), 6),
    "Sweden": ("46", ("70", "73"), 7),
    "Switzerland": ("41", ("76", "79"), 7),
    "Czech Republic": ("420", ("603", "777"), 6),
    "Poland": ("48", ("501", "602"), 6),
    "Spain": ("34", ("6",), 8),
}

# Six foreign academicians: Chinese transliteration, Latin name, country, gender, org, title.
FOREIGN_ACADEMICIANS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("于尔根·布吕克纳", "Jürgen Brückner", "Germany", "男",
     "Fraunhofer-Institut für Produktionstechnik und Automatisierung IPA",
     "德国国家科学与工程院院士"),
    ("山田浩二", "Koji Yamada", "Japan", "男", "The University of Tokyo", "日本工程院院士"),
    ("罗伯特·安德森", "Robert Anderson", "United States", "男",
     "Massachusetts Institute of Technology", "美国国家工程院院士"),
    ("克劳斯·舍费尔", "Klaus Schäfer", "Germany", "男", "Technische Universität München",
     "中国工程院外籍院士"),
    ("伊丽莎白·休斯", "Elizabeth Hughes", "United Kingdom", "女", "University of Cambridge",
     "英国皇家工程院院士"),
    ("弗朗索瓦·勒菲弗", "François Lefèvre", "France", "男", "École Polytechnique",
     "法国国家技术科学院院士"),
)

# --- Organisations: (name, e-mail slug or "" for a public mailbox, kind) ---


class Org(NamedTuple):
    name: str
    slug: str
    kind: str  # univ, inst, company, gov, media, staff, volunteer, none


def _orgs(kind: str, *pairs: tuple[str, str]) -> tuple[Org, ...]:
    return tuple(Org(name, slug, kind) for name, slug in pairs)


UNIVERSITIES = _orgs(
    "univ", ("南京大学", "nju"), ("东南大学", "seu"), ("南京航空航天大学", "nuaa"),
    ("南京理工大学", "njust"), ("河海大学", "hhu"), ("南京工业大学", "njtech"),
    ("南京邮电大学", "njupt"), ("南京信息工程大学", "nuist"), ("江南大学", "jiangnan"),
    ("苏州大学", "suda"), ("清华大学", "tsinghua"), ("浙江大学", "zju"),
    ("上海交通大学", "sjtu"), ("华中科技大学", "hust"), ("西安交通大学", "xjtu"),
    ("哈尔滨工业大学", "hit"), ("北京航空航天大学", "buaa"), ("同济大学", "tongji"),
    ("大连理工大学", "dlut"), ("天津大学", "tju"),
)
INSTITUTES = _orgs(
    "inst", ("中国工程院", "cae"), ("中国科学院", "cas"),
    ("中国科学院沈阳自动化研究所", "sia"), ("中国科学院自动化研究所", "ia"),
    ("中国电子技术标准化研究院", "cesi"), ("中国信息通信研究院", "caict"),
    ("机械工业仪器仪表综合技术经济研究所", "itei"), ("中国机械工程学会", "cmes"),
    ("中国电子信息产业发展研究院", "ccid"), ("江苏省产业技术研究院", "jitri"),
    ("国家智能制造专家委员会", ""), ("中国航空工业集团有限公司", "avic"),
)
COMPANIES = _orgs(
    "company", ("华为技术有限公司", "huawei"), ("西门子（中国）有限公司", "siemens"),
    ("徐工集团", "xcmg"), ("南京钢铁集团有限公司", "njsteel"), ("海尔集团", "haier"),
    ("美的集团股份有限公司", "midea"), ("三一重工股份有限公司", "sany"),
    ("中国商用飞机有限责任公司", "comac"), ("中国中车股份有限公司", "crrc"),
    ("国电南瑞科技股份有限公司", "nari"), ("南京埃斯顿自动化股份有限公司", "estun"),
    ("中兴通讯股份有限公司", "zte"), ("阿里云计算有限公司", "aliyun"),
    ("腾讯云计算（北京）有限责任公司", "tencent"), ("京东方科技集团股份有限公司", "boe"),
    ("博世（中国）投资有限公司", "bosch"), ("ABB（中国）有限公司", "abb"),
    ("施耐德电气（中国）有限公司", "schneider"), ("罗克韦尔自动化（中国）有限公司", "rockwell"),
    ("上海发那科机器人有限公司", "fanuc"), ("库卡机器人（上海）有限公司", "kuka"),
    ("南京熊猫电子股份有限公司", "panda"), ("南京科远智慧科技集团股份有限公司", "sciyon"),
    ("江苏汇博机器人技术股份有限公司", "huiborobot"), ("深圳市汇川技术股份有限公司", "inovance"),
    ("沈阳新松机器人自动化股份有限公司", "siasun"), ("科大讯飞股份有限公司", "iflytek"),
    ("大族激光科技产业集团股份有限公司", "hanslaser"), ("杭州海康机器人技术有限公司", "hikrobot"),
    ("树根互联技术有限公司", "rootcloud"), ("用友网络科技股份有限公司", "yonyou"),
    ("浪潮集团有限公司", "inspur"), ("浙江中控技术股份有限公司", "supcon"),
    ("武汉华中数控股份有限公司", "hzncc"), ("无锡先导智能装备股份有限公司", "leadintelligent"),
    ("南京汽车集团有限公司", "nac"), ("新疆金风科技股份有限公司", "goldwind"),
    ("江苏亨通光电股份有限公司", "hengtong"), ("南京南瑞继保电气有限公司", "nrec"),
    ("中国移动通信集团江苏有限公司", "js-chinamobile"), ("中国船舶集团有限公司", "cssc"),
)
GOVERNMENT_SENIOR: tuple[tuple[str, str], ...] = (  # one of each, most senior first
    ("工业和信息化部", "副部长"), ("江苏省人民政府", "副省长"), ("南京市人民政府", "市长"),
    ("工业和信息化部装备工业一司", "司长"), ("江苏省工业和信息化厅", "厅长"),
    ("南京市人民政府", "副市长"), ("工业和信息化部科技司", "副司长"),
    ("工业和信息化部信息技术发展司", "副司长"), ("江苏省工业和信息化厅", "副厅长"),
    ("南京市人民政府", "副市长"), ("江苏省科学技术厅", "副厅长"),
    ("南京市工业和信息化局", "局长"), ("南京市建邺区人民政府", "区长"),
    ("南京江北新区管理委员会", "主任"), ("苏州市人民政府", "副市长"),
    ("无锡市人民政府", "副市长"), ("常州市人民政府", "副市长"),
    ("南京市人民政府", "副秘书长"),
)
GOVERNMENT_JUNIOR: tuple[tuple[str, str], ...] = (
    ("工业和信息化部装备工业一司", "处长"), ("工业和信息化部装备工业一司", "副处长"),
    ("工业和信息化部科技司", "处长"), ("工业和信息化部信息技术发展司", "处长"),
    ("江苏省工业和信息化厅", "二级巡视员"), ("江苏省工业和信息化厅智能制造处", "处长"),
    ("江苏省工业和信息化厅智能制造处", "副处长"), ("南京市工业和信息化局", "副局长"),
    ("南京市工业和信息化局智能制造处", "处长"), ("南京市发展和改革委员会", "副主任"),
    ("南京市科学技术局", "副局长"), ("南京市商务局", "副局长"),
    ("南京市江宁区人民政府", "副区长"), ("南京市雨花台区人民政府", "副区长"),
    ("南京市栖霞区人民政府", "副区长"),
)
MEDIA = _orgs(
    "media", ("新华社", "xinhua"), ("人民日报", "people"), ("中央广播电视总台", "cctv"),
    ("光明日报", "gmw"), ("经济日报", "ce"), ("科技日报", "stdaily"),
    ("中国新闻社", "chinanews"), ("新华日报", "xhby"), ("交汇点新闻", "jhd"),
    ("江苏广播电视总台", "jsbc"), ("南京日报", "njdaily"), ("扬子晚报", "yangtse"),
    ("现代快报", "xdkb"), ("南京广播电视集团", "njgb"), ("中国工业报", "cinn"),
    ("中国电子报", "cena"), ("第一财经", "yicai"), ("21世纪经济报道", "21jingji"),
    ("澎湃新闻", "thepaper"), ("紫牛新闻", ""),
)
STAFF_ORGS = (
    Org("大会组委会办公室", "wimc", "staff"), Org("南京国际博览中心", "niec", "staff"),
    Org("南京市工业和信息化局", "jxw-nanjing", "staff"),
    Org("江苏省工业和信息化厅", "gxt-jiangsu", "staff"),
    Org("南京大学（志愿者）", "", "volunteer"), Org("东南大学（志愿者）", "", "volunteer"),
    Org("南京航空航天大学（志愿者）", "", "volunteer"),
    Org("南京理工大学（志愿者）", "", "volunteer"),
)
# Country -> (academic, company, media) organisations of foreign guests.
FOREIGN_ORGS: dict[str, tuple[tuple[Org, ...], tuple[Org, ...], tuple[Org, ...]]] = {
    "Germany": (
        _orgs("univ", ("Fraunhofer-Institut für Produktionstechnik und Automatisierung IPA",
                       "ipa.fraunhofer"),
              ("Werkzeugmaschinenlabor WZL der RWTH Aachen", "wzl.rwth-aachen"),
              ("Technische Universität München", "tum"),
              ("Karlsruher Institut für Technologie", "kit")),
        _orgs("company", ("Siemens AG", "siemens"), ("Robert Bosch GmbH", "bosch"),
              ("KUKA AG", "kuka"), ("Festo SE & Co. KG", "festo"),
              ("TRUMPF GmbH + Co. KG", "trumpf"), ("SAP SE", "sap")),
        _orgs("media", ("Deutsche Presse-Agentur", "dpa"), ("Handelsblatt", "handelsblatt")),
    ),
    "Japan": (
        _orgs("univ", ("The University of Tokyo", "u-tokyo"), ("Osaka University", "osaka-u"),
              ("Tohoku University", "tohoku")),
        _orgs("company", ("FANUC Corporation", "fanuc"),
              ("Yaskawa Electric Corporation", "yaskawa"),
              ("Mitsubishi Electric Corporation", "mitsubishielectric"),
              ("OMRON Corporation", "omron")),
        _orgs("media", ("NHK", "nhk"), ("Nikkei Asia", "nikkei")),
    ),
    "United States": (
        _orgs("univ", ("Massachusetts Institute of Technology", "mit"),
              ("Georgia Institute of Technology", "gatech"), ("University of Michigan", "umich")),
        _orgs("company", ("Rockwell Automation, Inc.", "rockwellautomation"),
              ("GE Digital", "ge"), ("PTC Inc.", "ptc"),
              ("Honeywell International Inc.", "honeywell")),
        _orgs("media", ("Bloomberg News", "bloomberg"), ("The Associated Press", "ap")),
    ),
    "France": (
        _orgs("univ", ("École Polytechnique", "polytechnique"),
              ("Arts et Métiers ParisTech", "ensam")),
        _orgs("company", ("Dassault Systèmes", "3ds"), ("Schneider Electric SE", "se")),
        _orgs("media", ("Agence France-Presse", "afp"),),
    ),
    "South Korea": (
        _orgs("univ", ("KAIST", "kaist"), ("Seoul National University", "snu")),
        _orgs("company", ("Samsung Electronics Co., Ltd.", "samsung"),
              ("LG Electronics Inc.", "lge"), ("Hyundai Robotics Co., Ltd.", "hyundai-robotics")),
        _orgs("media", ("Yonhap News Agency", "yna"),),
    ),
    "United Kingdom": (
        _orgs("univ", ("University of Cambridge", "cam"),
              ("WMG, University of Warwick", "warwick")),
        _orgs("company", ("Rolls-Royce plc", "rolls-royce"), ("Renishaw plc", "renishaw")),
        _orgs("media", ("Reuters", "reuters"), ("Financial Times", "ft")),
    ),
    "Italy": (
        _orgs("univ", ("Politecnico di Milano", "polimi"),),
        _orgs("company", ("Comau S.p.A.", "comau"), ("Prima Industrie S.p.A.", "primaindustrie")),
        _orgs("media", ("ANSA", "ansa"),),
    ),
    "Denmark": (
        _orgs("univ", ("Danmarks Tekniske Universitet", "dtu"),),
        _orgs("company", ("Universal Robots A/S", "universal-robots"), ("Danfoss A/S", "danfoss")),
        _orgs("media", ("Børsen", "borsen"),),
    ),
    "Sweden": (
        _orgs("univ", ("KTH Kungliga Tekniska högskolan", "kth"),),
        _orgs("company", ("Sandvik AB", "sandvik"), ("SKF AB", "skf"), ("Ericsson AB", "ericsson")),
        _orgs("media", ("Dagens industri", "di"),),
    ),
    "Switzerland": (
        _orgs("univ", ("ETH Zürich", "ethz"),),
        _orgs("company", ("ABB Ltd", "abb"), ("Bühler AG", "buhlergroup")),
        _orgs("media", ("Neue Zürcher Zeitung", "nzz"),),
    ),
    "Czech Republic": (
        _orgs("univ", ("České vysoké učení technické v Praze", "cvut"),),
        _orgs("company", ("Škoda Auto a.s.", "skoda-auto"),),
        _orgs("media", ("Česká tisková kancelář", "ctk"),),
    ),
    "Poland": (
        _orgs("univ", ("Politechnika Warszawska", "pw"),),
        _orgs("company", ("Grupa Azoty S.A.", "grupaazoty"),),
        _orgs("media", ("Polska Agencja Prasowa", "pap"),),
    ),
    "Spain": (
        _orgs("univ", ("Universidad Politécnica de Madrid", "upm"),),
        _orgs("company", ("Fagor Automation S. Coop.", "fagorautomation"),
              ("Gestamp Automoción S.A.", "gestamp")),
        _orgs("media", ("Agencia EFE", "efe"),),
    ),
}
# Small and mid-sized firms: city + brand + business.
SME_CITIES = ("南京", "南京", "南京", "苏州", "无锡", "常州", "扬州", "镇江", "南通", "徐州",
              "上海", "杭州", "合肥", "深圳")
SME_BRANDS = ("恒达", "华智", "科瑞", "博纳", "中洲", "新禾", "瑞泰", "天工", "精工", "云帆",
              "智远", "通达", "汇联", "迈拓", "凯捷", "诺威", "启明", "锐思", "宏图", "佳禾",
              "德润", "鼎新", "思创", "信和", "聚能", "众联", "蓝海", "星河", "海纳", "九州",
              "昊天", "华创", "安捷", "瀚宇", "金陵", "钟山", "秦淮", "紫金")
SME_BUSINESSES = ("智能科技有限公司", "自动化设备有限公司", "机器人科技有限公司",
                  "精密机械有限公司", "数控技术有限公司", "工业软件有限公司", "信息技术有限公司",
                  "传感技术有限公司", "智能装备股份有限公司", "激光科技有限公司")
SME_COUNT = 160

# --- Titles ---

# Academy -> the academy itself and its institutes (universities are open to both).
ACADEMIES: dict[str, tuple[Org, ...]] = {
    "中国工程院": (INSTITUTES[0], INSTITUTES[11]),
    "中国科学院": (INSTITUTES[1], INSTITUTES[2], INSTITUTES[3]),
}
TITLES: dict[str, tuple[str, ...]] = {
    "expert_univ": ("教授", "教授", "副教授", "教授、博士生导师", "院长", "副院长", "系主任",
                    "国家重点实验室主任"),
    "expert_inst": ("研究员", "研究员", "副研究员", "所长", "副所长", "主任", "首席专家",
                    "总工程师"),
    "expert_company": ("首席科学家", "总工程师", "首席技术官", "研究院院长"),
    "company_rep": ("董事长", "总裁", "总经理", "副总裁", "副总经理", "首席技术官",
                    "首席信息官", "首席数字官", "事业部总经理", "智能制造事业部总经理",
                    "战略发展部总监"),
    "exhibitor": ("销售经理", "市场总监", "市场经理", "区域销售经理", "技术支持工程师",
                  "解决方案架构师", "产品经理", "应用工程师", "展位负责人", "商务代表"),
    "media": ("记者", "记者", "记者", "首席记者", "编辑", "摄影记者", "摄像记者", "主编",
              "副总编辑", "主持人", "新媒体编辑"),
    "staff": ("注册组", "接待组", "礼宾组", "安保组", "技术保障组", "媒体服务组", "会务组组长",
              "展务组"),
    "volunteer": ("志愿者",),
    "visitor_univ": ("学生", "硕士研究生", "硕士研究生", "博士研究生", "教师", "讲师"),
    "visitor_company": ("工程师", "工程师", "高级工程师", "技术员", "项目经理", "采购经理",
                        "研发工程师", "生产主管", "设备主管", "销售", "总经理", "副总经理",
                        "", ""),
    "en_expert": ("Professor", "Professor", "Institute Director", "Head of Department",
                  "Senior Scientist", "Chief Engineer"),
    "en_company_rep": ("CEO", "Vice President", "Managing Director", "CTO",
                       "President, Greater China", "Head of Digital Industries",
                       "Chief Digital Officer"),
    "en_exhibitor": ("Sales Manager", "Area Sales Manager", "Application Engineer",
                     "Product Manager", "Business Development Manager"),
    "en_media": ("Correspondent", "Correspondent", "Photographer", "Bureau Chief", "Editor"),
    "en_visitor": ("Engineer", "Manager", "Consultant", "Student", ""),
}
VIP_NOTES = ("开幕式主席台就座", "主论坛演讲嘉宾", "需接站（南京南站）", "需接机（禄口机场）",
             "随行人员1名", "随行人员2名", "素食", "清真餐", "需同传耳机")
ONLINE_NOTES = ("线上致辞（录播）", "线上连线发言", "云签约")
OTHER_NOTES = ("素食", "清真餐", "需轮椅通道", "需开具发票", "团体报名", "同行3人")

CHINA_MOBILE_PREFIXES = (
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152",
    "153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180",
    "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "195", "198", "199",
)
CHINESE_MAIL = ("163", "126", "qq", "sina", "foxmail", "139")
FOREIGN_MAIL = ("gmail", "outlook", "gmx", "icloud")
_NOT_ASCII_WORD = re.compile(r"[^a-z0-9]")


class Person(NamedTuple):
    """A generated person before an organisation and a role are attached."""

    name: str
    romanised: str  # 'Zhang Xiaodong', 'Koji Yamada', the Latin name itself
    gender: str  # 男 / 女
    country: str
    first: str  # ascii, for the e-mail address
    last: str
    latin: bool  # the name itself is written in Latin letters


def _ascii(text: str) -> str:
    return _NOT_ASCII_WORD.sub("", fold_latin(text))


def _roman(syllables: str) -> str:
    """'lv' (ü) written as on passports (lyu), and capitalised."""
    return syllables.replace("v", "yu").capitalize()


def _surname_pinyin(surname: str) -> str:
    if surname in COMPOUND_SURNAMES:
        return "".join(COMPOUND_SURNAMES[surname])
    return SURNAME_READINGS.get(surname) or char_pinyin(surname)


class Generator:
    """All the random choices of one demo list, from one seeded random.Random."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.surnames = list(SURNAMES)
        self.surname_weights = list(accumulate(SURNAMES.values()))
        self.countries = list(COUNTRY_WEIGHTS)
        self.country_weights = list(accumulate(COUNTRY_WEIGHTS.values()))
        self.mobiles: set[str] = set()
        self.emails: set[str] = set()
        self.smes = self._smes()

    def _smes(self) -> list[Org]:
        seen: dict[str, Org] = {}
        while len(seen) < SME_COUNT:
            brand = self.rng.choice(SME_BRANDS)
            name = self.rng.choice(SME_CITIES) + brand + self.rng.choice(SME_BUSINESSES)
            city = name[:2]
            slug = "".join(char_pinyin(c)[0] for c in city) + "".join(map(char_pinyin, brand))
            seen.setdefault(name, Org(name, slug, "company"))
        return list(seen.values())

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    # - people -

    def chinese(self, male_share: float) -> Person:
        rng = self.rng
        if self.chance(0.004):
            first, first_en, gender = rng.choice(MIDDLE_DOT_FIRST)
            last, last_en = rng.choice(MIDDLE_DOT_LAST)
            return Person(f"{first}·{last}", f"{first_en} {last_en}", gender, "中国",
                          _ascii(first_en), _ascii(last_en), False)
        surname = rng.choices(self.surnames, cum_weights=self.surname_weights)[0]
        gender = "男" if self.chance(male_share) else "女"
        chars = MALE_CHARS if gender == "男" else FEMALE_CHARS
        length = 1 if self.chance(0.3) else 2
        given = "".join(rng.choice(RARE_CHARS if self.chance(0.01) else chars)
                        for _ in range(length))
        last = _surname_pinyin(surname)
        first = "".join(char_pinyin(c) for c in given)
        return Person(surname + given, f"{_roman(last)} {_roman(first)}", gender, "中国",
                      first, last, False)

    def foreign(self) -> Person:
        rng = self.rng
        country = rng.choices(self.countries, cum_weights=self.country_weights)[0]
        if country == "Japan":
            (sur, sur_en), (giv, giv_en, gender) = (rng.choice(JAPANESE_SURNAMES),
                                                    rng.choice(JAPANESE_GIVEN))
            return Person(sur + giv, f"{giv_en} {sur_en}", gender, country,
                          _ascii(giv_en), _ascii(sur_en), False)
        if country == "South Korea":
            (sur, sur_en), (giv, giv_en, gender) = (rng.choice(KOREAN_SURNAMES),
                                                    rng.choice(KOREAN_GIVEN))
            return Person(sur + giv, f"{sur_en} {giv_en}", gender, country,
                          _ascii(giv_en), _ascii(sur_en), False)
        firsts, lasts = LATIN_NAMES[country]
        first, gender = rng.choice(firsts)
        male_form, female_form = rng.choice(lasts)
        last = male_form if gender == "男" else female_form
        name = f"{first} {last}"
        return Person(name, name, gender, country, _ascii(first), _ascii(last), True)

    # - contact details -

    def mobile(self, person: Person) -> str:
        rng = self.rng
        if person.country != "中国" and self.chance(0.7):
            code, prefixes, digits = FOREIGN_PHONES[person.country]
            while True:
                number = f"+{code}{rng.choice(prefixes)}{rng.randrange(10 ** digits):0{digits}d}"
                if number not in self.mobiles:
                    break
        else:
            while True:
                number = f"{rng.choice(CHINA_MOBILE_PREFIXES)}{rng.randrange(10 ** 8):08d}"
                if number not in self.mobiles:
                    break
        self.mobiles.add(number)
        return number

    def email(self, person: Person, org: Org) -> str:
        rng = self.rng
        chinese = person.country == "中国" and not person.latin
        if org.slug and self.chance(0.7):
            domain = f"{org.slug}.example.com"
        else:
            domain = f"{rng.choice(CHINESE_MAIL if chinese else FOREIGN_MAIL)}.example.com"
        first, last = person.first or "guest", person.last or "guest"
        style = rng.random()
        if domain.startswith("qq."):
            local = str(rng.randrange(10_000_000, 3_000_000_000))
        elif not chinese:
            local = f"{first}.{last}" if style < 0.7 else f"{first[0]}.{last}"
        elif style < 0.35:
            local = f"{last}{first}"
        elif style < 0.55:
            local = f"{first}.{last}"
        elif style < 0.7:
            local = f"{last}.{first}"
        else:
            local = f"{last}{first}{rng.randrange(60, 100)}"
        address = f"{local}@{domain}"
        while address in self.emails:
            address = f"{local}{rng.randrange(1, 1000)}@{domain}"
        self.emails.add(address)
        return address

    def badge_code(self, prefix: str, taken: set[str]) -> str:
        while True:
            body = "".join(self.rng.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
            code = f"{prefix}-{body}{check_char(body)}"
            if code not in taken:
                taken.add(code)
                return code

    # - roles -

    def chinese_role(self, category: str) -> tuple[Org, str]:
        """Organisation and title of a Chinese guest of a category (not officials)."""
        rng = self.rng
        if category == "academician":
            academy = rng.choice(list(ACADEMIES))
            if self.chance(0.3):
                return rng.choice(ACADEMIES[academy]), f"{academy}院士"
            return rng.choice(UNIVERSITIES[:16]), rng.choice((f"{academy}院士",
                                                               f"{academy}院士、教授"))
        if category == "expert":
            r = rng.random()
            if r < 0.65:
                return rng.choice(UNIVERSITIES), rng.choice(TITLES["expert_univ"])
            if r < 0.9:
                return rng.choice(INSTITUTES), rng.choice(TITLES["expert_inst"])
            return rng.choice(COMPANIES), rng.choice(TITLES["expert_company"])
        if category in ("company_rep", "exhibitor"):
            pool = COMPANIES if category == "company_rep" or self.chance(0.4) else self.smes
            return rng.choice(pool), rng.choice(TITLES[category])
        if category == "media":
            return rng.choice(MEDIA), rng.choice(TITLES["media"])
        if category == "staff":
            org = rng.choice(STAFF_ORGS)
            return org, rng.choice(TITLES[org.kind])
        r = rng.random()  # visitors
        if r < 0.45:
            return rng.choice(self.smes), rng.choice(TITLES["visitor_company"])
        if r < 0.7:
            return rng.choice(COMPANIES), rng.choice(TITLES["visitor_company"])
        if r < 0.9:
            return rng.choice(UNIVERSITIES), rng.choice(TITLES["visitor_univ"])
        return Org("", "", "none"), ""

    def foreign_role(self, category: str, country: str) -> tuple[Org, str]:
        rng = self.rng
        academic, companies, media = FOREIGN_ORGS[country]
        if category == "expert":
            return rng.choice(academic), rng.choice(TITLES["en_expert"])
        if category in ("company_rep", "exhibitor"):
            return rng.choice(companies), rng.choice(TITLES[f"en_{category}"])
        if category == "media":
            return rng.choice(media), rng.choice(TITLES["en_media"])
        return rng.choice(companies + academic), rng.choice(TITLES["en_visitor"])


def _quotas(count: int) -> dict[str, int]:
    """Guests per category: the 5,000-guest shape, scaled down for smaller lists."""
    scale = min(1.0, count / BASE_COUNT)
    quotas = {cat: round(n * scale) for cat, n in QUOTAS.items()}
    while sum(quotas.values()) > count:
        biggest = max(quotas, key=lambda c: quotas[c])
        quotas[biggest] -= 1
    quotas["visitor"] = count - sum(quotas.values())
    return quotas


def _notes(gen: Generator, category: str, online: bool) -> str:
    if category in VIP:
        if online and gen.chance(0.15):
            return gen.rng.choice(ONLINE_NOTES)
        return gen.rng.choice(VIP_NOTES) if not online and gen.chance(0.12) else ""
    return gen.rng.choice(OTHER_NOTES) if gen.chance(0.03) else ""


def _record(gen: Generator, category: str, person: Person, org: Org, title: str,
            notes: str | None = None) -> dict[str, str]:
    foreign = person.country != "中国"
    online = gen.chance(FOREIGN_ONLINE if foreign else ONLINE[category])
    # VIPs are listed with a romanised name; Japanese and Korean guests always are.
    name_en = "" if person.latin else person.romanised
    if not foreign and category not in VIP:
        name_en = ""
    return {
        "name": person.name, "name_en": name_en, "gender": person.gender,
        "organization": org.name, "title": title, "category": category,
        "attendance": "线上" if online else "线下", "country": person.country,
        "mobile": gen.mobile(person),
        "email": "" if gen.chance(NO_EMAIL[category]) else gen.email(person, org),
        "badge_code": "", "seat": "", "dietary": "", "external_id": "",
        "notes": _notes(gen, category, online) if notes is None else notes,
    }


DIETARY = ("素食", "清真 / halal", "不吃辣", "海鲜过敏 / no seafood", "无麸质 / gluten-free")
DIETARY_SHARE = 0.04


def _seats_and_diets(records: list[dict[str, str]], seed: int) -> None:
    """Seats for the VIPs at the venue (rows of 20 in zones A-D, in list order) and dietary
    needs for a few guests (halal for those whose notes ask for it). A generator of its
    own: the rest of the list stays what it was."""
    rng = random.Random(seed * 31 + 7)
    seated = 0
    for record in records:
        if record["category"] in VIP and record["attendance"] == "线下":
            zone, place = divmod(seated, 200)
            row, seat = divmod(place, 20)
            record["seat"] = f"{'ABCD'[zone % 4]}区 {row + 1}排 {seat + 1}座"
            seated += 1
        if record["notes"] == "清真餐":
            record["dietary"] = "清真 / halal"
        elif rng.random() < DIETARY_SHARE:
            record["dietary"] = rng.choice(DIETARY)


def _officials(gen: Generator, n: int) -> list[tuple[str, str]]:
    """Organisation and title of n officials: the senior posts first, then juniors."""
    posts = list(GOVERNMENT_SENIOR[:n])
    posts += [gen.rng.choice(GOVERNMENT_JUNIOR) for _ in range(n - len(posts))]
    return posts


def _guest(gen: Generator, category: str, index: int) -> dict[str, str]:
    """The index-th generated guest of a category (officials: see _officials)."""
    if category == "academician" and index % 4 == 3 and index // 4 < len(FOREIGN_ACADEMICIANS):
        name, latin, country, gender, org_name, title = FOREIGN_ACADEMICIANS[index // 4]
        first, _, last = latin.partition(" ")
        person = Person(name, latin, gender, country, _ascii(first), _ascii(last), False)
        return _record(gen, category, person, Org(org_name, "", "univ"), title)
    if gen.chance(FOREIGN[category]):
        person = gen.foreign()
        org, title = gen.foreign_role(category, person.country)
    else:
        person = gen.chinese(MALE[category])
        org, title = gen.chinese_role(category)
    return _record(gen, category, person, org, title)


def demo_guests(count: int = DEMO_GUESTS, seed: int = 2020,
                progress: Progress | None = None) -> list[dict[str, str]]:
    """A reproducible WIMC 2020 guest list: `count` records of field -> text.

    The same count and seed always give the same list, badge codes included.
    `progress(made, count)` is told now and then how many guests are made so far.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    gen = Generator(seed)
    quotas = _quotas(count)
    records: list[dict[str, str]] = []
    for name, romanised, gender, category in HARD_NAMES[:count]:
        if quotas[category] == 0:
            category = "visitor" if quotas["visitor"] else max(quotas, key=lambda c: quotas[c])
        quotas[category] -= 1
        family, _, given = romanised.partition(" ")
        person = Person(name, romanised, gender, "中国", _ascii(given), _ascii(family), False)
        if category == "official":
            org_name, title = gen.rng.choice(GOVERNMENT_JUNIOR)
            org = Org(org_name, "", "gov")
        else:
            org, title = gen.chinese_role(category)
        notes = "清真餐" if "·" in name else None
        records.append(_record(gen, category, person, org, title, notes))
    for org_name, title in _officials(gen, quotas.pop("official")):
        person = gen.chinese(MALE["official"])
        records.append(_record(gen, "official", person, Org(org_name, "", "gov"), title))
    for category, n in quotas.items():
        for i in range(n):
            records.append(_guest(gen, category, i))
            if progress is not None and len(records) % PROGRESS_EVERY == 0:
                progress(len(records), count)
    gen.rng.shuffle(records)
    taken: set[str] = set()
    width = max(5, len(str(count)))
    for number, record in enumerate(records, 1):
        record["badge_code"] = gen.badge_code(DEMO_EVENT.badge_prefix, taken)
        record["external_id"] = f"REG2020-{number:0{width}d}"
    _seats_and_diets(records, seed)
    return records


def create_demo_event(target: str | os.PathLike[str], count: int = DEMO_GUESTS,
                      progress: Progress | None = None) -> Database:
    """Create the demo event database at `target`: `count` demo guests and 30 signings.

    `progress(done, total)` counts in `demo_steps(count)`: the guests made, then the
    guests written, then one step for the search index and the signings.
    """
    ev = DEMO_EVENT
    report = progress or (lambda done, total: None)
    total = demo_steps(count)
    db = create_event(target, name_zh=ev.name_zh, name_en=ev.name_en, venue=ev.venue,
                      city=ev.city, start=ev.start, end=ev.end, timezone=ev.timezone,
                      badge_prefix=ev.badge_prefix)
    try:
        if count:
            guests = demo_guests(count, progress=lambda made, _: report(made, total))
            report(count, total)
            import_records(db, guests, source="demo", name="demo",
                           progress=lambda written, _: report(count + written, total))
        add_demo_signings(db)
        report(total, total)
    except Exception:
        db.dispose()
        raise
    return db


def demo_steps(count: int) -> int:
    """How many steps create_demo_event reports for `count` guests (see DemoStage)."""
    return 2 * count + 1


def demo_stage(done: int, count: int) -> DemoStage:
    """What create_demo_event is doing when it has reported `done` steps for `count` guests."""
    if done < count:
        return DemoStage.MAKING_GUESTS
    if done < 2 * count:
        return DemoStage.WRITING_GUESTS
    return DemoStage.FINISHING
