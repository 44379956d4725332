"""Settings are declared once: read nowhere else, documented, typed when read from strings."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from regintel import settings
from regintel.contracts import RegintelError

ROOT = Path(__file__).resolve().parents[2]
CODE = ("crawlers", "nlp", "warehouse", "regintel", "benchmarks", "scripts")
NAME = re.compile(r"\bREGINTEL_[A-Z_]+")


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstring constants of a module, its classes and functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def test_no_setting_is_spelled_outside_the_settings_module() -> None:
    """A `REGINTEL_*` string in code (docstrings aside) is a read that bypasses the declarations."""
    paths = [ROOT / "app.py", *(p for folder in CODE for p in (ROOT / folder).rglob("*.py"))]
    bad = []
    for path in paths:
        if path == ROOT / "regintel" / "settings.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
                bad += [f"{path.relative_to(ROOT)}:{node.lineno} {m}" for m in NAME.findall(node.value)]
    assert not bad, bad


def test_every_setting_is_documented_as_declared() -> None:
    docs = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert settings.markdown() in docs, "docs/settings.md is stale: run `python -m regintel.settings`"
    assert set(NAME.findall(docs)) == {s.name for s in settings.SETTINGS}


def test_every_setting_name_is_unique_and_prefixed() -> None:
    names = [s.name for s in settings.SETTINGS]
    assert len(names) == len(set(names))
    assert all(NAME.fullmatch(n) for n in names)


def test_settings_are_read_when_used_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings.FLUSH_ITEMS.get() == 500
    monkeypatch.setenv(settings.FLUSH_ITEMS.name, "42")
    monkeypatch.setenv(settings.ALLOW_PRIVATE.name, "yes")
    monkeypatch.setenv(settings.REWRITE.name, '{"https://a.example": "http://127.0.0.1:1/a"}')
    assert settings.FLUSH_ITEMS.get() == 42
    assert settings.ALLOW_PRIVATE.get() is True
    assert settings.REWRITE.get() == {"https://a.example": "http://127.0.0.1:1/a"}
    assert settings.crawl_defaults()[settings.FLUSH_ITEMS.name] == 42


def test_a_mapping_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(settings.FLUSH_SECONDS.name, "9")
    assert settings.FLUSH_SECONDS.get({settings.FLUSH_SECONDS.name: 0.5}) == 0.5
    assert settings.FLUSH_SECONDS.get({settings.FLUSH_SECONDS.name: "0.25"}) == 0.25
    assert settings.FLUSH_SECONDS.get({}) == 9.0


@pytest.mark.parametrize(
    ("setting", "raw", "message"),
    [
        (settings.FLUSH_ITEMS, "many", "bad REGINTEL_FLUSH_ITEMS='many'"),
        (settings.ALLOW_PRIVATE, "perhaps", "bad REGINTEL_ALLOW_PRIVATE='perhaps': expected one of"),
        (settings.REWRITE, "[1]", "bad REGINTEL_REWRITE='[1]': expected a JSON object"),
    ],
)
def test_a_bad_value_is_one_line_naming_the_setting(
    monkeypatch: pytest.MonkeyPatch, setting: settings.Setting, raw: str, message: str
) -> None:
    monkeypatch.setenv(setting.name, raw)
    with pytest.raises(RegintelError, match=re.escape(message)):
        setting.get()
