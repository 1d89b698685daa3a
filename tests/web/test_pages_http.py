"""The pages through their HTTP interface (no browser): forms, errors, CSRF, caching, escaping, logs."""
from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from legalcheck.server.app import create_app
from legalcheck.server.settings import Settings

SAMPLE = (Path(__file__).resolve().parents[2] / "examples" / "sample.txt").read_text(encoding="utf-8")


@pytest.fixture()
def client(tmp_path):
    app = create_app(Settings(max_narrative_chars=2000, training_db=str(tmp_path / "t.sqlite3"), secret_key="k"))
    return TestClient(app)


def token(client, path="/"):
    page = client.get(path)
    return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


def post(client, narrative, path="/analyze", **extra):
    data = {"csrf_token": token(client), "narrative": narrative, "incident_date": "",
            "measure_kind": ["", "", ""], "measure_date": ["", "", ""], **extra}
    return client.post(path, data=data)


def test_result_shows_statuses_spans_and_penalties(client):
    r = post(client, SAMPLE)
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
    html = r.text
    # the 見張り span is highlighted at its exact text, tagged with its act
    assert re.search(r'<mark class="ev c1" data-refs="[^"]*act-4[^"]*">Ａ子の部屋の様子を見張っていた</mark>', html)
    assert '<span class="st st-ok"><span class="st-mark" aria-hidden="true">✓</span> 充足</span>' in html
    assert "1年以下の懲役又は100万円以下の罰金" in html           # 18条 as it read in 2024
    import html as html_lib

    import legalcheck

    a = legalcheck.analyze(SAMPLE).to_dict()
    shown = html_lib.unescape(html)
    assert a["offenses"]["art18"]["penalty_at_judgment"]["reasoning"] in shown   # why the judgment applies the old form
    assert "確認すべき事項" in shown and all(q in shown for q in a["questions"])   # what to confirm
    defeaters = [d for e in a["elements"].values() if e["status"] == "satisfied" for d in e.get("defeaters", [])]
    assert defeaters and all(d in shown for d in defeaters)                     # what would defeat each element
    assert "023c" in html or re.search(r'class="hash">[0-9a-f]{64}<', html)  # the data hash
    assert "ストーカー規制法2条3項2号" in html and "2021-08-26" in html        # provision versions applied


def test_htmx_request_gets_the_fragment_only(client):
    r = client.post("/analyze", data={"csrf_token": token(client), "narrative": SAMPLE}, headers={"HX-Request": "true"})
    assert r.status_code == 200 and not r.text.lstrip().startswith("<!doctype")
    assert 'id="result-heading"' in r.text


@pytest.mark.parametrize("text, message", [
    ("   \n  ", "事案の記述を入力してください"),
    ("He followed her home three times and sent many emails.", "日本語の記述ではないようです"),
    ("あ" * 2001, "記述が長すぎます（2,001文字）。2,000文字以内"),
])
def test_bad_narratives_get_a_clear_message_and_keep_the_text(client, text, message):
    r = post(client, text)
    assert r.status_code == 422 and message in r.text
    kept = re.search(r'<textarea[^>]*>(.*?)</textarea>', r.text, re.S).group(1)
    assert kept == text


def test_bad_dates_are_explained(client):
    r = post(client, SAMPLE, incident_date="2024-02-30")
    assert r.status_code == 422 and "存在する日付" in r.text
    r = post(client, SAMPLE, measure_kind=["", "", ""], measure_date=["2024-01-01", "", ""])
    assert r.status_code == 422 and "措置の種類" in r.text


def test_forms_without_a_valid_csrf_token_are_refused(client):
    client.get("/")
    for path in ("/analyze", "/analyze.json", "/compare", "/training/01-line-after-refusal"):
        r = client.post(path, data={"csrf_token": "forged", "narrative": SAMPLE})
        assert r.status_code == 403 and "不正な送信" in r.text
    other = TestClient(client.app)          # a token from another browser does not fit this cookie
    r = client.post("/analyze", data={"csrf_token": token(other), "narrative": SAMPLE})
    assert r.status_code == 403


def test_narrative_is_escaped_and_never_logged(client, caplog):
    secret = "相談者Ａ子は、甲が<script>alert(1)</script>自宅前で待ち伏せしたと話した。「会いたい」と言われた。"
    with caplog.at_level(logging.DEBUG):
        r = post(client, secret)
    assert r.status_code == 200
    assert "<script>alert(1)</script>" not in r.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert "待ち伏せ" not in caplog.text and "alert" not in caplog.text


def test_no_inline_script_or_style_in_any_page(client):
    pages = [client.get(p).text for p in ("/", "/statutes", "/statutes/history?ref=2条1項1号", "/precedents",
                                          "/precedents/sc-2020-07-30-1528", "/training", "/training/02-gps-remote-2016")]
    pages.append(post(client, SAMPLE).text)
    for html in pages:
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script"
        assert "<style" not in html and " style=" not in html
        assert not re.search(r"\son[a-z]+=", html), "inline event handler"


def test_json_download(client):
    r = post(client, SAMPLE, path="/analyze.json")
    assert r.status_code == 200 and r.headers["content-disposition"].startswith("attachment")
    assert r.headers["cache-control"] == "no-store"
    body = r.json()
    assert body["offenses"]["art18"]["status"] == "satisfied"
    assert body["acts"][0]["evidence"][0]["text"] == SAMPLE[body["acts"][0]["evidence"][0]["start"]:body["acts"][0]["evidence"][0]["end"]]


def test_crlf_from_the_browser_keeps_offsets(client):
    r = post(client, SAMPLE.replace("\n", "\r\n"), path="/analyze.json")
    ev = r.json()["acts"][3]["evidence"][0]
    assert SAMPLE[ev["start"]:ev["end"]] == ev["text"]


def test_date_comparison_moves_the_years_and_shows_changes(client):
    r = client.post("/compare", data={"csrf_token": token(client), "narrative": SAMPLE}, headers={"HX-Request": "true"})
    html = r.text
    assert r.status_code == 200 and "同じ年数だけずらしました" in html
    for label in ("2013年改正前", "2013年改正後", "2017年改正後", "2021年改正後", "2025年改正後",
                  "平成25年法律第73号・2013-07-23より前", "令和3年法律第45号・2021-08-26以降"):
        assert label in html
    assert "行為 2013-03-01〜2013-04-30（-11年）" in html
    assert "6月以下の懲役又は50万円以下の罰金" in html      # 13条 before 2017
    assert "1年以下の拘禁刑又は100万円以下の罰金" in html  # 18条 for acts after 2025-06-01
    assert "2条3項3号" in html                             # attachment moved to 3号 on 2025-12-30
    assert html.count('class="changed"') >= 6


def test_security_of_the_training_session_cookie(client):
    r = client.post("/training/session", data={"csrf_token": token(client, "/training"), "group": "<b>x", "name": "a"})
    assert r.status_code == 422 and "研修コード" in r.text


def test_vendored_htmx_is_the_recorded_file():
    import hashlib

    web = Path(__file__).resolve().parents[2] / "web"
    readme = (web / "README.md").read_text(encoding="utf-8")
    name, version, sha = re.search(r"`static/(htmx-(2\.\d+\.\d+)\.min\.js)` \| htmx \2 .*? \| `([0-9a-f]{64})`", readme).groups()
    assert hashlib.sha256((web / "static" / name).read_bytes()).hexdigest() == sha
    assert f'src="/static/{name}"' in (web / "templates" / "base.html").read_text(encoding="utf-8")
    assert version.startswith("2.")          # htmx 4 changed the error-swap defaults


def test_shift_moves_written_years_only():
    from legalcheck.web.datecompare import shift_text

    text = "令和６年４月１日から同月２０日まで。５月１０日、2024/5/3、R6.6.1、平成30年度、２０２３年１２月。"
    moved, n, left = shift_text(text, -3, None)
    assert moved == "2021年４月１日から同月２０日まで。５月１０日、2021/5/3、2021.6.1、2015年度、2020年１２月。"
    assert (n, left) == (5, 0)
    assert shift_text("平成12年法律第81号による", -3, None)[0] == "平成12年法律第81号による"   # a law number is no date


def test_comparison_points_come_from_the_law_data():
    from legalcheck.law.data import law_data
    from legalcheck.web.datecompare import points

    found = points()
    laws = {v.law for (lid, _), r in law_data().provisions.items() if lid == "stalker-act" for v in r.versions}
    assert [p.after for p in found] == [False] + [True] * (len(found) - 1)
    assert found[0].law == found[1].law and all(p.law in laws | {v["law"] for o in law_data().penalties.values()
                                                                     for v in o["versions"]} for p in found)
    assert [p.label for p in found][:4] == ["2013年改正前", "2013年改正後", "2017年改正後", "2021年改正後"]
    assert "2025年改正後" in [p.label for p in found]
    assert all(p.dates == tuple(sorted(p.dates)) for p in found)


def test_the_analysers_execution_receipt_is_shown_when_present():
    from legalcheck.web import pages, view

    import legalcheck

    a = legalcheck.analyze(SAMPLE).to_dict()
    a["law"]["applied"] = [{"id": "seiri-441", "kind": "transitional", "title": "拘禁刑導入の経過措置",
                            "version": "2025-06-01", "verification": "verified", "law": "令和4年法律第68号"}]
    html = pages.env().get_template("_result.html").render(result=view.build(a, SAMPLE))
    assert "実行記録" in html and "経過措置" in html and "seiri-441" in html and "拘禁刑導入の経過措置" in html
    a["law"].pop("applied")
    a["law"].pop("receipt", None)
    assert "実行記録" not in pages.env().get_template("_result.html").render(result=view.build(a, SAMPLE))
