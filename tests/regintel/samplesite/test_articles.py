"""samplesite/articles.py: the Markdown + front matter article format."""

from __future__ import annotations

from datetime import date

from regintel.samplesite.articles import load_articles, parse_article

TEXT = """---
title: Регулятор оштрафовал банк
published: 2025-02-03
lang: ru
tags: [штраф]
---
Первый абзац о штрафе.
Продолжение абзаца.

| Показатель | 2024 |
|---|---|
| Штрафы | 12 |

Последний абзац.
"""


def test_parse_article_blocks_and_table() -> None:
    article = parse_article(TEXT, "www.gov.kz", "fine")
    assert article.title == "Регулятор оштрафовал банк" and article.published == date(2025, 2, 3)
    assert article.lang == "ru" and article.tags == ("штраф",)
    assert article.blocks[0] == "Первый абзац о штрафе. Продолжение абзаца."
    assert article.blocks[1] == (("Показатель", "2024"), ("Штрафы", "12"))
    assert article.paragraphs == ["Первый абзац о штрафе. Продолжение абзаца.", "Последний абзац."]


def test_bundled_articles_load() -> None:
    articles = load_articles()
    assert len(articles) >= 40
    assert {a.lang for a in articles} == {"en", "ru"}


def test_shared_host_folder_and_pdf_release() -> None:
    text = "---\ntitle: Order\npublished: 2024-10-10\nformat: pdf\nrelease: 8959-24\n---\nBody text.\n"
    article = parse_article(text, "www.gov.kz+ardfm", "order")
    assert article.host == "www.gov.kz" and article.publisher == "www.gov.kz+ardfm"
    assert article.format == "pdf" and article.release == "8959-24"
    publishers = {a.publisher for a in load_articles()}
    assert {"www.gov.kz", "www.gov.kz+ardfm", "www.cftc.gov", "ofac.treasury.gov"} <= publishers
