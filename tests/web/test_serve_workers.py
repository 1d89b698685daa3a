"""`legalcheck serve --workers 2`: a form token from one worker is accepted by the other."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest



def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_two_workers_share_one_signing_key(tmp_path):
    exe = shutil.which("legalcheck", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("legalcheck is not installed next to this Python")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "LEGALCHECK_SECRET_KEY"}
    env["LEGALCHECK_TRAINING_DB"] = str(tmp_path / "t.sqlite3")
    proc = subprocess.Popen([exe, "serve", "--port", str(port), "--workers", "2"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        statuses = set()
        for _ in range(12):      # new connections, so both workers answer some of them
            with httpx.Client(base_url=url) as c:
                tok = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/training").text).group(1)
                with httpx.Client(base_url=url, cookies=c.cookies) as other:
                    r = other.post("/training/session", data={"csrf_token": tok, "group": "abc", "name": "x"})
                    statuses.add(r.status_code)
        assert statuses == {303}
    finally:
        proc.terminate()
        proc.wait(timeout=15)
