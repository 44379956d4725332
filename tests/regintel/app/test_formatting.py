"""Figures as a reader says them: amounts with currency and magnitude, durations in human units,
missing values empty."""

from __future__ import annotations

import math

import pytest

from regintel.app.formatting import amount, duration, figure, plural, text


@pytest.mark.parametrize(("value", "currency", "usd", "said"), [
    (9e9, "KZT", 16.9e6, "KZT 9.0 bn · $16.9 M"),
    (16.7e6, "USD", 16.7e6, "$16.7 M"),
    (28959426, "GBP", 36.7e6, "GBP 29.0 M · $36.7 M"),
    (112e6, "KZT", None, "KZT 112.0 M"),
    (2.5e12, "RUB", math.nan, "RUB 2.5 tn"),
    (950, "EUR", 1020.4, "EUR 950 · $1.0 K"),
    (None, None, None, ""),
])
def test_amounts(value, currency, usd, said: str) -> None:
    assert amount(value, currency, usd) == said


@pytest.mark.parametrize(("days", "said"), [(1, "1 day"), (45, "45 days"), (90, "3 months"),
                                            (270, "9 months"), (365, "1 year"), (900, "2.5 years"),
                                            (None, "")])
def test_durations(days, said: str) -> None:
    assert duration(days) == said


def test_figures_by_kind() -> None:
    assert figure({"kind": "count", "value": 130.0, "unit": "exchange"}) == "130 exchanges"
    assert figure({"kind": "count", "value": 49000.0, "unit": "customer"}) == "49,000 customers"
    assert figure({"kind": "count", "value": 1.0, "unit": "case"}) == "1 case"
    assert [plural(u) for u in ("company", "day", "tax", "пункт")] == ["companies", "days", "taxes", "пункт"]
    assert figure({"kind": "percent", "value": 18.0}) == "18%"
    assert figure({"kind": "person", "value": None, "person": "Kairat Bizhanov"}) == "Kairat Bizhanov"
    assert figure({"kind": "person", "value": None}) == ""
    assert figure({"kind": "period", "value": None, "period_text": "since January"}) == "since January"
    assert text(None) == "" and text(math.nan) == "" and text("x") == "x"
