"""Listing pages of the agencies mirrored without feeds: ARDFM, CFTC, OFAC, FinCEN, MAS, AUSTRAC.

Each reproduces the real listing's URL, markup (the selectors in crawlers/sources.yaml) and
pagination style (`?page=n-1` on Drupal sites, `&page=n` on gov.kz, `?page=n` on MAS).
"""

from __future__ import annotations

from collections.abc import Callable

from regintel.samplesite import indexes
from regintel.samplesite.indexes import Item


def _pages(first: str, later: str) -> Callable[[int], str]:
    """Listing page n: `first` for page 1, else `later` formatted with n (1-based) and n - 1."""
    return lambda n: first if n == 1 else later.format(n=n, prev=n - 1)


def agency_listings(by_pub: dict[str, list[Item]]) -> list[tuple[str, bytes]]:
    """(real URL, body) of every listing page; a few items a page so pagination is exercised."""
    ardfm = "https://www.gov.kz/memleket/entities/ardfm/press/news?lang=ru"
    cftc = "https://www.cftc.gov/PressRoom/PressReleases"
    ofac = "https://ofac.treasury.gov/recent-actions"
    fincen = [(a, u) for a, u in by_pub.get("www.fincen.gov", []) if a.format == "html"]
    fincen_pdf = [(a, u) for a, u in by_pub.get("www.fincen.gov", []) if a.format == "pdf"]
    mas = "https://www.mas.gov.sg/regulation/enforcement/enforcement-actions"
    austrac = "https://www.austrac.gov.au/news-and-media/media-release"
    listings = (
        ("govkz", "Новости", by_pub.get("www.gov.kz+ardfm", []), _pages(ardfm, ardfm + "&page={n}"), 2),
        ("sec", "Press Releases", by_pub.get("www.cftc.gov", []), _pages(cftc, cftc + "?page={prev}"), 2),
        (
            "ofac",
            "Recent Actions",
            by_pub.get("ofac.treasury.gov", []),
            _pages(ofac, ofac + "?page={prev}"),
            2,
        ),
        (
            "fincen",
            "Press Releases",
            fincen,
            _pages("https://www.fincen.gov/news-room/press-releases", ""),
            10,
        ),
        (
            "sec",
            "Enforcement Actions",
            fincen_pdf,
            _pages("https://www.fincen.gov/news-room/enforcement-actions", ""),
            10,
        ),
        ("mas", "Enforcement Actions", by_pub.get("www.mas.gov.sg", []), _pages(mas, mas + "?page={n}"), 1),
        (
            "austrac",
            "Media releases",
            by_pub.get("www.austrac.gov.au", []),
            _pages(austrac, austrac + "?page={prev}"),
            10,
        ),
    )
    return [
        page
        for style, title, items, page_url, per_page in listings
        for page in indexes.paginated(style, title, items, page_url, per_page)
    ]
