"""Version 8: crawl operations — schedule overrides, monitor checks, alerts, deliveries, watchlists.

`schedule_overrides` holds what `regintel schedule set|pause|resume` changed (the sources file
stays the user's). `run_checks` keeps, per finished run, the numbers the monitors judged (items,
documents, facts per document, block rate) and how the run was triggered, so a trailing median
reads back what earlier runs measured. `alerts` holds one row per breach episode: one open row
per (source, rule) while the rule stays broken (`resolved_at` NULL), updated on each failing run
and resolved by a healthy one. `alert_deliveries` records each attempt to tell a channel.
`watchlists` holds saved searches (a Query as JSON) with their channels and creation time (facts
first seen earlier are not news to them); `watch_hits` records each fact delivered to each, so a
fact reaches a watchlist at most once.
"""

from __future__ import annotations

import duckdb

DDL = """
CREATE TABLE schedule_overrides (
    source_id VARCHAR PRIMARY KEY, cron VARCHAR, paused BOOLEAN NOT NULL, updated_at TIMESTAMPTZ NOT NULL);

CREATE TABLE run_checks (
    run_id VARCHAR PRIMARY KEY, source_id VARCHAR NOT NULL, trigger VARCHAR NOT NULL,
    status VARCHAR NOT NULL, items INTEGER, documents INTEGER, facts INTEGER,
    facts_per_document DOUBLE, block_rate DOUBLE, checked_at TIMESTAMPTZ NOT NULL);

CREATE TABLE alerts (
    alert_id VARCHAR PRIMARY KEY, source_id VARCHAR NOT NULL, rule VARCHAR NOT NULL,
    severity VARCHAR NOT NULL, run_id VARCHAR, message VARCHAR NOT NULL,
    first_seen TIMESTAMPTZ NOT NULL, last_seen TIMESTAMPTZ NOT NULL, occurrences INTEGER NOT NULL,
    resolved_at TIMESTAMPTZ, acked_at TIMESTAMPTZ);

CREATE TABLE alert_deliveries (
    alert_id VARCHAR NOT NULL, event VARCHAR NOT NULL, channel VARCHAR NOT NULL,
    attempts INTEGER NOT NULL, ok BOOLEAN NOT NULL, error VARCHAR, "at" TIMESTAMPTZ NOT NULL);

CREATE TABLE watchlists (
    name VARCHAR PRIMARY KEY, query JSON NOT NULL, channels VARCHAR[] NOT NULL,
    created_at TIMESTAMPTZ NOT NULL, checked_at TIMESTAMPTZ);

CREATE TABLE watch_hits (
    name VARCHAR NOT NULL, fact_id VARCHAR NOT NULL, delivered_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (name, fact_id));
"""


def upgrade(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(DDL)
