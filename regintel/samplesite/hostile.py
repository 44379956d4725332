"""Hostile pages: everything a real crawl meets that is not a clean article.

Served under `https://hostile.regintel.test/` (mirrored like the publishers). Each page
declares the CrawlIssue reason a correct crawler records for it, and whether its article
should still be stored (a recoverable page) — the tests read these expectations.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass

HOST = "hostile.regintel.test"


@dataclass(frozen=True, slots=True)
class Hostile:
    path: str
    reason: str  # the CrawlIssue reason expected
    stored: bool  # the article is still stored (decodable/recoverable page)
    behaviour: str | None = None  # what the server does beyond returning the body
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    listed: bool = True  # linked from the hostile listing (redirect targets are reached by redirect)


_RU_PARAGRAPHS = (
    "Агентство по финансовому мониторингу сообщило о завершении проверки платёжной компании, "
    "через которую за полгода прошло около двух миллиардов тенге сомнительных переводов.",
    "По данным ведомства, деньги дробились на тысячи мелких платежей и выводились через карты "
    "подставных лиц. На имущество организаторов наложен арест на сумму 640 миллионов тенге.",
    "Следствие продолжается, к уголовной ответственности могут быть привлечены ещё несколько "
    "сотрудников компании, отвечавших за внутренний контроль.",
)
_EN_PARAGRAPHS = (
    "The markets regulator said on Tuesday that it had fined a brokerage 2.4 million dollars after "
    "an inspection found that client money had been mixed with the firm's own funds for two years.",
    "Inspectors reviewed 1,150 client accounts and found gaps in the records of 87 of them. The firm "
    "agreed to appoint an independent auditor and to repay affected clients within ninety days.",
    "The regulator added that the case was the third of its kind this year and that it would publish "
    "updated guidance on the safekeeping of client assets before the end of the quarter.",
)


def _page(title: str, paragraphs: tuple[str, ...], lang: str, meta_charset: str | None, date: str) -> str:
    meta = f'<meta charset="{meta_charset}">' if meta_charset else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head>{meta}<title>{title}</title>'
        f'<meta property="article:published_time" content="{date}"></head><body>'
        f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article></body></html>"
    )


def _malformed() -> bytes:
    paragraphs = "".join(f"<p><b>{p}<i> </b></div>" for p in _EN_PARAGRAPHS)  # unclosed and misnested tags
    return (
        "<html><head><title>Brokerage fined over client money</title>"
        '<meta property="article:published_time" content="2025-02-11"><body><div><article>'
        f"<h1>Brokerage fined over client money</h1><span>{paragraphs}</article></td></tr></table><p>"
    ).encode()


def pages() -> list[Hostile]:
    ru_title = "АФМ арестовала имущество платёжной компании"
    cp1251 = _page(ru_title, _RU_PARAGRAPHS, "ru", None, "2025-03-04").encode("cp1251")
    wrong = _page(ru_title + " (повтор)", _RU_PARAGRAPHS[::-1], "ru", "iso-8859-1", "2025-03-05").encode(
        "cp1251"
    )
    challenge = (
        b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
        b"<div id='challenge-running'>Checking your browser before accessing the site.</div>"
        b"<script src='/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1'></script></body></html>"
    )
    empty = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>News</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news/'>News</a> <a href='/contacts'>Contacts</a></nav>"
        "<main></main><footer>© Regulator</footer></body></html>"
    ).encode()
    return [
        Hostile(
            "/news/clean-article.html",
            "",
            True,
            body=_page("Regulator fines brokerage", _EN_PARAGRAPHS, "en", "utf-8", "2025-02-10").encode(),
        ),
        Hostile("/news/malformed.html", "malformed_html", True, body=_malformed()),
        Hostile(
            "/news/cp1251-undeclared.html", "charset_missing", True, body=cp1251, content_type="text/html"
        ),
        Hostile(
            "/news/cp1251-wrong-charset.html",
            "charset_mismatch",
            True,
            body=wrong,
            content_type="text/html; charset=iso-8859-1",
        ),
        Hostile("/news/oversized.html", "too_large", False, behaviour="oversized"),
        Hostile(
            "/news/gzip-bomb.html",
            "decompression_bomb",
            False,
            behaviour="gzip",
            body=gzip.compress(b"\0" * (20 * 1024 * 1024), compresslevel=9),
        ),
        Hostile("/news/binary.html", "binary", False, body=bytes(range(256)) * 64),
        Hostile(
            "/news/loop-a.html", "redirect_loop", False, behaviour="redirect:/news/loop-b.html", status=302
        ),
        Hostile(
            "/news/loop-b.html", "", False, behaviour="redirect:/news/loop-a.html", status=302, listed=False
        ),
        Hostile("/news/old-address.html", "", False, behaviour="redirect:/news/2025/moved.html", status=301),
        Hostile(
            "/news/2025/moved.html",
            "",
            True,
            body=_page(
                "Brokerage fine upheld on appeal", _EN_PARAGRAPHS[1:], "en", "utf-8", "2025-02-20"
            ).encode(),
            listed=False,
        ),
        Hostile("/news/slow.html", "timeout", False, behaviour="slow", body=empty),
        Hostile("/news/forbidden.html", "http_403", False, body=b"Forbidden", status=403),
        Hostile(
            "/news/rate-limited.html",
            "http_429",
            False,
            behaviour="retry-after",
            body=b"Slow down",
            status=429,
        ),
        Hostile("/news/challenge.html", "challenge", False, body=challenge),
        Hostile("/news/empty.html", "no_article", False, body=empty),
        Hostile("/news/missing.html", "http_404", False, body=b"Not found", status=404),
        Hostile("/private/internal-memo.html", "robots", False, body=empty),
    ]


def listing(items: list[Hostile]) -> bytes:
    links = "".join(f'<li><a href="{h.path}">{h.path}</a></li>' for h in items if h.listed)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Hostile news</title></head><body>"
        f"<ul class='items'>{links}</ul></body></html>"
    ).encode()


ROBOTS = b"User-agent: *\nDisallow: /private/\n"
OVERSIZED_BYTES = 9 * 1024 * 1024
