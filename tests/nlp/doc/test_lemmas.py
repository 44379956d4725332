"""The cached lemmatizer gives exactly the lemmas of spaCy's own lemmatizer, for every token."""

from __future__ import annotations

import spacy

from nlp.languages import build

EN = (
    "Regulators fined two banks and closed 130 unlicensed platforms; the agencies were reviewing "
    "the accounts of companies that had been laundering money through mules. Banks were fined again."
)
RU = (
    "Агентство оштрафовало банки на 5 млн тенге. Следователи возбудили уголовные дела против "
    "организаторов финансовых пирамид, а суды приговорили их к лишению свободы."
)


def stock(lang: str) -> spacy.Language:
    pipe = spacy.blank(lang)
    pipe.add_pipe("lemmatizer", config={"mode": "pymorphy3" if lang == "ru" else "lookup"})
    pipe.initialize()
    return pipe


def test_same_lemmas_as_spacy_lemmatizer_for_every_token() -> None:
    for lang, text in (("en", EN), ("ru", RU)):
        ours, theirs = build(lang), stock(lang)
        for _ in range(2):  # the second pass is served from the cache
            got = [t.lemma_ for t in ours(text)]
            assert got == [t.lemma_ for t in theirs(text)]
    assert [t.lemma_ for t in build("en")("banks were fined")] == ["bank", "be", "fine"]
    assert [t.lemma_ for t in build("ru")("Следователи оштрафовали")] == ["следователь", "оштрафовать"]


def test_tagged_docs_go_through_the_wrapped_lemmatizer() -> None:
    pipe = build("en")
    lemmatizer = pipe.get_pipe("lemmatizer")
    doc = pipe.make_doc("platforms were closed")
    doc[0].pos_ = "NOUN"  # a tagger was here: lemmas may depend on more than the text
    lemmatizer(doc)
    assert [t.lemma_ for t in doc] == ["platform", "be", "close"]
    assert lemmatizer.lookups.get_table("lemma_lookup").get("platforms") == "platform"


def test_empty_doc() -> None:
    assert len(build("en")("")) == 0
