"""The elements of ストーカー行為 in three-valued logic, each with evidence, reasoning and questions."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from datetime import date

from legalcheck.law import caselaw, statutes
from legalcheck.law.acts import JudgedAct
from legalcheck.law.logic import NOT, SAT, UND, all_of, any_of
from legalcheck.law.orders import Order, orders_before
from legalcheck.facts import ACTOR_UNPROVEN, Facts, Span


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


# motives other than affection the record may tell (lexicon.yaml `motives:`)
OTHER_MOTIVES = ("money", "neighbour", "work", "custody")


def _other_motive(by: dict) -> bool:
    return any(by.get(k) for k in OTHER_MOTIVES)


def _ordered_before(orders: list[Order], own: list[JudgedAct]) -> list[Order]:
    """The 禁止命令等 issued before some act of his that is made out."""
    done = [a for a in own if a.status == SAT]
    return [o for o in orders_before(orders)
            if any(o.date is None or a.fact.date is None or a.fact.date.earliest > o.date for a in done)] if done else []


def purpose(facts: Facts, acts: list[JudgedAct], at: date, orders: list[Order] = ()) -> Element:
    e = Element("purpose", UND, "", statute=statutes.provision("2条1項", at))
    e.precedents = ["sc-2003-12-11"]
    by = {}
    for cue in facts.motives:
        by.setdefault(cue.kind, []).append(cue)
    if by.get("motive_open"):
        # 「真意が復縁か返済かは分からない」: the record says the motive is open; no cue decides it for the record
        e.evidence = [c.evidence for c in by["motive_open"] + by.get("romance", [])][:3]
        e.status = UND
        e.reasoning = (f"記述上、動機は「{by['motive_open'][0].label}」とされており、好意の感情又はそれが満たされなかった"
                       "ことへの怨恨の感情を充足する目的かは記述からは確定できない。")
        e.questions.append("被疑者の動機（好意・復縁か、金銭等の別の目的か）を被疑者の供述・言動で確認する")
    elif facts.unspecific and not by.get("romance"):
        e.evidence = [c.evidence for c in facts.unspecific]
        e.status = NOT
        e.reasoning = (f"行為は特定の者に向けられたものではなく（「{facts.unspecific[0].label}」）、特定の者に対する好意の感情又は"
                       "それが満たされなかったことへの怨恨の感情を充足する目的は認められない。")
    elif by.get("kin") and not _other_motive(by) and not by.get("no_romance"):
        # 「相談者の実父」: a parent's or sibling's attachment may be 親愛の情 rather than the feeling 2条1項 means
        e.evidence = [c.evidence for c in by["kin"] + by.get("romance", [])][:3]
        e.status = UND
        e.reasoning = (f"被疑者は被害者の{by['kin'][0].label}（親族）であり、行為が親族としての情愛によるものか、"
                       "2条1項の好意の感情又はそれが満たされなかったことへの怨恨の感情を充足する目的によるものかは、"
                       "記述からは確定できない。")
        e.questions.append("親族である被疑者の動機（親族としての心配・干渉か、好意の感情・拒絶への怨恨か）を供述・言動で確認する")
    elif by.get("no_romance") and by.get("romance"):
        # the narrative says both: one denial does not outweigh every sign of affection, nor the reverse
        e.evidence = [c.evidence for c in by["no_romance"] + by["romance"]][:4]
        e.status = UND
        e.reasoning = ("記述には好意・交際をうかがわせる記載（「" + "、".join(dict.fromkeys(c.label for c in by["romance"]))
                       + "」）と、それを否定する記載（「" + "、".join(dict.fromkeys(c.label for c in by["no_romance"]))
                       + "」）の双方があり、恋愛感情等充足目的は記述からは確定できない。")
        e.questions.append("被疑者の動機が好意の感情又はそれが満たされなかったことへの怨恨か（双方の記載の裏付け）")
    elif by.get("no_romance") and by.get("no_other_motive") and not _other_motive(by):
        # 「好意を示されたことも、仕事上のトラブルもない」: every explanation is ruled out, so the motive is unknown
        e.evidence = [c.evidence for c in by["no_romance"] + by["no_other_motive"]][:4]
        e.status = UND
        e.reasoning = ("記述上、好意・交際をうかがわせる事情も、金銭・仕事等の別の動機もないとされており、行為の動機は"
                       "記述からは分からない。好意の感情を表に出さないまま行為に及ぶ例もあり、恋愛感情等充足目的は"
                       "否定も肯定もできない。")
        e.questions.append("被疑者の行為の動機（被疑者の供述、周囲への言動、被害者との接点）")
    elif by.get("no_romance"):
        e.evidence = [c.evidence for c in by["no_romance"]]
        e.status = NOT
        e.reasoning = ("記述上、恋愛感情その他の好意の感情やそれが満たされなかったことへの怨恨をうかがわせる事情はない"
                       "とされており、恋愛感情等充足目的は認められない。")
    elif by.get("romance"):
        e.status, words = SAT, _cue_words(e, by["romance"])
        e.reasoning = (f"「{words}」の記載から、特定の者に対する好意の感情又はそれが満たされなかったことへの"
                       "怨恨の感情を充足する目的が認められる。")
        if _other_motive(by):
            e.reasoning += "金銭等の事情も記載されているが、好意・怨恨の感情が動機の中心か確認が望ましい。"
            e.questions.append("行為の動機が好意・怨恨の感情か、金銭等の別の事情か")
        e.defeaters.append("行為の動機が専ら金銭・近隣・仕事上のトラブルであることを示す事情")
    elif by.get("breakup") and _other_motive(by) and not by.get("no_romance"):
        # an ended relationship with another motive told: affection cannot be presumed
        e.evidence = [c.evidence for k in ("breakup", *OTHER_MOTIVES) for c in by.get(k, [])][:3]
        e.status = UND
        e.reasoning = ("被疑者は被害者の元交際相手等であるが、金銭等の別の動機も記載されており、好意の感情又は"
                       "それが満たされなかったことへの怨恨の感情を充足する目的かは記述からは判断できない。")
        e.questions.append("行為の動機が好意・怨恨の感情か、金銭等の別の事情か")
    elif _other_motive(by) and by.get("breakup") and by.get("romance_denied"):
        # 「財産分与をめぐり係争中」「復縁を求める言動はない」: a former partner with another stated motive and no sign
        # of the feeling: which drives him is open, neither presumed from the break-up nor ruled out by the dispute
        e.evidence = [c.evidence for k in (*OTHER_MOTIVES, "romance_denied") for c in by.get(k, [])][:3]
        e.status = UND
        e.reasoning = ("被疑者は被害者の元交際相手・元配偶者等であるが、記述上は金銭・仕事等の別の事情が動機として記載され、"
                       "好意・復縁をうかがわせる言動はないとされている。恋愛感情等充足目的かは記述からは確定できない。")
        e.questions.append("被疑者の動機が好意・復縁の希望やその拒絶への怨恨か、金銭等の別の事情か（被疑者の供述・言動）")
    elif _other_motive(by):
        kinds = [k for k in OTHER_MOTIVES if by.get(k)]
        e.evidence = [c.evidence for k in kinds for c in by[k]][:3]
        ja = {"money": "金銭トラブル", "neighbour": "近隣トラブル", "work": "仕事上のトラブル", "custody": "子との面会・親権をめぐる事情"}
        e.status = NOT
        e.reasoning = (f"記述からうかがえる動機は{'・'.join(ja[k] for k in kinds)}であり、恋愛感情等充足目的を"
                       "うかがわせる事情はない。ストーカー規制法ではなく、脅迫・名誉毀損等の刑法犯や"
                       "都道府県の迷惑防止条例の適用を検討する。")
        e.questions.append("恋愛感情・好意やその拒絶への怨恨をうかがわせる事情がないか")
    elif by.get("breakup") and any(a.status == SAT or a.uncovered for a in suspect_acts(acts)):
        # conduct established as conduct (satisfied, or outside the law only because of its date)
        e.evidence = [c.evidence for c in by["breakup"]][:2]
        e.status = SAT
        e.reasoning = ("被疑者は被害者の元交際相手・元配偶者等であり、関係解消後の一連の行為から、好意の感情又は"
                       "それが満たされなかったことへの怨恨の感情を充足する目的が推認される。")
        e.questions.append("被疑者の動機（復縁の希望、別れへの恨み等）を供述等で確認する")
        e.defeaters.append("関係解消後の行為が専ら金銭の清算等、好意・怨恨と無関係の目的によること")
        if by.get("romance_hearsay"):
            # 「息子とやり直してほしい」 from his mother: hearsay does not decide, but it points the same way
            e.reasoning += f"第三者の言葉（「{by['romance_hearsay'][0].label}」）も同じ方向を示す。"
    elif by.get("romance_hearsay"):
        # 「母親は「息子はまだあなたのことが好きなのよ」と言っていた」: his affection told only by a third person
        e.status, words = UND, _cue_words(e, by["romance_hearsay"])
        e.reasoning = (f"好意・交際をうかがわせる記載（「{words}」）は第三者の言葉（伝聞）であり、被疑者自身の言動からは"
                       "恋愛感情等充足目的を確認できない。")
        e.questions.append("被疑者自身の言動・供述から、好意の感情又はそれが満たされなかったことへの怨恨が動機といえるか")
    elif prior := _ordered_before(orders, suspect_acts(acts)):
        # 禁止命令等 (5条) presuppose つきまとい等, i.e. this purpose: conduct against her after one is presumed to
        # pursue the same purpose unless something else is told (the branches above)
        e.evidence = [o.evidence for o in prior if o.evidence is not None][:1]
        e.status = SAT
        e.reasoning = ("被疑者は同じ被害者へのつきまとい等を理由に禁止命令等を受けており（5条。恋愛感情等充足目的の"
                       "つきまとい等が前提となる）、その後も被害者に対する行為を続けていることから、同じ目的が推認される。")
        e.questions.append("先行する禁止命令等の理由となった行為と目的（命令書・聴取記録）、その後の行為の動機")
        e.defeaters.append("命令後の行為が別の目的（金銭・仕事上の用件等）によること")
    else:
        e.evidence = [c.evidence for c in by.get("breakup", [])][:2]
        e.status = UND
        e.reasoning = "好意の感情又はその拒絶への怨恨をうかがわせる記載がなく、目的は記述からは判断できない。"
        e.questions.append("被疑者と被害者の関係と、行為の動機（好意・交際の希望・拒絶への恨み等）")
    if e.status == SAT and acts and all(a.fact.actor == "unknown" or a.fact.hedge_text == ACTOR_UNPROVEN
                                        for a in acts if a.status != NOT and not a.derived) \
            and any(a.status != NOT for a in acts):
        # every act is by someone not identified: whose purpose it was cannot be told
        e.status = UND
        e.reasoning += "ただし各行為の行為者が特定されておらず、その者の目的は記述からは確定できない。"
        e.questions.append("行為者は誰か（防犯カメラ・目撃者等による特定）")
    if e.status == SAT and not facts.suspect_named:
        # contract §1: with nobody named, the sender's purpose usually cannot be known from his acts
        e.status = UND
        e.reasoning += "ただし行為者が特定されておらず、その者の目的は記述からは確定できない。"
        e.questions.append("行為者は誰か（特定されれば、その者と被害者の関係と動機）")
    return e


def _cue_words(e: Element, cues) -> str:
    """The element's evidence from the first cues, and their words as the reasoning quotes them."""
    e.evidence = [c.evidence for c in cues][:3]
    return "、".join(dict.fromkeys(c.label for c in cues))


def target(facts: Facts, acts: list[JudgedAct], at: date) -> Element:
    e = Element("target", NOT, "", statute=statutes.provision("2条1項", at))
    # whom the conduct was aimed at does not depend on whether the law of its date covered it
    live = [a for a in suspect_acts(acts) if not a.fact.negated and not a.fact.background] or [
        a for a in acts if a.fact.actor == "unknown" and not a.derived and not a.fact.negated]   # aimed at her, whoever did it
    if not live:
        e.reasoning = "被疑者の特定の者に対する行為として評価できるものがない。"
        return e
    if facts.unspecific:
        e.evidence = [c.evidence for c in facts.unspecific]
        e.reasoning = (f"記述上、行為の相手は特定の者ではない（「{facts.unspecific[0].label}」）。不特定の者に向けられた言動は、"
                       "特定の者又はその密接関係者に対するつきまとい等に当たらない。")
        e.questions.append("行為が特定の者に繰り返し向けられていないか（相手となった者の特定）")
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


def person(a: JudgedAct) -> str | None:
    """The object person of an act for 2条4項 「同一の者に対し」; None when the facts do not say who."""
    f = a.fact
    if f.object_role == "victim":
        return "victim"          # the victim is one person, however she is named
    if f.object_person:
        return f.object_person
    if f.object_role in ("close", "other"):
        return f.object_text
    return None


def countable(a: JudgedAct) -> str:
    """How an act counts toward 反復 (2条4項): as its own status, except that an act of 1〜4号 or the
    email/SNS part of 5号 counts only if done by 不安方法 (its `anxiety`, set by mark_anxiety)."""
    if a.needs_anxiety:
        return all_of([a.status, a.anxiety or UND])
    if a.potential and a.status == NOT:
        return UND
    return a.status


# sayings written or recorded (each message its own sending), not said in person
_SENT = re.compile(r"メール|ＬＩＮＥ|LINE|ライン|留守電|留守番|メッセージ|手紙|ＳＭＳ|SMS|ＤＭ|DM|電話|書|送")
_SHORT_SPAN = re.compile(r"[0-9０-９一二三四五六七八九十数]+\s*(?:分|時間)(?:間)?(?:ほど|くらい|ぐらい)?(?:に|で|の間に)")
_MANY_DAYS = re.compile(r"毎晩|毎日|毎朝|毎週|連日|連夜|日々|毎夜")


@lru_cache(maxsize=512)
def _short_span_then(count_text: str) -> re.Pattern:
    """A few minutes, then the count (「約10分間に15回ほど」): compiled once per count text (compiling
    costs more than the search, and counts are told in a few set ways)."""
    return re.compile(_SHORT_SPAN.pattern + ".{0,4}" + re.escape(count_text))


def occasions(acts: list[JudgedAct], status) -> int:
    """How many separate times acts of this status (or these statuses) happened (an act told as
    repeated counts twice)."""
    statuses = {status} if isinstance(status, str) else set(status)
    n = 0
    seen = set()
    for a in acts:
        if countable(a) not in statuses or not a.counted or a.derived:
            continue
        d = a.fact.date
        # 「インターホンを何度も鳴らした」 on a day told for that act is one visit; a day carried over from
        # another sentence says nothing about how many days it took
        one_visit = (a.fact.count_vague and d is not None and d.earliest == d.latest and d.source in ("told", "inherited")
                     and not _MANY_DAYS.search(a.fact.count_text or "")
                     and a.category in ("2-1-1", "2-1-3", "2-1-4")) or (
            # 「回り込んで前をふさぐことを３回ほど繰り返した」: blocking her way again and again in one encounter
            a.key == "2-1-1:tachifusagari" and d is not None and d.earliest == d.latest and d.source in ("told", "inherited")) or (
            # 「「連絡先を教えて」「今度ご飯に行こう」と言った」: sayings listed for one day are one occasion
            a.fact.kind in ("demand", "threat", "monitor_tell") and d is not None and d.earliest == d.latest
            and d.source == "told" and "「" in (a.fact.count_text or "") and not _SENT.search(a.fact.clause.text)) or (
            # 「インターホンは約10分間に15回ほど鳴らされた」: rings within minutes are one visit
            a.category == "2-1-1" and a.fact.count_text is not None
            and _short_span_then(a.fact.count_text).search(a.fact.clause.text) is not None)
        count = a.count_used if a.count_used is not None else a.fact.count   # the part of a series its date covers
        if count >= 2 and not one_visit:
            # 「インターホンを何度も鳴らした」 on one day is one visit, not a repetition
            n += 2
            continue
        if a.fact.occasion in seen:
            continue
        seen.add(a.fact.occasion)
        n += 1
    return n


def _status_one(acts: list[JudgedAct]) -> str:
    sat = occasions(acts, SAT)
    if sat >= 2:
        return SAT
    # a doubtful act on the occasion of a certain one adds no occasion (「駅で待っていた」「柱の陰に立っていた」)
    either = occasions(acts, (SAT, UND))
    # an act known only by hearsay or guess (「うろついているらしい」) may well have happened more than once
    if any(countable(a) == UND and a.fact.hedged and a.fact.count < 2 and not a.derived for a in acts):
        either += 1
    # a position read whose number is not told (「どこにいるか見ていた」) may have been one read or many
    elif any(countable(a) != NOT and a.fact.kind == "gps_read" and a.fact.count < 2 and not a.fact.count_text
             and not a.derived for a in acts):
        either += 1
    if either >= 2:
        return UND
    return NOT


def by_person(acts: list[JudgedAct]) -> dict[str | None, list[JudgedAct]]:
    groups: dict[str | None, list[JudgedAct]] = {}
    for a in acts:
        groups.setdefault(person(a), []).append(a)
    return groups


def repetition_status(acts: list[JudgedAct]) -> str:
    """反復 against the same person (2条4項 「同一の者に対し」): the best over object persons; acts whose
    object person is not told may belong to any of them, so they can raise a person's count only to
    `undetermined`."""
    groups = by_person(acts)
    unknown = groups.pop(None, [])
    results = [_status_one(g) for g in groups.values()]
    if unknown:
        results.append(_status_one(unknown))
        for g in groups.values():
            joined = _status_one(g + unknown)
            results.append(UND if joined == SAT and _status_one(g) != SAT else joined)
    return any_of(results) if results else NOT


def _who(key: str | None) -> str:
    return "被害者" if key == "victim" else (key or "相手方不明")


def repetition(facts: Facts, acts: list[JudgedAct], at: date) -> Element:
    # acts whose actor is not told may be his: they can make 反復 undetermined, never satisfied
    mine = suspect_acts(acts) + [a for a in acts if a.fact.actor == "unknown" and not a.derived]
    e = Element("repetition", repetition_status(mine), "", statute=statutes.stalking_definition(at))
    e.precedents = ["sc-2005-11-25"]
    ref = e.statute.ref
    if facts.unspecific and e.status != NOT:
        # 「相手は日によって異なり」: acts on different people are not repeated 「同一の者に対し」
        e.status, e.evidence = NOT, [c.evidence for c in facts.unspecific]
        e.reasoning = (f"{ref}は「同一の者に対し」つきまとい等を反復することを求めるが、記述上、行為の相手は一定しない"
                       f"（「{facts.unspecific[0].label}」）ため、同一の者に対する反復とはいえない。")
        e.questions.append("同じ者が繰り返し相手となっていないか")
        return e
    sat = [a for a in mine if countable(a) == SAT and a.counted and not a.derived]
    e.evidence = [a.fact.evidence for a in sat][:5]
    groups = {k: g for k, g in by_person(mine).items() if any(countable(a) != NOT and a.counted and not a.derived for a in g)}
    n = max((occasions(g, SAT) for g in by_person(mine).values()), default=0)
    # acts of 1〜4号 (and email/SNS) that do not count for want of 不安方法
    calm = [a for a in mine if a.needs_anxiety and a.status == SAT and (a.anxiety or UND) != SAT and not a.derived]
    rule = f"{ref}は「同一の者に対し」つきまとい等を反復することを求め、1〜4号等の行為は不安方法によるものに限って数える"
    if e.status == SAT and facts.same_actor_doubt and len({a.fact.occasion for a in sat}) >= 2:
        # 反復 is by one person: whether the same man came each time is not established
        e.status = UND
        e.reasoning = (f"つきまとい等は複数回確認できるが、記述上「{facts.same_actor_doubt}」とされており、各回の行為者が"
                       "同一人物か確定できないため、同一の者による反復かは判断できない。")
        e.questions.append("各回の行為者が同一人物か（防犯カメラ、車両・服装、被疑者の特定）")
    elif e.status == SAT:
        kinds = sorted({a.key for a in sat})
        e.reasoning = (f"同一の者に対するつきまとい等が反復されている（{'、'.join(statutes.category_label(k) for k in kinds)}）。"
                       f"異なる号の行為も合わせて反復と評価できる（{caselaw.precedent('sc-2005-11-25').citation.split('（')[0]}）。")
        e.defeaters.append("各行為が実は一回の機会に行われたものであること")
    elif e.status == UND:
        e.reasoning = f"{rule}。同一の者に対して確認できるつきまとい等は{n}回分で、他の行為が確認されれば反復となり得る。"
        if None in groups:
            e.reasoning += "相手方が誰か記述から分からない行為がある。"
            e.questions.append("各行為の相手方（被害者本人か、家族・交際相手など誰か）")
        if calm:
            e.reasoning += f"{'、'.join(dict.fromkeys(statutes.category_label(a.key) for a in calm))}は不安方法によるか確認できない。"
        e.questions.append("確認できていない行為（伝聞・推測・日時不明のもの）の裏付け")
    else:
        e.reasoning = f"{rule}。同一の者に対するつきまとい等は{n}回分にとどまり、反復とはいえないため、ストーカー行為には当たらない。"
        if len([k for k in groups if k is not None]) > 1:
            e.reasoning += ("行為の相手方が異なり（" + "、".join(_who(k) for k in groups) + "）、相手方ごとに数えると反復に至らない。")
        if calm:
            e.reasoning += f"{'、'.join(dict.fromkeys(statutes.category_label(a.key) for a in calm))}は不安方法によるものではなく、数えない。"
        e.reasoning += orders_available(at)
        e.questions.append("ほかにつきまとい等の行為がないか（日時・回数）")
    return e


def orders_available(at: date) -> str:
    """Which measures the law of `at` allows for つきまとい等 short of ストーカー行為 (4条 警告, 5条 禁止命令等)."""
    w = statutes.feature("ex_officio_warning")
    p = statutes.feature("prohibition_without_warning")
    warn = ("警告（4条。申出がなくても職権で可能）" if statutes.in_force(w.id, at)
            else f"被害者の申出による警告（4条。職権警告は{w.start.isoformat()}から）")
    order = ("禁止命令等（5条。警告を経ずに可能）" if statutes.in_force(p.id, at)
             else f"警告に従わなかった場合の禁止命令等（5条。警告を経ない禁止命令等は{p.start.isoformat()}から）")
    return f"ただし、つきまとい等に対する{warn}や{order}は可能である（{at.isoformat()}時点の法律）。"


_NIGHT = ("深夜", "夜間", "未明", "午前0時", "午前1時", "午前2時", "午前3時")


def _manner(a: JudgedAct) -> bool:
    """The manner itself shows 不安方法: threats and abuse, blocking her way, acts late at night."""
    return (a.key in ("2-1-4", "2-1-1:tachifusagari") or a.fact.kind in ("threat", "rough")
            or any(w in a.fact.clause.text for w in _NIGHT))


def mark_anxiety(facts: Facts, acts: list[JudgedAct]) -> None:
    """Set each act's `anxiety` (2条4項 不安方法) where it needs one. A victim's fear (or calm) is tied to
    the acts told before it, back to the previous such remark; a remark before every act speaks of them
    all. An act with no remark tied to it and no frightening manner stays undetermined."""
    cues = sorted([(c.evidence.start, SAT, c) for c in facts.fears] +
                  [(c.evidence.start, NOT, c) for c in getattr(facts, "calm", [])], key=lambda x: x[0])
    needing = [a for a in acts if a.needs_anxiety]
    if not needing:
        return
    first_act = min(a.fact.evidence.start for a in acts)
    general = [st for pos, st, _ in cues if pos <= first_act]
    force = [c.evidence for c in facts.related if c.kind in ("assault", "injury", "intimidation") and not c.negated]
    for a in needing:
        if _manner(a) or any(a.fact.clause.start <= f.start and "。" not in facts.narrative[a.fact.clause.start:f.start]
                             for f in force):
            # 「同駅で再びＰを待ち、Ｐの腕をつかんで」: force or a threat on the occasion shows the manner itself
            a.anxiety = SAT
            continue
        if a.fact.content_unread and a.category == "2-1-5" and not a.fact.content:
            # her fear of what she never read does not show the manner of sending (2条4項 is objective)
            a.anxiety = UND
            a.questions.append("メッセージの内容（受信履歴・保全したデータから、不安を覚えさせる内容か）")
            continue
        start = a.fact.evidence.start
        # a remark about one time (「１月のときは怖かった」) speaks only of the acts of that time
        after = [(pos, st) for pos, st, c in cues if pos > start and (
            c.date is None or a.fact.date is None or (c.date.earliest <= a.fact.date.latest and a.fact.date.earliest <= c.date.latest))]
        tied = after[0][1] if after else None
        if tied is None and general:
            tied = SAT if SAT in general else NOT
        a.anxiety = tied or UND


def anxiety(facts: Facts, acts: list[JudgedAct], at: date) -> Element:
    # acts whose doer is not identified may be his: they keep the question open, never settle it
    maybe = [a for a in acts if a.fact.actor == "unknown" and not a.derived and a.status != NOT and a.needs_anxiety]
    needing = [a for a in suspect_acts(acts) if a.status != NOT and a.needs_anxiety] or maybe
    e = Element("anxiety_method", NOT, "", statute=statutes.stalking_definition(at))
    e.precedents = ["sc-2003-12-11"]
    ref = e.statute.ref
    if not needing:
        e.reasoning = (f"不安方法の限定（{ref}）がかかる行為（1〜4号"
                       + ("、電子メール等による5号" if statutes.in_force("anxiety:email_sns", at) else "")
                       + "）がなく、この要件は問題とならない。")
        return e
    if any(a.anxiety is None for a in needing):
        mark_anxiety(facts, acts)
    by = {st: [a for a in needing if a.anxiety == st] for st in (SAT, UND, NOT)}
    e.status = any_of(a.anxiety for a in needing)
    if needing is maybe and e.status == SAT:
        e.status = UND
    fears = facts.fears
    if e.status == SAT:
        manner = [a for a in by[SAT] if _manner(a)]
        e.evidence = [c.evidence for c in fears][:3] + [a.fact.evidence for a in manner][:2]
        what = "、".join(dict.fromkeys(c.label for c in fears)) if fears else ""
        e.reasoning = (f"行為は、身体の安全、住居等の平穏若しくは名誉が害され、又は行動の自由が著しく害される不安を"
                       f"覚えさせるような方法（{ref}）によるものと認められる"
                       + (f"（被害者の反応：「{what}」）。" if what else "（脅迫的・粗野な言動、進路の妨害、深夜の行為など、態様自体から認められる）。"))
        rest = by[UND] + by[NOT]
        if rest:
            e.reasoning += (f"ただし{'、'.join(dict.fromkeys(statutes.category_label(a.key) for a in rest))}は"
                            "不安方法によるものか確認できず、反復の判断では数えない。")
            if by[UND]:
                e.questions.append("不安を覚えさせる態様だったか確認できていない行為の態様と、被害者の受け止め")
        e.defeaters.append("行為の態様が平穏で、一般人が不安を覚えるようなものではなかったこと")
    elif e.status == NOT:
        e.evidence = [a.fact.evidence for a in needing][:2]
        e.reasoning = f"1〜4号等の行為は、平穏な態様で行われ不安を覚えさせるものではなかったと記載されている（{ref}の不安方法に当たらない）。"
    else:
        e.evidence = [a.fact.evidence for a in needing][:2]
        e.reasoning = f"1〜4号等の行為について、不安を覚えさせるような方法（{ref}）で行われたかを示す記載がない。"
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
    # the place requirement is read in 2条1項1号 as it stood on the act's own date
    e.statute = chosen[0].statute or e.statute
    e.evidence = [a.fact.evidence for a in chosen][:3]
    e.reasoning = chosen[0].reasoning if chosen else ""
    for a in mihari:
        e.questions += [q for q in a.questions if "どこ" in q or "観察" in q]
    if e.status == SAT:
        e.defeaters.append("観察が住居等から離れた場所で行われ、同所における被害者の動静を観察していなかったこと"
                           "（例：GPSの位置情報を遠隔で確認しただけ）")
    return e


def course_of_conduct(acts: list[JudgedAct]) -> str:
    """ストーカー行為 (2条4項): つきまとい等 (1〜4号 etc. only by 不安方法) or 位置情報無承諾取得等
    repeated against the same person."""
    # acts whose doer is not identified may be his (undetermined acts): they can leave it open, never make it
    return repetition_status(suspect_acts(acts) + [a for a in acts if a.fact.actor == "unknown" and not a.derived])
