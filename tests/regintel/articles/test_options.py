"""regintel/articles/options.py: a source's definition gives the options its pages are parsed with."""

from __future__ import annotations

from regintel.articles import Options, options_for
from regintel.contracts import EntryPoint, Source


def test_a_source_gives_its_languages_date_formats_and_article_selector() -> None:
    source = Source(
        id="afm_kz",
        name="AFM",
        publisher_kind="regulator",
        country="KZ",
        languages=("ru", "kk"),
        entry_points=(EntryPoint("feed", "https://afm.gov.kz/feed/"),),
        allowed_domains=("afm.gov.kz",),
        date_formats=("%d.%m.%Y",),
        article_selector="div.news-body",
    )
    assert options_for(source) == Options(("ru", "kk"), ("%d.%m.%Y",), "div.news-body")
    assert options_for(Source("x", "X", "news", "KZ", (), (), ())) == Options()
