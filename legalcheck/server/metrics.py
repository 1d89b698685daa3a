"""Prometheus metrics (/metrics): requests by route and status, latency, analysis time, narrative length.

With several worker processes (`legalcheck serve --workers N`) every worker writes its samples to
the folder in PROMETHEUS_MULTIPROC_DIR (set by `serve`) and /metrics sums them over workers.
"""
from __future__ import annotations

import os

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest

_LATENCY = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
_CHARS = (100, 250, 500, 1000, 2000, 4000, 8000, 16000, 50000)

REQUESTS = Counter("legalcheck_http_requests_total", "HTTP requests by route, method and status",
                   ["route", "method", "status"])
LATENCY = Histogram("legalcheck_http_request_duration_seconds", "HTTP request latency by route",
                    ["route"], buckets=_LATENCY)
ANALYSIS = Histogram("legalcheck_analysis_seconds", "Time of one analysis (in the analysis process)",
                     buckets=_LATENCY)
NARRATIVE = Histogram("legalcheck_narrative_chars", "Length of analysed narratives (characters)",
                      buckets=_CHARS)
TIMEOUTS = Counter("legalcheck_analysis_timeouts_total", "Analyses stopped at the time limit")


def render() -> tuple[bytes, str]:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(), CONTENT_TYPE_LATEST
