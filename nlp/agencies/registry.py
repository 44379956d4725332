"""The agency registry: public bodies as data (nlp/data/agencies/), loaded, validated and indexed.

Each registry file holds `entries` with a canonical English name, acronyms, aliases per language, `local`
names that identify the body only in a document about its country ("Ministry of Finance"), country, kind
and provenance. `countries.yaml` maps country names to ISO codes; `shapes.yaml` describes unknown bodies
and the negatives (outlets, companies, generic references).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from nlp.inflection import case_forms
from nlp.lexicons import DATA_DIR as LEXICONS_DIR
from regintel.contracts import RegintelError

DATA_DIR = LEXICONS_DIR / "agencies"
KINDS = frozenset(
    {
        "regulator",
        "central_bank",
        "ministry",
        "court",
        "law_enforcement",
        "tax",
        "customs",
        "legislature",
        "intergovernmental",
        "prosecutor",
        "anti_corruption",
        "fiu",
        "security_service",
        "sanctions",
        "audit",
        "statistics",
        "government",
    }
)
REQUIRED = ("id", "name", "country", "kind", "source", "retrieved")
_COUNTRY = re.compile(r"^(?:[A-Z]{2}|EU|INT)$")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Entry:
    """One real body."""

    id: str
    name: str
    acronym: str | None
    country: str
    kind: str
    source: str


@dataclass(frozen=True, slots=True)
class Alias:
    """A way a body is written: `local` ones need the document to be about the body's country;
    a `default` one is the reading of a shared acronym when the document names no country."""

    entry_id: str
    local: bool
    default: bool = False


@dataclass
class Registry:
    """Entries plus the surface forms to match, keyed by the form (lower-cased names, exact acronyms)."""

    entries: dict[str, Entry]
    names: dict[str, list[Alias]] = field(default_factory=lambda: defaultdict(list))
    acronyms: dict[str, list[Alias]] = field(default_factory=lambda: defaultdict(list))
    countries: dict[str, str] = field(default_factory=dict)  # surface (exact) -> ISO code
    shapes: dict[str, Any] = field(default_factory=dict)

    def central_bank(self, country: str | None) -> Entry | None:
        """The registry's central bank of a country (what "the National Bank" means in its news)."""
        for entry in self.entries.values():
            if entry.country == country and entry.kind == "central_bank":
                return entry
        return None


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RegintelError(f"agency registry {path}: invalid YAML ({exc.__class__.__name__})") from exc
    if not isinstance(data, dict):
        raise RegintelError(
            f"agency registry {path}: expected a mapping at the top, got {type(data).__name__}"
        )
    return data


def _check(raw: dict[str, Any], path: Path) -> None:
    acronyms = {*(raw.get("acronyms") or []), raw.get("acronym")}
    stray = [a for a in raw.get("default_for") or [] if a not in acronyms]
    if stray:
        raise RegintelError(
            f"agency registry {path}: entry {raw.get('id')!r} has default_for {stray!r}, "
            "which are not among its acronyms"
        )
    missing = [k for k in REQUIRED if not raw.get(k)]
    if missing:
        raise RegintelError(f"agency registry {path}: entry {raw.get('id')!r} lacks {', '.join(missing)}")
    if not _COUNTRY.match(str(raw["country"])):
        raise RegintelError(
            f"agency registry {path}: entry {raw['id']!r} has country {raw['country']!r}; "
            "allowed: ISO 3166 alpha-2, EU, INT"
        )
    if raw["kind"] not in KINDS:
        raise RegintelError(
            f"agency registry {path}: entry {raw['id']!r} has kind {raw['kind']!r}; "
            f"allowed: {', '.join(sorted(KINDS))}"
        )


def _surface_forms(text: str) -> set[str]:
    return case_forms(text) if _CYRILLIC.search(text) else {text}


def load_registry(data_dir: Path = DATA_DIR) -> Registry:
    """Read and validate every registry file under `data_dir/registry` plus countries and shapes."""
    registry = Registry(entries={})
    seen_acronyms: dict[tuple[str, str], str] = {}
    for path in sorted((data_dir / "registry").glob("*.yaml")):
        for raw in _read(path).get("entries") or []:
            _check(raw, path)
            if raw["id"] in registry.entries:
                raise RegintelError(f"agency registry {path}: duplicate id {raw['id']!r}")
            entry = Entry(
                raw["id"], raw["name"], raw.get("acronym"), raw["country"], raw["kind"], raw["source"]
            )
            registry.entries[entry.id] = entry
            for acronym in {*(raw.get("acronyms") or []), *([entry.acronym] if entry.acronym else [])}:
                key = (entry.country, acronym)
                if key in seen_acronyms:
                    raise RegintelError(
                        f"agency registry {path}: acronym {acronym!r} of {entry.id!r} already names "
                        f"{seen_acronyms[key]!r} in {entry.country}"
                    )
                seen_acronyms[key] = entry.id
                default = acronym in (raw.get("default_for") or [])
                registry.acronyms[acronym].append(Alias(entry.id, local=False, default=default))
            names = [entry.name]
            for lang_names in (raw.get("aliases") or {}).values():
                names.extend(lang_names or [])
            for local, group in ((False, names), (True, raw.get("local") or [])):
                for name in group:
                    for form in _surface_forms(name):
                        aliases = registry.names[form.lower()]
                        if all(a.entry_id != entry.id for a in aliases):
                            aliases.append(Alias(entry.id, local))
    for code, langs in (_read(data_dir / "countries.yaml").get("countries") or {}).items():
        for names in langs.values():
            for name in names:
                for form in _surface_forms(name):
                    registry.countries[form] = code
    registry.shapes = _read(data_dir / "shapes.yaml")
    return registry


@cache
def default_registry() -> Registry:
    """The shipped registry, loaded once per process."""
    return load_registry()
