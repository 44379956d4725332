"""regintel/jobs/crawl.py: choosing sources, and a silent crawl and reparse of the sample site."""

from __future__ import annotations

from pathlib import Path

import pytest

import warehouse
from crawlers.sources import load_sources
from regintel.contracts import RegintelError
from regintel.jobs.crawl import crawl, reparse, select_sources
from regintel.samplesite.server import SampleSite


def test_no_ids_selects_the_enabled_sources() -> None:
    sources = load_sources()
    chosen = select_sources(sources, [])
    assert chosen == [s for s in sources if s.enabled] and chosen


def test_ids_select_in_the_order_given() -> None:
    sources = load_sources()
    first, second = sources[1].id, sources[0].id
    assert [s.id for s in select_sources(sources, [first, second])] == [first, second]


def test_an_unknown_id_is_one_line_listing_the_known_ones() -> None:
    with pytest.raises(RegintelError, match=r"unknown source 'nope'; known: .*timesca"):
        select_sources(load_sources(), ["nope"])


def test_crawl_then_reparse_are_silent_and_return_their_results(
    site: SampleSite, fast_settings: dict, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "jobs.duckdb"
    (run,) = crawl(db, ["timesca"], settings=fast_settings, rewrite=site.rewrite())
    assert run.source_id == "timesca" and run.status == "ok", run.message
    documents = warehouse.summary(db).documents
    assert documents == run.stats["documents"] > 0
    counts = reparse(db, ["timesca"], processes=0)
    assert counts["timesca"]["parsed"] >= documents
    assert warehouse.summary(db).documents == documents
    assert "timesca: ok" not in capfd.readouterr().out  # jobs report nothing themselves
