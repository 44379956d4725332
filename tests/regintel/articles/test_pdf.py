"""regintel/articles/pdf.py: text, title and date of a real PDF (made by regintel/samplesite/pdf.py)."""

from __future__ import annotations

from datetime import date

import pytest

from regintel.articles.pdf import is_pdf, read_pdf
from regintel.samplesite.pdf import make_pdf


def test_read_pdf() -> None:
    body = make_pdf(
        "Notice of a fine", ["The authority fined a firm USD 12,500 (twelve thousand)."], date(2025, 3, 3)
    )
    assert is_pdf(body, "application/octet-stream") and is_pdf(b"x", "application/pdf")
    content = read_pdf(body)
    assert content.title == "Notice of a fine"
    assert "USD 12,500 (twelve thousand)" in content.text
    assert content.date_raw and content.date_raw.startswith("2025-03-03")


def test_broken_pdf_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unreadable PDF"):
        read_pdf(b"%PDF-1.4\n garbage")
