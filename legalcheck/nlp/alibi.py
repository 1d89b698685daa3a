"""Alibis the record confirms: 「出張記録等により、Ｅ１が５月９日から１１日まで大阪にいたことが確認された」. An act of
his told for a day inside that period did not happen as told (he was elsewhere): the days inside drop out of
the act, and an act left with none is refuted, not merely unproven."""
from __future__ import annotations

import re

from legalcheck.nlp.context import Ctx
from legalcheck.nlp.facts import ActFact, DateRange, Span

# being elsewhere for a period: abroad, on a trip, in hospital, in custody
_ELSEWHERE = re.compile(r"(?:に|で|へ)(?:いた|おり|滞在|出張|出向|入院|赴任|勤務して)|(?:入院|勾留|留置|服役|収容|渡航|出国)(?:して|されて|中)"
                        r"|帰国していない|帰国しておらず|国外に|海外に")
# the record confirms it (not his claim alone)
_CONFIRMED = re.compile(r"(?:こと|の)が(?:[^。]{0,30}?(?:で|により|によって))?(?:確認され|確認でき|判明し|裏付けられ|明らかにな)|(?:ことを|と)確認(?:した|済み)|により確認"
                        r"|(?:記録|照会結果|回答)(?:に|上)?(?:よれば|よると)|記録(?:が|も)(?:ある|あり|残って)")
_THOSE_DAYS = re.compile(r"両日|各日|いずれの日|当日|同日")
_NEAR_HER = re.compile(r"付近|周辺|近く|前に|前で")
_NOT_CONFIRMED = re.compile(r"確認(?:され|でき)て(?:い|お)?(?:ない|らず)|確認できない|裏付けはない|裏付けられていない|未確認")


def alibi_sentences(ctx: Ctx):
    """The sentences that confirm the suspect was elsewhere (where he was is no act of his)."""
    for s in ctx.sents:
        if s.hi <= s.lo:
            continue
        a, b = ctx.toks[s.lo].start, ctx.toks[s.hi - 1].end
        line = ctx.text[a:b]
        if not (_ELSEWHERE.search(line) and _CONFIRMED.search(line)) or _NOT_CONFIRMED.search(line):
            continue
        if not any(ctx.roles[k] == "suspect" and ctx.inside[k] < 0 for k in range(s.lo, s.hi)):
            continue
        if any(ctx.roles[k] in ("victim", "close") for k in range(s.lo, s.hi)) or _NEAR_HER.search(line):
            continue   # 「同日、被害者方付近にいたことを防犯カメラ画像により確認」: his presence there, the reverse of an alibi
        yield s, a, b, line


def alibis(ctx: Ctx, sentences=None) -> list[tuple[DateRange, Span]]:
    """The periods the record confirms the suspect was elsewhere, with the sentence that says so."""
    out = []
    for s, a, b, line in sentences if sentences is not None else alibi_sentences(ctx):
        days = ctx.date_ix.between(a, b)
        if all(d.relative for d in days) and _THOSE_DAYS.search(line) and s.index > 0:
            # 「２　３月１１日及び１８日\n　Ｈは両日とも前日から福岡県へ出張しており」: the days its heading names
            prev = ctx.sents[s.index - 1]
            days = ctx.date_ix.between(ctx.toks[prev.lo].start, ctx.toks[prev.hi - 1].end) if prev.hi > prev.lo else []
            out.extend((DateRange(d.earliest, d.latest, d.text), Span(a, b, line)) for d in days)
        elif days:
            # 「５月９日から１１日まで大阪にいた」: one period from its first day to its last
            out.append((DateRange(min(d.earliest for d in days), max(d.latest for d in days),
                                  ctx.text[days[0].start:days[-1].end]), Span(a, b, line)))
    return out


def apply_alibis(ctx: Ctx, acts: list[ActFact]) -> bool:
    """Each act of his keeps only its told days outside every confirmed alibi; True if any act changed."""
    if not acts or not _CONFIRMED.search(ctx.text):
        return False   # (most narratives: nothing confirmed, no sentence to look at)
    sentences = list(alibi_sentences(ctx))
    found = alibis(ctx, sentences) if sentences and any(a.actor == "suspect" for a in acts) else []
    changed = False
    # 「当該３夜はいずれも札幌市内の勤務先・社宅にいたことが…確認された」: where he was is no act of his
    where = [(a, b) for _, a, b, _ in sentences]
    others = [act for act in acts if not (act.category == "2-1-1" and any(a <= act.evidence.start < b for a, b in where))]
    if len(others) < len(acts):
        acts[:], changed = others, True

    def alibi_for(d: DateRange) -> Span | None:
        return next((sp for p, sp in found if p.earliest <= d.earliest and d.latest <= p.latest), None)

    # calls, messages and reads from afar need no presence: being elsewhere refutes none of them, unless they were
    # said on the occasions of his presence (「改札前で待ち伏せし、近寄って「やり直そう」と言った」)
    present = {(a.sentence_index, a.date.earliest, a.date.latest) for a in acts
               if a.date is not None and (a.category in ("2-1-1", "2-3-3") and not a.remote or a.means in ("visit", "in_person"))}
    for act in acts:
        if act.actor != "suspect" or act.negated or act.date is None or act.date.source not in ("told", "inherited"):
            continue
        if (act.sentence_index, act.date.earliest, act.date.latest) not in present:
            continue
        parts = list(act.dated_counts) or [(act.date, act.count)]
        kept = [(d, n) for d, n in parts if alibi_for(d) is None]
        if len(kept) == len(parts):
            continue
        changed = True
        if not kept:
            act.refuted_by = alibi_for(parts[0][0])
        else:
            n = sum(x for _, x in kept)
            date = DateRange(min(d.earliest for d, _ in kept), max(d.latest for d, _ in kept),
                             "、".join(d.text for d, _ in kept), act.date.source)
            act.date, act.count, act.dated_counts = date, n, tuple(kept) if len(kept) > 1 else ()
            act.count_text = f"{n}回（他の日は所在確認により除く）"
    return changed
