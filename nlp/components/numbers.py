"""Numbers in prose: digits in en/ru formats, spelled-out words, magnitudes, ranges and hedges.

The grammar is regular expressions built from `data/numbers.yaml` and `data/not_facts.yaml`
and run over the whole text (far faster than token matching); the `regintel_numbers`
component stores each hit in `doc.spans["numbers"]` with `span._.number`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from nlp.doc.spans import char_span, write
from nlp.doc.views import doc_lower, doc_text, lower_text
from nlp.lexicons import load
from nlp.regexes.words import WordBefore, alternation, prefix_tree

SPACES = "\u00a0\u2009\u202f"  # no-break, thin and narrow no-break spaces used as group separators
YEAR_MIN, YEAR_MAX = 1900, 2100
GROUP_SPACES = re.compile(rf"[ {SPACES}]")
EN_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
GLUED_LEFT = re.compile(r"[^\W\d_][\w$.]*$")  # letters glued before digits: "KZT" in "KZT2.2bn"
DASHED_AFTER = re.compile(r"-\d+-\d")  # "123-45-67": an ID or phone, not a range
DASHED_BEFORE = re.compile(r"\d-\d+-$")
YEAR_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d[-–/]$")  # "2023-24", "2023/24": a span of years
SYMBOLS = tuple("$€£¥₩₱₹₸₽₦")  # a range may repeat its currency: "$2 million to $3 million"
LAST_WORD = re.compile(r"(\w+)\s+$")


class Number(NamedTuple):
    """One number as written: `start:end` spans digits/words and magnitude, not the hedge.
    A NamedTuple, like the other per-number records: immutable, and built three times faster
    than a frozen dataclass (tens of thousands per megabyte of text)."""

    start: int
    end: int
    value: float
    value_max: float | None = None
    qualifier: str | None = None
    spelled: bool = False
    magnitude: float | None = None
    bare_integer: bool = False  # digits only, no separator or magnitude: may be a year
    glued_left: str | None = None  # letters glued before the digits ("KZT" in "KZT2.2bn")


class NumberGrammar:
    """Finds `Number`s in a text of one language."""

    def __init__(self, lang: str) -> None:
        lex = load("numbers")[lang]
        nf = load("not_facts")[lang]
        self.phone = re.compile(load("not_facts")["phone"])
        self.phone_hint = re.compile(load("not_facts")["phone_hint"])
        self.lang = lang
        self.words: dict[str, float] = {k.lower(): float(v) for k, v in lex["units"].items()}
        self.scales: dict[str, float] = {k.lower(): float(v) for k, v in lex["scales"].items()}
        self.phrases: dict[str, float] = {k.lower(): float(v) for k, v in lex["phrases"].items()}
        self.magnitudes: dict[str, float] = {k.lower(): float(v) for k, v in lex["magnitudes"].items()}
        self.glued: dict[str, float] = {k: float(v) for k, v in lex["glued_magnitudes"].items()}
        halves = "|".join(r"\s+".join(map(re.escape, h.lower().split())) for h in lex.get("half_after", []))
        half_after = rf"\s+(?:{halves})" if halves else r"(?!x)x"
        self.half_tail = re.compile(rf"{half_after}$")
        # the alternatives after a number's first digit
        group = rf"\d{{0,2}}(?:[{SPACES}]\d{{3}})+(?:[.,]\d+)?"
        if lang == "ru":
            group = rf"\d{{0,2}}(?:[ {SPACES}]\d{{3}})+(?:,\d+)?"
            plain = r"\d*(?:[.,]\d+)?"
        else:
            plain = r"\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:[.,]\d+)?"
        # a pattern opening with a plain character class lets the regex engine skip to the next digit
        # in C (~1.5x faster than a lookahead); the lookbehind then checks the character before it
        self.digits = re.compile(rf"\d(?<![\d.,:/]\d)(?:{group}|{plain})(?![\d]|[.,:/]\d)")
        mags = prefix_tree(self.magnitudes)
        glued = alternation(self.glued)
        # run on the lower-cased twin: case-sensitive matching is several times faster than re.I
        lower_glued = alternation(g.lower() for g in self.glued)
        self.magnitude_after = re.compile(rf"(?:\s?(?:{mags})(?!\w)|(?:{lower_glued})(?![\w]))")
        self.glued_after = re.compile(rf"(?:{glued})(?!\w)")
        word = prefix_tree([*self.words, *self.scales, *self.magnitudes])
        sep = r"(?:\s*-\s*|\s+(?:and\s+)?)"
        lead = r"(?:half\s+an?\s+|an?\s+)" if lang == "en" else ""
        lead_ok = alternation([*self.scales, *self.magnitudes])
        phrases = prefix_tree(self.phrases) if self.phrases else r"(?!x)x"
        initials = re.escape(
            "".join(
                sorted({w[0] for w in [*self.words, *self.scales, *self.magnitudes, *self.phrases, "a", "h"]})
            )
        )
        # run on the lower-cased text: case-sensitive matching with a first-letter filter is ~15x faster
        self.spelled = re.compile(
            rf"(?=[{initials}])(?<![\w-])(?:{phrases}|(?:{lead}(?=(?:{lead_ok})(?!\w)))?(?:{word})"
            rf"(?:{sep}(?:{word}))*(?:{half_after})?)(?![\w])"
        )
        self.qualifier = WordBefore(
            rf"(?:^|(?<=[\s(«\"“]))({alternation(lex['qualifiers'])})\s+$", lex["qualifiers"], re.I
        )
        self.joiners = {j.lower() for j in lex["range_joiners"]}
        self.pairs = {k.lower(): v.lower() for k, v in lex["range_pairs"].items()}
        self.longest_gap = max(map(len, [*self.joiners, *self.pairs.values()]))
        openers = lex["change_openers"]
        self.change = WordBefore(rf"(?:^|\W)(?:{alternation(openers)})\s+$", openers, re.I)
        self.before = WordBefore(rf"(?:^|[^\w])(?:{alternation(nf['before'])})\s*$", nf["before"], re.I)
        after_words = [w.lower() for w in nf["after"]]
        after = rf"(?:{prefix_tree(after_words)})(?!\w)"
        after_spaced = rf"\s(?:{prefix_tree(w for w in after_words if w[0].isalpha())})(?!\w)"
        months = alternation(nf["months"])
        self.month_before = WordBefore(
            rf"(?<!\w)(?:{months})\.?\s*$", [*nf["months"], *(f"{m}." for m in nf["months"])], re.I
        )
        month_after = rf"\s*(?:{months})(?!\w)"
        # what may follow a number that is not a quantity, one regex per kind of number: a unit or
        # word of a reference ("5 Law"), a month ("5 May", not after spelled numbers), "123-45-67";
        # matched on the lower-cased twin
        dashed = DASHED_AFTER.pattern
        self.tail_digits = re.compile(rf"(?:{after}|{after_spaced}|{month_after}|{dashed})")
        self.tail_spelled = re.compile(rf"(?:{after}|{after_spaced}|{dashed})")

    # ------------------------------------------------------------------ parsing
    def parse_digits(self, raw: str) -> float:
        """'1,692' -> 1692 (en), '13,2' -> 13.2 (ru), '1 148' -> 1148."""
        if raw.isdigit():  # most numbers: no separator to read
            return float(raw)
        s = GROUP_SPACES.sub("", raw)
        if self.lang == "en" and EN_GROUPED.fullmatch(s):
            s = s.replace(",", "")
        return float(s.replace(",", "."))

    def parse_words(self, raw: str) -> float | None:
        """'Thirty-seven' -> 37, 'half a million' -> 500000, 'two dozen' -> 24, 'two and a half' -> 2.5."""
        low = raw.lower()
        if low in self.phrases:
            return self.phrases[low]
        tail = self.half_tail.search(low)
        if tail:
            value = self.parse_words(low[: tail.start()])
            return value + 0.5 if value is not None else None
        total, current, half, seen = 0.0, 0.0, False, False
        for tok in re.split(r"[\s-]+", low):
            if tok in ("and", ""):
                continue
            if tok == "half":
                half = True
            elif tok in ("a", "an"):
                current = current or 1.0
            elif tok in self.words:
                current += self.words[tok]
                seen = True
            elif tok in self.scales:
                current = (current or 1.0) * self.scales[tok]
                seen = True
            elif tok in self.magnitudes:
                total += (current or 1.0) * self.magnitudes[tok]
                current, seen = 0.0, True
        value = (total + current) * (0.5 if half else 1.0)
        return value if seen else None

    # ------------------------------------------------------------------ finding
    def find(self, text: str, lower: str | None = None) -> list[Number]:
        """All numbers of the text, in order, ranges merged, references and dates dropped.
        `lower` is the text's same-length lower-cased twin, when the caller has it already."""
        lower = lower if lower is not None else lower_text(text)
        found = [n for n in (*self._digit_numbers(text, lower), *self._word_numbers(lower)) if n is not None]
        found.sort(key=lambda n: n.start)
        phones = [m.span() for m in self.phone.finditer(text)] if self.phone_hint.search(text) else []
        kept = [
            n
            for n in _drop_nested(found)
            if not self._is_reference(text, lower, n)
            and not any(s <= n.start and n.end <= e for s, e in phones)
        ]
        return [self._hedge(text, n) for n in self._ranges(text, kept)]

    def _digit_numbers(self, text: str, lower: str) -> list[Number | None]:
        out: list[Number | None] = []
        for m in self.digits.finditer(text):
            start, end = m.span()
            value = self.parse_digits(m.group())
            magnitude = None
            tail = self.magnitude_after.match(lower, end)
            if tail:
                word = text[tail.start() : tail.end()].strip()  # as written: "M" and "m" differ
                magnitude = self.glued.get(word) or self.magnitudes.get(word.lower())
                if magnitude is None:  # glued letter in the wrong case, e.g. "5 M"
                    tail = None
            if tail and magnitude:
                end = tail.end()
                value *= magnitude
            elif end < len(text) and text[end].isalpha():
                out.append(None)  # "1st", "3G", "10x": not a quantity
                continue
            prev = text[start - 1] if start else " "  # glued letters end right before the digits
            glued = None
            if prev.isalnum() or prev in "$_":
                glued = GLUED_LEFT.search(text, max(0, start - 6), start)
            bare = magnitude is None and m.group().isdigit()
            out.append(
                Number(
                    start,
                    end,
                    value,
                    magnitude=magnitude,
                    bare_integer=bare,
                    glued_left=glued.group() if glued else None,
                )
            )
        return out

    def _word_numbers(self, lower: str) -> list[Number | None]:
        out: list[Number | None] = []
        for m in self.spelled.finditer(lower):
            raw = m.group()
            if raw in self.magnitudes:  # a bare "million" is not a number by itself
                continue
            value = self.parse_words(raw)
            if value is None:
                continue
            out.append(Number(m.start(), m.end(), value, spelled=True))
        return out

    def _is_reference(self, text: str, lower: str, n: Number) -> bool:
        """Law/article numbers, ranks, dates, ages, phone numbers, furniture."""
        head = text[max(0, n.start - 24) : n.start]
        if n.glued_left is None and self.before.search(head):
            return True
        tail = self.tail_spelled if n.spelled else self.tail_digits
        if head.endswith("+") or tail.match(lower, n.end, n.end + 16):
            return True
        if not n.spelled and self.month_before.search(head):
            return True
        if n.bare_integer and n.end - n.start == 2 and YEAR_BEFORE.search(head):
            return True
        return head.endswith("-") and DASHED_BEFORE.search(head) is not None

    def _ranges(self, text: str, numbers: list[Number]) -> list[Number]:
        """'2-3 million', 'between 5 and 10', 'от 5 до 10' -> one Number with two bounds."""
        out: list[Number] = []
        for n in numbers:
            prev = out[-1] if out else None
            if prev is not None and prev.value_max is None and self._joins(text, prev, n):
                low = prev.value
                if prev.magnitude is None and n.magnitude and not prev.spelled:
                    low *= n.magnitude
                out[-1] = prev._replace(end=n.end, value=low, value_max=n.value, magnitude=n.magnitude)
            else:
                out.append(n)
        return out

    def _joins(self, text: str, a: Number, b: Number) -> bool:
        if a.bare_integer and YEAR_MIN <= a.value <= YEAR_MAX:
            return False
        gap = text[a.end : b.start].strip()
        if gap.endswith(SYMBOLS):
            gap = gap[:-1].rstrip()
        if len(gap) > self.longest_gap:  # most gaps: words between two numbers of a sentence
            return False
        gap = gap.lower()
        before = text[max(0, a.start - 12) : a.start]
        if gap in self.joiners:
            return not self.change.search(before)
        opener = LAST_WORD.search(before)
        closer = self.pairs.get(opener.group(1).lower()) if opener else None
        return closer is not None and gap == closer

    def _hedge(self, text: str, n: Number) -> Number:
        m = self.qualifier.search(text[max(0, n.start - 40) : n.start])
        return n._replace(qualifier=m.group(1).lower()) if m else n

    def qualifier_before(self, text: str, start: int) -> str | None:
        """The hedge right before `start` ("over $43 million" -> "over")."""
        m = self.qualifier.search(text[max(0, start - 40) : start])
        return m.group(1).lower() if m else None


def _drop_nested(numbers: list[Number]) -> list[Number]:
    out: list[Number] = []
    for n in numbers:
        if out and n.start < out[-1].end:
            if n.end - n.start > out[-1].end - out[-1].start:
                out[-1] = n
            continue
        out.append(n)
    return out


@cache
def grammar(lang: str) -> NumberGrammar:
    """The compiled grammar of a language (en or ru), built once per process."""
    return NumberGrammar(lang)


def is_year(n: Number) -> bool:
    return n.bare_integer and n.value_max is None and YEAR_MIN <= n.value <= YEAR_MAX


class NumberFinder:
    """spaCy component: writes `doc.spans["numbers"]`, each span with `span._.number`."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.grammar = grammar("ru" if nlp.lang == "ru" else "en")

    def __call__(self, doc: Doc) -> Doc:
        numbers = self.grammar.find(doc_text(doc), doc_lower(doc))
        found = ((char_span(doc, n.start, n.end), n) for n in numbers)
        write(doc, "numbers", [(span, n) for span, n in found if span is not None])
        return doc


@Language.factory("regintel_numbers", assigns=["doc.spans"], default_config={})
def make_number_finder(nlp: Language, name: str) -> NumberFinder:
    return NumberFinder(nlp, name)
