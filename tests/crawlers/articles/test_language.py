"""crawlers/articles/language.py: py3langid restricted to plausible languages."""

from __future__ import annotations

from crawlers.articles.language import detect_language


def test_detects_english_russian_and_kazakh() -> None:
    assert (
        detect_language("The regulator fined the bank for failures in its money laundering controls.") == "en"
    )
    assert (
        detect_language("Агентство оштрафовало банк за нарушения в сфере противодействия отмыванию.") == "ru"
    )
    kazakh = (
        "Қаржылық мониторинг агенттігі заңсыз криптобиржалардың қызметін тоқтатты және мүлікті тәркіледі."
    )
    assert detect_language(kazakh, ("kk", "ru")) == "kk"
    assert detect_language("123 456") is None
