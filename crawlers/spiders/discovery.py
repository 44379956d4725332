"""Find article links in feeds (RSS/Atom), sitemaps (index, urlset, news) and listing pages.

Pure functions over response bodies, so each entry kind is tested without a crawl.
XML is parsed with entity resolution and network access off.
"""

from __future__ import annotations

import gzip
from typing import NamedTuple
from urllib.parse import urljoin

from lxml import etree
from parsel import Selector


class Candidate(NamedTuple):
    url: str
    date_raw: str | None = None  # publication date as the entry point wrote it
    title: str | None = None
    lastmod_raw: str | None = None  # change signal (sitemap lastmod, Atom updated)


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)


def _xml(body: bytes) -> etree._Element | None:
    if body[:2] == b"\x1f\x8b":
        body = gzip.decompress(body)[: 50 * 1024 * 1024]
    try:
        root = etree.fromstring(body.strip(), parser=_PARSER)
    except etree.XMLSyntaxError:
        return None
    return root


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(el: etree._Element, *names: str) -> str | None:
    for child in el.iter():
        if _local(child.tag) in names and child.text and child.text.strip():
            return child.text.strip()
    return None


def feed_candidates(body: bytes, base_url: str) -> list[Candidate]:
    """Items of an RSS 2.0 / RSS 1.0 / Atom feed."""
    root = _xml(body)
    if root is None:
        return []
    out = []
    for el in root.iter():
        name = _local(el.tag)
        if name == "item":
            link = _child_text(el, "link") or _child_text(el, "guid")
            date = _child_text(el, "pubDate", "date", "published")
            updated = _child_text(el, "updated", "modified")
        elif name == "entry":
            links = [c for c in el if _local(c.tag) == "link" and c.get("rel", "alternate") == "alternate"]
            link = links[0].get("href") if links else None
            date = _child_text(el, "published", "issued")
            updated = _child_text(el, "updated")
        else:
            continue
        if link:
            out.append(
                Candidate(urljoin(base_url, link.strip()), date or updated, _child_text(el, "title"), updated)
            )
    return out


def sitemap_candidates(body: bytes, base_url: str) -> tuple[bool, list[Candidate]]:
    """(is_index, entries): child sitemaps of an index, or pages of a urlset (news dates kept)."""
    root = _xml(body)
    if root is None:
        return False, []
    is_index = _local(root.tag) == "sitemapindex"
    out = []
    for el in root:
        if _local(el.tag) not in ("sitemap", "url"):
            continue
        loc = _child_text(el, "loc")
        if not loc:
            continue
        lastmod = _child_text(el, "lastmod")
        published = _child_text(el, "publication_date")
        out.append(Candidate(urljoin(base_url, loc), published or lastmod, _child_text(el, "title"), lastmod))
    return is_index, out


def listing_candidates(
    body: str, base_url: str, link_selector: str, next_selector: str | None, date_selector: str | None
) -> tuple[list[Candidate], str | None]:
    """Article links of a listing page (each with the date shown nearest to it) and the next page."""
    page = Selector(text=body)
    out = []
    for link in page.css(link_selector):
        href = link.attrib.get("href")
        if not href:
            continue
        date = None
        if date_selector:
            for ancestor in reversed(link.xpath("ancestor::*")):
                found = ancestor.css(date_selector)
                if found:
                    date = (
                        found[0].attrib.get("datetime") or " ".join(found[0].css("::text").getall()).strip()
                    )
                    break
        title = " ".join(link.css("::text").getall()).strip() or None
        out.append(Candidate(urljoin(base_url, href), date or None, title))
    next_url = None
    if next_selector:
        href = page.css(next_selector).attrib.get("href")
        next_url = urljoin(base_url, href) if href else None
    return out, next_url
