"""Crawl operations: the scheduler service, per-source locks, its heartbeat, monitors and alerts.

`scheduler` starts each due source as a `worker` process (crawl, process, monitors, alert
delivery) holding that source's `locks` lock; `monitors` judge every finished run against
`thresholds`, record alerts in the warehouse and `delivery` tells the `channels`.
"""
