"""Page errors through HTTP (no browser): a page URL with a wrong parameter, an unknown page URL or
a wrong method is answered with an HTML page in Japanese (escaped, with the request id), never
with the API's problem+json and never 500; the API keeps problem+json."""
from __future__ import annotations

import pytest
from fastapi import APIRouter, Request
from fastapi.testclient import TestClient

from legalcheck.server.app import create_app
from legalcheck.server.settings import Settings
from legalcheck.web.pages import PageRoute, render

HOSTILE = "%3Cscript%3Ealert(1)%3C%2Fscript%3E"


@pytest.fixture()
def client(tmp_path):
    return TestClient(create_app(Settings(training_db=str(tmp_path / "t.sqlite3"), secret_key="k")))


def _html_page(r, status: int):
    assert r.status_code == status, r.text[:300]
    assert r.headers["content-type"].startswith("text/html") and '<html lang="ja">' in r.text
    assert r.headers["x-request-id"] in r.text                   # the operator can find the request
    assert "<script>alert" not in r.text and "alert(1)" not in r.text


@pytest.mark.parametrize("path", ["/no-such-page", f"/{HOSTILE}", f"/statutes/{HOSTILE}", "/training/group/a/b"])
def test_an_unknown_page_url_is_an_html_404(client, path):
    r = client.get(path)
    _html_page(r, 404)
    assert "このURLのページはありません" in r.text and '<a href="/">事案の分析へ戻る</a>' in r.text


def test_a_page_with_the_wrong_method_is_an_html_405_that_keeps_allow(client):
    r = client.get("/logout")
    _html_page(r, 405)
    assert "この方法では開けません" in r.text and r.headers["allow"] == "POST"


@pytest.mark.parametrize("path,status", [(f"/precedents/{HOSTILE[:-9]}", 404), (f"/training/{HOSTILE[:-9]}", 404),
                                         (f"/training/group/{HOSTILE[:-9]}", 404),
                                         (f"/statutes?ref={HOSTILE}&at=2020-13-45", 200),
                                         (f"/statutes/history?ref={HOSTILE}", 200),
                                         (f"/precedents?element={HOSTILE}&q={HOSTILE}", 200),
                                         (f"/training?error={HOSTILE}", 200)])
def test_page_parameters_of_any_value_get_an_html_page(client, path, status):
    r = client.get(path)
    assert r.status_code == status and r.headers["content-type"].startswith("text/html")
    assert "<script>alert" not in r.text


def test_the_api_keeps_problem_json(client):
    for r in (client.get("/api/v1/no-such-thing"), client.get("/api/v1/precedents/" + HOSTILE),
              client.get("/api/v1/analyze")):
        assert 400 <= r.status_code < 500 and r.headers["content-type"].startswith("application/problem+json")


def test_a_page_route_answers_a_wrong_parameter_type_with_html():
    """The route class every page router uses: a typed path parameter that does not parse is a 404
    page, a typed query parameter a 422 page (the app's own handler would answer problem+json)."""
    router = APIRouter(route_class=PageRoute)

    @router.get("/things/{n}")
    def thing(request: Request, n: int, limit: int = 10):
        return render(request, "error.html", message=f"{n}/{limit}")

    app = create_app(Settings(secret_key="k"), start_runner=False)
    app.include_router(router)
    c = TestClient(app)
    assert c.get("/things/3?limit=5").status_code == 200 and "3/5" in c.get("/things/3?limit=5").text
    _html_page(c.get("/things/" + HOSTILE[:-9]), 404)
    r = c.get("/things/3?limit=" + HOSTILE)
    _html_page(r, 422)
    assert "ページの指定" in r.text
