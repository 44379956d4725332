"""Text, title and date of a PDF press release (pypdf), so PDFs are articles like pages."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import PyPdfError


@dataclass(frozen=True, slots=True)
class PdfContent:
    title: str | None
    text: str
    date_raw: str | None  # ISO string from the PDF's CreationDate, if any


def is_pdf(body: bytes, content_type: str | None) -> bool:
    return body[:1024].lstrip().startswith(b"%PDF") or "application/pdf" in (content_type or "").lower()


def read_pdf(body: bytes) -> PdfContent:
    """Raises ValueError with a short reason when the file is not a readable PDF."""
    try:
        reader = PdfReader(io.BytesIO(body))
        text = "\n".join((page.extract_text() or "").strip() for page in reader.pages).strip()
        meta = reader.metadata
        title = (meta.title or "").strip() if meta else ""
        created = meta.creation_date if meta else None
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"unreadable PDF: {exc}") from None
    if not title and text:
        title = text.splitlines()[0].strip()
    return PdfContent(title or None, text, created.isoformat() if created else None)
