"""Version 4: pages carry their feed/listing hints and when their article was parsed.

A crawl stores raw pages first and parses them into documents in the background
(`regintel.articles`); `parsed_at IS NULL` marks a page whose article is still to be parsed,
so a crawl killed between the two steps resumes the parsing. Pages stored before this version
were parsed when they were fetched.
"""

from __future__ import annotations

import duckdb


def upgrade(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("ALTER TABLE pages ADD COLUMN hint_date VARCHAR")
    con.execute("ALTER TABLE pages ADD COLUMN hint_title VARCHAR")
    con.execute("ALTER TABLE pages ADD COLUMN parsed_at TIMESTAMPTZ")
    con.execute("UPDATE pages SET parsed_at = fetched_at")
