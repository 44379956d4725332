"""Article page templates, one per CMS style the real publishers use.

Official press-release pages (gov.kz portal, Bitrix-style central bank, Drupal-style SEC/FCA,
AFSA) are sparse; news outlets (WordPress, Next.js-style Decrypt) carry navigation, related
links, share bars and footers around the article. Dates appear the way each CMS writes them:
`<time datetime>`, Open Graph meta, JSON-LD, or only as text in the page.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape

from regintel.samplesite.articles import Article

_RU_MONTHS = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


def body_html(article: Article) -> str:
    parts = []
    for block in article.blocks:
        if isinstance(block, str):
            parts.append(f"<p>{escape(block)}</p>")
            continue
        head, *rows = block
        thead = "".join(f"<th>{escape(c)}</th>" for c in head)
        tbody = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows)
        parts.append(f'<table class="data"><thead><tr>{thead}</tr></thead><tbody>{tbody}</tbody></table>')
    return "\n".join(parts)


def ru_date(article: Article) -> str:
    d = article.published
    return f"{d.day} {_RU_MONTHS[d.month - 1]} {d.year}"


def _nav(host: str, n: int) -> str:
    links = "".join(f'<li><a href="/section-{i}/">Section {i}</a></li>' for i in range(n))
    logo = f'<a class="logo" href="/">{escape(host)}</a>'
    return f'<header class="site-header">{logo}<nav><ul>{links}</ul></nav></header>'


def _related(others: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="{escape(u)}">{escape(t)}</a></li>' for u, t in others)
    return f'<aside class="related"><h3>Related</h3><ul>{items}</ul></aside>'


def _page(lang: str, head: str, body: str) -> str:
    start = f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
    return f"{start}{head}</head><body>{body}</body></html>\n"


def govkz(a: Article, url: str, related: list[tuple[str, str]]) -> str:
    """gov.kz portal: date only as dd.mm.yyyy text; official, little chrome."""
    head = f"<title>{escape(a.title)} | Агентство РК по финансовому мониторингу</title>"
    body = (
        f'{_nav("gov.kz", 12)}<main><div class="breadcrumbs"><a href="/">Главная</a> / Пресс-центр</div>'
        f'<div class="news-content"><h1 class="news-title">{escape(a.title)}</h1>'
        f'<div class="news-meta"><span class="date">{a.published:%d.%m.%Y}</span></div>'
        f'<div class="news-text">{body_html(a)}</div></div></main>'
        "<footer><p>© Электронное правительство Республики Казахстан</p></footer>"
    )
    return _page(a.lang, head, body)


def nbk(a: Article, url: str, related: list[tuple[str, str]]) -> str:
    """Bitrix-style central bank page: Russian textual date, no metadata."""
    head = f"<title>{escape(a.title)} — Национальный Банк Казахстана</title>"
    body = (
        f'{_nav("nationalbank.kz", 20)}<div class="content"><div class="press-release">'
        f'<div class="press-release__date">{ru_date(a)}</div><h1>{escape(a.title)}</h1>'
        f'<div class="press-release__text">{body_html(a)}</div></div>{_related(related)}</div>'
        '<footer class="footer">Национальный Банк Республики Казахстан</footer>'
    )
    return _page(a.lang, head, body)


def afsa(a: Article, url: str, related: list[tuple[str, str]]) -> str:
    """AFSA press release: `<time datetime>` inside the article."""
    description = escape(a.summary or "")
    head = f'<title>{escape(a.title)} - AFSA</title><meta name="description" content="{description}">'
    body = (
        f'{_nav("AFSA", 8)}<article class="press-release"><h1>{escape(a.title)}</h1>'
        f'<time datetime="{a.published.isoformat()}">{a.published:%d %B %Y}</time>'
        f'<div class="entry">{body_html(a)}</div></article>'
        "<footer>Astana Financial Services Authority</footer>"
    )
    return _page(a.lang, head, body)


def wordpress(a: Article, url: str, related: list[tuple[str, str]]) -> str:
    """WordPress news outlet: OG meta with published_time, heavy menus, related posts, comments."""
    stamp = f"{a.published.isoformat()}T09:30:00+05:00"
    head = (
        f"<title>{escape(a.title)} - {escape(a.host)}</title>"
        f'<meta property="og:title" content="{escape(a.title)}">'
        f'<meta property="og:url" content="{escape(url)}">'
        f'<meta property="article:published_time" content="{stamp}">'
        f'<link rel="canonical" href="{escape(url)}">'
    )
    author = f'<span class="author">By {escape(a.author)}</span>' if a.author else ""
    share = "".join(f'<a class="share" href="https://share.example/{n}">{n}</a>' for n in ("fb", "x", "tg"))
    body = (
        f'{_nav(a.host, 60)}<div class="ticker">Markets: KZT/USD, Brent, gold</div>'
        f'<div id="content"><article class="post"><h1 class="entry-title">{escape(a.title)}</h1>'
        f'<div class="entry-meta">{author}<time class="entry-date" datetime="{stamp}">'
        f'{a.published:%B %d, %Y}</time></div><div class="share-bar">{share}</div>'
        f'<div class="entry-content">{body_html(a)}</div></article>{_related(related)}'
        '<div id="comments"><h3>Leave a reply</h3><form><textarea></textarea></form></div></div>'
        '<footer id="colophon"><p>All rights reserved. Subscribe to our newsletter.</p></footer>'
    )
    return _page(a.lang, head, body)


def decrypt(a: Article, url: str, related: list[tuple[str, str]]) -> str:
    """Next.js-style outlet: the date only in JSON-LD; many widgets around the story."""
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "datePublished": f"{a.published.isoformat()}T14:05:00.000Z",
        "author": {"name": a.author or "Decrypt"},
    }
    head = (
        f"<title>{escape(a.title)} - Decrypt</title>"
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    )
    prices = "".join(f"<span>{c} $1{i}.00</span>" for i, c in enumerate(("BTC", "ETH", "SOL", "XRP")))
    body = (
        f'{_nav("decrypt", 40)}<div class="price-ticker">{prices}</div><main><div class="post-container">'
        f'<h1>{escape(a.title)}</h1><div class="post-body">{body_html(a)}</div>'
        f'<div class="newsletter">Daily Debrief newsletter: sign up</div></div>{_related(related)}</main>'
        "<footer><p>Decrypt Media</p></footer>"
    )
    return _page(a.lang, head, body)


def sec(a: Article, url: str, related: list[tuple[str, str]]) -> str:
    """Drupal/USWDS government page: date in a `<time>` of the article header."""
    head = (
        f'<title>SEC.gov | {escape(a.title)}</title><meta name="dc.date" content="{a.published.isoformat()}">'
    )
    body = (
        f'{_nav("SEC.gov", 25)}<main id="main-content"><article class="node--type-press-release">'
        f'<div class="article-header"><span class="press-type">Press Release</span>'
        f'<time datetime="{a.published.isoformat()}T12:00:00Z">{a.published:%b. %d, %Y}</time>'
        f'<h1 class="page-title">{escape(a.title)}</h1></div>'
        f'<div class="article-body">{body_html(a)}</div></article></main><footer>SEC.gov</footer>'
    )
    return _page(a.lang, head, body)


def fca(a: Article, url: str, related: list[tuple[str, str]]) -> str:
    """FCA page: "First published" text date plus a DC meta date."""
    issued = f'<meta name="DC.date.issued" content="{a.published.isoformat()}">'
    head = f"<title>{escape(a.title)} | FCA</title>{issued}"
    body = (
        f'{_nav("FCA", 30)}<main><div class="page-header"><h1>{escape(a.title)}</h1>'
        f'<p class="meta">First published: {a.published:%d/%m/%Y}</p></div>'
        f'<div class="field--name-body">{body_html(a)}</div>{_related(related)}</main>'
        "<footer>Financial Conduct Authority</footer>"
    )
    return _page(a.lang, head, body)


def cftc(a: Article, url: str, related: list[tuple[str, str]]) -> str:
    """CFTC press release: release number and a text date ("June 17, 2024") only, no metadata."""
    head = f"<title>{escape(a.title)} | CFTC</title>"
    body = (
        f'{_nav("CFTC", 18)}<main><div class="press-release"><div class="press-release-header">'
        f"<p>Release Number {escape(a.release or '')}</p><p>{a.published:%B %d, %Y}</p></div>"
        f'<h1 class="page-title">{escape(a.title)}</h1><div class="field--name-body">{body_html(a)}</div>'
        f"</div>{_related(related)}</main><footer>Commodity Futures Trading Commission</footer>"
    )
    return _page(a.lang, head, body)


def treasury(a: Article, url: str, related: list[tuple[str, str]]) -> str:
    """Treasury Drupal sites (OFAC, FinCEN): Open Graph meta and a `<time>` in the node header."""
    head = (
        f"<title>{escape(a.title)} | U.S. Department of the Treasury</title>"
        f'<meta property="og:title" content="{escape(a.title)}">'
        f'<meta property="article:published_time" content="{a.published.isoformat()}T12:00:00-04:00">'
    )
    body = (
        f'{_nav("Treasury", 22)}<main id="main-content"><article class="node"><h1>{escape(a.title)}</h1>'
        f'<div class="node__meta"><time datetime="{a.published.isoformat()}T16:00:00Z">'
        f'{a.published:%B %d, %Y}</time></div><div class="node__content">{body_html(a)}</div></article>'
        f"{_related(related)}</main><footer>Treasury</footer>"
    )
    return _page(a.lang, head, body)


def mas(a: Article, url: str, related: list[tuple[str, str]]) -> str:
    """MAS page: a "Published Date" line and a Dublin Core date meta."""
    head = f'<title>{escape(a.title)}</title><meta name="dcterms.date" content="{a.published.isoformat()}">'
    body = (
        f'{_nav("MAS", 35)}<main><div class="mas-section"><h1 class="mas-text-h1">{escape(a.title)}</h1>'
        f'<div class="mas-ancillaries">Published Date: {a.published:%d %B %Y}</div>'
        f'<div class="mas-rte-content">{body_html(a)}</div></div>{_related(related)}</main>'
        "<footer>Monetary Authority of Singapore</footer>"
    )
    return _page(a.lang, head, body)


def austrac(a: Article, url: str, related: list[tuple[str, str]]) -> str:
    """GovCMS (Drupal) page: `<time datetime>` beside the title, long menus."""
    head = f"<title>{escape(a.title)} | AUSTRAC</title>"
    body = (
        f'{_nav("AUSTRAC", 45)}<main><div class="page-header"><h1>{escape(a.title)}</h1>'
        f'<time datetime="{a.published.isoformat()}T12:00:00Z">{a.published:%d %B %Y}</time></div>'
        f'<div class="body-copy">{body_html(a)}</div>{_related(related)}</main>'
        "<footer>AUSTRAC</footer>"
    )
    return _page(a.lang, head, body)


STYLES: dict[str, Callable[[Article, str, list[tuple[str, str]]], str]] = {
    "govkz": govkz,
    "nbk": nbk,
    "afsa": afsa,
    "wordpress": wordpress,
    "decrypt": decrypt,
    "sec": sec,
    "fca": fca,
    "cftc": cftc,
    "treasury": treasury,
    "mas": mas,
    "austrac": austrac,
}
