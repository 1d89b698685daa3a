"""「日付を動かすと何が変わるか」: the same narrative re-run with its dates moved across each amendment.

A presentation-side re-run, no legal logic: every year written in the narrative (和暦 or 西暦), the
incident date and the prior measures' dates are moved by the same number of years, so the acts keep
their order, months and days; analyze() then judges them under the law of their new dates. The page
says exactly this. The comparison points come from the law data (statutes.amendment_dates()): before
the first amendment year, and after the last change of each amendment year.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Callable

from legalcheck.law.data import law_data
from legalcheck.text.dates import find_dates
from legalcheck.web.view import best_status

_ERA_YEAR = re.compile(r"^(明治|大正|昭和|平成|令和)\s*([0-9０-９]+|元|[一二三四五六七八九十]+)\s*年")
_WESTERN_YEAR = re.compile(r"^([0-9０-９]{4})\s*年")
_NUMERIC = re.compile(r"^(?:[0-9０-９]{4}|[MTSHRmtshrＭＴＳＨＲ]\s*[0-9０-９]{1,2})(?=\s*[/\-.／－．])")


@dataclass(frozen=True)
class Point:
    label: str
    law: str
    dates: tuple[date, ...]   # the days this amending law changed something, oldest first
    after: bool               # True: the acts moved after (one of) these days; False: before the first


def _changes() -> list[tuple[date, str]]:
    """(day, amending law) of every version of the Act's provisions and penalties."""
    d = law_data()
    found = {(v.start, v.law) for (lid, _), r in d.provisions.items() if lid == "stalker-act" for v in r.versions}
    found |= {(v["start"], v["law"]) for o in d.penalties.values() for v in o["versions"]}
    return sorted(found)


def points() -> list[Point]:
    """From the data: before the first amendment, then after each amending law."""
    by_law: dict[str, list[date]] = {}
    for day, law in _changes():
        by_law.setdefault(law, []).append(day)
    groups = sorted(((sorted(set(ds)), law) for law, ds in by_law.items()), key=lambda g: g[0][0])[1:]  # [0]: enactment
    first_days, first_law = groups[0]
    out = [Point(f"{first_days[0].year}年改正前", first_law, tuple(first_days), False)]
    for days, law in groups:
        out.append(Point(f"{days[0].year}年改正後", law, tuple(days), True))
    return out


def _replace_year(d: date, year: int) -> date:
    try:
        return d.replace(year=year)
    except ValueError:       # 2月29日 in a common year
        return d.replace(year=year, day=28)


def shift_text(narrative: str, years: int, reference: date | None) -> tuple[str, int, int]:
    """(narrative with every written year moved, years moved, years left as written)."""
    pieces, last, moved, left = [], 0, 0, 0
    for m in find_dates(narrative, reference):
        if m.relative or m.inferred:
            continue       # 同月・翌日・「5月10日」 follow the years around them
        new_year = m.earliest.year + years
        text = m.text
        for rx, repl in ((_ERA_YEAR, f"{new_year}年"), (_WESTERN_YEAR, f"{new_year}年"), (_NUMERIC, f"{new_year}")):
            if rx.match(text):
                text = rx.sub(repl, text, count=1)
                break
        else:
            left += 1
            continue
        pieces += [narrative[last:m.start], text]
        last = m.end
        moved += 1
    pieces.append(narrative[last:])
    return "".join(pieces), moved, left


def _range(analysis: dict) -> tuple[date, date] | None:
    starts, ends = [], []
    for a in analysis.get("acts", []):
        if a.get("date"):
            first, _, second = a["date"].partition("/")
            starts.append(date.fromisoformat(first))
            ends.append(date.fromisoformat(second or first))
    if not starts:
        applied = analysis.get("law", {}).get("applied_date")
        if not applied:
            return None
        d = date.fromisoformat(applied)
        return d, d
    return min(starts), max(ends)


def _years_for(after: bool, boundary: date, first: date, last: date) -> int:
    if after:
        n = boundary.year - first.year
        return n + 1 if _replace_year(first, first.year + n) < boundary else n
    n = boundary.year - last.year
    return n - 1 if _replace_year(last, last.year + n) >= boundary else n


def _placement(p: Point, first: date, last: date, today: date) -> tuple[int, date, list[date]]:
    """(years to move, the day crossed, later days of the same law the acts do not reach before today)."""
    if not p.after:
        return _years_for(False, p.dates[0], first, last), p.dates[0], []
    for n, day in reversed(list(enumerate(p.dates))):
        years = _years_for(True, day, first, last)
        if _replace_year(last, last.year + years) <= today or n == 0:
            return years, day, list(p.dates[n + 1:])
    raise AssertionError("unreachable")


def _summary(analysis: dict) -> dict:
    keys: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    refs: dict[str, set[str]] = {}
    for a in analysis.get("acts", []):
        keys.setdefault(a["key"], []).append(a["status"])
        labels[a["key"]] = a["label"]
        if a.get("statute", {}).get("ref"):
            refs.setdefault(a["key"], set()).add(a["statute"]["ref"].replace("ストーカー規制法", ""))
    offences = {}
    for oid, o in analysis.get("offenses", {}).items():
        pen, judg = o.get("penalty") or {}, o.get("penalty_at_judgment") or {}
        offences[oid] = {"status": o["status"], "penalty": pen.get("text"), "judgment": judg.get("text"),
                         "article": (o.get("statute") or {}).get("ref")}
    return {"acts": {k: {"status": best_status(v), "refs": "・".join(sorted(refs.get(k, ())))} for k, v in keys.items()},
            "act_labels": labels,
            "elements": {k: e["status"] for k, e in analysis.get("elements", {}).items()},
            "offences": offences, "law_version": analysis.get("law", {}).get("version"),
            "warnings": analysis.get("warnings", [])}


def compare(narrative: str, incident_date: date | None, prior: list[dict], original: dict,
            run: Callable[..., dict], today: date) -> dict:
    """Columns: the narrative as written, then each comparison point. `run` is analyze(...).to_dict()."""
    span = _range(original)
    columns = [{"label": "記述どおり", "years": 0, "range": span, **_summary(original)}]
    if span is None:
        return {"columns": columns, "rows": [], "note": "行為の日付が分からないため比較できません。"}
    first, last = span
    for p in points():
        years, day, missed = _placement(p, first, last, today)
        shifted_last = _replace_year(last, last.year + years)
        when = f"{day.isoformat()}より前" if not p.after else f"{day.isoformat()}以降"
        col = {"label": p.label, "law": p.law, "when": when, "years": years,
               "range": (_replace_year(first, first.year + years), shifted_last),
               "missed": [d.isoformat() for d in missed]}
        if shifted_last > today:
            columns.append({**col, "skipped": f"行為が本日（{today.isoformat()}）より後になるため判断していません。"})
            continue
        text, moved, left = shift_text(narrative, years, incident_date)
        inc = incident_date
        if inc is not None:
            inc = _replace_year(inc, inc.year + years)
        elif moved == 0:
            inc = _replace_year(last, last.year + years)   # the narrative writes no year: move the default date
        measures = [{**m, "date": _replace_year(date.fromisoformat(m["date"]), date.fromisoformat(m["date"]).year + years).isoformat()}
                    if m.get("date") else m for m in prior]
        try:
            result = run(text, incident_date=inc.isoformat() if inc else None, prior_measures=measures, today=today)
        except ValueError as exc:   # e.g. before the Act existed
            columns.append({**col, "skipped": str(exc)})
            continue
        columns.append({**col, "moved": moved, "left": left, **_summary(result)})
    return {"columns": columns, "rows": _rows(columns), "note": None}


def _rows(columns: list[dict]) -> list[dict]:
    """One row per act key, element and offence; a cell is marked when it differs from the column before."""
    judged = [c for c in columns if "skipped" not in c]
    keys = list(dict.fromkeys(k for c in judged for k in c["acts"]))
    labels = {k: lab for c in judged for k, lab in c["act_labels"].items()}
    rows = []

    def row(kind, rid, label, getter):
        cells, prev = [], None
        for c in columns:
            if "skipped" in c:
                cells.append({"skipped": True})
                continue
            value = getter(c)
            cells.append({**value, "changed": prev is not None and value != prev})
            prev = value
        rows.append({"kind": kind, "id": rid, "label": label, "cells": cells})

    for k in keys:
        row("act", k, labels.get(k, k), lambda c, k=k: c["acts"].get(k, {"status": "not_satisfied", "refs": ""}))
    for e in ("purpose", "target", "repetition", "anxiety_method", "mihari_place"):
        row("element", e, e, lambda c, e=e: {"status": c["elements"].get(e, "not_satisfied")})
    for o in ("art18", "art19", "art20"):
        row("offence", o, o, lambda c, o=o: c["offences"].get(o, {"status": "not_satisfied"}))
    return rows


__all__ = ["points", "shift_text", "compare"]
