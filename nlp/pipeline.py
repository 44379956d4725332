"""Build the en/ru spaCy pipelines: blank language + sentences + lookup lemmas + our components.

No downloaded model: spaCy's blank languages, spacy-lookups-data tables (and pymorphy3 for
Russian) and the `regintel_*` rule components. The pipes named "sentencizer" and "lemmatizer" are
spaCy's own rules and tables run cheaply (nlp/sentencizer.py, nlp/lemmas.py): same output. The
agency and people components are added when their modules are installed.
"""

from __future__ import annotations

import importlib
from functools import cache

import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer

import nlp.actions
import nlp.counts
import nlp.durations
import nlp.lemmas
import nlp.money
import nlp.numbers
import nlp.percents
import nlp.periods
import nlp.sentencizer  # noqa: F401  (the imports register the factories)

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
OPTIONAL = (("nlp.agencies", "regintel_agencies"), ("nlp.people", "regintel_people"))


def optional_components() -> list[str]:
    """Factories of the agency/people modules, when present."""
    names = []
    for module, factory in OPTIONAL:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        if Language.has_factory(factory):
            names.append(factory)
    return names


@cache
def build(lang: str) -> Language:
    """The pipeline for `lang` ("en" or "ru"), built once per process."""
    if lang not in LANGS:
        raise ValueError(f"no pipeline for language {lang!r}; supported: {', '.join(LANGS)}")
    pipe = spacy.blank(lang)
    pipe.add_pipe("regintel_sentencizer", name="sentencizer", config={"punct_chars": SENTENCE_ENDS})
    mode = "pymorphy3" if lang == "ru" else "lookup"
    pipe.add_pipe("regintel_lemmatizer", name="lemmatizer", config={"mode": mode})
    pipe.initialize()
    for name in (*CORE, *optional_components(), "regintel_actions"):
        pipe.add_pipe(name)
    return pipe
