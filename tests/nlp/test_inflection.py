"""Russian inflection: a name in every case, every form of a word, and lemmas."""

from __future__ import annotations

from nlp.inflection import case_forms, lemma, word_forms


def test_case_forms_inflect_the_head_and_its_adjectives() -> None:
    assert case_forms("Национальный банк") == {
        "Национальный банк", "Национального банка", "Национальному банку", "Национальным банком",
        "Национальном банке",
    }  # fmt: skip
    forms = case_forms("Агентство по финансовому мониторингу")
    assert "Агентством по финансовому мониторингу" in forms
    assert all(f.endswith(" по финансовому мониторингу") for f in forms)  # the tail stays as written


def test_names_without_a_russian_head_stay_as_written() -> None:
    assert case_forms("FBI") == {"FBI"}


def test_word_forms_and_lemmas() -> None:
    assert {"банк", "банка", "банками", "банков"} <= word_forms("банк")
    assert lemma("Агентства") == "агентство" and lemma("банками") == "банк"
