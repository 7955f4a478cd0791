"""The one definition of a guest's fields.

Every list of guest fields elsewhere (the guest table's columns, the import's header
aliases and limits, the search documents, the exports, the table models, the JSON of
the command line) is derived from GUEST_RECORD. To add a field, add one GuestField here
(and the column in a migration): nothing else lists fields by hand.

Labels are English source texts, translated by the interface under the context
"GuestField" (QT_TRANSLATE_NOOP below is a plain marker that pyside6-lupdate reads: the
domain imports no Qt).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # (the name lupdate looks for)
    """`text` unchanged: marks it for translation under `context` (read by lupdate)."""
    return text


class Kind(StrEnum):
    """What a field's value is, which decides how it is checked and normalised."""

    TEXT = "text"  # one line of free text
    LONG_TEXT = "long_text"  # free text with line breaks (notes)
    CHOICE = "choice"  # one of a fixed set (gender, attendance)
    CATEGORY = "category"  # one of the event's category codes
    MOBILE = "mobile"
    EMAIL = "email"
    BADGE_CODE = "badge_code"
    DERIVED = "derived"  # set by the application, never imported or typed (source)


class SearchAs(StrEnum):
    """How the search index finds a guest by a field (NONE: it does not)."""

    NONE = ""
    NAME = "name"  # Hanzi, pinyin, initials, shorthand, Latin form
    TEXT = "text"  # the text itself, as a substring
    VALUE = "value"  # a value many guests share (organisation, title): indexed once
    TAG = "tag"  # a filter (category, attendance)
    PHONE = "phone"  # its digits
    CODE = "code"  # exact code, or its number after the event prefix


class Mask(StrEnum):
    """How a field is shown when personal data is masked (the default)."""

    NONE = ""
    MOBILE = "mobile"  # 138****5678
    EMAIL = "email"  # z***@example.com
    TEXT = "text"  # *** (a health or belief hint such as dietary needs: not shown at all)


@dataclass(frozen=True, slots=True)
class GuestField:
    """One field of a guest: its type, limits, and where it appears."""

    name: str  # the attribute, the column and the JSON key
    label: str  # English source text of its label (context "GuestField")
    max_length: int  # characters; 0 for no limit of its own
    kind: Kind = Kind.TEXT
    search: SearchAs = SearchAs.NONE
    aliases: tuple[str, ...] = ()  # import headers naming it (compared folded)
    required: bool = False
    shown: bool = True  # a column of the guest tables
    hidden_by_default: bool = False  # shown only when the user picks the column
    exported: bool = True  # a column of the guest lists of the report files
    mask: Mask = Mask.NONE
    width: int = 120  # a table column's default width in pixels
    filled: bool = False  # never empty: the application fills it (no '' default)
    # Its header in the files the core writes in Chinese (report lists): those files do
    # not go through the interface's translation. Empty: the English label.
    label_zh: str = ""
    # Personal data the purge after the event deletes (PIPL: kept no longer than needed).
    personal: bool = False
    # A desk may correct it (edit-guest, Edit details…); the badge code has its reissue,
    # attendance its check-in, the rest is the list's.
    editable: bool = False

    @property
    def imported(self) -> bool:
        """Whether an import can map a column to it."""
        return bool(self.aliases)


GUEST_RECORD: tuple[GuestField, ...] = (
    GuestField("name", QT_TRANSLATE_NOOP("GuestField", "Name"),
               200, editable=True, label_zh="姓名", search=SearchAs.NAME, required=True,
               width=140,
               aliases=("姓名", "名字", "中文名", "中文姓名", "嘉宾姓名", "参会人", "参会人姓名",
                        "name", "full name", "chinese name", "guest name", "name cn")),
    GuestField("name_en", QT_TRANSLATE_NOOP("GuestField", "English name"),
               200, editable=True, label_zh="英文名", search=SearchAs.NAME,
               width=140,
               aliases=("英文名", "英文姓名", "外文名", "拼音", "拼音姓名", "english name",
                        "name en", "latin name", "pinyin", "name (english)")),
    GuestField("gender", QT_TRANSLATE_NOOP("GuestField", "Gender"),
               1, kind=Kind.CHOICE,
               hidden_by_default=True, width=60, aliases=("性别", "gender", "sex"), exported=False),
    GuestField("organization", QT_TRANSLATE_NOOP("GuestField", "Organization"),
               200, editable=True, label_zh="单位", search=SearchAs.VALUE,
               width=240,
               aliases=("工作单位", "单位", "公司", "单位名称", "公司名称", "所在单位", "机构",
                        "企业", "企业名称", "organization", "organisation", "company",
                        "institution", "affiliation", "employer", "org")),
    GuestField("title", QT_TRANSLATE_NOOP("GuestField", "Title"),
               200, editable=True, label_zh="职务", search=SearchAs.VALUE, width=130,
               aliases=("职务", "职称", "职位", "头衔", "position", "title", "job title",
                        "job")),
    GuestField("category", QT_TRANSLATE_NOOP("GuestField", "Category"),
               32, editable=True, label_zh="类别", kind=Kind.CATEGORY, filled=True,
               search=SearchAs.TAG, width=175,
               aliases=("类别", "嘉宾类别", "人员类别", "身份", "类型", "嘉宾类型", "嘉宾身份",
                        "category", "type", "guest type", "guest category", "role")),
    GuestField("attendance", QT_TRANSLATE_NOOP("GuestField", "Attendance"),
               8, kind=Kind.CHOICE, filled=True,
               search=SearchAs.TAG, width=80,
               aliases=("参会方式", "线上/线下", "线上线下", "参会形式", "参与方式",
                        "attendance", "mode", "attendance mode", "participation",
                        "online/offline"), exported=False),
    GuestField("country", QT_TRANSLATE_NOOP("GuestField", "Country"),
               100, hidden_by_default=True, width=90,
               aliases=("国籍", "国家", "国家/地区", "国家地区", "country", "nationality",
                        "country/region"), exported=False),
    GuestField("mobile", QT_TRANSLATE_NOOP("GuestField", "Mobile"),
               32, editable=True, label_zh="手机", kind=Kind.MOBILE,
               search=SearchAs.PHONE, mask=Mask.MOBILE, width=130, personal=True,
               aliases=("手机", "手机号", "手机号码", "电话", "联系电话", "移动电话", "联系方式",
                        "mobile", "phone", "mobile phone", "cell phone", "cellphone", "tel",
                        "telephone", "phone number", "mobile number")),
    GuestField("email", QT_TRANSLATE_NOOP("GuestField", "E-mail"),
               200, editable=True, label_zh="邮箱", kind=Kind.EMAIL,
               search=SearchAs.TEXT, mask=Mask.EMAIL, width=200, personal=True,
               aliases=("邮箱", "电子邮箱", "电子邮件", "邮件", "email", "e-mail", "mail",
                        "email address", "e-mail address")),
    GuestField("badge_code", QT_TRANSLATE_NOOP("GuestField", "Badge code"),
               32, label_zh="胸卡号", kind=Kind.BADGE_CODE, filled=True,
               search=SearchAs.CODE, width=120,
               aliases=("胸卡号", "证件号", "胸牌号", "证件编号", "胸卡编号", "胸卡", "badge",
                        "badge no", "badge no.", "badge number", "badge code", "badge id",
                        "ticket", "ticket no", "code")),
    GuestField("seat", QT_TRANSLATE_NOOP("GuestField", "Seat"),
               100, editable=True, label_zh="座位", search=SearchAs.TEXT, width=120,
               aliases=("座位", "座位号", "席位", "seat", "seat no", "seat number",
                        "seating")),
    GuestField("dietary", QT_TRANSLATE_NOOP("GuestField", "Dietary needs"),
               200, editable=True, label_zh="饮食要求", width=140, personal=True, mask=Mask.TEXT,
               # (dietary needs can tell health or belief: PIPL's sensitive data)
               aliases=("饮食", "饮食禁忌", "饮食要求", "餐饮要求", "dietary", "dietary needs",
                        "dietary requirements", "diet")),
    GuestField("external_id", QT_TRANSLATE_NOOP("GuestField", "Registration no."),
               100,
               search=SearchAs.TEXT, shown=False,
               aliases=("报名编号", "报名号", "注册号", "注册编号", "registration id",
                        "registration no", "external id", "reg id", "id"), exported=False),
    GuestField("notes", QT_TRANSLATE_NOOP("GuestField", "Notes"),
               4000, editable=True, kind=Kind.LONG_TEXT, shown=False,
               aliases=("备注", "说明", "notes", "note", "remarks", "remark", "comment",
                        "comments"), exported=False, personal=True),
    GuestField("source", QT_TRANSLATE_NOOP("GuestField", "Source"),
               200, kind=Kind.DERIVED,
               hidden_by_default=True, width=160, exported=False),
)

FIELD: dict[str, GuestField] = {f.name: f for f in GUEST_RECORD}


def field_names(keep: Callable[[GuestField], bool] = lambda f: True) -> tuple[str, ...]:
    """The names of the fields `keep` accepts, in the record's order."""
    return tuple(f.name for f in GUEST_RECORD if keep(f))
