"""Probes, metrics, security headers, docs, body and time limits, and several workers, over HTTP."""
from __future__ import annotations

import time

import httpx

from api_support import SAMPLE

CSP_PARTS = ("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'")


def test_health_and_ready(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    r = client.get("/readyz").json()
    assert r["status"] == "ready" and len(r["data_version"]) == 64


def test_security_headers_on_every_kind_of_response(client):
    for r in (client.get("/"), client.get("/docs"), client.get("/healthz"), client.get("/no-such-page"),
              client.post("/api/v1/analyze", json={"narrative": ""}), client.get("/openapi.json"), client.get("/metrics")):
        csp = r.headers["content-security-policy"]
        assert all(p in csp for p in CSP_PARTS) and "unsafe-inline" not in csp, r.url
        assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert r.headers["x-request-id"]
    assert client.post("/api/v1/analyze", json={"narrative": "甲が待ち伏せした。"}).headers["cache-control"] == "no-store"


def test_docs_page_has_no_inline_script_or_style(client):
    html = client.get("/docs").text
    assert "POST /api/v1/analyze" in html and "/api/v1/statutes/{ref}" in html and "相談受理票" in html
    assert "<script" not in html and "style=" not in html and "<style" not in html
    assert client.get("/docs/docs.css").headers["content-type"].startswith("text/css")


def test_openapi_has_japanese_examples_and_problem_responses(client):
    spec = client.get("/openapi.json").json()
    req = spec["components"]["schemas"]["AnalyzeRequest"]
    assert "相談受理票" in req["examples"][0]["narrative"]
    op = spec["paths"]["/api/v1/analyze"]["post"]
    assert "application/problem+json" in op["responses"]["422"]["content"]
    assert {"413", "429", "503", "504"} <= set(op["responses"])
    assert spec["paths"]["/api/v1/statutes/{ref}"]["get"]["parameters"][0]["schema"]["examples"] == ["2条1項1号"]


def test_metrics_count_requests_latency_analysis_and_length(client):
    client.post("/api/v1/analyze", json={"narrative": SAMPLE})
    text = client.get("/metrics").text
    assert 'legalcheck_http_requests_total{method="POST",route="/api/v1/analyze",status="200"}' in text
    assert 'legalcheck_http_request_duration_seconds_bucket{le="0.1",route="/api/v1/analyze"}' in text
    assert "legalcheck_analysis_seconds_count" in text and "legalcheck_narrative_chars_sum" in text
    assert 'route="unmatched"' in text or "/no-such" not in text   # raw paths never become labels


def test_oversized_body_is_413(client):
    big = {"narrative": "甲が待ち伏せした。" * 30_000}   # about 810 kB of UTF-8, over the 200 kB limit
    r = client.post("/api/v1/analyze", json=big)
    assert r.status_code == 413 and r.json()["type"].endswith("body-too-large")
    assert r.headers["content-security-policy"]

    def chunks():   # no Content-Length: counted while read
        for _ in range(50):
            yield b'{"narrative": "' + "待ち伏せ".encode() * 2000

    r = client.post("/api/v1/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_time_limit_is_504_then_not_ready_then_recovers(slow_server):
    with slow_server.client() as c:
        r = c.post("/api/v1/analyze", json={"narrative": SAMPLE})
        assert r.status_code == 504 and r.json()["code"] == "timeout"
        assert r.headers["content-type"].startswith("application/problem+json")
        # a stuck analysis process is replaced: not ready until the new one has built its pipeline (when the
        # limit ran out before the process was handed the work, nothing is stuck and it stays ready)
        assert c.get("/readyz").status_code in (200, 503)
        assert c.get("/healthz").status_code == 200
        end = time.monotonic() + 60
        while c.get("/readyz").status_code != 200:
            assert time.monotonic() < end
            time.sleep(0.2)
        r = c.post("/api/v1/analyze/batch", json={"requests": [{"narrative": SAMPLE}, {"narrative": ""}]})
        assert r.status_code == 200
        assert r.json()["results"][0]["error"]["status"] == 504
        assert r.json()["results"][1]["error"]["code"] == "empty"


def test_two_workers_each_ready_and_metrics_summed(two_workers):
    pids = set()
    with two_workers.client() as c:
        for _ in range(40):
            with httpx.Client(base_url=two_workers.url) as fresh:   # new connections spread over workers
                pids.add(fresh.get("/readyz").json()["worker_pid"])
            if len(pids) == 2:
                break
        assert len(pids) == 2
        for _ in range(6):
            with httpx.Client(base_url=two_workers.url, timeout=60) as fresh:
                assert fresh.post("/api/v1/analyze", json={"narrative": SAMPLE}).status_code == 200
        text = c.get("/metrics").text
    line = next(x for x in text.splitlines()
                if x.startswith('legalcheck_http_requests_total{method="POST",route="/api/v1/analyze",status="200"}'))
    assert float(line.split()[-1]) == 6.0


def test_shared_socket_of_several_workers_has_nodelay():
    """Accepted connections inherit TCP_NODELAY from it (else responses wait for delayed ACKs)."""
    import socket

    from api_support import free_port
    from legalcheck.server.serving import APP, _Config

    sock = _Config(APP, factory=True, host="127.0.0.1", port=free_port(), workers=2).bind_socket()
    try:
        sock.listen()
        client = socket.create_connection(sock.getsockname())
        accepted, _ = sock.accept()
        assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
        accepted.close()
        client.close()
    finally:
        sock.close()
