"""Durations: "six months", "ten-year", "1,5 года" -> days, keeping the original unit."""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components.numbers import is_year
from nlp.doc.spans import char_span, claimed, overlaps, view, write
from nlp.doc.views import doc_lower
from nlp.lexicons import load
from nlp.regexes.words import alternation, prefix_tree


class Duration(NamedTuple):
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
        self.phrase_unit: dict[str, tuple[str, float]] = {}  # "полгода" -> ("year", 182.625)
        for unit, spec in units.items():
            for form in spec["forms"]:
                self.form_unit[form.lstrip("-").lower()] = (unit, float(spec["days"]))
            for phrase, times in spec.get("phrases", {}).items():
                self.phrase_unit[phrase.lower()] = (unit, float(spec["days"]) * times)
        # no lookbehind in front: a pattern opening with literal letters is scanned in C; the word
        # start is checked on each (rare) hit instead
        phrases = prefix_tree(self.phrase_unit) if self.phrase_unit else r"(?!x)x"
        self.phrases = re.compile(rf"(?:{phrases})(?!\w)")
        # all matched on the text's lower-cased twin: case-sensitive is much faster than re.I
        forms = [f.lower() for spec in units.values() for f in spec["forms"]]
        hyphen = [f.lstrip("-") for f in forms if f.startswith("-")]
        spaced = [f for f in forms if not f.startswith("-")]
        self.unit_after = re.compile(
            rf"(?:\s+({alternation(spaced)})|-({alternation(hyphen) or '(?!x)x'}))(?!\w)"
        )
        not_after = (w.lower() for w in data["duration_not_after"])
        not_before = (w.lower() for w in data["duration_not_before"])
        self.not_after = re.compile(rf"(?:{alternation(not_after)})")  # used with match(): anchored
        self.not_before = re.compile(rf"(?:{alternation(not_before)})\s+$")

    def __call__(self, doc: Doc) -> Doc:
        found = []
        taken = claimed(doc, ("money", "percents"))
        lower = doc_lower(doc)
        for _, _, n in view(doc, "numbers"):
            m = self.unit_after.match(lower, n.end)
            if m is None or is_year(n) or n.glued_left or overlaps(n.start, n.end, taken):
                continue
            if self.not_after.match(lower, m.end(), m.end() + 6) or self.not_before.search(
                lower, max(0, n.start - 16), n.start
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
        phrases = self._phrases(lower)
        if phrases:
            counted = {i for _, d in found for i in range(d.start, d.end)}  # "one year and a half": one fact
            for d in phrases:
                span = char_span(doc, d.start, d.end)
                if span is not None and not overlaps(d.start, d.end, counted):
                    found.append((span, d))
            found.sort(key=lambda item: item[1].start)
        write(doc, "durations", found)
        return doc

    def _phrases(self, lower: str) -> list[Duration]:
        """Durations named without a number: "полгода", "half a year", "a year and a half"."""
        out: list[Duration] = []
        if not any(phrase in lower for phrase in self.phrase_unit):  # substring tests are far cheaper
            return out
        for m in self.phrases.finditer(lower):
            start = m.start()
            if start and (lower[start - 1].isalnum() or lower[start - 1] == "_"):
                continue  # inside a word
            unit, days = self.phrase_unit[m.group()]
            out.append(Duration(start, m.end(), days, unit))
        return out


@Language.factory("regintel_durations", assigns=["doc.spans"], default_config={})
def make_duration_finder(nlp: Language, name: str) -> DurationFinder:
    return DurationFinder(nlp, name)
