"""Write the held-out documents and their gold facts, with offsets computed from surface text.

Run:  .venv/bin/python tests/nlp/heldout/build.py [--report] [--set DIR]
(`--set DIR` builds another set's folder instead: DIR/set_specs.py gives its `all_docs()`.)

Writes docs/<id>.txt, docs/<id>.meta.json and gold.jsonl (sorted by doc, then start) beside
this file and validates them: every surface text is found where its spec says, offsets slice
back to the text, no two lines share a span of one kind, fields match the scorer's format.
`--report` lists every number-like token no gold span covers, to check that each is a
deliberate distractor (year, date, phone, article number, age, ordinal, ...).
"""

from __future__ import annotations

import json
import re
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

from regintel import contracts

HERE = Path(__file__).resolve().parent
SET_DIR = Path(sys.argv[sys.argv.index("--set") + 1]).resolve() if "--set" in sys.argv else HERE
sys.path[:0] = [str(SET_DIR), str(HERE)]

from specs import Spec, all_docs  # noqa: E402

if SET_DIR != HERE:
    from set_specs import all_docs  # type: ignore[no-redef]

DOCS_DIR = SET_DIR / "docs"
GOLD = SET_DIR / "gold.jsonl"
KINDS = {"money", "count", "duration", "percent", "agency"}
ACTIONS = set(contracts.ACTIONS)
CURRENCY_SIGNS = "$€£₦₹¥₩₱"
NUMBER_LIKE = re.compile(
    r"\d[\d,.\s]*\d|\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|dozen|"
    r"hundred|thousand|million|billion|half|дв\w+|тр\w+|четыр\w+|пят\w+|шест\w+|сем\w+|восьм\w+|"
    r"девят\w+|десят\w+|двенадцат\w+|двадцат\w+|пол\w+)\b",
    re.IGNORECASE,
)


def standalone_starts(text: str, needle: str) -> list[int]:
    """Start offsets of `needle` in `text`, skipping hits that are part of a longer token."""
    found = []
    for hit in re.finditer(re.escape(needle), text):
        start, end = hit.span()
        left = text[start - 1] if start else " "
        right = text[end] if end < len(text) else " "
        right2 = text[end + 1] if end + 1 < len(text) else " "
        if needle[0].isalnum() and left.isalnum():
            continue
        if needle[0] in CURRENCY_SIGNS and left.isalnum():  # "$3" inside "S$3"
            continue
        if needle[0].isdigit() and left in ".," + CURRENCY_SIGNS:  # "5 million" inside "4.5 million"
            continue
        if needle[-1].isalnum() and right.isalnum():
            continue
        if needle[-1].isdigit() and right in ".," and right2.isdigit():
            continue
        found.append(start)
    return found


def resolve(doc_id: str, text: str, spec: Spec) -> list[dict[str, Any]]:
    starts = standalone_starts(text, spec.text)
    if not starts:
        raise ValueError(f"{doc_id}: {spec.kind} text not found: {spec.text!r}")
    if spec.every:
        chosen = starts
    elif spec.occ is not None:
        if spec.occ >= len(starts):
            raise ValueError(f"{doc_id}: {spec.text!r} has {len(starts)} occurrence(s), not {spec.occ + 1}")
        chosen = [starts[spec.occ]]
    elif len(starts) > 1:
        raise ValueError(f"{doc_id}: {spec.text!r} occurs {len(starts)} times; give occ or every")
    else:
        chosen = starts
    lines = []
    for start in chosen:
        line = {
            "doc": doc_id,
            "kind": spec.kind,
            "text": spec.text,
            "start": start,
            "end": start + len(spec.text),
            **spec.attrs,
        }
        if spec.optional:
            line["optional"] = True
        lines.append(line)
    return lines


def build() -> tuple[list[dict[str, Any]], dict[str, str]]:
    docs = all_docs()
    ids = [d["id"] for d in docs]
    assert len(ids) == len(set(ids)), "duplicate document ids"
    DOCS_DIR.mkdir(exist_ok=True)
    gold, texts = [], {}
    for d in docs:
        text = d["text"]
        texts[d["id"]] = text
        (DOCS_DIR / f"{d['id']}.txt").write_text(text, encoding="utf-8")
        meta = {"id": d["id"], **d["meta"]}
        (DOCS_DIR / f"{d['id']}.meta.json").write_text(
            json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        for spec in d["specs"]:
            gold.extend(resolve(d["id"], text, spec))
    gold.sort(key=lambda g: (g["doc"], g["start"], g["end"], g["kind"]))
    with GOLD.open("w", encoding="utf-8") as fh:
        for line in gold:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    return gold, texts


def validate(gold: list[dict[str, Any]], texts: dict[str, str]) -> None:
    seen = set()
    for g in gold:
        on_disk = (DOCS_DIR / f"{g['doc']}.txt").read_text(encoding="utf-8")
        assert on_disk == texts[g["doc"]], g["doc"]
        assert on_disk[g["start"] : g["end"]] == g["text"], g
        assert g["kind"] in KINDS, g
        key = (g["doc"], g["kind"], g["start"], g["end"])
        assert key not in seen, f"duplicate gold line {g}"
        seen.add(key)
        if g["kind"] in ("money", "count"):
            assert ("action" not in g) if g.get("optional") else g.get("action") in ACTIONS, g
        if g["kind"] == "money":
            assert g["currency"].isupper() and "usd" in g, g
        if g["kind"] == "agency":
            assert g["name"] and g["country"] and "acronym" in g, g
    spans = [(g["doc"], g["kind"], g["start"], g["end"]) for g in gold]
    for a, b in pairwise(spans):  # same-kind spans must not overlap
        if a[:2] == b[:2]:
            assert a[3] <= b[2], f"overlapping gold spans {a} {b}"
    for doc_id, text in texts.items():
        title, blank = text.split("\n")[:2]
        assert title and not blank, f"{doc_id}: title line + blank line expected"
        words = len(text.split())
        assert 120 <= words <= 300, f"{doc_id}: {words} words"
        meta = json.loads((DOCS_DIR / f"{doc_id}.meta.json").read_text(encoding="utf-8"))
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["published"]), meta
        assert meta["lang"] in ("en", "ru", "kk"), meta


def report(gold: list[dict[str, Any]], texts: dict[str, str]) -> None:
    for doc_id, text in sorted(texts.items()):
        spans = [(g["start"], g["end"]) for g in gold if g["doc"] == doc_id]
        loose = [m for m in NUMBER_LIKE.finditer(text) if not any(s <= m.start() < e for s, e in spans)]
        n_gold = sum(g["doc"] == doc_id for g in gold)
        print(f"{doc_id}: {len(text.split())} words, {n_gold} gold, {len(loose)} uncovered")
        for m in loose:
            context = text[max(0, m.start() - 25) : m.end() + 25].replace("\n", " ")
            print(f"    {m.group()!r:>16}  …{context}…")


if __name__ == "__main__":
    lines, doc_texts = build()
    validate(lines, doc_texts)
    by_kind: dict[str, int] = {}
    for row in lines:
        label = row["kind"] + (" (optional)" if row.get("optional") else "")
        by_kind[label] = by_kind.get(label, 0) + 1
    print(f"{len(lines)} gold lines in {len(doc_texts)} documents:", json.dumps(by_kind, sort_keys=True))
    if "--report" in sys.argv:
        report(lines, doc_texts)
