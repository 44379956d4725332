"""regintel/jobs/sources.py: sources joined with their health, and adding one safely."""

from __future__ import annotations

from pathlib import Path

import pytest

import warehouse
from regintel.contracts import RegintelError
from regintel.jobs.sources import add_source, load_sources, status_rows
from regintel.settings import ALLOW_PRIVATE

FIELDS = {"name": "Example", "publisher_kind": "news", "country": "GB", "languages": ["en"]}


def test_status_rows_say_never_run_without_a_warehouse_and_the_last_run_with_one(tmp_path: Path) -> None:
    sources = load_sources(None)[:2]
    rows = status_rows(tmp_path / "none.duckdb", sources)
    assert [r["id"] for r in rows] == [s.id for s in sources]
    assert {r["status"] for r in rows} == {"never run"}
    db = tmp_path / "w.duckdb"
    warehouse.init_db(db)
    warehouse.upsert_sources(db, sources)
    warehouse.start_run(db, sources[0].id)
    first, second = status_rows(db, sources)
    assert first["last_run"] is not None and first["status"] == "running"
    assert second["status"] == "never run"


def test_add_source_validates_refuses_private_hosts_and_duplicates(tmp_path: Path) -> None:
    file = tmp_path / "sources.yaml"
    entry = {"kind": "feed", "url": "https://news.example.org/rss"}
    source, total = add_source(file, "example_news", entry, FIELDS, allow_private=False)
    assert (source.id, total) == ("example_news", 1)
    assert [s.id for s in load_sources(file)] == ["example_news"]
    with pytest.raises(RegintelError, match="already exists"):
        add_source(file, "example_news", entry, FIELDS, allow_private=False)
    local = {"kind": "feed", "url": "http://127.0.0.1:8000/rss"}
    with pytest.raises(RegintelError, match=r"refused URL 'http://127.0.0.1:8000/rss': .*--allow-private"):
        add_source(file, "local_feed", local, FIELDS, allow_private=False)
    allowed, total = add_source(file, "local_feed", local, FIELDS, allow_private=True)
    assert total == 2 and allowed.politeness == {ALLOW_PRIVATE.name: True}
