"""Crawl benchmark: bare Scrapy fetching vs our crawl (fetch + store), and article extraction speed.

One command: `.venv/bin/python benchmarks/crawl.py [--pages 5000]`. Generates a local site of
~30 KB news pages, serves it from another process with Twisted's static server (`twisted web`),
then measures in the same run:
  (a) a bare Scrapy spider that only fetches the same URLs,
  (b) our crawl as it really runs: sitemap -> fetch -> batched store of the compressed raw pages
      into a DuckDB warehouse, with the article parser working in the background at a lower
      CPU priority; (b) is pages stored per second until the last page was stored, and the
      end-to-end rate until every document was parsed and stored is printed beside it,
and article extraction alone on one core. Prints pages/s and the ratio (b)/(a).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HOST = "bench.regintel.test"
WORDS = (
    "regulator",
    "fined",
    "bank",
    "million",
    "tenge",
    "agency",
    "seized",
    "assets",
    "crypto",
    "exchange",
    "license",
    "court",
    "investigation",
    "transfers",
    "accounts",
    "report",
    "statement",
    "compliance",
    "monitoring",
    "suspicious",
)
SETTINGS = {
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "LOG_LEVEL": "WARNING",
    "ROBOTSTXT_OBEY": True,
}

BARE_SPIDER = """
import json, sys, time
import scrapy
from scrapy.crawler import CrawlerProcess

urls = open(sys.argv[1]).read().split()
settings = json.loads(sys.argv[2])

class Bare(scrapy.Spider):
    name = "bare"
    async def start(self):
        for url in urls:
            yield scrapy.Request(url, callback=self.parse)
    def parse(self, response):
        return None

process = CrawlerProcess({**settings, "TELNETCONSOLE_ENABLED": False, "REMOTE_CONTROL_ENABLED": False})
crawler = process.create_crawler(Bare)
process.crawl(crawler)
process.start()
stats = crawler.stats.get_stats()
result = {"elapsed": stats["elapsed_time_seconds"], "responses": stats.get("response_received_count", 0)}
print(json.dumps(result))
"""


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 24))).capitalize() + "."


def article_html(i: int, rng: random.Random) -> str:
    nav = "".join(f'<li><a href="/section/{k}/">Section {k}</a></li>' for k in range(120))
    paragraphs = "".join(
        f"<p>{_sentence(rng)} {_sentence(rng)} {_sentence(rng)}</p>" for _ in range(rng.randint(46, 52))
    )
    related = "".join(
        f'<li><a href="/news/{(i + k) % 9999}.html">Related story {k}</a></li>' for k in range(40)
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Story {i} | Bench News</title>'
        f'<meta property="og:title" content="Story {i}">'
        f'<meta property="article:published_time" content="2025-{1 + i % 12:02d}-{1 + i % 28:02d}T08:00:00Z">'
        f"</head><body><header><nav><ul>{nav}</ul></nav></header><main><article><h1>Story {i}</h1>"
        f"{paragraphs}</article><aside><ul>{related}</ul></aside></main>"
        "<footer><p>Bench News. All rights reserved.</p></footer></body></html>"
    )


def generate(folder: Path, pages: int) -> list[str]:
    rng = random.Random(7)
    (folder / "news").mkdir(parents=True)
    paths = []
    for i in range(pages):
        path = f"/news/{i}.html"
        (folder / path.lstrip("/")).write_text(article_html(i, rng), encoding="utf-8")
        paths.append(path)
    locs = "".join(f"<url><loc>https://{HOST}{p}</loc></url>" for p in paths)
    (folder / "sitemap.xml").write_text(
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
    )
    return paths


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(folder: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "twisted",
            "web",
            "--path",
            str(folder),
            "--listen",
            f"tcp:{port}:interface=127.0.0.1",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server, base
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("twisted web did not start")


def bare_crawl(base: str, paths: list[str], folder: Path) -> float:
    urls = folder.parent / "urls.txt"
    urls.write_text("\n".join(base + p for p in paths))
    out = subprocess.run(
        [sys.executable, "-c", BARE_SPIDER, str(urls), json.dumps(SETTINGS)],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return result["responses"] / result["elapsed"]


def our_crawl(base: str, pages: int, db: Path, processes: int) -> tuple[float, float, dict]:
    import duckdb

    from crawlers.runner import crawl
    from regintel.contracts import EntryPoint, Source
    from regintel.settings import PARSE_PROCESSES

    source = Source(
        id="bench",
        name="Bench News",
        publisher_kind="news",
        country="KZ",
        languages=("en",),
        entry_points=(EntryPoint("sitemap", f"https://{HOST}/sitemap.xml"),),
        allowed_domains=(HOST,),
        min_items=pages,
    )
    settings = {**SETTINGS, PARSE_PROCESSES.name: processes}
    (run,) = crawl(db, [source], settings=settings, rewrite={f"https://{HOST}": base})
    elapsed = (run.finished_at - run.started_at).total_seconds()
    con = duckdb.connect(str(db), read_only=True)
    stored, documents = con.execute("SELECT (SELECT count(*) FROM pages), count(*) FROM documents").fetchone()
    con.close()
    stored_after = run.stats["stored_after_ms"] / 1000
    detail = {
        "status": run.status,
        "pages": stored,
        "documents": documents,
        "stored_after_s": round(stored_after, 1),
        "documents_after_s": round(elapsed, 1),
        "warehouse_store_s": round(run.stats.get("store_ms", 0) / 1000, 1),
    }
    return stored / stored_after, documents / elapsed, detail


def extraction_rate(folder: Path, n: int, rounds: int) -> tuple[list[float], list[float]]:
    """Pages/s of our extraction and of trafilatura.extract (default) on one core, per round.

    Ours is everything the article parser does per page (text, tables, title, date, language,
    hashes); compressing the raw page happens on the store's thread, not here. Rounds
    alternate ours and the peer's, so both meet the same machine."""
    import trafilatura

    from regintel.articles.analysis import analyse, warm_up
    from regintel.articles.options import Options

    warm_up()
    bodies = [(folder / "news" / f"{i}.html").read_bytes() for i in range(n)]
    fetched = datetime.now(UTC)
    options = Options(("en",))
    ours, peer = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        for body in bodies:  # what the article parser does per page
            analyse(body, "text/html", fetched, None, None, options)
        ours.append(n / (time.perf_counter() - start))
        start = time.perf_counter()
        for body in bodies:
            trafilatura.extract(body.decode("utf-8"))
        peer.append(n / (time.perf_counter() - start))
    return ours, peer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument(
        "--parse-processes", type=int, default=1, help="parser worker processes for (b); 1 = the default"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=2,
        help="alternate (a) and (b) this many times (extraction: at least 3); the best of each counts",
    )
    args = parser.parse_args()
    bare_runs: list[float] = []
    our_runs: list[tuple[float, float, dict]] = []
    with tempfile.TemporaryDirectory(prefix="regintel-bench-") as tmp:
        folder = Path(tmp) / "site"
        paths = generate(folder, args.pages)
        size = sum(f.stat().st_size for f in (folder / "news").iterdir()) / len(paths) / 1024
        server, base = serve(folder)
        try:
            for round_ in range(args.rounds):  # alternating evens out a machine whose load changes
                bare_runs.append(bare_crawl(base, paths, folder))
                db = Path(tmp) / f"bench-{round_}.duckdb"
                our_runs.append(our_crawl(base, args.pages, db, args.parse_processes))
        finally:
            server.terminate()
            server.wait()
        extract_runs, peer_runs = extraction_rate(folder, min(500, args.pages), max(3, args.rounds))
    bare = max(bare_runs)
    ours, end_to_end, detail = max(our_runs, key=lambda run: run[0])
    print(f"site: {len(paths)} article pages, {size:.1f} KB average, served by twisted web (other process)")
    print(f"(a) bare Scrapy fetch:                 {bare:7.1f} pages/s  (rounds: {_rates(bare_runs)})")
    rounds = _rates(r[0] for r in our_runs)
    print(f"(b) our crawl (fetch + store):         {ours:7.1f} pages/s  (rounds: {rounds})")
    print(f"    best round: {detail}")
    print(f"    ratio (b)/(a):                     {ours / bare:7.2f}   (target >= 0.8)")
    print(f"    end to end, documents parsed:      {end_to_end:7.1f} pages/s  ratio {end_to_end / bare:.2f}")
    extract_ours, extract_peer = max(extract_runs), max(peer_runs)
    print(
        f"extraction, one core (ours, all steps): {extract_ours:6.1f} pages/s  (target >= 250)"
        f"  (rounds: {_rates(extract_runs)})"
    )
    ratio = extract_ours / extract_peer
    print(
        f"trafilatura.extract default (peer):     {extract_peer:6.1f} pages/s  ratio {ratio:.2f}"
        f"  (rounds: {_rates(peer_runs)})"
    )
    os.environ.pop("SCRAPY_SETTINGS_MODULE", None)


def _rates(rates: Iterable[float]) -> str:
    return ", ".join(f"{r:.0f}" for r in rates)


if __name__ == "__main__":
    main()
