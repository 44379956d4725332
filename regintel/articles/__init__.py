"""The Page -> Document stage: a stored raw page in, its Document or the CrawlIssues saying why not out.

Pure and CPU-heavy (main text, tables, title, date, language, hashes for HTML and PDF); it
imports only `regintel.contracts`. A crawl stores pages first and parses them with this stage
in low-priority worker processes (`crawlers.parsing`), so fetching never waits for extraction.
"""

from regintel.articles.analysis import warm_up
from regintel.articles.document import Parsed, parse_page, parse_pages
from regintel.articles.options import Options, options_for

__all__ = ["Options", "Parsed", "options_for", "parse_page", "parse_pages", "warm_up"]
