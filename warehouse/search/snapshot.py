"""An in-memory snapshot of the search tables: what a searching process reads instead of SQL.

Answering a search in SQL on a freshly attached file cost 30-160 ms at 1,000,000 facts here:
each call re-reads and decodes the blocks it touches, DuckDB finds a page's 50 rows by scanning,
and each of a search's eight statements carries milliseconds of fixed cost. So a searching
process keeps, per database file, one read-only copy of what search reads: facts (display
columns in an Arrow table; filter, facet and sort columns as numpy arrays, see columns.py),
document titles and URLs, and the postings with their BM25 statistics (postings.py). A search
is then vector arithmetic (search.py) and holds no lock on the file. cache.py keeps one per file
and rebuilds it when the file's search generation moves; saved.py is its on-disk form.
Cost at 1,000,000 facts: 2.9-3.0 s to build; 0.75 GB of arrays, about 1.1 GB resident.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from warehouse.search.columns import (
    CATEGORIES,
    CLUSTER_FIGURES,
    CLUSTER_SELECT,
    FACT_FIELDS,
    FIGURE_COLUMNS,
    GROUP_KEYS,
    JOINS,
    NUMBERS,
    ROW_COLUMNS,
    SEEN_FIELDS,
    SORT_COLUMNS,
    group_key,
)
from warehouse.search.postings import CARRIED_SHARE, Credit, Postings, numpy_column
from warehouse.search.vocabulary import agency_forms, agency_lookup

_EPOCH = date(1970, 1, 1)


@dataclass(frozen=True, slots=True)
class Category:
    """A column as integer codes into `labels`; NULL is `len(labels)`."""

    codes: np.ndarray
    labels: list[Any]
    lookup: dict[Any, int]


def _days(column: pa.ChunkedArray) -> np.ndarray:
    if pa.types.is_date(column.type):
        column = pc.cast(column, pa.int32())
    return pc.cast(column, pa.float64()).fill_null(math.nan).to_numpy()


def _codes(column: pa.ChunkedArray) -> tuple[np.ndarray, list[Any]]:
    """Integer codes of a column's values (NULL: the number of labels) and the labels."""
    encoded = column.combine_chunks().dictionary_encode()
    labels = encoded.dictionary.to_pylist()
    return pc.fill_null(encoded.indices, len(labels)).to_numpy(zero_copy_only=False).astype(np.int32), labels


def _one_batch(columns: dict[str, Any]) -> pa.Table:
    return pa.Table.from_batches([pa.record_batch({name: pa.array(v) for name, v in columns.items()})])


TABLES = ("rows", "arrays", "docs", "doc_row", "postings", "clusters")  # a snapshot, saved or not


class Snapshot:
    """One consistent copy of a file's search tables at a generation. Immutable once built.

    It is five Arrow tables (`TABLES`) and a little JSON (`meta`), so it can be saved beside the
    file and memory-mapped by the next process instead of rebuilt (saved.py).
    """

    def __init__(self, tables: dict[str, pa.Table], meta: dict[str, Any]) -> None:
        self.tables, self.meta = tables, meta
        self.stamp = (meta["stamp"][0], meta["stamp"][1])
        self.rows, self.docs = tables["rows"], tables["docs"]
        self.size, self.slots = tables["rows"].num_rows, meta["slots"]
        self.folded = tables["rows"]["folded"]
        arrays = tables["arrays"]
        self.categories = {name: Category(numpy_column(arrays, f"code_{name}"), labels,
                                          {label: i for i, label in enumerate(labels)})
                           for name, labels in meta["labels"].items()}
        self.numbers = {name: numpy_column(arrays, f"num_{name}") for name in NUMBERS}
        self.doc_slot = numpy_column(arrays, "doc_slot")
        self.sort_key = {name: numpy_column(arrays, f"key_{name}") for name in SORT_COLUMNS}
        self.order = {name: numpy_column(arrays, f"order_{name}") for name in SORT_COLUMNS}
        self.doc_row = numpy_column(tables["doc_row"], "doc_row")
        self.postings = Postings(tables["postings"], meta["postings"])
        self.groups = {name: numpy_column(arrays, f"group_{name}") for name in GROUP_KEYS if GROUP_KEYS[name]}
        self.clusters = tables["clusters"]
        self.agencies = [tuple(row) for row in meta["agencies"]]
        self.agency_forms = agency_lookup(meta["agency_forms"])

    @classmethod
    def build(cls, con: duckdb.DuckDBPyConnection, stamp: tuple[str, int]) -> Snapshot:
        """Read the search tables of the attached file (one read, so consistent)."""
        names = ", ".join(f'f."{name}"' for name in (*FACT_FIELDS, *SEEN_FIELDS))
        categories = ", ".join(f"{sql} AS cat_{name}" for name, sql in CATEGORIES.items())
        numbers = ", ".join(f"{sql} AS num_{name}" for name, sql in NUMBERS.items())
        # Facts in their tie order (document, place, id): a fact's position breaks every tie.
        tie_order = 'ORDER BY f.doc_key, f.start, f."end", f.fact_id'
        table = con.execute(f"""
            SELECT {names}, {CLUSTER_SELECT},
                   {categories}, {numbers}, coalesce(f.doc_key, -1) AS doc_key,
                   lower(strip_accents(coalesce(f.sentence, ''))) AS folded
            FROM facts f {JOINS["s"]} {JOINS["c"]} {tie_order}""").to_arrow_table()
        grouped = [name for name in GROUP_KEYS if GROUP_KEYS[name]]  # apart: 1 s, not 2.2 s, at 1M facts
        groups = con.execute("SELECT " + ", ".join(
            f"dense_rank() OVER (ORDER BY {', '.join(group_key(name, 'f'))}) - 1 AS group_{name}"
            for name in grouped) + f" FROM facts f {tie_order}").to_arrow_table()
        docs = con.execute("""SELECT doc_key, doc_id, title, url,
                                     lower(strip_accents(coalesce(title, ''))) AS folded_title
                              FROM documents""").to_arrow_table()
        postings = Postings.read(con)
        agencies = con.execute("""SELECT agency_id, lower(agency_id), lower(acronym), lower(name)
                                  FROM agencies""").fetchall()
        fact_keys, doc_keys = table["doc_key"].to_numpy(), docs["doc_key"].to_numpy()
        # Arrays indexed by doc_key have one slot per key, and a last one for "no document".
        slots = max(int(k.max(initial=0)) for k in (fact_keys, doc_keys, postings.doc_key)) + 2
        doc_row = np.full(slots, -1, dtype=np.int64)
        doc_row[doc_keys] = np.arange(docs.num_rows)
        arrays: dict[str, Any] = {"doc_slot": np.where(fact_keys < 0, slots - 1, fact_keys)}
        labels = {}
        for name in CATEGORIES:
            arrays[f"code_{name}"], labels[name] = _codes(table[f"cat_{name}"])
        for name in NUMBERS:
            arrays[f"num_{name}"] = _days(table[f"num_{name}"])
        for name in grouped:
            arrays[f"group_{name}"] = groups[f"group_{name}"].to_numpy().astype(np.int64)
        for name, column in SORT_COLUMNS.items():  # ascending keys: descending values, NULL last
            values = arrays[f"num_{column}"]
            arrays[f"key_{name}"] = np.where(np.isnan(values), math.inf, -values)
            arrays[f"order_{name}"] = np.argsort(arrays[f"key_{name}"], kind="stable")  # ties: position
        tables = {"rows": table.select([*ROW_COLUMNS, "folded"]), "arrays": _one_batch(arrays),
                  "docs": docs.select(["doc_id", "title", "url", "folded_title"]),
                  "doc_row": _one_batch({"doc_row": doc_row}), "postings": postings.table,
                  "clusters": con.execute(CLUSTER_FIGURES).to_arrow_table()}
        meta = {"stamp": list(stamp), "slots": slots, "labels": labels, "postings": postings.stats,
                "agencies": [list(row) for row in agencies], "agency_forms": agency_forms(con)}
        return cls(tables, meta)

    def isin(self, column: str, values: tuple[Any, ...] | list[Any]) -> np.ndarray:
        category = self.categories[column]
        wanted = np.zeros(len(category.labels) + 1, dtype=bool)
        for value in values:
            if value in category.lookup:
                wanted[category.lookup[value]] = True
        return wanted[category.codes]

    def number(self, column: str) -> np.ndarray:
        return self.numbers[column]

    @staticmethod
    def as_number(value: Any) -> float:
        """A filter bound in the snapshot's units (dates as days since 1970)."""
        return float((value - _EPOCH).days) if isinstance(value, date) else float(value)

    def agencies_named(self, wanted: list[str]) -> list[str]:
        """Registry ids whose id, acronym or name is one of `wanted` (lower-case)."""
        names = set(wanted)
        return [agency_id for agency_id, *forms in self.agencies if names & set(forms)]

    def doc_scores(self, hashes: dict[int, str]) -> tuple[np.ndarray, dict[str, float]]:
        """Per fact, its document's BM25 over the terms (hash -> term); the idf of each present term."""
        score, idf = self.postings.scores(hashes, self.slots)
        return score[self.doc_slot], idf

    def documents_with(self, hashes: list[int]) -> np.ndarray:
        """Per fact: its document holds one of the terms."""
        return self.postings.holding(hashes, self.slots)[self.doc_slot]

    def holding(self, phrase: str) -> np.ndarray:
        """Per fact: its folded sentence or its document's folded title holds `phrase`."""
        in_title = np.zeros(self.slots, dtype=bool)
        titled = self.doc_row >= 0
        in_title[titled] = pc.match_substring(self.docs["folded_title"], phrase).to_numpy(
            zero_copy_only=False)[self.doc_row[titled]]
        in_sentence = pc.match_substring(self.folded, phrase).to_numpy(zero_copy_only=False)
        return in_sentence | in_title[self.doc_slot]

    def sentence_scores(self, positions: np.ndarray, credits: tuple[Credit, ...]) -> np.ndarray:
        """The credits each fact at `positions` earns (text.credit_sql)."""
        total = np.zeros(len(positions))
        if not credits or not len(positions):
            return total
        sentences = self.folded.take(pa.array(positions))
        for credit in credits:
            said = np.zeros(len(positions), dtype=bool)
            for needle in credit.needles:
                said |= pc.match_substring(sentences, needle).to_numpy(zero_copy_only=False)
            carried = np.zeros(len(positions), dtype=bool)
            for meaning in credit.meanings:  # only the codes at `positions`: this runs per page and tie group
                category = self.categories[meaning.column]
                if meaning.value in category.lookup:
                    carried |= category.codes[positions] == category.lookup[meaning.value]
            total += credit.weight * ((said | carried) + CARRIED_SHARE * carried)
        return total

    def page_rows(self, positions: np.ndarray, scores: np.ndarray,
                  mentions: np.ndarray) -> list[dict[str, Any]]:
        """The facts at `positions` as result rows, with their documents, scores, the number of
        facts each row stands for and its cluster's USD figure (columns.CLUSTER_FIGURES)."""
        taken = self.rows.take(pa.array(positions, pa.int64()))
        rows = taken.to_pylist()
        at = self.doc_row[self.doc_slot[positions]]  # -1: a fact whose document is gone
        docs = self.docs.take(pa.array(at, pa.int64(), mask=at < 0)).to_pylist()
        figure = pc.index_in(taken["cluster_id"], value_set=self.clusters["cluster_id"])
        figures = self.clusters.select(list(FIGURE_COLUMNS)).take(figure).to_pylist()
        for row, doc, score, count, cluster in zip(rows, docs, scores, mentions, figures, strict=True):
            row.update(score=float(score), mentions=int(count), **cluster, doc_id=doc["doc_id"],
                       doc_title=doc["title"], doc_url=doc["url"])
        return rows
