"""`regintel extract FILE...`: facts of text files as JSONL, in the evaluation scorer's format.

One line per fact (`doc` = file name without extension) and one per agency mention. A
`NAME.meta.json` beside `NAME.txt` supplies `published` and `lang`; options given on the
command line override it.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from nlp import Extractor
from regintel.contracts import AgencyMention, Extraction, Fact, RegintelError

LANG_CHOICES = ("en", "ru", "auto")


def parse_published(value: str | None, origin: str) -> date | None:
    """'2025-04-21' -> date; RegintelError naming the origin otherwise."""
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise RegintelError(f"bad published date {value!r} in {origin}; expected YYYY-MM-DD") from None


def parse_lang(value: str | None, origin: str) -> str | None:
    """'en'/'ru' -> that language; 'auto' or None -> detect."""
    if value in (None, "", "auto"):
        return None
    if value not in LANG_CHOICES:
        raise RegintelError(f"bad language {value!r} in {origin}; allowed: {', '.join(LANG_CHOICES)}")
    return value


def read_text(path: Path) -> str:
    """The UTF-8 text of a file, or one precise RegintelError line."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise RegintelError(f"cannot read {path}: no such file") from None
    except IsADirectoryError:
        raise RegintelError(f"cannot read {path}: is a directory; give text files") from None
    except OSError as exc:
        raise RegintelError(f"cannot read {path}: {exc.strerror}") from None
    if b"\x00" in raw[:8192]:
        raise RegintelError(f"cannot extract from {path}: binary file; expected UTF-8 text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RegintelError(
            f"cannot extract from {path}: not UTF-8 (byte {exc.start}); expected UTF-8 text"
        ) from None


def read_meta(path: Path) -> dict[str, Any]:
    """`NAME.meta.json` beside `NAME.txt`, or {} when there is none."""
    meta = path.with_name(f"{path.stem}.meta.json")
    if not meta.is_file():
        return {}
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (ValueError, OSError) as exc:
        raise RegintelError(f"bad metadata file {meta}: {exc}; expected a JSON object") from None
    if not isinstance(data, dict):
        raise RegintelError(f"bad metadata file {meta}: expected a JSON object")
    return data


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    return {
        k: (v.isoformat() if isinstance(v, date) else v)
        for k, v in row.items()
        if v is not None and v is not False
    }


def fact_row(doc: str, fact: Fact) -> dict[str, Any]:
    row = asdict(fact)
    row.pop("sentence")
    return {"doc": doc, **_clean(row)}


def agency_row(doc: str, mention: AgencyMention) -> dict[str, Any]:
    """An agency line; the body's own kind (regulator, court, ...) goes to `agency_kind`."""
    row = _clean(asdict(mention))
    row["agency_kind"] = row.pop("kind", None)
    return {"doc": doc, "kind": "agency", **row}


def rows(doc: str, extraction: Extraction) -> list[dict[str, Any]]:
    """Facts and agency mentions of one document, in text order."""
    out = [fact_row(doc, f) for f in extraction.facts] + [agency_row(doc, a) for a in extraction.agencies]
    return sorted(out, key=lambda r: (r["start"], r["end"], r["kind"]))


def extract_files(
    paths: list[Path],
    published: date | None,
    lang: str | None,
    out: TextIO,
    extractor: Extractor | None = None,
) -> int:
    """Write JSONL for every file; returns the number of lines. Files are read before any output."""
    lang = parse_lang(lang, "--lang")
    items = []
    for path in paths:
        text = read_text(path)
        meta = read_meta(path)
        when = published or parse_published(meta.get("published"), f"{path.stem}.meta.json")
        code = lang or parse_lang(meta.get("lang"), f"{path.stem}.meta.json")
        items.append((text, when, code))
    ex = extractor or Extractor()
    lines = 0
    for path, extraction in zip(paths, ex.extract_many(items), strict=True):
        for row in rows(path.stem, extraction):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            lines += 1
    return lines

