"""Decode HTML bytes to text when the declared charset is missing or wrong.

Scrapy falls back to cp1252 when nothing is declared, which turns a Russian windows-1251
page into mojibake. Cascade: BOM, strict UTF-8, then single-byte candidates scored by how
Cyrillic text looks (letters in runs, mostly lower case). A missing or contradicted
declaration is reported so the page gets a CrawlIssue, while its text is still decoded right.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_HEADER = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_CYR_RUN = re.compile(r"[а-яёА-ЯЁ]{3,}")
_CYR = re.compile(r"[а-яёА-ЯЁ]")
_CYR_LOWER = re.compile(r"[а-яё]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    declared: str | None
    problem: tuple[str, str] | None  # (reason, detail) for a CrawlIssue


def _canonical(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(body: bytes, content_type: str | None) -> str | None:
    """Charset from the Content-Type header, else from a <meta> in the first 4 KB."""
    if content_type:
        match = _HEADER.search(content_type)
        if match:
            return match.group(1).lower()
    match = _META.search(body[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _cyrillic_score(text: str) -> float:
    """0..1: how much this decoding looks like real Cyrillic prose (runs of lower-case letters)."""
    letters = len(_CYR.findall(text))
    if letters < 20:
        return 0.0
    in_runs = sum(len(m) for m in _CYR_RUN.findall(text))
    lower = len(_CYR_LOWER.findall(text))
    return (in_runs / letters) * (lower / letters)


def _guess_single_byte(body: bytes) -> str:
    best, best_score = "cp1252", 0.5
    for candidate in ("cp1251", "koi8_r"):
        score = _cyrillic_score(body.decode(candidate, errors="replace"))
        if score > best_score:
            best, best_score = candidate, score
    return best


def decode_html(body: bytes, content_type: str | None) -> Decoded:
    for bom, name in _BOMS:
        if body.startswith(bom):
            return Decoded(body[len(bom) :].decode(name, errors="replace"), name, name, None)
    declared_raw = declared_charset(body, content_type)
    declared = _canonical(declared_raw)
    try:
        text = body.decode("utf-8")
        detected = "utf-8"
    except UnicodeDecodeError:
        detected = _guess_single_byte(body)
        text = body.decode(detected, errors="replace")
    if not body.isascii():
        if declared_raw is None:
            return Decoded(
                text, detected, None, ("charset_missing", f"no charset declared; decoded as {detected}")
            )
        if declared is None or (declared != detected and not _compatible(declared, detected)):
            return Decoded(
                text,
                detected,
                declared_raw,
                ("charset_mismatch", f"declared {declared_raw} but the body decodes as {detected}"),
            )
    return Decoded(text, detected, declared_raw, None)


def _compatible(declared: str, detected: str) -> bool:
    """A declared single-byte Latin charset is fine when we fell back to cp1252 ourselves."""
    latin = {"cp1252", "latin_1", "iso8859-15", "ascii"}
    return detected == "cp1252" and declared in latin
