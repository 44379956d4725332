"""The number grammar: formats, spelled-out numbers, magnitudes, ranges, hedges and non-facts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.components.numbers import grammar, is_year


def values(text: str, lang: str = "en") -> list[tuple[str, float, float | None, str | None]]:
    return [(text[n.start : n.end], n.value, n.value_max, n.qualifier) for n in grammar(lang).find(text)]


@pytest.mark.parametrize(
    ("text", "lang", "surface", "value"),
    [
        ("Police logged 1,692 incidents.", "en", "1,692", 1692),
        ("The bank moved 2\u2009500\u2009000 units.", "en", "2\u2009500\u2009000", 2_500_000),
        ("Выведено 13,2 трлн тенге.", "ru", "13,2 трлн", 13.2e12),
        ("Заведено 1 148 дел.", "ru", "1 148", 1148),
        ("A fine of 16.7M was set.", "en", "16.7M", 16.7e6),
        ("Refunds reached 4.5 bn.", "en", "4.5 bn", 4.5e9),
        ("It paid 2 mln.", "en", "2 mln", 2e6),
        ("Volume hit 3 tn.", "en", "3 tn", 3e12),
        ("He gave 40k.", "en", "40k", 40_000),
        ("They owed 27.59 crore.", "en", "27.59 crore", 275_900_000),
        ("They owed 70 lakh.", "en", "70 lakh", 7_000_000),
        ("Собрано 11,7 тыс. подписей.", "ru", "11,7 тыс.", 11_700),
        ("Ущерб 6,3 млрд.", "ru", "6,3 млрд", 6.3e9),
        ("Thirty-seven requests arrived.", "en", "Thirty-seven", 37),
        ("Inspectors questioned a dozen clerks.", "en", "a dozen", 12),
        ("Nearly half a million users were hit.", "en", "half a million", 500_000),
        ("Украдено полмиллиона.", "ru", "полмиллиона", 500_000),
        ("Задержаны четыре курьера.", "ru", "четыре", 4),
        ("Volumes rose by one trillion.", "en", "one trillion", 1e12),
        ("Twenty-five thousand accounts were closed.", "en", "Twenty-five thousand", 25_000),
        ("Задержаны трое участников.", "ru", "трое", 3),
        ("Пятерых фигурантов отпустили.", "ru", "Пятерых", 5),
        ("проверки у полусотни контрагентов", "ru", "полусотни", 50),
        ("He served two and a half years.", "en", "two and a half", 2.5),
        ("Суд назначил два с половиной года.", "ru", "два с половиной", 2.5),
    ],
)
def test_formats(text: str, lang: str, surface: str, value: float) -> None:
    found = values(text, lang)
    assert (surface, pytest.approx(value)) in [(s, v) for s, v, _, _ in found]


@pytest.mark.parametrize(
    ("text", "lang", "low", "high"),
    [
        ("between 5 and 10 firms", "en", 5, 10),
        ("2-3 million users", "en", 2e6, 3e6),
        ("от 5 до 10 лет", "ru", 5, 10),
        ("40–60 accounts", "en", 40, 60),
    ],
)
def test_ranges_keep_two_bounds(text: str, lang: str, low: float, high: float) -> None:
    [(_, value, value_max, _)] = values(text, lang)
    assert (value, value_max) == (pytest.approx(low), pytest.approx(high))


def test_from_to_is_a_change_not_a_range() -> None:
    assert [v for _, v, _, _ in values("cases rose from 90 to 120")] == [90, 120]


@pytest.mark.parametrize(
    ("text", "lang", "qualifier"),
    [
        ("more than 82.6 billion", "en", "more than"),
        ("около 20 млрд", "ru", "около"),
        ("nearly 300 chats", "en", "nearly"),
    ],
)
def test_hedges_go_to_qualifier_not_value(text: str, lang: str, qualifier: str) -> None:
    [(surface, _, _, q)] = values(text, lang)
    assert q == qualifier and not surface.lower().startswith(qualifier.split()[0])


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Under Article 218 of the code.", "en"),
        ("по ч. 4 ст. 190 УК", "ru"),
        ("On 12 March the board met.", "en"),
        ("24 сентября прошло совещание.", "ru"),
        ("A 52-year-old trader.", "en"),
        ("2 min read", "en"),
        ("at 10:30 local time", "en"),
        ("call +7 701 123-45-67 now", "en"),
        ("the 3rd round", "en"),
        ("ranked 5 in the index", "en"),
        ("2-й квартал", "ru"),
        ("the COVID-19 period", "en"),
        ("Invoice 2024/118 was paid.", "en"),
    ],
)
def test_references_dates_and_furniture_are_not_numbers(text: str, lang: str) -> None:
    assert values(text, lang) == []


@pytest.mark.parametrize("text", ["+7 701 123 4567", "+44 20 7946 0958", "(701) 123-45-67", "701 123-45-67"])
def test_every_phone_carries_the_phone_hint(text: str) -> None:
    """A text without the hint skips the phone scan: the hint must be inside every phone."""
    g = grammar("en")
    [phone] = [m.group() for m in g.phone.finditer(f"call {text} now")]
    assert g.phone_hint.search(phone)
    assert values(f"call {text} now", "en") == []


def test_years_are_flagged() -> None:
    [n] = grammar("en").find("In 2023 the unit grew.")
    assert is_year(n)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_never_raises(text: str) -> None:
    for lang in ("en", "ru"):
        for n in grammar(lang).find(text):
            assert 0 <= n.start < n.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999), st.sampled_from(["en", "ru"]))
def test_grouped_integers_round_trip(value: int, lang: str) -> None:
    written = f"{value:,}" if lang == "en" else f"{value:,}".replace(",", "\u00a0")
    found = grammar(lang).find(f"Всего {written} шт" if lang == "ru" else f"total {written} units")
    assert [n.value for n in found] == [value]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("in the 2023-24 fiscal year", "en"),
        ("за 2023/24 финансовый год", "ru"),
        ("Share | 12 comments", "en"),
    ],
)
def test_year_spans_and_comment_counts_are_not_quantities(text: str, lang: str) -> None:
    assert [v for _, v, _, _ in values(text, lang) if not 1900 <= v <= 2100] == []
