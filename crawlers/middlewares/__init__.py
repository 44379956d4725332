"""Downloader middlewares: politeness, private-address guard, breakage detection, conditional GET."""
