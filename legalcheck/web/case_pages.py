"""The case pages (issue 16): case list and search, a case (its narratives and analyses in time
order, the acts' timeline picture, the schedule, contacts), a saved analysis shown as saved, and
the contacts due across cases. Always behind a login; every read and write goes through
legalcheck.records (permissions and the audit log are there). Narratives are escaped (autoescape)
and never logged; pages are sent no-store (render).

What every handler shares is said once: the login (LoggedIn: else the login redirect), a POST's
CSRF token (PostedForm: else 403) and a refused record (CasePageRoute: the error page of
RecordError's status); a malformed id in the URL is an HTML 404, audited."""
from __future__ import annotations

import logging
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup

from legalcheck.present.timeline_svg import render as timeline_svg
from legalcheck.records import followup
from legalcheck.records.cases import PARTY_ROLES
from legalcheck.records.errors import RecordError
from legalcheck.records.models import MAX_ID
from legalcheck.records.users import ROLE_JA, allowed
from legalcheck.server.runner import AnalysisTimeout, AnalysisUnavailable, analyze_in_worker
from legalcheck.web import view
from legalcheck.web.auth import LoggedIn, PostedForm
from legalcheck.web.forms import AnalysisForm
from legalcheck.web.labels import MEASURE_LABELS, OFFENCE_LABELS
from legalcheck.web.pages import PageRoute, error_page, in_path, render
from legalcheck.inputs import japan_today

log = logging.getLogger("legalcheck.web")
Id = Annotated[int, Path(ge=1, le=MAX_ID)]   # anything else names no record: an HTML 404
BACK = ("/cases", "事件一覧へ戻る")
NO_RECORD = "その事件・記録はありません（URLの番号が正しくありません）。"


def _r(request: Request):
    return request.app.state.records


def _page(request: Request, template: str, actor, code: int = 200, **ctx) -> HTMLResponse:
    return render(request, template, status_code=code, nav="cases", user=actor, role_ja=ROLE_JA,
                  can=lambda perm: allowed(actor.role, perm), **ctx)


async def _call(fn, *args):
    return await run_in_threadpool(fn, *args)


def _failed(request: Request, exc: RecordError) -> HTMLResponse:
    return error_page(request, exc.status if exc.status in (403, 404, 409, 422) else 503, exc.ja, BACK)


class CasePageRoute(PageRoute):
    """A case page's route: a RecordError the handler does not answer itself is the error page of
    its status; a malformed id is the 404 page (audited, as every case-page request is)."""

    def get_route_handler(self):
        handler = super().get_route_handler()

        async def case_handler(request: Request):
            try:
                return await handler(request)
            except RecordError as exc:
                return _failed(request, exc)
        return case_handler

    async def malformed(self, request: Request, exc):
        if not in_path(exc):
            return await super().malformed(request, exc)
        actor = getattr(request.state, "actor", None)   # set by LoggedIn, which runs first
        if actor is not None:
            try:
                await _call(_r(request).note, actor, "page.invalid", "refused", None, f"{request.method} {self.path}")
            except RecordError:
                pass
        return error_page(request, 404, NO_RECORD, BACK)


router = APIRouter(include_in_schema=False, route_class=CasePageRoute)


@router.get("/cases", response_class=HTMLResponse)
async def case_list(request: Request, actor: LoggedIn):
    q = (request.query_params.get("q") or "")[:100]
    status = request.query_params.get("status") or None
    cases = await _call(_r(request).list_cases, actor, q, status if status in ("open", "closed") else None)
    return _page(request, "cases.html", actor, cases=cases, q=q, status=status or "", party_roles=PARTY_ROLES)


@router.post("/cases", response_class=HTMLResponse)
async def case_create(request: Request, actor: LoggedIn, data: PostedForm):
    parties = [{"role": r, "label": str(data.get(f"party_label_{r}") or "").strip()[:100] or None}
               for r in ("victim", "suspect") if str(data.get(f"party_label_{r}") or "").strip()]
    try:
        case = await _call(_r(request).create_case, actor, str(data.get("number") or ""), str(data.get("title") or ""),
                           parties)
    except RecordError as exc:
        if exc.status in (409, 422):
            cases = await _call(_r(request).list_cases, actor, None, None)
            return _page(request, "cases.html", actor, 422, cases=cases, q="", status="", error=exc.ja,
                         form={"number": data.get("number") or "", "title": data.get("title") or ""})
        raise
    return RedirectResponse(f"/cases/{case['id']}", status_code=303)


def _latest_analysis(records, actor, case: dict) -> dict | None:
    if not case["analyses"]:
        return None
    return records.get_analysis(actor, case["id"], case["analyses"][-1]["id"])


async def _case_page(request: Request, actor, case_id: int, status: int = 200, **ctx) -> HTMLResponse:
    records = _r(request)
    case = await _call(records.get_case, actor, case_id)
    latest = await _call(_latest_analysis, records, actor, case)
    by_narrative = {a["narrative_id"]: a for a in case["analyses"] if a["narrative_id"]}
    timeline = []   # narratives and re-analyses in the order they were made
    for n in case["narratives"]:
        timeline.append({"kind": "narrative", "at": n["created_at"], "narrative": n, "analysis": by_narrative.get(n["id"])})
    for a in case["analyses"]:
        if a["scope"] == "combined":
            timeline.append({"kind": "combined", "at": a["created_at"], "analysis": a})
    timeline.sort(key=lambda t: t["at"])
    svg = Markup(timeline_svg(latest["analysis"], id_prefix="case-timeline")) if latest else None
    return _page(request, "case.html", actor, status, case=case, timeline=timeline, svg=svg, latest=latest,
                 open_contacts=[t for t in case["tasks"] if t["kind"] == "contact" and t["status"] == "open"],
                 items=followup.items(), choices=followup.choices, measure_labels=MEASURE_LABELS,
                 offence_labels=OFFENCE_LABELS,
                 form=ctx.pop("form", None) or AnalysisForm(), max_chars=request.app.state.settings.max_narrative_chars,
                 today=japan_today().isoformat(), **ctx)


@router.get("/cases/{case_id}", response_class=HTMLResponse)
async def case_page(request: Request, case_id: Id, actor: LoggedIn):
    return await _case_page(request, actor, case_id)


@router.get("/cases/{case_id}/analyses/{analysis_id}", response_class=HTMLResponse)
async def saved_analysis(request: Request, case_id: Id, analysis_id: Id, actor: LoggedIn):
    """An analysis exactly as saved (with the versions that made it), whatever the law data says today."""
    saved = await _call(_r(request).get_analysis, actor, case_id, analysis_id)
    result = view.build(saved["analysis"], saved["request"]["narrative"])
    return _page(request, "saved_analysis.html", actor, saved=saved, result=result, case_id=case_id,
                 svg=Markup(timeline_svg(saved["analysis"], id_prefix="saved-timeline")))


async def _analyse(request: Request, req: dict) -> tuple[dict | None, str | None]:
    try:
        return await analyze_in_worker(request.app, req["narrative"], req.get("incident_date"),
                                       req.get("prior_measures") or ()), None
    except ValueError as exc:   # InputError: says what is wrong, never echoes the narrative
        return None, str(exc)
    except AnalysisTimeout:
        return None, "分析が時間内に終わりませんでした。記述を分けて追加してください。入力はそのまま残してあります。"
    except (AnalysisUnavailable, Exception) as exc:  # noqa: BLE001 - the page answers; the log gets no text
        log.error("case analysis failed: %s", type(exc).__name__)
        return None, "分析中にエラーが発生しました。入力はそのまま残してあります。時間をおいて再度お試しください。"


@router.post("/cases/{case_id}/narratives", response_class=HTMLResponse)
async def add_narrative(request: Request, case_id: Id, actor: LoggedIn, data: PostedForm):
    form = AnalysisForm.from_form(data)
    received = str(data.get("received_on") or "")
    if not form.validate(request.app.state.settings.max_narrative_chars):
        return await _case_page(request, actor, case_id, 422, form=form)
    await _call(_r(request).allow, actor, "narrative.add", case_id)
    await _call(_r(request).cipher.check)
    req = form.request()
    analysis, error = await _analyse(request, req)
    if error:
        form.errors["narrative"] = error
        return await _case_page(request, actor, case_id, 422, form=form)
    try:
        on = date.fromisoformat(received) if received else None
    except ValueError:
        on = None
    try:
        saved = await _call(_r(request).add_narrative, actor, case_id, req, analysis, on)
    except RecordError as exc:
        form.errors["narrative"] = exc.ja + "（入力はそのまま残してあります）"
        return await _case_page(request, actor, case_id, exc.status if exc.status < 500 else 503, form=form)
    return RedirectResponse(f"/cases/{case_id}#analysis-{saved['analysis_id']}", status_code=303)


@router.post("/cases/{case_id}/reanalyse", response_class=HTMLResponse)
async def reanalyse(request: Request, case_id: Id, actor: LoggedIn, _form: PostedForm):
    records = _r(request)
    req = await _call(records.combined_request, actor, case_id)
    analysis, error = await _analyse(request, req)
    if error:
        return await _case_page(request, actor, case_id, 422, reanalysis_error=error)
    saved = await _call(records.save_reanalysis, actor, case_id, req, analysis)
    return await _case_page(request, actor, case_id, changes=saved["changes"], changes_id=saved["analysis_id"])


def _contact_form(data) -> dict:
    items = {i["id"]: str(data.get(f"item_{i['id']}") or "").strip() for i in followup.items()["items"]["choices"]}
    task = str(data.get("task_id") or "")
    return {"task_id": int(task) if task.isdigit() else None, "contacted_on": str(data.get("contacted_on") or ""),
            "means": data.get("means"), "reached": data.get("reached") == "yes",
            "items": {k: v for k, v in items.items() if v}, "recidivism": data.get("recidivism"),
            "retaliation": data.get("retaliation"), "risk_note": str(data.get("risk_note") or ""),
            "decision": data.get("decision"), "stop_reason": data.get("stop_reason") or None,
            "victim_informed": data.get("victim_informed") == "yes" or None, "reason": str(data.get("reason") or "")}


@router.post("/cases/{case_id}/contacts", response_class=HTMLResponse)
async def add_contact(request: Request, case_id: Id, actor: LoggedIn, data: PostedForm):
    form = _contact_form(data)
    try:
        await _call(_r(request).record_contact, actor, case_id, form)
    except RecordError as exc:
        if exc.status == 422:
            return await _case_page(request, actor, case_id, 422, contact_error=exc.ja, contact_form=form)
        raise
    return RedirectResponse(f"/cases/{case_id}#contacts", status_code=303)


@router.post("/cases/{case_id}/orders/{order_id}/extension", response_class=HTMLResponse)
async def extend(request: Request, case_id: Id, order_id: Id, actor: LoggedIn, data: PostedForm):
    try:
        on = date.fromisoformat(str(data.get("extended_on") or ""))
    except ValueError:
        return await _case_page(request, actor, case_id, 422, extension_error="延長の処分をした日を入力してください。")
    try:
        await _call(_r(request).record_extension, actor, case_id, order_id, on)
    except RecordError as exc:
        if exc.status == 422:
            return await _case_page(request, actor, case_id, 422, extension_error=exc.ja)
        raise
    return RedirectResponse(f"/cases/{case_id}#schedule", status_code=303)


@router.post("/cases/{case_id}/status", response_class=HTMLResponse)
async def set_status(request: Request, case_id: Id, actor: LoggedIn, data: PostedForm):
    await _call(_r(request).set_status, actor, case_id, str(data.get("status") or ""))
    return RedirectResponse(f"/cases/{case_id}", status_code=303)


@router.post("/cases/{case_id}/delete", response_class=HTMLResponse)
async def delete(request: Request, case_id: Id, actor: LoggedIn, data: PostedForm):
    if data.get("confirm") != "yes":
        return await _case_page(request, actor, case_id, 422, delete_error="削除するには確認欄にチェックを入れてください。")
    await _call(_r(request).delete_case, actor, case_id, str(data.get("reason") or ""))
    return RedirectResponse("/cases", status_code=303)


@router.get("/contacts/due", response_class=HTMLResponse)
async def due_page(request: Request, actor: LoggedIn):
    rows = await _call(_r(request).due_contacts, actor)
    return render(request, "due.html", nav="due", user=actor, role_ja=ROLE_JA, rows=rows,
                  today=japan_today().isoformat(), window=_r(request).settings.due_window_days)
