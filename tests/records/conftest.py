"""Fixtures: the same tests against SQLite (a temp file) and a real PostgreSQL server started here."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from legalcheck.records.cases import Records  # noqa: E402
from legalcheck.records.config import RecordSettings  # noqa: E402
from legalcheck.records.db import Database  # noqa: E402
from records_support import KEY  # noqa: E402


@pytest.fixture(scope="session")
def pg():
    from pgserver import PgServer

    try:
        server = PgServer()
    except (RuntimeError, OSError) as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL must run in CI: {exc}")
        pytest.skip(f"PostgreSQL unavailable here: {exc}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'records.sqlite3'}"
    return request.getfixturevalue("pg").new_database()


@pytest.fixture
def settings(db_url):
    return RecordSettings(database_url=db_url, encryption_keys=[KEY], database_lock_timeout_s=5)


@pytest.fixture
def records(settings):
    r = Records(settings, Database(settings))
    yield r
    r.db.dispose()


@pytest.fixture(scope="session")
def analyse():
    """The real analysis, with a fixed day so the schedule's states are reproducible."""
    import legalcheck

    def run(request: dict, today: str = "2024-06-12") -> dict:
        return legalcheck.analyze(request["narrative"], incident_date=request.get("incident_date"),
                                  prior_measures=request.get("prior_measures") or (), today=today).to_dict()
    return run
