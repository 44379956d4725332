"""Durations: "six months", "ten-year", "1,5 года" -> days, keeping the original unit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.lexicons import alternation, load
from nlp.numbers import is_year
from nlp.sentences import doc_text
from nlp.span_groups import char_span, claimed, overlaps, view, write


@dataclass(frozen=True, slots=True)
class Duration:
    start: int
    end: int
    days: float
    unit: str  # canonical English unit as written: day, week, month, year, ...
    days_max: float | None = None
    qualifier: str | None = None


class DurationFinder:
    """Numbers followed by a time unit, unless they are ages ("52-year-old") or years."""

    def __init__(self, nlp: Language, name: str) -> None:
        data = load("quantities")
        units = data["durations"]["ru" if nlp.lang == "ru" else "en"]
        self.form_unit: dict[str, tuple[str, float]] = {}
        for unit, spec in units.items():
            for form in spec["forms"]:
                self.form_unit[form.lstrip("-").lower()] = (unit, float(spec["days"]))
        hyphen = [f.lstrip("-") for spec in units.values() for f in spec["forms"] if f.startswith("-")]
        spaced = [f for spec in units.values() for f in spec["forms"] if not f.startswith("-")]
        self.unit_after = re.compile(
            rf"(?:\s+({alternation(spaced)})|-({alternation(hyphen) or '(?!x)x'}))(?!\w)", re.I
        )
        self.not_after = re.compile(rf"^(?:{alternation(data['duration_not_after'])})", re.I)
        self.not_before = re.compile(rf"(?:{alternation(data['duration_not_before'])})\s+$", re.I)
        if not Span.has_extension("duration"):
            Span.set_extension("duration", default=None)

    def __call__(self, doc: Doc) -> Doc:
        found = []
        taken = claimed(doc, ("money", "percents"))
        text = doc_text(doc)
        for _, _, n in view(doc, "numbers"):
            m = self.unit_after.match(text, n.end)
            if m is None or is_year(n) or n.glued_left or overlaps(n.start, n.end, taken):
                continue
            if self.not_after.match(text[m.end() : m.end() + 6]) or self.not_before.search(
                text[max(0, n.start - 16) : n.start]
            ):
                continue
            unit, days = self.form_unit[(m.group(1) or m.group(2)).lower()]
            d = Duration(
                n.start,
                m.end(),
                n.value * days,
                unit,
                n.value_max * days if n.value_max is not None else None,
                n.qualifier,
            )
            span = char_span(doc, d.start, d.end)
            if span is not None:
                found.append((span, d))
        write(doc, "durations", found)
        return doc


@Language.factory("regintel_durations", assigns=["doc.spans"], default_config={})
def make_duration_finder(nlp: Language, name: str) -> DurationFinder:
    return DurationFinder(nlp, name)
