"""Span groups written with payloads and read back as (start, end, payload) views."""

from __future__ import annotations

from spacy.tokens import Span

from nlp.doc.spans import annotate, annotation, char_span, claimed, overlaps, view, write
from nlp.languages import build


def test_write_then_view_and_replacement() -> None:
    pipe = build("en")
    doc = pipe("Police seized $5 million and 12 cars in 2024.")
    numbers = view(doc, "numbers")
    assert [(doc.text[s:e], n.value) for s, e, n in numbers][:2] == [("5 million", 5e6), ("12", 12.0)]
    assert [s._.number.value for s in doc.spans["numbers"]] == [5e6, 12.0, 2024.0]
    assert view(doc, "numbers") is numbers  # read once per group
    span = char_span(doc, 0, 3)
    assert span is not None and span.text == "Police"  # expanded to the whole token
    write(doc, "numbers", [(span, "payload")])
    assert view(doc, "numbers") == [(0, 6, "payload")] and doc.spans["numbers"][0]._.number == "payload"
    doc.spans["numbers"] = []  # replaced outside our components: the view follows
    assert view(doc, "numbers") == [] and view(doc, "no-such-group") == []


def test_claimed_positions() -> None:
    doc = build("en")("A fine of $5 million and 30% more.")
    taken = claimed(doc, ("money", "percents"))
    start = doc.text.index("$5")
    assert overlaps(start, start + 1, taken) and not overlaps(0, start, taken)
    assert doc.text.index("30%") in taken


def test_annotations_are_set_on_spans_and_read_back() -> None:
    doc = build("en")("The regulator fined the bank $5 million. It has 40 staff.")
    actions = annotation(doc, "money", "action")
    assert actions == [s._.action for s in doc.spans["money"]] and actions[0] == "fine"
    [count] = doc.spans["counts"]
    annotate(doc, "counts", "action", ["seizure"])
    assert count.text == "40 staff" and doc.spans["counts"][0]._.action == "seizure"
    assert annotation(doc, "counts", "action") == ["seizure"]
    doc.spans["money"] = []  # replaced: the kept values no longer apply
    assert annotation(doc, "money", "action") == [] and annotation(doc, "no-such-group", "action") == []


def test_char_span_agrees_with_spacy_expand_mode_everywhere() -> None:
    """Every (start, end) of a text with runs of spaces, line breaks and punctuation, out-of-range
    offsets included: the binary search gives the tokens `Doc.char_span(..., "expand")` gives."""
    for lang, text in (
        ("en", "  Fines:  $5m ,\n\nand (12) cars —  in 2024.  "),
        ("ru", "Штраф  5 млн\tтенге;  «АФМ» закрыла 3 сайта. "),
    ):
        doc = build(lang).make_doc(text)
        for start in range(-1, len(text) + 2):
            for end in range(start + 1, len(text) + 2):
                ours = char_span(doc, start, end)
                theirs = doc.char_span(start, end, alignment_mode="expand")
                got = (ours.start, ours.end) if ours is not None else None
                want = (theirs.start, theirs.end) if theirs is not None else None
                assert got == want, (lang, start, end)


def test_values_live_in_our_store_not_in_spacy_keys() -> None:
    """`span._.money` is read through our getter from the Doc's views: any Span over the same
    characters reads the value, and doc.user_data holds no key in spaCy's Underscore format."""
    doc = build("en")("The regulator fined the bank $5 million.")
    [group_span] = doc.spans["money"]
    same = Span(doc, group_span.start, group_span.end)
    assert same._.money == group_span._.money and same._.money.value == 5e6
    assert same._.action == "fine"
    assert Span(doc, 0, 1)._.money is None
    assert all(not isinstance(key, tuple) for key in doc.user_data)
