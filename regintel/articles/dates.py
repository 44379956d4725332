"""The one home for parsing dates the crawler meets: feed, sitemap and listing dates, page metadata.

A cascade, precise first: ISO 8601, RFC 822 (feeds), the source's `date_formats`, then
dateparser restricted to the source's languages. Dates after the fetch time are rejected.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import lru_cache

import dateparser


def _iso(raw: str) -> datetime | None:
    try:
        return datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def _rfc822(raw: str) -> datetime | None:
    if "," not in raw and not raw[:1].isalpha():
        return None
    try:
        return parsedate_to_datetime(raw.strip())
    except (TypeError, ValueError, IndexError):
        return None


def _formats(raw: str, formats: tuple[str, ...]) -> datetime | None:
    for fmt in formats:
        try:
            return datetime.strptime(raw.strip(), fmt)
        except ValueError:
            continue
    return None


@lru_cache(maxsize=4096)
def _fuzzy(raw: str, languages: tuple[str, ...]) -> datetime | None:
    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "DMY"}
    return dateparser.parse(raw, languages=list(languages) or None, settings=settings)  # type: ignore[arg-type]


def parse_datetime(
    raw: str | None, languages: tuple[str, ...] = (), formats: tuple[str, ...] = ()
) -> datetime | None:
    """A raw date string -> datetime (naive = as written), or None if it is not a date."""
    if not raw or not raw.strip() or len(raw) > 80:
        return None
    text = " ".join(raw.split())
    return _iso(text) or _rfc822(text) or _formats(text, formats) or _fuzzy(text, tuple(languages))


def to_utc(value: datetime) -> datetime:
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def parse_date(
    raw: str | None,
    languages: tuple[str, ...] = (),
    formats: tuple[str, ...] = (),
    not_after: datetime | None = None,
) -> date | None:
    """Like `parse_datetime` but a calendar date, rejected if later than `not_after` (+1 day slack)."""
    value = parse_datetime(raw, languages, formats)
    if value is None:
        return None
    if not_after is not None and value.date() > to_utc(not_after).date() + timedelta(days=1):
        return None
    return value.date()
