"""Assembly of `contracts.Fact`s from the span groups the components wrote.

Each money/count fact gets its action (`span._.action`, read through nlp/doc/spans.py), its
agency (among the bodies of its sentence, the subject of its clause: nlp/agencies/links.py; else the
document's most mentioned agency) and its period (the nearest period expression in its sentence).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.tokens import Doc

from nlp.agencies.links import agency_links
from nlp.doc.spans import Item, annotation, view
from nlp.doc.views import SentenceIndex, doc_lower, sentence_index
from nlp.rates import RateTable
from regintel.contracts import AgencyMention, Extraction, Fact

CONFIDENCE = {"money": 0.95, "count": 0.8, "duration": 0.9, "percent": 0.95, "person": 0.8, "period": 0.85}
NO_AGENCY = (None, None, None, None)


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
        if len(candidates) == 1:
            return candidates[0][2]
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
    links, lower = agency_links(doc.lang_), doc_lower(doc)
    salient = _salient([a for _, _, a in agencies])
    periods = view(doc, "periods")
    period_index = BySentence(sentences, periods)
    facts: list[Fact] = []
    sentence_texts: dict[int, str] = {}  # several facts share a sentence
    version = ctx.version

    def fact(
        kind: str,
        start: int,
        end: int,
        *,
        linked: bool,
        value: float | None = None,
        value_max: float | None = None,
        qualifier: str | None = None,
        unit: str | None = None,
        noun_phrase: str | None = None,
        currency: str | None = None,
        usd: float | None = None,
        usd_basis: str | None = None,
        restates: bool = False,
        action: str | None = None,
        person: str | None = None,
        role: str | None = None,
        agency: tuple[str, str | None, str | None, str | None] | None = None,
    ) -> None:
        """Append one Fact; the sentence text is cut once per sentence, shared by its facts."""
        k = sentences.number(start)
        sentence = sentence_texts.get(k)
        if sentence is None:
            sentence = sentence_texts[k] = sentences.text_of(start).strip()
        period = period_index.nearest(k, start, end)
        if linked:
            candidates = agency_index.groups.get(k)
            mention = links.choose(lower, candidates, start, end) if candidates else salient
            if mention is not None:
                agency = (mention.agency_id, mention.name, mention.acronym, mention.country)
        agency_id, agency_name, agency_acronym, country = agency or NO_AGENCY
        facts.append(
            Fact(
                kind=kind,  # type: ignore[arg-type]
                text=sentences.text[start:end],
                start=start,
                end=end,
                sentence=sentence,
                value=value,
                value_max=value_max,
                qualifier=qualifier,
                unit=unit,
                noun_phrase=noun_phrase,
                currency=currency,
                usd=usd,
                usd_basis=usd_basis,
                restates=restates,
                action=action,
                agency_id=agency_id,
                agency_name=agency_name,
                agency_acronym=agency_acronym,
                country=country,
                person=person,
                role=role,
                period_start=period.first if period is not None else None,
                period_end=period.last if period is not None else None,
                period_text=period.text if period is not None else None,
                confidence=CONFIDENCE[kind],
                extractor_version=version,
            )
        )

    for (_, _, m), action in zip(view(doc, "money"), annotation(doc, "money", "action"), strict=True):
        if m.restates and not ctx.keep_restatements:
            continue
        converted = (
            (m.stated_usd, "stated")
            if m.stated_usd is not None
            else ctx.rates.usd(m.value, m.currency, ctx.published)
        )
        usd, basis = converted if converted else (None, None)
        fact(
            "money", m.start, m.end, linked=not m.restates, value=m.value, value_max=m.value_max,
            qualifier=m.qualifier, currency=m.currency, usd=usd, usd_basis=basis, restates=m.restates,
            action=action,
        )
    for (_, _, c), action in zip(view(doc, "counts"), annotation(doc, "counts", "action"), strict=True):
        fact(
            "count", c.start, c.end, linked=True, value=c.value, value_max=c.value_max, qualifier=c.qualifier,
            unit=c.unit, noun_phrase=c.noun_phrase, action=action,
        )
    for _, _, d in view(doc, "durations"):
        fact(
            "duration", d.start, d.end, linked=False, value=d.days, value_max=d.days_max,
            qualifier=d.qualifier, unit=d.unit,
        )
    for _, _, p in view(doc, "percents"):
        fact(
            "percent", p.start, p.end, linked=False, value=p.value, value_max=p.value_max,
            qualifier=p.qualifier,
        )
    by_id = {a.agency_id: a for _, _, a in agencies}
    for span in doc.spans.get("people", []):
        name, role, agency_id = span._.person
        agency = None
        if agency_id:  # the person's own agency, known by id even when this document names it not
            known = by_id.get(agency_id)
            agency = (agency_id, *((known.name, known.acronym, known.country) if known else NO_AGENCY[1:]))
        linked = agency_id is None
        fact("person", span.start_char, span.end_char, linked=linked, person=name, role=role, agency=agency)
    for _, _, p in periods:
        fact("period", p.start, p.end, linked=False)
    facts.sort(key=lambda f: (f.start, f.end, f.kind))
    return Extraction(facts=tuple(facts), agencies=tuple(a for _, _, a in agencies))
