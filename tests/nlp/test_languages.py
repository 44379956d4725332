"""The two languages: script-based choice, and the spaCy Language built for each from our factories."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy

from nlp.languages import CORE, build, detect


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The regulator fined the bank.", "en"),
        ("Регулятор оштрафовал банк на 5 млн тенге.", "ru"),
        ("Агенттік 130 платформаны жапты.", "ru"),  # Kazakh: Cyrillic, handled by the Russian language
        ("АФМ закрыло 130 бирж, сообщает Reuters.", "ru"),
        ("", "en"),
        ("12345 $%^", "en"),
    ],
)
def test_detect(text: str, lang: str) -> None:
    assert detect(text) == lang


def test_blank_languages_with_our_components() -> None:
    for lang in ("en", "ru"):
        names = build(lang).pipe_names
        assert names[:2] == ["sentencizer", "lemmatizer"] and set(CORE) <= set(names)
        assert names[-1] == "regintel_actions"


def test_factories_are_entry_points_usable_without_import() -> None:
    registered = {ep.name for ep in entry_points(group="spacy_factories")}
    assert set(CORE) | {"regintel_actions"} <= registered
    pipe = spacy.blank("en")
    pipe.add_pipe("sentencizer")
    pipe.add_pipe("regintel_numbers")
    pipe.add_pipe("regintel_money")
    doc = pipe("A fine of $5 million.")
    assert [s.text for s in doc.spans["money"]] == ["$5 million"]


def test_every_factory_entry_point_loads() -> None:
    """pyproject's module paths: each `regintel_*` entry point names a factory that exists."""
    ours = {ep.name: ep for ep in entry_points(group="spacy_factories") if ep.name.startswith("regintel_")}
    assert set(ours) == {
        *CORE, "regintel_actions", "regintel_agencies", "regintel_people", "regintel_lemmatizer",
        "regintel_sentencizer",
    }  # fmt: skip
    assert all(callable(ep.load()) for ep in ours.values())
