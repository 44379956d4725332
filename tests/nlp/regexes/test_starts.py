"""First characters of a pattern's matches, from our own parse of the regex subset."""

from __future__ import annotations

import random
import re

from nlp.regexes.starts import first_chars


def test_first_chars_cover_every_match_start() -> None:
    assert first_chars(r"(?:in|during)\s+x|(?:in\s+)?(?P<y>(?:19|20)\d{2})|[a-c]x|\d+") == r"12\da-cdi"
    assert first_chars("за|(?<!\\w)в") == "вз"
    for unbounded in ("a?", "[^a]b", ".x", r"\Wx", ""):
        assert first_chars(unbounded) is None
    rng = random.Random(7)
    pattern = r"(?:since|in)\s+\d{4}|q[1-4]|(?:the\s+)?last\s+year"
    gated = re.compile(rf"(?=[{first_chars(pattern)}])(?:{pattern})")
    plain = re.compile(pattern)
    for _ in range(300):
        text = "".join(rng.choice("qsinlthe 12q4 year last 2024 since ") for _ in range(40))
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_gate_never_changes_matches_of_random_patterns() -> None:
    """Random patterns of the subset: every match starts with a gated character, so a gate built
    from `first_chars` finds the same matches; syntax outside the subset gives no gate."""
    pieces = ["a", "b", "х", r"\d", r"\s", r"\w", r"\W", ".", "[a-c]", "[^x]", r"[\d.]", "[-a]", "(?:",
              "(?P<n>", "(?=", "(?<!", "(?!", ")", "|", "?", "*", "+", "{2}", "{0,3}", "??", "^", r"\b",
              r"\.", r"\x41", " ", "19"]  # fmt: skip
    rng = random.Random(11)
    gated_patterns = 0
    for _ in range(3000):
        pattern = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 7)))
        try:
            plain = re.compile(pattern)
        except re.error:
            continue
        first = first_chars(pattern)
        if first is None:
            continue
        gated_patterns += 1
        gate = re.compile(f"[{first}]")
        gated = re.compile(f"(?=[{first}])(?:{pattern})")
        text = "".join(rng.choice("abcх 19.xA-\n") for _ in range(30))
        matches = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in gated.finditer(text)] == matches, pattern
        assert all(gate.match(text, start) for start, _ in matches), pattern
    assert gated_patterns > 300
    for outside in ("(?(1)a|b)", "(?x)a b", r"\q", "(?>ab)", "a)"):
        assert first_chars(outside) is None
