"""Row ids: time-ordered UUIDs (version 7 layout), unique across desks without coordination.

Time order keeps bulk inserts appending to the primary-key index instead of scattering
over it; 71 random bits keep ids made offline on several desks from colliding.
"""

from __future__ import annotations

import os
import time


def new_ids(count: int) -> list[str]:
    """`count` fresh ids in ascending order."""
    millis = f"{time.time_ns() // 1_000_000:012x}"
    noise = os.urandom(9 * count).hex()
    out = []
    for i in range(count):
        r = noise[18 * i:18 * i + 18]
        variant = "89ab"[int(r[3], 16) & 3]
        out.append(f"{millis[:8]}-{millis[8:]}-7{r[:3]}-{variant}{r[4:7]}-{r[7:18]}0")
    out.sort()
    return out


def new_id() -> str:
    """One fresh id."""
    return new_ids(1)[0]
