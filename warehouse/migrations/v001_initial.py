"""Version 1: crawl state, raw pages, documents, facts, agencies, people and fact clusters.

Large tables (pages, documents, facts, agency_mentions) carry no PRIMARY KEY: DuckDB's ART
indexes slow bulk loads, and the loaders keep ids unique by replacing whole documents.
"""

from __future__ import annotations

import duckdb

DDL = """
CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMPTZ NOT NULL);

CREATE TABLE sources (
    source_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, publisher_kind VARCHAR, country VARCHAR,
    languages VARCHAR[], enabled BOOLEAN NOT NULL, config JSON, updated_at TIMESTAMPTZ NOT NULL);

CREATE TABLE crawl_runs (
    run_id VARCHAR PRIMARY KEY, source_id VARCHAR NOT NULL, started_at TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ, status VARCHAR NOT NULL, stats JSON, message VARCHAR);

CREATE TABLE crawl_issues (
    url VARCHAR NOT NULL, source_id VARCHAR NOT NULL, run_id VARCHAR, reason VARCHAR NOT NULL,
    detail VARCHAR, "at" TIMESTAMPTZ NOT NULL);

CREATE TABLE frontier (
    source_id VARCHAR NOT NULL, url VARCHAR NOT NULL, depth INTEGER NOT NULL,
    added_at TIMESTAMPTZ NOT NULL, done_at TIMESTAMPTZ, PRIMARY KEY (source_id, url));

CREATE TABLE pages (
    page_id VARCHAR NOT NULL, url VARCHAR NOT NULL, requested_url VARCHAR, source_id VARCHAR NOT NULL,
    run_id VARCHAR, fetched_at TIMESTAMPTZ NOT NULL, status INTEGER, headers MAP(VARCHAR, VARCHAR),
    content_type VARCHAR, body_gz BLOB, etag VARCHAR, last_modified VARCHAR);

CREATE TABLE documents (
    doc_id VARCHAR NOT NULL, url VARCHAR NOT NULL, source_id VARCHAR NOT NULL, title VARCHAR,
    text VARCHAR, lang VARCHAR, published DATE, published_raw VARCHAR, fetched_at TIMESTAMPTZ,
    content_hash VARCHAR, near_dup_key VARCHAR, content_type VARCHAR,
    first_seen TIMESTAMPTZ NOT NULL, last_seen TIMESTAMPTZ NOT NULL);

CREATE TABLE extractions (
    doc_id VARCHAR NOT NULL, extractor_version VARCHAR, content_hash VARCHAR,
    extracted_at TIMESTAMPTZ NOT NULL, facts INTEGER NOT NULL);

CREATE TABLE facts (
    fact_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, source_id VARCHAR NOT NULL, published DATE,
    lang VARCHAR,
    kind VARCHAR NOT NULL CHECK (kind IN ('money', 'count', 'duration', 'percent', 'person', 'period')),
    text VARCHAR, start INTEGER NOT NULL CHECK (start >= 0), "end" INTEGER NOT NULL, sentence VARCHAR,
    value DOUBLE, value_max DOUBLE, qualifier VARCHAR, unit VARCHAR, noun_phrase VARCHAR,
    currency VARCHAR, usd DOUBLE, usd_basis VARCHAR, restates BOOLEAN, action VARCHAR,
    agency_id VARCHAR, agency_name VARCHAR, agency_acronym VARCHAR, country VARCHAR,
    person VARCHAR, role VARCHAR, period_start DATE, period_end DATE, period_text VARCHAR,
    confidence FLOAT, extractor_version VARCHAR,
    first_seen TIMESTAMPTZ NOT NULL, last_seen TIMESTAMPTZ NOT NULL, cluster_id VARCHAR,
    CHECK ("end" >= start));

CREATE TABLE agencies (
    agency_id VARCHAR PRIMARY KEY, name VARCHAR, acronym VARCHAR, country VARCHAR, kind VARCHAR,
    learned BOOLEAN NOT NULL, first_seen TIMESTAMPTZ NOT NULL, last_seen TIMESTAMPTZ NOT NULL);

CREATE TABLE agency_mentions (
    doc_id VARCHAR NOT NULL, agency_id VARCHAR NOT NULL, text VARCHAR, start INTEGER, "end" INTEGER);

CREATE TABLE people (
    doc_id VARCHAR NOT NULL, fact_id VARCHAR NOT NULL, name VARCHAR NOT NULL, role VARCHAR,
    agency_id VARCHAR);

CREATE TABLE fact_clusters (
    cluster_id VARCHAR PRIMARY KEY, kind VARCHAR, action VARCHAR, agency_key VARCHAR,
    facts INTEGER NOT NULL, corroboration INTEGER NOT NULL, sources VARCHAR[], conflict BOOLEAN NOT NULL,
    usd_min DOUBLE, usd_max DOUBLE, first_published DATE, last_published DATE);
"""


def upgrade(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(DDL)
