"""Fixtures shared by the nlp tests: rule-only pipes, the evaluation scorer, scored evaluation sets."""

from __future__ import annotations

import importlib.util
import io
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import spacy
from spacy.language import Language

from regintel.jobs.extract import extract_files

SCORER = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"


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


def read_jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def scorer() -> ModuleType:
    """The project's evaluation scorer (../shared/eval/score.py); skips when it is not beside the checkout."""
    if not SCORER.is_file():
        pytest.skip(f"evaluation scorer not found at {SCORER}; set scoring needs ../shared/eval")
    spec = importlib.util.spec_from_file_location("regintel_eval_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def score_set(scorer: ModuleType) -> Callable[[Iterable[Path], list[dict[str, Any]]], dict[str, Any]]:
    """Extracts documents with the real extractor and scores them against gold lines (report printed)."""

    def score(docs: Iterable[Path], gold: list[dict[str, Any]]) -> dict[str, Any]:
        out = io.StringIO()
        extract_files(sorted(docs), None, None, out)
        result = scorer.score(gold, read_jsonl(out.getvalue()))
        print("\n" + scorer.report(result))
        return result

    return score
