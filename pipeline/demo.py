"""`regintel demo`: the whole pipeline on the bundled sample site, offline, idempotent."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import typer

from contracts import Source

# The sample site is on loopback: no need for a polite delay, and it is mirrored on purpose.
DEMO_SETTINGS = {
    "DOWNLOAD_DELAY": 0.0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "LOG_LEVEL": "WARNING",
}


def mirrored_sources(sources: list[Source], serves: Callable[[str], bool]) -> list[Source]:
    """The configured sources whose every entry point the sample site mirrors."""
    return [s for s in sources if s.enabled and all(serves(e.url) for e in s.entry_points)]


def print_summary(db: Path) -> None:
    import warehouse

    s = warehouse.summary(db)
    typer.echo(
        f"\nwarehouse {db}: {s.documents} documents, {s.facts} facts, "
        f"{s.clusters} clusters ({s.corroborated} corroborated, {s.conflicts} with conflicting figures)"
    )
    typer.echo("facts by kind: " + ", ".join(f"{kind} {n}" for kind, n in s.facts_by_kind))
    typer.echo("top agencies:  " + ", ".join(f"{name} {n}" for name, n in s.top_agencies))


def run_demo(db: Path, *, start_app: bool, port: int) -> None:
    """Serve the sample site, crawl it with the real spiders, extract, load, summarise, start the app."""
    from crawlers.sources import load_sources
    from pipeline.jobs import crawl_and_process
    from samplesite.server import running

    with running() as sample:
        chosen = mirrored_sources(load_sources(), sample.site.serves)
        typer.echo(f"sample site at {sample.base}: crawling {len(chosen)} sources into {db}")
        crawl_and_process(db, [s.id for s in chosen], settings=DEMO_SETTINGS, rewrite=sample.rewrite())
    print_summary(db)
    if start_app:
        from pipeline.webapp import run_app

        run_app(db, port=port)
