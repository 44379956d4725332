"""regintel/articles/dates.py: the one date cascade for feeds, sitemaps, listings and page metadata."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from regintel.articles.dates import parse_date


@pytest.mark.parametrize(
    ("raw", "languages", "formats", "expected"),
    [
        ("2024-03-01T10:00:00Z", (), (), date(2024, 3, 1)),
        ("Fri, 01 Mar 2024 10:00:00 +0000", (), (), date(2024, 3, 1)),
        ("22.01.2025", ("ru",), ("%d.%m.%Y",), date(2025, 1, 22)),
        ("9 сентября 2025", ("ru",), (), date(2025, 9, 9)),
        ("Mar. 1, 2024", ("en",), (), date(2024, 3, 1)),
        ("01/03/2024", ("en",), ("%d/%m/%Y",), date(2024, 3, 1)),
        ("not a date at all", ("en",), (), None),
        ("", (), (), None),
    ],
)
def test_parse_date(raw: str, languages: tuple, formats: tuple, expected: date | None) -> None:
    assert parse_date(raw, languages, formats) == expected


def test_dates_after_the_fetch_are_rejected() -> None:
    fetched = datetime(2025, 1, 10, tzinfo=UTC)
    assert parse_date("2025-01-11", not_after=fetched) == date(2025, 1, 11)  # one day of time-zone slack
    assert parse_date("2025-03-01", not_after=fetched) is None
