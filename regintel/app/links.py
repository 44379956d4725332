"""The app's page addresses and the links between them.

Every view has a URL: the fact page is `fact?fact=<fact_id>`, the document page
`document?doc=<doc_id>`, and Search and Trends carry their query in the URL (state.py). Links
are relative, so they work under any host and base path.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

SEARCH = "."  # the default page, at the app's root
FACT = "fact"
DOCUMENT = "document"
TRENDS = "trends"
FACT_KEY = "fact"  # the fact page's URL key
DOC_KEY = "doc"  # the document page's URL key


def fact_url(fact_id: str) -> str:
    return f"{FACT}?{urlencode({FACT_KEY: fact_id})}"


def document_url(doc_id: str) -> str:
    return f"{DOCUMENT}?{urlencode({DOC_KEY: doc_id})}"


def page_url(path: str, params: dict[str, list[str]]) -> str:
    """A page with the given URL state (repeated keys for several values)."""
    query = urlencode(params, doseq=True)
    return f"{path}?{query}" if query else path


def is_web(url: str | None) -> bool:
    """Only http(s) addresses with a host become links; anything else (javascript:, data:) is text."""
    if not url:
        return False
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
