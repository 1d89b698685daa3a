"""The case records over HTTP on a real `legalcheck serve` (SQLite and PostgreSQL): each role can do
exactly what it should, every access (refused ones too) is in the audit log, problems are
problem+json, and the database file holds no plaintext narrative."""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
from api_support import Server  # noqa: E402

from records_support import KEY  # noqa: E402
from legalcheck.records.config import RecordSettings  # noqa: E402
from legalcheck.records.db import Database  # noqa: E402
from legalcheck.records.users import create_api_key  # noqa: E402
from narratives import FIRST, ORDER, SECOND  # noqa: E402

KEYS = {"officer": "lc-officer-key-1d9f7a", "supervisor": "lc-supervisor-key-77b0c1", "readonly": "lc-readonly-key-4c2e",
        "trainer": "lc-trainer-key-9a0b3d", "norole": "lc-analysis-only-key-21ff"}


def _digest(k):
    return hashlib.sha256(k.encode()).hexdigest()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def served(request, tmp_path_factory):
    tmp = tmp_path_factory.mktemp(f"http-{request.param}")
    url = (f"sqlite:///{tmp / 'records.sqlite3'}" if request.param == "sqlite"
           else request.getfixturevalue("pg").new_database())
    settings = RecordSettings(database_url=url, encryption_keys=[KEY])
    db = Database(settings)
    with db.session() as s:                      # one officer key kept in the database, not in the settings
        stored_key, _ = create_api_key(s, "officer", "端末A")
    db.dispose()
    hashes = [f"{role}:{_digest(k)}" for role, k in KEYS.items() if role != "norole"] + [_digest(KEYS["norole"])]
    server = Server(tmp, {"LEGALCHECK_DATABASE_URL": url, "LEGALCHECK_ENCRYPTION_KEYS": KEY,
                          "LEGALCHECK_API_KEY_HASHES": ",".join(hashes), "LEGALCHECK_ANALYSIS_PROCESSES": "1",
                          "LEGALCHECK_RATE_LIMIT": "100000/minute"})
    yield {"server": server, "url": url, "stored": stored_key, "tmp": tmp}
    server.stop()


class Calls:
    """Every request made, so the test can check that each one left its audit entry."""

    def __init__(self, server):
        self.client = server.client()
        self.ids: list[str] = []

    def __call__(self, who, method, path, json=None, expect=None):
        headers = {"Authorization": f"Bearer {who}"} if who else {}
        r = self.client.request(method, path, json=json, headers=headers)
        self.ids.append(r.headers["x-request-id"])
        if expect is not None:
            assert r.status_code == expect, (who, method, path, r.status_code, r.text[:400])
        if r.status_code >= 400:
            assert r.headers["content-type"].startswith("application/problem+json")
            assert r.json()["type"].startswith("urn:legalcheck:problem:")
        return r


def test_each_role_does_exactly_what_it_should(served):
    call = Calls(served["server"])
    off, sup, ro, tr, nr = (KEYS[k] for k in ("officer", "supervisor", "readonly", "trainer", "norole"))
    case = {"number": "R6-生安-0300", "title": "自宅前の待ち伏せ", "parties": [{"role": "victim", "label": "Ａ子"}]}
    call(None, "POST", "/api/v1/cases", case, 401)
    call("wrong-key-000", "GET", "/api/v1/cases", None, 401)
    for who in (ro, tr, nr):
        assert call(who, "POST", "/api/v1/cases", case, 403).json()["code"] == "forbidden"
    cid = call(off, "POST", "/api/v1/cases", case, 201).json()["id"]
    assert call(sup, "POST", "/api/v1/cases", case, 409).json()["field"] == "number"
    call(sup, "POST", "/api/v1/cases", {**case, "number": "R6-生安-0301"}, 201)
    for who in (off, sup, ro, served["stored"]):
        assert [c["number"] for c in call(who, "GET", "/api/v1/cases?q=0300", None, 200).json()["cases"]] == ["R6-生安-0300"]
    for who in (tr, nr):
        call(who, "GET", "/api/v1/cases", None, 403)
        call(who, "GET", f"/api/v1/cases/{cid}", None, 403)
    body = {"narrative": FIRST, "prior_measures": [ORDER], "received_on": "2024-05-20"}
    for who in (ro, tr):
        call(who, "POST", f"/api/v1/cases/{cid}/narratives", body, 403)
    added = call(off, "POST", f"/api/v1/cases/{cid}/narratives", body, 201).json()
    assert added["seq"] == 1 and added["analysis"]["offenses"]["art18"]["status"] == "satisfied"
    bad = call(off, "POST", f"/api/v1/cases/{cid}/narratives", {"narrative": "   "}, 422).json()
    assert bad["field"] == "narrative"
    call(served["stored"], "POST", f"/api/v1/cases/{cid}/narratives", {"narrative": SECOND}, 201)
    saved = call(ro, "GET", f"/api/v1/cases/{cid}/analyses/{added['analysis_id']}", None, 200).json()
    assert saved["analysis"] == added["analysis"] and saved["request"]["narrative"] == FIRST
    for who in (ro, tr):
        call(who, "POST", f"/api/v1/cases/{cid}/reanalyse", None, 403)
    again = call(sup, "POST", f"/api/v1/cases/{cid}/reanalyse", None, 200).json()
    assert again["changes"]["changed"] is True
    tasks = call(ro, "GET", f"/api/v1/cases/{cid}/tasks", None, 200).json()["tasks"]
    first = next(t for t in tasks if t["kind"] == "contact" and t["months"] == 1)
    contact = {"task_id": first["id"], "contacted_on": "2024-06-14", "means": "phone", "items": {"residence": "変更なし"},
               "recidivism": "no", "retaliation": "no", "decision": "continue", "reason": "接触していないと述べた"}
    for who in (ro, tr):
        call(who, "POST", f"/api/v1/cases/{cid}/contacts", contact, 403)
    assert call(off, "POST", f"/api/v1/cases/{cid}/contacts", {**contact, "means": "letter"}, 422).json()["field"] == "means"
    call(off, "POST", f"/api/v1/cases/{cid}/contacts", contact, 201)
    assert len(call(ro, "GET", f"/api/v1/cases/{cid}/contacts", None, 200).json()["contacts"]) == 1
    call(tr, "GET", f"/api/v1/cases/{cid}/contacts", None, 403)
    due = call(ro, "GET", "/api/v1/contacts/due?today=2024-08-20&days=14", None, 200).json()["due"]
    assert [(d["case_number"], d["months"], d["state"]) for d in due] == [("R6-生安-0300", 3, "overdue")]
    call(tr, "GET", "/api/v1/contacts/due", None, 403)
    order = call(off, "GET", f"/api/v1/cases/{cid}/tasks", None, 200).json()["orders"][0]
    call(ro, "POST", f"/api/v1/cases/{cid}/orders/{order['id']}/extension", {"extended_on": "2025-04-01"}, 403)
    ext = call(off, "POST", f"/api/v1/cases/{cid}/orders/{order['id']}/extension", {"extended_on": "2025-04-01"}, 201)
    assert ext.json()["order"]["last_day"] == "2026-05-14"
    for who in (off, ro, tr):
        call(who, "GET", "/api/v1/audit", None, 403)
        call(who, "DELETE", f"/api/v1/cases/{cid}", None, 403)
    call(sup, "DELETE", f"/api/v1/cases/{cid}?reason=被害者の申出", None, 200)
    call(off, "GET", f"/api/v1/cases/{cid}", None, 404)
    # the same key works for the analysis API, with or without a role
    call(nr, "GET", "/api/v1/statutes/2条1項1号?at=2024-05-01", None, 200)

    entries = call(sup, "GET", "/api/v1/audit", None, 200).json()["entries"]
    logged = {e["request_id"] for e in entries}
    case_calls = call.ids[:-2]     # all but the statute lookup and the audit read itself
    assert [i for i in case_calls if i not in logged] == []
    mine = [e for e in entries if e["case_id"] == cid]
    assert {(e["action"], e["outcome"]) for e in mine} >= {
        ("case.create", "ok"), ("narrative.add", "denied"), ("narrative.add", "ok"), ("case.reanalyse", "ok"),
        ("contact.add", "ok"), ("order.extend", "ok"), ("case.delete", "denied"), ("case.delete", "ok"),
        ("case.read", "not_found")}
    assert all(e["client"] == "127.0.0.1" and e["channel"] == "api" for e in entries)
    assert {e["actor"] for e in mine if e["action"] == "narrative.add" and e["outcome"] == "ok"} == {
        "key:" + _digest(off)[:12], "key:端末A"}
    if served["url"].startswith("sqlite"):
        data = b"".join(p.read_bytes() for p in served["tmp"].iterdir() if p.name.startswith("records.sqlite3"))
        assert data and "待ち伏せした".encode() not in data and "やり直したい".encode() not in data
        assert "ただでは済まさない".encode() not in data and "変更なし".encode() not in data
