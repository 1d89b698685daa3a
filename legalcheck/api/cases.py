"""/api/v1/cases…: the case records over HTTP (issue 16). Presentation only: every answer comes
from legalcheck.records (the service functions) and the analysis from the worker's analysis
processes, exactly as POST /api/v1/analyze runs it (same validation, limits and problems).

Access: always an API key (Authorization: Bearer), with a role — a configured `ROLE:digest` entry of
LEGALCHECK_API_KEY_HASHES or a key made with `legalcheck records add-key`. A key without a role
may analyse but sees no case. Every call, refused ones included, is in the audit log.
"""
from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from legalcheck.api import models
from legalcheck.api.access import ProblemException, bearer, configured_role, key_digest, rate_limit
from legalcheck.records.audit import Actor
from legalcheck.records.errors import RecordError
from legalcheck.records.models import MAX_ID
from legalcheck.server import problems

FORBIDDEN = problems.Kind("forbidden", 403, "Forbidden", "権限がありません")
CONFLICT = problems.Kind("conflict", 409, "Conflict", "既に登録されています")
STORAGE = problems.Kind("storage-unavailable", 503, "Storage unavailable", "保存できません")
KEY_MISSING = problems.Kind("encryption-key-missing", 503, "Encryption key missing", "暗号化キーがありません")
_KINDS = {403: FORBIDDEN, 404: problems.NOT_FOUND, 409: CONFLICT, 422: problems.INVALID_INPUT}
_DOCS = problems.openapi_responses(problems.UNAUTHORIZED, FORBIDDEN, problems.NOT_FOUND, problems.RATE_LIMITED,
                                   problems.BODY_TOO_LARGE,
                                   problems.INVALID_INPUT, STORAGE)


def _records(request: Request):
    return request.app.state.records


def _who(request: Request) -> Actor | None:
    """The caller by its key (configured ROLE:digest, or kept in the database), or None."""
    token = bearer(request)
    if token is None:
        return None
    client = request.client.host if request.client else None
    rid = getattr(request.state, "request_id", None)
    digest = key_digest(token)
    found, role = configured_role(request.app.state.settings.api_key_hashes, digest)
    if found:
        return Actor("key:" + digest[:12], role, client, "api", rid)
    stored = _records(request).key_role(token)
    return Actor(f"key:{stored[1]}", stored[0], client, "api", rid) if stored else None


def _anonymous(request: Request) -> Actor:
    return Actor("anonymous", None, request.client.host if request.client else None, "api",
                 getattr(request.state, "request_id", None))


def _route(request: Request) -> str:
    route = request.scope.get("route")
    return f"{request.method} {getattr(route, 'path', '')}"


def _case_id(request: Request) -> int | None:
    try:
        n = int(request.path_params.get("case_id"))
    except (TypeError, ValueError):
        return None
    return n if 1 <= n <= MAX_ID else None


def case_actor(request: Request) -> Actor:
    """The caller of a case route: who (key label or digest prefix), the key's role, from where."""
    token = bearer(request)
    actor = _who(request)
    if actor is None:
        try:
            _records(request).note(_anonymous(request), "api.access", "unauthorized", _case_id(request), _route(request))
        except RecordError:
            pass   # the database is down: the 401 still answers
        raise ProblemException(problems.UNAUTHORIZED, "事件記録には役割付きのAPIキーが必要です（Authorization: Bearer）",
                               "case records need an API key with a role (Authorization: Bearer)",
                               headers={"WWW-Authenticate": 'Bearer realm="legalcheck"'}, field="Authorization",
                               code="missing_key" if token is None else "invalid_key")
    rate_limit(request, "key:" + key_digest(token)[:16])
    return actor


def install(app) -> None:
    """Refused bodies on the case routes are audited too (FastAPI refuses them before the handler)."""
    from fastapi.exceptions import RequestValidationError

    original = app.exception_handlers[RequestValidationError]

    async def _validation(request: Request, exc: RequestValidationError):
        if request.url.path.startswith(("/api/v1/cases", "/api/v1/contacts", "/api/v1/audit")):
            try:
                actor = await run_in_threadpool(_who, request) or _anonymous(request)
                await run_in_threadpool(_records(request).note, actor, "api.invalid", "refused", _case_id(request),
                                        _route(request))
            except RecordError:
                pass
        return await original(request, exc)

    app.add_exception_handler(RequestValidationError, _validation)


Id = Annotated[int, Path(ge=1, le=MAX_ID)]
router = APIRouter(prefix="/api/v1", tags=["事件記録"], responses=_DOCS)


async def _call(fn, *args, **kw):
    try:
        return await run_in_threadpool(fn, *args, **kw)
    except RecordError as exc:
        if exc.code.startswith("encryption_key") or exc.code == "decrypt_failed":
            kind = KEY_MISSING
        else:
            kind = _KINDS.get(exc.status, STORAGE)
        raise ProblemException(kind, exc.ja, exc.en, field=exc.field, code=exc.code,
                               headers={"Retry-After": "5"} if kind is STORAGE else None) from None


# ------------------------------------------------------------------ bodies


class PartyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: str = Field(description="victim / suspect / close_person / reporter / other")
    label: str | None = Field(None, max_length=100, description="伏せた呼び名（Ａ子・甲など）。実名は不要")
    details: str | None = Field(None, max_length=4000, description="当事者の詳細（暗号化して保存）")


class CaseIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "number": "R6-生安-0012", "title": "元交際相手によるつきまとい",
        "parties": [{"role": "victim", "label": "Ａ子"}, {"role": "suspect", "label": "甲"}]}]})
    number: str = Field(max_length=64)
    title: str = Field(max_length=200, description="件名（氏名は書かない）")
    status: Literal["open", "closed"] = "open"
    parties: list[PartyIn] = Field(default_factory=list, max_length=20)


class CasePatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: Literal["open", "closed"]


class NarrativeIn(models.AnalyzeRequest):
    received_on: date | None = Field(None, description="記述（受理票・報告書）の日付")


class ContactIn(BaseModel):
    """加害者連絡の記録（seed 000 ５(2)(3)(5)(6)、６(2)）。選択肢は GET /api/v1/contact-items。"""
    model_config = ConfigDict(extra="forbid")
    task_id: int | None = Field(None, ge=1, le=MAX_ID)
    contacted_on: str
    means: str
    reached: bool = True
    items: dict[str, str] = Field(default_factory=dict)
    recidivism: str
    retaliation: str
    risk_note: str | None = Field(None, max_length=4000)
    decision: str
    stop_reason: str | None = None
    victim_informed: bool | None = None
    reason: str | None = Field(None, max_length=4000)


class ExtensionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    extended_on: date = Field(description="延長の処分をした日（5条9項）")


# ------------------------------------------------------------------ routes


@router.get("/cases", summary="事件の一覧・検索（番号・件名）")
async def list_cases(request: Request, q: str | None = Query(None, max_length=100),
                     status: Literal["open", "closed"] | None = None, actor: Actor = Depends(case_actor)):
    return {"cases": await _call(_records(request).list_cases, actor, q, status)}


@router.post("/cases", status_code=201, summary="事件を登録する")
async def create_case(request: Request, body: CaseIn, actor: Actor = Depends(case_actor)):
    return await _call(_records(request).create_case, actor, body.number, body.title,
                       [p.model_dump() for p in body.parties], body.status)


@router.get("/cases/{case_id}", summary="事件（記述・分析の一覧・予定・連絡記録）")
async def get_case(request: Request, case_id: Id, actor: Actor = Depends(case_actor)):
    return await _call(_records(request).get_case, actor, case_id)


@router.patch("/cases/{case_id}", summary="事件の状態（open / closed）")
async def patch_case(request: Request, case_id: Id, body: CasePatch, actor: Actor = Depends(case_actor)):
    return await _call(_records(request).set_status, actor, case_id, body.status)


@router.delete("/cases/{case_id}", summary="申出による事件の削除（監査ログは残る）")
async def delete_case(request: Request, case_id: Id, reason: str = Query("", max_length=200),
                      actor: Actor = Depends(case_actor)):
    return await _call(_records(request).delete_case, actor, case_id, reason)


async def _analysis(request: Request, req: models.AnalyzeRequest) -> dict:
    from legalcheck.api.routes import _limits, _run

    _limits(req, request.app.state.settings)
    kind, out = await _run(request, req)
    if kind != "ok":
        raise _Problem(out)
    return json.loads(out)


class _Problem(Exception):
    def __init__(self, body: dict):
        self.body = body


def _problem_response(exc: _Problem) -> JSONResponse:
    headers = {"Retry-After": "2"} if exc.body["status"] == 503 else None
    return JSONResponse(exc.body, status_code=exc.body["status"], media_type=problems.MEDIA_TYPE, headers=headers)


@router.post("/cases/{case_id}/narratives", status_code=201, summary="記述を追加し、分析して保存する")
async def add_narrative(request: Request, case_id: Id, body: NarrativeIn, actor: Actor = Depends(case_actor)):
    """記述は送られたとおりに保存され（暗号化）、依頼・分析結果・legalcheck とデータの版も一緒に保存される。"""
    records = _records(request)
    request.state.narrative_chars = len(body.narrative)
    await _call(records.allow, actor, "narrative.add", case_id)   # refused before the analysis runs
    await _call(records.cipher.check)
    try:
        analysis = await _analysis(request, body)
    except _Problem as exc:
        return _problem_response(exc)
    req = {"narrative": body.narrative, "incident_date": body.incident_date,
           "prior_measures": [m.model_dump() for m in body.prior_measures]}
    saved = await _call(records.add_narrative, actor, case_id, req, analysis, body.received_on)
    return {**saved, "analysis": analysis}


@router.get("/cases/{case_id}/analyses/{analysis_id}", summary="保存された分析（保存時のまま）")
async def get_analysis(request: Request, case_id: Id, analysis_id: Id, actor: Actor = Depends(case_actor)):
    return await _call(_records(request).get_analysis, actor, case_id, analysis_id)


@router.post("/cases/{case_id}/reanalyse", summary="すべての記述を合わせて再分析し、変わった点を返す")
async def reanalyse(request: Request, case_id: Id, actor: Actor = Depends(case_actor)):
    records = _records(request)
    req = await _call(records.combined_request, actor, case_id)
    try:
        analysis = await _analysis(request, models.AnalyzeRequest.model_validate(req))
    except _Problem as exc:
        return _problem_response(exc)
    saved = await _call(records.save_reanalysis, actor, case_id, req, analysis)
    return {**saved, "analysis": analysis}


@router.get("/cases/{case_id}/tasks", summary="加害者連絡などの予定")
async def tasks(request: Request, case_id: Id, actor: Actor = Depends(case_actor)):
    case = await _call(_records(request).get_case, actor, case_id)
    return {"tasks": case["tasks"], "orders": case["orders"]}


@router.get("/cases/{case_id}/contacts", summary="加害者連絡の記録")
async def contacts(request: Request, case_id: Id, actor: Actor = Depends(case_actor)):
    case = await _call(_records(request).get_case, actor, case_id)
    return {"contacts": case["contacts"]}


@router.post("/cases/{case_id}/contacts", status_code=201, summary="加害者連絡を記録する")
async def add_contact(request: Request, case_id: Id, body: ContactIn, actor: Actor = Depends(case_actor)):
    return await _call(_records(request).record_contact, actor, case_id, body.model_dump())


@router.post("/cases/{case_id}/orders/{order_id}/extension", status_code=201,
             summary="禁止命令等の有効期間の延長を記録し、予定を組み直す")
async def extend(request: Request, case_id: Id, order_id: Id, body: ExtensionIn, actor: Actor = Depends(case_actor)):
    return await _call(_records(request).record_extension, actor, case_id, order_id, body.extended_on)


@router.get("/contacts/due", summary="期限の近い・過ぎた加害者連絡（全事件）")
async def due(request: Request, today: date | None = None, days: int | None = Query(None, ge=0, le=366),
              actor: Actor = Depends(case_actor)):
    return {"due": await _call(_records(request).due_contacts, actor, today, days)}


@router.get("/contact-items", summary="連絡記録の選択肢（seed 000 から）")
async def contact_items(actor: Actor = Depends(case_actor)):
    from legalcheck.records.followup import items

    return items()


@router.get("/audit", summary="監査ログ（幹部のみ）")
async def audit_log(request: Request, case_id: int | None = Query(None, ge=1, le=MAX_ID), actor: Actor = Depends(case_actor)):
    return {"entries": await _call(_records(request).audit_log, actor, case_id)}
