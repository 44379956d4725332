"""The characters a regex match can start with, read by a small parser of the regex subset our data
files use: literals and escapes, classes, groups, lookarounds, anchors, alternation and repeats.

A gate `(?=[...])` built from them lets a scan skip other positions fast. Syntax outside the subset
(conditionals, verbose or inline flags, unknown escapes) gives no gate, never a wrong one.
"""

from __future__ import annotations

import re

CATEGORIES = {"d": r"\d", "s": r"\s", "w": r"\w"}  # in a class or alone; \D, \S, \W are unbounded
CHAR_ESCAPES = {"a": "\a", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
ANCHORS = frozenset("^$")
ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
REPEAT = re.compile(r"\{(\d*)(?:,(\d*))?\}")
LOOKAROUNDS = ("?=", "?!", "?<=", "?<!")

Firsts = tuple[frozenset[str] | None, bool]  # (class items, None when unbounded; can it match empty)
EMPTY: Firsts = (frozenset(), True)
UNBOUNDED: Firsts = (None, False)


class Unsupported(ValueError):
    """Regex syntax outside the subset read here."""


def first_chars(pattern: str) -> str | None:
    """The body of a character class holding every character a match of `pattern` can start with
    ("in|during|19\\d\\d" -> "1di"), or None when that is not a short list (an empty match, a negated
    class, a wildcard)."""
    try:
        items, nullable = _Parser(pattern).parse()
    except Unsupported:
        return None
    return "".join(sorted(items)) if items is not None and not nullable else None


class _Parser:
    """Recursive descent over one pattern: each construct yields its Firsts."""

    def __init__(self, pattern: str) -> None:
        self.text = pattern
        self.pos = 0

    def parse(self) -> Firsts:
        found = self._alternation()
        if self.pos != len(self.text):
            raise Unsupported(f"unbalanced ')' at {self.pos}")
        return found

    def _peek(self, length: int = 1) -> str:
        return self.text[self.pos : self.pos + length]

    def _take(self) -> str:
        if self.pos >= len(self.text):
            raise Unsupported("pattern ends early")
        char = self.text[self.pos]
        self.pos += 1
        return char

    def _alternation(self) -> Firsts:
        branches = [self._sequence()]
        while self._peek() == "|":
            self.pos += 1
            branches.append(self._sequence())
        if any(items is None for items, _ in branches):
            return UNBOUNDED
        union = frozenset().union(*(items for items, _ in branches if items is not None))
        return union, any(nullable for _, nullable in branches)

    def _sequence(self) -> Firsts:
        """Firsts of the items up to the first that cannot match empty (the rest is parsed, unread)."""
        out: set[str] = set()
        open_start = True  # every item so far can match empty
        bounded = True
        while self.pos < len(self.text) and self._peek() not in "|)":
            items, nullable = self._repeated()
            if not open_start:
                continue
            if items is None:
                bounded = False
            else:
                out |= items
            open_start = nullable
        return (frozenset(out) if bounded else None), open_start

    def _repeated(self) -> Firsts:
        items, nullable = self._atom()
        char = self._peek()
        if char in ("*", "?", "+"):
            self.pos += 1
            nullable = nullable or char != "+"
        elif char == "{" and (repeat := REPEAT.match(self.text, self.pos)):
            self.pos = repeat.end()
            nullable = nullable or not int(repeat.group(1) or 0)
        else:
            return items, nullable
        if self._peek() in ("?", "+"):  # lazy or possessive: the same characters
            self.pos += 1
        return items, nullable

    def _atom(self) -> Firsts:
        char = self._take()
        if char == "(":
            return self._group()
        if char == "[":
            return self._class()
        if char == "\\":
            return self._escape()
        if char in ANCHORS:
            return EMPTY
        if char == ".":
            return UNBOUNDED
        if char in "*+?":
            raise Unsupported(f"nothing to repeat at {self.pos - 1}")
        return frozenset({re.escape(char)}), False

    def _group(self) -> Firsts:
        head = self.text[self.pos : self.pos + 3]
        zero_width = False
        if head.startswith("?:"):
            self.pos += 2
        elif head.startswith("?P<"):
            end = self.text.find(">", self.pos)
            if end < 0:
                raise Unsupported("unterminated group name")
            self.pos = end + 1
        elif any(head.startswith(look) for look in LOOKAROUNDS):
            self.pos += 3 if head.startswith("?<") else 2
            zero_width = True
        elif head.startswith("?"):
            raise Unsupported(f"group syntax (?{head[1:]} at {self.pos}")
        found = self._alternation()
        if self._take() != ")":
            raise Unsupported("unterminated group")
        return EMPTY if zero_width else found

    def _class(self) -> Firsts:
        negated = self._peek() == "^"
        if negated:
            self.pos += 1
        items: set[str] = set()
        bounded = True
        first = True
        while first or self._peek() != "]":
            first = False
            low = self._class_char()
            if low is None:
                bounded = False
            elif low in CATEGORIES.values():
                items.add(low)
            elif self._peek() == "-" and self._peek(2) not in ("-]", "-"):
                self.pos += 1
                high = self._class_char()
                if high is None or high in CATEGORIES.values():
                    raise Unsupported("range to a category")
                items.add(f"{re.escape(low)}-{re.escape(high)}")
            else:
                items.add(re.escape(low))
        self.pos += 1
        return (frozenset(items) if bounded and not negated else None), False

    def _class_char(self) -> str | None:
        """One member of a class: a character, a category (its escape), or None (unbounded)."""
        char = self._take()
        if char != "\\":
            return char
        escaped = self._take()
        if escaped in CATEGORIES:
            return CATEGORIES[escaped]
        if escaped in "DSW":
            return None
        if escaped == "b":
            return "\b"  # backspace, inside a class
        return self._char_escape(escaped)

    def _escape(self) -> Firsts:
        escaped = self._take()
        if escaped in CATEGORIES:
            return frozenset({CATEGORIES[escaped]}), False
        if escaped in ZERO_WIDTH_ESCAPES:
            return EMPTY
        if escaped in "DSW" or escaped in "123456789":  # complements and backreferences
            return UNBOUNDED
        return frozenset({re.escape(self._char_escape(escaped))}), False

    def _char_escape(self, escaped: str) -> str:
        """The character an escape stands for (`\\.`, `\\n`, `\\x41`, `\\u0430`)."""
        if escaped in CHAR_ESCAPES:
            return CHAR_ESCAPES[escaped]
        if escaped in HEX_DIGITS:
            digits = self.text[self.pos : self.pos + HEX_DIGITS[escaped]]
            if len(digits) != HEX_DIGITS[escaped] or not all(c in "0123456789abcdefABCDEF" for c in digits):
                raise Unsupported(f"bad \\{escaped} escape")
            self.pos += len(digits)
            return chr(int(digits, 16))
        if escaped.isascii() and escaped.isalnum():
            raise Unsupported(f"escape \\{escaped}")
        return escaped
