"""Danger and urgency: each indicator of the re-victimisation form (seed 001) and each urgency cue
(seed 003) as present / absent / unknown with its evidence, and the level 高 / 中 / 要確認 by the
rules in risk_rules.yaml. What cannot be ruled out (told only as hearsay, suspicion or opinion)
counts toward the higher level (seed 003 第6 1(5)ア); what the text does not tell is a question,
never an absence. No numeric score."""
from __future__ import annotations

from legalcheck.facts import Facts, RiskCue
from legalcheck.law import statutes
from legalcheck.law.escalation import credible, rules, stage_rank
from legalcheck.law.judged import JudgedAct
from legalcheck.law.logic import NOT
from legalcheck.law.orders import Order

PRESENT, ABSENT, UNKNOWN = "present", "absent", "unknown"
STATUS_JA = {PRESENT: "該当", ABSENT: "非該当", UNKNOWN: "不明"}
# why an indicator is unknown: a sign told but not established, a denial that is only the suspect's, or silence
NOT_RULED_OUT, DENIAL_UNCONFIRMED, NOT_TOLD = "not_ruled_out", "denial_unconfirmed", "not_told"
HOME_OR_WORK = {"home", "work", "school"}
VIOLENT_RELATED = {"assault", "injury"}


def _ev(sp) -> dict:
    return {"text": sp.text, "start": sp.start, "end": sp.end}


def _derived(facts: Facts, judged: list[JudgedAct], orders: list[Order], related: list[dict],
             escalation: dict) -> dict[str, list[tuple[str, object]]]:
    """Signs read from other facts than words: (reason, span or None) per indicator id."""
    out: dict[str, list] = {}
    live = [a for a in judged if (a.status != NOT or a.uncovered) and not a.derived and a.fact.actor == "suspect"]
    for o in orders:
        if not o.after_acts and o.date is not None:
            out.setdefault("prior_record", []).append((f"{escalation_label(o.kind)}（{o.date.isoformat()}）を受けている", o.evidence))
    for c in facts.earlier_conduct:
        out.setdefault("prior_record", []).append(("以前の検挙・処分の記載", c.evidence))
    for a in live:
        if a.fact.place in HOME_OR_WORK and a.fact.place_owner in ("victim", None) and a.category == "2-1-1":
            out.setdefault("knows_address", []).append((f"{statutes.category_label(a.key)}（{_place(a)}）", a.fact.evidence))
        if a.fact.place == "relative_home" or a.category in ("2-3-1", "2-3-2"):
            out.setdefault("location_found", []).append((statutes.category_label(a.key), a.fact.evidence))
    if live:   # her fear counts as a sign here only where there is conduct to fear
        for f in facts.fears:
            out.setdefault("strong_fear", []).append(("被害者の不安", f.evidence))
    for r in credible(related, facts):
        if r["id"] == "trespass":
            out.setdefault("intrusion", []).extend((f"{r['name']}の疑い", sp) for sp in r["evidence"][:2])
        if r["id"] in VIOLENT_RELATED:
            out.setdefault("violent", []).extend((f"{r['name']}の疑い", sp) for sp in r["evidence"][:2])
    if escalation["trend"] == "rising":
        months = list(escalation["per_month"].items())[-2:]
        out.setdefault("frequency_up", []).append(
            ("行為の回数が増えている（" + " → ".join(f"{m}: {n}回" for m, n in months) + "）", None))
    return out


def _place(a: JudgedAct) -> str:
    return {"home": "住居", "work": "勤務先", "school": "学校"}.get(a.fact.place, a.fact.place or "")


def escalation_label(kind: str) -> str:
    return {"warning": "警告", "prohibition_order": "禁止命令等", "emergency_prohibition_order": "緊急禁止命令等"}[kind]


def _one(entry: dict, cues: list[RiskCue], derived: list, calm: list) -> dict:
    pos = [c for c in cues if not c.negated and not c.hedged]
    maybe = [c for c in cues if not c.negated and c.hedged]
    neg = [c for c in cues if c.negated and not c.hedged]
    neg_maybe = [c for c in cues if c.negated and c.hedged]
    if pos or derived:
        status, basis = PRESENT, None
    elif maybe:
        status, basis = UNKNOWN, NOT_RULED_OUT
    elif neg or calm:
        status, basis = ABSENT, None
    elif neg_maybe:
        status, basis = UNKNOWN, DENIAL_UNCONFIRMED
    else:
        status, basis = UNKNOWN, NOT_TOLD
    shown = pos if status == PRESENT else maybe if basis == NOT_RULED_OUT else neg + calm if status == ABSENT else neg_maybe
    out = {"id": entry["id"], "label": entry["label"], "status": status, "status_ja": STATUS_JA[status],
           "basis": basis,
           "evidence": [_ev(c.evidence) for c in shown[:3]],
           "derived": [{"reason": why, "evidence": _ev(sp) if sp is not None else None} for why, sp in derived[:3]],
           "hedges": list(dict.fromkeys(c.hedge_text for c in maybe + neg_maybe if c.hedge_text)),
           "question": entry["question"] if status == UNKNOWN else None}
    if "item" in entry:   # its number on the designation form
        out["no"] = entry["item"]
    if status == PRESENT and maybe:
        out["also_reported"] = [_ev(c.evidence) for c in maybe[:2]]
    return out


def _not_ruled_out(item: dict) -> bool:
    return item["status"] == PRESENT or item["basis"] == NOT_RULED_OUT


def assess(facts: Facts, judged: list[JudgedAct], orders: list[Order], related: list[dict], escalation: dict) -> dict:
    r = rules()
    derived = _derived(facts, judged, orders, related, escalation)
    by_id: dict[str, list[RiskCue]] = {}
    for c in facts.risk_cues:
        by_id.setdefault(c.id, []).append(c)
    calm = {"strong_fear": [c for c in facts.calm]} if not facts.fears else {}
    indicators = [_one(e, by_id.get(e["id"], []), derived.get(e["id"], []), calm.get(e["id"], []))
                  for e in r["indicators"]]
    urgency = [_one(e, by_id.get(e["id"], []), derived.get(e["id"], []), []) for e in r["urgency"]]
    items = {i["id"]: i for i in indicators + urgency}

    level, why, reasons = None, None, []
    for rule in r["levels"]:
        reasons = []
        for cond in rule["any"]:
            reasons += _holds(cond, items, escalation)
        if reasons or not rule["any"]:
            level, why = rule["level"], rule["why"]
            break
    questions = [i["question"] for i in indicators + urgency if i["status"] == UNKNOWN]
    return {"level": level, "why": why, "reasons": reasons, "indicators": indicators, "urgency": urgency,
            "questions": questions, "sources": r["sources"]}


def _holds(cond: dict, items: dict, escalation: dict) -> list[dict]:
    out = []
    if "not_ruled_out" in cond:
        for cid in cond["not_ruled_out"]:
            it = items[cid]
            if _not_ruled_out(it):
                how = "該当" if it["status"] == PRESENT else "否定できない（" + "・".join(it["hedges"] or ["未確認"]) + "）"
                quote = it["evidence"] or [d["evidence"] for d in it["derived"] if d["evidence"]]
                text = f"{it['label']}: {how}"
                if it["derived"] and not it["evidence"]:
                    text += "（" + "、".join(d["reason"] for d in it["derived"]) + "）"
                out.append({"id": cid, "text": text, "evidence": quote[:2]})
    if "stage_at_least" in cond:
        need = stage_rank(cond["stage_at_least"])
        top = stage_rank(escalation["highest_stage"])
        if escalation["highest_stage"] and top >= need:
            st = next(s for s in escalation["stages"] if s["stage"] == escalation["highest_stage"])
            out.append({"id": f"stage:{st['stage']}", "text": f"行為の段階: {st['label']}に至っている", "evidence": []})
    if cond.get("acts_after_order"):
        for m in escalation["acts_after_measures"]:
            out.append({"id": f"after:{m['kind']}", "evidence": [],
                        "text": f"{m['label']}（{m['date']}）の後も行為が続いている（{m['first_after']}以降 {m['acts']}件）"})
    return out
