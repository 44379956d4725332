"""crawlers/spiders/source.py: failure reasons, URL filters and change detection of the generic spider."""

from __future__ import annotations

import pytest
from scrapy.crawler import Crawler
from scrapy.exceptions import DownloadTimeoutError, IgnoreRequest
from scrapy.http import Response
from scrapy.settings import Settings
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawlers.middlewares.breakage import Breakage
from crawlers.spiders.discovery import Candidate
from crawlers.spiders.source import SourceSpider, canonical, failure_reason
from regintel.contracts import RegintelError
from warehouse import PageState


def _fail(exc: Exception) -> Failure:
    try:
        raise exc
    except Exception:
        return Failure()


def test_failure_reasons() -> None:
    assert failure_reason(_fail(Breakage("challenge", "x")))[0] == "challenge"
    assert failure_reason(_fail(HttpError(Response("https://x/", status=403), "no")))[0] == "http_403"
    assert failure_reason(_fail(IgnoreRequest("Forbidden by robots.txt")))[0] == "robots"
    assert failure_reason(_fail(IgnoreRequest("max redirections reached")))[0] == "redirect_loop"
    assert failure_reason(_fail(DownloadTimeoutError("took longer")))[0] == "timeout"
    assert failure_reason(_fail(RuntimeError("odd")))[0] == "fetch_error"


def _crawler() -> Crawler:
    """A crawler before `crawl()`: settings not frozen yet, as when Scrapy builds the spider."""
    settings = Settings()
    settings.setmodule("crawlers.settings", priority="project")
    return Crawler(SourceSpider, settings)


def _spider(source_id: str = "astanatimes") -> SourceSpider:
    return SourceSpider.from_crawler(_crawler(), source=source_id)


def test_filters_and_change_detection() -> None:
    spider = _spider()
    assert spider.wanted("https://astanatimes.com/2025/04/some-story/")
    assert not spider.wanted("https://astanatimes.com/category/business/")
    assert not spider.wanted("https://evil.example/2025/04/story/")
    state = PageState(etag='"e"', last_modified="Wed, 16 Apr 2025 09:00:00 GMT", content_hash="h")
    assert spider.changed(Candidate("u", lastmod_raw="2025-05-01"), state)
    assert not spider.changed(Candidate("u", lastmod_raw="2025-04-01"), state)
    assert not spider.changed(Candidate("u"), state)
    assert canonical("https://www.gov.kz/a?page=2&lang=ru#top") == "https://www.gov.kz/a?lang=ru&page=2"


def test_politeness_overrides_apply_and_unknown_source_fails() -> None:
    crawler = _crawler()
    SourceSpider.from_crawler(crawler, source="afm_kz")
    assert crawler.settings.getfloat("DOWNLOAD_DELAY") == 2.0
    with pytest.raises(RegintelError, match="unknown source 'nope'"):
        _spider("nope")
    with pytest.raises(RegintelError, match="needs a source"):
        SourceSpider()
