"""Who may call /api/v1 and how often.

API keys come from configuration as sha256 digests only (LEGALCHECK_API_KEY_HASHES), never in
clear. Keys are long random tokens, so a plain sha256 is the right hash (a slow password hash
such as argon2 protects low-entropy passwords and would cost tens of milliseconds per request).
The presented key's digest is compared with every configured digest in constant time.

The rate limit is the `limits` library's moving window, per key (or per client address when no
key is configured); its counters live in the configured storage (memory:// on one machine, a
shared redis:// when several machines must share one limit).
"""
from __future__ import annotations

import hashlib
import hmac
import time
from functools import lru_cache

from fastapi import Request
from starlette.concurrency import run_in_threadpool
from limits import parse_many
from limits.storage import MemoryStorage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

from legalcheck.server import problems


class ProblemException(Exception):
    def __init__(self, kind: problems.Kind, ja: str, en: str, headers: dict | None = None, **kw):
        self.kind, self.ja, self.en, self.headers, self.kw = kind, ja, en, headers, kw


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def configured_role(hashes: list[str], digest: str) -> tuple[bool, str | None]:
    """(found, role) of a key digest among the configured entries (`digest` or `ROLE:digest`)."""
    found, role = False, None
    for h in hashes:   # no early exit: the time does not tell which entry matched
        r, _, d = h.rpartition(":")
        if hmac.compare_digest(digest, d):
            found, role = True, r or None
    return found, role


def bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token and len(token) <= 512 else None


def _stored_key(request: Request, token: str) -> bool:
    """A key made with `legalcheck records add-key` (kept in the case-records database)."""
    records = getattr(request.app.state, "records", None)
    return records is not None and records.key_role(token) is not None


def _identify(request: Request) -> str:
    """The caller's rate-limit identity: a short digest prefix of the key, or the client address."""
    hashes = request.app.state.settings.api_key_hashes
    if not hashes:
        return "addr:" + (request.client.host if request.client else "unknown")
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > 512:
        raise ProblemException(problems.UNAUTHORIZED, "Authorization: Bearer でAPIキーを指定してください",
                               "send the API key as Authorization: Bearer <key>",
                               headers={"WWW-Authenticate": 'Bearer realm="legalcheck"'}, field="Authorization",
                               code="missing_key")
    digest = key_digest(token)
    found, _ = configured_role(hashes, digest)
    if not found and not _stored_key(request, token):
        raise ProblemException(problems.UNAUTHORIZED, "APIキーが正しくありません", "the API key is not valid",
                               headers={"WWW-Authenticate": 'Bearer realm="legalcheck", error="invalid_token"'},
                               field="Authorization", code="invalid_key")
    return "key:" + digest[:16]


class _MemoryStorage(MemoryStorage):
    """limits' own in-memory storage (its counters, its moving window), with one change: its pass
    that drops expired entries runs at most once a second, on the calling thread. The library
    starts a new threading.Timer thread for that pass on every hit that comes more than 10 ms
    after the last (so on nearly every request at this server's rates): 0.3 ms of each request,
    with the event loop blocked while the thread starts. The window's decisions never wait for
    that pass (acquire_entry compares each entry's own time), so the limits are the same."""

    _next_expiry = 0.0

    def _MemoryStorage__schedule_expiry(self) -> None:   # replaces the library's private scheduler
        now = time.monotonic()
        if now >= self._next_expiry:
            self._next_expiry = now + 1.0
            self._MemoryStorage__expire_events()


@lru_cache(maxsize=8)
def _limiter(storage_uri: str) -> MovingWindowRateLimiter:
    if storage_uri.startswith("memory://"):
        return MovingWindowRateLimiter(_MemoryStorage(storage_uri))
    return MovingWindowRateLimiter(storage_from_string(storage_uri))


@lru_cache(maxsize=8)
def _limits(spec: str) -> tuple:
    return tuple(parse_many(spec))


async def guard(request: Request) -> str:
    """FastAPI dependency for /api/v1: key check, then one hit on the caller's rate limit.
    With the counters in memory and no case-records database to ask about stored keys it runs on
    the event loop (a hash, a compare and a counter: nothing blocks), which spares each request a
    hop to a thread; a networked storage (redis://) or a database lookup would block the loop, so
    those run in a thread."""
    settings = request.app.state.settings
    if settings.rate_limit_storage.startswith("memory://") and not _needs_database(request, settings.api_key_hashes):
        return _guard(request)
    return await run_in_threadpool(_guard, request)


def _needs_database(request: Request, hashes: list[str]) -> bool:
    """Only a key that is not among the configured digests is looked up in the records database."""
    if not hashes:
        return False
    token = bearer(request)
    return token is not None and not configured_role(hashes, key_digest(token))[0]


def _guard(request: Request) -> str:
    who = _identify(request)
    request.state.key_id = who if who.startswith("key:") else None
    rate_limit(request, who)
    return who


def rate_limit(request: Request, who: str) -> None:
    settings = request.app.state.settings
    limiter = _limiter(settings.rate_limit_storage)
    for item in _limits(settings.rate_limit):
        if not limiter.hit(item, "legalcheck", who):
            reset, _ = limiter.get_window_stats(item, "legalcheck", who)
            wait = max(1, int(reset - time.time() + 0.999))
            raise ProblemException(problems.RATE_LIMITED,
                                   f"リクエストが多すぎます（上限 {item}）。{wait}秒後に再試行してください",
                                   f"rate limit {item} exceeded; retry in {wait} s",
                                   headers={"Retry-After": str(wait)}, code="rate_limited")
