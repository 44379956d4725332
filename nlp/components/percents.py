"""Percentages: "38%", "25 per cent", "8,9%", "36 процентов" -> `doc.spans["percents"]`."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from nlp.doc.spans import char_span, claimed, overlaps, view, write
from nlp.doc.views import doc_lower
from nlp.lexicons import load
from nlp.regexes.words import alternation


class PercentFinder:
    """Numbers followed by a percent mark; `span._.percent` is the Number with its mark."""

    def __init__(self, nlp: Language, name: str) -> None:
        marks = load("quantities")["percent"]["ru" if nlp.lang == "ru" else "en"]
        # matched on the text's lower-cased twin: case-sensitive is much faster than re.I
        self.mark = re.compile(rf"\s?(?:{alternation(m.lower() for m in marks)})(?!\w)")

    def __call__(self, doc: Doc) -> Doc:
        found = []
        taken = claimed(doc, ("money",))
        lower = doc_lower(doc)
        for _, _, n in view(doc, "numbers"):
            m = self.mark.match(lower, n.end)
            if m is None or n.glued_left or overlaps(n.start, n.end, taken):
                continue
            span = char_span(doc, n.start, m.end())
            if span is not None:
                found.append((span, n._replace(end=m.end())))
        write(doc, "percents", found)
        return doc


@Language.factory("regintel_percents", assigns=["doc.spans"], default_config={})
def make_percent_finder(nlp: Language, name: str) -> PercentFinder:
    return PercentFinder(nlp, name)
