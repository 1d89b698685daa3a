"""Fixtures: one real `legalcheck serve` (a subprocess on a free loopback port) per configuration."""
from __future__ import annotations

import hashlib

import pytest

from api_support import API_KEY, OTHER_KEY, Server


def _server(tmp_path_factory, name: str, env: dict, workers: int = 1):
    s = Server(tmp_path_factory.mktemp(name), env, workers)
    return s


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """No keys (a local install): small limits so that each limit can be reached cheaply."""
    s = _server(tmp_path_factory, "open", {"LEGALCHECK_RATE_LIMIT": "100000/minute", "LEGALCHECK_BATCH_MAX_ITEMS": "5",
                                           "LEGALCHECK_MAX_BODY_BYTES": "200000", "LEGALCHECK_MAX_NARRATIVE_CHARS": "6000",
                                           "LEGALCHECK_ANALYSIS_PROCESSES": "2"})
    yield s
    s.stop()


@pytest.fixture(scope="session")
def keyed_server(tmp_path_factory):
    hashes = ",".join(hashlib.sha256(k.encode()).hexdigest() for k in (API_KEY, OTHER_KEY))
    s = _server(tmp_path_factory, "keyed", {"LEGALCHECK_API_KEY_HASHES": hashes, "LEGALCHECK_RATE_LIMIT": "4/minute",
                                             "LEGALCHECK_ANALYSIS_PROCESSES": "1"})
    yield s
    s.stop()


@pytest.fixture(scope="session")
def slow_server(tmp_path_factory):
    """Every analysis is over its time limit."""
    s = _server(tmp_path_factory, "slow", {"LEGALCHECK_ANALYSIS_TIMEOUT_S": "0.001", "LEGALCHECK_ANALYSIS_PROCESSES": "1"})
    yield s
    s.stop()


@pytest.fixture(scope="session")
def two_workers(tmp_path_factory):
    s = _server(tmp_path_factory, "workers", {"LEGALCHECK_RATE_LIMIT": "100000/minute",
                                              "LEGALCHECK_ANALYSIS_PROCESSES": "1"}, workers=2)
    yield s
    s.stop()


@pytest.fixture()
def client(server):
    with server.client() as c:
        yield c
