"""Unknown public bodies recognised by the shape of their names (data: nlp/data/agencies/shapes.yaml).

English: capitalised words ending in a head ("... Agency", "... District Court") optionally followed by an
"of/for ..." qualifier ("Ministry of Treasury and Finance"); coordinated plurals are split per conjunct
("Ministries of Justice and Finance"). Russian: a head noun in any case ("Службы", "Министерством") with
the adjectives before it and the genitive/prepositional tail after it, read with pymorphy3 only around the
(rare) head words, so the cost stays per match rather than per token.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from nlp.inflection import lemma, parses, word_forms

_TAIL_CASES = {"gent", "datv", "loct", "ablt"}
MAX_PLACE_WORDS = 3  # "British Columbia", "Hong Kong", "New South Wales" before a body's name words


@dataclass(frozen=True, slots=True)
class Shape:
    """A candidate body: token span, the name to look up in the registry, and the kind its head implies."""

    start: int
    end: int
    lookup: str
    kind: str
    bank: bool = False  # a bare "National Bank"/"Central Bank": the document country's central bank


def _cap(tok: Token) -> bool:
    text = tok.text
    return text[:1].isupper() and any(ch.isalpha() for ch in text)


class EnglishShapes:
    """Finds English body names by their head word."""

    def __init__(self, nlp: Language, cfg: dict[str, Any]) -> None:
        self.heads: dict[str, str] = cfg["heads"]
        self.bank_heads = set(cfg["bank_heads"])
        self.plurals: dict[str, str] = cfg["plurals"]
        self.joiners = set(cfg["joiners"])
        self.not_first = set(cfg["not_first"])
        self.name_words = set(cfg["name_words"])
        self.place_heads = set(cfg["place_heads"])
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.matcher.add("HEAD", list(nlp.tokenizer.pipe([*self.heads, *self.plurals])))

    def find(self, doc: Doc) -> list[Shape]:
        shapes: list[Shape] = []
        for _, s, e in self.matcher(doc):
            head = doc[s:e].text
            if head in self.plurals:
                shapes.extend(self._coordinated(doc, s, self.plurals[head]))
                continue
            start = self._left(doc, s)
            end = self._right(doc, e)
            if end - start < 2 or not self._plausible(doc, start, s, end, head):
                continue
            text = doc[start:end].text
            shapes.append(
                Shape(start, end, text, self.heads[head], bank=head in self.bank_heads and end == e)
            )
        return shapes

    def _left(self, doc: Doc, s: int) -> int:
        start = s
        sent_start = doc[s].sent.start if doc.has_annotation("SENT_START") else 0
        while start > sent_start:
            prev = doc[start - 1]
            word = _cap(prev) and prev.text not in self.not_first
            joiner = prev.text in ("-", "&", "and") and start - 2 >= sent_start and _cap(doc[start - 2])
            if word or joiner:
                start -= 1
            else:
                break
        while start < s and (doc[start].text in self.joiners or not _cap(doc[start])):
            start += 1
        return start

    def _plausible(self, doc: Doc, start: int, s: int, end: int, head: str) -> bool:
        """Words before the head read like a public body's ("Tech Bureau" is a company): all of them
        are name words, or a place name comes before name words ("British Columbia Securities
        Commission"), or the name is defined with its initials ("... Regulatory Authority (ACRA)")."""
        if head in self.place_heads or self._defined(doc, start, end):
            return True
        k = s
        while k > start and self._name_word(doc[k - 1]):
            k -= 1
        place = doc[start:k]
        return k == start or (k < s and len(place) <= MAX_PLACE_WORDS and all(_cap(t) for t in place))

    def _name_word(self, tok: Token) -> bool:
        return tok.text in self.name_words or tok.text in self.joiners or tok.is_upper

    @staticmethod
    def _defined(doc: Doc, start: int, end: int) -> bool:
        """The name is followed by its initials in brackets: "Foo Bar Authority (FBA)"."""
        if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
            return False
        initials = "".join(tok.text[0] for tok in doc[start:end] if _cap(tok))
        return len(initials) > 1 and doc[end + 1].text.upper() == initials.upper()

    def _right(self, doc: Doc, e: int) -> int:
        """Extend over "of/for (the) Capitalised ..." and return the new end (exclusive)."""
        if e + 1 >= len(doc) or doc[e].lower_ not in ("of", "for", "on"):
            return e
        end, k = e, e + 1
        while k < len(doc):
            tok = doc[k]
            if _cap(tok) and tok.text not in self.not_first - {"The"}:
                k += 1
                end = k
            elif (
                tok.lower_ in self.joiners
                and k + 1 < len(doc)
                and (_cap(doc[k + 1]) or doc[k + 1].lower_ == "the")
            ):
                k += 1
            else:
                break
        return end

    def _coordinated(self, doc: Doc, s: int, singular: str) -> list[Shape]:
        """ "Ministries of Justice and Finance" -> "Ministries of Justice" + "Finance", each its own body."""
        if s + 2 >= len(doc) or doc[s + 1].lower_ != "of":
            return []
        kind = self.heads[singular]
        shapes: list[Shape] = []
        k, first = s + 2, True
        while k < len(doc) and _cap(doc[k]):
            c_start = k
            while k < len(doc) and (
                _cap(doc[k]) or (doc[k].text == "-" and k + 1 < len(doc) and _cap(doc[k + 1]))
            ):
                k += 1
            conj = doc[c_start:k].text
            shapes.append(Shape(s if first else c_start, k, f"{singular} of {conj}", kind))
            first = False
            if k + 1 < len(doc) and doc[k].lower_ in ("and", ",", "&"):
                k += 2 if doc[k].text == "," and doc[k + 1].lower_ == "and" else 1
            else:
                break
        return shapes if len(shapes) > 1 else []


class RussianShapes:
    """Finds Russian body names by their head noun in any case."""

    def __init__(self, nlp: Language, cfg: dict[str, Any]) -> None:
        self.kind_of: dict[str, str] = {}
        for head, kind in cfg["heads"].items():
            for form in word_forms(head):
                self.kind_of[form] = kind
        self.needs_qualifier = set(cfg["needs_qualifier"])
        self.bank_qualifiers = set(cfg["bank_qualifiers"])
        self.joiners = set(cfg["joiners"])
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("HEAD", [nlp.make_doc(form) for form in self.kind_of])

    def find(self, doc: Doc) -> list[Shape]:
        shapes: list[Shape] = []
        for _, s, _e in self.matcher(doc):
            start = s
            # over the adjectives of the name, but not over a lower-case word before a capitalised
            # one ("по данным Нацбанка": "данным" is not part of the name)
            while (
                start > 0
                and (doc[start].is_lower or not doc[start - 1].is_lower)
                and self._is_adjective(doc[start - 1])
            ):
                start -= 1
            end = self._tail(doc, s + 1)
            if not doc[start].text[:1].isupper():
                continue
            head_lemma = lemma(doc[s].lower_)
            if end - start < 2 and head_lemma in self.needs_qualifier:
                continue
            if head_lemma == "банк" and not any(
                lemma(t.lower_) in self.bank_qualifiers for t in doc[start:s]
            ):
                continue
            kind = self.kind_of[doc[s].lower_]
            # "Нацбанка Таджикистана", "Центробанк": a central bank, the country's one
            shapes.append(Shape(start, end, doc[start:end].text, kind, bank=kind == "central_bank"))
        return shapes

    @staticmethod
    def _is_adjective(tok: Token) -> bool:
        return tok.is_alpha and any(p.tag.POS in ("ADJF", "PRTF") for p in parses(tok.lower_)[:2])

    def _tail(self, doc: Doc, k: int) -> int:
        end = k
        while k < len(doc):
            tok = doc[k]
            if tok.lower_ in self.joiners and k + 1 < len(doc) and doc[k + 1].is_alpha:
                k += 1
                continue
            if not tok.is_alpha or (tok.is_upper and len(tok) > 1):
                break
            parse = parses(tok.lower_)[0]
            if parse.tag.POS not in ("NOUN", "ADJF", "PRTF") or parse.tag.case not in _TAIL_CASES:
                break
            k += 1
            end = k
        return end
