"""Errors as application/problem+json (RFC 9457): a stable `type` per kind of problem, a Japanese
`detail` and an English `detail_en`, the offending `field` and a machine-readable `code`.

Nothing a client sent is echoed back except the name of the field; a narrative never appears
in a problem (nor in a log line).
"""
from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

MEDIA_TYPE = "application/problem+json"
_BASE = "urn:legalcheck:problem:"


@dataclass(frozen=True)
class Kind:
    slug: str
    status: int
    title: str       # English title, stable per type
    title_ja: str


INVALID_INPUT = Kind("invalid-input", 422, "Invalid input", "入力が不正です")
BODY_TOO_LARGE = Kind("body-too-large", 413, "Request body too large", "リクエストが大きすぎます")
UNAUTHORIZED = Kind("unauthorized", 401, "API key required", "APIキーが必要です")
RATE_LIMITED = Kind("rate-limited", 429, "Too many requests", "リクエストが多すぎます")
NOT_READY = Kind("not-ready", 503, "Not ready", "準備ができていません")
TIMEOUT = Kind("analysis-timeout", 504, "Analysis took too long", "分析が時間内に終わりませんでした")
NOT_FOUND = Kind("not-found", 404, "Not found", "見つかりません")
METHOD_NOT_ALLOWED = Kind("method-not-allowed", 405, "Method not allowed", "このメソッドは使えません")
UNSUPPORTED_MEDIA = Kind("unsupported-media-type", 415, "Unsupported media type", "JSON で送ってください")
NOT_ACCEPTABLE = Kind("not-acceptable", 406, "Not acceptable", "この形式では返せません")
INTERNAL = Kind("internal-error", 500, "Internal error", "内部エラーが発生しました")


class FieldError(BaseModel):
    """One offending field."""
    field: str | None = Field(None, description="項目の位置 (例: narrative, prior_measures[0].kind)")
    code: str = Field(description="機械可読な理由 (例: empty, not_japanese, impossible_date)")
    detail: str = Field(description="日本語の説明")
    detail_en: str = Field(description="English explanation")


class Problem(BaseModel):
    """RFC 9457 problem details."""
    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [{
        "type": "urn:legalcheck:problem:invalid-input", "title": "Invalid input", "status": 422,
        "detail": "narrative: 事案の記述が空です", "detail_en": "narrative: narrative is empty",
        "field": "narrative", "code": "empty", "request_id": "3f2a9c0d4b1e4f0a",
        "errors": [{"field": "narrative", "code": "empty", "detail": "事案の記述が空です",
                    "detail_en": "narrative is empty"}]}]})

    type: str
    title: str
    title_ja: str | None = None
    status: int
    detail: str = Field(description="日本語の説明")
    detail_en: str = Field(description="English explanation")
    field: str | None = None
    code: str | None = None
    instance: str | None = None
    request_id: str | None = None
    errors: list[FieldError] = Field(default_factory=list)


def body(kind: Kind, detail: str, detail_en: str, *, field: str | None = None, code: str | None = None,
         errors: list[dict] | None = None, instance: str | None = None, request_id: str | None = None) -> dict:
    out = {"type": _BASE + kind.slug, "title": kind.title, "title_ja": kind.title_ja, "status": kind.status,
           "detail": detail, "detail_en": detail_en, "field": field, "code": code}
    if errors is None and (field or code):
        errors = [{"field": field, "code": code or kind.slug, "detail": detail, "detail_en": detail_en}]
    out["errors"] = errors or []
    if instance:
        out["instance"] = instance
    if request_id:
        out["request_id"] = request_id
    return out


def response(kind: Kind, detail: str, detail_en: str, *, request=None, headers: dict | None = None,
             **kw) -> JSONResponse:
    rid = getattr(getattr(request, "state", None), "request_id", None) if request is not None else None
    path = request.url.path if request is not None else None
    from fastapi.responses import JSONResponse   # here: `legalcheck batch` builds problem bodies without FastAPI

    return JSONResponse(body(kind, detail, detail_en, instance=path, request_id=rid, **kw),
                        status_code=kind.status, media_type=MEDIA_TYPE, headers=headers)


def split_message(message: str) -> tuple[str | None, str, str]:
    """「field: 日本語 / English」 (legalcheck.analysis.InputError's form) → (field, ja, en)."""
    field = None
    head, sep, rest = message.partition(": ")
    if sep and head and " " not in head and len(head) <= 60:
        field, message = head, rest
    ja, sep, en = message.partition(" / ")
    return field, ja.strip(), (en.strip() if sep else ja.strip())


def openapi_responses(*kinds: Kind) -> dict:
    """The `responses=` entry documenting the problems a route can answer."""
    return {k.status: {"model": Problem, "description": f"{k.title_ja} / {k.title}",
                       "content": {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}}
            for k in kinds}
