"""An in-memory snapshot of the search tables, rebuilt only when the file's search generation moves.

Answering a search in SQL on a freshly attached file cost 30-160 ms at 1,000,000 facts here:
each call re-reads and decodes the blocks it touches, DuckDB finds a page's 50 rows by scanning,
and each of a search's eight statements carries milliseconds of fixed cost. So a searching
process keeps, per database file, one read-only copy of what search reads: facts (display
columns in an Arrow table; filter, facet and sort columns as numpy arrays), document titles and
URLs, and the postings with their BM25 statistics. A search is then vector arithmetic
(search.py) and holds no lock on the file.

Before each search the file and its WAL are stat'ed: unchanged since the last check, and not
modified in the last `RACY_S` (mtime ticks are coarse), the snapshot is current; otherwise the
generation is read (one short attach) and only a new generation rebuilds the snapshot, in one
read transaction so it is consistent. Writes that change search results bump the generation
(generation.py); crawls do not, so crawling beside the app costs it a stat and an attach.
Cost at 1,000,000 facts: 2.9-3.0 s to build; 0.75 GB of arrays, about 1.1 GB resident.
A snapshot can be saved beside the file and memory-mapped by the next process (`current(save=)`).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from warehouse import fts, generation
from warehouse.filters import AGENCY_LABEL, COUNTRY
from warehouse.relation import FACT_FIELDS, SEEN_FIELDS
from warehouse.schema import reader

RACY_S = 1.0  # a file modified this recently is checked by its generation, not its stat
MAX_SNAPSHOTS = 4  # database files whose snapshots a process keeps (least recently used go)
ROW_COLUMNS = (*FACT_FIELDS, *SEEN_FIELDS, "corroboration", "conflict", "cluster_sources")


MAX_MAGNITUDE = 12  # orders of magnitude run from 0 (below 10) to this (a trillion and more)


def _magnitude(column: str) -> str:
    """SQL: the order of magnitude of a positive amount, 0 to MAX_MAGNITUDE."""
    magnitude = f"greatest(0, least({MAX_MAGNITUDE}, floor(log10({column}))))::INTEGER"
    return f"CASE WHEN {column} > 0 THEN {magnitude} END"


CATEGORIES = {  # snapshot column -> SQL of its value; filters and facets read their codes
    "kind": "f.kind",
    "action": "f.action",
    "currency": "f.currency",
    "source_id": "f.source_id",
    "lang": "f.lang",
    "agency_id": "f.agency_id",
    "agency_label": AGENCY_LABEL,
    "country": COUNTRY,
    "year": "year(f.published)",
    "period_year": "year(coalesce(f.period_start, f.period_end))",
    "usd_magnitude": _magnitude("f.usd"),
    "value_magnitude": _magnitude("f.value"),
    "corroborated": "coalesce(c.corroboration, 1) >= 2",
}
NUMBERS = {  # snapshot column -> SQL; dates become days since 1970 (NULL: NaN)
    "usd": "f.usd",
    "value": "f.value",
    "published": "f.published",
    "period_last": "coalesce(f.period_end, f.period_start)",
    "period_first": "coalesce(f.period_start, f.period_end)",
    "corroboration": "coalesce(c.corroboration, 1)",
}
SORTS = {"date": "published", "usd": "usd"}  # sort -> its primary column, descending
_EPOCH = date(1970, 1, 1)


@dataclass(frozen=True, slots=True)
class Category:
    """A column as integer codes into `labels`; NULL is `len(labels)`."""

    codes: np.ndarray
    labels: list[Any]
    lookup: dict[Any, int]


@dataclass(frozen=True, slots=True)
class TextScores:
    """BM25 of a query over a snapshot: per fact, its document's score and whether it matched."""

    doc_score: np.ndarray  # per fact (0 when its document does not match)
    hit: np.ndarray  # per fact: its document contains a query term
    idf: dict[str, float]  # query terms present in the index -> idf (a sentence earns these)

    @property
    def sentence_bound(self) -> float:
        """The most a sentence can add to its document's score."""
        return sum(self.idf.values())


def _days(column: pa.ChunkedArray) -> np.ndarray:
    if pa.types.is_date(column.type):
        column = pc.cast(column, pa.int32())
    return pc.cast(column, pa.float64()).fill_null(math.nan).to_numpy()


def _codes(column: pa.ChunkedArray) -> tuple[np.ndarray, list[Any]]:
    """Integer codes of a column's values (NULL: the number of labels) and the labels."""
    encoded = column.combine_chunks().dictionary_encode()
    labels = encoded.dictionary.to_pylist()
    return pc.fill_null(encoded.indices, len(labels)).to_numpy(zero_copy_only=False).astype(np.int32), labels


def _numpy(table: pa.Table, name: str) -> np.ndarray:
    """A column of a one-batch table as numpy, without a copy (memory-mapped when loaded)."""
    column = table[name]
    return column.chunk(0).to_numpy(zero_copy_only=True) if column.num_chunks == 1 else column.to_numpy()


def _one_batch(columns: dict[str, Any]) -> pa.Table:
    return pa.Table.from_batches([pa.record_batch({name: pa.array(v) for name, v in columns.items()})])


TABLES = ("rows", "arrays", "docs", "doc_row", "postings")  # what a snapshot is made of, saved or not


class Postings:
    """The postings sorted by term hash, with the corpus statistics BM25 needs (fts.py's formula)."""

    def __init__(self, table: pa.Table, stats: dict[str, float]) -> None:
        self.table, self.stats = table, stats
        self.term_hash, self.doc_key = _numpy(table, "term_hash"), _numpy(table, "doc_key")
        self.title_tf, self.text_tf = _numpy(table, "title_tf"), _numpy(table, "text_tf")
        self.title_len, self.text_len = _numpy(table, "title_len"), _numpy(table, "text_len")

    @classmethod
    def read(cls, con: duckdb.DuckDBPyConnection) -> Postings:
        # Fetched as one Arrow batch (combining DuckDB's 1M-row batches copied 200 MB into fresh
        # memory: 0.7 s of a 1.0 s read of the benchmark's 7.5M postings, against 0.27 s), and
        # sorted here rather than by ORDER BY: `compact_index` leaves the table sorted, and a stable
        # sort of rows appended since is cheap.
        rows = con.execute("SELECT count(*) FROM postings").fetchall()[0][0]
        table = con.execute("""SELECT term_hash, doc_key, title_tf, text_tf, title_len, text_len
                               FROM postings""").to_arrow_table(max(rows, 1))
        hashes = _numpy(table, "term_hash")
        if len(hashes) > 1 and not bool(np.all(hashes[1:] >= hashes[:-1])):
            table = table.take(np.argsort(hashes, kind="stable"))
        documents, avg_title, avg_text = con.execute(
            "SELECT count(*), greatest(avg(title_len), 1), greatest(avg(text_len), 1) FROM doc_lengths",
        ).fetchall()[0]
        return cls(table, {"documents": documents, "avg_title": float(avg_title),
                           "avg_text": float(avg_text)})

    def scores(self, hashes: dict[int, str], slots: int) -> tuple[np.ndarray, np.ndarray, dict[str, float]]:
        """(score per doc_key slot, match per slot, idf of each present term)."""
        score, hit, idf = np.zeros(slots), np.zeros(slots, dtype=bool), {}
        for term_hash, term in hashes.items():
            key = np.uint64(term_hash)
            lo, hi = (int(np.searchsorted(self.term_hash, key, side=side)) for side in ("left", "right"))
            if hi == lo:
                continue
            idf[term] = fts.idf(int(self.stats["documents"]), hi - lo)
            rows = slice(lo, hi)
            title = fts.bm25(self.title_tf[rows], self.title_len[rows], self.stats["avg_title"])
            text = fts.bm25(self.text_tf[rows], self.text_len[rows], self.stats["avg_text"])
            weight = idf[term] * (fts.TITLE_WEIGHT * title + text)
            score += np.bincount(self.doc_key[rows], weights=weight, minlength=slots)
            hit[self.doc_key[rows]] = True
        return score, hit, idf


class Snapshot:
    """One consistent copy of a file's search tables at a generation. Immutable once built.

    It is five Arrow tables (`TABLES`) and a little JSON (`meta`), so it can be saved beside the
    file and memory-mapped by the next process instead of rebuilt (`save`, `load`).
    """

    def __init__(self, tables: dict[str, pa.Table], meta: dict[str, Any]) -> None:
        self.tables, self.meta = tables, meta
        self.stamp = (meta["stamp"][0], meta["stamp"][1])
        self.rows, self.docs = tables["rows"], tables["docs"]
        self.size, self.slots = tables["rows"].num_rows, meta["slots"]
        self.folded = tables["rows"]["folded"]
        arrays = tables["arrays"]
        self.categories = {name: Category(_numpy(arrays, f"code_{name}"), labels,
                                          {label: i for i, label in enumerate(labels)})
                           for name, labels in meta["labels"].items()}
        self.numbers = {name: _numpy(arrays, f"num_{name}") for name in NUMBERS}
        self.doc_slot = _numpy(arrays, "doc_slot")
        self.sort_key = {name: _numpy(arrays, f"key_{name}") for name in SORTS}
        self.order = {name: _numpy(arrays, f"order_{name}") for name in SORTS}
        self.doc_row = _numpy(tables["doc_row"], "doc_row")
        self.postings = Postings(tables["postings"], meta["postings"])
        self.agencies = [tuple(row) for row in meta["agencies"]]

    @classmethod
    def build(cls, con: duckdb.DuckDBPyConnection, stamp: tuple[str, int]) -> Snapshot:
        """Read the search tables of the attached file (one read, so consistent)."""
        names = ", ".join(f'f."{name}"' for name in (*FACT_FIELDS, *SEEN_FIELDS))
        categories = ", ".join(f"{sql} AS cat_{name}" for name, sql in CATEGORIES.items())
        numbers = ", ".join(f"{sql} AS num_{name}" for name, sql in NUMBERS.items())
        # Facts in their tie order (document, place, id): a fact's position breaks every tie.
        table = con.execute(f"""
            SELECT {names}, coalesce(c.corroboration, 1) AS corroboration,
                   coalesce(c.conflict, false) AS conflict, c.sources AS cluster_sources,
                   {categories}, {numbers}, coalesce(f.doc_key, -1) AS doc_key,
                   lower(strip_accents(coalesce(f.sentence, ''))) AS folded
            FROM facts f LEFT JOIN sources s ON s.source_id = f.source_id
                 LEFT JOIN fact_clusters c ON c.cluster_id = f.cluster_id
            ORDER BY f.doc_key, f.start, f."end", f.fact_id""").to_arrow_table()
        docs = con.execute("SELECT doc_key, doc_id, title, url FROM documents").to_arrow_table()
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
        for name, column in SORTS.items():  # ascending keys: descending values, NULL last
            values = arrays[f"num_{column}"]
            arrays[f"key_{name}"] = np.where(np.isnan(values), math.inf, -values)
            arrays[f"order_{name}"] = np.argsort(arrays[f"key_{name}"], kind="stable")  # ties: position
        tables = {"rows": table.select([*ROW_COLUMNS, "folded"]), "arrays": _one_batch(arrays),
                  "docs": docs.select(["doc_id", "title", "url"]),
                  "doc_row": _one_batch({"doc_row": doc_row}), "postings": postings.table}
        meta = {"stamp": list(stamp), "slots": slots, "labels": labels, "postings": postings.stats,
                "agencies": [list(row) for row in agencies]}
        return cls(tables, meta)

    def save(self, folder: Path) -> bool:
        """Write the snapshot to `folder` (Arrow IPC files and meta.json), atomically; False if it
        could not (another process saved it first, or the folder is read-only)."""
        scratch: Path | None = None
        try:
            folder.parent.mkdir(exist_ok=True)
            scratch = Path(tempfile.mkdtemp(prefix=".building-", dir=folder.parent))
            for name, table in self.tables.items():
                with pa.OSFile(str(scratch / f"{name}.arrow"), "wb") as sink, \
                        pa.ipc.new_file(sink, table.schema) as writer:
                    writer.write_table(table)
            (scratch / "meta.json").write_text(json.dumps(self.meta), encoding="utf-8")
            os.replace(scratch, folder)
        except OSError:  # keep what is there
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)
            return False
        return True

    @classmethod
    def load(cls, folder: Path) -> Snapshot:
        """Memory-map a saved snapshot (its pages are read as searches touch them)."""
        tables = {name: pa.ipc.open_file(pa.memory_map(str(folder / f"{name}.arrow"))).read_all()
                  for name in TABLES}
        return cls(tables, json.loads((folder / "meta.json").read_text(encoding="utf-8")))

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

    def text_scores(self, terms: tuple[str, ...]) -> TextScores:
        score, hit, idf = self.postings.scores(fts.term_hashes(terms), self.slots)
        return TextScores(doc_score=score[self.doc_slot], hit=hit[self.doc_slot], idf=idf)

    def sentence_scores(self, positions: np.ndarray, idf: dict[str, float]) -> np.ndarray:
        """Sum of the idf of the query terms each fact's sentence contains (fts.sentence_score_sql)."""
        total = np.zeros(len(positions))
        if idf and len(positions):
            sentences = self.folded.take(pa.array(positions))
            for term, weight in idf.items():
                total += weight * pc.match_substring(sentences, term).to_numpy(zero_copy_only=False)
        return total

    def page_rows(self, positions: np.ndarray, scores: np.ndarray) -> list[dict[str, Any]]:
        """The facts at `positions` as result rows, with their documents and scores."""
        rows = self.rows.take(pa.array(positions, pa.int64())).to_pylist()
        at = self.doc_row[self.doc_slot[positions]]  # -1: a fact whose document is gone
        docs = self.docs.take(pa.array(at, pa.int64(), mask=at < 0)).to_pylist()
        for row, doc, score in zip(rows, docs, scores, strict=True):
            row.update(score=float(score), doc_id=doc["doc_id"], doc_title=doc["title"], doc_url=doc["url"])
        return rows


class _Cached:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.snapshot: Snapshot | None = None
        self.file_state: tuple | None = None


_FILES: OrderedDict[Path, _Cached] = OrderedDict()
_GUARD = threading.Lock()


def _file_state(db: Path) -> tuple | None:
    """What changes when the file is written: (inode, size, mtime) of the file and its WAL."""
    state: list[Any] = []
    for path in (db, db.with_name(db.name + ".wal")):
        try:
            st = os.stat(path)
        except FileNotFoundError:
            state.append(None)
            continue
        except OSError:
            return None
        state.append((st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(state)


def _settled(state: tuple | None) -> bool:
    """No part of the file was modified within RACY_S (a later write would change its mtime)."""
    if state is None or state[0] is None:
        return False
    newest = max(part[2] for part in state if part is not None) / 1e9
    return time.time() - newest > RACY_S


def saved_folder(db: Path, stamp: tuple[str, int]) -> Path:
    """Where the snapshot of `db` at `stamp` is saved: `<db>.snapshot/<file id>-<generation>`."""
    return db.with_name(db.name + ".snapshot") / f"{stamp[0]}-{stamp[1]}"


def _open(db: Path, con: duckdb.DuckDBPyConnection, stamp: tuple[str, int], save: bool) -> Snapshot:
    """The saved snapshot at `stamp` if there is one, else a new one (saved if asked, replacing
    older ones)."""
    folder = saved_folder(db, stamp)
    if (folder / "meta.json").exists():
        try:
            return Snapshot.load(folder)
        except (OSError, ValueError, KeyError, pa.ArrowException):  # damaged: build it again
            shutil.rmtree(folder, ignore_errors=True)
    snap = Snapshot.build(con, stamp)
    if save and snap.save(folder):
        for old in folder.parent.iterdir():
            if old != folder and not old.name.startswith(".building-"):
                shutil.rmtree(old, ignore_errors=True)
    return snap


def current(db: Path, *, save: bool = False) -> Snapshot:
    """The snapshot of `db`'s search tables as of its latest committed search generation.

    A short-lived process (the CLI) passes `save=True`: a snapshot it builds is saved beside the
    file, and the next process memory-maps it instead of building it again. Any process loads a
    saved snapshot of the current generation.
    """
    db = Path(db).resolve()
    with _GUARD:
        cached = _FILES.setdefault(db, _Cached())
        _FILES.move_to_end(db)
        while len(_FILES) > MAX_SNAPSHOTS:
            _FILES.popitem(last=False)
    with cached.lock:
        state = _file_state(db)
        if cached.snapshot is not None and state == cached.file_state and _settled(state):
            return cached.snapshot
        with reader(db) as con:
            stamp = generation.current(con)
            if cached.snapshot is None or cached.snapshot.stamp != stamp:
                cached.snapshot = _open(db, con, stamp, save)
        cached.file_state = state
        return cached.snapshot
