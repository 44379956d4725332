"""The data files under nlp/data/, parsed once."""

from __future__ import annotations

from nlp.lexicons import DATA_DIR, load


def test_load() -> None:
    assert "en" in load("numbers")


def test_load_parses_each_file_once() -> None:
    assert load("periods") is load("periods")
    assert (DATA_DIR / "periods.yaml").is_file() and (DATA_DIR / "agencies").is_dir()
