"""Blank en/ru pipelines with only the rule components a test module exercises."""

from __future__ import annotations

import spacy
from spacy.language import Language


def rule_pipes(*components: str) -> dict[str, Language]:
    """A sentencizer plus `components`, for English and Russian (no full Extractor needed)."""
    pipes = {}
    for lang in ("en", "ru"):
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        for name in components:
            nlp.add_pipe(name)
        pipes[lang] = nlp
    return pipes
