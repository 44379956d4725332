"""The import graph keeps data flowing one way: each part sees only its neighbours' contracts,
and no module imports itself back through others."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("crawlers", "nlp", "warehouse", "regintel")
CONTRACTS, SETTINGS = "regintel.contracts", "regintel.settings"
# Each part (a stage package, or one of regintel's subpackages) and the parts it may import.
ALLOWED: dict[str, set[str]] = {
    "regintel": {"regintel.cli"},  # __init__ (the version) and __main__ (the command)
    CONTRACTS: set(),
    SETTINGS: {CONTRACTS},
    "regintel.articles": {CONTRACTS},
    "nlp": {CONTRACTS},
    "warehouse": {CONTRACTS, SETTINGS},
    "crawlers": {CONTRACTS, SETTINGS, "regintel.articles", "warehouse"},
    "regintel.jobs": {CONTRACTS, SETTINGS, "crawlers", "nlp", "warehouse", "regintel.samplesite"},
    "regintel.operations": {CONTRACTS, SETTINGS, "regintel.jobs", "crawlers", "warehouse"},
    "regintel.cli": {CONTRACTS, SETTINGS, "regintel.jobs", "regintel.operations", "crawlers", "warehouse",
                     "regintel.app"},
    "regintel.app": {CONTRACTS, SETTINGS, "warehouse"},
    "regintel.samplesite": set(),
    "app": {"regintel.app"},
}
# nlp is pure: text in, facts out. No database, no network, no files of the user's.
NLP_FORBIDDEN = {"duckdb", "scrapy", "twisted", "requests", "urllib", "http", "socket", "streamlit",
                 "warehouse", "crawlers", "regintel.settings", "os", "re._parser", "sre_parse"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    found = {"app": ROOT / "app.py"}
    for package in PACKAGES:
        found |= {_module_name(p): p for p in (ROOT / package).rglob("*.py")}
    return found


def part(module: str) -> str:
    """The part a module belongs to: `regintel.jobs.crawl` -> `regintel.jobs`, `nlp.money` -> `nlp`."""
    pieces = module.split(".")
    if pieces[0] != "regintel" or len(pieces) == 1:
        return pieces[0]
    candidate = ".".join(pieces[:2])
    return candidate if candidate in ALLOWED else "regintel"


@cache
def imports(module: str) -> frozenset[str]:
    """The project modules `module` imports, anywhere in its body (functions and TYPE_CHECKING too)."""
    path = modules()[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base]).strip(".")
            # `from pkg import sub` imports the submodule; `from mod import name`, the module
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules() else base
                     for alias in node.names]
        else:
            continue
        for name in names:
            target = _resolve(name)
            if target and target != module:
                found.add(target)
    return frozenset(found)


def _resolve(name: str) -> str | None:
    """The project module a dotted import name lands in (a submodule if it is one), or None."""
    while name:
        if name in modules():
            return name
        name = name.rpartition(".")[0]
    return None


def _edges() -> Iterator[tuple[str, str]]:
    for module in modules():
        for target in imports(module):
            yield module, target


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_each_part_imports_only_its_neighbours(name: str) -> None:
    bad = [
        f"{module} imports {target}"
        for module, target in _edges()
        if part(module) == name and part(target) not in ALLOWED[name] | {name, "regintel"}
    ]
    assert not bad, bad


def test_every_module_belongs_to_a_declared_part() -> None:
    assert {part(m) for m in modules()} <= set(ALLOWED)


@pytest.mark.xfail(strict=True, reason="warehouse filters/snapshot/relation circle (issue 11)")
def test_no_import_circles() -> None:
    """Depth-first search over module imports; a back edge is a circle, named in full."""
    graph = {m: sorted(imports(m)) for m in modules()}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []
    circles: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in graph[module]:
            if state.get(target) == 1:
                circles.append(" -> ".join([*path[path.index(target):], target]))
            elif target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    assert not circles, circles


def test_nlp_is_pure() -> None:
    for module, path in modules().items():
        if part(module) != "nlp":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                names |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
        bad = {n for n in names if n in NLP_FORBIDDEN or n.split(".")[0] in NLP_FORBIDDEN}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_nothing_generic_is_installed_at_the_top_level() -> None:
    """Only the user's three stage packages and `regintel` are top-level names (pyproject's find)."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    assert sorted(include) == sorted(f"{p}*" for p in PACKAGES)
    assert "py-modules" not in config["tool"]["setuptools"]


@pytest.mark.xfail(strict=True, reason="nlp/lexicons.py, nlp/span_groups.py (issue 11, part 5)")
def test_only_public_apis_of_python_and_spacy() -> None:
    """No CPython private module (`re._parser`, `sre_parse`), no spaCy private key format."""
    private = ("re._parser", "sre_parse", "sre_compile", "sre_constants", "\"._.\"")
    bad = [
        f"{path.relative_to(ROOT)} uses {word}"
        for path in modules().values()
        for word in private
        if word in path.read_text(encoding="utf-8")
    ]
    assert not bad, bad
