"""App test fixtures: a warehouse built through the public API from contract records written
here (our own short texts), shared by the AppTest and browser tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

import warehouse
from regintel.contracts import AgencyMention, Document, EntryPoint, Extraction, Fact, Source, make_id

FETCHED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
VERSION = "app-test"

# Our own short texts: two outlets report one seizure; the rest are distinct events.
STORIES: dict[str, tuple[str, str, str, date, str]] = {  # key -> source, lang, title, published, text
    "kz_seizure": ("timesca", "en", "Kazakhstan closes unlicensed crypto exchanges", date(2025, 10, 14),
                   "The Financial Monitoring Agency shut 130 unlicensed crypto exchanges this autumn. "
                   "Investigators seized digital assets worth $16.7 million from their operators."),
    "kz_seizure_again": ("decrypt", "en", "Crypto platforms closed in Kazakhstan", date(2025, 10, 15),
                         "Officials in Astana confirmed that $16.7 million in crypto was confiscated. "
                         "Illegal trading fell by 18% over nine months, the agency added."),
    "sec_judgment": ("sec_us", "en", "Court orders stablecoin issuer to pay", date(2024, 6, 13),
                     "The Securities and Exchange Commission obtained a judgment of $4.47 billion against "
                     "the issuer. The agency filed 583 enforcement actions in the fiscal year."),
    "fca_fine": ("fca_gb", "en", "Digital bank fined over screening gaps", date(2024, 10, 2),
                 "The Financial Conduct Authority fined the bank £28,959,426 for weak sanctions screening. "
                 "The firm had opened accounts for 49,000 high-risk customers."),
    "ardfm_fine": ("kursiv_kz", "ru", "Регулятор оштрафовал банк", date(2025, 3, 11),
                   "Агентство по регулированию финансового рынка оштрафовало банк на 112 млн тенге. "
                   "На устранение нарушений банку дали 90 дней."),
}
# A crawled article that tries to run code in the reader's browser: every part must stay text.
HOSTILE_TITLE = "<script>window.pwned = 'title'</script> Police detain exchange owners"
HOSTILE_TEXT = ("Police detained 12 suspects <img src=x onerror=\"window.pwned='img'\"> at the exchange. "
                "<script>window.pwned = 'text'</script> Read [the ruling](javascript:window.pwned='md') "
                "or <a href=\"javascript:window.pwned='a'\">here</a>.")
HOSTILE_URL = "javascript:window.pwned='url'"
# A statistics release with many counted figures, so the table has more than one page.
CITIES = ("Astana", "Almaty", "Shymkent", "Karaganda", "Aktobe", "Taraz", "Pavlodar", "Oskemen",
          "Semey", "Atyrau", "Kostanay", "Kyzylorda", "Oral", "Petropavl", "Aktau", "Temirtau",
          "Turkistan", "Kokshetau", "Taldykorgan", "Ekibastuz", "Rudny", "Zhezkazgan")

AGENCIES = {
    "timesca": ("afm_kz", "Financial Monitoring Agency", "AFM", "KZ"),
    "decrypt": ("afm_kz", "Financial Monitoring Agency", "AFM", "KZ"),
    "afm_stats": ("afm_kz", "Financial Monitoring Agency", "AFM", "KZ"),
    "sec_us": ("sec_us", "Securities and Exchange Commission", "SEC", "US"),
    "fca_gb": ("fca_gb", "Financial Conduct Authority", "FCA", "GB"),
    "hostile_news": ("fiu_nl", "Financial <b>Intelligence</b> Unit", "FIU", "NL"),
    "kursiv_kz": ("ardfm_kz", "Agency for Regulation and Development of the Financial Market", "ARDFM", "KZ"),
}


def _fact(text: str, surface: str, kind: str, source: str, **fields: object) -> Fact:
    """A Fact pointing at `surface` in `text`, with the sentence around it and the source's agency."""
    start = text.index(surface)
    sentence_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    sentence_end = text.find(". ", start)
    sentence = text[sentence_start:sentence_end + 1 if sentence_end >= 0 else len(text)]
    agency_id, name, acronym, country = AGENCIES[source]
    return Fact(kind=kind, text=surface, start=start, end=start + len(surface), sentence=sentence,
                agency_id=agency_id, agency_name=name, agency_acronym=acronym, country=country,
                extractor_version=VERSION, **fields)  # type: ignore[arg-type]


SEIZED = {"value": 16.7e6, "currency": "USD", "usd": 16.7e6, "usd_basis": "identity", "action": "seizure"}
FACTS: dict[str, list[tuple[str, str, dict[str, object]]]] = {  # story -> (surface, kind, fields)
    "kz_seizure": [
        ("130 unlicensed crypto exchanges", "count", {"value": 130, "unit": "exchange", "action": "shutdown",
                                                      "noun_phrase": "unlicensed crypto exchanges"}),
        ("$16.7 million", "money", SEIZED),
    ],
    "kz_seizure_again": [
        ("$16.7 million", "money", SEIZED),
        ("18%", "percent", {"value": 18, "action": "statistic", "period_start": date(2025, 1, 1),
                            "period_end": date(2025, 9, 30), "period_text": "over nine months"}),
        ("nine months", "duration", {"value": 270, "unit": "month", "action": "statistic"}),
    ],
    "sec_judgment": [
        ("$4.47 billion", "money", {"value": 4.47e9, "currency": "USD", "usd": 4.47e9,
                                    "usd_basis": "identity", "action": "fine"}),
        ("583 enforcement actions", "count", {"value": 583, "unit": "enforcement action",
                                              "action": "statistic"}),
    ],
    "fca_fine": [
        ("£28,959,426", "money", {"value": 28959426, "currency": "GBP", "usd": 36.7e6,
                                  "usd_basis": "rate:test:2024-10-02", "action": "fine"}),
        ("49,000 high-risk customers", "count", {"value": 49000, "unit": "customer", "action": "other"}),
    ],
    "ardfm_fine": [
        ("112 млн тенге", "money", {"value": 112e6, "currency": "KZT", "usd": 224000,
                                    "usd_basis": "rate:test:2025-03-11", "action": "fine"}),
        ("90 дней", "duration", {"value": 90, "unit": "день", "action": "fine"}),
    ],
}


def _stats_story() -> tuple[Document, Extraction]:
    text = " ".join(f"In {city} the agency closed {n} illegal exchange offices."
                    for n, city in enumerate(CITIES, start=3))
    doc = _document("afm_stats", "afm_kz", "en", "Exchange offices closed by region", date(2025, 2, 10), text)
    facts = tuple(_fact(text, f"{n} illegal exchange offices", "count", "afm_stats", value=n,
                        unit="exchange office", action="shutdown")
                  for n, _ in enumerate(CITIES, start=3))
    return doc, Extraction(facts=facts, agencies=())


def _hostile_story() -> tuple[Document, Extraction]:
    doc = replace(_document("hostile", "hostile_news", "en", HOSTILE_TITLE, date(2024, 2, 2), HOSTILE_TEXT),
                  url=HOSTILE_URL)
    fact = _fact(HOSTILE_TEXT, "12 suspects", "count", "hostile_news", value=12, unit="suspect",
                 action="arrest")
    return doc, Extraction(facts=(fact,), agencies=())


def _document(key: str, source: str, lang: str, title: str, published: date, text: str) -> Document:
    return Document(url=f"https://{source}.example/news/{key}", source_id=source, title=title, text=text,
                    lang=lang, published=published, published_raw=published.isoformat(), fetched_at=FETCHED,
                    content_hash=make_id(text), near_dup_key=make_id("dup", key))


def build_warehouse(db: Path) -> int:
    """Create a warehouse with the stories above; returns the number of facts loaded."""
    warehouse.init_db(db)
    sources = {source: AGENCIES[source][3] for source, *_ in STORIES.values()}
    sources["hostile_news"] = "NL"
    warehouse.upsert_sources(db, [
        Source(id=sid, name=sid, publisher_kind="news", country=country, languages=("en", "ru"),
               entry_points=(EntryPoint(kind="feed", url=f"https://{sid}.example/rss"),),
               allowed_domains=(f"{sid}.example",))
        for sid, country in {**sources, "afm_kz": "KZ"}.items()
    ])
    items = []
    for key, (source, lang, title, published, text) in STORIES.items():
        agency_id, name, acronym, country = AGENCIES[source]
        mention = AgencyMention(agency_id=agency_id, name=name, acronym=acronym, country=country,
                                kind="regulator", text=text[4:10], start=4, end=10)
        items.append((_document(key, source, lang, title, published, text),
                      Extraction(facts=tuple(_fact(text, surface, kind, source, **fields)
                                       for surface, kind, fields in FACTS[key]),
                                 agencies=(mention,))))
    items.append(_stats_story())
    items.append(_hostile_story())
    stats = warehouse.load_extractions(db, items)
    assert not stats.rejected, stats.rejected
    return stats.facts


@pytest.fixture(scope="module")
def facts_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    db = tmp_path_factory.mktemp("app") / "regintel.duckdb"
    return db, build_warehouse(db)
