"""The real app in a real browser: `streamlit run app.py` on a warehouse file, driven by Playwright
with Debian's chromium. Types a query, waits for the new result count, downloads the CSV and
takes a screenshot."""

from __future__ import annotations

import csv
import io
import re
import struct
from pathlib import Path

import pytest

from regintel.app import screenshot

pytestmark = pytest.mark.skipif(
    not screenshot.CHROMIUM.exists(),
    reason="needs Debian chromium at /usr/bin/chromium (apt-get install -y chromium)")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def _count(line: str) -> int:
    return int(re.search(r"([\d,]+) facts found", line).group(1).replace(",", ""))  # type: ignore[union-attr]


def test_search_page_in_chromium(facts_db: tuple[Path, int], tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    db, total = facts_db
    shot = tmp_path / "search.png"
    with screenshot.serving(db) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(screenshot.CHROMIUM), headless=True,
                                    args=screenshot.CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            before, after = screenshot.search(page, url, "stablecoin judgment")
            with page.expect_download(timeout=30_000) as download:
                page.get_by_role("button", name="Download CSV").click()
            rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text("utf-8-sig"))))
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()

    assert _count(before) == total
    assert 0 < _count(after) < total
    assert len(rows) == _count(after) and {row["agency_acronym"] for row in rows} == {"SEC"}
    data = shot.read_bytes()
    width, height = _png_size(data)
    assert width >= 1280 and height >= 600
    assert len(data) > 30_000  # a rendered page, not Streamlit's blank first frame (~7 KB)
