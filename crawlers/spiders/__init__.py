"""Generic spiders driven by a Source: `source` (all entry points), `feed`, `sitemap`, `listing`."""
