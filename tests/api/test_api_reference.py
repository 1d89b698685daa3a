"""GET /api/v1/statutes/{ref}, /history and /api/v1/precedents over HTTP, checked against the law data."""
from __future__ import annotations

from datetime import date
from urllib.parse import quote

from legalcheck.law import caselaw, statutes


def test_statute_as_it_read_on_a_day(client):
    r = client.get(f"/api/v1/statutes/{quote('2条1項1号')}", params={"at": "2020-03-01"})
    assert r.status_code == 200, r.text
    got = r.json()
    want = statutes.provision("2条1項1号", date(2020, 3, 1))
    assert got["at"] == "2020-03-01" and len(got["provisions"]) == 1
    p = got["provisions"][0]
    assert p["version"] == want.version.isoformat() and p["text"] == want.text and p["law"] == want.amended_by
    assert "現に所在する場所" not in p["text"]   # that wording came in 2021
    later = client.get(f"/api/v1/statutes/{quote('第二条第一項第一号')}", params={"at": "2024-05-01"}).json()
    assert "現に所在する場所" in later["provisions"][0]["text"]


def test_category_key_and_a_day_before_the_item_existed(client):
    r = client.get("/api/v1/statutes/2-3-2", params={"at": "2024-05-01"}).json()
    assert r["provisions"] == [] and r["message"]
    r = client.get("/api/v1/statutes/2-1-1:mihari", params={"at": "2024-05-01"}).json()
    assert r["provisions"][0]["ref"].endswith("2条1項1号")


def test_history_lists_every_version(client):
    r = client.get(f"/api/v1/statutes/{quote('2条1項1号')}/history")
    assert r.status_code == 200
    versions = [p["version"] for p in r.json()["provisions"][0]]
    assert versions == [p.version.isoformat() for p in statutes.history("2条1項1号")] and len(versions) >= 3


def test_statute_errors(client):
    r = client.get("/api/v1/statutes/abc")
    assert r.status_code == 422 and r.json()["field"] == "ref"
    assert client.get(f"/api/v1/statutes/{quote('99条')}").status_code == 404
    assert client.get(f"/api/v1/statutes/{quote('99条')}/history").status_code == 404
    r = client.get(f"/api/v1/statutes/{quote('2条')}", params={"at": "2024-02-30"})
    assert r.status_code == 422 and r.json()["code"] == "impossible_date" and r.json()["field"] == "at"
    assert client.get(f"/api/v1/statutes/{quote('2条')}", params={"at": "yesterday"}).status_code == 422


def test_precedents_filtered_and_searched(client):
    r = client.get("/api/v1/precedents", params={"element": "mihari_place"}).json()
    ids = [p["id"] for p in r["precedents"]]
    assert ids == [p.id for p in caselaw.precedents(element="mihari_place")] and "sc-2020-07-30-1528" in ids
    r = client.get("/api/v1/precedents", params={"category": "2-1-1:mihari", "q": "ＧＰＳ"}).json()
    assert r["count"] >= 1 and all("GPS" in (p["holding"] + p["question"] + p["citation"]) for p in r["precedents"])
    assert client.get("/api/v1/precedents", params={"q": "該当しない語句ｘｙｚ"}).json() == {"count": 0, "precedents": []}
    assert client.get("/api/v1/precedents", params={"element": "nope"}).status_code == 422
    assert client.get("/api/v1/precedents", params={"category": "9-9-9"}).status_code == 422


def test_one_precedent(client):
    r = client.get("/api/v1/precedents/sc-2020-07-30-1528").json()
    assert r["citation"] == caselaw.precedent("sc-2020-07-30-1528").citation
    r = client.get("/api/v1/precedents/no-such-case")
    assert r.status_code == 404 and r.json()["field"] == "precedent_id"
