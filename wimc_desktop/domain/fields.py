"""The fields of a guest and the column headers registration offices use for them."""

from __future__ import annotations

import re

# Field name -> header aliases (compared after folding: see fold_header).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "名字", "中文名", "中文姓名", "嘉宾姓名", "参会人", "参会人姓名",
             "name", "full name", "chinese name", "guest name", "name cn"),
    "name_en": ("英文名", "英文姓名", "外文名", "拼音", "拼音姓名", "english name", "name en",
                "latin name", "pinyin", "name (english)"),
    "gender": ("性别", "gender", "sex"),
    "organization": ("工作单位", "单位", "公司", "单位名称", "公司名称", "所在单位", "机构",
                     "企业", "企业名称", "organization", "organisation", "company",
                     "institution", "affiliation", "employer", "org"),
    "title": ("职务", "职称", "职位", "头衔", "position", "title", "job title", "job"),
    "category": ("类别", "嘉宾类别", "人员类别", "身份", "类型", "嘉宾类型", "嘉宾身份",
                 "category", "type", "guest type", "guest category", "role"),
    "attendance": ("参会方式", "线上/线下", "线上线下", "参会形式", "参与方式", "attendance",
                   "mode", "attendance mode", "participation", "online/offline"),
    "country": ("国籍", "国家", "国家/地区", "国家地区", "country", "nationality",
                "country/region"),
    "mobile": ("手机", "手机号", "手机号码", "电话", "联系电话", "移动电话", "联系方式",
               "mobile", "phone", "mobile phone", "cell phone", "cellphone", "tel",
               "telephone", "phone number", "mobile number"),
    "email": ("邮箱", "电子邮箱", "电子邮件", "邮件", "email", "e-mail", "mail",
              "email address", "e-mail address"),
    "badge_code": ("胸卡号", "证件号", "胸牌号", "证件编号", "胸卡编号", "胸卡", "badge",
                   "badge no", "badge no.", "badge number", "badge code", "badge id",
                   "ticket", "ticket no", "code"),
    "external_id": ("报名编号", "报名号", "注册号", "注册编号", "registration id",
                    "registration no", "external id", "reg id", "id"),
    "notes": ("备注", "说明", "notes", "note", "remarks", "remark", "comment", "comments"),
}

GUEST_FIELDS: tuple[str, ...] = tuple(FIELD_ALIASES)
REQUIRED_FIELDS: tuple[str, ...] = ("name",)

_FOLD_JUNK = re.compile(r"[\s_\-.:：*（）()/、]+")


def fold_header(header: str) -> str:
    """A header reduced for comparison: lower case, no spaces or punctuation."""
    return _FOLD_JUNK.sub("", header.strip().lstrip("\ufeff").lower())


_ALIAS_TABLE: dict[str, str] = {
    fold_header(alias): field for field, aliases in FIELD_ALIASES.items() for alias in aliases
}


def field_for_header(header: str) -> str | None:
    """The guest field a column header names, or None when it names none."""
    return _ALIAS_TABLE.get(fold_header(header))


def auto_mapping(headers: list[str]) -> dict[str, int]:
    """Field -> column index for the headers that name a field (first one wins)."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        field = field_for_header(header)
        if field and field not in mapping:
            mapping[field] = index
    return mapping


def header_score(cells: list[str]) -> int:
    """How many cells of a row are known headers: the header row scores highest."""
    return len({f for f in (field_for_header(c) for c in cells if c) if f})
