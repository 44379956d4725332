"""scrapy.cfg + crawlers/settings.py: `scrapy list` works in the project root; every setting is declared."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import warehouse
from regintel.samplesite.server import SampleSite

ROOT = Path(__file__).resolve().parents[2]


def test_scrapy_list_in_project_root() -> None:
    scrapy = Path(sys.executable).with_name("scrapy")
    out = subprocess.run(
        [str(scrapy), "list"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.split() == ["feed", "listing", "sitemap", "source"]


def test_scrapy_crawl_stores_parsed_documents_like_regintel_crawl(site: SampleSite, db: Path) -> None:
    scrapy = Path(sys.executable).with_name("scrapy")
    settings = {"REGINTEL_DB": str(db), "REGINTEL_REWRITE": json.dumps(site.rewrite()), "DOWNLOAD_DELAY": "0"}
    command = [str(scrapy), "crawl", "source", "-a", "source=timesca", "-L", "WARNING"]
    command += [arg for key, value in settings.items() for arg in ("-s", f"{key}={value}")]
    subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    (run,) = warehouse.runs(db, "timesca")
    assert run.status == "ok" and run.stats["documents"] == 6, run.message
    (status,) = [s for s in warehouse.source_status(db) if s.source_id == "timesca"]
    assert status.documents == 6 and status.pages == 6
