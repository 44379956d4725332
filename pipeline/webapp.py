"""Start the Streamlit app as a child process and say when it is ready."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from contracts import RegintelError

READY_TIMEOUT_S = 60.0


def app_script() -> Path:
    spec = importlib.util.find_spec("app")
    if spec is None or spec.origin is None:
        raise RegintelError("the Streamlit app (app.py) is not installed; reinstall regintel")
    return Path(spec.origin)


def start_app(db: Path, *, port: int, address: str = "127.0.0.1") -> subprocess.Popen[bytes]:
    """Launch `streamlit run app.py` on the warehouse and wait until its health check answers."""
    env = {**os.environ, "REGINTEL_DB": str(db.resolve())}
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app_script()),
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
    proc.terminate()
    raise RegintelError(f"the app did not answer on port {port} within {READY_TIMEOUT_S:.0f} s")


def run_app(db: Path, *, port: int) -> None:
    """Start the app, announce it, and keep it running until Ctrl-C."""
    proc = start_app(db, port=port)
    print(f"app ready at http://localhost:{port}", flush=True)
    try:
        proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        proc.wait(timeout=10)
