"""App benchmark: the Search, fact, document and Trends pages re-rendered by Streamlit's AppTest
on a warehouse file (the 1,000,000-fact file of benchmarks/warehouse.py: `--dir DIR` keeps it).

    .venv/bin/python benchmarks/app.py --db /tmp/x/bench.duckdb

Each figure is one script run of the page as the user triggers it (widgets set, URL params
given), with the search snapshot already built (the first search of a process builds it; that
wait is measured and printed apart). Every run asks for data not asked before, so cached
answers do not flatter the figures. Targets: a Search re-render, the fact page and the document
page <= 1 s; a Trends page (four charts) <= 2 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path and would shadow our packages.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from streamlit.testing.v1 import AppTest  # noqa: E402

import warehouse  # noqa: E402
from regintel.settings import DB  # noqa: E402

APP = Path(__file__).resolve().parents[1] / "app.py"
TARGETS = {"search": 1.0, "fact": 1.0, "document": 1.0, "trends": 2.0}


def fact_page() -> None:
    from regintel.app import fact

    fact.render()


def document_page() -> None:
    from regintel.app import document

    document.render()


def trends_page() -> None:
    from regintel.app import trends

    trends.render()


def timed(step: Callable[[], AppTest]) -> float:
    start = time.perf_counter()
    at = step()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise SystemExit(f"the page failed: {at.exception}")
    return elapsed


def page(function: Callable[[], None], **params: str) -> AppTest:
    at = AppTest.from_function(function, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ[DB.name] = str(args.db.resolve())
    start = time.perf_counter()
    rows = warehouse.search(args.db, warehouse.Query(corroborated_only=True, page_size=args.runs * 2)).rows
    print(f"search snapshot built by the process's first search: {time.perf_counter() - start:.2f} s")
    times: dict[str, list[float]] = {name: [] for name in TARGETS}

    search = AppTest.from_file(str(APP), default_timeout=120)
    times["search"].append(timed(search.run))  # the first page, every facet
    steps = [lambda: search.text_input(key="q").set_value("crypto exchange").run(),
             lambda: search.multiselect(key="kinds").set_value(["money"]).run(),
             lambda: search.selectbox(key="sort").set_value("usd").run(),
             lambda: search.number_input(key="page").set_value(3).run(),
             lambda: search.toggle(key="corroborated").set_value(True).run(),
             lambda: search.selectbox(key="page_size").set_value(100).run()]
    times["search"] += [timed(step) for step in steps]
    for row in rows[:args.runs]:
        times["fact"].append(timed(lambda r=row: page(fact_page, fact=r["fact_id"])))
        times["document"].append(timed(lambda r=row: page(document_page, doc=r["doc_id"])))
    for params in ({}, {"by": "country"}, {"kinds": "money", "countries": "KZ"}, {"q": "crypto exchange"},
                   {"q": "fine", "by": "country"}):
        times["trends"].append(timed(lambda p=params: page(trends_page, **p)))
    for name, target in TARGETS.items():
        got = times[name]
        verdict = "meets" if max(got) <= target else "MISSES"
        print(f"{name:9} median {statistics.median(got):.2f} s, max {max(got):.2f} s over {len(got)} renders "
              f"vs target {target:.0f} s ({verdict})")


if __name__ == "__main__":
    main()
