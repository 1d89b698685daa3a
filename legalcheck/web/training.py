"""Training for new investigators: mark each act and element, then compare with the analysis.

The answer key is analyze() on the scenario (the same analysis the officers' page shows). A trainee
joins with a group code and a nickname (no accounts); the trainer opens the group's page to see
every answer per scenario.
"""
from __future__ import annotations

import re
from functools import lru_cache
from datetime import date

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse
from itsdangerous import BadSignature

from legalcheck.law.data import ELEMENTS
from legalcheck.law import statutes
from legalcheck.web import labels, scenarios, store, view
from legalcheck.web.pages import CSRF_FIELD, CSRFError, PageRoute, check_csrf, error_page, render, signer
from legalcheck.inputs import japan_today

router = APIRouter(include_in_schema=False, route_class=PageRoute)
SESSION_COOKIE = "lc_training"
_CODE = re.compile(r"^[A-Za-z0-9_-]{3,24}$")


def _db(request: Request) -> str:
    return request.app.state.settings.training_db


def session_of(request: Request) -> dict | None:
    raw = request.cookies.get(SESSION_COOKIE)
    if not raw:
        return None
    try:
        data = signer(request, "legalcheck-training").loads(raw)
    except BadSignature:
        return None
    return data if isinstance(data, dict) and "g" in data and "n" in data else None


@lru_cache(maxsize=64)
def _key(sid: str, day: date) -> dict:
    from legalcheck.web.routes import run_analysis

    s = scenarios.scenario(sid)
    return run_analysis(s.narrative, s.incident_date, list(s.prior_measures), today=day)


def answer_key(sid: str) -> dict:
    return _key(sid, japan_today())


def truth(analysis: dict) -> dict[str, str]:
    out = {k: view.best_status(a["status"] for a in analysis["acts"] if a["key"] == k)
           for k in scenarios.ANSWER_ACTS}
    out.update({e: analysis["elements"][e]["status"] for e in ELEMENTS})
    return out


def item_label(item: str) -> str:
    if item in labels.ELEMENT_LABELS:
        return labels.ELEMENT_LABELS[item]
    return statutes.category_label(item)


def _word(item: str, status: str | None) -> str:
    table = labels.STATUS if item in ELEMENTS else labels.ACT_STATUS
    if status not in table:
        return "未回答"
    mark, word, _ = table[status]
    return f"{mark} {word}"


def _why(item: str, status: str, analysis: dict) -> tuple[str, list[str]]:
    """The analysis's own reasoning for its answer, and its questions."""
    if item in ELEMENTS:
        e = analysis["elements"][item]
        return e["reasoning"], e.get("questions", [])
    acts = [a for a in analysis["acts"] if a["key"] == item]
    if not acts:
        return "記述の中に、この号に当たる行為は書かれていません。", []
    chosen = next((a for a in acts if a["status"] == status), acts[0])
    return chosen["reasoning"], chosen.get("questions", [])


def compare(marks: dict[str, str], analysis: dict, s: scenarios.Scenario) -> dict:
    key = truth(analysis)
    rows = []
    for item in list(ELEMENTS) + list(scenarios.ANSWER_ACTS):
        mine, right = marks.get(item), key[item]
        counted = item in ELEMENTS or right != "not_satisfied" or (mine or "not_satisfied") != "not_satisfied"
        if not counted:
            continue
        reason, questions = _why(item, right, analysis)
        ok = mine == right
        if ok:
            summary = f"正解です。分析も「{_word(item, right)}」です。"
        else:
            summary = f"あなたは「{_word(item, mine)}」、分析は「{_word(item, right)}」です。"
        rows.append({"item": item, "label": item_label(item), "mine": mine, "right": right, "ok": ok,
                     "summary": summary, "reason": reason, "questions": questions,
                     "note": s.notes.get(item), "mine_word": _word(item, mine), "right_word": _word(item, right)})
    correct = sum(r["ok"] for r in rows)
    return {"rows": rows, "correct": correct, "total": len(rows),
            "wrong": [r for r in rows if not r["ok"]], "right_rows": [r for r in rows if r["ok"]]}


def _session_score(request: Request) -> dict | None:
    sess = session_of(request)
    if not sess:
        return None
    answers = store.latest(_db(request), sess["g"], sess["n"])
    return {"group": sess["g"], "name": sess["n"], "answered": len(answers),
            "correct": sum(a["correct"] for a in answers), "total": sum(a["total"] for a in answers),
            "by_scenario": {a["scenario"]: a for a in answers}}


@router.get("/training", response_class=HTMLResponse)
def training_index(request: Request, error: str | None = None):
    return render(request, "training_index.html", scenarios=list(scenarios.scenarios().values()),
                  traps=scenarios.TRAPS, score=_session_score(request), error=error,
                  category_label=statutes.category_label)


@router.post("/training/session")
async def training_session(request: Request):
    form = await request.form()
    try:
        check_csrf(request, form.get(CSRF_FIELD))
    except CSRFError as exc:
        return error_page(request, 403, str(exc))
    code, name = str(form.get("group") or "").strip(), str(form.get("name") or "").strip()
    if form.get("leave"):
        resp = RedirectResponse("/training", status_code=303)
        resp.delete_cookie(SESSION_COOKIE, path="/")
        return resp
    if not _CODE.match(code) or not (1 <= len(name) <= 30):
        return render(request, "training_index.html", status_code=422, scenarios=list(scenarios.scenarios().values()),
                      traps=scenarios.TRAPS, score=_session_score(request), category_label=statutes.category_label,
                      error="研修コードは英数字3〜24文字、名前（ニックネーム）は1〜30文字で入力してください。",
                      group=code, name=name)
    resp = RedirectResponse("/training", status_code=303)
    resp.set_cookie(SESSION_COOKIE, signer(request, "legalcheck-training").dumps({"g": code, "n": name}),
                    httponly=True, samesite="strict", path="/", secure=request.url.scheme == "https")
    return resp


def _scenario_or_404(request: Request, sid: str):
    try:
        return scenarios.scenario(sid), None
    except KeyError:
        return None, error_page(request, 404, f"研修シナリオ「{sid}」はありません。")


@router.get("/training/group/{code}", response_class=HTMLResponse)
async def training_group(request: Request, code: str):
    if not _CODE.match(code):
        return error_page(request, 404, "研修コードは英数字3〜24文字です。")
    answers = store.latest(_db(request), code)
    per = []
    for s in scenarios.scenarios().values():
        got = [a for a in answers if a["scenario"] == s.id]
        if not got:
            continue
        key = truth(await run_in_threadpool(answer_key, s.id))
        items = [i for i in list(ELEMENTS) + list(scenarios.ANSWER_ACTS)
                 if i in ELEMENTS or key[i] != "not_satisfied" or any(a["marks"].get(i, "not_satisfied") != "not_satisfied" for a in got)]
        cols = [{"item": i, "label": item_label(i), "right": _word(i, key[i]),
                 "n_ok": sum(a["marks"].get(i) == key[i] for a in got)} for i in items]
        rows = [{"name": a["trainee"], "correct": a["correct"], "total": a["total"],
                 "cells": [{"word": _word(i, a["marks"].get(i)), "ok": a["marks"].get(i) == key[i]} for i in items]}
                for a in got]
        per.append({"s": s, "cols": cols, "rows": rows})
    return render(request, "training_group.html", code=code, per=per)


@router.get("/training/{sid}", response_class=HTMLResponse)
def training_scenario(request: Request, sid: str):
    s, err = _scenario_or_404(request, sid)
    if err:
        return err
    return render(request, "training_scenario.html", s=s, acts=scenarios.ANSWER_ACTS, elements=ELEMENTS,
                  item_label=item_label, score=_session_score(request), marks={}, errors=[],
                  measure_labels=labels.MEASURE_LABELS)


@router.post("/training/{sid}", response_class=HTMLResponse)
async def training_answer(request: Request, sid: str):
    s, err = _scenario_or_404(request, sid)
    if err:
        return err
    form = await request.form()
    try:
        check_csrf(request, form.get(CSRF_FIELD))
    except CSRFError as exc:
        return error_page(request, 403, str(exc))
    marks = {i: str(form.get(i) or "") for i in list(ELEMENTS) + list(scenarios.ANSWER_ACTS)}
    missing = [item_label(e) for e in ELEMENTS if marks[e] not in scenarios.STATUSES]
    marks = {k: v for k, v in marks.items() if v in scenarios.STATUSES}
    if missing:
        return render(request, "training_scenario.html", status_code=422, s=s, acts=scenarios.ANSWER_ACTS,
                      elements=ELEMENTS, item_label=item_label, score=_session_score(request), marks=marks,
                      errors=[f"「{m}」を選んでください。" for m in missing], measure_labels=labels.MEASURE_LABELS)
    analysis = await run_in_threadpool(answer_key, sid)
    result = compare(marks, analysis, s)
    sess = session_of(request)
    if sess:
        store.save(_db(request), sess["g"], sess["n"], sid, marks, result["correct"], result["total"])
    ids = list(scenarios.scenarios())
    nxt = ids[ids.index(sid) + 1] if ids.index(sid) + 1 < len(ids) else None
    return render(request, "training_reveal.html", s=s, cmp=result, score=_session_score(request),
                  result=view.build(analysis, s.narrative), next_id=nxt, measure_labels=labels.MEASURE_LABELS)
