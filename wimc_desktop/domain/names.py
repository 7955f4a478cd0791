"""Search keys of a person's name: pinyin with surname readings, initials, Latin folding."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# Compound surnames read as one unit (checked before single surnames).
COMPOUND_SURNAMES: dict[str, tuple[str, ...]] = {
    "欧阳": ("ou", "yang"), "上官": ("shang", "guan"), "司马": ("si", "ma"),
    "诸葛": ("zhu", "ge"), "东方": ("dong", "fang"), "皇甫": ("huang", "fu"),
    "尉迟": ("yu", "chi"), "公孙": ("gong", "sun"), "慕容": ("mu", "rong"),
    "长孙": ("zhang", "sun"), "宇文": ("yu", "wen"), "司徒": ("si", "tu"),
    "夏侯": ("xia", "hou"), "令狐": ("ling", "hu"), "端木": ("duan", "mu"),
    "澹台": ("tan", "tai"), "单于": ("chan", "yu"), "万俟": ("mo", "qi"),
    "呼延": ("hu", "yan"), "轩辕": ("xuan", "yuan"), "南宫": ("nan", "gong"),
    "闻人": ("wen", "ren"), "独孤": ("du", "gu"), "西门": ("xi", "men"),
    "申屠": ("shen", "tu"), "百里": ("bai", "li"), "东郭": ("dong", "guo"),
    "太史": ("tai", "shi"), "司空": ("si", "kong"), "钟离": ("zhong", "li"),
}

# Single characters whose reading as a surname differs from the common reading.
SURNAME_READINGS: dict[str, str] = {
    "单": "shan", "曾": "zeng", "解": "xie", "区": "ou", "查": "zha", "朴": "piao",
    "仇": "qiu", "盖": "ge", "乐": "yue", "缪": "miao", "覃": "qin", "翟": "zhai",
    "秘": "bi", "繁": "po", "种": "chong", "召": "shao", "员": "yun", "折": "she",
    "黑": "he", "隗": "wei", "冼": "xian", "洗": "xian", "任": "ren", "华": "hua",
    "便": "pian", "牟": "mou", "过": "guo", "厍": "she", "阚": "kan", "句": "gou",
    "宓": "mi", "盛": "sheng", "藏": "zang", "尉": "wei", "葛": "ge", "纪": "ji",
    "车": "che", "贾": "jia", "沈": "shen", "燕": "yan", "汤": "tang", "重": "chong",
    "长": "chang", "朝": "chao", "都": "du", "蔺": "lin", "芮": "rui", "谌": "chen",
    "眭": "sui", "睢": "sui", "逄": "pang", "郇": "huan", "殷": "yin", "万": "wan",
}

_LATIN_SPECIAL = str.maketrans({
    "ß": "ss", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
    "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "þ": "th", "ı": "i",
})


_PLAIN_HANZI = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]+")


def is_hanzi(ch: str) -> bool:
    """True for a CJK ideograph (the basic block and extension A)."""
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF


# Characters whose first dictionary reading is not the one names use.
NAME_CHAR_READINGS: dict[str, str] = {"卜": "bu", "瑾": "jin", "翯": "he"}


_READINGS: dict[str, str] = dict(NAME_CHAR_READINGS)


def char_pinyin(ch: str) -> str:
    """The reading of one Hanzi in a name, without tone ('ü' written 'v')."""
    reading = _READINGS.get(ch)
    if reading is None:
        # Imported on first need: pypinyin's dictionaries take 0.3-0.5 s and ~55 MB, which
        # a desk that only scans badges should not carry.
        from pypinyin import Style, lazy_pinyin

        reading = _READINGS[ch] = str(lazy_pinyin(ch, style=Style.NORMAL, v_to_u=False)[0])
    return reading


@lru_cache(maxsize=65536)
def fold_latin(text: str) -> str:
    """Lower-case Latin text without accents: 'Jürgen Müller' -> 'jurgen muller'."""
    if text.isascii():
        return " ".join(text.lower().split())
    text = text.translate(_LATIN_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(kept.lower().split())


class NameKeys(NamedTuple):
    """The derived, searchable forms of a name."""

    pinyin: str  # syllables joined: "shantianfang"
    initials: str  # first letters: "stf"
    latin: str  # folded Latin letters of a non-Chinese name: "jurgen muller"
    # The order of a Chinese list: syllable by syllable ("chen hao gang" before "cheng
    # dong": joined, "chenghaolei" would come between 陈彬超 and 陈浩刚).
    sort: str = ""


def _syllables(name: str) -> list[str]:
    syllables: list[str] = []
    rest = name
    if _PLAIN_HANZI.fullmatch(rest):  # the common case, kept fast for bulk imports
        head = rest[:2]
        if head in COMPOUND_SURNAMES:
            return [*COMPOUND_SURNAMES[head], *map(char_pinyin, rest[2:])]
        get = _READINGS.get
        return [SURNAME_READINGS.get(rest[0]) or get(rest[0]) or char_pinyin(rest[0]),
                *[get(c) or char_pinyin(c) for c in rest[1:]]]
    head = rest[:2]
    if head in COMPOUND_SURNAMES:
        syllables.extend(COMPOUND_SURNAMES[head])
        rest = rest[2:]
    elif rest[:1] in SURNAME_READINGS:
        syllables.append(SURNAME_READINGS[rest[0]])
        rest = rest[1:]
    word: list[str] = []
    for ch in rest:
        if is_hanzi(ch):
            if word:
                syllables.append(fold_latin("".join(word)))
                word = []
            syllables.append(char_pinyin(ch))
        elif ch.isalnum():
            word.append(ch)
        elif word:
            syllables.append(fold_latin("".join(word)))
            word = []
    if word:
        syllables.append(fold_latin("".join(word)))
    return [s for s in syllables if s]


class _ReadingTable(dict[int, str]):
    """Code point -> reading, filled on first use; str.translate then runs at C speed."""

    def __missing__(self, code: int) -> str:
        reading = self[code] = char_pinyin(chr(code))
        return reading


class _InitialTable(dict[int, str]):
    """Code point -> first letter of its reading."""

    def __missing__(self, code: int) -> str:
        initial = self[code] = _PINYIN[code][:1]
        return initial


class _SpacedTable(dict[int, str]):
    """Code point -> a space and its reading (the syllables of a sort key)."""

    def __missing__(self, code: int) -> str:
        spaced = self[code] = " " + _PINYIN[code]
        return spaced


_PINYIN = _ReadingTable()
_INITIAL = _InitialTable()
_SPACED = _SpacedTable()


def _hanzi_name_keys(name: str) -> NameKeys:
    compound = COMPOUND_SURNAMES.get(name[:2])
    if compound:
        rest = name[2:]
        head, head_initials = " ".join(compound), compound[0][0] + compound[1][0]
    else:
        rest = name[1:]
        head = SURNAME_READINGS.get(name[0]) or char_pinyin(name[0])
        head_initials = head[:1]
    sort = head + rest.translate(_SPACED)  # the syllables, once; the pinyin is them joined
    return NameKeys(sort.replace(" ", ""), head_initials + rest.translate(_INITIAL), "", sort)


def name_keys(name: str) -> NameKeys:
    """Pinyin, initials and folded Latin form of a Chinese or foreign name."""
    if _PLAIN_HANZI.fullmatch(name):  # most names: the fast path, no cache needed
        return _hanzi_name_keys(name)
    return _other_name_keys(name.strip())


@lru_cache(maxsize=20_000)
def _other_name_keys(name: str) -> NameKeys:
    if not any(is_hanzi(c) for c in name):
        latin = fold_latin(name)
        words = "".join(c if c.isalnum() else " " for c in latin).split()
        return NameKeys("".join(words), "".join(w[0] for w in words), latin, " ".join(words))
    syllables = _syllables(name)
    return NameKeys("".join(syllables), "".join(s[0] for s in syllables), "",
                    " ".join(syllables))
