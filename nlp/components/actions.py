"""Enforcement measure per money/count fact, from trigger words in its own clause (en + ru lexicon).

Each fact takes the cheapest trigger of its sentence: cost is the character distance from the
end of the trigger's word to the fact (triggers after the fact cost more: verbs usually precede
their objects), plus a toll for every clause boundary crossed (";", " but ", " before ", ", что ").
A noun trigger whose complement is the fact ("confiscation of CHF 9.7 million", "штраф в размере
5 млн") costs nothing; weak triggers (people nouns such as "обвиняемых") pay a toll unless they
are inside the fact ("seven suspects").
A trigger right after "and" that follows the fact heads a verb with its own object ("fined them
$2m and barred them"), so it pays a toll too. Two boundaries are walls rather than tolls: a fact
inside a relative clause (", which held 11 meetings") sees only that clause's triggers, and a
quotation («закрытие» of an audit) is closed both ways. A fact with no reachable trigger is a
statistic. Patterns are compiled once per language.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from nlp.doc.spans import annotate, claimed, view
from nlp.doc.views import doc_lower, sentence_index
from nlp.lexicons import load
from nlp.regexes.words import alternation

SCORED = ("money", "counts")
Trigger = tuple[int, int, str, float]  # start, end, action, extra toll
Placed = tuple[int, int, str, float, int, int]  # a Trigger with its quotation and relative clause
Range = tuple[int, int]


class ActionTagger:
    """Sets `span._.action` on the spans of `doc.spans["money"]` and `doc.spans["counts"]`."""

    def __init__(self, nlp: Language, name: str) -> None:
        data = load("actions")
        lang = "ru" if nlp.lang == "ru" else "en"
        self.trigger_action: dict[str, str] = {}
        for action, by_lang in data["actions"].items():
            for trig in by_lang.get(lang, []):
                self.trigger_action.setdefault(trig.lower(), action)
        order: list[str] = []
        # run on the lower-cased text (case-sensitive is much faster than re.I); one capture group
        # per trigger, factored by the first two letters so the engine tries few alternatives per word
        self.triggers = re.compile(rf"(?<!\w)(?:{_factored(sorted(self.trigger_action), 0, order)})")
        self.group_action = [self.trigger_action[t] for t in order]
        self.group_toll = [data["weak_toll"] if t.startswith("~") else 0.0 for t in order]
        copulas = data["copulas"]
        self.group_copula = [t in copulas[lang] for t in order]
        self.copula_reach: int = copulas["reach"]
        self.complement = re.compile(data["complement"])
        self.break_cost: dict[str, int] = data["clause_breaks"]
        self.breaks = re.compile(alternation(self.break_cost))
        walls = data["walls"]
        openers = "|".join(_pattern(w) for w in sorted(walls["relative"], key=len, reverse=True))
        self.relative = re.compile(rf"(?:{openers})[^,;:()—]*")
        self.quoted = re.compile("|".join(_quotation(o, c) for o, c in walls["quotes"]))
        coordinated = data["coordinated_verb"]
        self.coordinated = re.compile(rf"(?:{alternation(coordinated['conjunctions'])})$")
        self.coordinated_toll: float = coordinated["toll"]
        self.after_factor: float = data["after_factor"]
        self.inside_cost: float = data["inside_cost"]
        self.default: str = data["default"]
        self.window: int = data["window"]

    def __call__(self, doc: Doc) -> Doc:
        sentences = sentence_index(doc)
        lower = doc_lower(doc)
        cache: dict[int, Clauses] = {}
        agencies = claimed(doc, ("agencies",))
        for key in SCORED:
            actions: list[str | None] = []
            for _, _, fact in view(doc, key):
                if fact is None or getattr(fact, "restates", False):
                    actions.append(None)
                    continue
                k = sentences.number(fact.start)
                if k not in cache:
                    cache[k] = self.clauses(sentences.bounds[k], lower, agencies)
                actions.append(self.classify(lower, fact.start, fact.end, cache[k]))
            if key in doc.spans:
                annotate(doc, key, "action", actions)
        return doc

    def clauses(self, bounds: tuple[int, int], lower: str, agencies: set[int]) -> Clauses:
        """A sentence's triggers (except words inside agency names) and its walled regions."""
        triggers, copulas = [], set()
        for m in self.triggers.finditer(lower, *bounds):
            start, end = m.span()
            if start not in agencies:
                group = m.lastindex - 1
                triggers.append((start, end, self.group_action[group], self.group_toll[group]))
                if self.group_copula[group]:
                    copulas.add(start)
        relative = [m.span() for m in self.relative.finditer(lower, *bounds)]
        quoted = [m.span() for m in self.quoted.finditer(lower, *bounds)]
        return Clauses(triggers, relative, quoted, copulas)

    def classify(self, lower: str, start: int, end: int, clauses: Clauses) -> str:
        """The action of the cheapest reachable trigger; the default when none is in reach. A copula
        ("ущерб составил 5 млн", "losses totalled $5m") passes on the action of its subject."""
        best, best_cost, best_start = self.default, float(self.window), -1
        relative, quote = clauses.relative.holding(start), clauses.quoted.holding(start)
        for ts, te, action, weak_toll, trigger_quote, trigger_relative in clauses.triggers:
            if trigger_quote != quote:
                continue
            if relative >= 0 and trigger_relative != relative:
                continue
            if ts < end and te > start:  # inside the fact ("1,221 criminal cases", "27 illegal points")
                cost = self.inside_cost
            elif te <= start:
                gap = lower[te:start]
                cost = 0.0 if self.complement.fullmatch(gap) else self._distance(gap) + weak_toll
            else:
                gap = lower[end:ts]
                toll = weak_toll + (self.coordinated_toll if self.coordinated.search(gap) else 0.0)
                cost = self.after_factor * (self._distance(gap) + toll)
            if cost < best_cost:
                best, best_cost, best_start = action, cost, ts
        if best_start in clauses.copulas:
            return self._subject(lower, best_start, clauses) or best
        return best

    def _subject(self, lower: str, copula: int, clauses: Clauses) -> str | None:
        """The action of the trigger right before a copula, with no clause break between them."""
        for ts, te, action, *_ in reversed(clauses.triggers):
            if te <= copula and ts not in clauses.copulas:
                near = copula - te <= self.copula_reach and not self.breaks.search(lower, te, copula)
                return action if near else None
        return None

    def _distance(self, gap: str) -> float:
        """Length of the text between trigger and fact plus the tolls of the clause breaks in it."""
        return len(gap) + sum(self.break_cost[b] for b in self.breaks.findall(gap))


class Regions:
    """Disjoint character ranges of one kind (relative clauses or quotations) in a sentence."""

    def __init__(self, ranges: list[Range]) -> None:
        self.ranges = ranges
        self.starts = [s for s, _ in ranges]

    def holding(self, pos: int) -> int:
        """Index of the range holding `pos`, -1 when outside all."""
        i = bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos < self.ranges[i][1] else -1


class Clauses:
    """Triggers of one sentence with its relative clauses and quotations."""

    def __init__(
        self, triggers: list[Trigger], relative: list[Range], quoted: list[Range], copulas: set[int]
    ) -> None:
        self.copulas = copulas  # start offsets of the triggers that are copulas
        self.relative = Regions(relative)
        self.quoted = Regions(quoted)
        # where each trigger stands, found once per sentence rather than once per fact
        self.triggers: list[Placed] = [
            (*t, self.quoted.holding(t[0]), self.relative.holding(t[0])) for t in triggers
        ]


def _factored(triggers: list[str], depth: int, order: list[str]) -> str:
    """Alternation of the triggers (a capture group each, appended to `order` in group order),
    sharing their first two letters as literal prefixes; longest first within each branch."""
    branches: dict[str, list[str]] = {}
    rest: list[str] = []
    for t in triggers:
        body = _entry(t)
        factor = depth < 2 and len(body) > depth + 1 and body[depth] != "*"
        (branches.setdefault(body[depth], []) if factor else rest).append(t)
    alternatives = [
        f"{re.escape(c)}(?:{_factored(ts, depth + 1, order)})" for c, ts in sorted(branches.items())
    ]
    for t in sorted(rest, key=lambda t: (-len(_entry(t)), t)):
        order.append(t)
        alternatives.append(f"({_pattern(t.lstrip('~')[depth:])})")
    return "|".join(alternatives)


def _entry(trigger: str) -> str:
    """A lexicon entry without its weak mark ("~") and whole-word mark ("$")."""
    return trigger.lstrip("~").rstrip("$")


def _pattern(trigger: str) -> str:
    """Regex of (the rest of) a lexicon entry: "fine$" whole word; "attach" a stem running to the
    word's end; "*" inside an entry stands for the rest of a word ("арестова* имуществ")."""
    whole = trigger.endswith("$")
    body = re.escape(trigger.rstrip("$")).replace(r"\*", r"\w*")
    return body + (r"(?!\w)" if whole else r"\w*")


def _quotation(opening: str, closing: str) -> str:
    """Regex of a short quotation between the two marks."""
    return rf"{re.escape(opening)}[^{re.escape(closing)}]{{1,200}}{re.escape(closing)}"


@Language.factory("regintel_actions", assigns=["doc.spans"], default_config={})
def make_action_tagger(nlp: Language, name: str) -> ActionTagger:
    return ActionTagger(nlp, name)
