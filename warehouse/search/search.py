"""Query -> Result: the one search the CLI and the app call, answered from a snapshot.

The filters (fields.py) and the reading of the query's text (text.py) select the snapshot's
facts (numpy masks); a fact scores its document's BM25 plus the credits its own sentence earns
(the score export's SQL computes, relation.py). A grouping (fields.GROUPINGS) makes rows of
them: a row is its group's best-ranked fact, with how many selected facts it stands for; the
total and the facets count rows. The page is exact under every sort:
- relevance ranks by score, then date, then the fact's place; only facts whose document score
  plus the most a sentence can add reaches the page's last document score are scored in full;
- date and USD take the page from the snapshot's presorted order; with text, facts with equal
  dates or amounts are ranked by score (only those around the page).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from warehouse.search import cache, text
from warehouse.search import facets as facet_counts
from warehouse.search.fields import GROUPINGS
from warehouse.search.postings import TextScores
from warehouse.search.query import Query, Result, clauses, clean_text, effective_sort
from warehouse.search.snapshot import Snapshot

_EPSILON = 1e-9  # score comparisons allow for float rounding
GROUPING_SAYS = {grouping.name: grouping.says for grouping in GROUPINGS}


def _by_score(snap: Snapshot, positions: np.ndarray, text: TextScores, need: int,
              then_date: bool) -> tuple[np.ndarray, np.ndarray]:
    """The first `need` of `positions` by full score (then date, if asked, then position), and
    their scores."""
    if need <= 0 or not len(positions):
        return positions[:0], np.zeros(0)
    doc = text.doc_score[positions]
    if len(positions) > need:  # a fact below the need-th document score plus the bound cannot place
        kth = np.partition(doc, len(doc) - need)[len(doc) - need]
        keep = doc + text.sentence_bound >= kth - _EPSILON
        positions, doc = positions[keep], doc[keep]
    full = doc + snap.sentence_scores(positions, text.credits)
    keys = (positions, snap.sort_key["date"][positions], -full) if then_date else (positions, -full)
    order = np.lexsort(keys)[:need]
    return positions[order], full[order]


def _page(snap: Snapshot, selected: np.ndarray, text: TextScores | None, sort: str, offset: int,
          limit: int) -> tuple[np.ndarray, np.ndarray]:
    """Positions and scores of the page's facts."""
    if sort == "relevance":  # only with text (effective_sort)
        assert text is not None
        positions, scores = _by_score(snap, np.flatnonzero(selected), text, offset + limit, then_date=True)
        return positions[offset:], scores[offset:]
    ordered = snap.order[sort][selected[snap.order[sort]]]
    if text is None:
        page = ordered[offset:offset + limit]
        return page, np.zeros(len(page))
    if offset >= len(ordered):
        return ordered[:0], np.zeros(0)
    key = snap.sort_key[sort][ordered]
    start = int(np.searchsorted(key, key[offset], side="left"))  # the page's first group of equal keys
    need = offset + limit - start
    picked, scores = [], []
    i = start
    while i < len(ordered) and need > 0:  # each group of equal dates or amounts, by score
        end = int(np.searchsorted(key, key[i], side="right"))
        positions, full = _by_score(snap, ordered[i:end], text, need, then_date=False)
        picked.append(positions)
        scores.append(full)
        need -= len(positions)
        i = end
    skip = offset - start
    return np.concatenate(picked)[skip:], np.concatenate(scores)[skip:]


@dataclass(frozen=True, slots=True)
class Rows:
    """What a grouping makes of the selected facts: one fact per row, and how many each stands for."""

    facts: np.ndarray  # per snapshot fact: it stands for its row in facets (its row's first, in place order)
    total: int
    group: np.ndarray | None  # per snapshot fact: its row's id (None: every fact is a row)
    mentions: np.ndarray | None  # per row id: its selected facts


def rows_of(snap: Snapshot, selected: np.ndarray, grouping: str) -> Rows:
    """The rows a grouping makes of the selected facts."""
    group = snap.groups.get(grouping)
    if group is None:
        return Rows(selected, int(np.count_nonzero(selected)), None, None)
    chosen = np.flatnonzero(selected)
    _, first = np.unique(group[chosen], return_index=True)
    facts = np.zeros(snap.size, dtype=bool)
    facts[chosen[first]] = True
    mentions = np.bincount(group[chosen], minlength=int(group.max(initial=-1)) + 1)
    return Rows(facts, len(first), group, mentions)


def _grouped_page(snap: Snapshot, selected: np.ndarray, text: TextScores | None, sort: str, rows: Rows,
                  offset: int, limit: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positions, scores and mention counts of a page of rows: a row is its best-ranked fact, so
    facts are ranked until the page holds enough distinct rows."""
    if rows.group is None or rows.mentions is None:
        positions, scores = _page(snap, selected, text, sort, offset, limit)
        return positions, scores, np.ones(len(positions), dtype=np.int64)
    want = offset + limit
    while True:
        positions, scores = _page(snap, selected, text, sort, 0, want)
        _, first = np.unique(rows.group[positions], return_index=True)
        if len(first) >= offset + limit or len(positions) < want:
            break
        want *= 4
    keep = np.sort(first)[offset:offset + limit]
    return positions[keep], scores[keep], rows.mentions[rows.group[positions[keep]]]


@dataclass(frozen=True, slots=True)
class Selection:
    """The facts of a snapshot that a query's filters and text select."""

    facts: np.ndarray  # one boolean per snapshot fact
    text: TextScores | None  # the scores of the query text, if it has one
    described: str  # the conditions, in words
    unsearchable: bool  # the text has no searchable word: nothing matches


def describe(read: list[str], filters: list[str]) -> str:
    """"facts with <how the text was read> where <the filters>"."""
    return ("facts" + (" with " + ", ".join(read) if read else "")
            + (" where " + ", ".join(filters) if filters else ""))


def select(snap: Snapshot, query: Query) -> Selection:
    """Apply the query's filter masks and, if it has text, the clauses of its reading."""
    filters = clauses(query)
    facts = np.ones(snap.size, dtype=bool)
    for clause in filters:
        facts &= clause.mask(snap)
    said = [c.describe for c in filters]
    cleaned = clean_text(query.text)
    if not cleaned:
        return Selection(facts, None, describe([], said), unsearchable=False)
    reading = text.read(cleaned, snap.agency_forms)
    if reading.empty:
        return Selection(facts & False, None, describe([f"text {cleaned[:80]!r}"], said), unsearchable=True)
    for clause in text.clauses(reading):
        facts &= clause.mask(snap)
    doc_score, idf = snap.doc_scores({reading.hashes[stem]: stem for stem in reading.stems})
    scores = TextScores(doc_score=doc_score, credits=reading.credits(idf))
    return Selection(facts, scores, describe(reading.describe(), said), unsearchable=False)


def snapshot_stamp(db: Path) -> tuple[str, int]:
    """(file id, generation) of the snapshot that answers `db`'s searches now: a key for callers
    that keep results (it moves when a newer snapshot replaces it, not when the file is written)."""
    return cache.current(db).stamp


def search(db: Path, query: Query, *, save_snapshot: bool = False, fresh: bool = False) -> Result:
    """One page of facts matching `query`, the total, facet counts and a description.

    Right after a write that changes search, a process that searched the file before answers
    from its previous snapshot while the new one is built (cache.py); `fresh` waits for the new
    one. `save_snapshot`: keep the search snapshot beside the file for the next process.
    """
    sort = effective_sort(query)
    snap = cache.current(db, save=save_snapshot, fresh=fresh)
    chosen = select(snap, query)
    description = f"{chosen.described}, sorted by {sort}, {GROUPING_SAYS[query.group]}"
    if chosen.unsearchable:
        return Result(rows=[], total=0, description=description + " (the text has no searchable word)")
    rows = rows_of(snap, chosen.facts, query.group)
    counts = facet_counts.count(snap, rows.facts, query.facets)
    positions, page_scores, mentions = _grouped_page(snap, chosen.facts, chosen.text, sort, rows,
                                                     (query.page - 1) * query.page_size, query.page_size)
    return Result(rows=snap.page_rows(positions, page_scores, mentions), total=rows.total,
                  facets=counts.values, truncated=counts.truncated, description=description)
