"""Language detection for the two pipelines: Cyrillic script means the Russian pipeline.

Kazakh, Kyrgyz and other Cyrillic texts go to the Russian pipeline too (spaCy has no
Kazakh), Latin-script texts to the English one. Script counting is exact and fast: letters are
counted on the UTF-8 bytes with C-level `count`/`translate`, not by regex matches.
"""

from __future__ import annotations

import string

SAMPLE = 20_000  # characters inspected
# U+0400..U+04FF (the Cyrillic block) are exactly the UTF-8 sequences with lead byte D0..D3
CYRILLIC_LEADS = (b"\xd0", b"\xd1", b"\xd2", b"\xd3")
LATIN = string.ascii_letters.encode()


def detect(text: str) -> str:
    """'ru' when Cyrillic letters outnumber Latin ones in the text's start, else 'en'."""
    sample = text[:SAMPLE].encode("utf-8", "surrogatepass")
    cyrillic = sum(sample.count(lead) for lead in CYRILLIC_LEADS)
    latin = len(sample) - len(sample.translate(None, LATIN))
    return "ru" if cyrillic > latin else "en"
