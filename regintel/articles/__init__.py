"""Stored raw pages -> articles: main text, title, date, language, hashes (pure, CPU-heavy).

A crawl stores pages first and parses them here in low-priority worker processes
(`crawlers.parsing`), so fetching never waits for extraction.
"""
