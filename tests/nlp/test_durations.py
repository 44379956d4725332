"""Durations in days with the original unit; ages, dates and rates are not durations."""

from __future__ import annotations

import pytest

from nlp import Extractor

EX = Extractor()


def durations(text: str) -> list[tuple[str, float, str | None]]:
    return [(f.text, f.value, f.unit) for f in EX.extract(text, None, None).facts if f.kind == "duration"]


@pytest.mark.parametrize(
    ("text", "surface", "days", "unit"),
    [
        ("Banks must keep footage for 180 days.", "180 days", 180, "day"),
        ("Records are kept for six months.", "six months", 182.64, "month"),
        ("He received a ten-year ban.", "ten-year", 3652.5, "year"),
        ("The audit covered 1.4 years.", "1.4 years", 511.35, "year"),
        ("Суд назначил четыре года лишения свободы.", "четыре года", 1461, "year"),
        ("Срок составил 1,5 года.", "1,5 года", 547.875, "year"),
        ("Лицензия приостановлена на 10 дней.", "10 дней", 10, "day"),
        ("Reports are due within two weeks.", "two weeks", 14, "week"),
    ],
)
def test_durations(text: str, surface: str, days: float, unit: str) -> None:
    [(found, value, u)] = durations(text)
    assert (found, u) == (surface, unit) and value == pytest.approx(days, rel=0.001)


@pytest.mark.parametrize(
    "text",
    [
        "A 52-year-old broker was held.",
        "He paid $20,000 a month.",
        "В 2024 году штрафов стало больше.",
        "She is 40 years old.",
    ],
)
def test_not_durations(text: str) -> None:
    assert durations(text) == []
