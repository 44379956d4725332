"""The data files under `nlp/data/` (lexicons, patterns, registries, tables), parsed once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(str(resources.files("nlp").joinpath("data")))


@cache
def load(name: str) -> dict[str, Any]:
    """Parse `nlp/data/<name>.yaml` once; the `provenance` block stays in the file."""
    return yaml.safe_load((DATA_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
