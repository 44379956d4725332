"""The agency of a money/count fact among the bodies its sentence names (data: data/agency_links.yaml).

Nearest-in-sentence links "The SEC fined X $5m, the FCA said" to the FCA. The agent of a passive
("$5m was seized by the SEC") is the best guess, then the subject of the fact's own clause (the nearest
body before the fact), each only when no clause boundary lies in between; only then the nearest body.
"""

from __future__ import annotations

import re
from functools import cache

from nlp.doc.spans import Item
from nlp.lexicons import load
from nlp.regexes.words import alternation
from regintel.contracts import AgencyMention

AGENT_WINDOW = 40  # characters before a body that may hold its passive marker


class AgencyLinks:
    """Chooses a fact's agency among its sentence's agency mentions, for one language."""

    def __init__(self, lang: str) -> None:
        data = load("agency_links")[lang]
        self.breaks = re.compile(alternation(data["clause_breaks"]))
        self.agent = re.compile(rf"(?<!\w)(?:{alternation(data['agent_markers'])})\s+$")

    def choose(self, lower: str, candidates: list[Item], start: int, end: int) -> AgencyMention:
        """`candidates`: (start, end, mention) of the sentence's bodies in text order, at least one."""
        if len(candidates) == 1:
            return candidates[0][2]
        after = next((c for c in candidates if c[0] >= end), None)
        if (
            after is not None
            and not self.breaks.search(lower, end, after[0])
            and self.agent.search(lower, max(end, after[0] - AGENT_WINDOW), after[0])
        ):
            return after[2]
        before = [c for c in candidates if c[1] <= start]
        if before and not self.breaks.search(lower, before[-1][1], start):
            return before[-1][2]
        return min(candidates, key=lambda c: max(c[0] - end, start - c[1], 0))[2]


@cache
def agency_links(lang: str) -> AgencyLinks:
    return AgencyLinks("ru" if lang == "ru" else "en")
