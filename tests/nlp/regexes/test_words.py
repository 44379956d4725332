"""Regexes from word lists: alternations, prefix trees and the end-anchored word search."""

from __future__ import annotations

import random
import re

from nlp.regexes.words import WordBefore, alternation, prefix_tree


def test_word_before_agrees_with_its_regex() -> None:
    words = ["article", "art.", "no.", "case no.", "#", "covid-", "more than"]
    pattern = rf"(?:^|[^\w])(?:{alternation(words)})\s*$"
    fast, slow = WordBefore(pattern, words, re.I), re.compile(pattern, re.I)
    rng = random.Random(3)
    pieces = ["Article", " ", "art.", "No.", "case", " no.", "#", "COVID-", "more", " than", "x", "\n", "("]
    for _ in range(3000):
        window = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        got, want = fast.search(window), slow.search(window)
        assert (got and got.span()) == (want and want.span()), window
    assert fast.search("under Article  ") is not None and fast.search("particle ") is None


def test_alternation_longest_first() -> None:
    assert re.fullmatch(alternation(["no", "no."]), "no.")
    assert alternation(["a", "abc", "ab"]) == "abc|ab|a"


def test_prefix_tree_matches_like_the_alternation() -> None:
    words = ["dollar", "dollars", "долл.", "доллар", "us dollars", "u.s. dollars", "d", "euro", "euros"]
    rng = random.Random(5)
    pieces = ["dollar", "s", "DOLLAR", "долл", ".", "ар", " ", "us", "u.s.", "euro", "x", "d"]
    for flags in (0, re.I):
        tree = re.compile(rf"\s?({prefix_tree(words)})(?!\w)", flags)
        flat = re.compile(rf"\s?({alternation(words)})(?!\w)", flags)
        for _ in range(3000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))
            for find in (tree.match, tree.search):
                got, want = find(text), getattr(flat, find.__name__)(text)
                assert (got and (got.span(), got.group(1))) == (want and (want.span(), want.group(1))), text
        assert [m.group() for m in tree.finditer("dollars,dollar d")] == ["dollars", "dollar", " d"]
