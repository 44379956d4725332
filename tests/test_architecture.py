"""The import graph keeps data flowing one way: each stage sees only its neighbours' contracts."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OURS = {"contracts", "crawlers", "nlp", "warehouse", "pipeline", "samplesite", "app", "appviews"}
ALLOWED = {
    "contracts": set(),
    "nlp": {"contracts"},
    "warehouse": {"contracts"},
    "crawlers": {"contracts", "warehouse"},
    "samplesite": set(),
    "app": {"contracts", "warehouse", "appviews"},
    "appviews": {"contracts", "warehouse", "appviews"},
    "pipeline": OURS - {"app", "appviews"},
}
# nlp is pure: text in, facts out. No database, no network.
NLP_FORBIDDEN = {
    "duckdb",
    "scrapy",
    "twisted",
    "requests",
    "urllib",
    "http",
    "socket",
    "streamlit",
    "warehouse",
}


def _modules(package: str) -> list[Path]:
    path = ROOT / package
    return [path.with_suffix(".py")] if path.with_suffix(".py").is_file() else sorted(path.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_stage_imports_only_its_neighbours(package: str) -> None:
    for path in _modules(package):
        ours = (_imports(path) & OURS) - {package}
        assert ours <= ALLOWED[package], f"{path.relative_to(ROOT)} imports {sorted(ours - ALLOWED[package])}"


def test_nlp_is_pure() -> None:
    for path in _modules("nlp"):
        bad = _imports(path) & NLP_FORBIDDEN
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"
