"""What every page shares: the Jinja2 environment (autoescape on), CSRF, no-store responses.

CSRF is a signed double-submit token: a random value in an HttpOnly SameSite=Strict cookie, and
the same value signed with the server's secret (itsdangerous) in every form. A POST whose form
token does not verify against the cookie is refused with 403 before anything is read.
"""
from __future__ import annotations

import secrets
from functools import lru_cache

from fastapi import Request
from fastapi.responses import HTMLResponse
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


def error_page(request: Request, status_code: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status_code=status_code, message=message)


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
