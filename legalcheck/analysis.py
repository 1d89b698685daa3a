"""analyze(): narrative → facts → legal analysis (contract.md §2). Pure: the same input gives the same
output on the same day; the spaCy pipeline and the law data are loaded once per process."""
from __future__ import annotations

import dataclasses
from datetime import date
from typing import Iterable

from pydantic import BaseModel, ConfigDict, Field

import legalcheck
from legalcheck.inputs import (MAX_CHARS, InputError, check_narrative, japan_today,  # noqa: F401 (public here)
                               narrative_problems, parse_date)
from legalcheck.law import caselaw, data, statutes
from legalcheck.law import acts as act_rules
from legalcheck.law import elements as el
from legalcheck.law import date_range
from legalcheck.law import offences as off
from legalcheck.law.offences import complaint_hedge
from legalcheck.law import orders as order_rules
from legalcheck.law.orders import MEASURE_KINDS
from legalcheck.law.receipt import receipt
from legalcheck.law import escalation as esc, follow_up, measures as next_steps, risk as risk_rules
from legalcheck.law.refusal import refusal_checker
from legalcheck.law.logic import NOT, UND
from legalcheck.facts import Span
from legalcheck.nlp.cleaned import read_clean_facts
from legalcheck.text import readable
from legalcheck.text.clean import clean

SCHEMA_VERSION = "1"
_parse_date = parse_date
MEASURE_JA = {"warning": "警告", "prohibition_order": "禁止命令等", "emergency_prohibition_order": "緊急禁止命令等"}


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow")


class Evidence(_Model):
    text: str
    start: int
    end: int


class StatuteRef(_Model):
    ref: str | None = None
    version: str | None = None
    text: str | None = None


class Act(_Model):
    key: str
    category: str
    subtype: str | None = None
    label: str
    status: str
    evidence: list[Evidence]
    date: str | None = None
    count: int = 1
    reasoning: str
    statute: StatuteRef
    precedents: list[str] = Field(default_factory=list)


class ElementResult(_Model):
    status: str
    evidence: list[Evidence] = Field(default_factory=list)
    reasoning: str
    statute: StatuteRef
    precedents: list[str] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)


class OffenceResult(_Model):
    status: str
    reasoning: str
    statute: StatuteRef
    penalty: dict | None = None


class Analysis(_Model):
    schema_version: str = SCHEMA_VERSION
    law: dict
    acts: list[Act]
    elements: dict[str, ElementResult]
    offenses: dict[str, OffenceResult]
    related: list[dict]
    precedents: list[dict]
    questions: list[str]
    warnings: list[str]

    def to_dict(self) -> dict:
        return self.model_dump(mode="json")


# Evidence and statute references as dicts: pydantic validates them into Evidence / StatuteRef inside
# the model that holds them (in one call, not one Python-level model construction each); the same
# models, the same JSON.
def _evidence(spans: Iterable[Span]) -> list[dict]:
    out, seen = [], set()
    for s in spans:
        if s is None or (s.start, s.end) in seen:
            continue
        seen.add((s.start, s.end))
        out.append({"text": s.text, "start": s.start, "end": s.end})
    return out


def _statute(p) -> dict:
    return {} if p is None else p.to_dict()


def _requested_measures(prior_measures) -> list[tuple[str, date | None]]:
    out = []
    for i, m in enumerate(prior_measures or ()):
        if not isinstance(m, dict):
            m = {"kind": getattr(m, "kind", None), "date": getattr(m, "date", None)}
        kind = m.get("kind")
        if kind not in MEASURE_KINDS:
            raise InputError(f"prior_measures[{i}].kind: {', '.join(MEASURE_KINDS)} のいずれか / unknown kind {kind!r}")
        out.append((kind, _parse_date(m.get("date"), f"prior_measures[{i}].date")))
    return out


def analyze(narrative: str, incident_date=None, prior_measures=(), today: date | str | None = None,
            strict: bool = False) -> Analysis:
    """``today`` (a date or YYYY-MM-DD) fixes the day of the analysis; by default it is today in Japan.
    ``strict`` raises InputError for text that cannot be analysed (not Japanese, no narrative) instead
    of returning an analysis that says so."""
    narrative = check_narrative(narrative)
    incident = _parse_date(incident_date, "incident_date")
    today = _parse_date(today, "today") or japan_today()
    requested = _requested_measures(prior_measures)
    cleaned = clean(narrative)   # invisible and look-alike characters; spans come back in the caller's offsets
    cannot, problems = narrative_problems(cleaned, strict)
    facts = read_clean_facts(narrative, incident, cleaned)
    warnings: list[str] = [p["message"] for p in problems]
    questions: list[str] = [f"「{p['text']}」の正しい日付" for p in problems if p["code"] == "impossible_date"]

    dated = [a.date.latest for a in facts.acts if a.date is not None]
    default = incident or (max(dated) if dated else None)
    if default is None and facts.report_date is not None:
        default = facts.report_date
        warnings.append("行為の日付の記載がないため、記録の作成日（受理日等）の時点の法律で判断した。行為日を確認すること。")
        questions.append("各行為の日付（行為時の法律で判断するため）")
    if default is None:
        default = today
        warnings.append("行為の日付が記述にも依頼にもないため、本日時点の法律で判断した。行為日を確認すること。")
        questions.append("各行為の日付（行為時の法律で判断するため）")
    if default > today:
        warnings.append(f"行為日（{default.isoformat()}）が本日（{today.isoformat()}）より後になっている。日付を確認すること。")

    refusal = refusal_checker(facts)
    judged = act_rules.judge_all(facts, default, refusal)
    _impossible_dated(judged, problems, narrative,
                      lambda f: act_rules.judge_all(dataclasses.replace(facts, acts=[dataclasses.replace(f, date=None)]),
                                                    today, refusal))
    out_w, out_q = date_range.bound(judged, today)
    warnings += out_w
    questions += out_q
    el.mark_anxiety(facts, judged)
    at = date_range.clamp(off.last_date(judged, default), today)

    orders = order_rules.collect(requested, facts)
    elements = {
        "purpose": el.purpose(facts, judged, at, orders),
        "target": el.target(facts, judged, at),
        "repetition": el.repetition(facts, judged, at),
        "anxiety_method": el.anxiety(facts, judged, at),
        "mihari_place": el.mihari_place(facts, judged, at),
    }
    for o in orders:
        if o.date is not None and o.date > today:
            warnings.append(f"{MEASURE_JA.get(o.kind, o.kind)}の日付（{o.date.isoformat()}）が本日（{today.isoformat()}）より後になっている。日付を確認すること。")
    o18 = off.art18(elements, judged, at, today)
    o19, o20 = off.art19_20(elements, judged, orders, facts, at, today)
    related = off.related(facts, judged, elements["purpose"].status, at)
    if cannot:
        # nothing read is not the same as nothing done: no element or offence is denied
        for x in [*elements.values(), o18, o19, o20]:
            if x.status == NOT:
                x.status, x.reasoning = UND, readable.MESSAGES[cannot]

    # questions, in the order an investigator would meet them, without duplicates
    for a in judged:
        if a.fact.actor == "suspect" or a.status == UND:
            questions += a.questions
    for e in elements.values():
        questions += e.questions
    for o in (o18, o19, o20):
        questions += o.questions
    questions = list(dict.fromkeys(questions))
    if o18.penalty is not None and o18.penalty.complaint_required and o18.status != NOT:
        warnings.append(f"行為時の罰則（{o18.penalty.article}）は親告罪であり、改正法の経過措置により改正前の例による。"
                        + complaint_hedge())
    if any(a.fact.date is None for a in judged if a.status != NOT) and default != today and not incident:
        warnings.append("日付の記載がない行為は、記述中の直近の日付又は最後の行為日として扱った。")

    # danger, urgency and what to do next (issue 15): composed from the facts and results above
    timeline = esc.timeline(judged, related, orders, today, facts)
    risk = risk_rules.assess(facts, judged, orders, related, timeline)
    measures = next_steps.next_measures(today, facts, judged, elements, (o18, o19, o20), related, orders, risk)
    schedule = follow_up.schedule(orders, today)

    acts_out = [_act_out(a) for a in _ordered(judged)]
    used = []
    for a in acts_out:
        used += a.precedents
    for e in elements.values():
        used += e.precedents
    used = [p for p in dict.fromkeys(used) if _known(p)]
    for a in acts_out:
        a.precedents = [p for p in a.precedents if _known(p)]
    precedents_out = [_precedent_out(p, judged, elements) for p in used]

    return Analysis(
        law={"id": "stalker-act", "version": statutes.law_version(at), "title": "ストーカー行為等の規制等に関する法律",
             "data_version": data.data_version(), "legalcheck_version": legalcheck.__version__,
             "applied_date": at.isoformat(),
             "applied": receipt(judged, elements, (o18, o19, o20), related)},
        acts=acts_out,
        elements={k: _element_out(e) for k, e in elements.items()},
        offenses={o.id: _offence_out(o) for o in (o18, o19, o20)},
        related=[{**{k: v for k, v in r.items() if k != "version"},
                  "evidence": _evidence(r["evidence"])} for r in related],
        precedents=precedents_out,
        questions=questions,
        warnings=list(dict.fromkeys(warnings)),
        input_problems=problems,
        risk=risk, escalation=timeline, measures=measures, follow_up=schedule,
    )


def _impossible_dated(judged, problems: list[dict], narrative: str, rejudge) -> None:
    """An act whose own sentence has an impossible date before it (「平成32年5月1日、…取り付けた」), or
    that has no date at all while the narrative has one, cannot be judged under the law of its date:
    satisfied becomes undetermined, and so does not_satisfied where another date (today) would
    change it (a GPS act that took the date of an earlier sentence, before GPS was covered)."""
    bad = [p for p in problems if p["code"] == "impossible_date"]
    if not bad:
        return
    for a in judged:
        ev = a.fact.evidence
        lo = max(narrative.rfind("。", 0, ev.start), narrative.rfind("\n", 0, ev.start)) + 1
        mine = [p for p in bad if lo <= p["start"] < ev.start]
        if not mine and a.fact.date is not None:
            continue
        if a.status == NOT and all(b.status == NOT for b in rejudge(a.fact) if (b.key, b.derived) == (a.key, a.derived)):
            continue
        if a.status != UND:
            a.status = UND
            what = f"「{mine[-1]['text']}」" if mine else "存在しない日付"
            a.reasoning += f"ただし行為日の記載（{what}）が存在しない日付であり、行為時の法律を確定できない。"


def _ordered(judged):
    return sorted(judged, key=lambda a: (a.fact.evidence.start, a.key))


def _act_out(a: act_rules.JudgedAct) -> Act:
    f = a.fact
    return Act(key=a.key, category=a.category, subtype=a.subtype, label=statutes.category_label(a.key),
               status=a.status, evidence=_evidence([f.evidence]), date=f.date.iso() if f.date else None,
               count=f.count, reasoning=a.reasoning, statute=_statute(a.statute),
               precedents=list(dict.fromkeys(a.precedents)), actor=f.actor, negated=f.negated, hedged=f.hedged,
               clause=_evidence([f.clause])[0], applied_date=a.date.isoformat(),
               questions=a.questions, derived_from_gps=a.derived, anxiety=a.anxiety if a.needs_anxiety else None,
               count_counted=a.count_used, object_person=el.person(a))


def _element_out(e: el.Element) -> ElementResult:
    return ElementResult(status=e.status, evidence=_evidence(e.evidence), reasoning=e.reasoning,
                         statute=_statute(e.statute), precedents=list(dict.fromkeys(e.precedents)),
                         questions=e.questions, defeaters=e.defeaters)


def _offence_out(o: off.Offence) -> OffenceResult:
    penalty = o.penalty.to_dict() if o.penalty else None
    extra = {}
    if o.judgment is not None:
        p, why, rules = o.judgment
        extra["penalty_at_judgment"] = {**p.to_dict(), "reasoning": why, "rules": rules}
    return OffenceResult(status=o.status, reasoning=o.reasoning, statute=_statute(o.statute), penalty=penalty,
                         questions=o.questions, evidence=_evidence(o.evidence), **extra)


def _known(pid: str) -> bool:
    try:
        caselaw.precedent(pid)
        return True
    except KeyError:
        return False


def _precedent_out(pid: str, judged, elements) -> dict:
    p = caselaw.precedent(pid)
    where = [statutes.category_label(a.key) for a in judged if pid in a.precedents]
    where += [k for k, e in elements.items() if pid in e.precedents]
    d = p.to_dict()
    d["relevance"] = "、".join(dict.fromkeys(where)) + "の判断に関係する" if where else ""
    return d
