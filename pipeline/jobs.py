"""Pipeline runs: crawl the chosen sources, then extract and load facts. One place for orchestration."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import typer

from contracts import CrawlRun, RegintelError, Source


def select_sources(all_sources: Sequence[Source], ids: Sequence[str]) -> list[Source]:
    """The sources named by id (all enabled ones when none is named); unknown ids are a user error."""
    if not ids:
        return [s for s in all_sources if s.enabled]
    by_id = {s.id: s for s in all_sources}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise RegintelError(f"unknown source {unknown[0]!r}; known: {', '.join(sorted(by_id))}")
    return [by_id[i] for i in ids]


def report_runs(runs: Sequence[CrawlRun]) -> None:
    for run in runs:
        typer.echo(f"{run.source_id}: {run.status}" + (f" — {run.message}" if run.message else ""))


def process_and_report(db: Path, *, reextract: bool = False) -> None:
    """Extract facts from the documents that need it (or all) and say how many."""
    from pipeline.process import process_documents

    stats = process_documents(db, reextract=reextract)
    typer.echo(f"{stats.documents} documents processed, {stats.facts} facts loaded")


def crawl_and_process(
    db: Path,
    source_ids: Sequence[str],
    *,
    sources_file: Path | None = None,
    process: bool = True,
    settings: Mapping[str, Any] | None = None,
    rewrite: Mapping[str, str] | None = None,
) -> list[CrawlRun]:
    """Crawl, then (optionally) extract facts from the new documents."""
    import warehouse
    from crawlers.runner import crawl
    from crawlers.sources import load_sources

    chosen = select_sources(load_sources(sources_file), source_ids)
    warehouse.init_db(db)
    runs = crawl(db, chosen, settings=dict(settings or {}), rewrite=dict(rewrite or {}))
    report_runs(runs)
    if process:
        process_and_report(db)
    return runs


def reparse_and_process(
    db: Path,
    source_ids: Sequence[str],
    *,
    sources_file: Path | None = None,
    processes: int = 1,
    process: bool = True,
) -> None:
    """Parse stored raw pages into documents again (no network), then extract facts from changed ones."""
    from crawlers.articles.parser import reparse
    from crawlers.settings import REGINTEL_MIN_TEXT_CHARS
    from crawlers.sources import load_sources

    chosen = select_sources(load_sources(sources_file), source_ids)
    counts = reparse(db, chosen, min_chars=REGINTEL_MIN_TEXT_CHARS, processes=processes)
    for source_id, tally in counts.items():
        issues = sum(n for key, n in tally.items() if key.startswith("issues/"))
        parsed, documents = tally["parsed"], tally["documents"]
        typer.echo(f"{source_id}: {parsed} pages parsed, {documents} documents, {issues} issues")
    if process:
        process_and_report(db)
