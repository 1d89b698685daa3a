"""Cues over the whole narrative: motive, fear, refusal, related offences, prior measures."""
from __future__ import annotations

import re

from legalcheck.nlp import clauses as C
from legalcheck.nlp.context import Ctx
from legalcheck.nlp.facts import Cue, DateRange, MeasureFact, Span

_WHETHER = re.compile(r"[^。、「」]{0,10}?(かどうか|か否か)")
_DENIED_AFTER = re.compile(r"[^。]{0,30}?(ことは|ことも|事実は|様子は|ことが)(一度も|一切|全く|特に)?(ない|なく|なかった|無い|ありません)")


def to_word_end(text: str, sp: Span, limit: int = 8) -> Span:
    """「怖」 → 「怖くて」: show the whole word a stem cue stands in."""
    end = sp.end
    while end < len(text) and end - sp.end < limit and text[end] not in "。、，」「）（()\n・ 　":
        end += 1
    return Span(sp.start, end, text[sp.start:end])


def refusal_denied(ctx: Ctx, sp: Span) -> bool:
    """「電話をやめてほしいと伝えたことはない」: the telling is denied, not the wish."""
    tail = ctx.text[sp.end:sp.end + 25]
    m = re.match(r"[^。、]{0,12}?(と|旨を?)(伝え|言っ|頼ん|求め|話し)[^。]{0,6}?(ことはない|ことがない|ていない|なかった)", tail)
    # 「相談者はまだ返信も拒否もしていない」: the refusal itself not (yet) made
    return bool(m) or bool(re.match(r"(?:は|も)(?:まだ|一度も)?(?:していない|しておらず|していません|しなかった|していなかった)", tail))


def answered_no(ctx: Ctx, sp: Span) -> bool:
    """「（問）…着信拒否をしたりしたか。」「（答）していません。」"""
    k = ctx.tok_at[sp.start]
    if k is None or not ctx.question[ctx.sent_of[k]]:
        return False
    nxt = ctx.text.find("\n", sp.end)
    answer = ctx.text[nxt + 1:nxt + 30] if nxt >= 0 else ""
    return bool(re.match(r"\s*(（答）|\(答\)|答[：:]|Ａ[：:．.]|A[：:．.])?\s*(いいえ|していません|ありません|ない|ないです|しておりません|伝えていません)", answer))


def negated_span(ctx: Ctx, sp: Span) -> bool:
    k = ctx.tok_at[sp.start]
    if k is None:
        return False
    # the last token of the span carries the predicate
    k2 = ctx.tok_at[max(sp.start, sp.end - 1)] or k
    sent = ctx.sents[ctx.sent_of[k2]]
    return C.chain_negated(ctx.toks, sent, k2, ctx.inside)


_COME_BACK = ("戻って", "戻ってこ", "帰って", "ところに戻", "元に戻")

# Affection words whose denial (「好意などない」「好意を示す言動も確認されていない」) says there was none.
AFFECTION = ("好意", "恋愛", "好き", "愛情", "未練", "恋心")


def read_motives(lex, hits, text: str = "", denied=None, words=()) -> list[Cue]:
    """Motive cues; `denied(span)` tells whether the clause a cue stands in is negated; `words`: spans of
    tokens whose lemma is a romance word of the lexicon (「結婚するって約束しただろ」「付き合いたい」)."""
    out = []
    none = hits(lex.motives["no_romance"][1]) + hits(lex.no_romance)
    out += [Cue("no_romance", sp.text, sp) for sp in hits(lex.no_romance)]
    refused = hits(lex.romance_refused)   # her refusal of his courtship: its negation is hers
    out += [Cue("romance", sp.text, sp) for sp in refused]
    phrased = hits(lex.motives["romance"][1])
    # 「以前少し付き合いましたが、…終わりました」: a relationship told as past is a break-up, not his feeling now
    ended = [sp for sp in hits(lex.motives["breakup"][1]) if sp.text.startswith("付き合")]
    romance = phrased + [w for w in words if not any(p.start <= w.start < p.end for p in phrased)
                         and not any(e.start <= w.start < e.end for e in ended)]
    found = {"romance": romance}
    for sp in romance:
        if any(n.start <= sp.start < n.end for n in none) or any(r.start <= sp.start < r.end for r in refused):
            continue
        whether = _WHETHER.match(text, sp.end)
        if whether:
            # 「好意を持っているかどうかを示す事情は把握していない」: whether he has the feeling is asked, not denied
            none.append(sp)
            end = text.find("。", whether.end())
            end = min(end if end >= 0 else len(text), whether.end() + 30, (text.find("\n", whether.end()) + 1 or len(text) + 1) - 1)
            out.append(Cue("motive_open", text[sp.start:end], Span(sp.start, end, text[sp.start:end])))
            continue
        if _DENIED_AFTER.match(text[sp.end:sp.end + 40]) or (denied is not None and denied(sp)):
            none.append(sp)   # 「交際を申し込まれたことはなく」: this cue is denied (others may still stand)
            if sp.text.startswith(AFFECTION) and sp in phrased:
                # (a denied lemma alone, 「もう好きじゃない」 in her words, says nothing of his motive)
                out.append(Cue("no_romance", sp.text, sp, negated=True))
            else:
                # 「復縁を求める言動は、利用者の知る限りない」: no sign of the feeling a break-up would let one presume
                # (it counts only beside another stated motive: law/elements.py)
                out.append(Cue("romance_denied", sp.text, sp, negated=True))
    for kind in ("no_romance", "romance", "breakup", "money", "neighbour", "work", "custody"):
        for sp in (found[kind] if kind in found else hits(lex.motives[kind][1])):
            if kind != "no_romance" and any(n.start <= sp.start < n.end for n in none):
                continue
            if kind in ("breakup", "money", "neighbour", "work", "custody") and denied is not None and denied(sp):
                if kind != "breakup":   # 「仕事上のトラブルもない」: that explanation is ruled out too
                    out.append(Cue("no_other_motive", sp.text, sp, negated=True))
                continue   # 「交際相手や元交際相手もいない」「金銭トラブルはない」
            if kind == "breakup" and sp.text == "別居" and _KIN_BEFORE.search(text[max(0, sp.start - 14):sp.start]):
                continue   # 「長男Ｇ２（３５歳・無職・別居）」: a relative living apart, not a couple separated
            out.append(Cue(kind, sp.text, sp))
    if any(c.kind == "work" for c in out):
        # 「急に辞められて…「戻ってこい」」: told beside a dispute over a job, a call to come back is to the job
        out = [c for c in out if not (c.kind == "romance" and c.label.startswith(_COME_BACK))]
    return out


_KIN_BEFORE = re.compile(r"(長男|次男|三男|長女|次女|三女|息子|娘|実父|実母|父親?|母親?|兄|弟|姉|妹|祖父|祖母|孫|叔父|叔母|伯父|伯母|甥|姪)[^。\n]*$")


def read_measures(ctx: Ctx, lex, hits) -> list[MeasureFact]:
    out = []
    taken = []
    for kind in ("emergency_prohibition_order", "prohibition_order", "warning"):
        for sp in hits(lex.measures[kind]):
            if any(s <= sp.start < e for s, e in taken):
                continue
            taken.append((sp.start, sp.end))
            k = ctx.tok_at[sp.start]
            if k is None:
                continue
            if ctx.inside[k] >= 0 and ctx.quote_kind[ctx.inside[k]] != "speech":
                continue
            sent = ctx.sents[ctx.sent_of[k]]
            s_lo, s_hi = ctx.toks[sent.lo].start, ctx.toks[sent.hi - 1].end
            stext = ctx.text[s_lo:s_hi]
            if re.search(r"なし|ない|受けていない|出ていない", stext[sp.end - s_lo:sp.end - s_lo + 14].split("。")[0]):
                continue  # 「禁止命令なし」
            if _REQUESTED.match(stext[sp.end - s_lo:]):
                continue  # 「禁止命令等を申出」「警告を求める」「禁止命令等の申出を検討中」: asked for, not issued
            if _COURT_ORDER.search(stext) and not re.search(r"公安委員会|ストーカー規制法", stext):
                continue  # 「保護命令（接近禁止命令及び電話等禁止命令）」: a court's DV order, not a 禁止命令等 of this Act
            in_sent = ctx.date_ix.between(s_lo, s_hi)
            d = None
            if in_sent:
                before = [x for x in in_sent if x.start <= sp.start]
                d = (before[-1] if before else in_sent[0])
            after = bool(re.search(r"逮捕(する|した)?とともに|逮捕と同時に|逮捕後|逮捕した上で|逮捕し、", stext))
            out.append(MeasureFact(kind, DateRange(d.earliest, d.latest, d.text) if d else None, sp, after))
    return out


_COURT_ORDER = re.compile(r"保護命令|配偶者暴力|ＤＶ防止法|DV防止法|地方裁判所|家庭裁判所|地裁")
_REQUESTED = re.compile(r"^(?:等)?(?:の|を|について)?(?:再度の)?(?:申出|申し出|求め|求める|要望|希望|検討|発出を検討|上申|教示|申請|請求)")
_EXTENDED = re.compile(r"(有効期間|期間|命令)[^。、]{0,14}?延長(?:する処分|の処分|処分|した|され(?!ず|ることなく|ていない|なかった)|し[、，])")


def read_extensions(ctx: Ctx) -> list[Cue]:
    """「同命令の有効期間を１年間延長する処分をした」(5条9項), with its date; a denied one is no extension."""
    out = []
    for m in _EXTENDED.finditer(ctx.text):
        sp = Span(m.start(), m.end(), m.group(0))
        k = ctx.tok_at[m.start()]
        if k is None or clause_denied(ctx, sp) or (ctx.inside[k] >= 0 and ctx.quote_kind[ctx.inside[k]] != "speech"):
            continue
        sent = ctx.sents[ctx.sent_of[k]]
        in_sent = ctx.date_ix.between(ctx.toks[sent.lo].start, ctx.toks[sent.hi - 1].end)
        d = in_sent[0] if in_sent else None
        out.append(Cue("order_extended", m.group(0), sp, date=DateRange(d.earliest, d.latest, d.text) if d else None))
    return out


_CLAUSE_NEG = re.compile(r"(ない|なく|なかった|ません|無い|無く|なし|(?<!かかわら)(?<!関わら)(?<!拘ら)(?<!構わ)ず|認められない|うかがわれない|見当たらない)"
                         r"(?:（[^）]{0,30}）)?[。、\s」』）)]*$")   # 「…一切ない（相談者・会社人事とも同旨）。」


def clause_denied(ctx: Ctx, sp: Span) -> bool:
    """Does the clause the words stand in end in a negation (「好意を示す言動も確認されていない」)?"""
    k = ctx.tok_at[sp.start]
    if k is None:
        return False
    sent = ctx.sents[ctx.sent_of[k]]
    end = C.clause_end(ctx.toks, sent, k)
    q = ctx.inside[k]
    # what follows the words (a cue that holds its own negation, 「別れるつもりはない」, is not denied by it)
    parts = []
    for t in ctx.toks[k:min(end + 1, sent.hi)]:
        if ctx.inside[t.i] != q or t.start < sp.end:
            continue
        if (t.tag.startswith("助詞-接続助詞") and t.text in ("から", "ので", "のに", "けど", "けれど")) or t.text in ("。", "！", "？"):
            break   # 「まだ好きだから目が離せなかった」「まだ好きなんで、…。声はかけてない」: the next predicate's
        parts.append(t.text)
    tail = "".join(parts)
    if _HELD_BACK.match(tail):
        return False   # 「好意を抑えられず」「未練を断ち切れない」: a feeling he could not hold back is one he has
    return bool(_CLAUSE_NEG.search(tail)) or (q < 0 and C.listed_denial(ctx.text, sp.end, ctx.toks[sent.hi - 1].end))


_HELD_BACK = re.compile(r"^(?:を|が)?(?:抑え|抑制|我慢|諦め|あきらめ|断ち切|捨て|忘れ|隠し切|隠しき)(?:られ|れ|切れ|きれ)?(?:ず|ない|なかった|なく)")
