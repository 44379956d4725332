"""HTML built from escaped text only: highlighted sentences and articles, safe links.

Crawled text is untrusted. Every piece of it is passed through `html.escape` before it is
joined with the few tags written here (`mark`, `a`, `span`), and a link's address must be
http(s) (links.is_web); anything else is shown as text. The result goes to `st.html`, which
does not interpret markdown either.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from regintel.app.links import fact_url, is_web
from warehouse.detail import Mark

STYLE = """<style>
.rg-text { line-height: 1.7; white-space: pre-wrap; font-size: 1rem; }
.rg-text mark { padding: 0 .15em; border-radius: .2em; }
.rg-text mark.figure { background: #ffe08a; font-weight: 600; }
.rg-text mark.agency { background: #bfe3ff; }
.rg-text mark.figure a { color: inherit; text-decoration: none; }
.rg-key mark { padding: 0 .3em; border-radius: .2em; margin-right: .6em; }
.rg-key mark.figure { background: #ffe08a; } .rg-key mark.agency { background: #bfe3ff; }
</style>"""
KEY = ('<div class="rg-key"><mark class="figure">figure</mark><mark class="agency">agency named</mark>'
       "</div>")


def link(url: str | None, label: str | None = None) -> str:
    """An anchor for an http(s) address (opened in a new tab, no referrer); other schemes as text."""
    text = escape(label or url or "")
    if not is_web(url):
        return f'<span class="rg-unlinked">{escape(url or "")}</span>' if url else text
    href = escape(url or "", quote=True)
    return f'<a href="{href}" target="_blank" rel="noopener noreferrer nofollow">{text}</a>'


def internal_link(url: str, label: str) -> str:
    """An anchor to another page of this app, opened in the same tab."""
    return f'<a href="{escape(url, quote=True)}" target="_self">{escape(label)}</a>'


def _kept(marks: Iterable[Mark], size: int) -> list[Mark]:
    """Marks inside the text, without overlaps (the earlier, then longer one wins)."""
    kept: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if 0 <= mark.start < mark.end <= size and (not kept or mark.start >= kept[-1].end):
            kept.append(mark)
    return kept


def highlighted(text: str, marks: Iterable[Mark], *, link_facts: bool = False) -> str:
    """`text` escaped, its marked ranges wrapped in `<mark class="figure|agency">`; with
    `link_facts`, a figure links to its fact page."""
    out, at = ['<div class="rg-text">'], 0
    for mark in _kept(marks, len(text)):
        out.append(escape(text[at:mark.start]))
        inner = escape(text[mark.start:mark.end])
        if link_facts and mark.fact_id:
            inner = f'<a href="{escape(fact_url(mark.fact_id), quote=True)}" target="_self">{inner}</a>'
        out.append(f'<mark class="{mark.kind}">{inner}</mark>')
        at = mark.end
    out.append(escape(text[at:]))
    out.append("</div>")
    return "".join(out)
