"""Query -> Result: the one search the CLI and the app call, answered from a snapshot.

The filters (fields.py) select the snapshot's facts (numpy masks); free text keeps the facts
whose document matches a query term, scored by the document's BM25 plus the idf of the query
terms their sentence contains (the score export's SQL computes, relation.py). Facets count the
selected facts' codes. The page is exact under every sort:
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
from warehouse.search.postings import TextScores
from warehouse.search.query import Query, Result, clauses, clean_text, effective_sort
from warehouse.search.snapshot import Snapshot

_EPSILON = 1e-9  # score comparisons allow for float rounding


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
    description = f"{chosen.described}, sorted by {sort}"
    if chosen.unsearchable:
        return Result(rows=[], total=0, description=description + " (the text has no searchable word)")
    counts = facet_counts.count(snap, chosen.facts, query.facets)
    positions, page_scores = _page(snap, chosen.facts, chosen.text, sort, (query.page - 1) * query.page_size,
                                   query.page_size)
    return Result(rows=snap.page_rows(positions, page_scores), total=int(np.count_nonzero(chosen.facts)),
                  facets=counts.values, truncated=counts.truncated, description=description)
