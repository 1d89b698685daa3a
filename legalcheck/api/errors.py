"""Every error of the app as problem+json (server/problems.py): validation errors field by field
with Japanese and English text, the analyser's InputError, and HTTP errors (404, 405, …).

A validation error never echoes the value sent (pydantic's `input`): it may be a narrative.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from legalcheck.server import problems

if TYPE_CHECKING:
    from fastapi import FastAPI

# pydantic error type → (Japanese, English); {ctx} fields come from the error's ctx
_TEXT = {
    "missing": ("必須の項目がありません", "field required"),
    "string_type": ("文字列を指定してください", "must be a string"),
    "string_too_short": ("空にはできません", "must not be empty"),
    "string_too_long": ("長すぎます（{max_length}文字以内）", "too long (at most {max_length} characters)"),
    "string_pattern_mismatch": ("形式が正しくありません（日付は YYYY-MM-DD）", "wrong format (dates are YYYY-MM-DD)"),
    "list_type": ("配列を指定してください", "must be an array"),
    "too_short": ("少なくとも{min_length}件必要です", "needs at least {min_length} items"),
    "too_long": ("{max_length}件以内にしてください", "at most {max_length} items"),
    "dict_type": ("オブジェクトを指定してください", "must be an object"),
    "model_type": ("オブジェクトを指定してください", "must be an object"),
    "model_attributes_type": ("オブジェクトを指定してください", "must be an object"),
    "literal_error": ("次のいずれかを指定してください: {expected}", "must be one of {expected}"),
    "extra_forbidden": ("未知の項目です", "unknown field"),
    "json_invalid": ("JSON として読めません", "body is not valid JSON"),
    "string_unicode": ("文字として読めない符号（サロゲート）が含まれています", "holds unpaired surrogates"),
    "json_type": ("JSON を送ってください", "body must be JSON"),
    "int_parsing": ("整数を指定してください", "must be an integer"),
    "bool_parsing": ("真偽値を指定してください", "must be a boolean"),
}
# codes we raise ourselves carry their own Japanese text in ctx["ja"]
_OWN = {"empty", "binary", "not_japanese", "impossible_date", "invalid_characters", "item_type"}


def _loc(loc, prefix: str = "") -> str | None:
    parts = [p for p in loc if p not in ("body", "query", "path", "header")]
    out = ""
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        elif "[" in str(p) or str(p).startswith("function-"):
            continue   # pydantic's internal names for validators of unions and the like
        else:
            out += ("." if out else "") + str(p)
    return (prefix + out) if (prefix + out) else None


def field_errors(errors: list[dict], prefix: str = "") -> list[dict]:
    out = []
    for e in errors:
        code = etype = e.get("type", "invalid")
        ctx = {k: v for k, v in (e.get("ctx") or {}).items()}
        field = _loc(e.get("loc", ()), prefix) if code != "json_invalid" else None   # loc is a byte offset there
        if code == "string_unicode":
            code = "invalid_characters"
        if code in _OWN and "ja" in ctx:
            ja, en = ctx.get("ja", "入力が不正です"), e.get("msg", code)
        else:
            ja, en = _TEXT.get(etype, ("入力が不正です", "invalid value"))
            fmt = {k: str(v)[:200] for k, v in ctx.items() if k != "error"}
            try:
                ja, en = ja.format(**fmt), en.format(**fmt)
            except (KeyError, IndexError):
                pass
        if code == "string_too_short" and field and field.endswith("narrative"):
            code, ja, en = "empty", "事案の記述が空です", "narrative is empty"
        label = f"{field}: " if field else ""
        out.append({"field": field, "code": code, "detail": label + ja, "detail_en": label + en})
    return out or [{"field": None, "code": "invalid", "detail": "入力が不正です", "detail_en": "invalid input"}]


def input_error_problem(payload: dict, loc: str, request_id: str | None) -> dict:
    """legalcheck.analysis.InputError (as sent back by the analysis process) → a 422 problem body."""
    field, ja, en = problems.split_message(payload.get("message") or "")
    field = payload.get("field") or field
    code = payload.get("code") or "invalid_input"
    field = (loc + field) if field else (loc.rstrip(".") or None)
    label = f"{field}: " if field else ""
    return problems.body(problems.INVALID_INPUT, label + ja[:500], label + en[:500], field=field, code=code,
                         request_id=request_id)


_HTTP = {404: problems.NOT_FOUND, 405: problems.METHOD_NOT_ALLOWED, 415: problems.UNSUPPORTED_MEDIA,
         406: problems.NOT_ACCEPTABLE, 413: problems.BODY_TOO_LARGE, 401: problems.UNAUTHORIZED,
         429: problems.RATE_LIMITED, 503: problems.NOT_READY, 504: problems.TIMEOUT, 422: problems.INVALID_INPUT}


def install(app: FastAPI) -> None:
    # imported here, not with the module: `legalcheck batch` uses field_errors() without FastAPI
    from fastapi import Request
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException as StarletteHTTPException

    from legalcheck.api.access import ProblemException

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        errs = field_errors(list(exc.errors()))
        first = errs[0]
        return problems.response(problems.INVALID_INPUT, first["detail"], first["detail_en"], request=request,
                                 field=first["field"], code=first["code"], errors=errs)

    @app.exception_handler(ProblemException)
    async def _problem(request: Request, exc: ProblemException):
        return problems.response(exc.kind, exc.ja, exc.en, request=request, headers=exc.headers, **exc.kw)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 400:
            # FastAPI's answer to a body it cannot decode (not UTF-8, say): an invalid input like any other
            return problems.response(problems.INVALID_INPUT, "リクエストの本文を読めません（UTF-8 の JSON で送ってください）",
                                     "the request body cannot be decoded (send UTF-8 JSON)", request=request,
                                     code="json_invalid")
        kind = _HTTP.get(exc.status_code)
        if kind is None:
            kind = problems.Kind(f"http-{exc.status_code}", exc.status_code, str(exc.detail)[:100], str(exc.detail)[:100])
        if exc.status_code == 404:
            ja, en = "そのURLはありません", "no such URL"
        elif exc.status_code == 405:
            ja, en = "このURLではそのメソッドは使えません", "method not allowed on this URL"
        else:
            ja, en = kind.title_ja, str(exc.detail)[:200]
        return problems.response(kind, ja, en, request=request, headers=getattr(exc, "headers", None))
