"""regintel/articles/language.py: the script, else py3langid restricted to plausible languages."""

from __future__ import annotations

from regintel.articles.language import _SCRIPT_LETTERS, _scripts, detect_language


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


def test_the_script_decides_when_one_plausible_language_uses_it() -> None:
    russian_in_latin_words = (
        "Agentstvo oshtrafovalo bank za narusheniya v sfere protivodeystviya otmyvaniyu dokhodov."
    )
    assert (
        detect_language(russian_in_latin_words, ("ru",)) == "en"
    )  # Latin script: English is the only option
    # with another Latin-script language plausible, the model chooses between them
    french = "Le régulateur a infligé une amende à la banque pour des manquements graves à ses contrôles."
    assert detect_language(french, ("fr",)) == "fr"
    uzbek = "Moliyaviy monitoring agentligi noqonuniy kripto birjalarni yopdi va mol-mulkni musodara qildi."
    assert detect_language(uzbek, ("uz",)) == "uz"  # a language of no single script: always the model


def test_every_script_in_the_data_file_can_be_recognised() -> None:
    assert set(_scripts().values()) <= set(_SCRIPT_LETTERS)
    assert {"en", "ru", "kk"} <= set(_scripts())
