"""POST /api/v1/analyze and /api/v1/analyze/batch over HTTP: results and every kind of bad input."""
from __future__ import annotations

import json

import pytest

from api_support import SAMPLE, spans_exact

PROBLEM = "application/problem+json"


def problem(r, status: int, code: str, field: str | None):
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    p = r.json()
    assert p["status"] == status and p["type"].startswith("urn:legalcheck:problem:")
    assert p["code"] == code and p["field"] == field, p
    assert p["detail"] and p["detail_en"] and p["request_id"] == r.headers["x-request-id"]
    return p


def test_analyze_returns_the_contract_analysis(client):
    r = client.post("/api/v1/analyze", json={"narrative": SAMPLE, "id": "R6-0001",
                                              "prior_measures": [{"kind": "prohibition_order", "date": "2024-03-15"}]})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    a = r.json()
    assert a["schema_version"] == "1" and a["id"] == "R6-0001"
    assert set(a) >= {"law", "acts", "elements", "offenses", "related", "precedents", "questions", "warnings"}
    assert a["offenses"]["art18"]["status"] == "satisfied"
    assert a["offenses"]["art19"]["status"] == "satisfied"
    assert "satisfied" in {x["status"] for x in a["acts"] if x["key"] == "2-1-1:mihari"}
    spans_exact(SAMPLE, a)


def test_same_answer_as_the_library(client):
    from legalcheck import analyze

    got = client.post("/api/v1/analyze", json={"narrative": SAMPLE, "incident_date": "2024-05-01"}).json()
    assert got == analyze(SAMPLE, incident_date="2024-05-01").to_dict()


@pytest.mark.parametrize("body, code, field", [
    ({"narrative": ""}, "empty", "narrative"),
    ({"narrative": "  \n\u3000 "}, "empty", "narrative"),
    ({"narrative": "甲は待ち伏せした\x00\x01\x02"}, "binary", "narrative"),
    ({"narrative": "The suspect waited outside her house every night and sent 50 messages."}, "not_japanese", "narrative"),
    ({"narrative": "嫌疑人每天晚上在她家门口等候，并发送了五十条信息。"}, "not_japanese", "narrative"),
    ({"narrative": "甲は令和６年２月３０日にＡ子の自宅前で待ち伏せした。"}, "impossible_date", "narrative"),
    ({"narrative": "甲は令和0年4月1日にＡ子の自宅前で待ち伏せした。"}, "impossible_date", "narrative"),
    ({"narrative": "甲は平成32年4月1日にＡ子の自宅前で待ち伏せした。"}, "impossible_date", "narrative"),
    ({"narrative": "甲が待ち伏せした。", "incident_date": "2024-02-30"}, "impossible_date", "incident_date"),
    ({"narrative": "甲が待ち伏せした。", "incident_date": "令和6年5月1日"}, "string_pattern_mismatch", "incident_date"),
    ({"narrative": "甲が待ち伏せした。", "prior_measures": [{"kind": "arrest", "date": "2024-01-01"}]},
     "literal_error", "prior_measures[0].kind"),
    ({"narrative": "甲が待ち伏せした。", "prior_measures": [{"kind": "warning"}]}, "missing", "prior_measures[0].date"),
    ({"narrative": 12345}, "string_type", "narrative"),
    ({}, "missing", "narrative"),
    ({"narrative": "甲が待ち伏せした。", "incidentDate": "2024-05-01"}, "extra_forbidden", "incidentDate"),
    ({"narrative": "甲が待ち伏せした。" * 700}, "too_long", "narrative"),
])
def test_invalid_fields_are_422_problems(client, body, code, field):
    p = problem(client.post("/api/v1/analyze", json=body), 422, code, field)
    assert p["errors"][0]["field"] == field
    # the narrative is never echoed back
    if isinstance(body.get("narrative"), str) and len(body["narrative"]) > 12:
        assert body["narrative"][:12] not in json.dumps(p, ensure_ascii=False)


def test_problem_text_is_japanese_and_english(client):
    p = problem(client.post("/api/v1/analyze", json={"narrative": ""}), 422, "empty", "narrative")
    assert "空" in p["detail"] and "empty" in p["detail_en"]


def test_malformed_json_and_wrong_media(client):
    r = client.post("/api/v1/analyze", content='{"narrative": "甲'.encode(), headers={"content-type": "application/json"})
    problem(r, 422, "json_invalid", None)
    r = client.post("/api/v1/analyze", content="甲が待ち伏せした。".encode(), headers={"content-type": "text/plain"})
    assert r.status_code == 422 and r.headers["content-type"].startswith(PROBLEM)
    r = client.post("/api/v1/analyze", content=b"\xff\xfe\x00\x00garbage", headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.headers["content-type"].startswith(PROBLEM)


def test_lone_surrogate_is_refused_not_crashed(client):
    r = client.post("/api/v1/analyze", content=b'{"narrative": "\\ud800\xe7\x94\xb2\xe3\x81\x8c\xe5\xbe\x85\xe3\x81\xa1\xe4\xbc\x8f\xe3\x81\x9b"}',
                    headers={"content-type": "application/json"})
    problem(r, 422, "invalid_characters", "narrative")


def test_method_and_path_errors_are_problems(client):
    r = client.get("/api/v1/analyze")
    assert r.status_code == 405 and r.headers["content-type"].startswith(PROBLEM)
    r = client.get("/api/v1/no-such-thing")
    assert r.status_code == 404 and r.json()["type"].endswith("not-found")


def test_batch_in_order_one_result_or_error_each(client):
    reqs = [{"id": "a", "narrative": SAMPLE},
            {"id": "b", "narrative": ""},
            {"id": "c", "narrative": "甲は令和6年5月1日にＡ子の勤務先の前で待ち伏せした。", "incident_date": "2024-05-01"},
            {"id": "d", "narrative": "甲が待ち伏せした。", "prior_measures": [{"kind": "nope", "date": "2024-01-01"}]}]
    r = client.post("/api/v1/analyze/batch", json={"requests": reqs})
    assert r.status_code == 200, r.text
    res = r.json()["results"]
    assert [x["index"] for x in res] == [0, 1, 2, 3] and [x["id"] for x in res] == ["a", "b", "c", "d"]
    assert "analysis" in res[0] and "error" not in res[0]
    spans_exact(SAMPLE, res[0]["analysis"])
    assert res[1]["error"]["code"] == "empty" and res[1]["error"]["field"] == "requests[1].narrative"
    assert res[2]["analysis"]["acts"][0]["key"] == "2-1-1:machibuse"
    assert res[3]["error"]["field"] == "requests[3].prior_measures[0].kind"
    assert res[3]["error"]["status"] == 422


def test_batch_limits(client):
    r = client.post("/api/v1/analyze/batch", json={"requests": [{"narrative": "甲が待ち伏せした。"}] * 6})
    problem(r, 422, "too_many", "requests")
    problem(client.post("/api/v1/analyze/batch", json={"requests": []}), 422, "too_short", "requests")
    problem(client.post("/api/v1/analyze/batch", json={"requests": ["甲が待ち伏せした。"]}), 422, "item_type", "requests")


def test_concurrent_clients_get_the_sequential_answers(server):
    """8 clients at once on one worker: each answer equals the one the same request gets alone."""
    from concurrent.futures import ThreadPoolExecutor

    import httpx
    import yaml

    from api_support import ROOT

    texts = [c["narrative"] for c in yaml.safe_load((ROOT / "tests" / "cases" / "own.yaml").read_text(encoding="utf-8"))][:16]
    with server.client() as c:
        alone = [c.post("/api/v1/analyze", json={"narrative": t}).json() for t in texts]

    def post(t):
        with httpx.Client(base_url=server.url, timeout=120) as c:
            return c.post("/api/v1/analyze", json={"narrative": t}).json()

    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(post, texts))
    assert together == alone
