"""Per-Doc text views computed once: the text, its lower-cased twin, and sentence lookup by offset.

spaCy rebuilds `doc.text` from every token on each access, and `Span.sent` walks tokens; on long
texts both dominate unless cached. The lower-cased twin has the same length as the text, so
case-sensitive regexes (several times faster than re.IGNORECASE) can run on it with valid offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc

LINE_BREAK = re.compile("\n")


class SentenceIndex:
    """Sentence boundaries of a Doc as sorted character offsets."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc_views(doc).text
        self.bounds = _sentence_bounds(doc, token_index(doc)) if len(doc) else [(0, len(self.text))]
        self.starts = [s for s, _ in self.bounds]

    def number(self, char: int) -> int:
        """Index of the sentence holding character `char`."""
        return max(bisect_right(self.starts, char) - 1, 0)

    def bounds_of(self, char: int) -> tuple[int, int]:
        return self.bounds[self.number(char)]

    def text_of(self, char: int) -> str:
        start, end = self.bounds_of(char)
        return self.text[start:end]


def _sentence_bounds(doc: Doc, tokens: TokenIndex) -> list[tuple[int, int]]:
    """(start_char, end_char) of each sentence, as `doc.sents` gives them, from token arrays:
    `doc.sents` builds a Span per sentence."""
    if not doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]  # raises spaCy's own error
    is_start = doc.to_array(SENT_START)
    is_start[0] = 1  # the first token starts a sentence whatever its annotation says
    starts = numpy.flatnonzero(is_start == 1)
    last = numpy.empty_like(starts)  # each sentence's last token: the one before the next start
    last[:-1] = starts[1:] - 1
    last[-1] = len(doc) - 1
    return list(zip(tokens.idx[starts].tolist(), tokens.end[last].tolist(), strict=True))


class TokenIndex:
    """Character offsets of a Doc's tokens, read once: the token holding a character by binary
    search, where `Doc.char_span` builds several Token objects per call. Tokens are fixed once
    the tokenizer has run (no component here merges or splits them)."""

    def __init__(self, doc: Doc) -> None:
        attrs = doc.to_array([IDX, LENGTH]).reshape(-1, 2)
        self.idx = attrs[:, 0]
        self.end = attrs[:, 0] + attrs[:, 1]
        self.starts: list[int] = self.idx.tolist()
        self.ends: list[int] = self.end.tolist()
        self.length = len(doc_views(doc).text)

    def expand(self, start: int, end: int) -> tuple[int, int] | None:
        """Token range covering characters start:end, as `doc.char_span(start, end,
        alignment_mode="expand")` chooses it (a start in trailing whitespace moves to the next token)."""
        if not (0 <= start < self.length and 0 < end <= self.length):
            return None
        first = bisect_right(self.starts, start) - 1
        last = bisect_right(self.starts, end - 1) - 1
        if start == self.ends[first]:
            first += 1
        return first, last + 1


class LineIndex:
    """Line boundaries of a text as sorted offsets of its line breaks: a line by offset in log time,
    where `rfind`/`find` per lookup would rescan a long line each time."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in LINE_BREAK.finditer(text)]

    def number(self, char: int) -> int:
        """Index of the line holding character `char` (a break belongs to the line it ends)."""
        return bisect_left(self.breaks, char)

    def bounds(self, number: int) -> tuple[int, int]:
        start = self.breaks[number - 1] + 1 if number else 0
        end = self.breaks[number] if number < len(self.breaks) else len(self.text)
        return start, end


VIEWS_KEY = "regintel_views"  # in doc.user_data: a plain dict read, cheaper than a `doc._` extension


@dataclass(slots=True)
class DocViews:
    """What components derive from a Doc once and share: its text, the lower-cased twin, the
    sentence and token indexes, and the span store (nlp/doc/spans.py): span extension values by
    (attribute, start_char, end_char), read views of span groups and of values set on them."""

    text: str
    lower: str | None = None
    sentences: SentenceIndex | None = None
    tokens: TokenIndex | None = None
    groups: dict[str, tuple[Any, list[Any]]] = field(default_factory=dict)
    annotations: dict[tuple[str, str], tuple[Any, list[Any]]] = field(default_factory=dict)
    values: dict[tuple[str, int, int], Any] = field(default_factory=dict)


def doc_views(doc: Doc, text: str | None = None) -> DocViews:
    """The Doc's views, created on first use (`text`, when the caller has it, saves one `doc.text`)."""
    views = doc.user_data.get(VIEWS_KEY)
    if views is None:  # a Doc's text never changes (retokenising keeps it), so caching is safe
        views = doc.user_data[VIEWS_KEY] = DocViews(doc.text if text is None else text)
    return views


def sentence_index(doc: Doc) -> SentenceIndex:
    """The Doc's SentenceIndex, built once (components run after the sentencizer)."""
    views = doc_views(doc)
    if views.sentences is None:
        views.sentences = SentenceIndex(doc)
    return views.sentences


def token_index(doc: Doc) -> TokenIndex:
    """The Doc's TokenIndex, built once."""
    views = doc_views(doc)
    if views.tokens is None:
        views.tokens = TokenIndex(doc)
    return views.tokens


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per Doc: spaCy rebuilds it from every token on each access."""
    return doc_views(doc).text


def lower_text(text: str) -> str:
    """`text.lower()` with the same length (characters whose lower form is longer stay as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def doc_lower(doc: Doc) -> str:
    """The lower-cased twin of the Doc's text, computed once."""
    views = doc_views(doc)
    if views.lower is None:
        views.lower = lower_text(views.text)
    return views.lower
