"""Unknown bodies found by the shape of their names, in English and Russian."""

from __future__ import annotations

import pytest
import spacy

from nlp.agencies.registry import default_registry
from nlp.agencies.shapes import EnglishShapes, RussianShapes


@pytest.fixture(scope="module")
def shapes() -> dict[str, tuple[spacy.Language, EnglishShapes | RussianShapes]]:
    config = default_registry().shapes
    en, ru = spacy.blank("en"), spacy.blank("ru")
    return {"en": (en, EnglishShapes(en, config["en"])), "ru": (ru, RussianShapes(ru, config["ru"]))}


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        ("en", "The Zorbian Supervisory Agency fined a bank.",
         [("Zorbian Supervisory Agency", "Zorbian Supervisory Agency", "regulator", False)]),
        ("en", "The Ministries of Justice and Finance said.",
         [("Ministries of Justice", "Ministry of Justice", "ministry", False),
          ("Finance", "Ministry of Finance", "ministry", False)]),
        ("en", "A National Bank statement.", [("National Bank", "National Bank", "central_bank", True)]),
        ("en", "the agency said", []),
        ("ru", "Проверку провела Служба экономических расследований.",
         [("Служба экономических расследований", "Служба экономических расследований", "regulator", False)]),
        ("ru", "Министерством юстиции Зорбии",
         [("Министерством юстиции Зорбии", "Министерством юстиции Зорбии", "ministry", False)]),
    ],
)  # fmt: skip
def test_shapes_found(shapes: dict, lang: str, text: str, found: list[tuple[str, str, str, bool]]) -> None:
    nlp, finder = shapes[lang]
    doc = nlp(text)
    assert [(doc[s.start : s.end].text, s.lookup, s.kind, s.bank) for s in finder.find(doc)] == found
