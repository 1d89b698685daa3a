"""Login and logout for the case pages (a server-side session in an HttpOnly SameSite=Strict
cookie; passwords checked with argon2 by legalcheck.records.users). The analysis, statute,
precedent and training pages never ask for a login; the case pages always do."""
from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.datastructures import FormData

from legalcheck.records import logins
from legalcheck.records.audit import Actor
from legalcheck.records.errors import RecordError
from legalcheck.web.pages import PageRefusal, PageRoute, csrf_form, error_page, render

router = APIRouter(include_in_schema=False, route_class=PageRoute)
SESSION_COOKIE = "lc_session"


def _client(request: Request) -> str | None:
    return request.client.host if request.client else None


def _safe_next(value: str | None) -> str:
    # only our own case pages: never an absolute URL or //host (open redirect)
    if value and value.startswith(("/cases", "/contacts")) and "//" not in value and "\\" not in value:
        return value
    return "/cases"


async def current_actor(request: Request) -> Actor | None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    return await run_in_threadpool(logins.session_actor, request.app.state.records, token, _client(request),
                                   getattr(request.state, "request_id", None))


async def require_actor(request: Request) -> Actor | None:
    """The logged-in user, or None (audited) — the handler then answers login_redirect()."""
    actor = await current_actor(request)
    if actor is None:
        records = request.app.state.records
        anonymous = Actor("anonymous", None, _client(request), "page", getattr(request.state, "request_id", None))
        try:
            await run_in_threadpool(records.note, anonymous, "page.access", "unauthorized", None,
                                    f"{request.method} {request.url.path}"[:200])
        except RecordError:
            pass
    return actor


def login_redirect(request: Request) -> RedirectResponse:
    target = request.url.path if request.method == "GET" else "/cases"
    return RedirectResponse(f"/login?next={quote(target)}", status_code=303)


async def page_actor(request: Request) -> Actor:
    """Dependency of every case page: the logged-in user; without one the page answers
    login_redirect() (the attempt audited) before anything else is read."""
    actor = await require_actor(request)
    if actor is None:
        raise PageRefusal(login_redirect(request))
    request.state.actor = actor
    return actor


async def _posted_form(request: Request, actor: Annotated[Actor, Depends(page_actor)]):
    return await csrf_form(request)


LoggedIn = Annotated[Actor, Depends(page_actor)]
# a case page's POST: the login first (its redirect), then the CSRF token (its 403), then the form
PostedForm = Annotated[FormData, Depends(_posted_form)]
CsrfForm = Annotated[FormData, Depends(csrf_form)]


def _login_page(request: Request, status: int = 200, **ctx) -> HTMLResponse:
    return render(request, "login.html", status_code=status, nav="cases",
                  next=_safe_next(request.query_params.get("next") or ctx.pop("next", None)), **ctx)


@router.get("/login", response_class=HTMLResponse)
async def login_form(request: Request):
    try:
        no_users = not await run_in_threadpool(logins.has_users, request.app.state.records)
    except RecordError as exc:
        return error_page(request, 503, exc.ja)
    return _login_page(request, no_users=no_users)


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request, data: CsrfForm):
    username, password = str(data.get("username") or "")[:64], str(data.get("password") or "")[:1000]
    try:
        token = await run_in_threadpool(logins.login, request.app.state.records, username, password, _client(request),
                                        getattr(request.state, "request_id", None))
    except RecordError as exc:
        return error_page(request, 503, exc.ja)
    if token is None:
        return _login_page(request, 401, username=username, next=str(data.get("next") or ""),
                           error="ユーザー名またはパスワードが違います。")
    resp = RedirectResponse(_safe_next(str(data.get("next") or "")), status_code=303)
    resp.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="strict", path="/",
                    secure=request.url.scheme == "https",
                    max_age=int(request.app.state.records.settings.session_hours * 3600))
    return resp


@router.post("/logout")
async def logout(request: Request, _form: CsrfForm):
    actor = await current_actor(request)
    try:
        await run_in_threadpool(logins.logout, request.app.state.records, request.cookies.get(SESSION_COOKIE), actor)
    except RecordError:
        pass
    resp = RedirectResponse("/login", status_code=303)
    resp.delete_cookie(SESSION_COOKIE, path="/")
    return resp
