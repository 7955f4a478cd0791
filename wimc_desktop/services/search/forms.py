"""The text forms of the search index: how a guest's fields are written into its document,
and how a query is folded to find them (shared by the index and the queries, so both
always agree)."""

from __future__ import annotations

import re
from functools import lru_cache

from wimc_desktop.domain.names import fold_latin

SEP = "\x01"  # around every Hanzi: "\x01张\x01乐\x01" (one and two Hanzi become trigrams)
NAME_START = "\x02\x02"  # before the name: prefix and exact name matches
END = "\x03"  # after every field: no match can span two fields
PINYIN = "\x04\x04"
INITIALS = "\x05\x05"
EXTERNAL = "\x08\x08"
CATEGORY_TAG = "\x06"
ATTENDANCE_TAG = "\x07"
ORG_TAG = "\x0e"
TITLE_TAG = "\x0f"
_TAG_BASE = 0xE000  # tags are private-use characters, which are removed from all text
_TAG_SPAN = 0x1900

_REMOVED = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ue000-\uf8ff]")
_NAME_JOINERS = str.maketrans({" ": None, "·": None, "•": None, "・": None, "‧": None,
                               ".": None, "-": None})
_PINYIN_JUNK = re.compile(r"[^a-z0-9]+")
_HANZI = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_PLAIN = re.compile("[a-z0-9@._+-]*")  # already folded (most e-mail addresses, ids)
_ONLY_HANZI = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]+")


class _SeparatedHanzi(dict[int, str]):
    def __missing__(self, code: int) -> str:
        ch = chr(code)
        value = self[code] = SEP + ch + SEP if _HANZI.match(ch) else ch
        return value


_SEPARATED = _SeparatedHanzi()


def clean(text: str) -> str:
    """Text without control, surrogate and private-use characters (markers and tags)."""
    return text if text.isprintable() else _REMOVED.sub("", text)


def fold(text: str) -> str:
    """Case, accents, full-width forms and runs of spaces folded: the searchable form."""
    return fold_latin(clean(text))


def has_hanzi(text: str) -> bool:
    return _HANZI.search(text) is not None


def name_form(text: str) -> str:
    """A name folded; a Chinese name also loses spaces and dots (阿卜杜拉·买买提)."""
    if _ONLY_HANZI.fullmatch(text):
        return text  # most names: nothing to fold
    folded = fold(text)
    return folded.translate(_NAME_JOINERS) if has_hanzi(folded) else folded


def pinyin_key(text: str) -> str:
    """Only the letters and digits of folded text: 'Zhang Le-fu' -> 'zhanglefu'."""
    if text.isascii() and text.isalnum():
        return text.lower()
    return _PINYIN_JUNK.sub("", fold(text))


def separated(text: str) -> str:
    """Every Hanzi between separators, so that one and two Hanzi make a trigram."""
    if text.isascii():
        return text
    return text.translate(_SEPARATED).replace(SEP + SEP, SEP)


def tag_text(marker: str, number: int) -> str:
    """The three characters (one trigram) that stand for one category or attendance."""
    return marker + chr(_TAG_BASE + number // _TAG_SPAN) + chr(_TAG_BASE + number % _TAG_SPAN)


def text_form(text: str) -> str:
    """The indexed form of a field found by its text (SearchAs.TEXT: e-mail, registration
    number, seat ...): folded, Hanzi separated, as a query's substring phrases are."""
    return text if _PLAIN.fullmatch(text) else separated(fold(text))


@lru_cache(maxsize=8192)
def value_form(text: str) -> str:
    """The indexed form of an organisation or a title (one per distinct value)."""
    return separated(fold(text))
