"""The array sentencizer draws exactly the boundaries of spaCy's Sentencizer with the same marks."""

from __future__ import annotations

import random

import spacy

from nlp.languages import SENTENCE_ENDS, build


def stock(lang: str) -> spacy.Language:
    pipe = spacy.blank(lang)
    pipe.add_pipe("sentencizer", config={"punct_chars": SENTENCE_ENDS})
    return pipe


def starts(doc: spacy.tokens.Doc) -> list[bool | None]:
    return [t.is_sent_start for t in doc]


def test_same_boundaries_as_spacy_on_awkward_strings() -> None:
    rng = random.Random(11)
    pieces = ["a", "Bank", " ", ".", "!", "?", "\n", "\n\n", '"', ")", "(", ",", "…", "U.S.", "5.2", "。"]
    texts = ["", ".", "...", "\n", "Hi", '"Yes." He left. (Fine!) ok\nNext line']
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(400)]
    for lang in ("en", "ru"):
        ours, theirs = build(lang), stock(lang)
        for text in texts:
            doc = ours.make_doc(text)
            ours.get_pipe("sentencizer")(doc)
            assert starts(doc) == starts(theirs(text)), text


def test_predict_and_existing_boundaries() -> None:
    pipe = build("en")
    sentencizer = pipe.get_pipe("sentencizer")
    doc = pipe.make_doc("One fine. Two fines! Three")
    assert sentencizer.predict([doc]) == [[True, False, False, True, False, False, True]]
    doc[1].is_sent_start = True  # set before: kept, the rest is filled in as spaCy does
    sentencizer(doc)
    assert [s.text for s in doc.sents] == ["One", "fine.", "Two fines!", "Three"]
