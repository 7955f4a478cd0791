"""Resident ID card numbers (居民身份证号码, GB 11643): checked, masked, and hashed.

A number is 17 digits and a check character (0-9 or X) computed by ISO 7064 MOD 11-2.
The number itself is never stored: only its masked form to show (3201**********1234) and
a keyed hash (HMAC-SHA256 under the event's own secret salt) that finds the guest when
the whole number is typed or scanned, and nothing else: no one can list or browse them.
"""

from __future__ import annotations

import hashlib
import hmac
import re

# The import headers of the column (证件号 alone stays the badge code's, see guest_record).
HEADERS = ("证件号码", "身份证号", "身份证号码", "身份证", "公民身份号码", "居民身份证号码",
           "id card", "id card no", "id card number", "id number", "resident id",
           "resident id number")
_SHAPE = re.compile(r"\d{17}[\dX]")
_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))  # 7, 9, 10, 5, 8, 4, 2, ...
_CHECK = "10X98765432"


def check_character(first17: str) -> str:
    """The 18th character of a number beginning with these 17 digits (ISO 7064 MOD 11-2)."""
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def normalize_id_number(text: str) -> str | None:
    """The number as 18 characters (spaces gone, x as X), or None when it is not one."""
    number = "".join(text.split()).upper()
    if not _SHAPE.fullmatch(number) or check_character(number[:17]) != number[17]:
        return None
    return number


def mask_id_number(number: str) -> str:
    """3201**********1234: the region's first four and the last four."""
    return number[:4] + "*" * 10 + number[-4:]


def id_number_hash(salt: bytes, number: str) -> str:
    """The keyed hash the guest is found by (the same number, the same event: the same)."""
    return hmac.new(salt, number.encode(), hashlib.sha256).hexdigest()
