"""Synthetic guest lists of any size for the benchmarks (deterministic)."""

from __future__ import annotations

import csv
import random
from pathlib import Path

HEADER = ["序号", "姓名", "性别", "工作单位", "职务", "手机号码", "电子邮箱", "嘉宾类别",
          "参会方式", "胸卡号"]
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
            "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙"
            "史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单区查朴解")
GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文斌玉梅晓东海波宁浩"
         "鹏飞欣怡子涵宇轩思雨")
ORGS = ["南京大学", "东南大学", "华为技术有限公司", "西门子（中国）有限公司",
        "徐工集团工程机械股份有限公司", "中国科学院自动化研究所", "阿里云计算有限公司",
        "南京市人民政府", "Fraunhofer IPA", "Siemens AG"]
TITLES = ["教授", "研究员", "总经理", "董事长", "工程师", "处长", "副市长", "记者",
          "Chief Engineer"]
CATEGORIES = ["领导", "院士", "专家", "企业代表", "参展商", "媒体", "工作人员", "观众"]
# The mix of a large conference: VIP categories (the first four) are a few percent.
CATEGORY_WEIGHTS = [1, 0.5, 2, 4, 12, 3, 2.5, 75]


def guest_rows(count: int, seed: int = 7) -> list[list[str]]:
    """`count` rows of a realistic Chinese guest list, all valid, codes unique."""
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        name = rng.choice(SURNAMES) + given
        mobile = f"1{rng.choice('3456789')}{i:09d}"
        rows.append([str(i + 1), name, rng.choice("男女"), rng.choice(ORGS), rng.choice(TITLES),
                     f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}" if i % 3 == 0 else mobile,
                     f"user{i}@example.com" if i % 4 else "",
                     rng.choices(CATEGORIES, CATEGORY_WEIGHTS)[0],
                     rng.choice(("线下", "线下", "线上")), f"B{i:07d}"])
    return rows


def write_csv(path: Path, rows: list[list[str]], encoding: str = "gb18030") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True,
                                               "strings_to_numbers": False})
    sheet = workbook.add_worksheet("嘉宾名单")
    sheet.write_row(0, 0, HEADER)
    for r, row in enumerate(rows, 1):
        sheet.write_number(r, 0, int(row[0]))
        sheet.write_row(r, 1, row[1:5])
        sheet.write_number(r, 5, int(row[5].replace("-", "")))  # phones typed as numbers
        sheet.write_row(r, 6, row[6:])
    workbook.close()
    return path
