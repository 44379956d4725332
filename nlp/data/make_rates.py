"""Regenerate `rates.csv` (monthly USD reference rates) offline from the hmrc-rates package.

HMRC publishes monthly rates as currency units per GBP; the USD cross rate is
units_per_gbp(X) / units_per_gbp(USD).  Run: `python nlp/data/make_rates.py` (needs
`pip install hmrc-rates==0.3.5`, a build-time tool, not a runtime dependency).
`regintel rates update` later adds or overwrites months from NBK and ECB feeds.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import hmrc_rates

OUT = Path(__file__).with_name("rates.csv")
HEADER = ["month", "currency", "per_usd", "table"]


def rows() -> list[list[str]]:
    """One row per (month, currency): units of the currency for one US dollar."""
    rates = hmrc_rates.Rates()
    out = []
    for ym in rates.months():
        table = rates.monthly(ym)
        usd = Decimal(str(table.rate("USD").units_per_gbp))
        month = f"{ym.year:04d}-{ym.month:02d}"
        for currency, rate in table:
            per_usd = Decimal(str(rate.units_per_gbp)) / usd
            out.append([month, currency.code, f"{per_usd:.6g}", "hmrc"])
        out.append([month, "GBP", f"{1 / usd:.6g}", "hmrc"])
    return out


def main() -> None:
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(sorted(rows()))


if __name__ == "__main__":
    main()
