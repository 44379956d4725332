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
        ("Проверка продлится полгода.", "полгода", 182.625, "year"),
        ("Ограничения введены на срок до полугода.", "полугода", 182.625, "year"),
        ("Срок ответа — полмесяца.", "полмесяца", 15.22, "month"),
        ("The firm has half a year to comply.", "half a year", 182.625, "year"),
        ("The review took a year and a half.", "year and a half", 547.875, "year"),
        ("He was jailed for one and a half years.", "one and a half years", 547.875, "year"),
        ("Соучастник получил полтора года.", "полтора года", 547.875, "year"),
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


def test_a_numbered_duration_is_not_counted_twice() -> None:
    assert [s for s, _, _ in durations("It ended one year and a half ago.")] == ["one year"]


def test_half_inside_a_longer_word_is_not_a_duration() -> None:
    assert durations("Во втором полугодии выручка выросла.") == []
