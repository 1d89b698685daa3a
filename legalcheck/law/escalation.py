"""The acts on a timeline: how often (per week and per month), the step from contact to approach to
intrusion or violence, the gap since the last act, and what came after a prior measure. Data that
the risk level uses (law/risk.py) and the timeline picture draws (present/timeline_svg.py)."""
from __future__ import annotations

from collections import Counter
from datetime import date
from functools import lru_cache
from pathlib import Path

from legalcheck.facts import Facts
from legalcheck.law import statutes
from legalcheck.law.data import read_yaml
from legalcheck.law.judged import JudgedAct
from legalcheck.law.logic import NOT
from legalcheck.law.orders import ORDER_KINDS, Order

RULES = Path(__file__).with_name("risk_rules.yaml")
MEASURE_JA = {"warning": "警告", "prohibition_order": "禁止命令等", "emergency_prohibition_order": "緊急禁止命令等"}


@lru_cache(maxsize=1)
def rules() -> dict:
    return read_yaml(RULES)


def stage_of(category: str) -> dict | None:
    for st in rules()["stages"]:
        if category in st.get("categories", ()):
            return st
    return None


def _span(sp) -> dict | None:
    return None if sp is None else {"text": sp.text, "start": sp.start, "end": sp.end}


def credible(related: list[dict], facts: Facts) -> list[dict]:
    """The related offences whose cue the risk reading does not deny: 「（問）暴力を振るわれたことは
    あるか。（答）ありません。」 names 暴力 but tells that there was none."""
    denied = [c.evidence for c in facts.risk_cues if c.negated and not c.hedged]
    out = []
    for r in related:
        ev = [sp for sp in r["evidence"] if not any(d.start < sp.end and sp.start < d.end for d in denied)]
        if ev or not r["evidence"]:
            out.append({**r, "evidence": ev})
    return out


def timeline(judged: list[JudgedAct], related: list[dict], orders: list[Order], today: date, facts: Facts) -> dict:
    """Acts that are, or may be, the suspect's つきまとい等 (not those ruled out), in date order."""
    related = credible(related, facts)
    events = []
    for a in judged:
        # an act the law of its date did not cover yet (a tag read in 2022) is still conduct to fear
        if (a.status == NOT and not a.uncovered) or a.derived or a.fact.actor not in ("suspect", "unknown"):
            continue
        st = stage_of(a.category)
        d = a.fact.date
        events.append({"date": d.earliest.isoformat() if d else None,
                       "date_latest": d.latest.isoformat() if d else None,
                       "key": a.key, "category": a.category, "label": statutes.category_label(a.key),
                       "status": a.status, "uncovered": a.uncovered, "stage": st["id"] if st else None, "count": a.fact.count,
                       "evidence": _span(a.fact.evidence)})
    events.sort(key=lambda e: (e["date"] is None, e["date"] or "", e["evidence"]["start"]))
    dated = [e for e in events if e["date"]]
    per_month: Counter = Counter()
    per_week: Counter = Counter()
    for e in dated:
        d = date.fromisoformat(e["date"])
        per_month[f"{d.year:04d}-{d.month:02d}"] += e["count"]
        y, w, _ = d.isocalendar()
        per_week[f"{y:04d}-W{w:02d}"] += e["count"]
    months = sorted(per_month)
    trend = "unknown"
    if len(months) >= 2:
        last, prev = per_month[months[-1]], per_month[months[-2]]
        trend = "rising" if last > prev else "falling" if last < prev else "steady"

    stages = []
    by_rank = sorted(rules()["stages"], key=lambda s: s["rank"])
    related_ids = {r["id"]: r for r in related}
    for st in by_rank:
        mine = [e for e in events if e["stage"] == st["id"]]
        rel = [related_ids[r] for r in st.get("related", ()) if r in related_ids]
        if not mine and not rel:
            continue
        firsts = [e["date"] for e in mine if e["date"]]
        stages.append({"stage": st["id"], "label": st["label"], "rank": st["rank"],
                       "first": min(firsts) if firsts else None, "acts": len(mine),
                       "related": [r["id"] for r in rel]})
    dated_stages = [s for s in stages if s["first"]]
    escalated = len(dated_stages) >= 2 and max(dated_stages, key=lambda s: s["rank"])["first"] > min(
        dated_stages, key=lambda s: s["rank"])["first"]

    last = max((date.fromisoformat(e["date_latest"]) for e in dated), default=None)
    measures = [{"kind": o.kind, "label": MEASURE_JA[o.kind], "date": o.date.isoformat() if o.date else None,
                 "source": o.source, "after_acts": o.after_acts, "evidence": _span(o.evidence)} for o in orders]
    after = []
    for o in orders:
        if o.date is None or o.after_acts:
            continue
        later = [e for e in dated if e["date"] > o.date.isoformat()]
        if later:
            after.append({"kind": o.kind, "label": MEASURE_JA[o.kind], "date": o.date.isoformat(),
                          "order": o.kind in ORDER_KINDS, "acts": len(later), "first_after": later[0]["date"]})
    return {
        "events": events,
        "undated": len(events) - len(dated),
        "per_month": dict(sorted(per_month.items())),
        "per_week": dict(sorted(per_week.items())),
        "trend": trend,
        "stages": stages,
        "highest_stage": stages[-1]["stage"] if stages else None,
        "escalated": escalated,
        "first_act": dated[0]["date"] if dated else None,
        "last_act": last.isoformat() if last else None,
        "days_since_last_act": (today - last).days if last else None,
        "measures": measures,
        "acts_after_measures": after,
    }


def stage_rank(stage_id: str | None) -> int:
    for st in rules()["stages"]:
        if st["id"] == stage_id:
            return st["rank"]
    return 0
