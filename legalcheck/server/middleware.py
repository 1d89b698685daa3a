"""ASGI middleware for the whole app (pages, API, static files, docs):

- a request id on every response (X-Request-ID; a sane incoming one is kept) and every log line;
- one JSON access-log line and the Prometheus request metrics per request;
- the security headers, among them a strict Content-Security-Policy (no inline script or style:
  the pages load every script and style sheet from /static);
- 413 for bodies over the configured size, before the body is read;
- a problem+json 500 for any unexpected exception (the traceback goes to the log, without the
  exception's message).
"""
from __future__ import annotations

import json
import logging
import re
import time
import uuid

from legalcheck.server import logs, metrics, problems

log = logging.getLogger("legalcheck.access")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
HSTS = "max-age=31536000; includeSubDomains"
_OURS = {k.encode() for k in SECURITY_HEADERS} | {b"x-request-id", b"strict-transport-security"}   # ours win
_SANE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class _TooLarge(Exception):
    pass


def _route_of(scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    if path:
        return path
    if scope.get("path", "").startswith("/static/"):
        return "/static"
    return "unmatched"   # bounded label set: never the raw path


async def _send_problem(send, kind, ja, en, request_id, headers=()):
    body = json.dumps(problems.body(kind, ja, en, request_id=request_id), ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": kind.status,
                "headers": [(b"content-type", problems.MEDIA_TYPE.encode()),
                            (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})


class ServerMiddleware:
    def __init__(self, app, settings):
        self.app = app
        self.settings = settings
        headers = dict(SECURITY_HEADERS)
        if settings.hsts:
            headers["strict-transport-security"] = HSTS
        self._headers = [(k.encode(), v.encode()) for k, v in headers.items()]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        incoming = dict(scope.get("headers") or ()).get(b"x-request-id", b"").decode("latin-1")
        rid = incoming if _SANE_ID.match(incoming) else uuid.uuid4().hex
        token = logs.request_id.set(rid)
        scope.setdefault("state", {})["request_id"] = rid
        t0 = time.perf_counter()
        status = {"code": 500, "started": False}
        no_store = not scope.get("path", "").startswith("/static/")   # analyses are personal data: never cached
        extra_headers = self._headers + [(b"x-request-id", rid.encode())]

        async def send_wrapped(message):
            if message["type"] == "http.response.start":
                status["code"], status["started"] = message["status"], True
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _OURS]
                headers += extra_headers
                if no_store and not any(k.lower() == b"cache-control" for k, _ in headers):
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        limit = self.settings.max_body_bytes
        length = dict(scope.get("headers") or ()).get(b"content-length")
        try:
            if length is not None and (not length.isdigit() or int(length) > limit):
                await _send_problem(send_wrapped, problems.BODY_TOO_LARGE,
                                    f"リクエストの本文は{limit}バイト以内にしてください",
                                    f"request body larger than {limit} bytes", rid)
            elif length is None and scope.get("method") in ("POST", "PUT", "PATCH"):
                # chunked body: read it (up to the limit) before the app sees it, then replay it
                body, more = [], True
                size = 0
                while more:
                    message = await receive()
                    if message["type"] != "http.request":
                        break
                    size += len(message.get("body", b""))
                    if size > limit:
                        raise _TooLarge()
                    body.append(message.get("body", b""))
                    more = message.get("more_body", False)
                replay = [{"type": "http.request", "body": b"".join(body), "more_body": False}]

                async def receive_replay():
                    return replay.pop() if replay else await receive()

                await self.app(scope, receive_replay, send_wrapped)
            else:
                await self.app(scope, receive, send_wrapped)
        except _TooLarge:
            if not status["started"]:
                await _send_problem(send_wrapped, problems.BODY_TOO_LARGE,
                                    f"リクエストの本文は{limit}バイト以内にしてください",
                                    f"request body larger than {limit} bytes", rid)
        except Exception:   # noqa: BLE001 - never a bare 500 page, never the message in the log
            log.error("unhandled exception", exc_info=True, extra={"event": "error", "route": _route_of(scope)})
            if not status["started"]:
                await _send_problem(send_wrapped, problems.INTERNAL, "内部エラーが発生しました。request_id を添えて管理者に連絡してください",
                                    "internal error; report the request_id to the operator", rid)
        finally:
            elapsed = time.perf_counter() - t0
            route = _route_of(scope)
            if self.settings.metrics_enabled:
                metrics.REQUESTS.labels(route, scope.get("method", ""), str(status["code"])).inc()
                metrics.LATENCY.labels(route).observe(elapsed)
            extra = {"event": "request", "method": scope.get("method"), "route": route, "status": status["code"],
                     "duration_ms": round(elapsed * 1000, 2)}
            chars = scope["state"].get("narrative_chars")
            if chars is not None:
                extra["narrative_chars"] = chars
            if scope["state"].get("items") is not None:
                extra["items"] = scope["state"]["items"]
            log.info("request", extra=extra)
            logs.request_id.reset(token)
