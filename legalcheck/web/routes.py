"""Page routes: the officer's analysis page (/), its JSON download and the date comparison.

The library (/statutes, /precedents) and training (/training) live in their own modules and are
included here, so the server needs only this router. Narratives are never logged.
"""
from __future__ import annotations

import json
import logging
from datetime import date

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

import legalcheck
from legalcheck.web import auth, case_pages, datecompare, library, training, view
from legalcheck.web.forms import AnalysisForm
from legalcheck.web.locks import NLP_LOCK
from legalcheck.web.labels import MEASURE_LABELS
from legalcheck.web.pages import CSRF_FIELD, CSRFError, PageRoute, check_csrf, error_page, is_htmx, render
from legalcheck.inputs import japan_today

log = logging.getLogger("legalcheck.web")
router = APIRouter(include_in_schema=False, route_class=PageRoute)
router.include_router(library.router)
router.include_router(training.router)
router.include_router(auth.router)
router.include_router(case_pages.router)



def run_analysis(narrative: str, incident_date=None, prior_measures=(), today=None) -> dict:
    with NLP_LOCK:
        return legalcheck.analyze(narrative, incident_date=incident_date, prior_measures=prior_measures,
                                  today=today).to_dict()


def _max_chars(request: Request) -> int:
    return request.app.state.settings.max_narrative_chars


async def _read(request: Request) -> AnalysisForm:
    data = await request.form()
    check_csrf(request, data.get(CSRF_FIELD))
    return AnalysisForm.from_form(data)


def _page(request: Request, form: AnalysisForm, status: int = 200, **ctx) -> HTMLResponse:
    template = "result_fragment.html" if is_htmx(request) else "index.html"
    return render(request, template, status_code=status, form=form, measure_labels=MEASURE_LABELS,
                  max_chars=_max_chars(request), **ctx)


async def _analyse(request: Request, form: AnalysisForm) -> tuple[dict | None, str | None]:
    req = form.request()
    try:
        return await run_in_threadpool(run_analysis, req["narrative"], req["incident_date"], req["prior_measures"]), None
    except ValueError as exc:   # InputError: says what is wrong, never echoes the narrative
        return None, str(exc)
    except Exception as exc:  # noqa: BLE001 — the page must answer; the log gets no text
        log.error("analysis failed: %s", type(exc).__name__)
        return None, "分析中にエラーが発生しました。入力はそのまま残してあります。時間をおいて再度お試しください。"


@router.get("/", response_class=HTMLResponse)
def index(request: Request):
    return _page(request, AnalysisForm())


async def _posted_analysis(request: Request):
    """The form of a POST and its analysis, or the page that says what is wrong (the text kept)."""
    try:
        form = await _read(request)
    except CSRFError as exc:
        return None, None, error_page(request, 403, str(exc))
    if not form.validate(_max_chars(request)):
        return form, None, _page(request, form, 422)
    analysis, error = await _analyse(request, form)
    if error:
        form.errors["narrative"] = error
        return form, None, _page(request, form, 422)
    return form, analysis, None


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_page(request: Request):
    form, analysis, refused = await _posted_analysis(request)
    if refused is not None:
        return refused
    return _page(request, form, result=view.build(analysis, form.narrative))


@router.post("/analyze.json")
async def analyze_json(request: Request):
    form, analysis, refused = await _posted_analysis(request)
    if refused is not None:
        return refused
    body = json.dumps(analysis, ensure_ascii=False, indent=2)
    return Response(body, media_type="application/json; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="legalcheck-analysis.json"',
                             "Cache-Control": "no-store"})


@router.post("/compare", response_class=HTMLResponse)
async def compare_page(request: Request):
    form, analysis, refused = await _posted_analysis(request)
    if refused is not None:
        return refused
    req = form.request()
    today = japan_today()
    try:
        table = await run_in_threadpool(datecompare.compare, form.narrative, form.incident(), req["prior_measures"],
                                        analysis, run_analysis, today)
    except Exception as exc:  # noqa: BLE001 — as in _analyse: an answer for the page, no text in the log
        log.error("date comparison failed: %s", type(exc).__name__)
        form.errors["narrative"] = "日付による比較中にエラーが発生しました。入力はそのまま残してあります。"
        return _page(request, form, 422)
    template = "compare_fragment.html" if is_htmx(request) else "index.html"
    ctx = {"comparison": table, "today": today.isoformat()}
    if template == "index.html":
        ctx["result"] = view.build(analysis, form.narrative)
    return render(request, template, form=form, measure_labels=MEASURE_LABELS, max_chars=_max_chars(request), **ctx)
