"""Monitor thresholds: defaults, a `monitors:` map in the sources file, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from regintel.contracts import RegintelError
from regintel.operations.thresholds import Thresholds, load_thresholds
from tests.regintel.operations.conftest import write_sources


def test_defaults_then_file_defaults_then_per_source(tmp_path: Path) -> None:
    assert load_thresholds(write_sources(tmp_path / "a.yaml"))["timesca"] == Thresholds()
    monitors = ("monitors:\n  defaults: {drop_fraction: 0.3}\n"
                "  sources:\n    other: {max_block_rate: 0.5, trailing_runs: 10}\n")
    found = load_thresholds(write_sources(tmp_path / "b.yaml", ids=("timesca", "other"), monitors=monitors))
    assert found["timesca"] == Thresholds(drop_fraction=0.3)
    assert found["other"] == Thresholds(drop_fraction=0.3, max_block_rate=0.5, trailing_runs=10)


@pytest.mark.parametrize(("monitors", "message"), [
    ("  defaults: {drop_fraction: 2}",
     "b.yaml: monitors.defaults: bad drop_fraction 2; expected a number from 0 to 1"),
    ("  defaults: {window: 3}",
     "monitors.defaults: unknown key 'window'; allowed: drop_fraction, trailing_runs"),
    ("  sources: {nope: {}}", "monitors.sources: unknown source 'nope'; known: timesca"),
    ("  sources: {timesca: {trailing_runs: 0}}",
     "monitors.sources.timesca: bad trailing_runs 0; expected an integer"),
    ("  defaults: {stale_factor: 0.5}", "bad stale_factor 0.5; expected a number >= 1"),
])
def test_bad_thresholds_are_one_line(tmp_path: Path, monitors: str, message: str) -> None:
    with pytest.raises(RegintelError) as caught:
        load_thresholds(write_sources(tmp_path / "b.yaml", monitors=f"monitors:\n{monitors}\n"))
    assert message in str(caught.value) and "\n" not in str(caught.value)
