"""Act events: a trigger word (or a means of communication, or a quote's content) with its actor,
object, place, device, date, count, polarity and hedge."""
from __future__ import annotations

import re

from legalcheck.nlp import clauses as C
from legalcheck.nlp.context import Ctx, needs_met, word_in
from legalcheck.nlp.facts import ActFact, DateRange, Span
from legalcheck.nlp.lexicon import lexicon
from legalcheck.nlp.act_dates import date_for
from legalcheck.nlp.mentions import DEVICE_GENERIC, SMARTPHONE, clause_tokens, count_for, device_for, find_place, is_remote, is_vague
from legalcheck.nlp.quotes import QUOTE_CATEGORY, quote_content_kinds, quote_list
from legalcheck.nlp.subjects import find_actor, find_subject
from legalcheck.nlp.agents import REQUEST_VERBS, asked_person
from legalcheck.nlp.act_context import (about_the_law, item_found_untrue, _ASKED_TO_STOP, _BACK_REF, _FROM_INSIDE_HOME, _REPORTING, _hedge,
                                        _found_untrue, _logged_period, _on_heading_line, _perceived, _refuted, _shown_otherwise,
                                        _used_regularly, _visit_agreed, _waits_for_him)

_DENIED_FACT = re.compile(r"[^。、]{0,4}?(?:こと|事実)(?:も|は|を|について)(?:否定|否認)")
_DEFAMATORY = re.compile(r"中傷|誹謗|悪口|実名|虚偽|事実無根|でたらめ|嘘|だらし|犯罪者|前科|不倫|浮気")


_UNTIL_EVENT = re.compile(r"(?:切れる|切れた|見つかる|見つかった|発見される|発見された|気付かれる|気づかれる|外される|外された|壊れる|止まる)まで")


# 「無視して歩いたら横に並んできて。」: her account goes on from one event to the next in て-sentences
_TE_END = re.compile(r"^(?:で|て)(?:き|い|しまっ)?(?:て)?。")
_CONTAINER = re.compile(r"(?:袋|箱|封筒|ケース|容器|瓶|ボトル|缶|パック)$")
_SEEN_WAS_OTHER = re.compile(r"(?:映って|写って)いた(?:の|人物|男|女)は[^。]{0,40}?(?:であり|であった|だった|と判明)")
_ALLEGED = re.compile(r"[^。、「」]{0,4}?とする(?:日時|日|時間|時刻|場所|行為|時期)")
_HOW_COULD = re.compile(r"どうやって|どうして|なんで俺が|なぜ私が|なぜ俺が")
_RHETORICAL_END = re.compile(r"[^。、「」]{0,6}?(?:のか|んだ|んですか|というのか|わけがない|はずがない|できるか)")
_ASKED_WHETHER = re.compile(r"[^。、「」]{0,6}?(?:ことが(?:ある|あった|あります)|の)?か(?:どうか|否か)?(?:について|は分から|は不明|は確認|を確認|も分から)")
_TO_AND_FRO = re.compile(r"行ったり来たり|行きつ戻りつ|行き来")
_ABOUT_THE_ACT = {"日付", "日時", "時期", "日にち", "有無", "可否", "成否"}


def act_from_trigger(ctx: Ctx, i: int, trig) -> ActFact | None:
    toks = ctx.toks
    sent = ctx.sents[ctx.sent_of[i]]
    q = ctx.inside[i]
    qkind = ctx.quote_kind[q] if q >= 0 else None
    if q >= 0 and qkind not in ("admission", "hearsay", "account"):
        return None  # words inside someone's speech are not acts (their content is read in quote_acts)
    if _on_heading_line(ctx, i):
        return None  # 「第３　待ち伏せ」: the section's title, the acts follow under it
    if about_the_law(ctx, sent):
        return None  # 「本年の法改正により電子メールの連続送信が加えられた」: the law's words, not an act
    if _ASKED_TO_STOP.match(ctx.text, toks[i].end):
        return None  # 「電話と待ち伏せはやめてほしい」: what she asks him to stop, named as such
    if ctx.heading[sent.index] or (ctx.question[sent.index] and sent.index not in ctx.answered_yes):
        return None  # 「元妻方への押しかけ事案。」: the case's title; 「（問）…来られたりしたことは。」: a question
    if ctx.in_paren[i] and not _annotated_line(ctx, i) and not _note_paragraph(ctx, i):
        return None  # an officer's parenthetical remark (「（防犯カメラでも確認）」)
    if i + 1 < len(toks) and toks[i + 1].text in ("等", "など", "行為") and any(
            toks[k].text in ("禁止", "禁ずる", "禁じる", "命令", "警告", "禁止命令", "禁止命令等", "検挙", "逮捕", "起訴", "処罰", "罰金")
            or toks[k].norm in ("禁ずる", "禁じる", "禁止")
            for k in range(i + 1, sent.hi)):
        return None  # 「つきまとい等を禁ずる禁止命令」: the order's words, not an act
    lo, hi = clause_tokens(ctx, sent, i)
    if q >= 0:
        qq = ctx.qs[q]
        lo, hi = max(lo, qq.lo + 1), min(hi, qq.hi)
    t = toks[i]
    if trig.kind == "oshikake" and t.norm in ("来る", "行く") and _TO_AND_FRO.search(
            ctx.text, max(0, t.start - 6), min(len(ctx.text), t.end + 6)):
        return None   # 「前の道を何度も行ったり来たり」: walking to and fro is うろつき, not going to her door
    if t.pos == "NOUN" and i + 2 < sent.hi and toks[i + 1].text == "の" and toks[i + 2].text in _ABOUT_THE_ACT:
        return None   # 「取付けの日付を特定できる資料」「押し掛けの有無」: a word about the act, not the act told
    if trig.kind == "posting" and t.pos == "NOUN" and any(
            ctx.roles[k] in ("victim", "close") and toks[k + 1].text == "の" for k in range(max(sent.lo, i - 3), i - 1)):
        return None   # 「被害者のＳＮＳ投稿から宿泊先を割り出し」: her own posts, not his
    if trig.kind == "mihari" and _perceived(ctx, sent, i):
        return None   # 「Ｘが道を行ったり来たりしているのを窓から見た」: she saw him; the seeing is not his
    if i + 1 < len(toks) and toks[i + 1].text in ("以外", "のほか", "の他") or (
            i + 2 < len(toks) and toks[i + 1].text == "の" and toks[i + 2].text in ("ほか", "他")):
        return None   # 「取付け以外に、…事実はない」: the act told elsewhere, named to set it apart
    if trig.after and not (i > 0 and toks[i - 1].text in trig.after and not (
            i + 1 < len(toks) and toks[i + 1].pos in ("NOUN", "PROPN"))):
        return None   # 「前にいる」, not the 居 of 「居場所」
    # noun triggers used as modifiers (「見張り役」) or words of a fear cue are not acts
    if trig.needs and not needs_met(ctx, lo, i, trig.needs) and not _likewise(ctx, sent, lo, i, trig.needs):
        return None
    place = find_place(ctx, lo, hi, "suspect", i, sent)
    if place is None and trig.kind == "mihari" and sent.index > 0 and _BACK_REF.match(
            ctx.text[toks[sent.lo].start:toks[sent.lo].start + 6]):
        # 「…ショッピングモールに買い物に行った。両日とも、Ｇが…見ていた」: the scene of the sentence before
        prev = ctx.sents[sent.index - 1]
        place = find_place(ctx, prev.lo, prev.hi, "suspect", prev.hi - 1)
    if (trig.place_needed or trig.home_needed) and place is not None and find_place(ctx, lo, hi, "suspect", i) is None:
        place = None   # 待つ・来る need their own place word in the clause
    if trig.place_needed and place is None:
        return None
    if trig.home_needed:
        if t.pos != "VERB" and not t.norm in ("訪問", "来訪", "来店"):
            return None
        if place is None or place[0] not in ("home", "relative_home", "work", "school"):
            return None
        # 来る/行く at 住居等 only when he comes up to it: 「部屋の前まで来て」「女性方を訪れ」, not
        # 「自宅付近まで来た」 (following her, or loitering nearby)
        if place[0] in ("work", "school") and t.norm in ("行く", "入る"):
            return None
        if t.norm in ("来る", "行く") and word_in(ctx, lo, i, {"付近", "近く", "周辺", "近所"}):
            return None
    device = None
    if trig.category.startswith("2-3"):
        device = device_for(ctx, toks[lo].start, toks[hi - 1].end)
        near_lo = toks[ctx.sents[max(0, sent.index - 2)].lo].start
        if trig.device_needed and not (word_in(ctx, lo, hi, DEVICE_GENERIC) or qkind == "admission" or
                                       ctx.device_ix.between(near_lo, toks[hi - 1].end)):
            return None
        if trig.device_near:
            # 「GPSを入れたぬいぐるみを渡す」: a device found in the handed object later on
            ss, se = toks[sent.lo].start, toks[min(len(toks) - 1, ctx.sents[min(sent.index + 1, len(ctx.sents) - 1)].hi - 1)].end
            if not ctx.device_ix.between(ss, se + 1):
                return None
            device = device_for(ctx, ss, se)
        if device is None:
            if trig.kind in ("attach", "handover"):
                return None
            # a phone's own location (「iPhoneの現在地」「スマホの位置情報」) read through an app or account
            near = ctx.text[toks[ctx.sents[max(0, sent.index - 1)].lo].start:toks[hi - 1].end]
            if SMARTPHONE.search(near) and word_in(ctx, lo, hi, {"位置", "位置情報", "現在地", "居場所", "所在"}):
                device = "app"
            else:
                return None
    category = trig.category
    if trig.kind == "gps_read" and device is None:
        return None
    if trig.kind == "gps_read" and device == "tag":
        category = "2-3-2"
    if t.norm in ("確認", "見る") and C.passive_after(toks, i, sent.hi) and trig.category == "2-1-1":
        return None
    for k in range(i + 1, min(sent.hi, i + 4)):
        if toks[k].norm in ("様", "よう") and toks[k].text in ("よう", "様"):
            nxt = toks[k + 2] if k + 2 < sent.hi and toks[k + 1].text == "に" else None
            if nxt is None or nxt.norm not in ("成る", "なる"):
                return None  # 「位置が見られるように設定し」: what he made possible, not what he did
            break   # 「行き来するようになった」: he began to do it
    if t.pos == "NOUN" and i + 1 < len(toks) and (toks[i + 1].text in ("時", "際", "当時", "時点") or
                                                 (toks[i + 1].text == "の" and i + 2 < len(toks) and toks[i + 2].text in ("際", "時", "当時"))):
        return None  # 「取付け時」「待ち伏せの際」: a reference to an act told elsewhere
    vi = _predicate(ctx, i, hi)
    if C.irrealis(toks, vi, sent.hi):
        return None   # 「様子を見たかった」: a wish, not an act
    if qkind == "account" and not C.realis(toks, vi, min(hi + 4, sent.hi)) and not (
            C.realis(toks, vi, sent.hi) and any(toks[m].text in ("、", "，") for m in range(vi, min(vi + 5, sent.hi)))) \
            and not _TE_END.match("".join(t.text for t in toks[vi + 1:min(vi + 5, sent.hi)])):
        return None   # in her account only what happened (「家の前に立っていた」), not what she fears may come
    if trig.kind == "oshikake" and toks[vi].norm == "入る" and vi >= 2 and toks[vi - 1].text == "に" \
            and _CONTAINER.search(toks[vi - 2].text):
        return None   # 「ビニール袋に入ったカラスの死骸」: what a bag holds, not his entering
    actor, actor_text = find_actor(ctx, vi, sent)
    agreed = _visit_agreed(ctx, sent) if trig.kind == "oshikake" else None
    if trig.kind == "mihari" and actor_text is None and _FROM_INSIDE_HOME.search(ctx.text[toks[lo].start:t.start]):
        actor = "victim"   # 「自宅２階の窓から外を見ていたところ」: looking out from her own home is what she did
    if trig.kind == "mihari" and actor == "suspect" and any(
            ctx.roles[k] == "suspect" and ctx.inside[k] < 0 and (toks[k + 1].text == "を" or (
                toks[k + 1].text in ("さん", "氏", "君", "くん") and toks[k + 2].text == "を")) for k in range(sent.lo, i)):
        actor = "victim"   # 「歩き回っているＬさんを、二階の窓から見ました」: he is the one seen, not the watcher
    if trig.kind == "machibuse" and actor == "suspect" and _waits_for_him(ctx, lo, i):
        actor = "victim"   # 「Ｘのアパート前でＸの帰りを待った」: the one waited for is not the one who waits
    if qkind == "admission":
        actor = "suspect"
    negated = C.chain_negated(toks, sent, vi, ctx.inside) or _listed_denial(ctx, sent, vi)
    hedge = _hedge(ctx, sent, vi)
    if hedge is None and (toks[vi].norm in ("否認", "否定") or _DENIED_FACT.match(ctx.text, toks[vi].end)):
        hedge = "否認"   # 「取付けを否認している」「交際を申し込んだ事実も否定した」: what he denies, not what he did
    if not negated and _HOW_COULD.search(ctx.text, toks[sent.lo].start, toks[vi].start) and \
            _RHETORICAL_END.match(ctx.text, toks[vi].end):
        negated = True   # 「入院中にどうやって待ち伏せするのか」: a question that says he could not have
    if hedge is None and _ALLEGED.match(ctx.text, toks[vi].end):
        hedge = "申告による"   # 「Ｂ子が待ち伏せされたとする日時について」: the days she says it happened, as she says
    if hedge is None and _ASKED_WHETHER.match(ctx.text, toks[vi].end):
        hedge = "有無が不明"   # 「Ｋが相談者に復縁を求めたことがあるかについて、相談者は「分からない」」: asked, not told
    if not negated and ((hedge is not None or actor == "unknown") and _refuted(ctx, sent, vi) or _shown_otherwise(ctx, sent, i)):
        negated = True   # 「付けられたのではと心配し点検したが、見つからなかった」: the suspicion was checked and refuted
    if not negated and actor == "unknown" and _SEEN_WAS_OTHER.search(ctx.text, toks[sent.hi - 1].end):
        negated = True   # the man she saw, and the camera showed: 「映っていたのは新聞販売店の配達員Ｑであり」
    if not negated and (qkind == "account" and _found_untrue(ctx, trig.subtype, i) or item_found_untrue(ctx, i)):
        negated = True   # her report 「…見張っていた」 and, after the inquiry, 「見張りの事実は認められない」 (or 「①は…」)
    count, count_text = count_for(ctx, sent, lo, hi, i)
    ongoing = C.progressive(toks, vi, sent.hi) and toks[vi].norm not in _REPORTING
    date_range = date_for(ctx, sent, i)
    if trig.kind == "gps_read" and (date_range is None or date_range.source != "told"):
        date_range = _logged_period(ctx, sent) or date_range
    if trig.kind == "gps_read" and date_range is not None and ctx.max_latest is not None \
            and ctx.max_latest > date_range.latest and (until := _UNTIL_EVENT.search(ctx.text, toks[lo].start, toks[vi].end)):
        # 「電池が切れるまで位置を見ていた」: from its day until an event the record dates only as before its last day;
        # when that event came is not told, so neither is whether the reads went on past any day in between
        date_range = DateRange(date_range.earliest, ctx.max_latest, f"{date_range.text}から{until.group(0)}", date_range.source)
        ongoing = False
    vague = is_vague(count_text)
    clause = ctx.span(lo, hi)
    act = ActFact(kind=trig.kind, category=category, subtype=trig.subtype, evidence=_phrase(ctx, lo, i, vi),
                  clause=clause, actor=actor, actor_explicit=actor_text == "explicit" or qkind == "admission",
                  date=date_range, count=count,
                  count_text=count_text, count_vague=vague, negated=negated, hedged=hedge is not None, hedge_text=hedge,
                  admitted=qkind == "admission", sentence_index=sent.index, device=device, ongoing=ongoing,
                  agreed=agreed)
    if place:
        act.place, act.place_owner, act.place_span, act.near = place
        if act.place_owner is None:
            act.place_owner = "suspect" if trig.kind == "gps_read" else "victim"
            act.owner_assumed = True
        if act.place == "visited":
            # a place she visits; only one she is told to use regularly (「体育館を月に1、2回利用している」) may be
            # 通常所在する場所
            act.current_place = not (act.place_span and _used_regularly(ctx, act.place_span))
    # a place she was only passing through (旅行先のホテル, 買い物に立ち寄った店) rather than one she usually is at
    scene = ctx.text[toks[ctx.sents[max(0, sent.index - 1)].lo].start:toks[hi - 1].end]
    lex = lexicon()
    if (act.place in ("visited", None, "parking") or act.place_owner == "other") and lex.current_place_cues.search(scene) \
            and not lex.usual_place_cues.search(scene):
        act.current_place = True
    if act.place == "relative_home" and act.place_span and act.place_span.text.endswith("友人宅") \
            and _VISIT.search(scene) and not _STAY.search(scene):
        # 「その日初めて訪ねた友人宅の前」: a friend's home she only visits is someone else's home where she then was
        act.place_owner, act.current_place = "other", True
    if trig.kind == "gps_read":
        act.remote = is_remote(ctx, lo, hi, act)
    if trig.kind == "posting":
        s_text = ctx.text[toks[sent.lo].start:toks[sent.hi - 1].end]
        if _DEFAMATORY.search(s_text):
            act.content = ("defamatory",)
    _object(ctx, act, lo, hi)
    _consent(ctx, act, sent)
    # attached-device descriptions (「取り付けられていたGPS機器」「貼り付けられているのが見つかり」)
    if trig.kind == "attach":
        k = i + 1
        while k < sent.hi and toks[k].pos in ("AUX", "SCONJ"):
            k += 1
        describes = k < sent.hi and (toks[k].pos == "NOUN" or toks[k].text in ("の", "こと"))
        if describes and (C.passive_after(toks, i, sent.hi) or
                          any(toks[m].text in ctx.devices_text for m in range(k, min(sent.hi, k + 4)))):
            act.kind = "attach_found"   # 「取り付けられていたGPS機器」「自動車に取り付けた紛失防止タグの位置情報」
            act.actor = "unknown"
    if trig.kind == "attach" and toks[i].norm == "出る" and not (
            i + 2 < len(toks) and toks[i + 1].text in ("て", "で") and toks[i + 2].norm in ("来る", "くる")):
        return None   # 「通知が出ていた」: only 「…から出てきた」 tells a device found
    if trig.kind == "attach" and toks[i].norm in ("見付かる", "見つかる", "出る"):
        if act.negated:
            return None   # 「点検したが見つからなかった」: nothing found is no act of anyone
        act.kind, act.actor = "attach_found", "unknown"   # who put it there is not told by the finding
        if act.date is not None:
            act.date_source = "found"   # put there on or before the day it was found
    if trig.kind == "attach":
        act.placement = "insert" if toks[i].norm in _INSERT else "attach"
    if trig.kind == "handover":
        recipient = find_subject(toks, ctx.roles, sent, i, ctx.inside) if C.passive_after(toks, i, sent.hi) else None
        for k in range(lo, i):
            if ctx.roles[k] and k + 1 < len(toks) and toks[k + 1].text == "に":
                recipient = ctx.roles[k]
        if recipient not in (None, "victim", "close"):
            return None   # handed to an accomplice, not to her
        if C.passive_after(toks, i, sent.hi):
            act.actor = "suspect"
    return act


_INSERT = {"差し入れる", "忍ばせる", "入れる", "仕込む"}



def _listed_denial(ctx: Ctx, sent, vi: int) -> bool:
    return C.listed_denial(ctx.text, ctx.toks[vi].end, ctx.toks[sent.hi - 1].end)


_LIKEWISE = re.compile(r"同様に|同じく|同じように|引き続き|引続き")


def _likewise(ctx: Ctx, sent, lo: int, i: int, needs) -> bool:
    """「2025.12.24〜12.29　アプリでタグ位置を確認。2025.12.30〜　同様に確認」: the same act again, what it needs told
    in the line before."""
    if sent.index == 0 or not _LIKEWISE.search(ctx.text, ctx.toks[lo].start, ctx.toks[i].start):
        return False
    prev = ctx.sents[sent.index - 1]
    return needs_met(ctx, prev.lo, prev.hi, needs)


def _annotated_line(ctx: Ctx, i: int) -> bool:
    """「00:05 Ｄ（Ｅ子の裸の画像を送信）」: in a log, the parentheses after the speaker tell what he did."""
    toks = ctx.toks
    k = i
    while k > 0 and toks[k].text not in ("（", "(", "\n"):
        k -= 1
    if not (k > 0 and toks[k].text in ("（", "(") and ctx.roles[k - 1] == "suspect"):
        return False
    line = ctx.text[ctx.text.rfind("\n", 0, toks[k].start) + 1:toks[k].start]
    return bool(_TIMED_LINE.match(line))   # only on a line of a log (「00:05 Ｄ（…）」), not a party's description


def _note_paragraph(ctx: Ctx, i: int) -> bool:
    """「（捜査メモ：防犯カメラでは…停車し…）」: a whole line in parentheses headed as a note is the officer's
    finding, told as fact, not an aside inside a sentence."""
    depth, k = 0, i
    while k > 0:
        t = ctx.toks[k].text
        if t in ("）", ")"):
            depth += 1
        elif t in ("（", "("):
            if depth == 0:
                break
            depth -= 1
        k -= 1
    start = ctx.toks[k].start
    line = ctx.text.rfind("\n", 0, start) + 1
    return not ctx.text[line:start].strip(" 　") and bool(_NOTE_HEAD.match(ctx.text, ctx.toks[k].end))


_NOTE_HEAD = re.compile(r"[ 　]*(?:捜査メモ|捜査員メモ|担当者?メモ|メモ|備考|補足|追記|確認結果|捜査結果)[：:]")
_TIMED_LINE = re.compile(r"^[\s　]*(?:[0-9０-９]{1,2}[:：][0-9０-９]{2}|[0-9０-９]{1,2}[/／][0-9０-９]{1,2})")


def _phrase(ctx: Ctx, lo: int, i: int, vi: int) -> Span:
    """The words to highlight: the act's own phrase, from its object (「Ａ子の部屋の様子を」) to the end
    of its predicate (「見張っていた」), within its clause."""
    toks = ctx.toks
    start = i
    k = i - 1
    while k >= lo and i - k <= 10:
        t = toks[k]
        if t.text in ("、", "。", "」", "）") or (t.text in ("は", "が") and t.pos == "ADP") or ctx.inside[k] != ctx.inside[i]:
            break
        start = k
        k -= 1
    while start < i and (toks[start].pos in ("ADP", "SCONJ", "AUX", "PART") or toks[start].text in ("の", "、")):
        start += 1   # a phrase starts with a word, not with the particle of the previous one
    end = max(i, vi)
    while end + 1 < len(toks) and (toks[end + 1].pos in ("AUX",) or (toks[end + 1].pos == "SCONJ" and toks[end + 1].text in ("て", "で"))
                                   or toks[end + 1].norm in ("為る", "居る") or toks[end + 1].text in ("たり", "だり")):
        end += 1
    return ctx.span(start, end + 1)


def _predicate(ctx: Ctx, i: int, hi: int) -> int:
    """A noun or adjective trigger (汚物, 性的, 中傷) belongs to the verb that follows it in the clause,
    unless it is itself the verb (「中傷する」「見張りはしていない」)."""
    toks = ctx.toks
    t = toks[i]
    if t.pos == "VERB" or (i + 1 < len(toks) and toks[i + 1].norm == "為る"):
        return i
    if i + 2 < len(toks) and toks[i + 1].text in ("は", "も") and toks[i + 2].norm == "為る":
        return i
    first = None
    for k in range(i + 1, hi):
        if ctx.inside[k] < 0 and toks[k].pos == "VERB" and toks[k].norm not in ("為る", "居る", "有る"):
            if first is None:
                first = k
            # 「カラスの死骸を入れた紙袋が置かれていた」: a verb describing a noun is not the act's own predicate
            nxt = k + 1
            while nxt < hi and toks[nxt].pos == "AUX":
                nxt += 1
            if nxt < hi and toks[nxt].pos == "NOUN" and toks[nxt - 1].norm in ("た", "だ") and nxt - 1 > k:
                continue
            return k
    return first if first is not None else i


def _object(ctx: Ctx, act: ActFact, lo: int, hi: int) -> None:
    """Against whom: a close person named as the object (「Ｎが住むアパート」「子に渡した」), or whoever he
    followed (「…女性（通行人Ｄ子）の後をつけた」)."""
    toks = ctx.toks
    for k in range(lo, hi - 2):
        if toks[k].text in ("の",) and toks[k + 1].text in ("後", "あと", "後ろ", "うしろ"):
            m = k - 1
            if toks[m].text in ("）", ")"):
                while m > lo and toks[m].text not in ("（", "("):
                    m -= 1
                m -= 1
            r = ctx.roles[m] if m >= lo else None
            if r in ("close", "other"):
                act.object_role, act.object_text = r, toks[m].text
                return
    sent = ctx.sents[act.sentence_index]
    for k in range(sent.lo, hi - 2):
        # 「担当の警察官に対し、「…」と大声で怒鳴り」: whom he addressed
        if ctx.roles[k] in ("close", "other") and ctx.inside[k] < 0 and toks[k + 1].text == "に" \
                and toks[k + 2].norm in ("対する", "向かう"):
            act.object_role, act.object_text = ctx.roles[k], toks[k].text
            return
    for k in range(lo, hi):
        r = ctx.roles[k]
        if r == "close" and k + 1 < len(ctx.toks) and ctx.toks[k + 1].text in ("の", "に", "を", "が", "へ", "宅"):
            act.object_role = "close"
            act.object_text = ctx.toks[k].text
            return
    if act.place_owner == "close":
        act.object_role = "close"
        act.object_text = act.place_span.text if act.place_span else None
    elif act.place_owner == "other" and not act.current_place and not any(
            ctx.roles[k] == "victim" and k + 1 < hi and (toks[k + 1].text == "を" or (
                toks[k + 1].text == "の" and k + 2 < hi and toks[k + 2].text in ("様子", "姿", "後", "動静")))
            for k in range(lo, hi)):   # 「ｈ方前でｆの様子を見ていた」: at another's home, but watching her
        # 「元同居人Ｅの勤務先に押し掛け」: at someone else's place, aimed at that person
        act.object_role = "other"
        act.object_text = act.place_span.text if act.place_span else None


_VISIT = re.compile(r"訪ね|訪れ|遊びに|立ち寄|初めて")
_STAY = re.compile(r"身を寄せ|避難|泊ま|滞在|同居|暮らし|住んで|住まわせ")


def _consent(ctx: Ctx, act: ActFact, sent) -> None:
    """Location sharing she agreed to (「お互いの同意の上で」) and whether she withdrew it; 「承諾を得ないで」 is none."""
    if not act.category.startswith("2-3"):
        return
    if ctx.consent is False:
        # the officer's questions (「問　自分で設定したことはあるか」) tell no consent; her denials take it away
        text = _NO_CONSENT.sub("", _QUESTION_LINE.sub("", ctx.folded))
        given = _CONSENT_GIVEN.search(text)
        withdrawn = _CONSENT_WITHDRAWN.search(text)
        kept = _CONSENT_KEPT.search(text)
        ctx.consent = ("withdrawn" if withdrawn and not kept else "given") if given else None
        if _CONSENT_DISPUTED.search(text):
            ctx.consent = "unclear"   # 「合意の有無を裏付ける資料はない」: he says she agreed, she does not remember
    act.consent = ctx.consent


_NO_CONSENT = re.compile(r"(承諾|同意|了承)を?(得ないで|得ず|得ることなく|なく|なしに|していない|していません|しておりません|していなかった|"
                         r"したことはない|したことはありません)"
                         r"|(共有|設定|登録)(して|を)?(いい|良い|よい|OK)と(言った|伝えた)ことは(一度も)?(ない|ありません)")
_CONSENT_DISPUTED = re.compile(r"(?:合意|承諾|同意|了承)の有無[^。]{0,30}?(?:ない|不明|分からない|わからない|確認できない|争い|食い違)"
                               r"|(?:承諾|同意|了承|合意)(?:した|していた|を得た)(?:と|との)(?:主張|弁解)"
                               # 「「はい」と答えた…位置が相手に送られるとは思っていなかった」: what she agreed to is disputed
                               r"|(?:送られる|見られる|見える|分かる|わかる|共有される|知られる)とは(?:思って(?:い|お)?なかった|思わなかった|"
                               r"知らなかった|理解して(?:い|お)?なかった)"
                               # 「そのとき言ったはずだ」「言われたような気もするけど、覚えていない」: whether she was told is open
                               r"|(?:言った|伝えた|話した|説明した|断った)はず|(?:言われた|聞いた)ような気も")
_QUESTION_LINE = re.compile(r"^[ \t　]*(?:問|Q|Ｑ|質問)[ \t　:：].*$", re.M)


_CONSENT_GIVEN = re.compile(r"(?:共有|設定)(?:は|を|も)?このままで(?:いい|よい|構わない)|見ていること(?:も|は)知っている|"   # her knowing agreement
                            r"同意の上|同意して|承諾を得|承諾して|了承|納得して|互いの同意|合意の上|異論はなかった|本人の同意|自分で設定|自ら設定|"
                            r"設定し合|互いに設定|互いのスマ[ーホ]|お互いに共有|互いに共有|共有し合")


_CONSENT_WITHDRAWN = re.compile(r"停止し|解除し|解除した|解除を求め|もう位置を見ないで|見ないで|無断で|勝手に|ひそかに|密かに|こっそり")


_CONSENT_KEPT = re.compile(r"解除しておらず|解除していない|解除を求めたこともない|停止していない|同意したまま|止めるのを忘れ|やめるよう求めたこともない")


def quote_acts(ctx: Ctx) -> list[ActFact]:
    """What the suspect said or sent, by content: threats (4号), demands (3号), showing he watches
    (2号), sexual matters (8号), exposing her (7号)."""
    out = []
    for qi, q in enumerate(ctx.qs):
        if ctx.quote_kind[qi] != "speech" or ctx.question[ctx.sent_of[q.lo]]:
            continue
        if q.verb is not None and q.verb.norm in REQUEST_VERBS and \
                asked_person(ctx.toks, ctx.roles, ctx.sents[ctx.sent_of[q.lo]], q.verb_i, ctx.inside) is not None:
            continue   # 「ｈに「ｇが誰と会っているか見てこい」と依頼し」: what he asked another to do, not words to her
        sent = ctx.sents[ctx.sent_of[q.lo]]
        vi = q.verb_i if q.verb_i is not None else q.hi
        # who speaks: the subject of the attribution verb (passive 「と言われた」: the agent)
        if q.verb is not None:
            speaker, how = find_actor(ctx, vi, sent)
        else:
            found = find_subject(ctx.toks, ctx.roles, sent, q.lo, ctx.inside)
            speaker, how = found or "suspect", "explicit" if found else None
        if speaker not in ("suspect", "unknown"):
            continue
        lo, hi = q.lo, min(sent.hi, (q.verb_i or q.hi) + 1)
        kinds = [(kind, QUOTE_CATEGORY[kind]) for kind in quote_content_kinds(ctx, q)]
        # 「「…」「…」「…」などと書いたメモ」: several sayings listed are several messages
        listed = quote_list(ctx, qi)
        for kind, cat in kinds:
            count, count_text = count_for(ctx, sent, lo, hi, q.lo)
            same = [x for x in listed if quote_content_kinds(ctx, x) and kind in quote_content_kinds(ctx, x)]
            if len(same) > count:
                count, count_text = len(same), "、".join(ctx.text[ctx.toks[x.lo].start:ctx.toks[x.hi].end] for x in same)
            log_line = ctx.toks[q.lo].text in ("：", ":")   # a chat-log line: the message without its colon
            act = ActFact(kind=kind, category=cat, subtype=None,
                          evidence=ctx.span(q.lo + 1, q.hi) if log_line else ctx.span(q.lo, q.hi + 1),
                          clause=ctx.span(sent.lo, sent.hi), actor=speaker, actor_explicit=how == "explicit", date=date_for(ctx, sent, q.lo),
                          count=count, count_text=count_text, count_vague=is_vague(count_text),
                          sentence_index=sent.index,
                          negated=C.chain_negated(ctx.toks, sent, vi, ctx.inside) if q.verb_i else False)
            h = _hedge(ctx, sent, vi)
            act.hedged, act.hedge_text = h is not None, h
            _addressee(ctx, act, sent, q.lo)
            out.append(act)
    return out


def _addressee(ctx: Ctx, act: ActFact, sent, qlo: int) -> None:
    """Whom words were said to (「応対したＭに「Ｊ子と別れてくれ」と告げた」): that person is the object."""
    toks, roles = ctx.toks, ctx.roles
    for k in range(qlo - 1, sent.lo - 1, -1):
        if roles[k] and ctx.inside[k] < 0 and k + 1 < sent.hi and toks[k + 1].text in ("に", "へ"):
            if roles[k] in ("close", "other"):
                act.object_role, act.object_text = roles[k], toks[k].text
            return
