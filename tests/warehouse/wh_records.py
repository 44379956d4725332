"""Builders of contract records for warehouse tests (imported as a plain module by the tests)."""

from __future__ import annotations

import gzip
from datetime import UTC, date, datetime

from regintel.contracts import AgencyMention, Document, EntryPoint, Extraction, Fact, Page, Source, make_id

FETCHED = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def make_source(source_id: str = "afm_kz", country: str = "KZ") -> Source:
    return Source(
        id=source_id, name=f"Source {source_id}", publisher_kind="official", country=country,
        languages=("ru", "en"), entry_points=(EntryPoint(kind="feed", url=f"https://{source_id}.test/rss"),),
        allowed_domains=(f"{source_id}.test",),
    )


def make_page(url: str, source_id: str = "afm_kz", run_id: str = "r1", etag: str | None = '"v1"',
              body: str = "<html>hello</html>") -> Page:
    return Page(url=url, source_id=source_id, run_id=run_id, fetched_at=FETCHED, status=200,
                headers={"content-type": "text/html"}, content_type="text/html",
                body_gz=gzip.compress(body.encode()), requested_url=url, etag=etag,
                last_modified="Sat, 01 Mar 2025 10:00:00 GMT")


def make_doc(url: str, text: str, *, title: str = "A title", source_id: str = "afm_kz", lang: str = "en",
             published: date | None = date(2025, 2, 20), near_dup_key: str | None = None) -> Document:
    return Document(url=url, source_id=source_id, title=title, text=text, lang=lang, published=published,
                    published_raw=published.isoformat() if published else None, fetched_at=FETCHED,
                    content_hash=make_id(text), near_dup_key=near_dup_key or make_id("dup", url))


# Two outlets reporting one enforcement story in their own words and currencies (our own text).
STORY_A = (
    "Kazakhstan's Financial Monitoring Agency said on Tuesday it had uncovered 81 underground cash-out "
    "groups whose combined turnover reached 24 billion tenge (about $43 million). The agency also closed "
    "130 unregistered crypto exchanges and seized digital assets worth $16.7 million."
)
STORY_B = (
    "Investigators in Astana confirmed that $16.7 million in virtual currency had been confiscated after "
    "130 illegal exchanges were shut. They exposed 81 shadow-banking groups that moved KZT 24 billion, "
    "equal to $51.36 million at the official rate."
)
EXTRACTOR = "test-1"


def fact(text: str, surface: str, kind: str, value: float, *, occurrence: int = 0, **fields: object) -> Fact:
    """A Fact whose offsets point at `surface` in `text` (its `occurrence`-th appearance)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    end = start + len(surface)
    sentence_start = text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0
    sentence_end = text.find(". ", end)
    sentence = text[sentence_start: sentence_end + 1 if sentence_end >= 0 else len(text)]
    return Fact(kind=kind, text=surface, start=start, end=end, sentence=sentence, value=value,
                extractor_version=EXTRACTOR, country="KZ", **fields)


AFM = AgencyMention(agency_id="afm_kz", name="Financial Monitoring Agency", acronym="AFM", country="KZ",
                    kind="law_enforcement", text="Financial Monitoring Agency", start=15, end=42)


def story_a() -> Extraction:
    t = STORY_A
    return Extraction(facts=(
        fact(t, "24 billion tenge", "money", 24e9, currency="KZT", usd=43e6, usd_basis="stated",
             action="detection", agency_id="afm_kz", agency_name=AFM.name, agency_acronym="AFM"),
        fact(t, "$43 million", "money", 43e6, currency="USD", usd=43e6, usd_basis="identity", restates=True,
             action="detection", agency_id="afm_kz"),
        fact(t, "81 underground cash-out groups", "count", 81, unit="group", action="detection",
             agency_id="afm_kz", agency_name=AFM.name, agency_acronym="AFM"),
        fact(t, "130 unregistered crypto exchanges", "count", 130, unit="exchange", action="shutdown",
             agency_id="afm_kz", agency_name=AFM.name, agency_acronym="AFM"),
        fact(t, "$16.7 million", "money", 16.7e6, currency="USD", usd=16.7e6, usd_basis="identity",
             action="seizure", agency_id="afm_kz", agency_name=AFM.name, agency_acronym="AFM"),
    ), agencies=(AFM,))


def story_b() -> Extraction:
    t = STORY_B
    return Extraction(facts=(
        fact(t, "$16.7 million", "money", 16.7e6, currency="USD", usd=16.7e6, usd_basis="identity",
             action="seizure"),
        fact(t, "130 illegal exchanges", "count", 130, unit="exchange", action="shutdown"),
        fact(t, "81 shadow-banking groups", "count", 81, unit="group", action="detection"),
        fact(t, "KZT 24 billion", "money", 24e9, currency="KZT", usd=51.36e6, usd_basis="rate:nbk:2025-02-18",
             action="detection"),
    ), agencies=())
