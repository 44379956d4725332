"""Counts: a number and what it counts ("130 unlicensed crypto platforms" -> 130, "platform").

The unit is the English singular lemma of the head noun, also for Russian text (through
`data/ru_nouns.yaml`). Without a tagger the head is found by shape: English plural nouns
(lookup lemma differs from the word), Russian nouns by their pymorphy3 part of speech.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Token

from nlp.components.numbers import Number, is_year
from nlp.doc.spans import char_span, claimed, overlaps, view, write
from nlp.doc.views import doc_text, token_index
from nlp.inflection import morph
from nlp.lexicons import load

MAX_PHRASE = 5  # tokens between the number and its head noun, at most
RU_MODIFIERS = {"ADJF", "PRTF", "ADJS", "NUMR"}


class Count(NamedTuple):
    start: int
    end: int
    value: float
    unit: str
    noun_phrase: str
    value_max: float | None = None
    qualifier: str | None = None


@lru_cache(maxsize=50_000)
def ru_noun(word: str) -> tuple[str, str, str | None]:
    """(part of speech, normal form, substantive form) of a lower-cased Russian word, by its likeliest
    parse; the substantive form ("подозреваемый" for "подозреваемых") is given for adjectives and
    participles that may stand for a noun (pymorphy3's `Subx`)."""
    parse = morph().parse(word)[0]
    noun = None
    if "Subx" in parse.tag:
        form = parse.inflect({"sing", "masc", "nomn"})
        noun = form.word.replace("ё", "е") if form else None
    return str(parse.tag.POS), parse.normal_form, noun


class CountFinder:
    """Numbers followed by a noun phrase that is not a measure, time or multiplier."""

    def __init__(self, nlp: Language, name: str) -> None:
        data = load("quantities")["count"]
        self.lang = "ru" if nlp.lang == "ru" else "en"
        self.not_units = {w.lower() for w in data["not_units"]}
        self.distributive = {w.lower() for w in data["distributive_before"]}
        self.breaks = tuple(data["en_phrase_breaks"])
        self.en_lemmas: dict[str, str] = data["en_lemmas"]
        self.phrase_words = set(data["en_phrase_words"])
        self.coordinators = set(data["en_coordinators"])
        self.modifier_suffixes = tuple(data["en_modifier_suffixes"])
        self.ru_nouns: dict[str, str] = load("ru_nouns")["nouns"]
        if self.lang == "ru":
            morph()  # load the dictionaries with the component, not on the first Russian count
        self.lookup = (
            nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup") if self.lang == "en" else None
        )

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        taken = claimed(doc, ("money", "percents", "durations"))
        starts = token_index(doc).starts
        text = doc_text(doc)  # Doc.text joins all tokens: read it once
        for _, _, n in view(doc, "numbers"):
            if is_year(n) or n.glued_left or overlaps(n.start, n.end, taken) or n.value != int(n.value):
                continue
            i = bisect_left(starts, n.end)
            if i > 0 and self._distributive(doc, n, starts):
                continue
            head = self._head_en(doc, i) if self.lang == "en" else self._head_ru(doc, i)
            if head is None:
                continue
            token, unit = head
            end = token.idx + len(token.text)
            c = Count(n.start, end, n.value, unit, text[n.start : end], n.value_max, n.qualifier)
            span = char_span(doc, c.start, c.end)
            if span is not None:
                spans.append((span, c))
        write(doc, "counts", spans)
        return doc

    def _distributive(self, doc: Doc, n: Number, starts: list[int]) -> bool:
        """'per person', 'на одного человека': one per unit is a rate, not a count."""
        j = bisect_left(starts, n.start) - 1
        return n.value == 1 and j >= 0 and doc[j].lower_ in self.distributive

    def _lemma_en(self, token: Token) -> str:
        low = token.lower_
        return self.en_lemmas.get(low) or self.lookup.get(low, low)  # type: ignore[union-attr]

    def _plural_next(self, doc: Doc, i: int) -> bool:
        """Token `i` is an English plural noun (its lemma differs from it)."""
        if i >= len(doc) or not doc[i].is_alpha:
            return False
        low = doc[i].lower_
        return not low.endswith(self.breaks) and self._lemma_en(doc[i]) != low

    def _head_en(self, doc: Doc, i: int) -> tuple[Token, str] | None:
        run: list[Token] = []
        cut: int | None = None
        for tok in doc[i : i + MAX_PHRASE]:
            if tok.text == "-" and run:
                continue
            low = tok.lower_
            if run and low in self.coordinators:
                after = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
                if after not in self.phrase_words and not after.endswith(self.modifier_suffixes):
                    break
                cut = len(run) if cut is None else cut
                continue
            if not tok.is_alpha or (tok.is_stop and low not in self.phrase_words):
                break
            if not run and low in self.not_units:
                break
            lemma = self._lemma_en(tok)
            if lemma != low and not low.endswith(self.breaks):
                return tok, lemma
            # "-ed/-ing" words end the phrase unless an adverb or nothing precedes them ("newly established")
            # or a plural noun follows them ("unregistered trading apps")
            if (
                run
                and low.endswith(self.breaks)
                and not run[-1].lower_.endswith("ly")
                and not self._plural_next(doc, tok.i + 1)
            ):
                break
            run.append(tok)
        # without a plural head, a singular phrase ends before "and"/"or": "one approval and ..."
        nouns = [t for t in run[:cut] if not t.lower_.endswith(self.breaks)]
        if not nouns:
            return None
        return nouns[-1], self._lemma_en(nouns[-1])

    def _head_ru(self, doc: Doc, i: int) -> tuple[Token, str] | None:
        """First noun after adjectives/participles; "интернет-ресурсов" (hyphenated) is one word.
        Without a noun, a last participle that names people ("троих подозреваемых") is the head."""
        j, stop = i, min(i + MAX_PHRASE, len(doc))
        substantive: tuple[Token, str] | None = None
        while j < stop:
            tok = doc[j]
            if not tok.is_alpha or tok.lower_ in self.not_units:
                return substantive
            word = tok.lower_
            if (
                j + 2 < len(doc)
                and doc[j + 1].text == "-"
                and doc[j + 2].is_alpha
                and not tok.whitespace_
                and not doc[j + 1].whitespace_
            ):
                word, tok, j = f"{word}-{doc[j + 2].lower_}", doc[j + 2], j + 2
            pos, lemma, noun = ru_noun(word)
            if pos == "NOUN" or (tok.is_upper and word in self.ru_nouns):  # "двух МФО"
                return tok, self.ru_nouns.get(lemma, lemma)
            if pos not in RU_MODIFIERS:
                return substantive
            substantive = (tok, self.ru_nouns[noun]) if noun is not None and noun in self.ru_nouns else None
            j += 1
        return substantive


@Language.factory("regintel_counts", assigns=["doc.spans"], default_config={})
def make_count_finder(nlp: Language, name: str) -> CountFinder:
    return CountFinder(nlp, name)
