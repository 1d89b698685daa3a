"""The law library for lawyers: a provision as it read on a date, its history with the words changed,
and the precedents (filter by element, Japanese search on Sudachi's normalized forms)."""
from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from legalcheck.law import caselaw, statutes
from legalcheck.law.data import LAWS, canonical, law_data
from legalcheck.present import reference
from legalcheck.web import diff, search
from legalcheck.web.pages import PageRoute, error_page, render
from legalcheck.inputs import japan_today

router = APIRouter(include_in_schema=False, route_class=PageRoute)


def provision_index() -> list[dict]:
    out = []
    for (law_id, key), rec in sorted(law_data().provisions.items(),
                                     key=lambda kv: (kv[0][0], tuple(n or 0 for n in kv[0][1]))):
        ref = canonical(key) if law_id == "stalker-act" else f"施行令{canonical(key)}"
        out.append({"ref": ref, "cite": f"{LAWS[law_id]}{canonical(key)}", "title": rec.title,
                    "depth": sum(1 for n in key if n is not None)})
    return out


def _parse_at(value: str | None) -> tuple[date, str | None]:
    if not value:
        return japan_today(), None
    try:
        return date.fromisoformat(value.strip()), None
    except ValueError:
        return japan_today(), f"日付「{value}」を解釈できません。YYYY-MM-DD の形式で指定してください（本日の条文を表示しています）。"


@router.get("/statutes", response_class=HTMLResponse)
def statutes_page(request: Request, ref: str = "2条1項", at: str | None = None):
    at_, error = _parse_at(at)
    shown, message = [], None
    try:
        if ref.strip() in law_data().categories:
            p = statutes.category_provision(ref.strip(), at_)
            shown = [p] if p else []
            if not shown:
                message = reference._render_category(ref.strip(), at_)
        else:
            shown = statutes.provisions_under(ref, at_)
            if not shown:
                message = reference._not_in_force(ref, *statutes.parse_ref(ref, at_), at_)
    except (ValueError, KeyError) as exc:
        error = str(exc).strip("'\"")
    return render(request, "statutes.html", ref=ref, at=at_.isoformat(), shown=shown, message=message,
                  error=error, index=provision_index(), markers=reference.MARKERS)


@router.get("/statutes/history", response_class=HTMLResponse)
def history_page(request: Request, ref: str = "2条1項1号"):
    error, hists = None, []
    try:
        for hist in statutes.history_under(ref):
            versions = []
            for n, p in enumerate(hist):
                prev = hist[n - 1] if n else None
                old = (prev.text or prev.summary) if prev else None
                new = p.text or p.summary
                left, right = diff.side_by_side(old, new) if prev and not p.removed else ([], [])
                versions.append({"p": p, "prev": prev, "left": left, "right": right,
                                 "changed": bool(prev) and old != new})
            hists.append({"cite": hist[0].cite(), "ref": hist[0].ref, "versions": versions})
        if not hists:
            error = f"{ref}は収録していません（本データにない条項です）。"
    except (ValueError, KeyError) as exc:
        error = str(exc).strip("'\"")
    return render(request, "history.html", ref=ref, hists=hists, error=error, index=provision_index(),
                  markers=reference.MARKERS)


@router.get("/precedents", response_class=HTMLResponse)
def precedents_page(request: Request, element: str | None = None, q: str = ""):
    error = None
    if element and element not in caselaw.ELEMENT_LABELS:
        error, element = f"未知の要素です: {element}", None
    found = search.search(q, element)
    terms = search.query_terms(q) if q.strip() else []
    return render(request, "precedents.html", found=found, element=element or "", q=q, terms=terms,
                  error=error, category_label=statutes.category_label)


@router.get("/precedents/{pid}", response_class=HTMLResponse)
def precedent_page(request: Request, pid: str):
    try:
        p = caselaw.precedent(pid)
    except KeyError:
        return error_page(request, 404, f"裁判例「{pid}」は収録していません。")
    # provisions the precedent bears on, as they read on its date and today
    cats = []
    for c in p.categories:
        then = statutes.category_provision(c, p.date) if p.date else None
        now = statutes.category_provision(c, japan_today())
        cats.append({"key": c, "label": statutes.category_label(c), "then": then, "now": now})
    return render(request, "precedent.html", p=p, cats=cats)
