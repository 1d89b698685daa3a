"""What every case page shares, over HTTP on a real server: a stranger is sent to the login (and
audited) on each route, a form without a valid CSRF token is refused on each route before any
record is touched, a malformed or unknown id is an HTML 404 in Japanese (the API keeps
problem+json), and the audit log's client address honours LEGALCHECK_TRUSTED_PROXIES only."""
from __future__ import annotations

import re

import pytest

from records_support import KEY
from legalcheck.web.pages import CSRF_MESSAGE
from pages_support import audit, csrf, login, start

GET_ROUTES = ["/cases", "/cases/{cid}", "/cases/{cid}/analyses/1", "/contacts/due"]
# each POST with a body that would be accepted with a valid token (the case would change or go)
POST_ROUTES = [("/cases", {"number": "R6-生安-0999", "title": "偽の登録"}),
               ("/cases/{cid}/narratives", {"narrative": "甲はＡ子の自宅前で待ち伏せした。"}),
               ("/cases/{cid}/reanalyse", {}),
               ("/cases/{cid}/contacts", {"contacted_on": "2024-06-01", "means": "phone", "reached": "yes"}),
               ("/cases/{cid}/orders/1/extension", {"extended_on": "2024-06-01"}),
               ("/cases/{cid}/status", {"status": "closed"}),
               ("/cases/{cid}/delete", {"confirm": "yes", "reason": "偽の削除"})]


def _by_request(url, response) -> list[dict]:
    rid = response.headers["x-request-id"]
    return [e for e in audit(url, KEY) if e["request_id"] == rid]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    server, url = start(tmp_path_factory.mktemp("routes"), KEY)
    with server.client(follow_redirects=False) as c:
        login(c, "supervisor")
        page = c.get("/cases")
        r = c.post("/cases", data={"csrf_token": csrf(page.text), "number": "R6-生安-0500", "title": "つきまとい"})
        assert r.status_code == 303, r.text[:300]
        cid = int(re.search(r"/cases/(\d+)$", r.headers["location"]).group(1))
    yield server, url, cid
    server.stop()


@pytest.mark.parametrize("method,path", [("GET", p) for p in GET_ROUTES] + [("POST", p) for p, _ in POST_ROUTES])
def test_a_stranger_is_sent_to_the_login_on_every_case_route(site, method, path):
    server, url, cid = site
    path = path.format(cid=cid)
    with server.client(follow_redirects=False) as c:
        r = c.request(method, path, data={"csrf_token": "x"} if method == "POST" else None)
    assert r.status_code == 303
    assert r.headers["location"] == ("/login?next=" + path if method == "GET" else "/login?next=/cases")
    assert [(e["action"], e["outcome"], e["detail"]) for e in _by_request(url, r)] == [
        ("page.access", "unauthorized", f"{method} {path}")]


@pytest.mark.parametrize("token", [None, "forged-token"])
@pytest.mark.parametrize("path,form", POST_ROUTES)
def test_every_case_form_refuses_a_missing_or_forged_csrf_token(site, path, form, token):
    server, url, cid = site
    with server.client(follow_redirects=False) as c:
        assert login(c, "supervisor").status_code == 303
        data = dict(form, **({"csrf_token": token} if token else {}))
        r = c.post(path.format(cid=cid), data=data)
        assert r.status_code == 403 and r.headers["content-type"].startswith("text/html")
        assert CSRF_MESSAGE in r.text and '<html lang="ja">' in r.text
        assert _by_request(url, r) == []                      # refused before any record was read
        case = c.get(f"/cases/{cid}")
        assert case.status_code == 200 and "偽の" not in case.text and "R6-生安-0999" not in c.get("/cases").text


BAD_IDS = ["/cases/abc", "/cases/0", "/cases/-3", "/cases/99999999999999999999", "/cases/1.5",
           "/cases/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "/cases/{cid}/analyses/xyz"]
NO_RECORD = "その事件・記録はありません"


@pytest.mark.parametrize("path,message,outcome", [(p, NO_RECORD, "refused") for p in BAD_IDS] + [
    ("/cases/999999", "その事件はありません", "not_found"), ("/cases/{cid}/analyses/999999", "ありません", "not_found")])
def test_a_malformed_or_unknown_id_is_an_html_404_in_japanese(site, path, message, outcome):
    server, url, cid = site
    with server.client(follow_redirects=False) as c:
        login(c, "officer")
        r = c.get(path.format(cid=cid))
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert '<html lang="ja">' in r.text and message in r.text
    assert '<a href="/cases">事件一覧へ戻る</a>' in r.text
    assert r.headers["x-request-id"] in r.text
    assert "<img src=x" not in r.text and "alert(1)" not in r.text
    assert [(e["actor"], e["outcome"]) for e in _by_request(url, r)] == [("tanaka", outcome)]   # audited either way


@pytest.mark.parametrize("path", ["/cases/abc/status", "/cases/{cid}/orders/zz/extension", "/cases/0/delete"])
def test_a_form_posted_to_a_malformed_id_is_an_html_404(site, path):
    server, url, cid = site
    with server.client(follow_redirects=False) as c:
        login(c, "supervisor")
        token = csrf(c.get("/cases").text)
        r = c.post(path.format(cid=cid), data={"csrf_token": token, "status": "closed", "confirm": "yes",
                                                "extended_on": "2024-06-01"})
        assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
        assert NO_RECORD in r.text and '<a href="/cases">事件一覧へ戻る</a>' in r.text
        assert [e["action"] for e in _by_request(url, r)] == ["page.invalid"]


@pytest.mark.parametrize("path", ["/cases/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/cases/{cid}/nothing", "/contacts/later"])
def test_a_case_url_that_names_no_page_is_an_html_404(site, path):
    server, _, cid = site
    with server.client(follow_redirects=False) as c:
        r = c.get(path.format(cid=cid))
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "このURLのページはありません" in r.text and '<a href="/cases">事件一覧へ戻る</a>' in r.text
    assert r.headers["x-request-id"] in r.text and "<script>alert" not in r.text and "alert(1)" not in r.text


def test_a_stranger_asking_for_a_malformed_id_is_sent_to_the_login_first(site):
    server, url, _ = site
    with server.client(follow_redirects=False) as c:
        r = c.get("/cases/abc")
    assert r.status_code == 303 and r.headers["location"] == "/login?next=/cases/abc"


def test_the_api_keeps_problem_json_for_a_malformed_id(site):
    server, _, _ = site
    with server.client(follow_redirects=False) as c:
        r = c.get("/api/v1/cases/abc")
    assert 400 <= r.status_code < 500 and r.headers["content-type"].startswith("application/problem+json")


# ---------------------------------------------------------------- the client address

def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(site):
    server, url, _ = site
    with server.client(follow_redirects=False) as c:
        r = c.get("/cases", headers={"X-Forwarded-For": "203.0.113.7"})
    assert [e["client"] for e in _by_request(url, r)] == ["127.0.0.1"]


@pytest.fixture(scope="module")
def proxied(tmp_path_factory):
    server, url = start(tmp_path_factory.mktemp("proxied"), KEY, env={"LEGALCHECK_TRUSTED_PROXIES": "127.0.0.1,10.0.0.0/8"})
    yield server, url
    server.stop()


@pytest.mark.parametrize("forwarded,client", [
    ("203.0.113.7", "203.0.113.7"),
    ("198.51.100.9, 203.0.113.7", "203.0.113.7"),           # the rightmost one: the client as our proxy saw it
    ("203.0.113.7, 10.1.2.3", "203.0.113.7"),               # a trusted proxy on the way is skipped
    (None, "127.0.0.1"),                                    # no header: the proxy itself
])
def test_behind_a_trusted_proxy_the_audit_log_has_the_client(proxied, forwarded, client):
    server, url = proxied
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    with server.client(follow_redirects=False, headers=headers) as c:
        r = c.get("/cases")
        assert [e["client"] for e in _by_request(url, r)] == [client]
        ok = login(c, "officer")
        assert [(e["action"], e["client"]) for e in _by_request(url, ok)] == [("login", client)]
        assert c.get("/cases").status_code == 200                    # the session holds from that address


def test_the_trusted_proxies_setting_takes_addresses_and_networks_only(monkeypatch):
    from pydantic import ValidationError

    from legalcheck.server.settings import Settings

    assert Settings().trusted_proxies == []
    monkeypatch.setenv("LEGALCHECK_TRUSTED_PROXIES", " 127.0.0.1, 10.0.0.0/8 ,::1,192.168.1.7/24")
    assert Settings().trusted_proxies == ["127.0.0.1", "10.0.0.0/8", "::1", "192.168.1.0/24"]
    for bad in ("*", "proxy.example", "10.0.0.300"):
        monkeypatch.setenv("LEGALCHECK_TRUSTED_PROXIES", bad)
        with pytest.raises(ValidationError, match="LEGALCHECK_TRUSTED_PROXIES"):
            Settings()
