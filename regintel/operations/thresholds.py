"""Monitor thresholds: defaults, overridden per source by a `monitors:` map in the sources file.

The map sits at the top level of the sources YAML, beside `sources:` (the source entries
themselves accept only the Source fields):

    monitors:
      defaults: {drop_fraction: 0.5, trailing_runs: 5, max_block_rate: 0.2}
      sources:
        afm_kz: {max_block_rate: 0.5, stale_factor: 6}

Every problem is one line naming the file, the place and the allowed values.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path

import yaml

from regintel.contracts import RegintelError


@dataclass(frozen=True, slots=True)
class Thresholds:
    drop_fraction: float = 0.5  # items or facts per document below this share of the trailing median
    trailing_runs: int = 5  # successful runs the median is taken over
    min_history: int = 3  # fewer successful runs than this: the drop rules do not judge yet
    max_block_rate: float = 0.2  # (403 + 429 + challenge) issues over responses above this
    stale_factor: float = 3.0  # no successful run for this many schedule intervals: stale


_KINDS = {"drop_fraction": "fraction", "trailing_runs": "count", "min_history": "count",
          "max_block_rate": "fraction", "stale_factor": "factor"}
_ALLOWED = ", ".join(f.name for f in fields(Thresholds))


def _value(where: str, key: str, value: object) -> float | int:
    kind = _KINDS.get(key)
    if kind is None:
        raise RegintelError(f"{where}: unknown key {key!r}; allowed: {_ALLOWED}")
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "count" and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise RegintelError(f"{where}: bad {key} {value!r}; expected an integer >= 1")
    if kind == "fraction" and not (number and 0 <= value <= 1):
        raise RegintelError(f"{where}: bad {key} {value!r}; expected a number from 0 to 1")
    if kind == "factor" and not (number and value >= 1):
        raise RegintelError(f"{where}: bad {key} {value!r}; expected a number >= 1")
    return value  # type: ignore[return-value]


def _apply(base: Thresholds, where: str, raw: object) -> Thresholds:
    if not isinstance(raw, dict):
        raise RegintelError(f"{where}: expected a mapping of thresholds; allowed keys: {_ALLOWED}")
    return replace(base, **{str(k): _value(where, str(k), v) for k, v in raw.items()})


def parse_thresholds(data: object, name: str, known: set[str]) -> dict[str, Thresholds]:
    """source id -> thresholds, from a sources file's parsed YAML (its `monitors:` map, if any)."""
    monitors = data.get("monitors") if isinstance(data, dict) else None
    if monitors is None:
        return {sid: Thresholds() for sid in known}
    if not isinstance(monitors, dict) or set(monitors) - {"defaults", "sources"}:
        raise RegintelError(f"{name}: monitors: expected a mapping with 'defaults' and/or 'sources'")
    defaults = _apply(Thresholds(), f"{name}: monitors.defaults", monitors.get("defaults") or {})
    per_source = monitors.get("sources") or {}
    if not isinstance(per_source, dict):
        raise RegintelError(f"{name}: monitors.sources: expected a mapping of source id to thresholds")
    unknown = sorted(set(per_source) - known)
    if unknown:
        raise RegintelError(f"{name}: monitors.sources: unknown source {unknown[0]!r}; known: "
                            f"{', '.join(sorted(known))}")
    result = {sid: defaults for sid in known}
    for sid, raw in per_source.items():
        result[sid] = _apply(defaults, f"{name}: monitors.sources.{sid}", raw)
    return result


def load_thresholds(sources_file: Path | None) -> dict[str, Thresholds]:
    """Thresholds of every source in the sources file (default: the packaged one)."""
    from crawlers.sources import DEFAULT_PATH, load_sources

    known = {s.id for s in load_sources(sources_file)}  # also validates the file, one line per error
    path = Path(sources_file) if sources_file is not None else DEFAULT_PATH
    return parse_thresholds(yaml.safe_load(path.read_text(encoding="utf-8")), path.name, known)
