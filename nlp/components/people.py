"""spaCy component `regintel_people`: officials named with their role -> doc.spans["people"].

`span._.person` is (name, role, agency_id). Three word orders are read, around a role title from the
lexicon (nlp/data/people_roles.yaml):
    "Deputy Chairman of the AFM, Kairat Bizhanov"                      role [of agency] , name
    "Kairat Bizhanov, the Deputy Chairman of the country's FMA"        name , [the] role [of agency]
    "заместитель председателя АФМ Кайрат Бижанов"                      role [agency] name
Agencies come from doc.spans["agencies"], so the component runs after `regintel_agencies`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from nlp.inflection import case_forms
from nlp.lexicons import load

SPANS_KEY = "people"
_SKIP = {"of", "the", "at", "'s", "’s", "country", "country's", "(", ")"}
_MAX_NAME = 3

if not Span.has_extension("person"):
    Span.set_extension("person", default=None)


@Language.factory("regintel_people", default_config={}, assigns=["doc.spans"], requires=["doc.spans"])
def make_people_component(nlp: Language, name: str) -> PeopleRecognizer:
    return PeopleRecognizer(nlp, load("people_roles"))


def _name_word(tok: object) -> bool:
    text = tok.text  # type: ignore[attr-defined]
    return text[:1].isupper() and text[1:2].islower() and text.replace("-", "").isalpha()


class PeopleRecognizer:
    """Finds people next to a role title and links them to the agency the title belongs to."""

    def __init__(self, nlp: Language, lexicon: dict[str, dict[str, str]]) -> None:
        self.roles: dict[str, str] = {}
        for title, role in (lexicon.get("en") or {}).items():
            self.roles[title.lower()] = role
        for title, role in (lexicon.get("ru") or {}).items():
            for form in case_forms(title):
                self.roles[form.lower()] = role
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for title in self.roles:
            self.matcher.add(title, [nlp.make_doc(title)])
        self.role_words = {w for title in self.roles for w in title.split()}

    def __call__(self, doc: Doc) -> Doc:
        agencies = {span.start: span for span in doc.spans.get("agencies", [])}
        strings = doc.vocab.strings
        found: dict[int, Span] = {}
        for key, s, e in sorted(self.matcher(doc), key=lambda m: (m[1], -m[2])):
            role = self.roles[strings[key]]
            k, agency = self._skip_agency(doc, e, agencies)
            if k < len(doc) and doc[k].text == ",":
                k += 1
            name = self._name_at(doc, k)
            if name is None:
                name = self._name_before(doc, s)
            if name is None or name.start in found:
                continue
            agency_id = agency._.agency.agency_id if agency is not None else None
            name._.person = (name.text, role, agency_id)
            found[name.start] = name
        doc.spans[SPANS_KEY] = list(found.values())
        return doc

    @staticmethod
    def _skip_agency(doc: Doc, k: int, agencies: dict[int, Span]) -> tuple[int, Span | None]:
        """Skip "of the (country's) AGENCY (ACR)" after a role; return the next index and the agency."""
        agency = None
        while k < len(doc):
            if k in agencies:
                agency = agency or agencies[k]
                k = agencies[k].end
            elif doc[k].lower_ in _SKIP:
                k += 1
            else:
                break
        return k, agency

    def _name_at(self, doc: Doc, k: int) -> Span | None:
        end = k
        while (
            end < len(doc)
            and end - k < _MAX_NAME
            and _name_word(doc[end])
            and doc[end].lower_ not in self.role_words
        ):
            end += 1
        return doc[k:end] if end - k >= 2 else None

    def _name_before(self, doc: Doc, s: int) -> Span | None:
        """ "Kairat Bizhanov, the Deputy Chairman": the name ends just before ", (the)"."""
        k = s - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        if k < 1 or doc[k].text != ",":
            return None
        end = start = k
        while start > 0 and end - start < _MAX_NAME and _name_word(doc[start - 1]):
            start -= 1
        return doc[start:end] if end - start >= 2 else None
