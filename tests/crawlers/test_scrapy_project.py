"""scrapy.cfg + crawlers/settings.py: `scrapy list` works in the project root; every setting is declared."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import crawlers.settings

ROOT = Path(__file__).resolve().parents[2]


def test_scrapy_list_in_project_root() -> None:
    scrapy = Path(sys.executable).with_name("scrapy")
    out = subprocess.run(
        [str(scrapy), "list"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.split() == ["feed", "listing", "sitemap", "source"]


def test_every_regintel_setting_used_in_code_is_declared() -> None:
    import re

    declared = {name for name in vars(crawlers.settings) if name.startswith("REGINTEL_")}
    used = set()
    for path in (ROOT / "crawlers").rglob("*.py"):
        used |= set(re.findall(r"\"(REGINTEL_[A-Z_]+)\"", path.read_text(encoding="utf-8")))
    assert used <= declared, sorted(used - declared)
