"""What a query's text asks, read the way a search box is read.

- every word is required (`money laundering` needs both), stop words ("the", "how", "в") excepted;
- `"quoted phrases"` must appear in the fact's own sentence or its document's title; a quoted
  single word is required as written (no vocabulary, never dropped as a stop word);
- `OR` between two words or phrases accepts either; `-word` and `-"phrase"` exclude;
- a word naming an action, kind, currency or agency (vocabulary.py) also matches the facts that
  carry that value, so "seizure" finds the seizure facts and English words reach Russian facts,
  and its documents are those holding any word for that value ("seizure" ~ "seized" ~ "изъято").

A word matches a fact whose document holds every token of it (by either stem), or that carries
a value it names. A reading compiles to clauses like the filters' (filters.Clause: SQL with
parameters for exports, a numpy mask for the snapshot, a sentence for the description), and to
the credits that rank facts: a fact's score is its document's BM25 over the positive words plus
SENTENCE_WEIGHT times the idf of each positive word its own sentence holds (or whose value it
carries), so facts whose own sentence matches come before facts whose article merely mentions
the word. Only parameters and integer hashes of stems ever reach SQL.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from typing import Any

import numpy as np

from warehouse import fts
from warehouse.search import vocabulary
from warehouse.search.filters import Clause
from warehouse.search.postings import CARRIED_SHARE, Credit
from warehouse.search.vocabulary import Meaning

MAX_UNITS = 32  # a 10 KB query is read to its first 32 words and phrases
SENTENCE_WEIGHT = 10.0  # a word in the fact's own sentence outweighs any document score difference
MIN_CREDIT = 1.0  # what a positive word earns a sentence at least (a word absent from the index too)
FOLDED_SENTENCE = "lower(strip_accents(coalesce(f.sentence, '')))"  # as the snapshot's `folded`
_ITEM = re.compile(r'([-+]?)"([^"]*)"?|(\S+)')
_EDGES = ".,;:!?()[]{}'\"«»“”„`+"


@dataclass(frozen=True, slots=True)
class Unit:
    """A word or a quoted phrase of the query."""

    written: str  # as the user wrote it
    tokens: tuple[tuple[str, ...], ...]  # per index token, its stems: a document needs one of each
    phrase: str | None = None  # folded, for a quoted phrase: its sentence or title holds it
    meanings: tuple[Meaning, ...] = ()  # values that match too

    @property
    def stems(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(stem for token in self.tokens for stem in token))

    def said(self) -> str:
        """What it asks of a fact, after "facts with": 'action seizure or the word "seized"'."""
        quoted = f'"{self.written}"'
        if self.phrase is not None:
            return f"the phrase {quoted}"
        named = " or ".join(f"{m.said} {m.shown}" for m in self.meanings)
        if named and self.tokens:
            return f"{named} or a word for it ({quoted})"
        return named or f"the word {quoted}"


@dataclass(frozen=True, slots=True)
class Reading:
    """How a query's text was read."""

    required: tuple[tuple[Unit, ...], ...]  # every group must match; any unit of a group will do
    excluded: tuple[Unit, ...]
    ignored: tuple[str, ...]  # stop words, and words without a letter or digit
    hashes: dict[str, int]  # stem -> its postings hash

    @property
    def empty(self) -> bool:
        """Nothing searchable: the text matches no fact."""
        return not self.required and not self.excluded

    @property
    def positive(self) -> tuple[Unit, ...]:
        return tuple(unit for group in self.required for unit in group)

    @property
    def stems(self) -> tuple[str, ...]:
        """Stems that score documents (BM25)."""
        return tuple(dict.fromkeys(stem for unit in self.positive for stem in unit.stems))

    def describe(self) -> list[str]:
        said = [" or ".join(unit.said() for unit in group) for group in self.required]
        said += [f"without {unit.said()}" for unit in self.excluded]
        if self.ignored:
            said.append("ignoring " + ", ".join(f'"{word}"' for word in self.ignored))
        return said

    def credits(self, idf: dict[str, float]) -> tuple[Credit, ...]:
        """The credit of each positive unit, from the idf of the stems found in the index."""
        out = []
        for unit in self.positive:
            weight = sum(max((idf.get(stem, 0.0) for stem in token), default=0.0) for token in unit.tokens)
            needles = (unit.phrase,) if unit.phrase is not None else unit.stems
            out.append(Credit(SENTENCE_WEIGHT * max(weight, MIN_CREDIT), needles, unit.meanings))
        return tuple(out)


def _items(text: str) -> list[tuple[bool, bool, str]]:
    """(excluded, quoted, text) of each word or phrase, and "OR" as (False, False, "OR")."""
    items = []
    for match in _ITEM.finditer(text):
        sign, quoted, word = match.group(1), match.group(2), match.group(3)
        if quoted is not None:
            items.append((sign == "-", True, " ".join(quoted.split())))
        elif word == "OR":
            items.append((False, False, word))
        else:
            bare = word.lstrip("+")
            excluded = bare.startswith("-") and len(bare) > 1
            items.append((excluded, False, bare.lstrip("-").strip(_EDGES) or bare.strip(_EDGES)))
    return items[:MAX_UNITS]


def read(text: str, agencies: dict[str, tuple[str, str]]) -> Reading:
    """Read `text` (already cleaned, query.clean_text); `agencies` maps a folded one-word agency
    form to (agency id, label) (vocabulary.agency_forms)."""
    items = _items(text)
    analysed = fts.analyse(tuple(written for _, _, written in items))
    groups: list[list[Unit]] = []
    excluded: list[Unit] = []
    ignored: list[str] = []
    stop: list[tuple[int, str]] = []  # (group, word): dropped when some other word is required
    joined = False  # the previous item was OR
    for (negated, quoted, written), (folded, tokens) in zip(items, analysed, strict=True):
        if written == "OR" and not quoted:
            joined = bool(groups)
            continue
        if quoted and len(tokens) > 1:
            unit = Unit(written, tokens, phrase=folded)
        elif quoted:
            unit = Unit(written, tokens)
        else:
            named = vocabulary.meanings(folded, tokens, agencies)
            unit = Unit(written, _with_kin(tokens, named, agencies), meanings=named)
        if not unit.tokens and not unit.meanings:
            if written:
                ignored.append(written)
            continue
        if negated:
            excluded.append(unit)
        elif joined:
            groups[-1].append(unit)
        else:
            if not quoted and not unit.meanings and vocabulary.is_stop_word(folded):
                stop.append((len(groups), written))
            groups.append([unit])
        joined = False
    dropped = {i for i, _ in stop if len(groups[i]) == 1}
    if len(dropped) < len(groups):  # a question keeps its content words; a query of stop words keeps them all
        ignored += [word for i, word in stop if i in dropped]
        groups = [group for i, group in enumerate(groups) if i not in dropped]
    units = [*(unit for group in groups for unit in group), *excluded]
    stems = tuple(dict.fromkeys(stem for unit in units for stem in unit.stems))
    hashes = {term: h for h, term in fts.term_hashes(stems).items()} if stems else {}
    return Reading(tuple(tuple(g) for g in groups), tuple(excluded), tuple(dict.fromkeys(ignored)), hashes)


def _with_kin(tokens: tuple[tuple[str, ...], ...], named: tuple[Meaning, ...],
              agencies: dict[str, tuple[str, str]]) -> tuple[tuple[str, ...], ...]:
    """A one-token word that names a value is matched in documents by every word naming that
    value: "seizure" finds the articles saying "seized" or "confiscated", as "seized" does."""
    if not named or len(tokens) > 1:
        return tokens
    kin = [stem for _, kin_tokens in fts.analyse(vocabulary.kin(named, agencies))
           if len(kin_tokens) == 1 for stem in kin_tokens[0]]
    return (tuple(dict.fromkeys((*(tokens[0] if tokens else ()), *kin))),)


def _condition(unit: Unit, hashes: dict[str, int], name: str) -> tuple[str, dict[str, Any], Callable]:
    """SQL, parameters and snapshot mask of "this fact matches `unit`"."""
    sql, params, masks = [], {}, []
    if unit.phrase is not None:
        params[name] = unit.phrase
        sql.append(f"contains({FOLDED_SENTENCE}, ${name}) OR f.doc_key IN (SELECT doc_key FROM documents "
                   f"WHERE contains(lower(strip_accents(coalesce(title, ''))), ${name}))")
        masks.append(lambda snap, phrase=unit.phrase: snap.holding(phrase))
    elif unit.tokens:
        each = [[hashes[stem] for stem in token] for token in unit.tokens]
        sql.append(" AND ".join(f"f.doc_key IN (SELECT doc_key FROM postings WHERE term_hash IN "
                                f"({', '.join(str(h) for h in token)}))" for token in each))
        masks.append(lambda snap: reduce(np.logical_and, (snap.documents_with(token) for token in each)))
    for k, meaning in enumerate(unit.meanings):
        params[f"{name}_{k}"] = meaning.value
        sql.append(f"{meaning.sql} = ${name}_{k}")
        masks.append(lambda snap, m=meaning: snap.isin(m.column, (m.value,)))
    return (" OR ".join(f"coalesce({part}, false)" for part in sql), params,
            lambda snap: reduce(np.logical_or, (mask(snap) for mask in masks)))


def clauses(reading: Reading) -> list[Clause]:
    """One clause per required group and per exclusion."""
    out = []
    for i, group in enumerate(reading.required):
        parts = [_condition(unit, reading.hashes, f"text{i}_{j}") for j, unit in enumerate(group)]
        masks = [mask for _, _, mask in parts]
        out.append(Clause(
            "(" + " OR ".join(sql for sql, _, _ in parts) + ")",
            {k: v for _, params, _ in parts for k, v in params.items()},
            " or ".join(unit.said() for unit in group),
            lambda snap, masks=masks: reduce(np.logical_or, (mask(snap) for mask in masks))))
    for i, unit in enumerate(reading.excluded):
        sql, params, mask = _condition(unit, reading.hashes, f"not{i}")
        out.append(Clause(f"NOT ({sql})", params, f"without {unit.said()}",
                          lambda snap, mask=mask: ~mask(snap)))
    return out


def credit_sql(credits: tuple[Credit, ...]) -> tuple[str, dict[str, Any]]:
    """SQL of the sum of credits a fact's sentence (or its values) earns, and its parameters."""
    terms, params = [], {}
    for i, credit in enumerate(credits):
        said, carried = [], []
        for j, needle in enumerate(credit.needles):
            params[f"credit{i}_{j}"] = needle
            said.append(f"contains({FOLDED_SENTENCE}, $credit{i}_{j})")
        for k, meaning in enumerate(credit.meanings):
            params[f"credit{i}_m{k}"] = meaning.value
            carried.append(f"coalesce({meaning.sql} = $credit{i}_m{k}, false)")
        terms.append(f"CASE WHEN {' OR '.join(said + carried) or 'false'} "
                     f"THEN {credit.weight!r} ELSE 0.0 END")
        if carried:
            terms.append(f"CASE WHEN {' OR '.join(carried)} "
                         f"THEN {credit.weight * CARRIED_SHARE!r} ELSE 0.0 END")
    return " + ".join(terms) or "0.0", params
