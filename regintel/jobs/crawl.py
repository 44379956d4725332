"""Crawl and reparse jobs: choose sources, run the crawlers (or the offline parser) into the warehouse."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from regintel.contracts import CrawlRun, RegintelError, Source
from regintel.settings import MIN_TEXT_CHARS


def select_sources(all_sources: Sequence[Source], ids: Sequence[str]) -> list[Source]:
    """The sources named by id (all enabled ones when none is named); unknown ids are a user error."""
    if not ids:
        return [s for s in all_sources if s.enabled]
    by_id = {s.id: s for s in all_sources}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise RegintelError(f"unknown source {unknown[0]!r}; known: {', '.join(sorted(by_id))}")
    return [by_id[i] for i in ids]


def crawl(
    db: Path,
    source_ids: Sequence[str],
    *,
    sources_file: Path | None = None,
    settings: Mapping[str, Any] | None = None,
    rewrite: Mapping[str, str] | None = None,
) -> list[CrawlRun]:
    """Crawl the chosen sources (all enabled ones by default) into `db`; returns each source's run."""
    import warehouse
    from crawlers.runner import crawl as run_crawlers
    from crawlers.sources import load_sources

    chosen = select_sources(load_sources(sources_file), source_ids)
    warehouse.init_db(db)
    return run_crawlers(db, chosen, settings=dict(settings or {}), rewrite=dict(rewrite or {}))


def reparse(
    db: Path, source_ids: Sequence[str], *, sources_file: Path | None = None, processes: int = 1
) -> dict[str, dict[str, int]]:
    """Parse stored raw pages into documents again (no network); per source, the parser's counts."""
    from crawlers.parsing import reparse as reparse_pages
    from crawlers.sources import load_sources

    chosen = select_sources(load_sources(sources_file), source_ids)
    return reparse_pages(db, chosen, min_chars=MIN_TEXT_CHARS.get(), processes=processes)
