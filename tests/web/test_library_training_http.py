"""The law library and the training pages through HTTP; the scenario files as data."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from legalcheck.law.data import ACT_KEYS, CATEGORIES
from legalcheck.server.app import create_app
from legalcheck.server.settings import Settings
from legalcheck.web import scenarios, search, training


@pytest.fixture()
def client(tmp_path):
    return TestClient(create_app(Settings(training_db=str(tmp_path / "t.sqlite3"), secret_key="k")))


def token(client, path):
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text).group(1)


def test_provision_as_it_read_on_a_date(client):
    before = client.get("/statutes", params={"ref": "2条1項1号", "at": "2016-12-31"}).text
    after = client.get("/statutes", params={"ref": "2条1項1号", "at": "2017-01-03"}).text
    assert "みだりにうろつく" not in before and "みだりにうろつく" in after
    gps = client.get("/statutes", params={"ref": "2条3項1号", "at": "2020-03-01"}).text
    assert "2021-08-26施行" in gps and "新設" in gps                 # did not exist yet, and when it came
    bad = client.get("/statutes", params={"ref": "九十九条の二", "at": "2020-03-01"})
    assert bad.status_code == 200 and "解釈できません" in bad.text


def test_history_marks_the_words_changed(client):
    html = client.get("/statutes/history", params={"ref": "2条1項1号"}).text
    assert "<ins>現に所在する場所若しくは</ins>" in html            # 2021-06-15
    assert re.search(r"<ins>[^<]*うろつく", html)                   # 2017-01-03
    assert "<del>" in html


@pytest.mark.parametrize("query, expected", [("押しかけ", "npa-tsutatsu-mihari-oshikake"),
                                             ("ＧＰＳ 見張り", "sc-2020-07-30-1528"),
                                             ("反復", "sc-2005-11-25")])
def test_japanese_search_uses_sudachi_normal_forms(client, query, expected):
    html = client.get("/precedents", params={"q": query}).text
    assert f'href="/precedents/{expected}"' in html


def test_search_folds_spelling_variants():
    assert search.query_terms("押しかけ") == search.query_terms("押し掛け") == ["押し掛ける"]
    assert search.query_terms("待ちぶせ") == ["待ち伏せ"]


def test_filter_by_element(client):
    html = client.get("/precedents", params={"element": "repetition"}).text
    assert "sc-2005-11-25" in html and "sc-2020-07-30-1528" not in html


def test_precedent_page_shows_elements_and_the_later_law(client):
    html = client.get("/precedents/sc-2020-07-30-1528").text
    assert "見張りの場所的要件" in html and "2021-08-26" in html and "その後、法はどう答えたか" in html
    assert client.get("/precedents/no-such-case").status_code == 404


def test_scenarios_cover_every_category_and_trap():
    found = scenarios.scenarios()
    assert len(found) >= 20
    keys = {c for s in found.values() for c in s.categories}
    assert {c.split(":")[0] for c in keys} >= set(CATEGORIES)
    assert keys >= {k for k in ACT_KEYS if ":" in k}        # every kind of 2-1-1 too
    assert {t for s in found.values() for t in s.traps} == set(scenarios.TRAPS)
    for s in found.values():
        assert s.grounded_in and all(src.startswith("http") for src in s.sources)


@pytest.mark.parametrize("sid", sorted(scenarios.scenarios()))
def test_the_analysis_still_teaches_what_each_scenario_was_written_for(sid):
    s = scenarios.scenario(sid)
    a = training.answer_key(sid)
    got = {**training.truth(a), **{k: o["status"] for k, o in a["offenses"].items()}}
    assert {k: got[k] for k in s.expect} == s.expect


def test_a_whole_training_round_and_the_trainers_view(client):
    page = "/training"
    r = client.post("/training/session", data={"csrf_token": token(client, page), "group": "kenshu-01", "name": "新任A"},
                    follow_redirects=True)
    assert "新任A" in r.text and "0 / 0" in r.text
    marks = {"purpose": "satisfied", "target": "satisfied", "repetition": "satisfied",
             "anxiety_method": "satisfied", "mihari_place": "satisfied", "2-1-1:mihari": "satisfied"}
    r = client.post("/training/02-gps-remote-2016", data={"csrf_token": token(client, "/training/02-gps-remote-2016"), **marks})
    assert r.status_code == 200
    # 見張り marked ✓ but the remote search is not 見張り: explained in the scenario's and the analysis's words
    assert "見張り" in r.text and "あなた: ✓ 該当" in r.text and "最高裁判決はこれを見張りに当たらない" in r.text
    score = re.search(r'id="scenario-score">(\d+) / (\d+)<', r.text)
    assert int(score.group(1)) < int(score.group(2))
    group = client.get("/training/group/kenshu-01").text
    assert "新任A" in group and "別居中の妻の車のGPS" in group and "×" in group


def test_training_needs_every_element_marked(client):
    r = client.post("/training/07-single-ambush", data={"csrf_token": token(client, "/training/07-single-ambush"),
                                                         "purpose": "satisfied"})
    assert r.status_code == 422 and "「反復」を選んでください" in r.text
