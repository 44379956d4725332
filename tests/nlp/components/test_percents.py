"""Percentages in digits with a sign or words; fractions in words are not percentages."""

from __future__ import annotations

import pytest

from nlp import Extractor

EX = Extractor()


def percents(text: str) -> list[tuple[str, float]]:
    return [(f.text, f.value) for f in EX.extract(text, None, None).facts if f.kind == "percent"]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Fraud fell 38% in a year.", "38%", 38),
        ("A levy of 25 per cent applies.", "25 per cent", 25),
        ("Объем снизился на 8,9%.", "8,9%", 8.9),
        ("Доля выросла на 36 процентов.", "36 процентов", 36),
        ("Interest of 9 percent a year.", "9 percent", 9),
    ],
)
def test_percents(text: str, surface: str, value: float) -> None:
    assert percents(text) == [(surface, pytest.approx(value))]


@pytest.mark.parametrize("text", ["About a third of cases closed.", "Примерно пятая часть из них."])
def test_fractions_in_words_are_not_percents(text: str) -> None:
    assert percents(text) == []
