"""Sources as maintainers see them: configuration joined with health, and adding one safely.

One data function per view, so `regintel sources` and the app's sources page show the same rows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from regintel.contracts import RegintelError, Source
from regintel.settings import ALLOW_PRIVATE


def load_sources(path: Path | None) -> list[Source]:
    """The sources of a YAML file (the packaged one by default), validated."""
    from crawlers.sources import load_sources as load

    return load(path)


def status_rows(db: Path, sources: list[Source]) -> list[dict[str, Any]]:
    """One row per configured source, with its warehouse status when the warehouse exists."""
    status = {}
    if db.is_file():
        import warehouse

        status = {s.source_id: s for s in warehouse.source_status(db)}
    rows = []
    for source in sources:
        st = status.get(source.id)
        rows.append(
            {
                "id": source.id,
                "name": source.name,
                "publisher_kind": source.publisher_kind,
                "country": source.country,
                "languages": list(source.languages),
                "enabled": source.enabled,
                "entry_points": len(source.entry_points),
                "schedule": source.schedule,
                "min_items": source.min_items,
                "status": (st.last_status if st and st.last_status else "never run"),
                "last_run": st.last_started.isoformat() if st and st.last_started else None,
                "last_message": st.last_message if st else None,
                "documents": st.documents if st else 0,
                "pages": st.pages if st else 0,
                "pending": st.pending if st else 0,
                "issues_last_run": st.issues_last_run if st else 0,
                "last_published": st.last_published.isoformat() if st and st.last_published else None,
            }
        )
    return rows



def add_source(
    file: Path, source_id: str, entry: dict[str, Any], fields: dict[str, Any], *, allow_private: bool
) -> tuple[Source, int]:
    """Add a source to a user sources file (created if missing), validated before it is written.

    URLs whose host is or resolves to a private, loopback, link-local, multicast or reserved
    address are refused unless `allow_private` (which the source then carries for its crawls).
    Returns the source and how many the file now holds."""
    from crawlers.middlewares.guard import private_reason
    from crawlers.sources import dump_sources, parse_source

    existing = load_sources(file) if file.is_file() else []
    if any(s.id == source_id for s in existing):
        raise RegintelError(f"source {source_id!r} already exists in {file}; choose another id")
    url = entry["url"]
    host = urlsplit(url).hostname or ""
    raw = {"id": source_id, **fields, "entry_points": [entry], "allowed_domains": [host]}
    source = parse_source(raw, file, len(existing))
    reason = private_reason(host)
    if reason and not allow_private:
        raise RegintelError(f"refused URL {url!r}: {reason}; pass --allow-private to crawl it anyway")
    if reason:
        source = parse_source({**raw, "politeness": {ALLOW_PRIVATE.name: True}}, file, len(existing))
    dump_sources([*existing, source], file)
    return source, len(existing) + 1
