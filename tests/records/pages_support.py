"""A `legalcheck serve` with case records configured (users of every role), for the page tests."""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
from api_support import Server  # noqa: E402

from legalcheck.records.cases import Records  # noqa: E402
from legalcheck.records.config import RecordSettings  # noqa: E402
from legalcheck.records.db import Database  # noqa: E402
from legalcheck.records.users import create_user  # noqa: E402
from records_support import SUPERVISOR  # noqa: E402

PASSWORD = "correct-horse-battery-9"
USERS = {"officer": "tanaka", "supervisor": "suzuki", "readonly": "sato", "trainer": "kato"}


def start(tmp: Path, key: str, url: str | None = None, users: bool = True, env: dict | None = None) -> tuple[Server, str]:
    url = url or f"sqlite:///{tmp / 'records.sqlite3'}"
    if users:
        db = Database(RecordSettings(database_url=url, encryption_keys=[key]))
        with db.session() as s:
            for role, name in USERS.items():
                create_user(s, name, PASSWORD, role)
        db.dispose()
    server = Server(tmp, {"LEGALCHECK_DATABASE_URL": url, "LEGALCHECK_ENCRYPTION_KEYS": key,
                          "LEGALCHECK_ANALYSIS_PROCESSES": "1", "LEGALCHECK_SECRET_KEY": "page-tests",
                          "LEGALCHECK_RATE_LIMIT": "100000/minute", **(env or {})})
    return server, url


def csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def login(client, role: str, password: str = PASSWORD):
    page = client.get("/login")
    return client.post("/login", data={"csrf_token": csrf(page.text), "username": USERS[role], "password": password,
                                       "next": "/cases"})


def audit(url: str, key: str) -> list[dict]:
    """The audit log of the server's database, as a supervisor reads it."""
    settings = RecordSettings(database_url=url, encryption_keys=[key])
    r = Records(settings, Database(settings))
    try:
        return r.audit_log(SUPERVISOR)
    finally:
        r.db.dispose()
