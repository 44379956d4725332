"""Worker processes for the concurrency test: `python wh_workers.py writer|reader DB SECONDS`.

Each prints one JSON line with what it did. Readers count failures surfaced to a user and
"torn" reads (a document with only part of its facts visible).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import warehouse
from regintel.contracts import Extraction
from tests.warehouse.wh_records import fact, make_doc

FACTS_PER_DOC = 5


def writer(db: Path, seconds: float) -> dict:
    docs = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        fined = ", ".join(f"{n + 1} banks" for n in range(FACTS_PER_DOC))
        text = f"Batch {docs}: the regulator fined {fined}"
        facts = tuple(fact(text, f"{n + 1} banks", "count", n + 1, unit="bank", action="fine")
                      for n in range(FACTS_PER_DOC))
        warehouse.load_extractions(db, [(make_doc(f"https://w.test/{docs}", text), Extraction(facts, ()))])
        docs += 1
    return {"docs": docs, "facts": docs * FACTS_PER_DOC}


def reader(db: Path, seconds: float) -> dict:
    ok = failed = torn = 0
    errors: list[str] = []
    deadline = time.monotonic() + seconds
    queries = [warehouse.Query(text="regulator fined banks", facets=("kinds", "sources")),
               warehouse.Query(sort="usd", page_size=10)]
    while time.monotonic() < deadline:
        for query in queries:
            try:
                result = warehouse.search(db, query)
            except Exception as exc:  # any failure here would reach a user
                failed += 1
                errors.append(f"{type(exc).__name__}: {exc}"[:200])
                continue
            ok += 1
            torn += result.total % FACTS_PER_DOC != 0
        time.sleep(0.02)
    return {"ok": ok, "failed": failed, "torn": torn, "errors": errors[:3]}


if __name__ == "__main__":
    role, db, seconds = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3])
    print(json.dumps((writer if role == "writer" else reader)(db, seconds)), flush=True)
