"""Row ids: time-ordered UUIDs (version 7 layout), unique across desks without coordination.

Time order keeps bulk inserts appending to the primary-key index instead of scattering
over it; 71 random bits keep ids made offline on several desks from colliding.
"""

from __future__ import annotations

import os
import time

_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def new_ids(count: int) -> list[str]:
    """`count` fresh ids in ascending order."""
    millis = f"{time.time_ns() // 1_000_000:012x}"
    head = f"{millis[:8]}-{millis[8:]}-7"
    noise = os.urandom(9 * count).hex()
    variant = _VARIANT
    out = [f"{head}{r[:3]}-{variant[r[3]]}{r[4:7]}-{r[7:]}0"
           for r in map(noise.__getitem__, map(slice, range(0, 18 * count, 18),
                                               range(18, 18 * count + 18, 18)))]
    out.sort()
    return out


def new_id() -> str:
    """One fresh id."""
    return new_ids(1)[0]
