"""Watchlists: a saved search with a name and channels; after each processing run, the facts
that match it and are new to it are delivered once, as one digest per watchlist.

A fact is new to a watchlist when it was first seen after the watchlist was made and has not
been delivered to it (`watch_hits`). Matching is the search itself (`warehouse.search` on the
saved Query, newest first), so a watchlist finds exactly what `regintel search` would. Each
check pages through all current matches: fine for focused watchlists; a broad one over a big
warehouse would want a first-seen filter in the search (not in this wave).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from regintel.contracts import RegintelError
from regintel.operations.channels import AlertConfig

logger = logging.getLogger("regintel.watch")
_DATES = ("published_from", "published_to", "period_from", "period_to")
_PAGE = 1000
DIGEST_LINES = 50  # facts listed in a digest's text (the webhook payload carries them all)


def saved_query(query: Any) -> dict[str, object]:
    """A Query as JSON-ready fields (paging, sort and facets are not part of a watchlist)."""
    data = dataclasses.asdict(query)
    for key in ("page", "page_size", "facets", "sort"):
        data.pop(key, None)
    return {k: (v.isoformat() if isinstance(v, date) else list(v) if isinstance(v, tuple) else v)
            for k, v in data.items()}


def load_query(data: dict[str, object], page: int) -> Any:
    from warehouse import Query

    fields = {k: (date.fromisoformat(str(v)) if k in _DATES and v else v) for k, v in data.items()}
    return Query(**fields, sort="date", page=page, page_size=_PAGE)


def _amount(row: dict[str, Any]) -> str:
    if row.get("usd") is not None:
        return f"USD {row['usd']:,.0f}"
    if row.get("value") is not None:
        return f"{row.get('currency') or ''} {row['value']:,.0f} {row.get('unit') or ''}".strip()
    return row.get("text") or ""


@dataclass(frozen=True, slots=True)
class Digest:
    """One watchlist's new facts, told to its channels once."""

    name: str
    rows: tuple[dict[str, Any], ...]
    event: str = "watch"

    @property
    def key(self) -> str:
        return f"watch:{self.name}"

    @property
    def urgent(self) -> bool:
        return False

    def subject(self) -> str:
        return f"[regintel] watchlist {self.name}: {len(self.rows)} new fact(s)"

    def lines(self) -> list[str]:
        return [f"- {r['sentence']} | {_amount(r)} | {r.get('agency_name') or r.get('agency_acronym') or '-'}"
                f" | {r['doc_url']}" for r in self.rows]

    def text(self) -> str:
        lines = self.lines()
        more = [f"... and {len(lines) - DIGEST_LINES} more"] if len(lines) > DIGEST_LINES else []
        return "\n".join([self.subject(), *lines[:DIGEST_LINES], *more])

    def payload(self) -> dict[str, object]:
        keep = ("fact_id", "kind", "sentence", "text", "value", "currency", "usd", "action", "agency_name",
                "agency_acronym", "source_id", "published", "doc_title", "doc_url")
        facts = [{k: (r.get(k).isoformat() if isinstance(r.get(k), date | datetime) else r.get(k))
                  for k in keep} for r in self.rows]
        return {"text": self.text(), "event": self.event, "watchlist": self.name, "facts": facts}


def new_matches(db: Path, watch: Any) -> list[dict[str, Any]]:
    """Facts matching the watchlist, first seen after it was made, not yet delivered to it."""
    import warehouse

    delivered = warehouse.delivered_facts(db, watch.name)
    found: list[dict[str, Any]] = []
    page = 1
    while True:
        result = warehouse.search(db, load_query(watch.query, page))
        found += [r for r in result.rows
                  if r["fact_id"] not in delivered and r["first_seen"] > watch.created_at]
        if page * _PAGE >= result.total or not result.rows:
            return found
        page += 1


def channels_for(name: str, channels: Sequence[str], config: AlertConfig) -> AlertConfig:
    """The alert config narrowed to a watchlist's channels; an unknown one is a one-line error."""
    chosen = tuple(c for c in config.channels if c.name in channels)
    missing = sorted(set(channels) - {c.name for c in chosen})
    if missing:
        known = ", ".join(c.name for c in config.channels)
        raise RegintelError(f"watchlist {name!r}: unknown channel {missing[0]!r}; known: {known}")
    return dataclasses.replace(config, channels=chosen)


def run_watchlists(db: Path, config: AlertConfig, names: list[str] | None = None) -> list[Digest]:
    """Check every watchlist (or the named ones): deliver one digest each with new facts, record them."""
    import warehouse
    from regintel.operations.delivery import deliver

    digests = []
    for watch in warehouse.watchlists(db):
        if names and watch.name not in names:
            continue
        try:
            channels = channels_for(watch.name, watch.channels, config)
        except RegintelError as err:  # the alerts file changed since: skip it, keep the others going
            logger.error("%s", err)
            continue
        rows = new_matches(db, watch)
        if rows:
            digest = Digest(watch.name, tuple(rows))
            deliver(db, [digest], channels)
            digests.append(digest)
        warehouse.record_hits(db, watch.name, [r["fact_id"] for r in rows])
    return digests
