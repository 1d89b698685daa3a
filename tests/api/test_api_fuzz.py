"""hypothesis: arbitrary strings, Japanese-like text and arbitrary JSON to the API (and the text to the
analyser itself): never a 5xx, never a crash, and every evidence span exact."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api_support import SAMPLE, spans_exact

# the characters intake narratives are made of, and the ones that break naive readers
_PIECES = sorted(set(SAMPLE) | set("ぁあいうえおかがきくけこさしすせそただちつてとなにぬねのはばひふへほまみむめもやゆよらりるれろわをん"
                                    "アイウエオカキクケコＧＰＳＬＩＮＥ〇○甲乙丙ＡＢ令和平成年月日回頃・、。「」（）()\n\u3000 "
                                    "０１２３４５６７８９0123456789\u200b\u00ad\ufeff\u202e\x07\t\ud7ff"))
_WORDS = ["待ち伏せ", "見張り", "つきまとい", "押し掛け", "ＧＰＳ", "発信機", "メッセージ", "送信した", "電話", "自宅",
          "勤務先", "元交際相手", "被疑者甲", "Ａ子", "令和６年４月１日", "同月下旬", "約５０回", "怖い", "しなかった",
          "と話している", "警告", "禁止命令", "平成２９年", "令和9年1月1日", "明日", "翌日"]
japanese_like = st.lists(st.one_of(st.sampled_from(_PIECES), st.sampled_from(_WORDS)), min_size=0, max_size=120).map("".join)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)


def _check(r, narrative):
    assert r.status_code < 500, (r.status_code, r.text[:500])
    assert r.status_code in (200, 413, 422), r.text[:300]
    if r.status_code == 200:
        spans_exact(narrative, r.json())
    else:
        p = r.json()
        assert r.headers["content-type"].startswith("application/problem+json") and p["detail"] and p["detail_en"]


@SETTINGS
@given(narrative=japanese_like, incident=st.one_of(st.none(), st.dates().map(str)))
def test_japanese_like_text(client, narrative, incident):
    body = {"narrative": narrative}
    if incident:
        body["incident_date"] = incident
    _check(client.post("/api/v1/analyze", json=body), narrative)


@SETTINGS
@given(narrative=st.text(max_size=300))
def test_arbitrary_strings(client, narrative):
    r = client.post("/api/v1/analyze", content=json.dumps({"narrative": narrative}), headers={"content-type": "application/json"})
    _check(r, narrative)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
                           max_leaves=20)
request_like = st.fixed_dictionaries({}, optional={"narrative": st.one_of(japanese_like, json_values),
                                                   "incident_date": st.one_of(json_values, st.dates().map(str)),
                                                   "prior_measures": st.one_of(json_values, st.lists(st.fixed_dictionaries(
                                                       {"kind": st.sampled_from(["warning", "prohibition_order", "emergency_prohibition_order", "x"]),
                                                        "date": st.one_of(st.dates().map(str), json_values)}), max_size=3)),
                                                   "id": json_values})


@SETTINGS
@given(body=st.one_of(json_values, request_like))
def test_arbitrary_json(client, body):
    r = client.post("/api/v1/analyze", json=body)
    narrative = body.get("narrative") if isinstance(body, dict) else None
    _check(r, narrative if isinstance(narrative, str) else "")
    r = client.post("/api/v1/analyze/batch", json={"requests": [body]} if isinstance(body, dict) else body)
    assert r.status_code < 500, r.text[:300]
    if r.status_code == 200 and "analysis" in r.json()["results"][0]:
        spans_exact(narrative, r.json()["results"][0]["analysis"])


@pytest.mark.xfail(raises=ValueError, strict=False,
                   reason="issue 12: an act dated after today (令和9年, 明日) raises ValueError in analyze(); "
                          "the API answers it with 422 unanalysable meanwhile")
@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(narrative=st.one_of(japanese_like, st.text(max_size=200)))
def test_analyser_spans_exact_or_input_error(narrative):
    """The library itself: a result with exact spans, or InputError; nothing else escapes."""
    from legalcheck.analysis import InputError, analyze
    from legalcheck.api.validation import NarrativeProblem, check_dates, check_text

    try:   # what the API refuses up front is not asked of the analyser here
        check_text(narrative)
        check_dates(narrative)
    except NarrativeProblem:
        return
    try:
        a = analyze(narrative, today=__import__("datetime").date(2026, 12, 1)).to_dict()
    except InputError:
        return
    spans_exact(narrative, a)
