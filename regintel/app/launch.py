"""Run the Streamlit app as a child process: start it, say when it is ready, stop it with us."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from regintel.contracts import RegintelError
from regintel.settings import DB

READY_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0
APP_SCRIPT = Path(__file__).with_name("router.py")


def start_app(db: Path, *, port: int, address: str = "127.0.0.1") -> subprocess.Popen[bytes]:
    """Launch `streamlit run app.py` on the warehouse and wait until its health check answers."""
    env = {**os.environ, DB.name: str(db.resolve())}
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP_SCRIPT),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        address,
        "--browser.gatherUsageStats",
        "false",
        "--client.toolbarMode",
        "viewer",
    ]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RegintelError(f"the app exited with code {proc.returncode}; is port {port} already in use?")
        try:
            with urllib.request.urlopen(f"http://{address}:{port}/_stcore/health", timeout=1) as reply:
                if reply.status == 200:
                    return proc
        except OSError:
            time.sleep(0.3)
    stop(proc)
    raise RegintelError(f"the app did not answer on port {port} within {READY_TIMEOUT_S:.0f} s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Terminate the app if it still runs, and kill it if it does not stop in time."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def serve(db: Path, *, port: int, ready: Callable[[str], None]) -> int:
    """Run the app until it exits or we are told to stop; returns the exit code to end with.

    SIGTERM and SIGINT are forwarded to Streamlit and it is waited for, so stopping `regintel
    app` (a service manager, Ctrl-C) never leaves a server behind; a stop we forwarded is a
    clean exit (0)."""
    proc = start_app(db, port=port)
    forwarded: list[int] = []

    def forward(signum: int, _frame: object) -> None:
        forwarded.append(signum)
        if proc.poll() is None:
            proc.send_signal(signum)

    previous = {signum: signal.signal(signum, forward) for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        ready(f"http://localhost:{port}")
        code = proc.wait()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        stop(proc)
    return 0 if forwarded and code in (0, *(-s for s in forwarded)) else code
