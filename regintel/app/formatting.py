"""Figures as a reader says them: "KZT 9.0 bn · $16.9 M", "9 months", "49,000 customers".

Plain functions of a result row, kept apart from Streamlit so the table, the fact page and the
tests share them. A missing value is an empty string, never "None".
"""

from __future__ import annotations

import math
from typing import Any

MAGNITUDES = ((1e12, "tn"), (1e9, "bn"), (1e6, "M"), (1e3, "K"))
DAYS_PER_YEAR, DAYS_PER_MONTH = 365, 30  # the extractor's own conversion of years and months


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def magnitude(value: float) -> str:
    """1.69e7 -> "16.9 M"; below a thousand, the number itself."""
    for size, unit in MAGNITUDES:
        if abs(value) >= size:
            return f"{value / size:,.1f} {unit}"
    return _number(value)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def amount(value: Any, currency: str | None, usd: Any) -> str:
    """A money figure in its currency and, when it is another currency, in US dollars."""
    parts = []
    if not _missing(value):
        in_dollars = currency == "USD"
        parts.append(f"${magnitude(value)}" if in_dollars else f"{currency or ''} {magnitude(value)}".strip())
    if not _missing(usd) and currency != "USD":
        parts.append(f"${magnitude(usd)}")
    return " · ".join(parts)


def duration(days: Any) -> str:
    """Days in the largest unit that reads naturally: "90 days", "9 months", "2.5 years"."""
    if _missing(days):
        return ""
    for size, unit, least in ((DAYS_PER_YEAR, "year", 730), (DAYS_PER_MONTH, "month", 60)):
        if days >= least or (days >= size and round(days / size, 1).is_integer()):
            count = round(days / size, 1)
            return f"{_number(count)} {unit}{'' if count == 1 else 's'}"
    return f"{_number(days)} day{'' if days == 1 else 's'}"


def figure(row: dict[str, Any]) -> str:
    """A fact's figure by kind: an amount, a duration, a percentage or a count with its unit."""
    kind, value = row.get("kind"), row.get("value")
    if kind == "money":
        return amount(value, row.get("currency"), row.get("usd"))
    if kind == "duration":
        return duration(value)
    if kind == "person":
        return text(row.get("person"))
    if kind == "period":
        return text(row.get("period_text") or row.get("text"))
    if _missing(value):
        return ""
    if kind == "percent":
        return f"{_number(value)}%"
    unit = row.get("unit")
    if kind != "count" or not unit:
        return _number(value)
    return f"{_number(value)} {unit if value == 1 else plural(unit)}"


def plural(unit: str) -> str:
    """An English count unit (the extractor's singular lemma) in the plural; other words as given."""
    if not unit.isascii() or not unit[-1:].isalpha():
        return unit
    if unit.endswith(("s", "x", "ch", "sh")):
        return unit + "es"
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit + "s"


def text(value: Any) -> str:
    """A cell: empty when missing, the value as text otherwise."""
    return "" if _missing(value) else str(value)
