"""samplesite/site.py: every mirrored publisher gets its real URL structure."""

from __future__ import annotations

from regintel.samplesite.site import build


def test_structure_per_publisher() -> None:
    site = build()
    assert len(site.articles) >= 40
    for url in (
        "https://timesca.com/feed/",
        "https://timesca.com/news-sitemap.xml",
        "https://astanatimes.com/sitemap_index.xml",
        "https://kz.kursiv.media/sitemap.xml",
        "https://www.sec.gov/news/pressreleases.rss",
        "https://www.sec.gov/newsroom/press-releases",
        "https://www.fca.org.uk/news/rss.xml",
        "https://www.gov.kz/memleket/entities/afm/press/news?lang=ru",
        "https://www.gov.kz/memleket/entities/afm/press/news?lang=ru&page=2",
        "https://afsa.aifc.kz/press-releases/",
        "https://www.nationalbank.kz/ru/news/press-relizy",
        "https://www.gov.kz/robots.txt",
        "https://www.gov.kz/memleket/entities/ardfm/press/news?lang=ru&page=2",
        "https://www.cftc.gov/PressRoom/PressReleases?page=1",
        "https://ofac.treasury.gov/recent-actions?page=1",
        "https://www.fincen.gov/news-room/enforcement-actions",
        "https://www.mas.gov.sg/regulation/enforcement/enforcement-actions?page=2",
        "https://www.austrac.gov.au/news-and-media/media-release",
        site.pdf_url,
    ):
        assert site.serves(url), url
    assert site.resources[site.pdf_url.replace("https:/", "")].body.startswith(b"%PDF")
    assert not site.serves("https://www.cftc.gov/PressRoom/PressReleases?page=9")
    assert "hostile.regintel.test" in site.hosts()
    pages = [site.resources["/" + u.split("://")[1]].body for u in site.articles]
    markers = (
        b'class="news-content"',
        b'class="entry-content"',
        b"application/ld+json",
        b"press-release__date",
        b'class="article-body"',
        b"First published:",
        b"<time datetime=",
        b'<table class="data">',
        b"Release Number",
        b"Published Date:",
        b'class="node__meta"',
    )
    for marker in markers:  # each CMS style (and tables) is present
        assert any(marker in page for page in pages), marker
