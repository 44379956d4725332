"""Per-Doc helpers: views computed once per Doc, the span store, and the cheap sentencizer and lemmatizer."""
