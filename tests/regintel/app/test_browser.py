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


@pytest.fixture(scope="module")
def browsing(facts_db: tuple[Path, int]):
    """The app on the test warehouse and one chromium page, shared by the tests below."""
    db, _ = facts_db
    with screenshot.browsing(db, 1400, 1000) as (url, page):
        yield url, page


def _ids(db: Path, **where: str) -> dict:
    import warehouse

    rows = warehouse.search(db, warehouse.Query(page_size=100)).rows
    return next(row for row in rows if all(row[key] == value for key, value in where.items()))


def test_a_pasted_link_restores_a_filtered_view(browsing, facts_db, tmp_path: Path) -> None:
    url, page = browsing
    screenshot.open_view(page, f"{url}/?kinds=money&countries=KZ&countries=GB&sort=usd", screenshot.GRID)
    assert screenshot.count_line(page).startswith("4 facts found")
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.get_by_text("money (5)").is_visible() and sidebar.get_by_text("GB (2)").is_visible()
    assert "countries=KZ&countries=GB" in page.url and "kinds=money" in page.url
    page.reload()
    page.locator(screenshot.MARKDOWN, has_text=screenshot.COUNT).first.wait_for(timeout=screenshot.WAIT_MS)
    assert screenshot.count_line(page).startswith("4 facts found")


def test_a_fact_shows_its_highlighted_sentence_and_its_other_sources(browsing, facts_db) -> None:
    url, page = browsing
    db, _ = facts_db
    seized = _ids(db, source_id="decrypt", currency="USD")
    screenshot.open_view(page, f"{url}/fact?fact={seized['fact_id']}", "mark.figure")
    assert page.locator(".rg-text mark.figure").inner_text() == "$16.7 million"
    assert "Reported by 2 independent stories." in page.inner_text("body")
    fine = _ids(db, currency="GBP")
    screenshot.open_view(page, f"{url}/fact?fact={fine['fact_id']}", "mark.figure")
    assert page.locator(".rg-text mark.agency").inner_text() == "Financial Conduct Authority"
    assert page.locator('a[href="https://fca_gb.example/news/fca_fine"]').count() == 1


def test_a_hostile_article_stays_inert_text(browsing, facts_db) -> None:
    url, page = browsing
    db, _ = facts_db
    hostile = _ids(db, source_id="hostile_news")
    for path in (f"/document?doc={hostile['doc_id']}", f"/fact?fact={hostile['fact_id']}"):
        screenshot.open_view(page, url + path, "mark.figure")
        body = page.inner_text("body")
        assert "<script>window.pwned = 'title'</script> Police detain exchange owners" in body
        assert "javascript:window.pwned='url'" in body  # shown, not linked
        assert page.evaluate("window.pwned === undefined")
        assert page.locator('a[href^="javascript"], main img, main script').count() == 0
    assert '<img src=x onerror="window.pwned=\'img\'">' in page.locator(".rg-text").first.inner_text()


def test_every_page_renders_for_a_screenshot(browsing, facts_db, tmp_path: Path) -> None:
    url, page = browsing
    db, _ = facts_db
    written = screenshot.shoot_pages(page, url, db, tmp_path, "crypto")
    names = ("search", "fact", "document", "trends")
    assert [p.name for p in written] == [f"screenshot-{name}.png" for name in names]
    for path in written:
        width, height = _png_size(path.read_bytes())
        assert width >= 1400 and height >= 600 and path.stat().st_size > 30_000
