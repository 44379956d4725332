"""`regintel_sentencizer`: spaCy's rule-based Sentencizer, with its per-token loop done in numpy.

Same rule and same boundaries as `spacy.pipeline.Sentencizer` (a sentence starts at the first
non-punctuation token after a sentence-final character), but the stock `predict` builds a Token
object for every token of every document; reading ORTH and IS_PUNCT as arrays is ~10x cheaper.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.attrs import IS_PUNCT, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc


class ArraySentencizer(Sentencizer):
    """A Sentencizer whose `predict` works on token attribute arrays."""

    def __init__(self, nlp: Language, name: str, punct_chars: list[str] | None) -> None:
        super().__init__(name, punct_chars=punct_chars)
        self.end_orths = numpy.sort(
            numpy.array([nlp.vocab.strings.add(c) for c in self.punct_chars], dtype=numpy.uint64)
        )

    def __call__(self, doc: Doc) -> Doc:
        if doc.has_annotation("SENT_START") and not self.overwrite:
            return super().__call__(doc)  # keep existing boundaries: the stock per-token path
        if len(doc):
            doc.from_array([SENT_START], numpy.where(self._starts(doc), 1, -1).astype(numpy.uint64))
        return doc

    def predict(self, docs: Iterable[Doc]) -> list[list[bool]]:
        return [self._starts(doc).tolist() if len(doc) else [] for doc in docs]

    def _starts(self, doc: Doc) -> numpy.ndarray:
        attrs = doc.to_array([ORTH, IS_PUNCT])
        orths = attrs[:, 0]
        # membership by binary search in the sorted end marks: cheaper than numpy.isin, which sorts
        at = numpy.minimum(numpy.searchsorted(self.end_orths, orths), len(self.end_orths) - 1)
        ends = self.end_orths[at] == orths
        words = (attrs[:, 1] == 0) & ~ends
        # tokens that move the rule's state; a word whose previous such token is an end starts a sentence
        marks = numpy.flatnonzero(ends | words)
        starts = numpy.zeros(len(doc), dtype=bool)
        starts[0] = True
        starts[marks[1:][words[marks[1:]] & ends[marks[:-1]]]] = True
        return starts


@Language.factory(
    "regintel_sentencizer", assigns=["token.is_sent_start"], default_config={"punct_chars": None}
)
def make_sentencizer(nlp: Language, name: str, punct_chars: list[str] | None) -> ArraySentencizer:
    return ArraySentencizer(nlp, name, punct_chars)
