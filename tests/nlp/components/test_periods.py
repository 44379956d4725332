"""Periods resolved against the publication date, attached to the facts of their sentence."""

from __future__ import annotations

from datetime import date

import pytest

from nlp import Extractor
from nlp.components.periods import PeriodResolver, matches_at

PUB = date(2025, 4, 21)


@pytest.mark.parametrize(
    ("text", "lang", "first", "last"),
    [
        ("in 2024", "en", date(2024, 1, 1), date(2024, 12, 31)),
        ("this year", "en", date(2025, 1, 1), PUB),
        ("last year", "en", date(2024, 1, 1), date(2024, 12, 31)),
        ("since January 1", "en", date(2025, 1, 1), PUB),
        ("since 2022", "en", date(2022, 1, 1), PUB),
        ("over the past three years", "en", date(2022, 4, 21), PUB),
        ("in the first half of 2024", "en", date(2024, 1, 1), date(2024, 6, 30)),
        ("during the third quarter", "en", date(2025, 7, 1), date(2025, 9, 30)),
        ("between 2019 and 2021", "en", date(2019, 1, 1), date(2021, 12, 31)),
        ("за 10 месяцев", "ru", date(2025, 1, 1), date(2025, 10, 31)),
        ("в 2024 году", "ru", date(2024, 1, 1), date(2024, 12, 31)),
        ("с начала года", "ru", date(2025, 1, 1), PUB),
        ("В апреле–июне 2025 года", "ru", date(2025, 4, 1), date(2025, 6, 30)),
        ("с 1 января", "ru", date(2025, 1, 1), PUB),
        ("во втором квартале", "ru", date(2025, 4, 1), date(2025, 6, 30)),
    ],
)
def test_resolution(text: str, lang: str, first: date, last: date) -> None:
    [p] = PeriodResolver(lang).find(text, PUB)
    assert (p.text, p.first, p.last) == (text, first, last)


def test_relative_periods_need_a_publication_date() -> None:
    [p] = PeriodResolver("en").find("this year", None)
    assert p.first is None and p.last is None


def test_facts_carry_the_period_of_their_sentence() -> None:
    text = "In 2024 alone, 81 networks were uncovered. Last month the agency shut 12 sites."
    facts = {f.text: f for f in Extractor().extract(text, PUB, "en").facts}
    assert facts["81 networks"].period_start == date(2024, 1, 1)
    assert facts["12 sites"].period_text is None
    assert "period" in {f.kind for f in facts.values()}


def test_one_scan_for_starts_finds_what_each_pattern_finds_alone() -> None:
    """Patterns run only where the combined scan says a match may start: nothing may be lost."""
    texts = {
        "en": "In 2023-2024 and since March 2022, during the first half of 2021, for the past two years, "
        "in May 2020, last year and this year; between 2015 and 2018 in fiscal year 2019.",
        "ru": "За 9 месяцев 2024 года, в первом квартале 2023 года, с 2020 года, в прошлом году, "
        "в марте–мае 2022 года, за последние три года, с 1 января 2021 года, в 2019 году.",
    }
    for lang, text in texts.items():
        resolver = PeriodResolver(lang)
        low = text.lower()
        starts = [m.start() for m in resolver.starts.finditer(low)]
        for _, pattern in resolver.patterns:
            assert [m.span() for m in matches_at(pattern, low, starts)] == [
                m.span() for m in pattern.finditer(low)
            ]
        assert len(resolver.find(text, PUB)) >= 7
