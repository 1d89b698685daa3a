"""Offences 18〜20条 (13〜15条 before 2017-01-03) and the related Penal Code offences."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from legalcheck.law import penalties, statutes
from legalcheck.law.acts import JudgedAct
from legalcheck.law.elements import Element, course_of_conduct, suspect_acts
from legalcheck.law.logic import MARK, NOT, SAT, UND, all_of
from legalcheck.nlp.facts import Facts, Span

ORDER_KINDS = ("prohibition_order", "emergency_prohibition_order")


@dataclass
class Offence:
    id: str
    status: str
    reasoning: str
    statute: statutes.Provision | None
    penalty: penalties.Penalty | None
    judgment: tuple | None = None      # (Penalty, reasoning, rule ids) at judgment
    questions: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Order:
    kind: str
    date: date | None
    source: str          # request | narrative
    evidence: Span | None = None
    after_acts: bool = False


def _penalty(offence_id: str, at: date, today: date, o: Offence) -> None:
    o.penalty = penalties.offence_penalty(offence_id, at)
    if o.penalty is not None:
        o.statute = statutes.provision(o.penalty.article, at) or o.statute
        o.judgment = penalties.penalty_at_judgment(offence_id, at, today)


def last_date(acts: list[JudgedAct], default: date) -> date:
    ds = [a.date for a in acts if a.status == SAT]
    return max(ds) if ds else default


def art18(elements: dict[str, Element], acts: list[JudgedAct], at: date, today: date) -> Offence:
    course = course_of_conduct(acts, elements["anxiety_method"].status)
    status = all_of([elements["purpose"].status, elements["target"].status, course])
    o = Offence("art18", status, "", statutes.stalking_definition(at), None)
    _penalty("art18", at, today, o)
    parts = {"purpose": "目的", "target": "対象", "repetition": "反復", "anxiety_method": "不安方法"}
    summary = "・".join(f"{parts[k]}{MARK[elements[k].status]}" for k in parts)
    if status == SAT:
        o.reasoning = f"恋愛感情等充足目的で同一の者に対しつきまとい等を反復しており、ストーカー行為に当たる（{summary}）。"
    elif status == NOT:
        failed = [parts[k] for k in ("purpose", "target", "repetition") if elements[k].status == NOT]
        if course == NOT and not failed:
            failed = ["反復（不安方法を伴う行為の反復）"]
        o.reasoning = f"{'・'.join(failed) or '要件'}を欠くため、ストーカー行為罪は成立しない（{summary}）。"
    else:
        o.reasoning = f"要件の一部が記述からは確定できない（{summary}）。各要件の確認事項を参照。"
    if o.penalty is not None and o.penalty.complaint_required and status != NOT:
        o.questions.append(f"告訴の有無（{statutes.feature('non_complaint').start.isoformat()}より前の行為は"
                           f"{o.penalty.article.replace('ストーカー規制法', '改正前')}の罪として親告罪の扱い）")
    return o


def _article(o: Offence) -> str:
    """The article as numbered on the act's date (18〜20条; 13〜15条 before 2017-01-03), from penalties.yaml."""
    return o.penalty.article.replace("ストーカー規制法", "") if o.penalty else o.id


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return date(year, month, 28)


def orders_before(orders: list[Order]) -> list[Order]:
    return [o for o in orders if o.kind in ORDER_KINDS and not o.after_acts]


def art19_20(elements: dict[str, Element], acts: list[JudgedAct], orders: list[Order], facts: Facts,
             at: date, today: date) -> tuple[Offence, Offence]:
    o19 = Offence("art19", NOT, "", None, None)
    o20 = Offence("art20", NOT, "", None, None)
    _penalty("art19", at, today, o19)
    _penalty("art20", at, today, o20)
    prior = orders_before(orders)
    after_only = [o for o in orders if o.kind in ORDER_KINDS and o.after_acts]
    if not prior:
        why = "禁止命令等を受けた後の行為であることを示す記載がない。"
        if after_only:
            why = "禁止命令等は行為の後（逮捕と同時等）に発せられており、行為はこれに違反するものではない。"
        if any(o.kind == "warning" for o in orders):
            why += "警告は行政指導であり、禁止命令等ではない。"
        o19.reasoning = o20.reasoning = why
        return o19, o20
    dated = [o for o in prior if o.date is not None]
    if not dated:
        o19.status = o20.status = UND
        o19.reasoning = o20.reasoning = "禁止命令等が出されているが、その日付と行為との前後関係が記述からは分からない。"
        o19.questions.append("禁止命令等が発せられた日と、その後の行為の日時")
        return o19, o20
    order = min(dated, key=lambda o: o.date)
    o19.evidence = [order.evidence] if order.evidence else []
    later = [a for a in suspect_acts(acts) if a.date > order.date]
    earlier = [a for a in suspect_acts(acts) if a.date <= order.date and a.status == SAT]
    validity = statutes.feature("prohibition_validity")
    if statutes.in_force(validity.id, order.date) and validity.months:
        expiry = _add_months(order.date, validity.months)
        beyond = [a for a in later if a.date > expiry]
        if beyond and facts.order_expired:
            # 「有効期間は延長されることなく満了」: acts after that breach no order
            later = [a for a in later if a.date <= expiry]
            if not later:
                why = (f"{order.date.isoformat()}の禁止命令等は有効期間（{expiry.isoformat()}まで）が満了しており、"
                       "その後の行為は命令違反に当たらない。")
                o19.reasoning = o20.reasoning = why
                return o19, o20
        elif beyond:
            o19.questions.append(f"禁止命令等の有効期間（{validity.label}、{expiry.isoformat()}まで）が延長されていたか")
    sat_after = [a for a in later if a.status == SAT]
    course = course_of_conduct(later, elements["anxiety_method"].status)
    base = all_of([elements["purpose"].status, elements["target"].status])
    o19.status = all_of([base, course])
    o20.status = all_of([elements["purpose"].status, SAT if sat_after else (UND if later else NOT)])
    label = f"禁止命令等（{order.date.isoformat()}）"
    if o19.status == SAT:
        o19.reasoning = f"{label}に違反して、その後もつきまとい等を反復しており、禁止命令等違反のストーカー行為罪に当たる。"
        o20.reasoning = f"{label}に違反した行為がある（{_article(o19)}が成立する場合は{_article(o19)}により処断される）。"
    elif sat_after and course != SAT and (earlier or facts.earlier_conduct):
        o19.status = UND
        o19.reasoning = (f"{label}の後に確認できる行為は反復に至らない。命令前の行為と合わせてストーカー行為となるか"
                         f"（{_article(o19)}2項）は、命令前の行為が既に処罰されているか等により、確認を要する。")
        o19.questions.append("命令前の行為が既に処罰・起訴されているか（命令後の行為と合わせて評価できるか）")
        o20.reasoning = f"{label}の後に、命令に違反するつきまとい等が行われており、{_article(o20)}の禁止命令等違反罪に当たる。"
    else:
        o19.reasoning = (f"{label}の後の行為について、" + ("反復したつきまとい等が確認できない。" if o19.status == NOT
                                                       else "要件の一部が確認できない。"))
        o20.reasoning = (f"{label}の後に命令に違反するつきまとい等が行われている。" if o20.status == SAT
                         else f"{label}の後に命令に違反する行為が確認できない。")
    return o19, o20


# Related offences: the cue ids from the lexicon, and what must hold besides a cue.
RELATED_NEEDS = {
    "defamation": ("2-1-7",),
    "insult": ("2-1-4", "2-1-7"),
}


def related(facts: Facts, acts: list[JudgedAct], purpose_status: str, at: date) -> list[dict]:
    out: dict[str, dict] = {}
    live_keys = {a.category for a in suspect_acts(acts) if a.status != NOT}
    for cue in facts.related:
        if cue.negated:
            continue
        needs = RELATED_NEEDS.get(cue.kind)
        if needs and not live_keys.intersection(needs):
            continue
        entry = out.get(cue.kind)
        if entry is None:
            entry = out[cue.kind] = {"id": cue.kind, "evidence": []}
        if len(entry["evidence"]) < 3:
            entry["evidence"].append(cue.evidence)
    if purpose_status == NOT and any(k.startswith("2-1") for k in live_keys):
        out["nuisance_ordinance"] = {"id": "nuisance_ordinance", "evidence": [
            a.fact.evidence for a in suspect_acts(acts) if a.status != NOT][:3]}
    result = []
    for rid, entry in out.items():
        info = penalties.related_offence(rid, at)
        entry.update({"name": info.name, "article": info.article, "penalty": info.penalty, "note": info.note})
        result.append(entry)
    return result
