"""What surrounds an act in the narrative: hedges and refutations of it, her agreement to a visit, a place
told as used regularly, the period of an app's records, a heading line, a sighting that is hers."""
from __future__ import annotations

import re

from legalcheck.nlp import structure as S
from legalcheck.nlp.context import Ctx
from legalcheck.nlp.facts import DateRange, Span
from legalcheck.nlp.lexicon import fold, lexicon
from legalcheck.nlp.act_dates import date_for


def _hedge(ctx: Ctx, sent, i: int) -> str | None:
    """「〜らしい」「〜とみられる」「〜かどうか…捜査中」 after the act, outside quotes of the act's own."""
    lex = lexicon()
    toks = ctx.toks
    q = ctx.inside[i]
    if q >= 0 and ctx.quote_kind[q] == "hearsay":
        return "伝聞"
    lo = i + 1
    hi = sent.hi
    # stop at a clause-ending 接続助詞 が/けど: a hedge there belongs to the next clause
    for k in range(lo, sent.hi):
        if toks[k].text in ("が", "けど", "けれど", "けれども") and toks[k].tag.startswith("助詞-接続助詞"):
            hi = k
            break
    inside = ctx.inside
    folded = "".join([t.fold for t in toks[lo:hi] if inside[t.i] < 0 or inside[t.i] == q])
    m = lex.hedges.search(folded) or lex.uncertain.search(folded)
    if m and "思" in m.group(0) and _COUNT_BEFORE.search(folded, 0, m.start()):
        m = None   # 「７枚か８枚入れたと思います」: the memory of a number is unsure, not the act
    if m:
        return m.group(0)
    # 「…かどうかは捜査中」 may stand before the act words too
    whole = "".join([t.fold for t in toks[sent.lo:sent.hi] if inside[t.i] < 0])
    m = lex.uncertain.search(whole)
    if m and ("かどうか" in whole or "捜査中" in whole or "解析中" in whole):
        return m.group(0)
    return None


_COUNT_BEFORE = re.compile(r"[0-9一二三四五六七八九十百]+\s*(?:枚|回|通|件|度|個)(?:か|から|ほど|くらい|ぐらい|程度|前後|以上)?[^。]{0,12}$")


# A suspicion checked and found untrue: in the rest of its sentence (「…が、見つからなかった」), or told
# right after it (「調べたところ別人と判明した」).
_REFUTED_HERE = re.compile(r"(見つから|発見され|発見でき|見当たら|検出され|確認され|確認でき|認められ)(な|ず)|(写|映)って(い|お)?(な|ず)|"
                           r"(異常|不審な(点|もの|アプリ|機器))(は|も)(な|見つから)")
_REFUTED_NEXT = re.compile(r"別人(と|であ|だっ)|勘違い|思い違い|誤解|(被疑者|相手方|[Ａ-Ｚ][子男]?)?(とは|と)?(無関係|関係のない|関係がない)[^。]{0,12}(判明|分か|確認)|(では|で)なかった(こと)?が?(判明|分か)|"
                           r"ではないことが(判明|分か|確認)|(所有者|使用者|持ち主|運転者)は[^。]{0,40}と判明|との接点(は)?(なし|ない|なく)")


# 「当署で調査した結果、当該車両は隣家を訪れていた知人の車で…と判明した」: what was reported was found to be
# someone else's doing
_SHOWN_OTHERWISE = re.compile(r"(知人|別人|他人|第三者|無関係|関係のない|別の(人|者|男|女|車|人物))[^。]{0,50}判明|"
                              r"判明[^。]{0,6}(知人|別人|他人|第三者)|"
                              # 「防犯カメラを確認した結果、…映っていたのは新聞販売店の配達員Ｑであり」: the one seen was someone else
                              r"(映って|写って)いた(の|人物|男|女)は[^。]{0,40}?(であり|であった|だった|と判明)")


def _next_two(ctx: Ctx, sent) -> str:
    """The next sentence and the one after: where a finding follows the report (「…切れる。\n・7.9 照会の結果…判明」)."""
    if sent.index + 1 >= len(ctx.sents):
        return ""
    nxt = ctx.sents[min(len(ctx.sents) - 1, sent.index + 2)]
    return ctx.text[ctx.toks[ctx.sents[sent.index + 1].lo].start:ctx.toks[nxt.hi - 1].end]


def _shown_otherwise(ctx: Ctx, sent, vi: int | None = None) -> bool:
    if vi is not None and _SHOWN_OTHERWISE.search(ctx.text[ctx.toks[vi].end:ctx.toks[sent.hi - 1].end]):
        return True   # 「照会したところ、同じアパートの別の住人を訪ねてくる人の車と判明」
    return bool(_SHOWN_OTHERWISE.search(_next_two(ctx, sent)))


def _refuted(ctx: Ctx, sent, vi: int) -> bool:
    if _REFUTED_HERE.search(ctx.text[ctx.toks[vi].end:ctx.toks[sent.hi - 1].end]):
        return True
    return bool(_REFUTED_NEXT.search(_next_two(ctx, sent)))   # 「所有者は隣家の長男Ｆと判明」


def _visit_agreed(ctx: Ctx, sent) -> str | None:
    """「「１４日の午後なら」と返信」「来訪を了承」 in the sentence or the two before: she agreed to the visit."""
    lo = ctx.toks[ctx.sents[max(0, sent.index - 2)].lo].start
    m = _AGREED.search(ctx.text, lo, ctx.toks[sent.hi - 1].end)
    if m is None and sent.index + 1 < len(ctx.sents):
        # 「Ｂ太が１１月に２回…来た。」「ただし…相談者が「…家に来て」と送っており、Ｂ太はこれに応じて来訪し」: told after
        nxt = ctx.sents[min(len(ctx.sents) - 1, sent.index + 2)]
        m = _AGREED_AFTER.search(ctx.text, ctx.toks[sent.hi - 1].end, ctx.toks[nxt.hi - 1].end)
    return m.group(0) if m else None


_AGREED = re.compile(r"「[^」]{0,20}なら(いい|大丈夫|OK|ＯＫ)?」と(返信|答え|返事|伝え)|(来訪|訪問|受け渡し|引き取り)を(了承|承諾|約束)|"
                     # 「「荷物を持ってきてほしい」とお願いしました」: she asked him to come
                     r"「[^」]{0,30}(来て|持って(き|来)て|届けて|取りに来て)(ほしい|欲しい|ください|下さい|もらえる)?[^」]{0,6}」(「[^」]{0,30}」)*と(お願い|頼|依頼|連絡し|送っ|伝え)|"
                     # 「相談者に呼ばれて相談者方を訪問し」「相談者の求めに応じて」: he came because she asked
                     r"(に|から)(呼ばれ|招かれ|呼び出され)て|(求め|要請|頼み|誘い|依頼)に応じ|"
                     # 「荷物を届けに来てくれた」: a visit told as a favour to her
                     r"(来|届けに来|持って来|持ってき)てくれ(た|まし|て)|"
                     # 「面会交流が合意されており、…合意どおりの日時に長男を迎えに来た」: a visit on agreed terms
                     r"合意(どおり|通り|した|された|に基づ|のとおり)|(面会交流|受け渡し)(が|を)(合意|取り決め|約束)")
_AGREED_AFTER = re.compile(r"(?:これに|その求めに|求めに|誘いに|連絡に)応じて(?:来訪|訪問|来た|訪れ|来て)|(?:招き|呼び出し)に(?:よる|より|応じ)")
_ASKED_TO_STOP = re.compile(r"(?:等|など)?(?:は|を|も)(?:やめ|止め)て(?:ほし|欲し|くだ|下さ|もら)")
_REPORTING = {"供述", "話す", "述べる", "認める", "申告", "証言", "説明", "訴える", "言う"}
_BACK_REF = re.compile(r"両日とも|両日共|その際|そこで|同所で|その場で|いずれの日も|各日とも")
_FROM_INSIDE_HOME = re.compile(r"(?<![のが])(自宅|自室|部屋|室内)[^、。「」]{0,8}?(窓|ベランダ|カーテン)?(から|越しに)")
_LOG_WORDS = re.compile(r"履歴|記録|ログ|解析")


def _logged_period(ctx: Ctx, sent):
    """「…アプリで車の場所を見ていました。アプリの履歴には９月１日から１０月１５日まで私が見た記録が残っている」:
    reads told without their own date take the period the next sentence gives from the app's records."""
    if sent.index + 1 >= len(ctx.sents):
        return None
    nxt = ctx.sents[sent.index + 1]
    lo, hi = ctx.toks[nxt.lo].start, ctx.toks[nxt.hi - 1].end
    if not _LOG_WORDS.search(ctx.text[lo:hi]):
        return None
    for d in ctx.date_ix.between(lo, hi):
        r = date_for(ctx, nxt, ctx.tok_at[d.start])
        if r is not None and r.earliest < r.latest:
            return DateRange(r.earliest, r.latest, r.text, "told")
    return None


def _used_regularly(ctx: Ctx, span: Span) -> bool:
    """Is the visited place (or the place its parking lot belongs to: 「同体育館の駐車場」) told elsewhere as one
    she uses regularly?"""
    lex = lexicon()
    window = ctx.text[max(0, span.start - 8):span.end]
    words = [w for w, kind in lex.places.items() if kind == "visited" and len(w) >= 2 and w in window]
    for w in words:
        for m in re.finditer(re.escape(w), ctx.text):
            if lex.usual_place_cues.search(ctx.text[m.end():m.end() + 30].split("。")[0]):
                return True
    return False


def _on_heading_line(ctx: Ctx, i: int) -> bool:
    t = ctx.toks[i]
    # a heading is a short line: look for its ends within that reach only (no scan of a long line per trigger)
    ls = ctx.text.rfind("\n", max(0, t.start - 31), t.start) + 1
    le = ctx.text.find("\n", t.end, t.end + 31)
    if (ls == 0 and t.start > 31) or (le < 0 and len(ctx.text) > t.end + 31):
        return False
    line = ctx.text[ls:le if le >= 0 else len(ctx.text)]
    if "。" in line or len(line) > 30:
        return False
    m = S.rules().heading_line.match(fold(line).strip())
    title = (S._title(m) or m.group("t4")) if m else None   # 「第３　待ち伏せ」: a numbered title may end in kana
    return bool(title) and fold(t.text) in title


def _perceived(ctx: Ctx, sent, i: int) -> bool:
    """A seeing verb whose object is a clause about the suspect (「Ｘが…しているのを見た」「Ｘがいるところを
    目撃した」): the one who sees is someone else."""
    toks = ctx.toks
    for k in range(i - 1, sent.lo, -1):
        if toks[k].text == "を" and toks[k - 1].text in ("の", "ところ", "姿", "様子") and toks[k - 2].pos in ("VERB", "AUX", "ADJ"):
            # he is the subject of the seen clause (が), not the topic of the whole sentence (は)
            topic = any(ctx.roles[m] in ("suspect", "unknown") and toks[m + 1].text in ("は", "も") for m in range(sent.lo, k))
            # the seen clause's own subject is the nearest が before it: 「相手方が…、相談者が出入りする様子を見ていた」
            # is she seen, by him
            seen = next((ctx.roles[m] for m in range(k - 1, sent.lo - 1, -1) if ctx.roles[m] and toks[m + 1].text == "が"), None)
            return not topic and seen in ("suspect", "unknown")
        if ctx.roles[k] and k + 1 < len(toks) and toks[k + 1].text in ("は", "が"):
            return False   # a subject of the seeing itself stands between
    return False


_ABOUT_THE_LAW = re.compile(r"法改正|改正により|改正で|[0-9０-９一二三四五六七八九十]+号(に|の)(該当|規定)|規定する|規制対象に(加|追加)")


def about_the_law(ctx: Ctx, sent) -> bool:
    """「本年の法改正により電子メールの連続送信が加えられた」: a sentence about the law itself tells no act
    (once per sentence, whatever the number of triggers in it)."""
    got = ctx.about_law.get(sent.index)
    if got is None:
        got = ctx.about_law[sent.index] = bool(_ABOUT_THE_LAW.search(ctx.text, ctx.toks[sent.lo].start,
                                                                      ctx.toks[sent.hi - 1].end))
    return got


# 「見張りの事実は認められない」: a finding, after the inquiry, that the reported act did not happen
_UNTRUE = {subtype: re.compile(word + r"[^。、]{0,4}?(?:の事実|行為|の事実関係|をしていた事実)?(?:は|も)[^。]{0,6}?"
                                     r"(?:認められな|確認されな|確認できな|存在しな|なかった|ない)")
           for subtype, word in {"mihari": "見張", "machibuse": "待ち伏せ", "tsukimatoi": "つきまとい",
                                 "oshikake": "押し掛け", "urotsuki": "うろつ"}.items()}


def _found_untrue(ctx: Ctx, subtype: str | None, i: int) -> bool:
    """A later sentence finds that the reported act did not happen (「見張りの事実は認められない」)."""
    rx = _UNTRUE.get(subtype or "")
    return rx is not None and rx.search(ctx.text, ctx.toks[i].end) is not None


def item_found_untrue(ctx: Ctx, i: int) -> bool:
    """「①…後をつけられた、②…」 … 「①について…不可能である」「①は事実と認められない」: the item told it, the inquiry
    refuted that item by its number."""
    marks = [m for m in _ITEM_MARK.finditer(ctx.text, max(0, ctx.toks[i].start - 120), ctx.toks[i].start)]
    if not marks:
        return False
    mark = marks[-1].group(0)
    return re.search(re.escape(mark) + _ITEM_UNTRUE, ctx.text[ctx.toks[i].end:]) is not None


_ITEM_MARK = re.compile(r"[①-⑳]")
_ITEM_UNTRUE = (r"(?:は|について(?:は)?)[、，]?[^。]{0,120}?(?:事実と認められない|事実は認められない|不可能|裏付けられない|"
                r"確認されなかった|虚偽|誤り|否定され)")


def _waits_for_him(ctx: Ctx, lo: int, i: int) -> bool:
    """「Ｘを待った」「Ｘの帰りを待った」: the suspect is the one waited for."""
    toks, roles = ctx.toks, ctx.roles
    sent = ctx.sents[ctx.sent_of[i]]
    if any(roles[k] == "suspect" and toks[k + 1].text in ("は", "が") for k in range(sent.lo, i)):
        return False   # 「被疑者はＴを待ち伏せし」: he is told as the one who waits
    return any(roles[k] == "suspect" and k + 1 < i and (toks[k + 1].text == "を" or (
        toks[k + 1].text == "の" and k + 3 < len(toks) and toks[k + 2].norm in lexicon().words["awaited_of_person"]
        and toks[k + 3].text == "を"))
        for k in range(lo, i))


