"""Start the Streamlit app as a child process and say when it is ready."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from regintel.contracts import RegintelError
from regintel.settings import DB

READY_TIMEOUT_S = 60.0


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
    proc.terminate()
    raise RegintelError(f"the app did not answer on port {port} within {READY_TIMEOUT_S:.0f} s")
