"""The default guest categories of a conference and how lists name them."""

from __future__ import annotations

from wimc_desktop.domain.models import Category

DEFAULT_CATEGORIES: tuple[Category, ...] = (
    Category("official", "领导", "Official", "#C62828", True, 10),
    Category("academician", "院士", "Academician", "#6A1B9A", True, 20),
    Category("expert", "专家", "Expert", "#1565C0", True, 30),
    Category("company_rep", "企业代表", "Company representative", "#2E7D32", True, 40),
    Category("exhibitor", "参展商", "Exhibitor", "#EF6C00", False, 50),
    Category("media", "媒体", "Media", "#00838F", False, 60),
    Category("staff", "工作人员", "Staff", "#546E7A", False, 70),
    Category("visitor", "观众", "Visitor", "#8D6E63", False, 80),
)

# Words registration offices use for the default categories, beyond their own names.
CATEGORY_ALIASES: dict[str, tuple[str, ...]] = {
    "official": ("官员", "政府领导", "领导嘉宾", "嘉宾领导", "government", "leader",
                 "vip official"),
    "academician": ("两院院士", "academician", "academy member"),
    "expert": ("专家学者", "学者", "specialist", "scholar"),
    "company_rep": ("企业", "企业嘉宾", "company", "enterprise", "business", "company rep",
                    "corporate representative"),
    "exhibitor": ("展商", "参展企业", "cloud exhibitor", "云展商"),
    "media": ("记者", "新闻媒体", "press", "journalist", "reporter"),
    "staff": ("会务", "会务人员", "志愿者", "volunteer", "organiser", "organizer"),
    "visitor": ("普通观众", "参会者", "参会人员", "attendee", "audience", "participant"),
}


def _fold(text: str) -> str:
    return " ".join(text.strip().lower().replace("_", " ").split())


def category_lookup(categories: tuple[Category, ...]) -> dict[str, str]:
    """Map every folded name, English name, code and alias to a category code."""
    table: dict[str, str] = {}
    for cat in categories:
        for word in (cat.code, cat.name_zh, cat.name_en, *CATEGORY_ALIASES.get(cat.code, ())):
            table.setdefault(_fold(word), cat.code)
    return table


def resolve_category(value: str, table: dict[str, str]) -> str | None:
    """The category code a cell means, or None when it names no known category."""
    return table.get(_fold(value))
