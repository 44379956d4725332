"""regintel/app/launch.py: `regintel app` runs Streamlit as a child and stops with it."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

import warehouse


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as reply:
            return reply.status == 200
    except OSError:
        return False


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_is_forwarded_and_nothing_is_left_serving(tmp_path: Path, signum: int) -> None:
    db = tmp_path / "app.duckdb"
    warehouse.init_db(db)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "regintel", "app", "--port", str(port), "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == f"app ready at http://localhost:{port}"
        assert answers(port)
        proc.send_signal(signum)
        assert proc.wait(timeout=30) == 0, proc.stderr.read() if proc.stderr else ""
        assert not answers(port)  # Streamlit went with it
    finally:
        if proc.poll() is None:
            proc.kill()
