"""Drive the running app in headless chromium: the README's screenshot and the browser tests.

    .venv/bin/python -m regintel.app.screenshot --db demo.duckdb --query "crypto exchange" \
        --out docs/screenshot.png

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


def capture(db: Path, out: Path, query: str, *, width: int = 1600, height: int = 1000) -> str:
    """Serve `db`, search for `query`, write a PNG of the page to `out`; returns the count line."""
    if not CHROMIUM.exists():
        raise RegintelError(f"chromium not found at {CHROMIUM}; install it: `apt-get install -y chromium`")
    if not db.exists():
        raise RegintelError(f"database not found: {db}; build one with `regintel demo --no-app --db {db}`")
    from playwright.sync_api import sync_playwright

    out.parent.mkdir(parents=True, exist_ok=True)
    with serving(db) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            _, after = search(page, url, query)
            page.screenshot(path=str(out), full_page=True)
        finally:
            browser.close()
    return after


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="warehouse file to show")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshot.png"), help="PNG to write")
    parser.add_argument("--query", default="crypto exchange", help="text typed into the search box")
    args = parser.parse_args(argv)
    try:
        line = capture(args.db.resolve(), args.out, args.query)
    except RegintelError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"{args.out}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
