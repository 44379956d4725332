"""Russian case forms of body names, so a registry written in the nominative matches every case.

Names are inflected once, when the matcher is built (pymorphy3), instead of lemmatising every token of
every document: "Агентство по финансовому мониторингу" also yields "Агентства по финансовому мониторингу",
"Агентством ...". Only the head noun and the adjectives before it change; the tail stays as written.
"""

from __future__ import annotations

from functools import cache, lru_cache

import pymorphy3

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


@cache
def morph() -> pymorphy3.MorphAnalyzer:
    """One analyzer per process: loading the dictionaries takes a noticeable fraction of a second."""
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=65536)
def parses(word: str) -> tuple:
    """pymorphy3 parses of a word, cached: the same words recur around head nouns across documents."""
    return tuple(morph().parse(word))


def _keep_case(form: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return form.upper()
    if original[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def _head_index(words: list[str]) -> tuple[int, object] | None:
    """Index and parse of the first nominative noun (the head); None when the name has none."""
    for i, word in enumerate(words):
        for parse in morph().parse(word):
            if parse.tag.POS == "NOUN" and parse.tag.case == "nomn":
                return i, parse
        if not any(p.tag.POS in ("ADJF", "PRTF") for p in morph().parse(word)):
            return None
    return None


def case_forms(name: str) -> set[str]:
    """The name in all six cases (singular, or plural for a plural head); {name} if it cannot be parsed."""
    words = name.split()
    found = _head_index(words)
    if found is None:
        return {name}
    head_i, head = found
    number = head.tag.number or "sing"
    forms = {name}
    for case in CASES:
        new = list(words)
        head_form = head.inflect({case, number})
        if head_form is None:
            continue
        new[head_i] = _keep_case(head_form.word, words[head_i])
        for i in range(head_i):
            adj = _inflect_adjective(words[i], case, number, head.tag.gender)
            if adj is None:
                break
            new[i] = _keep_case(adj, words[i])
        else:
            forms.add(" ".join(new))
    return forms


def _inflect_adjective(word: str, case: str, number: str, gender: str | None) -> str | None:
    for parse in morph().parse(word):
        if parse.tag.POS not in ("ADJF", "PRTF"):
            continue
        grams = {case, number} if number == "plur" or gender is None else {case, number, gender}
        if case == "accs" and gender == "masc":
            grams.add("inan")
        form = parse.inflect(grams)
        if form is not None:
            return form.word
    return None


def word_forms(lemma: str) -> set[str]:
    """Every form of one word (its pymorphy lexeme), lower-cased: for matching head nouns in any case."""
    forms = {lemma.lower()}
    for parse in morph().parse(lemma)[:1]:
        forms.update(f.word for f in parse.lexeme)
    return forms


def lemma(word: str) -> str:
    """Normal form of a Russian word (used for learned ids, so inflected mentions share one id)."""
    return parses(word)[0].normal_form
