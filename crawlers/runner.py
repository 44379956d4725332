"""Run crawls of several sources into the warehouse: `crawl(db, sources, settings=, rewrite=)`.

Scrapy's Twisted reactor cannot be restarted inside one process, so each `crawl()` call runs
the spiders in a child process (`python -m crawlers.runner JOB.json`), one crawler per source
side by side, with Scrapy's log as progress on stderr. The child writes everything through
the warehouse API; the parent reads back the runs it produced.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import warehouse
from crawlers.sources import dump_sources
from regintel.contracts import CrawlRun, RegintelError, Source, replace
from regintel.settings import DB, DB_READY, REWRITE, SOURCES

SETTINGS_MODULE = "crawlers.settings"


def write_job(
    db: Path,
    sources: list[Source],
    folder: Path,
    settings: dict[str, Any] | None = None,
    rewrite: dict[str, str] | None = None,
) -> list[str]:
    """Write a job file for the child process into `folder`; returns the command that runs it.

    The database must exist and know the sources (as `crawl` ensures)."""
    if not sources:
        raise RegintelError("no sources to crawl; give at least one source id")
    sources_file = folder / "sources.yaml"
    dump_sources(sources, sources_file)
    overrides = dict(settings or {})
    overrides[DB.name] = str(Path(db).resolve())
    overrides[SOURCES.name] = str(sources_file)
    overrides[DB_READY.name] = True
    if rewrite:
        overrides[REWRITE.name] = dict(rewrite)
    job = {"sources": [s.id for s in sources], "settings": overrides}
    job_file = folder / "job.json"
    job_file.write_text(json.dumps(job), encoding="utf-8")
    return [sys.executable, "-m", "crawlers.runner", str(job_file)]


def crawl(
    db: Path,
    sources: list[Source],
    *,
    settings: dict[str, Any] | None = None,
    rewrite: dict[str, str] | None = None,
) -> list[CrawlRun]:
    """Crawl `sources` into `db`; returns each source's run (status, stats, message)."""
    db = Path(db)
    warehouse.init_db(db)
    warehouse.upsert_sources(db, sources)
    started = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="regintel-crawl-") as folder:
        command = write_job(db, sources, Path(folder), settings, rewrite)
        env = {**os.environ, "SCRAPY_SETTINGS_MODULE": SETTINGS_MODULE}
        returncode = subprocess.run(command, env=env, check=False).returncode
    result = []
    for source in sources:
        latest = [r for r in warehouse.runs(db, source.id, limit=1) if r.started_at >= started]
        if not latest:
            continue
        run = latest[0]
        if run.status == "running":  # the child died before finishing this run
            run = replace(
                run,
                status="interrupted",
                finished_at=datetime.now(UTC),
                message=f"crawl process exited with code {returncode}",
            )
            warehouse.finish_run(db, run)
        result.append(run)
    if returncode != 0 and not result:
        raise RegintelError(
            f"crawl process failed with exit code {returncode} before any run; see the log above"
        )
    return result


def main(job_file: str) -> int:
    """Child process: run one crawler per source in a single reactor."""
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings

    from crawlers.spiders.source import SourceSpider

    job = json.loads(Path(job_file).read_text(encoding="utf-8"))
    settings = Settings()
    settings.setmodule(SETTINGS_MODULE, priority="project")
    settings.setdict(job["settings"], priority="cmdline")
    process = CrawlerProcess(settings)
    for source_id in job["sources"]:
        process.crawl(SourceSpider, source=source_id)
    process.start()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
