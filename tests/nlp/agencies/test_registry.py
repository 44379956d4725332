"""The shipped agency registry: every entry complete, acronyms unambiguous per country, patterns build."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
import spacy
import yaml

from nlp.agencies.registry import DATA_DIR, KINDS, default_registry, load_registry
from regintel.contracts import RegintelError

RAW = [
    entry
    for path in sorted((DATA_DIR / "registry").glob("*.yaml"))
    for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]
]


def test_registry_is_large_and_covers_the_required_jurisdictions() -> None:
    countries = Counter(entry["country"] for entry in RAW)
    assert len(RAW) >= 200
    for code in (
        "KZ",
        "UZ",
        "KG",
        "RU",
        "US",
        "GB",
        "EU",
        "INT",
        "NL",
        "IT",
        "ES",
        "JP",
        "KR",
        "ZA",
        "KE",
        "PH",
        "TR",
        "IN",
        "SG",
        "AU",
        "HK",
        "AE",
        "NG",
        "DE",
        "FR",
        "CH",
    ):
        assert countries[code] >= 3, code
    assert countries["KZ"] >= 20


@pytest.mark.parametrize("entry", RAW, ids=[e["id"] for e in RAW])
def test_entry_has_name_country_kind_and_provenance(entry: dict) -> None:
    assert entry["name"].strip()
    assert entry["country"] in ("EU", "INT") or (len(entry["country"]) == 2 and entry["country"].isupper())
    assert entry["kind"] in KINDS
    assert str(entry["source"]).startswith(("http://", "https://"))
    assert entry["retrieved"]


def test_no_acronym_names_two_bodies_of_one_country() -> None:
    seen = Counter(
        (entry["country"], acronym)
        for entry in RAW
        for acronym in {*(entry.get("acronyms") or []), *([entry["acronym"]] if entry.get("acronym") else [])}
    )
    assert [key for key, n in seen.items() if n > 1] == []


def test_patterns_compile_for_english_and_russian() -> None:
    for lang in ("en", "ru"):
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("regintel_agencies")
        doc = nlp("Test.")
        assert list(doc.spans["agencies"]) == []


def test_russian_names_are_matched_in_every_case() -> None:
    registry = load_registry()
    for form in (
        "агентство по финансовому мониторингу",
        "агентством по финансовому мониторингу",
        "государственного комитета национальной безопасности",
        "банка россии",
    ):
        assert registry.names[form], form


def test_bad_entry_is_one_precise_error(tmp_path: Path) -> None:
    shutil.copytree(DATA_DIR, tmp_path / "agencies")
    bad = tmp_path / "agencies" / "registry" / "zz.yaml"
    bad.write_text(
        "entries:\n  - {id: zz-x, name: X Agency, country: Atlantis, kind: regulator, "
        "source: https://x.example, retrieved: 2026-01-01}\n",
        encoding="utf-8",
    )
    with pytest.raises(RegintelError, match="country 'Atlantis'; allowed: ISO 3166"):
        load_registry(tmp_path / "agencies")


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ("id: zz-sec, name: Second Exchange Commission, acronyms: [SEC]", "acronym 'SEC'"),  # twice in US
        ("id: zz-x, name: X Agency, acronyms: [XA], default_for: [SEC]", r"default_for \['SEC'\]"),
    ],
)
def test_acronym_clashes_are_refused(tmp_path: Path, fields: str, error: str) -> None:
    shutil.copytree(DATA_DIR, tmp_path / "agencies")
    (tmp_path / "agencies" / "registry" / "zz.yaml").write_text(
        f"entries:\n  - {{{fields}, country: US, kind: regulator, source: https://x.example, "
        "retrieved: 2026-01-01}\n",
        encoding="utf-8",
    )
    with pytest.raises(RegintelError, match=error):
        load_registry(tmp_path / "agencies")


def test_every_shared_acronym_has_at_most_one_default_reading() -> None:
    for acronym, aliases in default_registry().acronyms.items():
        assert sum(a.default for a in aliases) <= 1, acronym
