"""`regintel extract`: JSONL in the scorer's format, metadata files, user errors, and the dev-set bar."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
from datetime import date
from pathlib import Path

import pytest

from nlp import Extractor
from regintel.contracts import RegintelError
from regintel.jobs.extract import extract_files

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT / ".." / "shared"
DEV = SHARED / "eval" / "dev"
EX = Extractor()

DOC = (
    "Astana regulators closed 130 unlicensed crypto platforms this year.\n"
    "The groups moved 24 billion KZT (over $43 million) through 81 shell firms.\n"
    "Banks must keep ATM footage for 180 days, and fraud fell 38%.\n"
)


def run(paths: list[Path], published: date | None = None, lang: str | None = None) -> list[dict]:
    out = io.StringIO()
    n = extract_files(paths, published, lang, out, extractor=EX)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert n == len(rows)
    return rows


def test_jsonl_in_the_scorer_format(tmp_path: Path) -> None:
    path = tmp_path / "kz001.txt"
    path.write_text(DOC, encoding="utf-8")
    rows = run([path], date(2025, 4, 21))
    kinds = {r["kind"] for r in rows}
    assert {"money", "count", "duration", "percent"} <= kinds
    for r in rows:
        assert r["doc"] == "kz001" and DOC[r["start"] : r["end"]] == r["text"]
    money = [r for r in rows if r["kind"] == "money"]
    assert [(m["text"], m["currency"], m["usd"], m["usd_basis"]) for m in money] == [
        ("24 billion KZT", "KZT", 43e6, "stated")
    ]
    count = next(r for r in rows if r["text"] == "130 unlicensed crypto platforms")
    assert (count["value"], count["unit"], count["action"]) == (130, "platform", "shutdown")
    assert next(r for r in rows if r["kind"] == "duration")["value"] == 180


def test_meta_file_gives_published_and_lang_and_cli_overrides(tmp_path: Path) -> None:
    path = tmp_path / "ru1.txt"
    path.write_text("Банк оштрафовали на 5 млн тенге.", encoding="utf-8")
    (tmp_path / "ru1.meta.json").write_text(json.dumps({"published": "2024-03-10", "lang": "ru"}), "utf-8")
    [row] = [r for r in run([path]) if r["kind"] == "money"]
    assert row["usd_basis"] == "rate:hmrc:2024-03"
    [row] = [r for r in run([path], date(2020, 6, 1)) if r["kind"] == "money"]
    assert row["usd_basis"] == "rate:hmrc:2020-06"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"\x00\x01binary\x00" * 20, "binary file"),
        ("Штраф".encode("cp1251"), "not UTF-8"),
    ],
)
def test_bad_files_are_one_line_errors(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "bad.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(RegintelError, match=message) as err:
        run([path])
    assert "\n" not in str(err.value) and str(path) in str(err.value)


def test_bad_metadata_and_language(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("Fined $5.", encoding="utf-8")
    (tmp_path / "x.meta.json").write_text('{"published": "21/04/2025"}', encoding="utf-8")
    with pytest.raises(RegintelError, match="expected YYYY-MM-DD"):
        run([path])
    with pytest.raises(RegintelError, match="allowed: en, ru, auto"):
        run([path], date(2025, 1, 1), "de")


@pytest.mark.skipif(
    not (DEV / "gold.jsonl").is_file(), reason="../shared/eval/dev is not present beside the repo"
)
def test_dev_set_meets_the_quality_bar(tmp_path: Path) -> None:
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        extract_files(sorted((DEV / "docs").glob("*.txt")), None, None, fh, extractor=EX)
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        score.main([str(pred), "--gold", str(DEV / "gold.jsonl")])
    text = out.getvalue()
    figures = dict(part.split("=") for part in text.strip().splitlines()[-1].split())
    assert float(figures["overall_f1"]) >= 0.95 and float(figures["money_f1"]) >= 0.95, text
    assert float(figures["agency_f1"]) >= 0.92, text
    action = float(text.split("action accuracy")[1].split(":")[1].split()[0])
    usd = float(text.split("usd accuracy")[1].split(":")[1].split()[0])
    assert action >= 0.85 and usd >= 0.95, text
