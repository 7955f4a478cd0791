"""Putting index answers in order: rank by rank, by rid within a rank, with exact totals.

Within a rank the index hands rows over in rid order, which is name order, so the first
`limit` rows of each source are enough: no sort of all matches, however many there are.
Organisation and title matches are counted from the value dictionary's guest counts.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from wimc_desktop.services.search.fts import (
    MAX_OR,
    Found,
    IndexQuery,
    Match,
    StoredDoc,
    either,
)
from wimc_desktop.services.search.plan import RANKS, rank_of

SMALL = 50  # at most this many matches: rank each one here rather than ask rank by rank


def _merged(sources: Iterable[list[int]]) -> list[int]:
    return list(dict.fromkeys(heapq.merge(*sources)))


def _everything(q: IndexQuery, limit: int) -> list[int]:
    if q.filters:
        return q.fts_rids(q.filter_only(), limit)
    return [r for (r,) in q.cur.execute(f"SELECT rid FROM search_doc ORDER BY rid "
                                        f"LIMIT {int(limit)}")]


def _value_rids(q: IndexQuery, limit: int) -> list[int]:
    """The guests whose organisation or title matched, in rid order."""
    tags = q.value_tags()
    if not tags:
        return []
    if len(tags) <= MAX_OR:
        return q.fts_rids(q.exact(either(tags)), limit)
    sql, params = q.value_sql()
    return [r for (r,) in q.cur.execute(f"SELECT d.rid FROM search_doc d WHERE {sql} "
                                        f"ORDER BY d.rid LIMIT {int(limit)}", params)]


def _rank_rids(q: IndexQuery, rank: int, need: int) -> list[int]:
    if q.plan.empty:
        return _everything(q, need) if rank == 0 else []
    sources = [q.fts_rids(q.match(q.plan.phrases(rank)), need)]
    if rank == 0:
        sources.append(q.code_rids())
    if rank == 3:
        sources.append(_value_rids(q, need))
    return _merged(sources)


def _finish(q: IndexQuery, by_rank: list[list[int]], limit: int, skip_ids: set[str]) -> Found:
    """The indexed rows of each rank merged with the late guests of that rank, by sort key."""
    if not q.fresh or not any(gid not in skip_ids for _, _, gid in q.fresh):  # rank, rid
        return q.shown([(rank, r) for rank, rids in zip(RANKS, by_rank, strict=False)
                        for r in rids][:limit])
    ids = q.guest_ids([r for rids in by_rank for r in rids])
    found: Found = []
    for rank, rids in zip(RANKS, by_rank, strict=False):
        rows = [(ids[r][1], ids[r][0]) for r in rids]
        fresh = [(skey, gid) for k, skey, gid in q.fresh if k == rank and gid not in skip_ids]
        if fresh:
            rows = sorted(rows + fresh)
        found += [(rank, gid) for _, gid in rows[:limit - len(found)]]
    return found


def _streamed(q: IndexQuery, limit: int, exclude: dict[int, str]) -> Found:
    """The first `limit` matches in rank then name order (rows in `exclude` left out)."""
    by_rank: list[list[int]] = []
    seen: set[int] = set()
    for rank in RANKS:
        room = limit - len(seen)
        need = room + len(seen) + len(q.stale) + len(exclude)
        rids = [] if q.impossible or room <= 0 else _rank_rids(q, rank, need)
        rids = [r for r in rids if r not in seen and r not in q.stale
                and r not in exclude][:max(room, 0)]
        seen.update(rids)
        by_rank.append(rids)
    return _finish(q, by_rank, limit, set(exclude.values()))


def _count_values(q: IndexQuery) -> int:
    """Guests whose organisation or title matched (from the dictionary's counts)."""
    if not q.orgs and not q.titles:
        return 0
    tags = q.value_tags()
    if q.filters and len(tags) <= MAX_OR:
        return q.count_fts(q.exact(either(tags)))
    if q.filters:
        sql, params = q.value_sql()
        return int(q.cur.execute(f"SELECT count(*) FROM search_doc d WHERE {sql}",
                                 params).fetchone()[0])
    both = 0
    if q.orgs and q.titles:
        few, many, column = ((q.orgs, q.titles, "org_vid") if len(q.orgs) <= len(q.titles)
                             else (q.titles, q.orgs, "title_vid"))
        other = "title_vid" if column == "org_vid" else "org_vid"
        both = sum(n for v, n in q.cur.execute(
            f"SELECT {other}, n FROM search_pair WHERE {column} IN "
            f"({','.join(str(int(v)) for v in few)})") if v in many)
    return sum(q.orgs.values()) + sum(q.titles.values()) - both


def _count_both(q: IndexQuery, main: Match, n_main: int) -> int:
    """Guests matched both in their own fields and by their organisation or title."""
    tags = q.value_tags()
    if len(tags) <= MAX_OR:
        return q.count_fts(Match(f"({main.expr}) AND ({either(tags)})", main.check))
    if n_main <= 10 * SMALL:
        docs = q.docs(q.fts_rids(main, None))
        return sum(1 for d in docs.values() if d.org_vid in q.orgs or d.title_vid in q.titles)
    sql, params = q.value_sql()
    found, found_params = main.sql("count(*)", join=True)
    return int(q.cur.execute(f"{found} AND {sql}", [*found_params, *params]).fetchone()[0])


def _late_total(q: IndexQuery) -> int:
    """Late guests that match, less the indexed documents of late guests that match."""
    if q.impossible or not q.stale:
        return len(q.fresh)
    return len(q.fresh) - sum(
        1 for body, values in q.stale.values()
        if all(f in body for f in q.filters)
        and (q.plan.empty or rank_of(q.plan, body, values, "") is not None))


def _big_total(q: IndexQuery, main: Match | None) -> int:
    """How many indexed documents match, counted by the index."""
    plan = q.plan
    total = 0
    if plan.empty:
        if q.filters:
            total += q.count_fts(q.filter_only())
        else:
            total += int(q.cur.execute("SELECT n FROM search_stat WHERE key = 'docs'")
                         .fetchone()[0])
        return total
    n_main = q.count_fts(main)
    n_values = _count_values(q)
    if main and n_main and n_values:
        total -= _count_both(q, main, n_main)
    codes = q.code_rids()
    docs = q.docs(codes)
    total += sum(1 for r in codes if q.in_index(docs[r]) is None)
    return total + n_main + n_values


def _small(q: IndexQuery, main_rids: list[int], limit: int,
           exclude: dict[int, str]) -> tuple[int, Found]:
    """Few documents match in their own fields: rank each of them here, in one pass."""
    codes = set(q.code_rids())
    docs = q.read_shown([*codes, *main_rids])
    orgs, titles = q.orgs, q.titles
    skip = q.stale.keys() | exclude.keys()
    by_rank: list[list[int]] = [[] for _ in RANKS]
    tiers = None
    in_values = 0
    for rid, doc in docs.items():
        if rid in codes:
            rank = 0
        else:
            if tiers is None:
                tiers = [q.plan.phrases(rank) for rank in RANKS]
            body = doc.body or ""
            rank = next((k for k, tier in enumerate(tiers) if any(p in body for p in tier)), 3)
        if (orgs or titles) and (doc.org_vid in orgs or doc.title_vid in titles):
            in_values += 1
        if rid not in skip:
            by_rank[rank].append(rid)
    total = len(docs) + _count_values(q) - in_values
    if orgs or titles:
        need = limit + len(docs) + len(skip)
        by_rank[3] += [r for r in _value_rids(q, need) if r not in docs and r not in skip]
    return total, _finish(q, [sorted(rids)[:limit] for rids in by_rank], limit,
                          set(exclude.values()))


def index_search(q: IndexQuery, limit: int, exclude: dict[int, str] | None = None
                 ) -> tuple[int, Found]:
    """(exact total, first `limit` (rank, guest id)); rows in `exclude` left out of the list
    (not of the total)."""
    exclude = exclude or {}
    late = _late_total(q)
    if q.plan.nothing or q.impossible:
        return late, _streamed(q, limit, exclude) if q.fresh else []
    main = None if q.plan.empty else q.match(q.plan.all_phrases())
    if main is not None:
        probe = q.fts_rids(main, SMALL + 1)
        if len(probe) <= SMALL:
            total, found = _small(q, probe, limit, exclude)
            return total + late, found
    return _big_total(q, main) + late, _streamed(q, limit, exclude)


def admitted_matches(q: IndexQuery, admitted: list[str]) -> tuple[Found, dict[int, str]]:
    """The admitted guests that match, in order, and the rids of all admitted indexed guests."""
    ranked: list[tuple[int, str, str]] = []
    rids: dict[int, str] = {}
    wanted = set(admitted)
    for start in range(0, len(admitted), 500):
        chunk = admitted[start:start + 500]
        rows = q.cur.execute(
            "SELECT d.rid, d.guest_id, d.skey, d.body, d.org_vid, d.title_vid, g.badge_code "
            "FROM search_doc d JOIN guest g ON g.id = d.guest_id WHERE d.guest_id IN "
            f"({','.join('?' * len(chunk))})", chunk).fetchall()
        for rid, *columns, code in rows:
            doc = StoredDoc(*columns)
            rids[rid] = doc.guest_id
            rank = None if rid in q.stale or q.impossible else q.in_index(doc, code)
            if rank is not None:
                ranked.append((rank, doc.skey, doc.guest_id))
    ranked += [f for f in q.fresh if f[2] in wanted]
    return [(rank, gid) for rank, _, gid in sorted(ranked)], rids
