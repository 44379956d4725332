"""Scrapy settings for Regintel.

Components read their settings in `from_crawler`; a source may override the politeness ones
(`Source.politeness`). Defaults are polite for real sites; tests and the demo lower the delays
for loopback.
"""

from regintel.settings import crawl_defaults

BOT_NAME = "regintel"
SPIDER_MODULES = ["crawlers.spiders"]
NEWSPIDER_MODULE = "crawlers.spiders"

# --------------------------------------------------------------------------- regintel
# Every REGINTEL_* setting is declared in regintel/settings.py; Scrapy starts from those values
# (the environment's, else the defaults), and runs override them like any Scrapy setting.
globals().update(crawl_defaults())

# --------------------------------------------------------------------------- politeness
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024  # also bounds gzip decompression (bombs)
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # no control port: crawls are driven by the runner or the CLI
DEPTH_PRIORITY = 0
# Scrapy starts CONCURRENT_ITEMS asyncio tasks for every callback result; ours yield one item
# (or a few requests), so the default 100 costs ~100 idle tasks per page for nothing.
CONCURRENT_ITEMS = 8
LOG_LEVEL = "INFO"

# The store pipeline keeps its own crawl state in the warehouse; no Scrapy job dir is needed.
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawlers.middlewares.politeness.BackoffRetryMiddleware": 550,
    "crawlers.middlewares.politeness.ContactUserAgentMiddleware": 500,
    "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware": None,
    "crawlers.middlewares.conditional.ConditionalGetMiddleware": 560,
    "crawlers.middlewares.breakage.BreakageMiddleware": 585,
    "crawlers.middlewares.guard.PrivateAddressGuard": 970,
}
ITEM_PIPELINES = {
    "crawlers.pipelines.store.StorePipeline": 800,
}
# The run lifecycle (begin, judge, finish) and the background article parser; they meet the store
# pipeline through our signals (crawlers/signals.py), not through each other.
EXTENSIONS = {
    "crawlers.runs.RunLifecycle": 500,
    "crawlers.parsing.ParsingExtension": 510,
}
# Private addresses are refused again when connecting (see crawlers/resolver.py: DNS rebinding).
TWISTED_DNS_RESOLVER = "crawlers.resolver.PublicOnlyResolver"
# The rewrite handler passes through unless the rewrite setting maps the URL to a mirror.
DOWNLOAD_HANDLERS = {
    "http": "crawlers.rewrite.RewriteDownloadHandler",
    "https": "crawlers.rewrite.RewriteDownloadHandler",
}
