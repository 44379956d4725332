"""Options: what extraction needs to know about a page's source (languages, date formats, selector)."""

from __future__ import annotations

from dataclasses import dataclass

from regintel.contracts import Source


@dataclass(slots=True)
class Options:
    """What extraction needs to know about the source and the fetch."""

    languages: tuple[str, ...] = ()
    date_formats: tuple[str, ...] = ()
    article_selector: str | None = None


def options_for(source: Source) -> Options:
    """The extraction options a source's definition gives."""
    return Options(source.languages, source.date_formats, source.article_selector)
