"""Text that must not reach the guest list: control characters, text-direction overrides.

A NUL or another control character in a name breaks exports and printers; a
bidirectional override (U+202A-U+202E) or isolate (U+2066-U+2069) makes a name display
differently from what it is. Line breaks (and tabs) belong only in free text (notes, a
list's extra columns): a name, an organisation, a title, a phone, an e-mail or a badge
code never holds one. One rule for the import's rows and for every form's service.
"""

from __future__ import annotations

import re

from wimc_desktop.domain.errors import BadInputError, Message

# C0 controls, DEL, C1 controls, the bidirectional embeddings/overrides and isolates, and
# the Unicode line and paragraph separators; tab, LF and CR are split out below.
_ALWAYS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_LINE = "\t\n\r\u2028\u2029"
UNSAFE_LINE = re.compile(f"[{_ALWAYS}{_LINE}]")  # single-line fields
UNSAFE_MULTILINE = re.compile(f"[{_ALWAYS}\u2028\u2029]")  # notes and extra columns
LINE_BREAK = re.compile("[\n\r\u2028\u2029]")


def char_name(char: str) -> str:
    """A character as U+XXXX (how a message names an invisible one)."""
    return f"U+{ord(char):04X}"


def unsafe_character(text: str, *, multiline: bool = False) -> tuple[int, str] | None:
    """(1-based position, U+XXXX) of the first character that is not allowed, or None.

    Single-line text allows no control character at all (tab, CR and LF included);
    multiline text (notes, extra columns) allows tab, CR and LF."""
    found = (UNSAFE_MULTILINE if multiline else UNSAFE_LINE).search(text)
    return None if found is None else (found.start() + 1, char_name(found.group()))


def check_text(field: str | Message, text: str, *, multiline: bool = False) -> None:
    """BadInputError naming the field, the character and its position, if text holds one
    that is not allowed (see unsafe_character)."""
    found = unsafe_character(text, multiline=multiline)
    if found is not None:
        position, char = found
        raise BadInputError("the {field} holds the character {char} at position {position}: "
                            "a control character (a line break, say) or a text-direction "
                            "override, not allowed here", field=field, char=char,
                            position=position)


def visible(text: str, limit: int = 60) -> str:
    """The text with every such character written as [U+XXXX] (a problem list shows the
    value without it acting), cut to `limit` characters."""
    shown = UNSAFE_LINE.sub(lambda m: f"[{char_name(m.group())}]", text)
    return shown if len(shown) <= limit else shown[:limit - 1] + "…"


# What a form's message calls each guest or event field (pieces of a message, translated).
FIELD_LABELS = {"name": Message("name"), "name_en": Message("English name"),
                "organization": Message("organization"), "title": Message("title"),
                "mobile": Message("mobile"), "email": Message("e-mail"),
                "category": Message("category"), "country": Message("country"),
                "seat": Message("seat"), "dietary": Message("dietary needs"),
                "notes": Message("notes"), "event_name": Message("event name"),
                "event_name_en": Message("English event name"), "venue": Message("venue"),
                "city": Message("city")}
MULTILINE = frozenset({"notes"})


def check_fields(values: dict[str, str]) -> None:
    """check_text for each field of a form (by its FIELD_LABELS key; notes may hold line
    breaks): the first character that is not allowed, as a BadInputError."""
    for field, text in values.items():
        check_text(FIELD_LABELS.get(field, field), text, multiline=field in MULTILINE)
