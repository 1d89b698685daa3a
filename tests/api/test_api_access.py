"""API keys, the per-key rate limit, request ids and the JSON logs, over HTTP against a keyed server."""
from __future__ import annotations

import json

from api_support import API_KEY, OTHER_KEY

SECRET_MARK = "甲は令和6年4月1日に秘匿記述マーカーの前でＡ子を待ち伏せした。"


def test_keys_required_for_api_when_configured(keyed_server):
    with keyed_server.client() as c:
        r = c.post("/api/v1/analyze", json={"narrative": "甲が待ち伏せした。"})
        assert r.status_code == 401 and r.json()["code"] == "missing_key"
        assert r.headers["www-authenticate"].startswith("Bearer")
        r = c.get("/api/v1/precedents", headers={"Authorization": "Bearer wrong-key"})
        assert r.status_code == 401 and r.json()["code"] == "invalid_key"
        r = c.get("/api/v1/precedents", headers={"Authorization": f"Basic {API_KEY}"})
        assert r.status_code == 401
        r = c.get("/api/v1/precedents", headers={"Authorization": f"Bearer {OTHER_KEY}"})
        assert r.status_code == 200


def test_probes_and_pages_need_no_key(keyed_server):
    with keyed_server.client() as c:
        assert c.get("/healthz").status_code == 200
        assert c.get("/readyz").status_code == 200
        assert c.get("/").status_code == 200
        assert c.get("/docs").status_code == 200


def test_rate_limit_per_key(keyed_server):
    """4/minute per key: the fifth call with one key is 429 with Retry-After; another key still passes."""
    with keyed_server.client(headers={"Authorization": f"Bearer {API_KEY}"}) as c:
        codes = [c.get("/api/v1/precedents/sc-2020-07-30-1528").status_code for _ in range(6)]
        assert codes[:4] == [200] * 4 and codes[4:] == [429, 429]
        r = c.get("/api/v1/precedents")
        assert r.status_code == 429 and r.headers["content-type"].startswith("application/problem+json")
        assert int(r.headers["retry-after"]) >= 1 and r.json()["type"].endswith("rate-limited")
    with keyed_server.client(headers={"Authorization": f"Bearer {OTHER_KEY}"}) as c:
        assert c.get("/api/v1/precedents").status_code in (200, 429)   # its own budget (shared with the test above)
    with keyed_server.client() as c:
        assert c.get("/healthz").status_code == 200   # probes are not limited


def test_request_id_kept_or_made(keyed_server):
    with keyed_server.client() as c:
        r = c.get("/healthz", headers={"X-Request-ID": "intake-42.a_b"})
        assert r.headers["x-request-id"] == "intake-42.a_b"
        r = c.get("/healthz", headers={"X-Request-ID": "bad id with spaces"})
        assert r.headers["x-request-id"] != "bad id with spaces" and len(r.headers["x-request-id"]) == 32
        assert c.get("/healthz").headers["x-request-id"] != c.get("/healthz").headers["x-request-id"]


def test_logs_are_json_with_request_id_and_never_hold_narrative_or_key(keyed_server):
    with keyed_server.client(headers={"Authorization": f"Bearer {OTHER_KEY}"}) as c:
        r = c.post("/api/v1/analyze", json={"narrative": SECRET_MARK, "id": "log-check"})
        rid = r.headers["x-request-id"]
        c.post("/api/v1/analyze", json={"narrative": SECRET_MARK + "\x00"})    # an error path too
    lines = keyed_server.log_lines()
    records = [json.loads(line) for line in lines if line.startswith("{")]
    assert records and all("request_id" in rec and "level" in rec and "ts" in rec for rec in records)
    mine = [rec for rec in records if rec["request_id"] == rid]
    assert mine and mine[-1]["route"] == "/api/v1/analyze" and mine[-1]["narrative_chars"] == len(SECRET_MARK)
    text = "\n".join(lines)
    assert "秘匿記述マーカー" not in text and OTHER_KEY not in text and API_KEY not in text


def test_key_hashes_setting_parsing_and_refusal_of_clear_keys():
    import hashlib
    import os
    import subprocess
    import sys

    import pytest

    from legalcheck.server.settings import Settings

    h = hashlib.sha256(API_KEY.encode()).hexdigest()
    s = Settings(api_key_hashes=f" sha256:{h.upper()} ,\n{h}")
    assert s.api_key_hashes == [h, h]
    with pytest.raises(ValueError):
        Settings(api_key_hashes=API_KEY)   # a key in clear is not a digest: refused, never used
    env = {**os.environ, "LEGALCHECK_API_KEY_HASHES": API_KEY}
    out = subprocess.run([sys.executable, "-m", "legalcheck.cli", "serve", "--port", "1"], env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "sha256" in out.stderr and API_KEY not in out.stderr
