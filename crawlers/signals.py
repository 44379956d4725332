"""Our own Scrapy signals: how the run lifecycle, the store pipeline and the parser meet.

Each component connects to what it needs instead of calling another, so each can be built
and tested alone from a crawler. A crawl sends them in this order:
`run_started` (once, after the run is begun) -> `batch_stored` (after every written batch)
-> `run_ending` (once, after the last batch is stored and before the run is judged).
"""

run_started = object()  # run: CrawlRun, source: Source
batch_stored = object()  # pages: list[Page], the pages of one batch just written to the warehouse
run_ending = object()  # run: CrawlRun; handlers finish their work (awaited) before the run is judged
