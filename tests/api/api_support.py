"""Helpers for the API tests: a real `legalcheck serve` on a free loopback port, evidence span checks."""
from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = (ROOT / "examples" / "sample.txt").read_text(encoding="utf-8")
API_KEY = "lc-test-key-4f9c2b7e1d"
OTHER_KEY = "lc-other-key-88aa01"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, tmp: Path, env: dict, workers: int = 1):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = tmp / f"server-{self.port}.log"
        full = {k: v for k, v in os.environ.items() if not k.startswith(("LEGALCHECK_", "PROMETHEUS_"))}
        full.update(env)
        self._log = self.log_path.open("wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "legalcheck.cli", "serve", "--host", "127.0.0.1",
                                      "--port", str(self.port), "--workers", str(workers)],
                                     stdout=self._log, stderr=subprocess.STDOUT, env=full, cwd=tmp)
        self.wait_ready()

    def wait_ready(self, timeout: float = 120) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError("server exited:\n" + self.log_path.read_text(errors="replace"))
            try:
                if httpx.get(self.url + "/readyz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError("server not ready:\n" + self.log_path.read_text(errors="replace"))

    def client(self, **kw) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=60, **kw)

    def log_lines(self) -> list[str]:
        self._log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._log.close()


def spans_exact(narrative: str, analysis: dict) -> None:
    """Every evidence span of the analysis is the narrative's own text at its offsets."""
    def walk(x):
        if isinstance(x, dict):
            if {"text", "start", "end"} <= x.keys() and isinstance(x["start"], int):
                assert narrative[x["start"]:x["end"]] == x["text"], x
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(analysis)
