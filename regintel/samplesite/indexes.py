"""Feeds, sitemaps, listing pages and robots.txt of the mirrored publishers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from email.utils import format_datetime
from html import escape
from urllib.parse import urlsplit

from regintel.samplesite.articles import Article
from regintel.samplesite.templates import ru_date

Item = tuple[Article, str]  # an article and its absolute real URL


def _when(d: date) -> str:
    return format_datetime(datetime(d.year, d.month, d.day, 8, 0, tzinfo=UTC))


def rss(title: str, link: str, items: list[Item]) -> bytes:
    entries = "".join(
        f"<item><title>{escape(a.title)}</title><link>{escape(u)}</link><guid>{escape(u)}</guid>"
        f"<pubDate>{_when(a.published)}</pubDate><description>{escape(a.summary or '')}</description></item>"
        for a, u in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{escape(link)}</link>{entries}</channel></rss>\n"
    ).encode()


def sitemap_index(children: list[str]) -> bytes:
    body = "".join(f"<sitemap><loc>{escape(c)}</loc></sitemap>" for c in children)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</sitemapindex>\n'
    ).encode()


def urlset(items: list[Item], news: bool = False) -> bytes:
    rows = []
    for a, u in items:
        extra = (
            f"<news:news><news:publication><news:name>{escape(a.host)}</news:name>"
            f"<news:language>{a.lang}</news:language></news:publication>"
            f"<news:publication_date>{a.published.isoformat()}</news:publication_date>"
            f"<news:title>{escape(a.title)}</news:title></news:news>"
            if news
            else f"<lastmod>{a.published.isoformat()}</lastmod>"
        )
        rows.append(f"<url><loc>{escape(u)}</loc>{extra}</url>")
    ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{ns}>{"".join(rows)}</urlset>\n'
    ).encode()


def robots(host: str, disallow: list[str], sitemaps: list[str]) -> bytes:
    lines = ["User-agent: *", *(f"Disallow: {d}" for d in disallow)]
    lines += [f"Sitemap: https://{host}{s}" for s in sitemaps]
    return ("\n".join(lines) + "\n").encode()


def _item(style: str, a: Article, href: str) -> str:
    t, h = escape(a.title), escape(href)
    if style == "govkz":
        return (
            f'<div class="news-item"><a class="news-item__title" href="{h}">{t}</a>'
            f'<span class="news-item__date">{a.published:%d.%m.%Y}</span></div>'
        )
    if style == "nbk":
        return (
            f'<div class="news-list__item"><div class="news-list__date">{ru_date(a)}</div>'
            f'<a class="news-list__link" href="{h}">{t}</a></div>'
        )
    if style == "afsa":
        return (
            f'<article class="press-item"><h3><a href="{h}">{t}</a></h3>'
            f'<span class="press-date">{a.published:%d.%m.%Y}</span></article>'
        )
    if style == "ofac":  # Treasury Drupal views: US numeric date before the title
        return (
            f'<div class="views-row"><span class="date-display-single">{a.published:%m/%d/%Y}</span>'
            f'<div class="search-result-title"><a href="{h}">{t}</a></div></div>'
        )
    if style == "fincen":  # news-release teaser: title link only, date in a <time>
        return (
            f'<div class="views-row"><time datetime="{a.published.isoformat()}">{a.published:%B %d, %Y}'
            f'</time><h3><a href="{h}">{t}</a></h3><p>{escape(a.summary or "")}</p></div>'
        )
    if style == "mas":
        return (
            f'<div class="mas-search-card"><span class="mas-search-card__date">{a.published:%d %b %Y}</span>'
            f'<a class="mas-link" href="{h}">{t}</a></div>'
        )
    if style == "austrac":
        return (
            f'<div class="latest-news__card"><a href="{h}"><h3>{t}</h3></a>'
            f'<time datetime="{a.published.isoformat()}T00:00:00Z">{a.published:%d %B %Y}</time></div>'
        )
    return (
        f'<tr><td class="views-field-date"><time datetime="{a.published.isoformat()}T12:00:00Z">'
        f'{a.published:%b. %d, %Y}</time></td><td class="views-field-title"><a href="{h}">{t}</a></td></tr>'
    )


def _next(style: str, href: str) -> str:
    h = escape(href)
    return {
        "govkz": f'<ul class="pagination"><li class="next"><a href="{h}">Далее</a></li></ul>',
        "nbk": f'<a class="pagination__next" href="{h}">Следующая</a>',
        "afsa": f'<a class="next page-numbers" href="{h}">Next</a>',
        "mas": f'<a class="mas-pagination__next" href="{h}">Next</a>',
    }.get(style, f'<ul class="pager"><li class="pager__item--next"><a href="{h}">Next page</a></li></ul>')


LIST_STYLES = ("govkz", "nbk", "afsa", "ofac", "fincen", "mas", "austrac")  # others: a Drupal table


def listing(
    style: str, title: str, rows: list[tuple[Article, str]], next_href: str | None, extra: str = ""
) -> bytes:
    """A listing page; `rows` are (article, link as written in the page)."""
    items = "".join(_item(style, a, href) for a, href in rows)
    if style not in LIST_STYLES:
        items = f'<table class="views-table"><tbody>{items}</tbody></table>'
    pager = _next(style, next_href) if next_href else ""
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title></head><body>'
        f'<header><nav><a href="/">Home</a> <a href="/about">About</a></nav></header>'
        f'<main><h1>{escape(title)}</h1><div class="news-list">{items}{extra}</div>{pager}</main>'
        "<footer>footer</footer></body></html>\n"
    ).encode()


def _relative(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def paginated(
    style: str,
    title: str,
    items: list[Item],
    page_url: Callable[[int], str],
    per_page: int,
    extra_first: str = "",
) -> list[tuple[str, bytes]]:
    """(real URL, body) of each listing page, `per_page` items each, linked by next-page links."""
    chunks = [items[i : i + per_page] for i in range(0, len(items), per_page)] or [[]]
    pages = []
    for n, chunk in enumerate(chunks, start=1):
        next_href = _relative(page_url(n + 1)) if n < len(chunks) else None
        rows = [(a, _relative(u)) for a, u in chunk]
        pages.append((page_url(n), listing(style, title, rows, next_href, extra_first if n == 1 else "")))
    return pages
