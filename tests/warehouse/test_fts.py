"""Full-text terms: digits kept, both stemmers, hostile text reduced to words, postings per document."""

from __future__ import annotations

from pathlib import Path

import duckdb

import warehouse
from regintel.contracts import Extraction
from tests.warehouse.wh_records import make_doc
from warehouse import fts


def test_analyse_keeps_digits_and_stems_both_languages() -> None:
    seized, number, russian = fts.analyse(("Seized", "130", "биржах"))
    assert seized == ("seized", (("seiz", "seized"),))  # the Russian stemmer leaves Latin words whole
    assert number == ("130", (("130",),)) and russian == ("биржах", (("бирж", "биржах"),))


def test_hostile_words_become_plain_tokens() -> None:
    (folded, tokens), = fts.analyse(("'DROP;--",))
    assert folded == "'drop;--" and tokens == (("drop",),)
    assert fts.analyse(("\x00\x1b'\"*()~^",)) == [("\x00\x1b'\"*()~^", ())]
    assert fts.analyse(("x" * 10_000,))[0][1] == ()  # longer than any word


def _postings(db: Path) -> tuple[dict[str, list[str]], list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        terms = dict(con.execute("""
            SELECT d.url, list_concat(list(p.term ORDER BY p.term) FILTER (p.title_tf > 0),
                                      list(p.term ORDER BY p.term) FILTER (p.text_tf > 0))
            FROM postings p JOIN documents d USING (doc_key) GROUP BY d.url""").fetchall())
        lengths = con.execute("SELECT title_len, text_len FROM doc_lengths ORDER BY 1, 2").fetchall()
    return terms, lengths


def test_postings_follow_the_document_language(db: Path) -> None:
    docs = [make_doc("https://a.test/en", "Banks were fined twice.", title="Fines", lang="en"),
            make_doc("https://a.test/ru", "Банки оштрафованы дважды.", title="Штрафы", lang="ru")]
    warehouse.store_crawl_batch(db, [], docs, [], [])
    assert _postings(db) == ({}, [])  # a crawl batch is a plain insert: indexing waits for processing
    warehouse.load_extractions(db, [(doc, Extraction((), ())) for doc in docs], extractor_version="t")
    terms, lengths = _postings(db)
    assert terms["https://a.test/en"] == ["fine", "bank", "fine", "twice", "were"]
    assert terms["https://a.test/ru"] == ["штраф", "банк", "дважд", "оштрафова"]
    assert lengths == [(1, 3), (1, 4)]


def test_changed_text_is_reindexed_when_processed(db: Path) -> None:
    doc = make_doc("https://a.test/en", "Banks were fined twice.", title="Fines")
    warehouse.load_extractions(db, [(doc, Extraction((), ()))], extractor_version="t")
    changed = make_doc("https://a.test/en", "Brokers paid.", title="Fines")
    warehouse.store_crawl_batch(db, [], [changed], [], [])
    old_terms = ["fine", "bank", "fine", "twice", "were"]
    assert _postings(db)[0]["https://a.test/en"] == old_terms  # stale until processed
    assert warehouse.refresh_index(db) == 1 and warehouse.refresh_index(db) == 0
    assert _postings(db) == ({"https://a.test/en": ["fine", "broker", "paid"]}, [(1, 2)])
