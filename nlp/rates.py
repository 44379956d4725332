"""USD reference rates shipped as `data/rates.csv` (monthly, with provenance in rates.meta.yaml).

An amount converts at the rate of its publication month (or the latest earlier month);
the basis names the series and month: "rate:hmrc:2024-03".
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from nlp.lexicons import DATA_DIR

HEADER = ["month", "currency", "per_usd", "table"]


def default_path() -> Path:
    return DATA_DIR / "rates.csv"


@dataclass(frozen=True, slots=True)
class RateTable:
    """currency -> sorted months and their (units per USD, series id)."""

    months: dict[str, list[str]]
    values: dict[str, list[tuple[float, str]]]

    def usd(self, amount: float, currency: str, published: date | None) -> tuple[float, str] | None:
        """(USD value, basis) of `amount` at the publication month, or None without a rate."""
        if currency == "USD":
            return amount, "identity"
        months = self.months.get(currency)
        if not months or published is None:
            return None
        i = bisect_right(months, f"{published.year:04d}-{published.month:02d}") - 1
        i = max(i, 0)  # before the table starts: its first month is the best estimate
        per_usd, table = self.values[currency][i]
        if per_usd <= 0:
            return None
        return amount / per_usd, f"rate:{table}:{months[i]}"


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def load_rates(path: Path | None = None) -> RateTable:
    """Parse a rates CSV (default: the shipped table) once per process."""
    rows = sorted(read_rows(path or default_path()), key=lambda r: (r["currency"], r["month"]))
    months: dict[str, list[str]] = {}
    values: dict[str, list[tuple[float, str]]] = {}
    for r in rows:
        months.setdefault(r["currency"], []).append(r["month"])
        values.setdefault(r["currency"], []).append((float(r["per_usd"]), r["table"]))
    return RateTable(months, values)
