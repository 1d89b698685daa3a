"""The case pages over HTTP on a real server: login required (and audited), roles, escaping,
CSRF, no-store; the analysis, statute and training pages stay open without a login."""
from __future__ import annotations

import re

import pytest

from records_support import KEY
from narratives import FIRST, ORDER
from pages_support import audit, csrf, login, start


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    server, url = start(tmp_path_factory.mktemp("pages"), KEY)
    yield server, url
    server.stop()


def _audit(url):
    return audit(url, KEY)


def test_open_pages_need_no_login_and_case_pages_always_do(site):
    server, url = site
    with server.client(follow_redirects=False) as c:
        for path in ("/", "/statutes", "/precedents", "/training"):
            assert c.get(path).status_code == 200, path
        for path in ("/cases", "/cases/1", "/contacts/due", "/cases/1/analyses/1"):
            r = c.get(path)
            assert r.status_code == 303 and r.headers["location"].startswith("/login?next=/"), path
        bad = login(c, "officer", "wrong-password-123")
        assert bad.status_code == 401 and "ユーザー名またはパスワードが違います" in bad.text
    outcomes = [(e["action"], e["outcome"]) for e in _audit(url)]
    assert outcomes.count(("page.access", "unauthorized")) == 4 and ("login", "failed") in outcomes
    assert not any("wrong-password" in (e["detail"] or "") for e in _audit(url))


def test_an_officer_works_a_case_and_each_role_sees_what_it_should(site):
    server, url = site
    seen: list[str] = []     # the request ids of the case-page requests: each must be in the audit log
    with server.client(follow_redirects=False,
                       event_hooks={"response": [lambda r: seen.append(r.headers["x-request-id"])
                                                 if r.request.url.path.startswith(("/cases", "/contacts", "/logout"))
                                                 else None]}) as c:
        assert login(c, "officer").status_code == 303
        page = c.get("/cases")
        assert page.headers["cache-control"] == "no-store" and "事件を登録する" in page.text
        r = c.post("/cases", data={"csrf_token": csrf(page.text), "number": "R6-生安-0400",
                                   "title": "<script>alert(1)</script>待ち伏せ", "party_label_victim": "Ａ子"})
        assert r.status_code == 303
        case_url = r.headers["location"]
        page = c.get(case_url)
        assert "<script>alert(1)" not in page.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
        hostile = FIRST + "・甲は「<img src=x onerror=alert(2)>」と書いた紙を置いた。\n"
        r = c.post(case_url + "/narratives", data={"csrf_token": csrf(page.text), "narrative": hostile,
                                                   "measure_kind": [ORDER["kind"], "", ""],
                                                   "measure_date": [ORDER["date"], "", ""]})
        assert r.status_code == 303, r.text[:500]
        page = c.get(case_url)
        assert "<img src=x" not in page.text and "&lt;img src=x onerror=alert(2)&gt;" in page.text
        assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in page.text
        assert page.text.count('class="task-') == 5
        assert c.post(case_url + "/reanalyse", data={}).status_code == 403          # no CSRF token
        seen.pop()                                                                  # refused before any access
        assert c.post(case_url + "/reanalyse", data={"csrf_token": csrf(page.text)}).status_code == 200
        assert c.post("/logout", data={"csrf_token": csrf(page.text)}).status_code == 303
        assert c.get(case_url).status_code == 303                                    # the session is gone
    with server.client(follow_redirects=False) as c:
        login(c, "readonly")
        page = c.get(case_url)
        assert page.status_code == 200 and "記述を追加する" not in page.text and "連絡を記録する" not in page.text
        r = c.post(case_url + "/narratives", data={"csrf_token": csrf(page.text), "narrative": FIRST})
        assert r.status_code == 403
        assert c.get("/contacts/due").status_code == 200
    with server.client(follow_redirects=False) as c:
        login(c, "trainer")
        assert c.get("/cases").status_code == 403 and c.get(case_url).status_code == 403
        assert c.get("/training").status_code == 200
    with server.client(follow_redirects=False) as c:
        login(c, "supervisor")
        page = c.get(case_url)
        assert "申出による削除" in page.text
        assert c.post(case_url + "/delete", data={"csrf_token": csrf(page.text), "confirm": "yes"}).status_code == 303
        assert c.get(case_url).status_code == 404
    logged = {e["request_id"] for e in _audit(url)}
    assert len(seen) == 8 and [i for i in seen if i not in logged] == []
    cid = int(re.search(r"/cases/(\d+)", case_url).group(1))
    mine = [(e["actor"], e["action"], e["outcome"]) for e in _audit(url) if e["case_id"] == cid]
    assert ("tanaka", "case.create", "ok") in mine and ("tanaka", "narrative.add", "ok") in mine
    assert ("sato", "narrative.add", "denied") in mine and ("kato", "case.read", "denied") in mine
    assert ("suzuki", "case.delete", "ok") in mine and ("suzuki", "case.read", "not_found") in mine
    assert all(e["channel"] == "page" for e in _audit(url) if e["case_id"] == cid)
