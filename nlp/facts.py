"""Assembly of `contracts.Fact`s from the span groups the components wrote.

Each money/count fact gets its action (`span._.action`, read through nlp/span_groups.py), its
agency (the nearest agency mentioned in its sentence, else the document's most mentioned agency)
and its period (the nearest period expression in its sentence).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.tokens import Doc

from contracts import AgencyMention, Extraction, Fact
from nlp.rates import RateTable
from nlp.sentences import SentenceIndex, sentence_index
from nlp.span_groups import Item, annotation, view

CONFIDENCE = {"money": 0.95, "count": 0.8, "duration": 0.9, "percent": 0.95, "person": 0.8, "period": 0.85}
INHERITED_CURRENCY_CONFIDENCE = 0.7


@dataclass(frozen=True, slots=True)
class Context:
    """What a fact inherits from its document."""

    published: date | None
    rates: RateTable
    version: str
    keep_restatements: bool


def agencies_of(doc: Doc) -> list[Item]:
    return [item for item in view(doc, "agencies") if item[2] is not None]


class BySentence:
    """Payloads of a span group by sentence, to find the one nearest a fact in the fact's sentence."""

    def __init__(self, sentences: SentenceIndex, items: list[Item]) -> None:
        self.sentences = sentences
        self.groups: dict[int, list[Item]] = {}
        for item in items:
            self.groups.setdefault(sentences.number(item[0]), []).append(item)

    def nearest(self, sentence: int, start: int, end: int) -> Any:
        candidates = self.groups.get(sentence)
        if not candidates:
            return None
        return min(candidates, key=lambda c: max(c[0] - end, start - c[1], 0))[2]


def _salient(mentions: list[AgencyMention]) -> AgencyMention | None:
    if not mentions:
        return None
    counts = Counter(m.agency_id for m in mentions)
    top = max(counts.values())
    return next(m for m in mentions if counts[m.agency_id] == top)


def build_extraction(doc: Doc, ctx: Context) -> Extraction:
    """All facts of a processed Doc, in text order, plus its agency mentions."""
    agencies = agencies_of(doc)
    sentences = sentence_index(doc)
    agency_index = BySentence(sentences, agencies)
    salient = _salient([a for _, _, a in agencies])
    periods = view(doc, "periods")
    period_index = BySentence(sentences, periods)
    facts: list[Fact] = []
    sentence_texts: dict[int, str] = {}  # several facts share a sentence

    def base(kind: str, start: int, end: int, *, linked: bool) -> dict[str, object]:
        k = sentences.number(start)
        if k not in sentence_texts:
            sentence_texts[k] = sentences.text_of(start).strip()
        out: dict[str, object] = {
            "kind": kind,
            "text": sentences.text[start:end],
            "start": start,
            "end": end,
            "sentence": sentence_texts[k],
            "confidence": CONFIDENCE[kind],
            "extractor_version": ctx.version,
        }
        period = period_index.nearest(k, start, end)
        if period is not None:
            out.update(period_start=period.first, period_end=period.last, period_text=period.text)
        if linked:
            agency = agency_index.nearest(k, start, end) or salient
            if agency is not None:
                out.update(
                    agency_id=agency.agency_id,
                    agency_name=agency.name,
                    agency_acronym=agency.acronym,
                    country=agency.country,
                )
        return out

    for (_, _, m), action in zip(view(doc, "money"), annotation(doc, "money", "action"), strict=True):
        if m.restates and not ctx.keep_restatements:
            continue
        converted = (
            (m.stated_usd, "stated")
            if m.stated_usd is not None
            else ctx.rates.usd(m.value, m.currency, ctx.published)
        )
        usd, basis = converted if converted else (None, None)
        fact = Fact(
            **base("money", m.start, m.end, linked=not m.restates),
            value=m.value,
            value_max=m.value_max,
            qualifier=m.qualifier,
            currency=m.currency,
            usd=usd,
            usd_basis=basis,
            restates=m.restates,
            action=action,
        )
        facts.append(fact)
    for (_, _, c), action in zip(view(doc, "counts"), annotation(doc, "counts", "action"), strict=True):
        facts.append(
            Fact(
                **base("count", c.start, c.end, linked=True),
                value=c.value,
                value_max=c.value_max,
                qualifier=c.qualifier,
                unit=c.unit,
                noun_phrase=c.noun_phrase,
                action=action,
            )
        )
    for _, _, d in view(doc, "durations"):
        facts.append(
            Fact(
                **base("duration", d.start, d.end, linked=False),
                value=d.days,
                value_max=d.days_max,
                qualifier=d.qualifier,
                unit=d.unit,
            )
        )
    for _, _, p in view(doc, "percents"):
        facts.append(
            Fact(
                **base("percent", p.start, p.end, linked=False),
                value=p.value,
                value_max=p.value_max,
                qualifier=p.qualifier,
            )
        )
    by_id = {a.agency_id: a for _, _, a in agencies}
    for span in doc.spans.get("people", []):
        name, role, agency_id = span._.person
        fields = base("person", span.start_char, span.end_char, linked=agency_id is None)
        if agency_id:
            known = by_id.get(agency_id)
            fields.update(
                agency_id=agency_id,
                agency_name=known.name if known else None,
                agency_acronym=known.acronym if known else None,
                country=known.country if known else None,
            )
        facts.append(Fact(**fields, person=name, role=role))
    for _, _, p in periods:
        facts.append(Fact(**base("period", p.start, p.end, linked=False)))
    facts.sort(key=lambda f: (f.start, f.end, f.kind))
    return Extraction(facts=tuple(facts), agencies=tuple(a for _, _, a in agencies))
