"""Lookup lemmas for every token at the cost of one lookup per distinct word.

spaCy's lemmatizer calls Python once per token (a table lookup in English, a pymorphy3 parse in
Russian), which cost a fifth of the whole extraction. Without a tagger a token's lemma depends
on its text alone, so `regintel_lemmatizer` wraps the language's own lemmatizer (same tables from
spacy-lookups-data, same pymorphy3 rules, same lemmas), asks it once per distinct token text
per process and writes all lemmas of a Doc as one array.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy
from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc


class CachedLemmatizer:
    """The language's lemmatizer (`mode` as in spaCy's), memoised per token text."""

    def __init__(self, nlp: Language, name: str, mode: str) -> None:
        self.name = name
        self.inner = nlp.create_pipe("lemmatizer", name=name, config={"mode": mode})
        self.strings = nlp.vocab.strings
        self.cache: dict[int, int] = {}  # orth hash -> lemma hash; grows like the vocab itself

    @property
    def lookups(self) -> Lookups:
        """The inner lemmatizer's tables (counts reads "lemma_lookup" for plural heads)."""
        return self.inner.lookups

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, **kwargs: Any) -> None:
        self.inner.initialize(get_examples, **kwargs)
        self.cache.clear()

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or any(doc.has_annotation(a) for a in ("POS", "MORPH", "LEMMA")):
            return self.inner(doc)  # tagged or pre-lemmatised: lemmas may depend on more than text
        cache = self.cache
        lemmas = list(map(cache.get, doc.to_array(ORTH).tolist()))
        for i, lemma in enumerate(lemmas) if None in lemmas else ():
            if lemma is None:  # a word new to this process: ask the wrapped lemmatizer once
                token = doc[i]
                lemma = cache.get(token.orth)  # seen earlier in this Doc
                if lemma is None:
                    lemma = cache[token.orth] = self.strings.add(self.inner.lemmatize(token)[0])
                lemmas[i] = lemma
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1))
        return doc


@Language.factory("regintel_lemmatizer", assigns=["token.lemma"], default_config={"mode": "lookup"})
def make_cached_lemmatizer(nlp: Language, name: str, mode: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp, name, mode)
