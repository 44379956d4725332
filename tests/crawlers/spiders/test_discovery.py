"""crawlers/spiders/discovery.py: links and dates from real-shaped feeds, sitemaps and listings."""

from __future__ import annotations

from regintel.samplesite.site import build

SITE = build()


def _body(key: str) -> bytes:
    return SITE.resources[key].body


def test_rss_feed_items_have_links_dates_titles() -> None:
    from crawlers.spiders.discovery import feed_candidates

    items = feed_candidates(_body("/timesca.com/feed/"), "https://timesca.com/feed/")
    assert len(items) == 6 and all(i.url.startswith("https://timesca.com/") for i in items)
    assert all(i.date_raw and i.title for i in items)
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title>
      <link rel="alternate" href="/a/1"/><published>2025-01-02T00:00:00Z</published>
      <updated>2025-01-03T00:00:00Z</updated></entry></feed>"""
    (entry,) = feed_candidates(atom, "https://x.org/feed")
    assert entry.url == "https://x.org/a/1" and entry.date_raw.startswith("2025-01-02")
    assert entry.lastmod_raw.startswith("2025-01-03")


def test_sitemap_index_and_news_sitemap() -> None:
    from crawlers.spiders.discovery import sitemap_candidates

    is_index, children = sitemap_candidates(_body("/kz.kursiv.media/sitemap.xml"), "https://kz.kursiv.media/")
    assert is_index and children[0].url == "https://kz.kursiv.media/sitemap-news.xml"
    is_index, news = sitemap_candidates(
        _body("/kz.kursiv.media/sitemap-news.xml"), "https://kz.kursiv.media/"
    )
    assert not is_index and len(news) == 3 and all(n.date_raw and n.title for n in news)
    assert sitemap_candidates(b"<not xml", "https://x/") == (False, [])
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><urlset><url><loc>&a;</loc></url></urlset>'
    assert all("aaaa" not in c.url for c in sitemap_candidates(bomb, "https://x/")[1])


def test_listing_links_dates_and_next_page() -> None:
    from crawlers.spiders.discovery import listing_candidates

    base = "https://www.gov.kz/memleket/entities/afm/press/news?lang=ru"
    body = _body("/www.gov.kz/memleket/entities/afm/press/news?lang=ru").decode()
    items, next_url = listing_candidates(
        body, base, ".news-item a.news-item__title", ".pagination li.next a", ".news-item__date"
    )
    assert (
        len(items) == 4 and next_url == "https://www.gov.kz/memleket/entities/afm/press/news?lang=ru&page=2"
    )
    assert all(
        i.url.startswith("https://www.gov.kz/memleket/entities/afm/press/news/details/") for i in items
    )
    assert all(len(i.date_raw) == 10 and i.date_raw[2] == "." for i in items)
    dates = [i.date_raw for i in items]
    assert len(set(dates)) > 1, "each item gets its own date, not the first one on the page"
