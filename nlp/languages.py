"""The two supported languages: which one a text is in, and the spaCy Language built for each.

No downloaded model: spaCy's blank languages, spacy-lookups-data tables (and pymorphy3 for
Russian) and the `regintel_*` rule components. The pipes named "sentencizer" and "lemmatizer" are
spaCy's own rules and tables run cheaply (nlp/doc/sentencizer.py, nlp/doc/lemmas.py): same output.

Detection is by script: Cyrillic means Russian (Kazakh, Kyrgyz and other Cyrillic texts too: spaCy
has no Kazakh), Latin the English one. Letters are counted on the UTF-8 bytes with C-level
`count`/`translate`, not by regex matches.
"""

from __future__ import annotations

import string
from functools import cache

import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer

import nlp.agencies.component
import nlp.components.actions
import nlp.components.counts
import nlp.components.durations
import nlp.components.money
import nlp.components.numbers
import nlp.components.people
import nlp.components.percents
import nlp.components.periods
import nlp.doc.lemmas
import nlp.doc.sentencizer  # noqa: F401  (the imports register the factories)

LANGS = ("en", "ru")
# A line break ends a sentence: titles and bylines carry no final punctuation.
SENTENCE_ENDS = [*Sentencizer.default_punct_chars, "\n", "\n\n", "\n\n\n", "\n\n\n\n"]
CORE = (
    "regintel_numbers",
    "regintel_money",
    "regintel_percents",
    "regintel_durations",
    "regintel_counts",
    "regintel_periods",
)

SAMPLE = 20_000  # characters inspected by `detect`
# U+0400..U+04FF (the Cyrillic block) are exactly the UTF-8 sequences with lead byte D0..D3
CYRILLIC_LEADS = (b"\xd0", b"\xd1", b"\xd2", b"\xd3")
LATIN = string.ascii_letters.encode()


def detect(text: str) -> str:
    """'ru' when Cyrillic letters outnumber Latin ones in the text's start, else 'en'."""
    sample = text[:SAMPLE].encode("utf-8", "surrogatepass")
    cyrillic = sum(sample.count(lead) for lead in CYRILLIC_LEADS)
    latin = len(sample) - len(sample.translate(None, LATIN))
    return "ru" if cyrillic > latin else "en"


@cache
def build(lang: str) -> Language:
    """The spaCy Language for `lang` ("en" or "ru"), built once per process."""
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; supported: {', '.join(LANGS)}")
    pipe = spacy.blank(lang)
    pipe.add_pipe("regintel_sentencizer", name="sentencizer", config={"punct_chars": SENTENCE_ENDS})
    mode = "pymorphy3" if lang == "ru" else "lookup"
    pipe.add_pipe("regintel_lemmatizer", name="lemmatizer", config={"mode": mode})
    pipe.initialize()
    for name in (*CORE, "regintel_agencies", "regintel_people", "regintel_actions"):
        pipe.add_pipe(name)
    return pipe
