"""What the law allows next on the day of the analysis, and what is still missing for it: 警告,
禁止命令等, 緊急禁止命令等 (or the old 仮の命令), extension, arrest for an offence made out, related
offences, and the victim-support steps the Act names. Only what existed on that day: the dates come
from statutes/measures/stalker-act.yaml and, where it names one, the switch in features.yaml."""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from legalcheck.facts import Facts
from legalcheck.law import statutes
from legalcheck.law.data import read_yaml
from legalcheck.law.escalation import rules as risk_rules
from legalcheck.law.judged import JudgedAct
from legalcheck.law.logic import NOT, SAT, UND, all_of, any_of
from legalcheck.law.orders import ORDER_KINDS, Order, order_last_day
from legalcheck.paths import data_dir

OFFENCE_JA = {"art18": "ストーカー行為罪", "art19": "禁止命令等違反のストーカー行為罪", "art20": "その他の禁止命令等違反罪"}


@lru_cache(maxsize=1)
def measure_data() -> dict:
    return read_yaml(data_dir("statutes") / "measures" / "stalker-act.yaml")


def _period(entry: dict) -> tuple[date, date | None, str, str, str | None]:
    """(from, until, verification, source, provision) of a measure, from its feature where it names one."""
    if "feature" in entry:
        f = statutes.feature(entry["feature"])
        return f.start, f.until, f.verification, f.source, entry.get("provision", f.provision)
    src = entry["source"]
    return (entry["from"], entry.get("until"), entry["verification"],
            " ; ".join(src) if isinstance(src, list) else src, entry.get("provision"))


def existed(measure_id: str, at: date) -> bool:
    start, until, *_ = _period(measure_data()["measures"][measure_id])
    return start <= at and (until is None or at <= until)


def _facts_status(facts: Facts, judged: list[JudgedAct], elements: dict, orders: list[Order], risk: dict,
                  at: date) -> dict[str, tuple[str, str]]:
    """Each factual condition: (status, why)."""
    live = [a for a in judged if a.fact.actor == "suspect" and not a.derived]
    conduct = any_of([a.status for a in live]) if live else NOT
    fear = SAT if facts.fears or elements["anxiety_method"].status == SAT else UND
    violation = NOT if conduct == NOT else all_of([conduct, fear])
    rep = elements["repetition"].status
    recurrence = SAT if violation == SAT and (rep == SAT or risk["level"] == "高") else (NOT if violation == NOT else UND)
    warnings = [o for o in orders if o.kind == "warning" and o.date is not None and not o.after_acts]
    disobeyed = NOT
    if warnings:
        first = min(o.date for o in warnings)
        after = [a for a in live if a.status == SAT and a.fact.date is not None and a.fact.date.earliest > first]
        disobeyed = SAT if after else UND
    urgent = SAT if risk["level"] == "高" else UND
    item1 = any_of([a.status for a in live if a.category == "2-1-1"]) if any(a.category == "2-1-1" for a in live) else NOT
    active = [o for o in orders if o.kind in ORDER_KINDS and o.date is not None
              and (order_last_day(o.kind, o.date) or date.min) >= at and o.date <= at]
    why_level = f"危険性・切迫性の評価: {risk['level']}"
    return {
        "violation": (violation, "つきまとい等の行為" + ("と被害者の不安が読み取れる" if violation == SAT else "又は被害者の不安が確認できない" if violation == UND else "が読み取れない")),
        "recurrence": (recurrence, f"反復: {elements['repetition'].status}、{why_level}"),
        "warning_disobeyed": (disobeyed, "警告の後の行為" + ("がある" if disobeyed == SAT else "は確認できない" if disobeyed == UND else "（警告がない）")),
        "urgency": (urgent, why_level),
        "item1_acts": (item1, "2条1項1号の行為" + ("がある" if item1 == SAT else "は確認できない" if item1 == UND else "がない")),
        "order_in_force": (SAT if active else NOT, "有効期間内の禁止命令等" + (f"（{active[-1].date.isoformat()}付け、{order_last_day(active[-1].kind, active[-1].date).isoformat()}まで）" if active else "はない")),
    }


def next_measures(at: date, facts: Facts, judged: list[JudgedAct], elements: dict, offences: list, related: list[dict],
                  orders: list[Order], risk: dict) -> dict:
    data = measure_data()
    cond_text = data["conditions"]
    status_of = _facts_status(facts, judged, elements, orders, risk, at)
    items = []
    for mid, entry in data["measures"].items():
        if not existed(mid, at):
            continue
        start, until, verification, source, provision = _period(entry)
        if entry.get("shown_only_if") and status_of[entry["shown_only_if"]][0] == NOT:
            continue
        conds, missing = [], []
        for cid in entry["conditions"]:
            c = cond_text[cid]
            if c.get("step"):
                conds.append({"id": cid, "text": c["text"], "status": UND, "step": True})
                missing.append(c["text"])
                continue
            st, why = status_of[cid]
            conds.append({"id": cid, "text": c["text"], "status": st, "why": why})
            if st == UND:
                missing.append(c["text"])
        facts_ok = all_of([c["status"] for c in conds if not c.get("step")] or [SAT])
        items.append({"id": mid, "kind": "administrative" if not mid.startswith(("assistance", "information")) else "support",
                      "label": entry["label"], "status": facts_ok, "conditions": conds, "missing": missing,
                      "provision": provision, "in_force_from": start.isoformat(),
                      "in_force_until": until.isoformat() if until else None,
                      "verification": verification, "source": source, "note": entry.get("note")})
    for o in offences:
        if o.status == NOT:
            continue
        missing = list(o.questions)
        if o.penalty is not None and o.penalty.complaint_required:
            missing.append("告訴の有無（行為時の罰則は親告罪）")
        if o.status == SAT:
            missing.append("逮捕の必要性（逃亡・罪証隠滅のおそれ等）と客観的証拠の確保")
        items.append({"id": f"arrest:{o.id}", "kind": "criminal", "label": f"検挙（逮捕等）: {OFFENCE_JA[o.id]}",
                      "status": o.status, "conditions": [], "missing": missing,
                      "provision": o.statute.cite() if o.statute else None,
                      "penalty": o.penalty.text if o.penalty else None, "note": o.reasoning})
    for r in related:
        items.append({"id": f"related:{r['id']}", "kind": "criminal", "label": f"関連罪の検討: {r['name']}（{r['article']}）",
                      "status": UND, "conditions": [], "missing": ["構成要件の確認（関連罪）"],
                      "provision": r["article"], "penalty": (r.get("penalty") or {}).get("text") if isinstance(r.get("penalty"), dict) else None,
                      "evidence": [{"text": sp.text, "start": sp.start, "end": sp.end} for sp in r["evidence"][:2]]})
    for d in risk_rules().get("directive_measures", []):
        if risk["level"] in d["levels"] and not (d.get("needs_offence") and all(o.status == NOT for o in offences)):
            items.append({"id": f"directive:{d['id']}", "kind": "directive", "label": d["label"], "status": SAT,
                          "conditions": [], "missing": [], "provision": None, "source": d["source"]})
    return {"date": at.isoformat(), "items": items}
