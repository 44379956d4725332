"""Drive the running app in headless chromium: the docs' screenshots and the browser tests.

    .venv/bin/python -m regintel.app.screenshot --db demo.duckdb --query "crypto exchange" \
        --out docs/screenshot-search.png   # the Search page
    .venv/bin/python -m regintel.app.screenshot --db demo.duckdb --pages docs/   # every page

Drives Debian's chromium (`apt-get install -y chromium`) with Playwright (the `test` extra); no
browser download. The browser tests (tests/regintel/app/test_browser.py) use the same functions.
"""

from __future__ import annotations

import argparse
import re
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

import warehouse
from regintel.app import links
from regintel.app.launch import start_app, stop
from regintel.contracts import RegintelError

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
if TYPE_CHECKING:
    from playwright.sync_api import Page

COUNT = re.compile(r"[\d,]+ facts found")
WAIT_MS = 30_000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The app running on `db` at a free loopback port; stopped on exit."""
    port = free_port()
    proc = start_app(db, port=port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(proc)


MARKDOWN = '[data-testid="stMarkdownContainer"]'
GRID = '[data-testid="data-grid-canvas"]'
PAINT_MS = 750


def count_line(page: Page) -> str:
    """The page's result-count line, e.g. "33 facts found · page 1 of 2"."""
    return page.locator(MARKDOWN, has_text=COUNT).first.inner_text()


def search(page: Page, url: str, query: str) -> tuple[str, str]:
    """Open the Search page, type `query`, and return the result-count line before and after."""
    page.goto(url)
    page.locator(MARKDOWN, has_text=COUNT).first.wait_for(timeout=WAIT_MS)
    before = count_line(page)
    if query:
        box = page.get_by_role("textbox", name="Search")
        box.fill(query)
        box.press("Enter")
        page.wait_for_function(
            """([selector, before]) => [...document.querySelectorAll(selector)]
                   .some(e => /facts found/.test(e.innerText) && e.innerText !== before)""",
            arg=[MARKDOWN, before], timeout=WAIT_MS)
        page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=WAIT_MS)
    page.locator(GRID).last.wait_for(state="visible", timeout=WAIT_MS)
    page.wait_for_timeout(PAINT_MS)  # the grids draw on a canvas a moment after they appear
    return before, count_line(page)


def open_view(page: Page, url: str, ready: str) -> None:
    """Load a page of the app at `url` and wait until `ready` (a CSS selector) shows and the app
    has finished running (grids and charts painted)."""
    page.goto(url)
    page.locator(ready).first.wait_for(state="visible", timeout=WAIT_MS)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=WAIT_MS)
    page.wait_for_timeout(PAINT_MS)


def _checked(db: Path) -> None:
    if not CHROMIUM.exists():
        raise RegintelError(f"chromium not found at {CHROMIUM}; install it: `apt-get install -y chromium`")
    if not db.exists():
        raise RegintelError(f"database not found: {db}; build one with `regintel demo --no-app --db {db}`")


@contextmanager
def browsing(db: Path, width: int, height: int) -> Iterator[tuple[str, Page]]:
    """The app serving `db` and a chromium page of the given size."""
    from playwright.sync_api import sync_playwright

    with serving(db) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield url, browser.new_page(viewport={"width": width, "height": height})
        finally:
            browser.close()


def capture(db: Path, out: Path, query: str, *, width: int = 1600, height: int = 1000) -> str:
    """Serve `db`, search for `query`, write a PNG of the page to `out`; returns the count line."""
    _checked(db)
    out.parent.mkdir(parents=True, exist_ok=True)
    with browsing(db, width, height) as (url, page):
        _, after = search(page, url, query)
        page.screenshot(path=str(out), full_page=True)
    return after


def views(db: Path, query: str) -> dict[str, tuple[str, str]]:
    """Page name -> (path, selector it is ready on): Search with `query`, Trends, and the fact and
    document pages of the best-corroborated money fact."""
    rows = warehouse.search(db, warehouse.Query(kinds=("money",), sort="usd", page_size=200)).rows
    if not rows:
        raise RegintelError(f"no money facts in {db} to show on the fact and document pages")
    best = max(rows, key=lambda row: row["corroboration"])
    return {"search": (f"/?{urlencode({'q': query})}", GRID),
            "fact": (f"/{links.fact_url(best['fact_id'])}", "mark.figure"),
            "document": (f"/{links.document_url(best['doc_id'])}", "mark.figure"),
            "trends": ("/trends", '[data-testid="stVegaLiteChart"]')}


def shoot_pages(page: Page, url: str, db: Path, folder: Path, query: str) -> list[Path]:
    """With the app on `db` at `url`: a PNG of every page in `folder` (screenshot-<page>.png)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (path, ready) in views(db, query).items():
        open_view(page, url + path, ready)
        written.append(folder / f"screenshot-{name}.png")
        page.screenshot(path=str(written[-1]), full_page=True)
    return written


def capture_pages(db: Path, folder: Path, query: str, *, width: int = 1600, height: int = 1000) -> list[Path]:
    """Serve `db` and write a PNG of every page of the app in `folder`."""
    _checked(db)
    with browsing(db, width, height) as (url, page):
        return shoot_pages(page, url, db, folder, query)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="warehouse file to show")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshot-search.png"), help="PNG to write")
    parser.add_argument("--query", default="crypto exchange", help="text typed into the search box")
    parser.add_argument("--pages", type=Path, help="write a PNG of every page into this folder instead")
    args = parser.parse_args(argv)
    try:
        if args.pages:
            for path in capture_pages(args.db.resolve(), args.pages, args.query):
                print(path)
            return 0
        line = capture(args.db.resolve(), args.out, args.query)
    except RegintelError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"{args.out}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
