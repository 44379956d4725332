"""Fixtures of the search tests: a corpus with many ties to break, and a warehouse holding it."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

import warehouse
from regintel.contracts import Extraction
from tests.warehouse.wh_records import fact, make_doc, make_source

WORDS = ("regulator", "fined", "bank", "crypto", "exchange", "seized", "assets", "court", "licence", "fraud")
KINDS = ("money", "count", "percent")


def _corpus(n_docs: int) -> list[tuple]:
    """Documents of a few words each, with many equal dates, amounts and scores (ties to break)."""
    rng = random.Random(7)
    items = []
    for i in range(n_docs):
        sentences, facts = [], []
        for k in range(4):
            words = " ".join(rng.choice(WORDS) for _ in range(3))
            amount = rng.choice((100, 250, 1000))
            sentences.append(f"The {words} case {i} item {k} cost {amount} units.")
        text = " ".join(sentences)
        for k in range(4):
            kind = KINDS[(i + k) % 3]
            money = kind == "money"
            usd = float(rng.choice((100, 250, 1000))) if money and rng.random() < 0.8 else None
            facts.append(fact(text, f"item {k} cost", kind, float(rng.choice((100, 250, 1000))),
                              currency=rng.choice(("USD", "KZT")) if money else None,
                              usd=usd,
                              action=rng.choice(("fine", "seizure", None)),
                              agency_id=rng.choice(("afm_kz", "sec_us", None)),
                              period_start=date(2024, 1, 1) if k == 1 else None,
                              period_end=date(2024, 12, 31) if k == 1 else None))
            facts[-1] = dataclasses.replace(facts[-1], country=rng.choice(("KZ", None)))  # None: the source's
        published = None if i % 17 == 0 else date(2025, 1, 1) + timedelta(days=i % 5)
        doc = make_doc(f"https://s{i % 3}.test/{i}", text, source_id=f"s{i % 3}", published=published,
                       title=" ".join(rng.choice(WORDS) for _ in range(2)), lang="ru" if i % 7 == 0 else "en")
        items.append((doc, Extraction(facts=tuple(facts), agencies=())))
    return items


@pytest.fixture
def corpus() -> Callable[[int], list[tuple]]:
    """Builds `n` documents of the corpus with their extractions (the same ones every time)."""
    return _corpus


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("snapshot") / "regintel.duckdb"
    warehouse.init_db(db)
    warehouse.upsert_sources(db, [make_source("s0", "KZ"), make_source("s1", "US"), make_source("s2", "GB")])
    warehouse.load_extractions(db, _corpus(150))
    return db
