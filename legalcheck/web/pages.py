"""What every page shares: the Jinja2 environment (autoescape on), CSRF, no-store responses, and
the route class that answers a page's refusals and malformed URLs with an HTML page in Japanese
(never the API's problem+json).

CSRF is a signed double-submit token: a random value in an HttpOnly SameSite=Strict cookie, and
the same value signed with the server's secret (itsdangerous) in every form. A POST whose form
token does not verify against the cookie is refused with 403 before anything is read.
"""
from __future__ import annotations

import secrets
from functools import lru_cache

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from itsdangerous import BadSignature, URLSafeSerializer
from jinja2 import Environment, FileSystemLoader, select_autoescape

import legalcheck
from legalcheck.paths import data_dir
from legalcheck.web import labels

CSRF_COOKIE = "lc_csrf"
CSRF_FIELD = "csrf_token"
_PROCESS_SECRET = secrets.token_urlsafe(32)


@lru_cache(maxsize=1)
def env() -> Environment:
    e = Environment(loader=FileSystemLoader(str(data_dir("web") / "templates")),
                    autoescape=select_autoescape(default=True, default_for_string=True),
                    trim_blocks=True, lstrip_blocks=True)
    e.globals.update(version=legalcheck.__version__, STATUS=labels.STATUS, ACT_STATUS=labels.ACT_STATUS,
                     ELEMENT_LABELS=labels.ELEMENT_LABELS, markers=labels.VERIFICATION)
    return e


def _secret(request: Request) -> str:
    settings = getattr(request.app.state, "settings", None)
    return getattr(settings, "secret_key", None) or _PROCESS_SECRET


def _serializer(request: Request) -> URLSafeSerializer:
    return URLSafeSerializer(_secret(request), salt="legalcheck-csrf")


def csrf_pair(request: Request) -> tuple[str, str]:
    """(cookie value, form token): the cookie kept if the browser has one."""
    raw = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)
    return raw, _serializer(request).dumps(raw)


CSRF_MESSAGE = "フォームの有効期限が切れたか、不正な送信です。ページを読み込み直してから送信してください。"


class CSRFError(Exception):
    pass


def check_csrf(request: Request, token: str | None) -> None:
    raw = request.cookies.get(CSRF_COOKIE)
    try:
        ok = bool(raw and token) and secrets.compare_digest(str(_serializer(request).loads(token)), raw)
    except BadSignature:
        ok = False
    if not ok:
        raise CSRFError(CSRF_MESSAGE)


def signer(request: Request, salt: str) -> URLSafeSerializer:
    return URLSafeSerializer(_secret(request), salt=salt)


def error_page(request: Request, status_code: int, message: str, back: tuple[str, str] | None = None) -> HTMLResponse:
    """An error page (with the request id, for the operator); `back` = (href, label) of a way back."""
    return render(request, "error.html", status_code=status_code, message=message, back=back,
                  request_id=getattr(request.state, "request_id", None))


class PageRefusal(Exception):
    """Raised by a page's dependency (no login, a bad CSRF token): the page answers `response`."""

    def __init__(self, response: Response):
        super().__init__(response.status_code)
        self.response = response


async def csrf_form(request: Request):
    """Dependency: the POSTed form, once its CSRF token verifies; otherwise 403 before anything is read."""
    data = await request.form()
    try:
        check_csrf(request, data.get(CSRF_FIELD))
    except CSRFError as exc:
        raise PageRefusal(error_page(request, 403, str(exc))) from None
    return data


NO_PAGE = "このURLのページはありません。"
NO_METHOD = "このページはこの方法では開けません。ページのリンクやボタンから開いてください。"
BAD_URL = "このURLのページはありません（番号などの指定が正しくありません）。"
BAD_QUERY = "ページの指定（URLの ? 以降）が正しくありません。"


def in_path(exc: RequestValidationError) -> bool:
    """Whether the URL's path itself is wrong (a path parameter), not its query."""
    return any(tuple(e.get("loc", ()))[:1] == ("path",) for e in exc.errors())


class PageRoute(APIRoute):
    """A page route: a PageRefusal is answered with its page; a path or query parameter of the
    wrong type with an HTML 404 / 422 page (the app's handler would answer problem+json)."""

    def get_route_handler(self):
        handler = super().get_route_handler()

        async def page_handler(request: Request) -> Response:
            try:
                return await handler(request)
            except PageRefusal as refusal:
                return refusal.response
            except RequestValidationError as exc:
                return await self.malformed(request, exc)
        return page_handler

    async def malformed(self, request: Request, exc: RequestValidationError) -> Response:
        wrong_path = in_path(exc)
        return error_page(request, 404 if wrong_path else 422, BAD_URL if wrong_path else BAD_QUERY)


def is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-History-Restore-Request") != "true"


def render(request: Request, template: str, status_code: int = 200, **ctx) -> HTMLResponse:
    """A page (or an htmx fragment) with a fresh CSRF token; never cached (it may hold a narrative)."""
    raw, token = csrf_pair(request)
    html = env().get_template(template).render(request=request, csrf_token=token, csrf_field=CSRF_FIELD, **ctx)
    resp = HTMLResponse(html, status_code=status_code)
    resp.headers["Cache-Control"] = "no-store"
    resp.headers["Vary"] = "HX-Request"
    resp.set_cookie(CSRF_COOKIE, raw, httponly=True, samesite="strict", path="/",
                    secure=request.url.scheme == "https")
    return resp


# not pages: their errors stay problem+json (the API, the probes and metrics, the schema, static files)
_NOT_PAGES = ("/api/", "/healthz", "/readyz", "/metrics", "/openapi.json", "/static/")


def _back(path: str) -> tuple[str, str] | None:
    return ("/cases", "事件一覧へ戻る") if path.startswith(("/cases", "/contacts")) else None


def install(app) -> None:
    """A URL outside the API that names no page (404), or not with this method (405), is answered
    with an HTML page in Japanese like every other page error (the app's handler answers problem+json)."""
    original = app.exception_handlers[StarletteHTTPException]

    async def _http(request: Request, exc: StarletteHTTPException):
        path = request.url.path
        if exc.status_code not in (404, 405) or path.startswith(_NOT_PAGES):
            return await original(request, exc)
        resp = error_page(request, exc.status_code, NO_PAGE if exc.status_code == 404 else NO_METHOD, _back(path))
        for k, v in (getattr(exc, "headers", None) or {}).items():
            resp.headers[k] = v
        return resp

    app.add_exception_handler(StarletteHTTPException, _http)
