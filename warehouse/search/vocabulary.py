"""What a query word names: an action, a fact kind, a currency or an agency, so a word a reader
types ("seizure", "штраф", "теңге", "АФМ") also reaches the facts that carry that value.

Actions, kinds and currencies are data (vocabulary.yaml, with its provenance); agencies come from
the warehouse itself: each registry agency's id and acronym, and every one-word surface form the
extractor found for it (`agency_mentions`), when that form names a single agency. A word is looked
up folded as the index folds text, then by its English and Russian stems.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import duckdb
import yaml

from warehouse import fts

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")
SECTIONS = {  # section of the file -> (how a description names it, snapshot category, SQL)
    "actions": ("action", "action", "f.action"),
    "kinds": ("kind", "kind", "f.kind"),
    "currencies": ("currency", "currency", "f.currency"),
}
AGENCY = ("agency", "agency_id", "f.agency_id")
# One-word agency forms with the agency's label ("afm" -> ("kz-afm", "AFM")); the facts table is
# not read, so this stays cheap at a million facts.
AGENCY_FORMS_SQL = """
    SELECT form, any_value(a.agency_id), any_value(coalesce(a.acronym, a.name, a.agency_id))
    FROM (SELECT lower(strip_accents(trim(acronym))) AS form, agency_id FROM agencies
          WHERE acronym IS NOT NULL
          UNION SELECT lower(strip_accents(agency_id)), agency_id FROM agencies
          UNION SELECT DISTINCT lower(strip_accents(trim(text))), agency_id FROM agency_mentions
                WHERE text IS NOT NULL AND NOT contains(trim(text), ' ')) forms
    JOIN agencies a USING (agency_id)
    WHERE length(form) >= 2
    GROUP BY form HAVING count(DISTINCT agency_id) = 1
    ORDER BY form"""


@dataclass(frozen=True, slots=True)
class Meaning:
    """A value facts carry that a query word names."""

    said: str  # how descriptions name its column ("action")
    column: str  # its snapshot category (columns.CATEGORIES)
    sql: str  # its SQL over `facts f`
    value: str  # "seizure", "KZT", "kz-afm"
    shown: str  # how descriptions show it ("seizure", "AFM")

    @property
    def listed(self) -> bool:
        """Named in vocabulary.yaml (an action, kind or currency), not learned from the warehouse."""
        return self.column != AGENCY[1]


def agency_forms(con: duckdb.DuckDBPyConnection) -> list[list[str]]:
    """[form, agency id, label] of every one-word name of a single agency in the attached file."""
    return [list(row) for row in con.execute(AGENCY_FORMS_SQL).fetchall()]


@functools.cache
def _raw() -> dict:
    return yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))


@functools.cache
def _listed() -> tuple[dict[str, tuple[Meaning, ...]], dict[str, tuple[Meaning, ...]], frozenset[str]]:
    """(folded word -> meanings, stem -> meanings, stop words) of vocabulary.yaml."""
    raw = _raw()
    pairs = [(word, Meaning(*SECTIONS[section], value, value))
             for section in SECTIONS for value, words in raw[section].items() for word in words]
    analysed = fts.analyse(tuple(word for word, _ in pairs))
    by_word: dict[str, list[Meaning]] = {}
    by_stem: dict[str, list[Meaning]] = {}
    for (_, meaning), (folded, tokens) in zip(pairs, analysed, strict=True):
        by_word.setdefault(folded, []).append(meaning)
        if len(tokens) == 1:
            for stem in tokens[0]:
                by_stem.setdefault(stem, []).append(meaning)
    stop = frozenset(word for words in raw["stop_words"].values() for word in words)
    return ({w: tuple(dict.fromkeys(m)) for w, m in by_word.items()},
            {s: tuple(dict.fromkeys(m)) for s, m in by_stem.items()}, stop)


def _words_of(said: str, value: str) -> list[str]:
    section = next(name for name, (named, _, _) in SECTIONS.items() if named == said)
    return [str(word) for word in _raw()[section][value]]


def kin(meanings: tuple[Meaning, ...], agencies: dict[str, tuple[str, str]]) -> tuple[str, ...]:
    """Every word that names one of `meanings`' values: its other forms, synonyms and languages
    ("seizure" -> "seized", "confiscated", "изъятие", ...; "AFM" -> "АФМ"), so two words for one
    value find the same documents."""
    words: list[str] = []
    for meaning in meanings:
        if meaning.listed:
            words += _words_of(meaning.said, meaning.value)
        else:
            words += [form for form, (agency_id, _) in agencies.items() if agency_id == meaning.value]
    return tuple(dict.fromkeys(words))


def is_stop_word(folded: str) -> bool:
    return folded in _listed()[2]


def agency_lookup(forms: list[list[str]]) -> dict[str, tuple[str, str]]:
    """Folded form -> (agency id, label), from the rows of `agency_forms`."""
    return {form: (agency_id, label) for form, agency_id, label in forms}


def meanings(folded: str, tokens: tuple[tuple[str, ...], ...],
             agencies: dict[str, tuple[str, str]]) -> tuple[Meaning, ...]:
    """The values a word names: as written, else by the stems of its one token; `agencies` maps a
    folded form to (agency id, label) (see `agency_forms`)."""
    by_word, by_stem, _ = _listed()
    found = list(by_word.get(folded, ()))
    if not found and len(tokens) == 1:
        found = [m for stem in tokens[0] for m in by_stem.get(stem, ())]
    if folded in agencies:
        agency_id, label = agencies[folded]
        found.append(Meaning(*AGENCY, agency_id, label))
    return tuple(dict.fromkeys(found))
