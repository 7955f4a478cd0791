"""Badge codes: the format, normalisation and generation of short scanner-friendly codes."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

# No 0/O, 1/I/L: a clerk reading a code aloud or typing it cannot confuse them.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
RANDOM_LENGTH = 6
_VALID = re.compile(r"^[A-Z0-9][A-Z0-9\-]{1,31}$")


def normalize_code(raw: str) -> str:
    """Upper-case, no spaces: what a scanner or a clerk typed, as stored."""
    return "".join(raw.split()).upper()


def code_forms(code: str, prefix: str) -> tuple[str, ...]:
    """The codes a typed code may stand for, best first: itself, then the event's prefix
    before it (a clerk types E445BT8, printed under the QR code of WIMC-E445BT8)."""
    if "-" in code or not prefix:
        return (code,)
    return code, f"{prefix}-{code}"


def is_valid_code(code: str) -> bool:
    """Letters, digits and dashes, 2 to 32 characters, starting with a letter or digit."""
    return bool(_VALID.match(code))


def check_char(body: str) -> str:
    """A check character over the body, so one mistyped character is noticed."""
    total = sum((i + 1) * ALPHABET.index(c) for i, c in enumerate(body))
    return ALPHABET[total % len(ALPHABET)]


def has_valid_check(code: str, prefix: str) -> bool:
    """True when a generated-format code's last character matches its body."""
    body = code.removeprefix(prefix + "-")
    if len(body) != RANDOM_LENGTH + 1 or any(c not in ALPHABET for c in body):
        return False
    return check_char(body[:-1]) == body[-1]


def new_code(prefix: str, taken: Callable[[str], bool],
             randbelow: Callable[[int], int] = secrets.randbelow) -> str:
    """A fresh code 'PREFIX-XXXXXXC' that `taken` says is not in use."""
    while True:
        body = "".join(ALPHABET[randbelow(len(ALPHABET))] for _ in range(RANDOM_LENGTH))
        code = f"{prefix}-{body}{check_char(body)}"
        if not taken(code):
            return code
