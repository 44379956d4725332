"""Regintel: everything installed besides the three stage packages (crawlers, nlp, warehouse).

`contracts` and `settings` are read by every stage; `articles` turns stored pages into
documents; `jobs` are the silent runs (crawl, process, reparse, schedule, demo, rates) that
the faces call: `cli` (the `regintel` command) and `app` (the Streamlit pages).
"""

__version__ = "0.1.0"
