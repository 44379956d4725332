"""The Extractor: batching across languages, and inputs that must not crash."""

from __future__ import annotations

import random
from datetime import date

from nlp import Extractor

EX = Extractor()


def test_extract_many_keeps_order_across_languages() -> None:
    items = [
        ("The agency fined a bank $1 million.", date(2024, 1, 2), None),
        ("Банк оштрафован на 2 млн рублей.", None, None),
        ("Police seized €3 million.", None, "en"),
    ]
    got = [[f.value for f in e.facts if f.kind == "money"] for e in EX.extract_many(items)]
    assert got == [[1e6], [2e6], [3e6]]


def test_empty_and_whitespace() -> None:
    assert EX.extract("", None, None).facts == ()
    assert EX.extract(" \n\n\t ", None, "ru").facts == ()


def test_binary_garbage_and_mixed_scripts_do_not_crash() -> None:
    rng = random.Random(7)
    garbage = bytes(rng.randrange(256) for _ in range(20_000)).decode("utf-8", errors="replace")
    mixed = "АФМ fined 中国银行 ₸5 млн و 3 آلاف $2bn \x00\ufeff 💸 5 000 000 тенге 🚀 " * 50
    for text in (garbage, mixed, garbage + mixed):
        for lang in (None, "en", "ru"):
            for f in EX.extract(text, date(2024, 5, 1), lang).facts:
                assert text[f.start : f.end] == f.text


def test_five_megabytes_in_one_document() -> None:
    para = (
        "The agency seized $16.7 million and shut 130 platforms in 2024. The review went on for months "
        "while lawyers for the company argued that the rules were unclear and that the bank had acted in "
        "good faith throughout. Officials said the case showed why stronger supervision was needed.\n"
    )
    text = para * (5_000_000 // len(para) + 1)
    result = EX.extract(text, date(2025, 1, 1), "en")
    money = [f for f in result.facts if f.kind == "money"]
    assert len(text) >= 5_000_000 and len(money) >= len(text) // len(para)
