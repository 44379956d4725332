"""Process job: stored documents -> nlp -> facts -> warehouse, in batches."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from regintel.jobs import QUIET, Reporter


@dataclass(frozen=True)
class ProcessStats:
    documents: int
    facts: int


def process_documents(
    db: Path, *, reextract: bool = False, batch_size: int = 200, report: Reporter = QUIET
) -> ProcessStats:
    """Extract facts from documents that have none for this extractor version (or all) and load them.

    Each batch goes through `nlp.pipe` once and is loaded in one Arrow load; each document's
    facts are replaced atomically by the warehouse, so a crash loses at most the batch in flight
    and a rerun picks up where it stopped. `report.advance` is told of every batch's documents.
    """
    import warehouse
    from nlp import Extractor

    extractor = Extractor()
    documents = facts = 0
    for batch in warehouse.documents_to_extract(db, reextract=reextract, batch_size=batch_size):
        items = ((doc.text, doc.published, doc.lang) for doc in batch)
        extractions = list(extractor.extract_many(items))
        stats = warehouse.load_extractions(db, list(zip(batch, extractions, strict=True)))
        documents += len(batch)
        facts += stats.facts
        report.advance(len(batch))
    return ProcessStats(documents=documents, facts=facts)
