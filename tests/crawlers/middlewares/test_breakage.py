"""crawlers/middlewares/breakage.py: binary bodies and challenge pages become Breakage with a reason."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

from crawlers.middlewares.breakage import Breakage, BreakageMiddleware, load_challenge_patterns, looks_binary
from regintel.samplesite import hostile

PAGES = {h.path: h for h in hostile.pages()}
REQUEST = Request("https://x.kz/a", meta={"regintel_kind": "article"})


def _middleware() -> BreakageMiddleware:
    return BreakageMiddleware.from_crawler(
        get_crawler(settings_dict={"REGINTEL_CHALLENGE_MAX_BYTES": 200_000})
    )


def test_challenge_page_is_breakage() -> None:
    response = HtmlResponse("https://x.kz/a", body=PAGES["/news/challenge.html"].body, request=REQUEST)
    with pytest.raises(Breakage) as err:
        _middleware().process_response(REQUEST, response)
    assert err.value.reason == "challenge"


def test_binary_as_html_is_breakage_but_pdf_and_text_pass() -> None:
    binary = Response(
        "https://x.kz/a", body=PAGES["/news/binary.html"].body, headers={"Content-Type": "text/html"}
    )
    with pytest.raises(Breakage) as err:
        _middleware().process_response(REQUEST, binary)
    assert err.value.reason == "binary"
    assert not looks_binary(b"%PDF-1.4 \x00\x01\x02") and not looks_binary("Привет".encode("cp1251") * 50)
    fine = HtmlResponse("https://x.kz/a", body=PAGES["/news/clean-article.html"].body, request=REQUEST)
    assert _middleware().process_response(REQUEST, fine) is fine


def test_patterns_have_provenance() -> None:
    import yaml

    from crawlers.middlewares.breakage import PATTERNS_FILE

    entries = yaml.safe_load(PATTERNS_FILE.read_text(encoding="utf-8"))["patterns"]
    assert all(e["source"].startswith("https://") and e["retrieved"] and e["note"] for e in entries)
    assert len(load_challenge_patterns()) == len(entries)


@pytest.mark.parametrize(
    "title", ["JUST A MOMENT...", "Attention Required! | Cloudflare", "Проверка браузера", "Вы не робот?"]
)
def test_challenge_titles_in_any_case(title: str) -> None:
    assert _middleware().challenge(f"<html><head><title>{title}</title></head>".encode()) is not None
