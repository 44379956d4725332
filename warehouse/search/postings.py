"""The full-text postings of a snapshot, sorted by term hash, scored by BM25 with numpy.

The same formula as the SQL of fts.py (`bm25`, `idf`), applied to a copy of the postings table.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pyarrow as pa

from warehouse import fts
from warehouse.search.vocabulary import Meaning

CARRIED_SHARE = 0.5  # extra for carrying a named value: it outranks a sentence only saying the word


@dataclass(frozen=True, slots=True)
class Credit:
    """What a positive unit adds to the score of a fact whose sentence holds it (or that carries a
    value it names), plus CARRIED_SHARE of it for carrying that value."""

    weight: float
    needles: tuple[str, ...]  # substrings of the folded sentence (stems, or the phrase)
    meanings: tuple[Meaning, ...]  # or a value the fact carries


def numpy_column(table: pa.Table, name: str) -> np.ndarray:
    """A column of a one-batch table as numpy, without a copy (memory-mapped when loaded)."""
    column = table[name]
    return column.chunk(0).to_numpy(zero_copy_only=True) if column.num_chunks == 1 else column.to_numpy()


@dataclass(frozen=True, slots=True)
class TextScores:
    """How a query's text scores a snapshot's facts: their documents' BM25 and the credits a
    fact's own sentence can earn (search/text.py)."""

    doc_score: np.ndarray  # per fact (0 when its document holds no query word)
    credits: tuple[Credit, ...]

    @property
    def sentence_bound(self) -> float:
        """The most a sentence can add to its document's score."""
        return sum(credit.weight for credit in self.credits)


class Postings:
    """The postings sorted by term hash, with the corpus statistics BM25 needs (fts.py's formula)."""

    def __init__(self, table: pa.Table, stats: dict[str, float]) -> None:
        self.table, self.stats = table, stats
        self.term_hash, self.doc_key = numpy_column(table, "term_hash"), numpy_column(table, "doc_key")
        self.title_tf, self.text_tf = numpy_column(table, "title_tf"), numpy_column(table, "text_tf")
        self.title_len, self.text_len = numpy_column(table, "title_len"), numpy_column(table, "text_len")

    @classmethod
    def read(cls, con: duckdb.DuckDBPyConnection) -> Postings:
        # Fetched as one Arrow batch (combining DuckDB's 1M-row batches copied 200 MB into fresh
        # memory: 0.7 s of a 1.0 s read of the benchmark's 7.5M postings, against 0.27 s), and
        # sorted here rather than by ORDER BY: `compact_index` leaves the table sorted, and a stable
        # sort of rows appended since is cheap.
        rows = con.execute("SELECT count(*) FROM postings").fetchall()[0][0]
        table = con.execute("""SELECT term_hash, doc_key, title_tf, text_tf, title_len, text_len
                               FROM postings""").to_arrow_table(max(rows, 1))
        hashes = numpy_column(table, "term_hash")
        if len(hashes) > 1 and not bool(np.all(hashes[1:] >= hashes[:-1])):
            table = table.take(np.argsort(hashes, kind="stable"))
        documents, avg_title, avg_text = con.execute(
            "SELECT count(*), greatest(avg(title_len), 1), greatest(avg(text_len), 1) FROM doc_lengths",
        ).fetchall()[0]
        return cls(table, {"documents": documents, "avg_title": float(avg_title),
                           "avg_text": float(avg_text)})

    def _rows(self, term_hash: int) -> slice:
        key = np.uint64(term_hash)
        return slice(*(int(np.searchsorted(self.term_hash, key, side=side)) for side in ("left", "right")))

    def scores(self, hashes: dict[int, str], slots: int) -> tuple[np.ndarray, dict[str, float]]:
        """(BM25 score per doc_key slot, idf of each present term)."""
        score, idf = np.zeros(slots), {}
        for term_hash, term in hashes.items():
            rows = self._rows(term_hash)
            if rows.stop == rows.start:
                continue
            idf[term] = fts.idf(int(self.stats["documents"]), rows.stop - rows.start)
            title = fts.bm25(self.title_tf[rows], self.title_len[rows], self.stats["avg_title"])
            text = fts.bm25(self.text_tf[rows], self.text_len[rows], self.stats["avg_text"])
            weight = idf[term] * (fts.TITLE_WEIGHT * title + text)
            score += np.bincount(self.doc_key[rows], weights=weight, minlength=slots)
        return score, idf

    def holding(self, hashes: list[int], slots: int) -> np.ndarray:
        """Per doc_key slot: the document holds one of the terms."""
        hit = np.zeros(slots, dtype=bool)
        for term_hash in hashes:
            hit[self.doc_key[self._rows(term_hash)]] = True
        return hit
