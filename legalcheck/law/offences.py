"""Offences 18〜20条 (13〜15条 before 2017-01-03) and the related Penal Code offences."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from legalcheck.law import penalties, statutes
from legalcheck.law.acts import JudgedAct
from legalcheck.facts import Facts, Span
from legalcheck.law.elements import Element, course_of_conduct, suspect_acts
from legalcheck.law.logic import MARK, NOT, RANK, SAT, UND, all_of
from legalcheck.law.orders import ORDER_KINDS, Order, order_last_day, order_period_text, orders_before

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
    rules: list[date] = field(default_factory=list)   # amendment dates the course of conduct straddles


def _penalty(offence_id: str, at: date, today: date, o: Offence) -> None:
    o.penalty = penalties.offence_penalty(offence_id, at)
    if o.penalty is not None:
        o.statute = statutes.provision(o.penalty.article, at) or o.statute
        o.judgment = penalties.penalty_at_judgment(offence_id, at, today)


def last_date(acts: list[JudgedAct], default: date) -> date:
    ds = [a.date for a in acts if a.status == SAT]
    return max(ds) if ds else default


def art18(elements: dict[str, Element], acts: list[JudgedAct], at: date, today: date) -> Offence:
    course = course_of_conduct(acts)
    if course == SAT and elements["repetition"].status == UND:
        course = UND   # the element found a doubt the count of acts does not see (同一人物か)
    status = all_of([elements["purpose"].status, elements["target"].status, course])
    o = Offence("art18", status, "", statutes.stalking_definition(at), None)
    o.rules = straddled(acts)
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
    if o.rules:
        o.reasoning += straddle_text(o.rules, at)
    if o.penalty is not None and o.penalty.complaint_required and status != NOT:
        o.questions.append(f"告訴の有無（{statutes.feature('non_complaint').start.isoformat()}より前の行為は"
                           f"{o.penalty.article.replace('ストーカー規制法', '改正前')}の罪として親告罪と扱う。{complaint_hedge()}）")
    return o


def complaint_hedge() -> str:
    """The reference's hedge on 告訴 for acts before 2017-01-03 (transitional.yaml `h28-complaint`)."""
    r = penalties.rule("h28-complaint")
    return f"これは{r['law']}附則2条の「罰則の適用」に告訴の要件も含まれるとの解釈によるもので、この点の裁判例は確認できていない。"


def _article(o: Offence) -> str:
    """The article as numbered on the act's date (18〜20条; 13〜15条 before 2017-01-03), from penalties.yaml."""
    return o.penalty.article.replace("ストーカー規制法", "") if o.penalty else o.id


def straddled(acts: list[JudgedAct]) -> list[date]:
    """The amendment days (those a transitional rule speaks of: 2017-01-03, 2025-06-01) that fall inside
    the suspect's course of conduct, i.e. some counted act before and some on or after."""
    days = [a.date for a in suspect_acts(acts) if a.status != NOT]
    if not days:
        return []
    first, last = min(days), max(days)
    return sorted({r["acts_before"] for r in penalties.transitional_rules_raw()
                   if r["kind"] == "transitional" and r["acts_before"] and first < r["acts_before"] <= last})


def straddle_text(days: list[date], at: date) -> str:
    """The rule for a course that crosses an amendment (transitional.yaml `straddling-course`)."""
    rule = penalties.rule("straddling-course")
    when = "・".join(d.isoformat() for d in days)
    return (f"一連の行為は{when}の改正をまたぐ。{rule['title']}として一罪となる場合は、行為の終了時（{at.isoformat()}）の"
            "法律による（法定刑もその時点のもの）。ただし各行為は、その行為の日の号の文言により判断し、"
            "その日の法律が対象としていなかった行為は数えない。")


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
    label = order_period_text(order)
    later = [a for a in suspect_acts(acts) if a.date > order.date]
    last = order_last_day(order.kind, order.date)
    extensions = [c for c in facts.order_extended if c.date is None or last is None or c.date.latest <= last]
    if last is not None and extensions and not facts.order_expired:
        # 5条9項: extended by the period in the data at a time. How the extended period is counted is not
        # verified (❓ in the reference), so the day at the new end is left open rather than decided.
        per = statutes.feature("prohibition_extension").months
        last = last + relativedelta(months=per * len(extensions)) - timedelta(days=1)
        label += f"（{'・'.join(c.evidence.text for c in extensions)}により有効期間が延長されており、少なくとも{last.isoformat()}まで有効）"
    beyond = [a for a in later if last is not None and a.date > last]
    within = [a for a in later if a not in beyond]
    extension_open = bool(beyond) and not facts.order_expired
    p, t = elements["purpose"].status, elements["target"].status

    def on(part: list[JudgedAct]) -> tuple[str, str]:
        live = [a for a in part if a.status == SAT]
        s19 = all_of([p, t, course_of_conduct(part)])
        s20 = all_of([p, SAT if live else (UND if part else NOT)])
        return s19, s20

    s19, s20 = on(within)
    if extension_open:
        # acts after the last day breach the order only if it was extended (5条9項)
        cap = lambda st: UND if st == SAT else st  # noqa: E731
        a19, a20 = on(within + beyond)
        s19, s20 = max_status(s19, cap(a19)), max_status(s20, cap(a20))
        ext = statutes.provision("5条9項", order.date)
        o19.questions.append(f"禁止命令等の有効期間（{last.isoformat()}まで）が延長されていたか"
                             f"（{ext.ref if ext else '延長'}）")
    counted = within + (beyond if extension_open else [])
    art = _article(o19)
    why19 = why20 = ""
    if s19 == SAT:
        why19 = f"{label}に違反して、その後もつきまとい等を反復しており、禁止命令等違反のストーカー行為罪（{art}1項）に当たる。"
    elif any(a.status != NOT for a in counted) and p != NOT and t != NOT:
        # 19条2項: つきまとい等 in breach of the order that, with the acts before it (which the order
        # presupposes), make up ストーカー行為
        s19 = max_status(s19, UND)
        why19 = (f"{label}の後の行為だけでは反復に至らないが、{art}2項は禁止命令等に違反してつきまとい等をすることにより"
                 "ストーカー行為をした者も罰する。禁止命令等はそれ以前のつきまとい等を前提とするため、命令前の行為と合わせて"
                 "ストーカー行為となるかは確認を要する。")
        o19.questions.append("命令前のつきまとい等の内容・日時と、それが既に処罰・起訴されているか（命令後の行為と合わせて評価できるか）")
        p19 = statutes.provision("19条", max(a.date for a in counted))
        if p19 is not None and p19.verification == "unknown" and all(a.category.startswith("2-3") for a in counted
                                                                       if a.status != NOT):
            why19 += (f"なお、命令後の行為は位置情報無承諾取得等であり、{art}2項の「つきまとい等」に位置情報無承諾取得等が"
                      f"含まれるか（{p19.version.isoformat()}以後の文言）は確認できていない。")
    else:
        why19 = f"{label}の後の行為について、" + ("反復したつきまとい等が確認できない。" if s19 == NOT else "要件の一部が確認できない。")
    if s20 == SAT:
        why20 = (f"{label}に違反した行為がある（{art}が成立する場合は{art}により処断される）。" if s19 == SAT
                 else f"{label}の後に、命令に違反するつきまとい等が行われており、{_article(o20)}の禁止命令等違反罪に当たる。")
    elif s20 == UND:
        why20 = f"{label}の後の行為が命令に違反するものか、確認を要する。"
    else:
        why20 = f"{label}の後に命令に違反する行為が確認できない。"
    if beyond:
        days = "・".join(dict.fromkeys(a.date.isoformat() for a in beyond))
        tail = (f"{last.isoformat()}の後の行為（{days}）は、有効期間が延長されていなければ命令違反に当たらない。" if extension_open
                else f"有効期間は延長されずに満了しており、{last.isoformat()}の後の行為（{days}）は命令違反に当たらない。")
        why19 += tail
        why20 += tail
    o19.status, o20.status = s19, s20
    o19.reasoning, o20.reasoning = why19, why20
    return o19, o20


def max_status(a: str, b: str) -> str:
    return a if RANK[a] >= RANK[b] else b


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
    # 迷惑防止条例 reaches つきまとい without 恋愛感情等: flag it when that purpose fails or is open
    if (purpose_status == NOT and any(k.startswith("2-1") for k in live_keys)) or (
            purpose_status == UND and live_keys & {"2-1-1", "2-1-2", "2-1-3", "2-1-4"}):
        out["nuisance_ordinance"] = {"id": "nuisance_ordinance", "evidence": [
            a.fact.evidence for a in suspect_acts(acts) if a.status != NOT][:3]}
    result = []
    for rid, entry in out.items():
        info = penalties.related_offence(rid, at)
        entry.update({"name": info.name, "article": info.article, "penalty": info.penalty, "note": info.note,
                      "version": info.version})
        result.append(entry)
    return result
