"""How query text is read: required words, phrases, OR, exclusions, stop words, named values."""

from __future__ import annotations

import pytest

from warehouse.search.query import clean_text
from warehouse.search.text import MAX_UNITS, read

AGENCIES = {"afm": ("kz-afm", "AFM"), "афм": ("kz-afm", "AFM")}


def _said(text: str) -> list[str]:
    return read(clean_text(text), AGENCIES).describe()


def test_every_word_is_required_and_stop_words_are_not() -> None:
    reading = read("how much did the AFM seize in 2024", AGENCIES)
    assert [[u.written for u in group] for group in reading.required] == [["AFM"], ["seize"], ["2024"]]
    assert reading.ignored == ("how", "much", "did", "the", "in")
    assert _said("how much did the AFM seize in 2024") == [
        'agency AFM or a word for it ("AFM")', 'action seizure or a word for it ("seize")', 'the word "2024"',
        'ignoring "how", "much", "did", "the", "in"']
    assert _said("the and of") == ['the word "the"', 'the word "and"', 'the word "of"']  # nothing else to ask


def test_phrases_or_and_exclusions() -> None:
    assert _said('"money laundering" OR fraud -bank -"crypto exchange"') == [
        'the phrase "money laundering" or the word "fraud"', 'without the word "bank"',
        'without the phrase "crypto exchange"']
    reading = read('"fine"', AGENCIES)  # a quoted word is taken literally: no vocabulary, no stemming away
    assert reading.required[0][0].meanings == () and reading.required[0][0].phrase is None
    assert _said("OR bank OR") == ['the word "bank"']  # a dangling OR joins nothing


@pytest.mark.parametrize(("word", "said"), [
    ("seizure", "action seizure"), ("seized", "action seizure"), ("изъятие", "action seizure"),
    ("тәркілеу", "action seizure"), ("fine", "action fine"), ("штраф", "action fine"),
    ("штрафы", "action fine"), ("айыппұл", "action fine"), ("tenge", "currency KZT"),
    ("теңге", "currency KZT"), ("₸", "currency KZT"), ("AFM", "agency AFM"), ("АФМ", "agency AFM"),
    ("percent", "kind percent"),
])
def test_words_that_name_a_value(word: str, said: str) -> None:
    (group,) = read(word, AGENCIES).required
    assert _said(word)[0].startswith(said) and group[0].meanings


@pytest.mark.parametrize("text", ['"; DROP TABLE facts; --', "' OR 1=1 --", "\x00\x1b[31m\x7f", "%_\\",
                                  "NEAR(a b)", "a" * 10_000, "x " * 5_000, '"unclosed phrase', "- -- ---"])
def test_hostile_text_reads_as_plain_words(text: str) -> None:
    reading = read(clean_text(text), AGENCIES)
    assert len(reading.positive) + len(reading.excluded) <= MAX_UNITS
    assert all(stem.isalnum() for unit in reading.positive for stem in unit.stems)


def test_a_word_without_letters_or_digits_is_ignored() -> None:
    reading = read("*** bank", AGENCIES)
    assert reading.ignored == ("***",) and [u.written for u in reading.positive] == ["bank"]
    assert read("***", AGENCIES).empty
