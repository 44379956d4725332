"""Item pipelines: article extraction (HTML and PDF) and the batched warehouse store."""
