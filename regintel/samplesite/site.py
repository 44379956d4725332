"""Build the whole sample site in memory: `/<real host>/<real path>?<query>` -> Resource.

Each mirrored publisher gets its real URL structure: article pages in its CMS style, and the
feeds, sitemap (index, news) and paginated listings its source definition points at, plus a
robots.txt with a Disallow. Feeds and sitemaps carry absolute real URLs, like the originals;
the crawler maps them to this mirror with its rewrite setting.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from regintel.samplesite import hostile, indexes
from regintel.samplesite.agencies import agency_listings
from regintel.samplesite.articles import Article, load_articles
from regintel.samplesite.pdf import make_pdf
from regintel.samplesite.templates import STYLES

PER_PAGE = 4


@dataclass(slots=True)
class Resource:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    last_modified: datetime | None = None
    behaviour: str | None = None


@dataclass(slots=True)
class Site:
    resources: dict[str, Resource] = field(default_factory=dict)  # "/host/path?query" -> resource
    articles: dict[str, Article] = field(default_factory=dict)  # real article URL -> article
    pdf_url: str = ""

    def add(self, url: str, resource: Resource) -> None:
        parts = urlsplit(url)
        key = f"/{parts.hostname}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")
        self.resources[key] = resource

    def serves(self, url: str) -> bool:
        """Whether this real URL is mirrored (used to pick the sources a demo can crawl)."""
        parts = urlsplit(url)
        return (
            f"/{parts.hostname}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")
            in self.resources
        )

    def hosts(self) -> list[str]:
        return sorted({key.split("/", 2)[1] for key in self.resources})


def _stamp(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, 9, 0, tzinfo=UTC)


def _num(a: Article, digits: int = 6) -> int:
    return 10 ** (digits - 1) + zlib.crc32(a.slug.encode()) % (9 * 10 ** (digits - 1))


def _fincen(a: Article) -> str:
    if a.format == "pdf":
        return f"https://www.fincen.gov/sites/default/files/enforcement_action/{a.published}/{a.slug}.pdf"
    return f"https://www.fincen.gov/news/news-releases/{a.slug}"


# Real URL shape of an article per publisher (its articles folder: host, or host+section).
ARTICLE_URLS: dict[str, Callable[[Article], str]] = {
    "www.gov.kz": lambda a: (
        f"https://www.gov.kz/memleket/entities/afm/press/news/details/{_num(a)}?lang={a.lang}"
    ),
    "www.nationalbank.kz": lambda a: f"https://www.nationalbank.kz/ru/news/press-relizy/{_num(a, 5)}",
    "afsa.aifc.kz": lambda a: f"https://afsa.aifc.kz/press-releases/{a.slug}/",
    "timesca.com": lambda a: f"https://timesca.com/{a.slug}/",
    "astanatimes.com": lambda a: f"https://astanatimes.com/{a.published:%Y/%m}/{a.slug}/",
    "kz.kursiv.media": lambda a: f"https://kz.kursiv.media/{a.published:%Y-%m-%d}/{a.slug}/",
    "decrypt.co": lambda a: f"https://decrypt.co/{_num(a)}/{a.slug}",
    "www.sec.gov": lambda a: (
        f"https://www.sec.gov/newsroom/press-releases/{a.published:%Y}-{_num(a, 3) % 200}"
    ),
    "www.fca.org.uk": lambda a: f"https://www.fca.org.uk/news/press-releases/{a.slug}",
    "www.gov.kz+ardfm": lambda a: (
        f"https://www.gov.kz/memleket/entities/ardfm/press/news/details/{_num(a)}?lang={a.lang}"
    ),
    "www.cftc.gov": lambda a: f"https://www.cftc.gov/PressRoom/PressReleases/{a.release}",
    "ofac.treasury.gov": lambda a: f"https://ofac.treasury.gov/recent-actions/{a.published:%Y%m%d}",
    "www.fincen.gov": _fincen,
    "www.mas.gov.sg": lambda a: (
        f"https://www.mas.gov.sg/regulation/enforcement/enforcement-actions/{a.published:%Y}/{a.slug}"
    ),
    "www.austrac.gov.au": lambda a: f"https://www.austrac.gov.au/news-and-media/media-release/{a.slug}",
}
STYLE_OF = {
    "www.gov.kz": "govkz",
    "www.nationalbank.kz": "nbk",
    "afsa.aifc.kz": "afsa",
    "timesca.com": "wordpress",
    "astanatimes.com": "wordpress",
    "kz.kursiv.media": "wordpress",
    "decrypt.co": "decrypt",
    "www.sec.gov": "sec",
    "www.fca.org.uk": "fca",
    "www.gov.kz+ardfm": "govkz",
    "www.cftc.gov": "cftc",
    "ofac.treasury.gov": "treasury",
    "www.fincen.gov": "treasury",
    "www.mas.gov.sg": "mas",
    "www.austrac.gov.au": "austrac",
}


def _paginate(
    site: Site,
    style: str,
    title: str,
    items: list[tuple[Article, str]],
    page_url: Callable[[int], str],
    extra_first: str = "",
    per_page: int = PER_PAGE,
) -> None:
    for url, body in indexes.paginated(style, title, items, page_url, per_page, extra_first):
        site.add(url, Resource(body))


def _structures(site: Site, by_host: dict[str, list[tuple[Article, str]]]) -> None:
    xml = "application/xml; charset=utf-8"
    rss = "application/rss+xml; charset=utf-8"
    for lang in ("ru", "en"):
        items = [(a, u) for a, u in by_host.get("www.gov.kz", []) if a.lang == lang]
        base = f"https://www.gov.kz/memleket/entities/afm/press/news?lang={lang}"
        _paginate(site, "govkz", "Новости", items, lambda n, b=base: b if n == 1 else f"{b}&page={n}")
    nbk = "https://www.nationalbank.kz/ru/news/press-relizy"
    _paginate(
        site,
        "nbk",
        "Пресс-релизы",
        by_host.get("www.nationalbank.kz", []),
        lambda n: nbk if n == 1 else f"{nbk}?page={n}",
    )
    pdf_link = (
        f'<article class="press-item"><h3><a href="{urlsplit(site.pdf_url).path}">AFSA enforcement '
        'notice (PDF)</a></h3><span class="press-date">03.03.2025</span></article>'
    )
    _paginate(
        site,
        "afsa",
        "Press releases",
        by_host.get("afsa.aifc.kz", []),
        lambda n: (
            "https://afsa.aifc.kz/press-releases/"
            if n == 1
            else f"https://afsa.aifc.kz/press-releases/page/{n}/"
        ),
        pdf_link,
    )
    sec = "https://www.sec.gov/newsroom/press-releases"
    _paginate(
        site,
        "sec",
        "Press Releases",
        by_host.get("www.sec.gov", []),
        lambda n: sec if n == 1 else f"{sec}?page={n - 1}",
    )
    feeds = {
        "timesca.com": "https://timesca.com/feed/",
        "astanatimes.com": "https://astanatimes.com/feed/",
        "decrypt.co": "https://decrypt.co/feed",
        "www.sec.gov": "https://www.sec.gov/news/pressreleases.rss",
        "www.fca.org.uk": "https://www.fca.org.uk/news/rss.xml",
    }
    for host, url in feeds.items():
        site.add(url, Resource(indexes.rss(host, f"https://{host}/", by_host.get(host, [])), rss))
    site.add(
        "https://timesca.com/news-sitemap.xml",
        Resource(indexes.urlset(by_host["timesca.com"], news=True), xml),
    )
    site.add(
        "https://astanatimes.com/sitemap_index.xml",
        Resource(indexes.sitemap_index(["https://astanatimes.com/post-sitemap.xml"]), xml),
    )
    site.add(
        "https://astanatimes.com/post-sitemap.xml", Resource(indexes.urlset(by_host["astanatimes.com"]), xml)
    )
    kursiv = by_host.get("kz.kursiv.media", [])
    site.add(
        "https://kz.kursiv.media/sitemap.xml",
        Resource(
            indexes.sitemap_index(
                ["https://kz.kursiv.media/sitemap-news.xml", "https://kz.kursiv.media/sitemap-posts.xml"]
            ),
            xml,
        ),
    )
    site.add("https://kz.kursiv.media/sitemap-news.xml", Resource(indexes.urlset(kursiv[:3], news=True), xml))
    site.add("https://kz.kursiv.media/sitemap-posts.xml", Resource(indexes.urlset(kursiv), xml))
    site.add(
        "https://www.fca.org.uk/sitemap.xml", Resource(indexes.urlset(by_host.get("www.fca.org.uk", [])), xml)
    )


def _hostile(site: Site) -> None:
    pages = hostile.pages()
    base = f"https://{hostile.HOST}"
    site.add(f"{base}/news/", Resource(hostile.listing(pages)))
    site.add(f"{base}/robots.txt", Resource(hostile.ROBOTS, "text/plain"))
    for page in pages:
        site.add(base + page.path, Resource(page.body, page.content_type, page.status, None, page.behaviour))


def _render(article: Article, url: str, related: list[tuple[str, str]]) -> Resource:
    stamp = _stamp(article.published)
    if article.format == "pdf":
        return Resource(
            make_pdf(article.title, article.paragraphs, article.published), "application/pdf", 200, stamp
        )
    html = STYLES[STYLE_OF[article.publisher]](article, url, related)
    return Resource(html.encode("utf-8"), last_modified=stamp)


def build(articles: list[Article] | None = None) -> Site:
    site = Site()
    by_pub: dict[str, list[tuple[Article, str]]] = {}
    for article in articles if articles is not None else load_articles():
        if article.publisher not in ARTICLE_URLS:
            continue
        url = ARTICLE_URLS[article.publisher](article)
        by_pub.setdefault(article.publisher, []).append((article, url))
        site.articles[url] = article
    for items in by_pub.values():
        for article, url in items:
            related = [(u, a.title) for a, u in items if u != url][:5]
            site.add(url, _render(article, url, related))
    for host in sorted({publisher.split("+", 1)[0] for publisher in ARTICLE_URLS}):
        site.add(
            f"https://{host}/robots.txt",
            Resource(indexes.robots(host, ["/search", "/admin/"], []), "text/plain"),
        )
    afsa_items = by_pub.get("afsa.aifc.kz", [])
    site.pdf_url = "https://afsa.aifc.kz/upload/enforcement/afsa-enforcement-notice-2025-03.pdf"
    first = afsa_items[0][0] if afsa_items else None
    pdf = make_pdf(
        "AFSA imposes a fine for breaches of anti-money laundering rules",
        [
            "The Astana Financial Services Authority (AFSA) has imposed a fine of USD 35,000 on an "
            "authorised firm after a review found that it onboarded 42 clients without completing "
            "customer due diligence.",
            "The review covered the period from January 2023 to June 2024. The firm has been directed to "
            "engage an independent reviewer and to report on remediation within six months.",
            "This notice is published under the AIFC Financial Services Framework Regulations. "
            + (f"See also: {first.title}." if first else ""),
        ],
        date(2025, 3, 3),
    )
    site.add(site.pdf_url, Resource(pdf, "application/pdf", last_modified=_stamp(date(2025, 3, 3))))
    _structures(site, by_pub)
    for url, body in agency_listings(by_pub):
        site.add(url, Resource(body))
    _hostile(site)
    return site
