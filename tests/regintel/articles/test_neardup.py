"""regintel/articles/neardup.py: lightly edited reprints share the key; other stories do not."""

from __future__ import annotations

import random

from regintel.articles.neardup import near_dup_key
from regintel.samplesite.articles import load_articles

STORY = (
    "Kazakhstan's financial monitoring agency said it had shut down 130 unlicensed crypto exchanges "
    "this year and seized digital assets worth 16.7 million dollars from operators who laundered "
    "proceeds of fraud through cards registered to third parties. Investigators traced transfers across "
    "several banks and froze the accounts of organisers, while prosecutors opened criminal cases against "
    "eleven people. The agency added that 81 groups had cashed out about 24 billion tenge through shell "
    "firms, and that banks must now keep ATM video for 180 days so that investigators can identify the "
    "people who withdraw money on behalf of others. Officials said more closures were expected."
)


def _texts() -> list[str]:
    return [" ".join(a.paragraphs) for a in load_articles()]


def test_lightly_edited_reprint_gets_the_same_key() -> None:
    reprint = (
        STORY.replace("this year", "in 2025").replace("several banks", "a number of banks")
        + " Reporting by our Almaty desk."
    )
    assert near_dup_key(STORY) == near_dup_key(reprint)
    assert near_dup_key(STORY) == near_dup_key("<p>" + STORY.upper() + "</p>")  # case and markup
    assert near_dup_key(STORY) == near_dup_key(STORY.replace("16.7", "16,7"))  # decimal comma


def test_most_two_word_edits_keep_the_key() -> None:
    rng = random.Random(7)
    same = trials = 0
    for text in _texts():
        words = text.split()
        for _ in range(4):
            edited = list(words)
            for i in rng.sample(range(len(words)), 2):
                edited[i] = rng.choice(("reportedly", "also", "officially", "около"))
            same += near_dup_key(text) == near_dup_key(" ".join(edited))
            trials += 1
    assert trials >= 200 and same / trials >= 0.75, f"{same}/{trials} edited reprints kept the key"


def test_different_stories_get_different_keys() -> None:
    texts = _texts()
    keys = {near_dup_key(t) for t in texts}
    assert len(texts) >= 50 and len(keys) == len(texts)  # includes same-facts stories by other outlets
    assert len(near_dup_key(STORY)) == 16 and near_dup_key("  ") == ""
