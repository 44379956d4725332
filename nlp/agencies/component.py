"""spaCy component `regintel_agencies`: public bodies mentioned in a document -> doc.spans["agencies"].

Each span carries `span._.agency` (contracts.AgencyMention). Sources of mentions, in order of trust:
registry names and acronyms (PhraseMatcher; names case-insensitive with a capitalised first word, acronyms
exact, Russian names in all six cases), definitions learnt in the document ("Foo Agency (FA)" makes later
"FA" the same body), and unknown bodies recognised by shape, whose country comes from their name or from
the document's dominant country. Names that identify a body only within its country ("Ministry of
Finance") are linked only when the document is about that country.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp.agencies.registry import Alias, Entry, Registry, default_registry
from nlp.agencies.shapes import EnglishShapes, RussianShapes, Shape
from nlp.doc.spans import write
from nlp.doc.views import LineIndex, doc_text
from nlp.inflection import lemma
from regintel.contracts import AgencyMention, make_id, replace

SPANS_KEY = "agencies"
ACRONYM, COUNTRY, NEGATIVE = "acronym", "country", "negative"  # groups of the exact-case matcher
GROUP_SEP = "\t"
_POSSESSIVE = ("'s", "’s", "'", "’")
_ACRONYM = re.compile(r"^[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё\-]{1,9}$")


@Language.factory("regintel_agencies", default_config={}, assigns=["doc.spans"])
def make_agency_component(nlp: Language, name: str) -> AgencyRecognizer:
    return AgencyRecognizer(nlp, default_registry())


class AgencyRecognizer:
    """Writes doc.spans["agencies"] with an AgencyMention per span."""

    def __init__(self, nlp: Language, registry: Registry) -> None:
        self.registry = registry
        self.names = self._matcher(nlp, "LOWER", ((name, name) for name in registry.names))
        negatives = registry.shapes["negatives"]
        # one pass over the tokens finds the exact-case phrases of all three groups
        keyed = [
            *_keyed(ACRONYM, registry.acronyms),
            *_keyed(COUNTRY, registry.countries),
            *_keyed(NEGATIVE, [*negatives["outlets"], *negatives["companies"]]),
        ]
        self.exact = self._matcher(nlp, "ORTH", keyed)
        # match id -> (group, phrase), read once here rather than from the string store per match
        self.exact_keys: dict[int, tuple[str, str]] = {
            nlp.vocab.strings.add(key): (key.partition(GROUP_SEP)[0], phrase) for key, phrase in keyed
        }
        self.title_words = set(registry.shapes["en"]["title_words"])
        self.country_links = set(registry.shapes["en"]["country_links"])
        self.shapes = (
            RussianShapes(nlp, registry.shapes["ru"])
            if nlp.lang == "ru"
            else EnglishShapes(nlp, registry.shapes["en"])
        )
        self.kinds = {**registry.shapes["en"]["heads"], **registry.shapes["ru"]["heads"]}

    @staticmethod
    def _matcher(nlp: Language, attr: str, keyed: Iterable[tuple[str, str]]) -> PhraseMatcher:
        """A matcher of (match key, phrase) pairs."""
        matcher = PhraseMatcher(nlp.vocab, attr=attr)
        for key, phrase in keyed:
            matcher.add(key, [nlp.make_doc(phrase)])
        return matcher

    def _exact_matches(self, doc: Doc) -> dict[str, list[tuple[str, int, int]]]:
        """(phrase, start, end) of the exact-case matches per group, in the matcher's order."""
        groups: dict[str, list[tuple[str, int, int]]] = {ACRONYM: [], COUNTRY: [], NEGATIVE: []}
        for key, s, e in self.exact(doc):
            group, phrase = self.exact_keys[key]
            groups[group].append((phrase, s, e))
        return groups

    # ------------------------------------------------------------------ component
    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        exact = self._exact_matches(doc)
        blocked = {i for _, s, e in exact[NEGATIVE] for i in range(s, e)}
        country_at = {s: (e, self.registry.countries[c]) for c, s, e in exact[COUNTRY]}
        hits: list[tuple[int, int, list[Alias]]] = []
        for key, s, e in self.names(doc):
            if not doc[s].is_lower:
                hits.append((s, e, self.registry.names[strings[key]]))
        hits.extend((s, e, self.registry.acronyms[a]) for a, s, e in exact[ACRONYM])
        inside = {i for s, e, _ in hits for i in range(s, e)}
        doc_countries = Counter(code for s, (_, code) in country_at.items() if s not in inside)
        for _, _, aliases in hits:
            if len(aliases) == 1 and not aliases[0].local:
                doc_countries[self.registry.entries[aliases[0].entry_id].country] += 1
        dominant = next((c for c, _ in doc_countries.most_common() if c not in ("EU", "INT")), None)

        found: list[tuple[Span, AgencyMention]] = []
        for s, e, aliases in hits:
            if blocked.intersection(range(s, e)):
                continue
            qualifier = self._qualifier(doc, s, e, country_at)
            after = None if qualifier else self._country_after(doc, e, country_at)
            name = doc[s:e]
            if after is None:
                entry = self._choose(aliases, qualifier, doc_countries)
            else:  # "ЦБ Узбекистана", "the FIU of Nigeria": that country's body, named with its country
                e, qualifier = after
                entry = self._of_country(aliases, qualifier)
            span = doc[s:e]
            found.append(
                (
                    span,
                    self._mention(span, entry)
                    if entry
                    else self._learned(span, qualifier or dominant, self._kind(name)),
                )
            )
        excluded = blocked.union(i for span, _ in found for i in range(span.start, span.end))
        body_texts: set[str] = set()
        shaped: list[tuple[Span, AgencyMention, bool]] = []
        lines, headlines = LineIndex(doc_text(doc)), dict[int, bool]()
        for shape in self.shapes.find(doc):
            mention = self._from_shape(doc, shape, excluded, country_at, doc_countries, dominant)
            if mention is not None:
                headline = self._headline(lines, headlines, doc[shape.start].idx)
                if not headline:
                    body_texts.add(mention[0].text.lower())
                shaped.append((*mention, headline))
        found.extend(
            (span, m)
            for span, m, headline in shaped
            if not headline or not m.learned or span.text.lower() in body_texts
        )
        found.extend(self._definitions(doc, found))
        spans = filter_spans([span for span, _ in found])
        by_key = {(span.start, span.end): m for span, m in found}
        write(doc, SPANS_KEY, [(span, by_key[(span.start, span.end)]) for span in spans])
        return doc

    # ------------------------------------------------------------------ resolution
    def _qualifier(self, doc: Doc, s: int, e: int, country_at: dict[int, tuple[int, str]]) -> str | None:
        """Country named inside the span or just before it ("Japan's", "Kazakh", "of Kazakhstan")."""
        for i in range(s, e):
            if i in country_at and country_at[i][0] <= e:
                return country_at[i][1]
        for back in (1, 2):
            j = s - back
            if (
                j in country_at
                and country_at[j][0] == s - (back - 1)
                and (back == 1 or doc[s - 1].text in _POSSESSIVE)
            ):
                return country_at[j][1]
        return None

    def _country_after(
        self, doc: Doc, e: int, country_at: dict[int, tuple[int, str]]
    ) -> tuple[int, str] | None:
        """(end, country) of a country named right after a body's name: "ЦБ Узбекистана" (a
        genitive), "the FIU of Nigeria", "of the Republic of Uzbekistan"."""
        j = e
        if j < len(doc) and doc[j].lower_ in self.country_links:
            j += 1
            if j < len(doc) and doc[j].lower_ == "the":
                j += 1
        elif doc.lang_ != "ru":
            return None  # English names the country after "of" only
        return country_at.get(j)

    def _of_country(self, aliases: list[Alias], country: str) -> Entry | None:
        """The aliases' body in `country`; for a central bank's short name ("ЦБ", "Нацбанк") named
        with another country, that country's central bank; else None (the body is learnt)."""
        entries = [self.registry.entries[a.entry_id] for a in aliases]
        same = [entry for entry in entries if entry.country == country]
        if same:
            return same[0]
        if any(entry.kind == "central_bank" for entry in entries):
            return self.registry.central_bank(country)
        return None

    def _choose(
        self, aliases: list[Alias], qualifier: str | None, doc_countries: Counter[str]
    ) -> Entry | None:
        entries = [(self.registry.entries[a.entry_id], a.local) for a in aliases]
        if qualifier:
            same = [entry for entry, _ in entries if entry.country == qualifier]
            if same or all(local for _, local in entries):
                return same[0] if same else None
        in_doc = [entry for entry, _ in entries if doc_countries[entry.country]]
        if in_doc:
            return max(in_doc, key=lambda entry: doc_countries[entry.country])
        default = next((self.registry.entries[a.entry_id] for a in aliases if a.default), None)
        return default or next((entry for entry, local in entries if not local), None)

    def _from_shape(
        self,
        doc: Doc,
        shape: Shape,
        taken: set[int],
        country_at: dict[int, tuple[int, str]],
        doc_countries: Counter[str],
        dominant: str | None,
    ) -> tuple[Span, AgencyMention] | None:
        span = doc[shape.start : shape.end]
        if taken.intersection(range(shape.start, shape.end)) or shape.end in taken:
            return None  # overlaps a known body, or is a sub-unit followed by its parent's name
        if shape.end < len(doc) and doc[shape.end].text in self.title_words:
            return None  # part of a title: "Monetary Board Resolution No. 1392"
        j = shape.start - 1
        while (
            j > 0
            and shape.start - j < 4
            and doc[j].text not in _POSSESSIVE
            and (doc[j].is_lower or doc[j].text == "-")
        ):
            j -= 1  # over lower-case modifiers: "the BSP's policy-making Monetary Board"
        if j >= 1 and doc[j].text in _POSSESSIVE and (j - 1) not in country_at:
            return None  # "the regulator's Banking Supervision Committee": a sub-unit
        qualifier = self._qualifier(doc, shape.start, shape.end, country_at)
        aliases = self.registry.names.get(shape.lookup.lower())
        entry = self._choose(aliases, qualifier, doc_countries) if aliases else None
        if entry is None and shape.bank:
            entry = self.registry.central_bank(qualifier or dominant)
        if entry is not None:
            return span, self._mention(span, entry)
        return span, self._learned(span, qualifier or dominant, shape.kind)

    def _definitions(
        self, doc: Doc, found: list[tuple[Span, AgencyMention]]
    ) -> list[tuple[Span, AgencyMention]]:
        """ "Foo Agency (FA)": the acronym in brackets, and every later "FA", name the same body."""
        learned: dict[str, AgencyMention] = {}
        for span, mention in found:
            e = span.end
            if (
                e + 2 < len(doc)
                and doc[e].text == "("
                and doc[e + 2].text == ")"
                and _ACRONYM.match(doc[e + 1].text)
            ):
                learned.setdefault(doc[e + 1].text, mention)
        if not learned:
            return []
        known = {span.start for span, _ in found}
        out = []
        for tok in doc:
            if tok.text in learned and tok.i not in known:
                base = learned[tok.text]
                span = doc[tok.i : tok.i + 1]
                out.append((span, _replace_surface(base, span)))
        return out

    @staticmethod
    def _headline(lines: LineIndex, memo: dict[int, bool], char: int) -> bool:
        """True inside a title-cased line without final punctuation: a headline, where case says little."""
        k = lines.number(char)
        if k not in memo:
            start, end = lines.bounds(k)
            line = lines.text[start:end].strip()
            words = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
            memo[k] = (
                bool(words)
                and not line.endswith((".", "!", "?", ":", "»", "”", '"'))
                and (sum(w[0].isupper() for w in words) / len(words) >= 0.6)
            )
        return memo[k]

    def _kind(self, span: Span) -> str | None:
        return self.kinds.get(span[-1].text) or self.kinds.get(span[-1].lower_)

    # ------------------------------------------------------------------ records
    @staticmethod
    def _mention(span: Span, entry: Entry) -> AgencyMention:
        return AgencyMention(
            agency_id=entry.id,
            name=entry.name,
            acronym=entry.acronym,
            country=entry.country,
            kind=entry.kind,
            text=span.text,
            start=span.start_char,
            end=span.end_char,
        )

    @staticmethod
    def _learned(span: Span, country: str | None, kind: str | None) -> AgencyMention:
        words = [tok for tok in span if not tok.is_punct]
        norm = " ".join(lemma(t.lower_) if t.lang_ == "ru" else t.lower_ for t in words)
        return AgencyMention(
            agency_id=make_id("learned", norm),
            name=span.text,
            acronym=None,
            country=country,
            kind=kind,
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            learned=True,
        )


def _keyed(group: str, phrases: Iterable[str]) -> list[tuple[str, str]]:
    """(`group<TAB>phrase`, phrase) pairs: match keys of the shared exact-case matcher."""
    return [(f"{group}{GROUP_SEP}{phrase}", phrase) for phrase in phrases]


def _replace_surface(mention: AgencyMention, span: Span) -> AgencyMention:
    acronym = mention.acronym or (span.text if mention.learned else None)
    return replace(mention, acronym=acronym, text=span.text, start=span.start_char, end=span.end_char)
