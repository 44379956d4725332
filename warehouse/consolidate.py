"""Cross-source consolidation: facts from different documents that report the same thing.

Two facts match when they have the same kind, action and country, compatible agencies (equal,
or one unknown), publication dates within `window_days`, and the same figure: equal currency
(or count unit) and value within `value_tolerance`, or, across currencies, USD equivalents
within `usd_tolerance` (outlets convert at different rates).
Matches are joined transitively into clusters. Corroboration counts distinct stories (reprints
sharing a `near_dup_key` count once); USD figures further apart than `conflict_tolerance`
inside a cluster flag a conflict. Candidate pairs are blocked by a log-scale amount bucket and
a `window_days` period (each with its neighbours), so the self-join stays near-linear; facts
without a publication date only match each other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb
import pyarrow as pa
import yaml

from regintel.contracts import make_id
from warehouse import generation
from warehouse.schema import writer

_CLUSTER_NODE = "cluster:"
SETTINGS_FILE = Path(__file__).with_name("consolidation.yaml")


@dataclass(frozen=True, slots=True)
class Settings:
    kinds: tuple[str, ...]
    usd_tolerance: float
    value_tolerance: float
    window_days: int
    conflict_tolerance: float


@cache
def settings() -> Settings:
    raw = yaml.safe_load(SETTINGS_FILE.read_text(encoding="utf-8"))
    return Settings(kinds=tuple(raw["kinds"]), usd_tolerance=float(raw["usd_tolerance"]),
                    value_tolerance=float(raw["value_tolerance"]), window_days=int(raw["window_days"]),
                    conflict_tolerance=float(raw["conflict_tolerance"]))


def _pairs_sql(cfg: Settings) -> str:
    step = math.log1p(cfg.usd_tolerance)
    return f"""
    WITH cand AS (
        SELECT f.fact_id, f.doc_id, f.kind, coalesce(f.action, '') AS action, f.agency_id,
               coalesce(f.country, s.country) AS country, f.value, f.currency, f.unit, f.usd,
               f.published AS day,
               floor(ln(greatest(coalesce(f.usd, f.value), 1e-9)) / {step})::BIGINT AS bucket,
               coalesce(floor(epoch(f.published) / 86400 / {cfg.window_days})::BIGINT, -1) AS period
        FROM facts f LEFT JOIN sources s USING (source_id)
        WHERE list_contains($kinds, f.kind) AND f.value IS NOT NULL AND f.value > 0
              AND NOT coalesce(f.restates, false) AND coalesce(f.country, s.country) IS NOT NULL),
    near AS (SELECT *, unnest([bucket - 1, bucket, bucket + 1]) AS near_bucket FROM cand),
    nearer AS (SELECT *, unnest(CASE WHEN period < 0 THEN [period] ELSE [period - 1, period, period + 1] END)
                         AS near_period FROM near)
    SELECT a.fact_id, b.fact_id
    FROM (SELECT * FROM cand WHERE fact_id IN (SELECT fact_id FROM _seeds)) a JOIN nearer b
      ON a.kind = b.kind AND a.action = b.action AND a.country = b.country AND a.bucket = b.near_bucket
         AND a.period = b.near_period AND a.doc_id <> b.doc_id
    WHERE (a.agency_id IS NULL OR b.agency_id IS NULL OR a.agency_id = b.agency_id)
      AND (a.day IS NULL OR abs(a.day - b.day) <= {cfg.window_days})
      AND ((a.currency IS NOT DISTINCT FROM b.currency AND a.unit IS NOT DISTINCT FROM b.unit
            AND abs(a.value - b.value) <= {cfg.value_tolerance} * greatest(a.value, b.value))
           OR (a.currency <> b.currency
               AND abs(a.usd - b.usd) <= {cfg.usd_tolerance} * greatest(a.usd, b.usd)))"""


def _components(edges: list[tuple[str, str]]) -> dict[str, str]:
    """fact_id -> cluster_id by union-find; nodes `cluster:<id>` stand for existing clusters.

    A cluster's id hashes its smallest fact id, so incremental and full runs agree.
    """
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for node in parent:
        if not node.startswith(_CLUSTER_NODE):
            groups.setdefault(root(node), []).append(node)
    return {fact: make_id("cluster", min(facts)) for facts in groups.values() for fact in facts}


def refresh(con: duckdb.DuckDBPyConnection, old_clusters: list[str]) -> int:
    """Re-cluster the facts in temp table `_seeds` (just loaded, or members of `old_clusters`,
    which are dissolved) against all facts, inside the caller's transaction.

    Clusters that a seed joins are merged whole. Returns the number of clusters written.
    """
    generation.bump(con)
    cfg = settings()
    pairs = con.execute(_pairs_sql(cfg), {"kinds": list(cfg.kinds)}).fetchall()
    partners = sorted({b for _, b in pairs})
    existing = con.execute("""
        SELECT fact_id, cluster_id FROM fact_rows
        WHERE cluster_id IN (SELECT cluster_id FROM fact_rows WHERE fact_id IN (SELECT unnest($partners)))
          AND fact_id NOT IN (SELECT fact_id FROM _seeds)""", {"partners": partners}).fetchall()
    members = _components(pairs + [(fact, _CLUSTER_NODE + cluster) for fact, cluster in existing])
    dissolved = sorted(set(old_clusters) | {cluster for _, cluster in existing})
    con.execute("DELETE FROM fact_clusters WHERE cluster_id IN (SELECT unnest($ids))", {"ids": dissolved})
    con.execute("""UPDATE fact_rows SET cluster_id = NULL
                   WHERE cluster_id IS NOT NULL AND fact_id IN (SELECT fact_id FROM _seeds)""")
    if not members:
        return 0
    con.register("member_rows", pa.table({"fact_id": list(members), "cluster_id": list(members.values())}))
    con.execute("""UPDATE fact_rows f SET cluster_id = m.cluster_id FROM member_rows m
                   WHERE f.fact_id = m.fact_id AND f.cluster_id IS DISTINCT FROM m.cluster_id""")
    con.execute(f"""
        INSERT INTO fact_clusters
        SELECT f.cluster_id, any_value(f.kind), any_value(f.action),
               coalesce(max(f.agency_id), 'country:' || any_value(coalesce(f.country, s.country))),
               count(*), count(DISTINCT coalesce(nullif(d.near_dup_key, ''), d.doc_id)),
               list_sort(list(DISTINCT f.source_id)),
               coalesce(max(f.usd) - min(f.usd) > {cfg.conflict_tolerance} * max(f.usd), false),
               min(f.usd), max(f.usd), min(f.published), max(f.published)
        FROM facts f JOIN documents d USING (doc_id) LEFT JOIN sources s ON s.source_id = f.source_id
        WHERE f.cluster_id IN (SELECT DISTINCT cluster_id FROM member_rows) GROUP BY f.cluster_id""")
    con.unregister("member_rows")
    return len(set(members.values()))


def consolidate(db: Path) -> int:
    """Re-cluster every fact in one write transaction (maintenance; loads refresh incrementally)."""
    with writer(db) as con:
        con.execute("CREATE OR REPLACE TEMP TABLE _seeds AS SELECT fact_id FROM fact_rows")
        old = [r[0] for r in con.execute("SELECT cluster_id FROM fact_clusters").fetchall()]
        return refresh(con, old)
