"""Loading of the data files under `nlp/data/` (lexicons, patterns, tables), cached per process."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load(name: str) -> dict[str, Any]:
    """Parse `nlp/data/<name>.yaml` once; the `provenance` block stays in the file."""
    text = resources.files("nlp").joinpath("data", f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so the longest form wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


class WordBefore:
    """A regex anchored at the end of a short window (`...(word)\\s*$`), tried only when the window
    ends with one of its literal words: few numbers have one before them, and `str.endswith` is far
    cheaper than a `$`-anchored search, which restarts at every position of the window."""

    def __init__(self, pattern: str, words: Iterable[str], flags: int = 0) -> None:
        self.regex = re.compile(pattern, flags)
        self.words = tuple({w.lower() for w in words})

    def search(self, window: str) -> re.Match[str] | None:
        if not window.rstrip().lower().endswith(self.words):
            return None
        return self.regex.search(window)


def prefix_tree(words: Iterable[str]) -> str:
    """`alternation` as a prefix tree ("dollars|dollar|долл" -> "d(?:ollar(?:s|))|долл"): the
    same matches in the same order of preference (a longer word before its prefix), but a failed
    match costs one branch per distinct first letter instead of one per word. Give it lower-cased
    words when the regex ignores case (words differing only in case would be separate branches)."""
    tree: dict[str, dict] = {}
    for word in set(words):
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _tree_pattern(tree)


def _tree_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _tree_pattern(child) for char, child in sorted(node.items()) if char]
    if "" in node:
        branches.append("")  # the word ends here: tried after every longer word
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}


def first_chars(pattern: str) -> str | None:
    """The body of a character class holding every character a match of `pattern` can start with
    ("in|during|19\\d\\d" -> "di1"), or None when that is not a short list (an empty match, a negated
    class, a wildcard). Read from the parse of CPython's own regex compiler (`re._parser`, private
    but stable since 3.11); a gate `(?=[...])` built from it lets a scan skip other positions fast."""
    try:
        items, nullable = _firsts(re._parser.parse(pattern).data)  # type: ignore[attr-defined]
    except (AttributeError, TypeError, ValueError):
        return None  # a parser that changed shape: no gate, same matches
    return "".join(sorted(items)) if items is not None and not nullable else None


def _firsts(seq: Iterable[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """(first-character class items, whether the sequence can match empty) of a parsed sequence."""
    out: set[str] = set()
    for op, av in seq:
        name = str(op)
        if name == "LITERAL":
            return out | {re.escape(chr(av))}, False
        if name == "IN":
            items = set()
            for kind, value in av:
                kind = str(kind)
                if kind == "LITERAL":
                    items.add(re.escape(chr(value)))
                elif kind == "RANGE":
                    items.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
                elif kind == "CATEGORY" and str(value) in _CATEGORIES:
                    items.add(_CATEGORIES[str(value)])
                else:
                    return None, False
            return out | items, False
        if name in _ZERO_WIDTH:
            continue
        if name == "BRANCH":
            parts = [_firsts(alt) for alt in av[1]]
        elif name == "SUBPATTERN":
            parts = [_firsts(av[3].data)]
        elif name in _REPEATS:
            items, nullable = _firsts(av[2])
            parts = [(items, nullable or av[0] == 0)]
        else:
            return None, False
        if any(items is None for items, _ in parts):
            return None, False
        out |= set().union(*(items for items, _ in parts))  # type: ignore[arg-type]
        if not any(nullable for _, nullable in parts):
            return out, False
    return out, True
