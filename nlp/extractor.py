"""The Extractor: one spaCy Language per supported language, built once, and the facts of each text.

Texts are batched through `Language.pipe` per language; each Doc's facts are assembled by
nlp/facts.py and stamped with EXTRACTOR_VERSION.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path

from spacy.tokens import Doc

from nlp.doc.views import doc_views
from nlp.facts import Context, build_extraction
from nlp.languages import LANGS, build, detect
from nlp.rates import load_rates
from regintel.contracts import Extraction

EXTRACTOR_VERSION = "regintel-nlp/0.1.0"
BATCH = 64
MAX_CHARS = 50_000_000  # spaCy's default cap (1M) would reject long reports; no parser here, memory stays low


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """How to extract. `keep_restatements` also emits "(over $43 million)" as a fact flagged
    `restates=True` (never counted twice: its amount is already the `usd` of the fact it restates)."""

    keep_restatements: bool = False
    rates_path: Path | None = None  # default: the shipped nlp/data/rates.csv


class Extractor:
    """Holds the built spaCy Languages; cheap to reuse, build once per process."""

    def __init__(self, options: ExtractOptions | None = None) -> None:
        self.options = options or ExtractOptions()
        self.pipes = {lang: build(lang) for lang in LANGS}
        for pipe in self.pipes.values():
            pipe.max_length = MAX_CHARS
        self.rates = load_rates(self.options.rates_path)

    def language(self, text: str, lang: str | None) -> str:
        """The language of a document: the given one if supported, else by script."""
        return lang if lang in self.pipes else detect(text)

    def _doc(self, text: str, published: date | None, lang: str) -> Doc:
        doc = self.pipes[lang].make_doc(text)
        doc._.published = published
        doc_views(doc, text)
        return doc

    def _context(self, published: date | None) -> Context:
        return Context(published, self.rates, EXTRACTOR_VERSION, self.options.keep_restatements)

    def extract(self, text: str, published: date | None = None, lang: str | None = None) -> Extraction:
        return next(self.extract_many([(text, published, lang)]))

    def extract_many(self, items: Iterable[tuple[str, date | None, str | None]]) -> Iterator[Extraction]:
        """Extractions in input order; each batch goes through `Language.pipe` per language."""
        it = iter(items)
        while batch := list(islice(it, BATCH)):
            langs = [self.language(text, lang) for text, _, lang in batch]
            results: dict[int, Extraction] = {}
            for lang, pipe in self.pipes.items():
                idx = [i for i, code in enumerate(langs) if code == lang]
                docs = (self._doc(batch[i][0], batch[i][1], lang) for i in idx)
                for i, doc in zip(idx, pipe.pipe(docs), strict=True):
                    results[i] = build_extraction(doc, self._context(batch[i][1]))
            yield from (results[i] for i in range(len(batch)))

