"""Regexes built from word lists: longest-first alternations, prefix trees, and an end-anchored word test."""

from __future__ import annotations

import re
from collections.abc import Iterable


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
