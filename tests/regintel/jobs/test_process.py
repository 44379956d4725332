"""regintel/jobs/process.py: stored documents become facts; progress goes through the Reporter."""

from __future__ import annotations

from pathlib import Path

import pytest

import warehouse
from regintel.jobs import Reporter
from regintel.jobs.crawl import crawl
from regintel.jobs.process import process_documents
from regintel.samplesite.server import SampleSite


@pytest.fixture(scope="module")
def crawled(site: SampleSite, fast_settings: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("process") / "process.duckdb"
    crawl(db, ["timesca", "afsa_aifc"], settings=fast_settings, rewrite=site.rewrite())
    return db


def test_documents_are_extracted_once_and_progress_is_reported(crawled: Path) -> None:
    advanced: list[int] = []
    stats = process_documents(crawled, batch_size=4, report=Reporter(advance=advanced.append))
    summary = warehouse.summary(crawled)
    assert stats.documents == summary.documents == sum(advanced) > 4
    assert max(advanced) <= 4  # one report per batch
    assert stats.facts == summary.facts > 0
    again = process_documents(crawled)
    assert (again.documents, again.facts) == (0, 0)


def test_reextract_does_every_document_again_with_the_same_facts(crawled: Path) -> None:
    process_documents(crawled)
    before = warehouse.summary(crawled)
    stats = process_documents(crawled, reextract=True)
    assert stats.documents == before.documents
    assert warehouse.summary(crawled).facts_by_kind == before.facts_by_kind
