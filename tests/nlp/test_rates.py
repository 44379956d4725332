"""The shipped USD reference-rate table: coverage, lookup by publication month, provenance."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from nlp.lexicons import load
from nlp.rates import default_path, load_rates

REQUIRED = ("KZT", "RUB", "EUR", "GBP", "INR", "NGN")


@pytest.mark.parametrize("currency", sorted({*REQUIRED, *load("currencies")["currencies"]}))
def test_every_supported_currency_is_covered_2015_to_2026_or_a_documented_gap(currency: str) -> None:
    table = load_rates()
    months = table.months.get(currency, [])
    if months and months[0] <= "2015-01" and months[-1] >= "2026-10":
        return
    gaps = yaml.safe_load((default_path().parent / "rates.meta.yaml").read_text(encoding="utf-8"))["gaps"]
    assert currency not in REQUIRED
    assert currency in gaps or (not months and currency in gaps["crypto"])


def test_lookup_uses_the_publication_month() -> None:
    usd, basis = load_rates().usd(450_000_000, "KZT", date(2024, 3, 20))
    assert basis == "rate:hmrc:2024-03" and usd == pytest.approx(1_000_000, rel=0.01)


def test_before_the_table_the_first_month_is_used() -> None:
    _, basis = load_rates().usd(1, "EUR", date(2001, 5, 1))
    assert basis.startswith("rate:hmrc:2014-")


def test_custom_table(tmp_path: Path) -> None:
    path = tmp_path / "rates.csv"
    path.write_text("month,currency,per_usd,table\n2025-01,KZT,500,nbk\n", encoding="utf-8")
    assert load_rates(path).usd(1000, "KZT", date(2025, 6, 1)) == (2.0, "rate:nbk:2025-01")


def test_provenance_is_recorded() -> None:
    meta = yaml.safe_load((default_path().parent / "rates.meta.yaml").read_text(encoding="utf-8"))
    assert {s["id"] for s in meta["sources"]} >= {"hmrc", "nbk", "ecb"}
    assert all("url" in s for s in meta["sources"])
