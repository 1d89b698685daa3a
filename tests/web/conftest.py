"""Browser tests: a real `legalcheck serve` on localhost, driven through Playwright with Debian's
Chromium (/usr/bin/chromium; scripts/setup.sh installs it — never `playwright install`)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parent / "screenshots"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """`legalcheck serve` in its own process, with a throw-away training database."""
    exe = shutil.which("legalcheck", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.fail("the legalcheck command is not installed next to this Python (run bash scripts/test.sh)")
    port = _free_port()
    db = tmp_path_factory.mktemp("training") / "training.sqlite3"
    env = {**os.environ, "LEGALCHECK_TRAINING_DB": str(db), "LEGALCHECK_SECRET_KEY": "browser-tests",
           "LEGALCHECK_MAX_NARRATIVE_CHARS": "3000"}
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([exe, "serve", "--host", "127.0.0.1", "--port", str(port)],
                                stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"legalcheck serve did not start: {log.read_text()}")
        time.sleep(0.2)
    yield {"url": url, "log": log, "db": db}
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def base_url(server):
    return server["url"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (scripts/setup.sh installs it when run as root)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM,
            "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                     "--disable-component-update", "--no-first-run", "--disable-sync"]}


@pytest.fixture(scope="session")
def shots():
    SHOTS.mkdir(exist_ok=True)
    return SHOTS


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # as an officer's browser here would be set: Japanese dates (yyyy/mm/dd) and Tokyo time
    return {**browser_context_args, "locale": "ja-JP", "timezone_id": "Asia/Tokyo"}
