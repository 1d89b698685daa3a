"""/api/v1 routes and the health probes. Presentation only: every answer comes from legalcheck.analysis
and legalcheck.law; the analysis itself runs in the worker's analysis process (server/runner.py)."""
from __future__ import annotations

import asyncio
import json
import logging
import os
import unicodedata
from datetime import date

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError

import legalcheck
from legalcheck.api import models
from legalcheck.api.access import ProblemException, guard
from legalcheck.api.errors import field_errors, input_error_problem
from legalcheck.law import caselaw, statutes
from legalcheck.law.data import ACT_KEYS, ELEMENTS, LawDataError, data_version, law_data
from legalcheck.server import metrics, problems
from legalcheck.server.runner import AnalysisTimeout, AnalysisUnavailable
from legalcheck.inputs import japan_today

log = logging.getLogger("legalcheck.api")

router = APIRouter()
v1 = APIRouter(prefix="/api/v1", dependencies=[Depends(guard)])

_COMMON = problems.openapi_responses(problems.UNAUTHORIZED, problems.RATE_LIMITED, problems.INVALID_INPUT)
_ANALYSIS = problems.openapi_responses(problems.UNAUTHORIZED, problems.RATE_LIMITED, problems.INVALID_INPUT,
                                       problems.BODY_TOO_LARGE, problems.NOT_READY, problems.TIMEOUT)


@router.get("/healthz", tags=["運用"], response_model=models.Health)
def healthz() -> dict:
    """生存確認 (alive): the process answers."""
    return {"status": "ok"}


@router.get("/readyz", tags=["運用"], response_model=models.Ready,
            responses=problems.openapi_responses(problems.NOT_READY))
def readyz(request: Request):
    """準備完了の確認 (ready): the analysis pipeline is built and the law data loaded and valid."""
    runner = request.app.state.runner
    try:
        law_data()
        version = data_version()
    except LawDataError:
        return problems.response(problems.NOT_READY, "法令データが不正です", "law data failed validation",
                                 request=request, code="law_data")
    if not runner.ready:
        return problems.response(problems.NOT_READY, "分析の準備中です", "analysis pipeline not ready",
                                 request=request, code="starting", headers={"Retry-After": "2"})
    return {"status": "ready", "legalcheck_version": legalcheck.__version__, "data_version": version,
            "worker_pid": os.getpid()}


# ---------------------------------------------------------------- analysis


def _kwargs(req: models.AnalyzeRequest) -> dict:
    return {"narrative": req.narrative, "incident_date": req.incident_date,
            "prior_measures": [m.model_dump() for m in req.prior_measures]}


def _limits(req: models.AnalyzeRequest, settings, loc: str = "") -> None:
    if len(req.narrative) > settings.max_narrative_chars:
        n = settings.max_narrative_chars
        raise ProblemException(problems.INVALID_INPUT, f"{loc}narrative: {n}文字以内にしてください",
                               f"{loc}narrative: longer than {n} characters", field=f"{loc}narrative", code="too_long")
    if len(req.prior_measures) > settings.max_prior_measures:
        n = settings.max_prior_measures
        raise ProblemException(problems.INVALID_INPUT, f"{loc}prior_measures: {n}件以内にしてください",
                               f"{loc}prior_measures: more than {n} entries", field=f"{loc}prior_measures",
                               code="too_many")


async def _run(request: Request, req: models.AnalyzeRequest, loc: str = "") -> tuple[str, dict]:
    """("ok", analysis as JSON bytes) or ("error", problem body) for one validated request."""
    settings = request.app.state.settings
    try:
        kind, payload, seconds = await request.app.state.runner.analyze(_kwargs(req), settings.analysis_timeout_s)
    except AnalysisTimeout:
        metrics.TIMEOUTS.inc()
        log.warning("analysis timeout", extra={"event": "timeout", "timeout_s": settings.analysis_timeout_s})
        t = settings.analysis_timeout_s
        return "error", problems.body(problems.TIMEOUT, f"{loc}分析が{t}秒以内に終わりませんでした",
                                      f"{loc}analysis did not finish within {t} s", code="timeout",
                                      request_id=request.state.request_id)
    except AnalysisUnavailable:
        return "error", problems.body(problems.NOT_READY, "分析の準備中です。しばらくして再試行してください",
                                      "analysis process restarting; retry shortly", code="restarting",
                                      request_id=request.state.request_id)
    if settings.metrics_enabled:
        metrics.ANALYSIS.observe(seconds)
        metrics.NARRATIVE.observe(len(req.narrative))
    if kind == "ok":
        return "ok", payload
    if kind == "input":
        return "error", input_error_problem(payload, loc, request.state.request_id)
    # The analyser failed on this narrative (a defect, logged by type): the client still gets a clear
    # 422 for its input rather than a 500, and can report the request id.
    log.error("analysis failed", extra={"event": "analysis_error", "exc_type": payload})
    return "error", problems.body(problems.INVALID_INPUT,
                                  f"{loc}narrative: この記述は分析できませんでした（request_id を添えて管理者に連絡してください）",
                                  f"{loc}narrative: this narrative could not be analysed; report the request_id",
                                  field=f"{loc}narrative", code="unanalysable", request_id=request.state.request_id)


@v1.post("/analyze", tags=["分析"], response_model=models.Analysis, responses=_ANALYSIS,
         summary="事案の記述を分析する (contract §2–3)")
async def analyze(request: Request, body: models.AnalyzeRequest):
    """事案の記述（と任意で行為日・事前の措置）を受け取り、構成要件ごとの分析（contract.md §2）を返す。

    根拠箇所の `start`/`end` は送られた `narrative` の文字位置（`narrative[start:end] == text`）。"""
    request.state.narrative_chars = len(body.narrative)
    _limits(body, request.app.state.settings)
    kind, out = await _run(request, body)
    if kind == "ok":
        if body.id is not None:   # the analysis object with one more key, without decoding it
            out = out[:-1] + b',"id":' + json.dumps(body.id, ensure_ascii=False).encode() + b"}"
        return Response(out, media_type="application/json")
    headers = {"Retry-After": "2"} if out["status"] == 503 else None
    return JSONResponse(out, status_code=out["status"], media_type=problems.MEDIA_TYPE, headers=headers)


@v1.post("/analyze/batch", tags=["分析"], response_model=models.BatchResponse, responses=_ANALYSIS,
         summary="複数の記述をまとめて分析する")
async def analyze_batch(request: Request, body: models.BatchRequest):
    """依頼の列を受け取り、同じ順に一件ずつ結果（analysis）かエラー（error, problem+json と同じ形）を返す。
    一件の不正は他の件に影響しない。件数の上限は設定 `LEGALCHECK_BATCH_MAX_ITEMS`。"""
    settings = request.app.state.settings
    if len(body.requests) > settings.batch_max_items:
        n = settings.batch_max_items
        raise ProblemException(problems.INVALID_INPUT, f"requests: {n}件以内にしてください",
                               f"requests: more than {n} items", field="requests", code="too_many")
    request.state.items = len(body.requests)
    results, valid = [], []
    for i, raw in enumerate(body.requests):
        loc = f"requests[{i}]."
        item_id = raw.get("id") if isinstance(raw.get("id"), str) else None
        try:
            req = models.AnalyzeRequest.model_validate(raw)
            _limits(req, settings, loc)
        except ValidationError as exc:
            errs = field_errors(exc.errors(), prefix=loc)
            first = errs[0]
            results.append({"index": i, "id": item_id, "error": problems.body(
                problems.INVALID_INPUT, first["detail"], first["detail_en"], field=first["field"],
                code=first["code"], errors=errs, request_id=request.state.request_id)})
            continue
        except ProblemException as exc:
            results.append({"index": i, "id": item_id, "error": problems.body(
                exc.kind, exc.ja, exc.en, request_id=request.state.request_id, **exc.kw)})
            continue
        results.append({"index": i, "id": req.id})
        valid.append((results[-1], req, loc))
    # the valid items at once: the worker's analysis processes take them in parallel
    for (item, req, loc), (kind, out) in zip(valid, await asyncio.gather(*(_run(request, r, lc) for _, r, lc in valid))):
        item["error" if kind == "error" else "analysis"] = out
    # analyses arrive as JSON bytes from the analysis process: splice them in rather than decode them
    parts = []
    for item in results:
        analysis = item.pop("analysis", None)
        head = json.dumps(item, ensure_ascii=False).encode()
        parts.append(head if analysis is None else head[:-1] + b',"analysis":' + analysis + b"}")
    return Response(b'{"results":[' + b",".join(parts) + b"]}", media_type="application/json")


# ---------------------------------------------------------------- statutes and precedents


def _at(value: str | None) -> date:
    if value is None:
        return japan_today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ProblemException(problems.INVALID_INPUT, f"at: 存在しない日付です（{value[:20]}）",
                               f"at: impossible date {value[:20]!r}", field="at", code="impossible_date") from None


def _provision_out(p: statutes.Provision) -> dict:
    return {"ref": p.cite(), "title": p.title, "version": p.version.isoformat(),
            "until": p.until.isoformat() if p.until else None, "law": p.amended_by, "text": p.text,
            "summary": p.summary, "verification": p.verification, "source": p.source, "note": p.note,
            "removed": p.removed}


def _bad_ref(ref: str, exc: Exception):
    return ProblemException(problems.INVALID_INPUT, f"ref: {str(exc)[:200]}",
                            "ref: not a provision reference (e.g. 2条1項1号, 18条, 2-1-1)", field="ref", code="bad_ref")


_REF = Path(description="条項（2条1項1号、第二条第三項、18条、施行令1条）または行為類型（2-1-1:mihari）",
            examples=["2条1項1号"], max_length=100)
_DATE_Q = Query(None, description="この日の時点の条文（既定は今日）", pattern=r"^\d{4}-\d{2}-\d{2}$",
                examples=["2020-03-01"], json_schema_extra={"format": "date"})


@v1.get("/statutes/{ref}", tags=["条文"], response_model=models.StatuteAt,
        responses={**_COMMON, **problems.openapi_responses(problems.NOT_FOUND)},
        summary="ある日の時点の条文")
def statute_at(request: Request, ref: str = _REF, at: str | None = _DATE_Q):
    """`ref` の規定（柱書と各号）を `at` の日に読まれていたとおりに返す。"""
    day = _at(at)
    ref = ref.strip()
    try:
        if ref in law_data().categories:
            p = statutes.category_provision(ref, day)
            shown = [p] if p is not None else []
        else:
            shown = statutes.provisions_under(ref, day)
            if not shown and not statutes.history_under(ref):
                raise ProblemException(problems.NOT_FOUND, f"{ref[:40]} は収録していません",
                                       "provision not in the data", field="ref", code="unknown_ref")
    except ValueError as exc:
        raise _bad_ref(ref, exc) from None
    msg = None if shown else f"{ref}は{day.isoformat()}に効力のある版がありません"
    return {"ref": ref, "at": day.isoformat(), "provisions": [_provision_out(p) for p in shown], "message": msg}


@v1.get("/statutes/{ref}/history", tags=["条文"], response_model=models.StatuteHistory,
        responses={**_COMMON, **problems.openapi_responses(problems.NOT_FOUND)},
        summary="条文の改正履歴")
def statute_history(request: Request, ref: str = _REF):
    """`ref` とその下の各規定の全版（施行日・改正法・検証状況・出典つき）。"""
    ref = ref.strip()
    try:
        hists = statutes.history_under(ref)
    except ValueError as exc:
        raise _bad_ref(ref, exc) from None
    if not hists:
        raise ProblemException(problems.NOT_FOUND, f"{ref[:40]} は収録していません", "provision not in the data",
                               field="ref", code="unknown_ref")
    return {"ref": ref, "provisions": [[_provision_out(p) for p in h] for h in hists]}


def _search_terms(q: str | None) -> list[str]:
    return [t for t in unicodedata.normalize("NFKC", q or "").split() if t][:10]


@v1.get("/precedents", tags=["判例"], response_model=models.PrecedentList, responses=_COMMON,
        summary="判例の一覧（要素・行為類型・語句で絞込み）")
def precedent_list(request: Request,
                   element: str | None = Query(None, description="要素ID", json_schema_extra={"enum": list(ELEMENTS)}),
                   category: str | None = Query(None, description="行為類型（2-1-1:mihari など）",
                                                json_schema_extra={"enum": list(ACT_KEYS)}),
                   q: str | None = Query(None, max_length=200, description="語句（空白区切りはすべてを含む）",
                                         examples=["見張り"])):
    """判例（要旨）の一覧。`q` は判示・争点・裁判所・出典表記から日本語で検索する。"""
    try:
        found = caselaw.precedents(element=element, category=category)
    except ValueError as exc:
        fld = "element" if element is not None and element not in ELEMENTS else "category"
        raise ProblemException(problems.INVALID_INPUT, f"{fld}: {str(exc)[:200]}", f"{fld}: unknown value",
                               field=fld, code="unknown_value") from None
    terms = _search_terms(q)
    out = []
    for p in found:
        hay = unicodedata.normalize("NFKC", " ".join([p.citation, p.question, p.holding, p.court, p.later_law or ""]))
        if all(t in hay for t in terms):
            out.append(p.to_dict())
    return {"count": len(out), "precedents": out}


@v1.get("/precedents/{precedent_id}", tags=["判例"], response_model=models.PrecedentOut,
        responses={**_COMMON, **problems.openapi_responses(problems.NOT_FOUND)}, summary="判例一件")
def precedent_one(request: Request, precedent_id: str = Path(max_length=100, examples=["sc-2020-07-30-1528"])):
    try:
        return caselaw.precedent(precedent_id).to_dict()
    except KeyError:
        raise ProblemException(problems.NOT_FOUND, "その判例IDは収録していません", "unknown precedent id",
                               field="precedent_id", code="unknown_id") from None


router.include_router(v1)
