"""Highlighted HTML is built from escaped text only, and only http(s) addresses become links."""

from __future__ import annotations

import pytest

from regintel.app.links import is_web
from regintel.app.markup import highlighted, link
from warehouse import Mark

HOSTILE = "<script>alert(1)</script> fined <img src=x onerror=alert(2)> $5m"


def test_marks_wrap_escaped_text() -> None:
    figure = HOSTILE.index("$5m")
    out = highlighted(HOSTILE, [Mark(figure, figure + 3, "figure", "f1"), Mark(0, 8, "agency")])
    assert out == ('<div class="rg-text"><mark class="agency">&lt;script&gt;</mark>alert(1)&lt;/script&gt; '
                   'fined &lt;img src=x onerror=alert(2)&gt; <mark class="figure">$5m</mark></div>')


def test_overlapping_and_outside_marks_are_dropped_not_broken() -> None:
    out = highlighted("abcdef", [Mark(0, 4, "figure"), Mark(2, 5, "agency"), Mark(4, 99, "agency")])
    assert out == '<div class="rg-text"><mark class="figure">abcd</mark>ef</div>'


def test_a_figure_can_link_to_its_fact_page() -> None:
    out = highlighted("fined $5m", [Mark(6, 9, "figure", 'x"><script>')], link_facts=True)
    assert 'href="fact?fact=x%22%3E%3Cscript%3E" target="_self">$5m</a>' in out


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example/",
                                 "https:///nohost", "ftp://files.example/a", ""])
def test_other_schemes_are_text(url: str) -> None:
    assert not is_web(url)
    assert "<a " not in link(url)


def test_a_web_link_is_escaped_and_opens_without_referrer() -> None:
    out = link('https://x.example/a?b="c"&d=<e>', "Title <b>")
    assert out == ('<a href="https://x.example/a?b=&quot;c&quot;&amp;d=&lt;e&gt;" target="_blank" '
                   'rel="noopener noreferrer nofollow">Title &lt;b&gt;</a>')
