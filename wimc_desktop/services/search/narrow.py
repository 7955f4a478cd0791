"""Asking FTS5 for the rare part of a long substring: trigram shares from a sample.

FTS5 walks the document lists of all the trigrams of a phrase together; a trigram in
most documents ("use" of user123@example.com) then costs a skip in its long list for
every document its rarer companions propose, and such documents lie all over the rid
order (e-mail, phone: unlike name prefixes, which rid order keeps together). When the
rarer trigrams of a substring are rare together, the question asks for those only and
each document found is checked for the whole phrase (fts.Match with `check`). How common
a trigram is comes from a sample of the documents (Grams), read once per database and
size: a stale sample makes a search slower, never wrong.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

SAMPLE_BLOCKS, BLOCK = 300, 5  # the sample: this many runs of this many documents
COMMON = 0.01  # a trigram in more of the documents than this may be left out of a question
# Costs in FTS5, in skips (one step to a given rowid in a long list of documents spread
# over the rid order): reading one list entry costs 1/SKIP_ENTRIES of a skip; checking a
# document found (its row, instr) CHECK_SKIPS. Saving fewer than MIN_SKIPS is not worth it.
SKIP_ENTRIES, CHECK_SKIPS, MIN_SKIPS = 20, 2, 200
KEPT_PARTS = 4096  # answers of Grams.part kept per sample (then forgotten all at once)


def quote(phrase: str) -> str:
    return '"' + phrase.replace('"', '""') + '"'



def runs(kept: Sequence[bool]) -> list[tuple[int, int]]:
    """(first, last) index of each run of kept trigrams."""
    found: list[tuple[int, int]] = []
    start = None
    for i, keep in enumerate([*kept, False]):
        if keep and start is None:
            start = i
        elif not keep and start is not None:
            found.append((start, i - 1))
            start = None
    return found


def narrowed(phrase: str, kept: Sequence[bool]) -> str:
    """The FTS5 expression of the kept trigrams of a phrase: its runs, all required."""
    return " AND ".join(quote(phrase[a:b + 3]) for a, b in runs(kept))


@dataclass(frozen=True)
class Part:
    """How to ask for a long substring: the trigrams kept, and in shares of the documents,
    the skips saved by leaving the others out and the documents the kept ones find."""

    kept: list[bool]
    saved: float
    found: float


class Grams:
    """How common trigrams and longer strings are in the indexed documents, estimated from
    a sample of them (trigram counts; a longer string as a chain of overlapping trigrams)."""

    def __init__(self, bodies: Sequence[str], docs: int) -> None:
        self.docs = docs  # the size of the index the sample was read from
        self.size = len(bodies) + 1
        text = "\x00".join(bodies)  # (no body holds \x00: no trigram spans two of them)
        self.counts = Counter(map("".join, zip(text, text[1:], text[2:], strict=False)))
        self.pairs: Counter[str] = Counter()  # pair -> trigrams that begin with it
        self.firsts: Counter[str] = Counter()  # character -> trigrams that begin with it
        for gram, n in self.counts.items():
            self.pairs[gram[:2]] += n
            self.firsts[gram[0]] += n
        self._parts: dict[str, Part | None] = {}  # the sample never changes: answers kept

    def part(self, phrase: str) -> Part | None:
        """Which trigrams of a substring to ask for (at least one), or None: all of them
        (see _part; kept for the next search of the same text)."""
        try:
            return self._parts[phrase]
        except KeyError:
            pass
        if len(self._parts) >= KEPT_PARTS:
            self._parts.clear()
        part = self._parts[phrase] = self._part(phrase)
        return part

    def common(self, gram: str) -> float:
        """The share of documents holding a trigram (never 0: the sample is small).

        A trigram the sample lacks is as common as its two pairs make it likely: '792' of
        a phone number, missed by 1,500 documents, is in one in a hundred of a million,
        while 'b09', whose first pair no document holds, is truly rare."""
        count: float = self.counts.get(gram, 0)
        if not count:
            ab, bc = self.pairs.get(gram[:2], 0), self.pairs.get(gram[1:], 0)
            count = min(ab, bc * ab / max(self.firsts.get(gram[1], 0), 1))
        return (count + 0.5) / self.size

    def share(self, text: str) -> float:
        """The share of documents holding a string of 3 characters or more."""
        share = self.common(text[:3])
        for i in range(1, len(text) - 2):
            share *= (self.counts.get(text[i:i + 3], 0) + 0.5) / (
                self.pairs.get(text[i:i + 2], 0) + 1)
        return share

    def _part(self, phrase: str) -> Part | None:
        """Which trigrams of a substring to ask for (at least one), or None: all of them.

        A trigram far more common than the rarest one is left out; what it cost is at
        most a skip for each document the rarest one proposes, or one in SKIP_ENTRIES of
        its own list. The documents the kept trigrams find are each checked."""
        # At most all trigrams but the rarest are left out, each saving at most the rarest
        # one's share: a trigram rare enough says so before the others are looked at (most
        # badge codes; a margin of 1% keeps rounding from deciding otherwise than below).
        most = (len(phrase) - 3) * self.docs
        shares = []
        for i in range(len(phrase) - 2):
            share = self.common(phrase[i:i + 3])
            if share * most < MIN_SKIPS * 0.99:
                return None
            shares.append(share)
        rarest = min(shares)
        cut = max(COMMON, 8 * rarest)
        saved = sum(min(s / SKIP_ENTRIES, rarest) for s in shares if s > cut)
        if saved * self.docs < MIN_SKIPS:
            return None
        kept = [s <= cut for s in shares]
        spans = runs(kept)
        # A run with a trigram the sample lacks is likely rare enough alone; and asked for
        # alone, it costs less: FTS5 sets up the lists of every term of an AND, but stops
        # setting up a phrase at its first empty list.
        unseen = [(a, b) for a, b in spans if min(shares[a:b + 1]) * self.size <= 0.5]
        if unseen:
            a, b = max(unseen, key=lambda span: span[1] - span[0])
            kept = [a <= i <= b for i in range(len(shares))]
            spans = [(a, b)]
        found = 1.0  # documents holding every kept run (the runs independent)
        for a, b in spans:
            found *= self.share(phrase[a:b + 3])
        return Part(kept, saved, min(found, rarest))


_SAMPLES: dict[str, Grams] = {}  # database file -> its sample
_SAMPLES_LOCK = threading.Lock()


def index_size(cur: Any) -> tuple[int, str]:
    """The number of indexed documents and the database file ('' in memory)."""
    docs, file = cur.execute("SELECT n, (SELECT file FROM pragma_database_list WHERE name = "
                             "'main') FROM search_stat WHERE key = 'docs'").fetchone()
    return int(docs), file or ""


def grams_of(cur: Any, known: tuple[int, str] | None = None) -> Grams:
    """The trigram sample of this database, read again when the index grew or shrank by
    more than a fifth since (estimates only: a stale sample is slower, never wrong).
    `known`: the index size and the database file, when the caller has them (a search's
    snapshot.Snapshot)."""
    docs, file = index_size(cur) if known is None else known
    key = file or f"connection {id(cur.connection)}"  # (a database in memory)
    with _SAMPLES_LOCK:
        grams = _SAMPLES.get(key)
    if grams is not None and abs(docs - grams.docs) * 5 <= grams.docs:
        return grams
    grams = Grams(_sample(cur, docs), docs)
    with _SAMPLES_LOCK:
        if len(_SAMPLES) >= 8:  # (the oldest out)
            _SAMPLES.pop(next(iter(_SAMPLES)))
        _SAMPLES[key] = grams
    return grams


def _sample(cur: Any, docs: int) -> list[str]:
    """About SAMPLE_BLOCKS runs of BLOCK documents, spread evenly over the rids (all of
    them in a small index): fewer pages to read than as many documents apart."""
    if docs <= 2 * SAMPLE_BLOCKS * BLOCK:
        return [b for (b,) in cur.execute("SELECT body FROM search_doc")]
    low, high = cur.execute("SELECT (SELECT min(rid) FROM search_doc), "  # (each one seek)
                            "(SELECT max(rid) FROM search_doc)").fetchone()
    if low is None:
        return []
    step = max((high - low) // SAMPLE_BLOCKS, 1)
    width = max((high - low) // docs * BLOCK, 1)  # rids of BLOCK documents, on average
    return [b for (b,) in cur.execute(
        "WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i + 1 < ?) "
        "SELECT d.body FROM k JOIN search_doc d ON d.rid >= ? + ? * k.i "
        "AND d.rid < ? + ? * k.i + ?", (SAMPLE_BLOCKS, low, step, low, step, width))]
