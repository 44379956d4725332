"""Fixtures shared by the nlp tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language


@pytest.fixture(scope="session")
def rule_pipes() -> Callable[..., dict[str, Language]]:
    """Builds blank en/ru spaCy Languages with a sentencizer plus only the rule components a test module
    exercises (no full Extractor needed): `rule_pipes("regintel_agencies")`."""

    def build(*components: str) -> dict[str, Language]:
        pipes = {}
        for lang in ("en", "ru"):
            nlp = spacy.blank(lang)
            nlp.add_pipe("sentencizer")
            for name in components:
                nlp.add_pipe(name)
            pipes[lang] = nlp
        return pipes

    return build
