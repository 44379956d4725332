"""Crawl operations: the scheduler service, per-source locks, its heartbeat, monitors and alerts.

`scheduler` starts each due source as a `worker` process (crawl, process, watchlists, monitors,
alert delivery) holding that source's `locks` lock; `monitors` judge every finished run against
`thresholds`, alerts are recorded in the warehouse and `delivery` tells the `channels`; `watch`
delivers each watchlist's new matching facts once.
"""
