"""Per-Doc views: sentence bounds from arrays equal `doc.sents`, line lookup, caching per Doc."""

from __future__ import annotations

import pytest

from nlp.doc.views import LineIndex, doc_lower, doc_text, doc_views, lower_text, sentence_index
from nlp.languages import build

TEXT = "Agency Fines Bank\nThe FMA fined a bank $5 million. It appealed!  Officials said no.\n\nEnd"


def test_sentence_index_matches_doc_sents() -> None:
    pipe = build("en")
    for text in (TEXT, "One", " ", "A. B. C.", "\n\nA.\n\n"):
        doc = pipe(text)
        assert sentence_index(doc).bounds == [(s.start_char, s.end_char) for s in doc.sents]
    doc = pipe(TEXT)
    index = sentence_index(doc)
    k = index.number(TEXT.index("$5"))
    assert index.text_of(TEXT.index("$5")) == "The FMA fined a bank $5 million."
    assert index.number(TEXT.index("Officials")) == k + 2


def test_sentence_index_needs_boundaries() -> None:
    pipe = build("en")
    with pytest.raises(ValueError, match="E030"):
        sentence_index(pipe.make_doc("No sentencizer ran. So no bounds."))


def test_line_index_agrees_with_find() -> None:
    lines = LineIndex(TEXT)
    for char in range(len(TEXT)):
        start, end = lines.bounds(lines.number(char))
        expected_end = TEXT.find("\n", char)
        assert start == TEXT.rfind("\n", 0, char) + 1 or TEXT[char] == "\n"
        assert end == (expected_end if expected_end != -1 else len(TEXT))
    assert lines.bounds(lines.number(0)) == (0, TEXT.index("\n"))


def test_views_are_computed_once_per_doc() -> None:
    doc = build("en").make_doc("İstanbul Bank")
    assert doc_text(doc) == "İstanbul Bank" and doc_views(doc) is doc_views(doc)
    assert len(doc_lower(doc)) == len(doc_text(doc)) == len(lower_text("İstanbul Bank"))
    seeded = build("en").make_doc("x")
    doc_views(seeded, "x")
    assert doc_text(seeded) == "x"
