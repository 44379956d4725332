"""Money: a number with a currency mark before or after it, restatements and changes.

Currency marks come from `data/currencies.yaml`. "24 billion KZT (over $43 million)" is one
amount: the parenthetical is kept as a restatement carrying the stated USD equivalent.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components.numbers import Number, NumberGrammar, grammar, is_year
from nlp.doc.spans import char_span, view, write
from nlp.doc.views import doc_lower, doc_text, sentence_index
from nlp.lexicons import load
from nlp.regexes.words import alternation, prefix_tree

CLOSES = re.compile(r"\s*[)\]]")
APPOSITION_END = re.compile(r"\s*(?:[,;.)]|$)")


class Money(NamedTuple):
    """One amount: `start:end` covers currency mark, digits and magnitude, not the hedge."""

    start: int
    end: int
    value: float
    currency: str
    value_max: float | None = None
    qualifier: str | None = None
    restates: bool = False  # restates the previous amount ("(over $43 million)")
    stated_usd: float | None = None  # USD equivalent stated beside this amount


class CurrencyGrammar:
    """Currency marks around a number, for one language's text (marks are shared)."""

    def __init__(self) -> None:
        data = load("currencies")
        prefixes: dict[str, str] = {}
        attached: dict[str, str] = {}
        codes: dict[str, str] = {}
        words: dict[str, str] = {}
        for code, marks in data["currencies"].items():
            for p in marks.get("prefix", []):
                prefixes.setdefault(p, code)
            for p in marks.get("attached", []):
                attached.setdefault(p, code)
            for s in marks.get("suffix", []):
                target = codes if (s.isupper() or not s[0].isalpha()) else words
                target.setdefault(s if target is codes else s.lower(), code)
        self.prefixes, self.attached, self.codes, self.words = prefixes, attached, codes, words
        self.weak = {w.lower() for w in data["weak_suffixes"]}
        self.prefix_re = re.compile(rf"(?<![^\W\d_])({alternation(prefixes)})\s?$")
        self.prefix_ends = tuple(prefixes)  # `str.endswith` rules out most windows before the search
        self.code_after = re.compile(rf"\s?({alternation(codes)})(?![\w])")
        # words: lower-cased, matched on the text's lower-cased twin (much faster than re.I)
        self.word_after = re.compile(rf"\s?({prefix_tree(words)})(?![\w])")
        self.inherit = re.compile(rf"^\s*(?:[,.;:)]|(?:{alternation(data['inherit_before'])})\b)", re.I)
        gaps = data["restatement_gaps"]
        self.open_gap = re.compile(rf"^\s*[{''.join(map(re.escape, gaps['open']))}]\s*(?:\w+\s+){{0,2}}$")
        self.appos_gap = re.compile(
            rf"^\s*[,–—]\s*(?:{alternation(gaps['apposition'])})\s+(?:\w+\s+)?$", re.I
        )

    def before(self, text: str, n: Number) -> tuple[str, int] | None:
        """(currency, start) of a mark written before the number."""
        if n.glued_left:
            code = self.attached.get(n.glued_left) or self.prefixes.get(n.glued_left)
            return (code, n.start - len(n.glued_left)) if code else None
        head = text[max(0, n.start - 8) : n.start]
        if not head.rstrip().endswith(self.prefix_ends):  # no mark, only whitespace after it: no match
            return None
        m = self.prefix_re.search(head)
        if not m:
            return None
        return self.prefixes[m.group(1)], n.start - len(head) + m.start(1)

    def after(self, text: str, lower: str, n: Number) -> tuple[str, int] | None:
        """(currency, end) of a mark written after the number and its magnitude; `lower` is the
        text's same-length lower-cased twin."""
        m = self.code_after.match(text, n.end)
        if m:
            return self.codes[m.group(1)], m.end()
        m = self.word_after.match(lower, n.end)
        if not m:
            return None
        word = m.group(1).lower()
        if word in self.weak and n.magnitude is None and n.value < 1000 and not n.spelled:
            return None
        if word in self.weak and n.spelled and n.value < 1000:
            return None
        return self.words[word], m.end()

    def find(
        self, text: str, lower: str, numbers: list[Number], hedges: NumberGrammar
    ) -> list[tuple[Money, Number]]:
        out: list[tuple[Money, Number]] = []
        for n in numbers:
            pre = self.before(text, n)
            post = None if pre else self.after(text, lower, n)
            if pre is None and post is None:
                continue
            if pre is None and is_year(n):
                continue
            currency, start, end = (pre[0], pre[1], n.end) if pre else (post[0], n.start, post[1])  # type: ignore[index]
            qualifier = n.qualifier if post else hedges.qualifier_before(text, start)
            out.append((Money(start, end, n.value, currency, n.value_max, qualifier), n))
        return out


def mark_restatements(text: str, amounts: list[Money], cur: CurrencyGrammar) -> list[Money]:
    """Flag "(over $43 million)" / ", about US$21 million," and copy the stated USD value back."""
    out = list(amounts)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.restates:
            continue
        gap = text[a.end : b.start]
        closes = CLOSES.match(text, b.end, b.end + 3) is not None
        appos = APPOSITION_END.match(text, b.end, b.end + 3) is not None
        if (cur.open_gap.match(gap) and closes) or (cur.appos_gap.match(gap) and appos):
            if a.currency == b.currency:
                continue
            out[i] = b._replace(restates=True)
            if b.currency == "USD":
                out[i - 1] = a._replace(stated_usd=b.value)
    return out


@cache
def currency_grammar() -> CurrencyGrammar:
    return CurrencyGrammar()


class MoneyFinder:
    """spaCy component: writes `doc.spans["money"]`, each span with `span._.money`."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.grammar = currency_grammar()
        self.hedges = grammar("ru" if nlp.lang == "ru" else "en")

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        numbers = [n for _, _, n in view(doc, "numbers")]
        found = self.grammar.find(text, doc_lower(doc), numbers, self.hedges)
        taken = {id(n) for _, n in found}
        amounts = [m for m, _ in found]
        amounts += self._inherited(doc, [n for n in numbers if id(n) not in taken], amounts)
        amounts.sort(key=lambda m: m.start)
        found = ((char_span(doc, m.start, m.end), m) for m in mark_restatements(text, amounts, self.grammar))
        write(doc, "money", [(span, m) for span, m in found if span is not None])
        return doc

    def _inherited(self, doc: Doc, numbers: list[Number], amounts: list[Money]) -> list[Money]:
        """The currency of the sentence's previous amount, for "one trillion more than last year"."""
        out = []
        sentences = sentence_index(doc)
        text = sentences.text
        amounts = sorted(amounts, key=lambda m: m.start)
        starts = [m.start for m in amounts]
        for n in numbers:
            if n.value < 1e6 or n.bare_integer or not self.grammar.inherit.match(text[n.end : n.end + 12]):
                continue
            k = bisect_left(starts, n.start) - 1
            if k >= 0 and sentences.number(amounts[k].start) == sentences.number(n.start):
                out.append(Money(n.start, n.end, n.value, amounts[k].currency, n.value_max, n.qualifier))
        return out


@Language.factory("regintel_money", assigns=["doc.spans"], default_config={})
def make_money_finder(nlp: Language, name: str) -> MoneyFinder:
    return MoneyFinder(nlp, name)
