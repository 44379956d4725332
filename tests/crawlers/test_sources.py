"""crawlers/sources.py: the packaged sources.yaml loads; bad configs fail with one precise line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from crawlers.sources import dump_sources, find_source, load_sources
from regintel.contracts import RegintelError

GOOD = {
    "id": "demo_src",
    "name": "Demo",
    "publisher_kind": "official",
    "country": "KZ",
    "languages": ["ru"],
    "entry_points": [{"kind": "feed", "url": "https://example.kz/rss"}],
    "allowed_domains": ["example.kz"],
}


def _write(tmp_path: Path, **changes: object) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump({"sources": [{**GOOD, **changes}]}), encoding="utf-8")
    return path


def test_packaged_sources_cover_the_required_publishers() -> None:
    sources = load_sources()
    ids = {s.id for s in sources}
    assert len(sources) >= 15
    assert {
        "afm_kz",
        "afsa_aifc",
        "nbk_kz",
        "ardfm_kz",
        "timesca",
        "astanatimes",
        "kursiv_kz",
        "decrypt",
        "sec_us",
        "cftc_us",
        "ofac_us",
        "fincen_us",
        "fca_gb",
    } <= ids
    afm = find_source(sources, "afm_kz")
    assert set(afm.languages) == {"ru", "kk", "en"} and afm.entry_points[0].kind == "listing"
    assert {e.kind for s in sources for e in s.entry_points} == {"feed", "sitemap", "listing"}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"publisher_kind": "blog"}, "source 'demo_src': bad publisher_kind 'blog'; allowed: official, news"),
        (
            {"entry_points": [{"kind": "atom", "url": "https://example.kz/a"}]},
            "bad entry_points[0].kind 'atom'",
        ),
        (
            {"entry_points": [{"kind": "listing", "url": "https://example.kz/"}]},
            "a listing needs a CSS selector",
        ),
        (
            {"entry_points": [{"kind": "feed", "url": "https://other.kz/rss"}]},
            "must cover the entry point host",
        ),
        ({"include": ["(unclosed"]}, "bad include '(unclosed'"),
        ({"schedule": "every hour"}, "bad schedule 'every hour'"),
        ({"politeness": {"ROBOTSTXT_OBEY": False}}, "bad politeness key 'ROBOTSTXT_OBEY'"),
        ({"languages": ["russian"]}, "bad languages 'russian'"),
        ({"colour": "red"}, "bad key 'colour'"),
        ({"min_items": -1}, "bad min_items -1"),
        (
            {"entry_points": [{"kind": "listing", "url": "https://example.kz/", "link_selector": "a[["}]},
            "bad entry_points[0].link_selector 'a[['",
        ),
    ],
)
def test_bad_config_is_one_precise_line(tmp_path: Path, changes: dict, message: str) -> None:
    with pytest.raises(RegintelError) as err:
        load_sources(_write(tmp_path, **changes))
    assert message in str(err.value)
    assert "\n" not in str(err.value) and str(err.value).startswith("s.yaml")


def test_duplicates_missing_file_and_unknown_id(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text(yaml.safe_dump([GOOD, GOOD]), encoding="utf-8")
    with pytest.raises(RegintelError, match="duplicate source id 'demo_src'"):
        load_sources(path)
    with pytest.raises(RegintelError, match="sources file not found"):
        load_sources(tmp_path / "nope.yaml")
    with pytest.raises(RegintelError, match="unknown source 'x'; known: afm_kz"):
        find_source(load_sources(), "x")


def test_dump_then_load_round_trips(tmp_path: Path) -> None:
    sources = load_sources()
    dump_sources(sources, tmp_path / "copy.yaml")
    assert load_sources(tmp_path / "copy.yaml") == sources
