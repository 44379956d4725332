"""Regintel's pure extraction stage: text (+ publication date, language) in, facts out.

    from nlp import Extractor
    ex = Extractor()                      # builds the en + ru spaCy Languages once
    ex.extract(text, published, lang)     # -> contracts.Extraction
    ex.extract_many(items)                # batches through Language.pipe

No network, files written, database or clock: the same input gives the same output,
stamped with EXTRACTOR_VERSION.

Layout: extractor.py (the Extractor), languages.py (the spaCy Language per language),
components/ (the fact finders), agencies/ (the agency sub-system), doc/ (per-Doc views, the span
store, sentencizer, lemmas), facts.py (Fact assembly), rates.py, inflection.py, lexicons.py and
regexes/ (data files and the regexes built from them), data/.
"""

from nlp.extractor import EXTRACTOR_VERSION, ExtractOptions, Extractor

__all__ = ["EXTRACTOR_VERSION", "ExtractOptions", "Extractor"]
