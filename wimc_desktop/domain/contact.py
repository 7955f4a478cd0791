"""Normalising and checking the contact details of a guest list (phones, e-mail)."""

from __future__ import annotations

import re

_PHONE_JUNK = re.compile(r"[\s\-().·/]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")


def normalize_mobile(raw: str) -> str | None:
    """The phone as stored ('13800138000', '+4917612345678', '02583792345'), None if invalid.

    Chinese numbers lose their +86/0086 prefix; foreign ones keep '+' and the country code.
    """
    text = raw.strip()
    if len(text) == 11 and text.isdigit() and text[0] == "1" and text[1] in "3456789":
        return text  # the common case, checked without the slower steps below
    text = _PHONE_JUNK.sub("", text)
    if not text:
        return ""
    if text.startswith("00"):
        text = "+" + text[2:]
    foreign = text.startswith("+") and not text.startswith("+86")
    if text.startswith("+86"):
        text = text[3:]
    digits = text.lstrip("+")
    if not digits.isdigit() or not digits.isascii():
        return None
    if foreign:
        return "+" + digits if 7 <= len(digits) <= 15 else None
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    if digits.startswith("1"):
        return digits if len(digits) == 11 and digits[1] in "3456789" else None
    if digits.startswith("0"):
        return digits if 10 <= len(digits) <= 12 else None
    return None


def phone_digits(mobile: str) -> str:
    """Only the digits of a stored phone, for searching."""
    if mobile.isdigit():
        return mobile
    mobile = normalize_mobile(mobile) or mobile
    return "".join(c for c in mobile if c.isdigit())


def normalize_email(raw: str) -> str | None:
    """The e-mail trimmed with its domain lower-cased; '' when empty, None if invalid."""
    text = raw.strip()
    if not text:
        return ""
    if not _EMAIL.match(text):
        return None
    local, _, domain = text.rpartition("@")
    return f"{local}@{domain.lower()}"


def mask_mobile(mobile: str) -> str:
    """138****5678: the middle digits hidden."""
    if len(mobile) < 7:
        return "*" * len(mobile)
    return mobile[:3] + "*" * (len(mobile) - 7) + mobile[-4:]


def mask_text(text: str) -> str:
    """***: a sensitive free text hidden whole (dietary needs)."""
    return "***"


def mask_email(email: str) -> str:
    """z***@example.com: only the first letter of the local part shown."""
    local, at, domain = email.partition("@")
    return f"{local[:1]}***{at}{domain}" if at else email
