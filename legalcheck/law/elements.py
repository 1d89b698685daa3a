"""The elements of ストーカー行為 in three-valued logic, each with evidence, reasoning and questions."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from legalcheck.law import caselaw, statutes
from legalcheck.law.acts import JudgedAct
from legalcheck.law.logic import NOT, SAT, UND, all_of, any_of
from legalcheck.nlp.facts import Facts, Span


@dataclass
class Element:
    id: str
    status: str
    reasoning: str
    evidence: list[Span] = field(default_factory=list)
    statute: statutes.Provision | None = None
    precedents: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    defeaters: list[str] = field(default_factory=list)   # what fact would defeat a satisfied element


def suspect_acts(acts: list[JudgedAct]) -> list[JudgedAct]:
    return [a for a in acts if a.fact.actor == "suspect" and not a.derived]


def purpose(facts: Facts, acts: list[JudgedAct], at: date) -> Element:
    e = Element("purpose", UND, "", statute=statutes.provision("2条1項", at))
    e.precedents = ["sc-2003-12-11"]
    by = {}
    for cue in facts.motives:
        by.setdefault(cue.kind, []).append(cue)
    if by.get("no_romance"):
        e.evidence = [c.evidence for c in by["no_romance"]]
        e.status = NOT
        e.reasoning = ("記述上、恋愛感情その他の好意の感情やそれが満たされなかったことへの怨恨をうかがわせる事情はない"
                       "とされており、恋愛感情等充足目的は認められない。")
    elif by.get("romance"):
        e.evidence = [c.evidence for c in by["romance"]][:3]
        e.status = SAT
        words = "、".join(dict.fromkeys(c.label for c in by["romance"]))
        e.reasoning = (f"「{words}」の記載から、特定の者に対する好意の感情又はそれが満たされなかったことへの"
                       "怨恨の感情を充足する目的が認められる。")
        if by.get("money") or by.get("neighbour") or by.get("work"):
            e.reasoning += "金銭等の事情も記載されているが、好意・怨恨の感情が動機の中心か確認が望ましい。"
            e.questions.append("行為の動機が好意・怨恨の感情か、金銭等の別の事情か")
        e.defeaters.append("行為の動機が専ら金銭・近隣・仕事上のトラブルであることを示す事情")
    elif by.get("money") or by.get("neighbour") or by.get("work"):
        kinds = [k for k in ("money", "neighbour", "work") if by.get(k)]
        e.evidence = [c.evidence for k in kinds for c in by[k]][:3]
        ja = {"money": "金銭トラブル", "neighbour": "近隣トラブル", "work": "仕事上のトラブル"}
        e.status = NOT
        e.reasoning = (f"記述からうかがえる動機は{'・'.join(ja[k] for k in kinds)}であり、恋愛感情等充足目的を"
                       "うかがわせる事情はない。ストーカー規制法ではなく、脅迫・名誉毀損等の刑法犯や"
                       "都道府県の迷惑防止条例の適用を検討する。")
        e.questions.append("恋愛感情・好意やその拒絶への怨恨をうかがわせる事情がないか")
    elif by.get("breakup") and any(a.status == SAT for a in suspect_acts(acts)):
        e.evidence = [c.evidence for c in by["breakup"]][:2]
        e.status = SAT
        e.reasoning = ("被疑者は被害者の元交際相手・元配偶者等であり、関係解消後の一連の行為から、好意の感情又は"
                       "それが満たされなかったことへの怨恨の感情を充足する目的が推認される。")
        e.questions.append("被疑者の動機（復縁の希望、別れへの恨み等）を供述等で確認する")
        e.defeaters.append("関係解消後の行為が専ら金銭の清算等、好意・怨恨と無関係の目的によること")
    else:
        e.evidence = [c.evidence for c in by.get("breakup", [])][:2]
        e.status = UND
        e.reasoning = "好意の感情又はその拒絶への怨恨をうかがわせる記載がなく、目的は記述からは判断できない。"
        e.questions.append("被疑者と被害者の関係と、行為の動機（好意・交際の希望・拒絶への恨み等）")
    return e


def target(facts: Facts, acts: list[JudgedAct], at: date) -> Element:
    e = Element("target", NOT, "", statute=statutes.provision("2条1項", at))
    live = [a for a in suspect_acts(acts) if a.status != NOT]
    if not live:
        e.reasoning = "被疑者の特定の者に対する行為として評価できるものがない。"
        return e
    close = [a for a in live if a.fact.object_role == "close"]
    own = [a for a in live if a.fact.object_role == "victim"]
    e.evidence = [a.fact.evidence for a in (own or close)][:3]
    if own:
        e.status = SAT
        e.reasoning = "各行為は同一の特定の者（被害者）に向けられている。"
    elif close:
        e.status = SAT
        who = close[0].fact.object_text or "被害者の密接関係者"
        e.reasoning = (f"行為は、恋愛感情等の対象である特定の者と社会生活において密接な関係を有する者（{who}）に"
                       "向けられており、2条1項柱書の「密接な関係を有する者」に対する行為に当たる。")
    else:
        e.status = UND
        e.reasoning = "行為の相手が特定の者又はその密接関係者か記述からは分からない。"
        e.questions.append("行為の相手方と、恋愛感情等の対象となった者との関係")
    return e


def occasions(acts: list[JudgedAct], status: str) -> int:
    """How many separate times acts of this status happened (an act told as repeated counts twice)."""
    n = 0
    seen = set()
    for a in acts:
        if a.status != status or not a.counted or a.derived:
            continue
        d = a.fact.date
        one_visit = (a.fact.count_vague and d is not None and d.earliest == d.latest
                     and a.category in ("2-1-1", "2-1-3", "2-1-4"))
        if a.fact.count >= 2 and not one_visit:
            # 「インターホンを何度も鳴らした」 on one day is one visit, not a repetition
            n += 2
            continue
        if a.fact.occasion in seen:
            continue
        seen.add(a.fact.occasion)
        n += 1
    return n


def repetition_status(acts: list[JudgedAct]) -> str:
    sat = occasions(acts, SAT)
    if sat >= 2:
        return SAT
    und = occasions(acts, UND)
    # an act known only by hearsay or guess (「うろついているらしい」) may well have happened more than once
    if any(a.status == UND and a.fact.hedged and a.fact.count < 2 and not a.derived for a in acts):
        und += 1
    if sat + und >= 2:
        return UND
    return NOT


def repetition(facts: Facts, acts: list[JudgedAct], at: date) -> Element:
    mine = suspect_acts(acts)
    e = Element("repetition", repetition_status(mine), "", statute=statutes.stalking_definition(at))
    e.precedents = ["sc-2005-11-25"]
    sat = [a for a in mine if a.status == SAT and a.counted]
    e.evidence = [a.fact.evidence for a in sat][:5]
    n = occasions(mine, SAT)
    if e.status == SAT:
        kinds = sorted({a.key for a in sat})
        e.reasoning = (f"同一の者に対するつきまとい等が反復されている（{'、'.join(statutes.category_label(k) for k in kinds)}）。"
                       f"異なる号の行為も合わせて反復と評価できる（{caselaw.precedent('sc-2005-11-25').citation.split('（')[0]}）。")
        e.defeaters.append("各行為が実は一回の機会に行われたものであること")
    elif e.status == UND:
        e.reasoning = f"確認できるつきまとい等は{n}回分で、他の行為が確認されれば反復となり得る。"
        e.questions.append("確認できていない行為（伝聞・推測・日時不明のもの）の裏付け")
    else:
        e.reasoning = (f"確認できるつきまとい等は{n}回分にとどまり、反復とはいえないため、ストーカー行為には当たらない。"
                       "ただし、つきまとい等に対する警告（4条）や禁止命令等（5条）は可能である。")
        e.questions.append("ほかにつきまとい等の行為がないか（日時・回数）")
    return e


def anxiety(facts: Facts, acts: list[JudgedAct], at: date) -> Element:
    needing = [a for a in suspect_acts(acts) if a.status != NOT and a.needs_anxiety]
    e = Element("anxiety_method", NOT, "", statute=statutes.stalking_definition(at))
    e.precedents = ["sc-2003-12-11"]
    if not needing:
        e.reasoning = (f"不安方法の限定（{e.statute.ref if e.statute else 'ストーカー行為の定義'}）がかかる行為"
                       "（1〜4号、電子メール等による5号）がなく、この要件は問題とならない。")
        return e
    # the manner itself can show it: threats and abuse, blocking her way, acts late at night
    manner = [a for a in needing if a.key in ("2-1-4", "2-1-1:tachifusagari") or a.fact.kind in ("threat", "rough")
              or any(w in a.fact.clause.text for w in ("深夜", "夜間", "未明", "午前0時", "午前1時", "午前2時", "午前3時"))]
    fears = facts.fears
    if fears or manner:
        e.status = SAT
        e.evidence = [c.evidence for c in fears][:3] + [a.fact.evidence for a in manner][:2]
        what = "、".join(dict.fromkeys(c.label for c in fears)) if fears else ""
        e.reasoning = ("行為は、身体の安全、住居等の平穏若しくは名誉が害され、又は行動の自由が著しく害される不安を"
                       "覚えさせるような方法によるものと認められる"
                       + (f"（被害者の反応：「{what}」）。" if what else "（脅迫的・粗野な言動、進路の妨害、深夜の行為など、態様自体から認められる）。"))
        e.defeaters.append("行為の態様が平穏で、一般人が不安を覚えるようなものではなかったこと")
    else:
        e.status = UND
        e.evidence = [a.fact.evidence for a in needing][:2]
        e.reasoning = "1〜4号等の行為について、不安を覚えさせるような方法で行われたかを示す記載がない。"
        e.questions.append("行為の態様（時間帯、回数、言動）と、被害者が感じた不安・恐怖の内容")
    return e


def mihari_place(facts: Facts, acts: list[JudgedAct], at: date) -> Element:
    mihari = [a for a in acts if a.key == "2-1-1:mihari" and a.fact.actor == "suspect"]
    e = Element("mihari_place", NOT, "", statute=statutes.provision("2条1項1号", at))
    e.precedents = ["sc-2020-07-30-1528", "sc-2020-07-30-1529", "fukuoka-hc-2018-09-20"]
    if not mihari:
        e.reasoning = "見張りに当たり得る行為の記載がなく、場所的要件は問題とならない。"
        return e
    e.status = any_of(a.status for a in mihari)
    chosen = [a for a in mihari if a.status == e.status]
    e.evidence = [a.fact.evidence for a in chosen][:3]
    e.reasoning = chosen[0].reasoning if chosen else ""
    for a in mihari:
        e.questions += [q for q in a.questions if "どこ" in q or "観察" in q]
    if e.status == SAT:
        e.defeaters.append("観察が住居等から離れた場所で行われ、同所における被害者の動静を観察していなかったこと"
                           "（例：GPSの位置情報を遠隔で確認しただけ）")
    return e


def course_of_conduct(acts: list[JudgedAct], anxiety_status: str) -> str:
    """ストーカー行為: repetition of acts that need no 不安方法, or of all acts with 不安方法 (Kleene)."""
    mine = suspect_acts(acts)
    free = [a for a in mine if not a.needs_anxiety]
    return any_of([repetition_status(free), all_of([repetition_status(mine), anxiety_status])])
