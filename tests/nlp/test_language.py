"""Script-based language choice between the two pipelines."""

from __future__ import annotations

import pytest

from nlp.language import detect


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The regulator fined the bank.", "en"),
        ("Регулятор оштрафовал банк на 5 млн тенге.", "ru"),
        ("Агенттік 130 платформаны жапты.", "ru"),  # Kazakh: Cyrillic, handled by the Russian pipeline
        ("АФМ закрыло 130 бирж, сообщает Reuters.", "ru"),
        ("", "en"),
        ("12345 $%^", "en"),
    ],
)
def test_detect(text: str, lang: str) -> None:
    assert detect(text) == lang
