"""Messages (2条1項5号): a means of communication with a sending verb, series told as logs or with their
means elided, and what the record says of their content and of how many fell on each side of a day."""
from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from legalcheck.nlp import clauses as C
from legalcheck.nlp import structure as S
from legalcheck.nlp.act_context import about_the_law, _hedge, _shown_otherwise
from legalcheck.nlp.context import Ctx, word_in
from legalcheck.nlp.facts import ActFact, DateRange
from legalcheck.nlp.lexicon import fold
from legalcheck.nlp.act_dates import date_for
from legalcheck.nlp.mentions import DATES_NEXT, clause_tokens, count_for, find_place, is_vague
from legalcheck.nlp.subjects import find_actor

_POSTING = {"書き込み", "書込み", "書込"}
_PUBLIC_BOARD = re.compile(r"掲示板|ネット上|インターネット上|まとめサイト|口コミ|レビュー|ちゃんねる|不特定")
_RECEIVED = {"有る", "ある", "来る", "届く", "鳴る", "入る", "続く", "掛かる", "かかる"}


def communications(ctx: Ctx, lex, hits) -> list[ActFact]:
    """2-1-5 candidates: a means of communication with a sending verb in its clause."""
    out = []
    toks = ctx.toks
    found: dict[int, str] = {}
    kinds = ("silent_call", "fax", "letter", "email", "sns", "phone")
    # one pass over the tokens: per kind, the tokens whose norm or folded form is one of its words
    by_kind: dict[str, list[int]] = {kind: [] for kind in kinds}
    any_means = frozenset().union(*(lex.means[kind][0] for kind in kinds))
    for t in [t for t in toks if t.norm in any_means or t.fold in any_means]:
        for kind in kinds:
            norms = lex.means[kind][0]
            if t.norm in norms or t.fold in norms:
                by_kind[kind].append(t.i)
    for kind in kinds:
        rx = lex.means[kind][1]
        for i in by_kind[kind]:
            found.setdefault(i, kind)
        for sp in hits(rx):
            k = ctx.tok_at[sp.start]
            if k is not None:
                if kind == "silent_call":
                    found[k] = kind
                else:
                    found.setdefault(k, kind)
    # 「無言電話」: the 電話 of a silent call is not a second call; 「携帯電話に」 is where, not how;
    # 「メールアドレスあてに」 is an address
    for i, kind in list(found.items()):
        if "アドレス" in toks[i].text or (i + 1 < len(toks) and toks[i + 1].text.startswith("アドレス")):
            del found[i]
            continue
        if kind == "silent_call":
            for k in range(i + 1, min(len(toks), i + 4)):
                if found.get(k) == "phone":
                    del found[k]
            sent = ctx.sents[ctx.sent_of[i]]
            prev = ctx.sents[max(0, sent.index - 1)]   # 「着信が43回あった。出ると何も言わず…」
            if "電話" not in toks[i].text and not any(
                    toks[k].norm in lex.means["phone"][0] or "電話" in toks[k].text for k in range(prev.lo, sent.hi)):
                del found[i]   # 「何も言わずに立ち去った」: silence in person is no call
        elif kind == "phone" and toks[i].text in ("携帯電話", "電話") and i + 1 < len(toks) and toks[i + 1].text == "に" \
                and (toks[i].text == "携帯電話" or (i > 0 and toks[i - 1].text == "携帯")):
            del found[i]
    used_clauses = set()
    for i in sorted(found):
        kind = found[i]
        if (ctx.inside[i] >= 0 and ctx.quote_kind[ctx.inside[i]] != "account") or (
                ctx.question[ctx.sent_of[i]] and ctx.sent_of[i] not in ctx.answered_yes):
            continue   # (a caller's account, 「非通知で電話が鳴り、出ても何も言わない」, tells his calls)
        sent = ctx.sents[ctx.sent_of[i]]
        if about_the_law(ctx, sent):
            continue   # 「本年の法改正により電子メールの連続送信が加えられた」: the law's words
        lo, hi = clause_tokens(ctx, sent, i)
        if toks[i].norm in _POSTING and _PUBLIC_BOARD.search(ctx.text, toks[sent.lo].start, toks[sent.hi - 1].end):
            continue   # 「匿名掲示板に…と書き込んだ」: a post for all to read, not a message to her page (7号 is judged by content)
        verb = None
        for k in range(i, min(hi + 1, sent.hi)):
            if ctx.inside[k] >= 0:
                continue
            if (toks[k].norm in lex.send_verbs or toks[k].text in ("架電",)) and not (
                    toks[k].norm in ("掛ける", "かける") and k > 0 and toks[k - 1].text == "に") \
                    and not _names_a_plan(toks, k) and not (toks[k].norm in ("有る", "ある") and toks[k].pos == "AUX"
                                                            and k > 0 and toks[k - 1].text in ("て", "で", "に", "では")):
                verb = k
                break
        if verb is None and i + 1 < len(toks) and toks[i + 1].norm == "為る" and toks[i + 1].pos in ("AUX", "VERB") \
                and not _names_a_plan(toks, i + 1) and "意志推量形" not in toks[i + 1].infl and not any(
                    toks[k].norm in ("う", "よう", "たい", "まい", "欲しい", "ほしい", "下さる", "くださる")
                    for k in range(i + 2, min(i + 5, len(toks)))):   # (「電話しようと思った」「電話してほしい」)
            verb = i + 1   # 「５０回電話した」「ＬＩＮＥしてきた」: the means as a する-verb
        if verb is None and i + 1 < len(toks) and toks[i + 1].text in ("。", "\n", "、", "（", "(") and \
                ctx.count_ix.between(toks[lo].start, toks[i].start):
            verb = i   # 体言止め: 「…百二十回以上電話。」
        if verb is None and _ENDS_ON_COUNT.search(ctx.text[toks[i].start:toks[sent.hi - 1].end]):
            verb = i   # 「ＳＭＳで「許さない」等、一晩で３０件。」: a record line ending on the count
        if verb is None and toks[i].text not in ("架電", "無言電話"):
            # 「ＬＩＮＥで約８０回」: the sending verb may follow the next comma
            nxt_hi = C.clause_end(toks, sent, hi) if hi < sent.hi else hi
            for k in range(hi, nxt_hi):
                if ctx.inside[k] < 0 and toks[k].norm in lex.send_verbs:
                    verb = k
                    break
        if any(toks[k].norm in _POLICE_ACTS for k in range(i + 1, min(i + 4, sent.hi))):
            continue   # 「相手方Ｊに電話で事情聴取」: the police's call, not his
        if i >= 2 and toks[i - 1].text == "に" and ctx.roles[i - 2] == "suspect" and ctx.inside[i] < 0:
            continue   # 「対応　Ｘに電話し、…指導」: a call to him is not his call
        series = None
        if verb is None:
            series = _series(ctx, sent, i)
            if series is not None:
                verb = i   # 「その後のＢからのＬＩＮＥ（抜粋）：」 followed by the messages themselves
        if verb is None and kind != "silent_call":
            continue
        key = (lo, kind)
        if key in used_clauses:
            continue
        used_clauses.add(key)
        if any(k in range(lo, hi) for k in [i]) and (lo, "any") in used_clauses and kind == "phone":
            pass
        used_clauses.add((lo, "any"))
        vi = verb if verb is not None else i
        actor, actor_text = find_actor(ctx, vi, sent)
        if actor in ("victim", "close") and toks[vi].norm in _RECEIVED:
            # 「相談者は…伝えたが、その後も…電話があった」: her topic receives the calls; the caller is not she
            actor, actor_text = "suspect", None
        if actor_text != "explicit" and any(ctx.quote_kind[q] == "victim" and ctx.qs[q].verb_i == vi
                                            for q in {ctx.inside[k] for k in range(i, vi)} if q >= 0):
            actor, actor_text = "victim", None   # 「ＬＩＮＥで「もう連絡しないで」と送った」: her words, so her sending
        # a refusal quoted in the same clause (「もうメールしないで」と拒まれ) is not a message
        if word_in(ctx, lo, hi, {"拒む", "拒否", "受信拒否", "着信拒否", "ブロック"}) and not word_in(ctx, lo, hi, {"送る", "送信", "掛ける", "かける", "架電", "電話をかけ"}):
            continue
        count, count_text = count_for(ctx, sent, lo, max(hi, vi + 1), i)
        if series is not None and series[0] > count:
            count, count_text = series
        act = ActFact(kind="message", category="2-1-5", subtype=None, evidence=ctx.span(i, vi + 1),
                      clause=ctx.span(lo, hi), actor=actor, actor_explicit=actor_text == "explicit", means=kind,
                      date=date_for(ctx, sent, i), count=count, count_text=count_text, count_vague=is_vague(count_text),
                      negated=C.chain_negated(toks, sent, vi, ctx.inside) or _shown_otherwise(ctx, sent),
                      sentence_index=sent.index)
        h = _hedge(ctx, sent, vi)
        act.hedged, act.hedge_text = h is not None, h
        act.series = series is not None
        place = find_place(ctx, lo, hi, actor, i)
        if place:
            act.place, act.place_owner, act.place_span, act.near = place
        if place and place[0] == "work" and kind == "phone":
            act.object_role = "victim"
        _message_details(ctx, act, sent)
        if act.count < 2 and sent.index + 1 < len(ctx.sents):
            # 「出ると何も言わず…切れる。着信履歴上、１１月１０日以降３２回。」「…ＬＩＮＥを送りました。数は１００通
            # くらいだと思います。」: the count told next is the sendings'
            nxt = ctx.sents[sent.index + 1]
            lo_c, hi_c = toks[nxt.lo].start, toks[nxt.hi - 1].end
            m = (_CALLS_COUNTED.search(ctx.text, lo_c, hi_c) if kind in ("phone", "silent_call") else None) \
                or _COUNT_NEXT.match(ctx.text, lo_c, hi_c) or DATES_NEXT.match(ctx.text, lo_c, hi_c)
            if m:
                act.count, act.count_text, act.count_vague = int(unicodedata.normalize("NFKC", m.group(1))), m.group(0), False
        if act.series or any(ctx.inside[k] >= 0 for k in range(lo, vi)):
            act.content_told = True   # the log's lines, or the messages quoted in the clause, are what they said
        out.append(act)
    return out


def _names_a_plan(toks, k: int) -> bool:
    """「次に送る日付が書いてある」: a sending verb in the plain form modifying a noun describes something
    (a date, a plan), not a sending that happened."""
    t = toks[k]
    return (t.pos == "VERB" and "連体形" in t.infl and k + 1 < len(toks) and toks[k + 1].pos == "NOUN"
            and toks[k + 1].norm in _PLAN_NOUNS)


_PLAN_NOUNS = {"日付", "日付け", "日", "日時", "予定", "時間", "時刻", "相手", "つもり", "旨", "方法"}


_POLICE_ACTS = {"事情聴取", "聴取", "照会", "指導", "警告", "教示", "説明", "注意喚起"}


_ENDS_ON_COUNT = re.compile(r"(?:計|約|合計)?\s*[0-9０-９一二三四五六七八九十百数]+\s*(?:件|通|回)(?:以上|ほど|程度|余り)?[)）]?(?:[（(][^）)\n]{0,30}(?:[）)]|。))?[。\s]*$")


_SERIES_HEADER = re.compile(r"[:：]\s*$|抜粋|以下のとおり|次のとおり|下記のとおり")


_LOG_LINE = re.compile(r"^[\s　]*(?:[0-9０-９]{1,2}[/／月][0-9０-９]{1,2}日?|[0-9０-９]{1,2}[:：][0-9０-９]{2})?[^「」\n]{0,12}「")


_SERIES_TOTAL = re.compile(r"(?:計|合計|総数|全部で|あわせて|合わせて)\s*(?:約|およそ)?\s*([0-9０-９]+)\s*(?:件|通|回)")


def _series(ctx: Ctx, sent, i: int) -> tuple[int, str] | None:
    """A means named as the heading of a log (「その後のＢからのＬＩＮＥ（抜粋）：」) followed by the messages
    line by line (「7/3「じゃあ来週は？」」): a series of messages, counted by the log's total line
    (「・７月中に計１２件」) or by its lines."""
    s_text = ctx.text[ctx.toks[sent.lo].start:ctx.toks[sent.hi - 1].end]
    # 「・その後のＤＭ（相談者のスマホで確認）」: a short line naming the means heads the log under it too
    if not _SERIES_HEADER.search(ctx.text[ctx.toks[i].end:ctx.toks[sent.hi - 1].end]) and not (
            len(s_text) <= 40 and "\n" in s_text.rstrip(" 　")[-1:] + ctx.text[ctx.toks[sent.hi - 1].end:ctx.toks[sent.hi - 1].end + 1]
            and all(_LOG_LINE.match(ctx.text[ctx.toks[n.lo].start:ctx.toks[n.hi - 1].end])
                    for n in ctx.sents[sent.index + 1:sent.index + 3]) and sent.index + 2 < len(ctx.sents)):
        return None
    lines = 0
    for nxt in ctx.sents[sent.index + 1:sent.index + 40]:
        t = ctx.text[ctx.toks[nxt.lo].start:ctx.toks[nxt.hi - 1].end]
        m = _SERIES_TOTAL.search(t)
        if m:
            return int(unicodedata.normalize("NFKC", m.group(1))), m.group(0)
        line_start = ctx.text.rfind("\n", 0, ctx.toks[nxt.lo].start) + 1
        if _LOG_LINE.match(ctx.text[line_start:ctx.toks[nxt.hi - 1].end]):
            lines += 1
        elif lines:
            break
    if lines >= 2:
        return lines, s_text
    return None


def continuations(ctx: Ctx, lex, acts: list[ActFact]) -> list[ActFact]:
    """「同様にほぼ毎日届く（計１４通）」: a sending verb whose means is elided continues the message series
    told just before it (its means, its sender), with its own date and count."""
    out = []
    toks = ctx.toks
    last_in: dict[int, ActFact] = {}   # the last message act of each sentence
    for a in acts:
        if a.category == "2-1-5" and a.kind == "message":
            last_in[a.sentence_index] = a
    for sent in ctx.sents:
        if sent.index in last_in or ctx.role[sent.index] not in S.ACT_ROLES:
            continue
        prev = [last_in[k] for k in range(sent.index - 5, sent.index) if k in last_in]
        if not prev:
            continue
        s_lo, s_hi = toks[sent.lo].start, toks[sent.hi - 1].end
        if not _CONTINUATION.search(ctx.text[s_lo:s_hi]):
            continue
        verb = next((k for k in range(sent.lo, sent.hi) if ctx.inside[k] < 0 and toks[k].norm in _SERIES_VERBS), None)
        if verb is None:
            continue
        p = prev[-1]
        count, count_text = count_for(ctx, sent, sent.lo, sent.hi, verb)
        act = ActFact(kind="message", category="2-1-5", subtype=None, evidence=ctx.span(verb, verb + 1),
                      clause=ctx.span(sent.lo, sent.hi), actor=p.actor, actor_explicit=p.actor_explicit, means=p.means,
                      date=date_for(ctx, sent, verb), count=count, count_text=count_text,
                      count_vague=is_vague(count_text), negated=C.chain_negated(toks, sent, verb, ctx.inside),
                      sentence_index=sent.index, content_told=p.content_told)
        h = _hedge(ctx, sent, verb)
        act.hedged, act.hedge_text = h is not None, h
        out.append(act)
    return out


_CONTINUATION = re.compile(r"同様に|同様の|同じく|引き続き|その後も|以後も|以降も|なおも|相変わらず|さらに|更に|続き|続いて|続いた|続いている|"
                           r"の(?:投函|送信|着信|郵送|送付)\s*(?:計|約)?\s*[0-9０-９]")   # 「5.26〜7.10の投函 34通」


_SERIES_VERBS = {"届く", "送る", "送信", "送り付ける", "送り続ける", "届ける", "郵送", "送付", "投函", "寄越す", "掛かる", "掛ける", "鳴る"}


_CONTENT_TOLD = re.compile(r"内容は|内容の|内容が|文面|文言|つづる|綴る|書かれ")
# 「開かずに削除した」「内容は分からない」: no one read what the messages said
_CONTENT_UNREAD = re.compile(r"開かず|開封せず|開封していな|読まず|読んでいな|読めなかった|読めていな|未読|"
                             r"内容は(分から|わから|不明|確認できて)|何が書いてあ(る|った)のか(分から|わから)")


_AFTER = re.compile(r"以降|以後|から")


def _message_details(ctx: Ctx, act: ActFact, sent) -> None:
    """What law needs about a series of messages beyond the act itself: whether the text tells what they
    said, and how many fell on or after a told day (「うち十二通は６月１５日以降の消印」)."""
    toks = ctx.toks
    s_lo, s_hi = toks[sent.lo].start, toks[sent.hi - 1].end
    # the description often follows in the next sentence or the one after (「メールの内容は…」)
    nxt = ctx.sents[min(len(ctx.sents) - 1, sent.index + 2)]
    around = ctx.text[s_lo:max(s_hi, toks[nxt.hi - 1].end)]
    act.content_unread = bool(_CONTENT_UNREAD.search(around))
    act.content_told = bool(_CONTENT_TOLD.search(around)) and not act.content_unread
    if act.date is None or act.count < 2 or act.count_vague:
        return
    for cm in ctx.count_ix.between(s_lo, s_hi):
        if ctx.text[max(s_lo, cm.start - 3):cm.start].find("うち") < 0:
            continue
        window = ctx.text[cm.end:min(s_hi, cm.end + 16)]
        for d in ctx.date_ix.between(cm.end, cm.end + 16):
            if _AFTER.match(ctx.text[d.end:d.end + 2]) and \
                    act.date.earliest < d.earliest <= act.date.latest and cm.value <= act.count and window:
                before = DateRange(act.date.earliest, date.fromordinal(d.earliest.toordinal() - 1))
                act.dated_counts = ((before, act.count - cm.value), (DateRange(d.earliest, act.date.latest), cm.value))
                return


def counts_after_day(ctx: Ctx, act: ActFact) -> None:
    """「そのうち同年８月２６日以降の閲覧は１５日間で延べ６２回」: the part of a series told for the days from a
    date on, when the whole count is not told (any act told over a period: reads, messages, visits)."""
    if act.dated_counts or act.date is None or act.date.earliest == act.date.latest or act.kind in _ONE_ACT_KINDS:
        return   # an attachment is one act: the counts around it are of the reads
    lines = _period_count_lines(ctx, act)
    if lines:
        act.dated_counts = tuple(lines)
        return
    _after_day_counts(ctx, act)
    if not act.dated_counts:
        act.dated_counts = tuple(_segment_counts(ctx, act))


def _after_day_counts(ctx: Ctx, act: ActFact) -> None:
    """「うち…以降は…回」 in the act's sentence or the next."""
    toks = ctx.toks
    # its own sentence, or the next (「…表示させていた。閲覧ログ上、８月２６日以降の閲覧は計１１８回。」)
    for n in (act.sentence_index, act.sentence_index + 1):
        if n >= len(ctx.sents):
            return
        sent = ctx.sents[n]
        s_lo, s_hi = toks[sent.lo].start, toks[sent.hi - 1].end
        for d in ctx.date_ix.between(s_lo, s_hi):
            if not (act.date.earliest < d.earliest <= act.date.latest) or not _AFTER.match(ctx.text[d.end:d.end + 2]):
                continue
            if "うち" not in ctx.text[max(s_lo, d.start - 8):d.start] and not _ONLY_AFTER.match(ctx.text, d.end) and not (
                    n > act.sentence_index and _AFTER_NAMED.match(ctx.text, d.end)):
                continue   # 「（８月２６日以降だけでも約３００回）」 needs no うち
            for cm in ctx.count_ix.between(d.end, min(s_hi, d.end + 24)):
                if ctx.text[cm.end:cm.end + 1] in ("回", "件", "通", "度") or ctx.text[cm.start:cm.end].endswith(("回", "件", "通", "度")):
                    before = DateRange(act.date.earliest, date.fromordinal(d.earliest.toordinal() - 1))
                    act.dated_counts = ((before, max(act.count - cm.value, 0)), (DateRange(d.earliest, act.date.latest), cm.value))
                    return


_ONE_ACT_KINDS = {"attach", "handover", "attach_found"}


def _period_count_lines(ctx: Ctx, act: ActFact) -> list:
    """「３　アプリの検索履歴　・7月11日～8月25日　計58回　・8月26日～9月19日　計41回」: lines after the act, each a
    period of the act's own with its count, tell how many fell in each part."""
    out = []
    pos = ctx.toks[ctx.sents[act.sentence_index].hi - 1].end
    for _ in range(8):
        nl = ctx.text.find("\n", pos)
        if nl < 0:
            break
        end = ctx.text.find("\n", nl + 1)
        end = end if end >= 0 else len(ctx.text)
        line = ctx.text[nl + 1:end]
        pos = nl + 1
        m = _PERIOD_COUNT.match(line) if _PERIOD_MARK.search(line) else None   # most lines have no 〜/から
        days = ctx.date_ix.between(nl + 1, end) if m else []
        if not days:
            if out:
                break
            continue
        d = DateRange(min(x.earliest for x in days), max(x.latest for x in days), line.strip(), "told")
        if d.earliest < act.date.earliest - timedelta(days=3) or d.latest > act.date.latest + timedelta(days=3):
            break
        out.append((d, int(unicodedata.normalize("NFKC", m.group(1)))))
    return out if len(out) >= 2 else []


_NESTED = re.compile(r"うち|合計|総数|全部で|あわせて|合わせて|計")


def _segment_counts(ctx: Ctx, act: ActFact) -> list:
    """「５月は１０通、６月は１日から１４日までに６通、１５日以降に８通、７月に入ってからも…９通です」: counts told part
    by part, each after its own days, in the act's sentence or the next few (an answer after the question)."""
    out = []
    own_sentence = False   # every part told in the act's own sentence
    for n in range(act.sentence_index, min(len(ctx.sents), act.sentence_index + 7)):
        sent = ctx.sents[n]
        lo, hi = ctx.toks[sent.lo].start, ctx.toks[sent.hi - 1].end
        seg_start = lo
        for cm in ctx.count_ix.between(lo, hi):
            if not (ctx.text[cm.end:cm.end + 1] in ("回", "件", "通") or ctx.text[cm.start:cm.end].endswith(("回", "件", "通"))):
                continue
            cut = max(ctx.text.rfind("、", seg_start, cm.start), ctx.text.rfind("，", seg_start, cm.start), seg_start - 1)
            seg = (cut + 1, cm.start)
            days = [d for d in ctx.date_ix.between(*seg)]
            periods = [p for p in ctx.period_ix.items if seg[0] <= p.start_offset and p.end_offset <= seg[1] + 1]
            if periods and periods[0].start is not None:
                p = periods[0]
                start, end = p.start.earliest, (p.end.latest if p.end else None)
            elif days:
                start, end = min(d.earliest for d in days), max(d.latest for d in days)
            else:
                start = end = None
            if _NESTED.search(ctx.text, seg[0], seg[1]):
                return []   # 「そのうち８月２６日以降の分は９８回」: a part of a total, read by _after_day_counts
            out.append([start, end, cm.value])
            seg_start = cm.end
        if out and n > act.sentence_index + 1:
            break
        if n == act.sentence_index:
            own_sentence = len(out) >= 2
    if len(out) < 2 or any(s is None for s, _, _ in out):
        return []
    for k, row in enumerate(out):   # an open part (「１５日以降に８通」) runs to the day before the next part
        if row[1] is None:
            row[1] = out[k + 1][0] - timedelta(days=1) if k + 1 < len(out) else act.date.latest
    if out[0][0] == act.date.earliest and out[-1][1] > act.date.latest and own_sentence:
        # 「位置の表示は１２月２１日から２９日までに１５回、１２月３０日から１月１８日までに４０回」: the act took the
        # first part's days; its parts, told in its own sentence, are its whole period and count
        act.date = DateRange(act.date.earliest, out[-1][1], act.date.text, act.date.source)
        act.count = sum(v for _, _, v in out)
    # each part within the act's period (「５月は１０通」 for letters from 5月10日: the part of May it covers)
    parts = [(max(a, act.date.earliest), min(b, act.date.latest), v) for a, b, v in out]
    if any(a > b for a, b, _ in parts):
        return []
    return [(DateRange(a, b, "", "told"), v) for a, b, v in parts]


_PERIOD_COUNT = re.compile(r"[ \t　・\-－]*[^\n]{0,30}?(?:～|〜|~|から)[^\n]{0,20}?計?\s*(?:約)?\s*([0-9０-９]+)\s*(?:回|件|通)")
_PERIOD_MARK = re.compile(r"[～〜~]|から")   # what every match of _PERIOD_COUNT holds (a quick test first)
_AFTER_NAMED = re.compile(r"(?:以降|以後)の[^。、]{1,6}(?:は|が)")


_ONLY_AFTER = re.compile(r"(?:以降|以後)(?:だけでも|だけで|のみで|のみでも)")
_LOG_MEANS = (("email", re.compile(r"SMS|ＳＭＳ|ショートメ|メール")), ("sns", re.compile(r"LINE|ＬＩＮＥ|ライン|DM|ＤＭ|インスタ|Instagram|SNS|ＳＮＳ|チャット|トーク")))
_CALLS_COUNTED = re.compile(r"(?:着信|通話|発信)(?:履歴)?[^。]{0,20}?([0-9０-９]+)\s*(?:回|件)")
_COUNT_NEXT = re.compile(r"[\s　]*(?:その|送った|送信した)?(?:数|件数|回数|通数|総数)(?:は|が)[^。]{0,10}?([0-9０-９]+)\s*(?:回|件|通)")
_LINE_TIME = re.compile(r"[0-9０-９]{1,2}[:：][0-9０-９]{2}")
_LOG_TOTAL = re.compile(r"計\s*([0-9０-９]+)\s*(件|通|回)")


def log_series(ctx: Ctx, lex) -> list[ActFact]:
    """A pasted chat or SMS log (「21:16 Ｙ：ちょ待って」「21:17 Ｙ：話そ」…) is itself a series of messages sent:
    one 5号 act from the first of his lines after her refusal in the log (or his first line), counting his
    lines, or a total told after the log (「計34件」)."""
    toks = ctx.toks
    lines = [(qi, q) for qi, q in enumerate(ctx.qs) if toks[q.lo].text in ("：", ":")]
    his = [(qi, q) for qi, q in lines if ctx.quote_kind[qi] == "speech"]
    received = len(his) < 2 and _received_lines(ctx)
    if received:
        lines = his = received
    if len(his) < 2:
        return []
    refusal_at = None
    for qi, q in lines:
        if ctx.quote_kind[qi] == "victim":
            words = ctx.text[toks[q.lo].end:toks[q.hi].start]
            if lex.refusal_contact is not None and lex.refusal_contact.search(fold(words)):
                refusal_at = q.lo
                break
    after = [(qi, q) for qi, q in his if refusal_at is None or q.lo > refusal_at]
    if not after:
        return []
    first, last = after[0][1], after[-1][1]
    head = ctx.text[max(0, toks[lines[0][1].lo].start - 400):toks[lines[0][1].lo].start]
    means = next((kind for kind, rx in _LOG_MEANS if rx.search(head)), "sns")
    # 「01:12 Ｕ：…」「01:12 Ｕ：［スタンプ］」: lines sent in the same minute are one sending
    times = [_LINE_TIME.search(ctx.text, ctx.text.rfind("\n", 0, toks[q.lo].start) + 1, toks[q.lo].start) for _, q in after]
    n = len({m.group(0) for m in times}) if all(times) else len(after)
    count, count_text = n, f"ログ上{n}件"
    tail_end = ctx.text.find("\n\n", toks[last.hi].start)
    tail = ctx.text[toks[last.hi].start:tail_end if tail_end > 0 else toks[last.hi].start + 300]
    total = _LOG_TOTAL.search(fold(tail))
    if total and int(total.group(1)) > count:
        count, count_text = int(total.group(1)), total.group(0)
    sent = ctx.sents[ctx.sent_of[first.lo]]
    d1 = date_for(ctx, sent, first.lo)
    d2 = date_for(ctx, ctx.sents[ctx.sent_of[last.lo]], last.lo)
    date = d1
    if d1 is not None and d2 is not None and d2.latest > d1.earliest:
        date = DateRange(d1.earliest, d2.latest, d1.text, d1.source)
    if received:
        # 「7/21 08:12　件名なし　「…」」 … 「7/28〜8/15　計118通」: every line (and a dated total) on its own day
        dated = [date_for(ctx, ctx.sents[ctx.sent_of[q.lo]], q.lo) for _, q in after]
        totals = _dated_totals(ctx, toks[first.lo].start, toks[last.hi].end)
        if all(dated):
            count = len(after) + sum(n for _, n in totals)
            count_text = f"受信一覧上{count}件"
            parts = [(d, 1) for d in dated] + totals
            date = DateRange(min(d.earliest for d, _ in parts), max(d.latest for d, _ in parts),
                             f"{dated[0].text}〜{dated[-1].text}", dated[0].source)
    act = ActFact(kind="message", category="2-1-5", subtype=None, evidence=ctx.span(first.lo + 1, first.hi),
                  clause=ctx.span(first.lo + 1, first.hi), actor="suspect", actor_explicit=False, means=means,
                  date=date, count=count, count_text=count_text, count_vague=False, negated=False,
                  sentence_index=sent.index)
    act.series, act.content_told = True, True
    if received and all(dated):
        act.dated_counts = tuple(parts)
    return [act]


# 「メール受信一覧（告訴人の携帯電話）」「受信したＬＩＮＥ」: a log of what she received, lines without a sender column
_RECEIVED_HEAD = re.compile(r"受信(?:一覧|履歴|記録|ログ|リスト|メール|メッセージ|した(?:メール|メッセージ|ＬＩＮＥ|LINE|ＳＭＳ|SMS|ＤＭ|DM))"
                            r"|(?:メール|ＬＩＮＥ|LINE|ＳＭＳ|SMS|ＤＭ|DM)(?:の)?受信")
_DATED_LINE = re.compile(r"[ \t　・]*(?:[0-9０-９]{1,4}[/／.．])?[0-9０-９]{1,2}[/／.．][0-9０-９]{1,2}")
_TOTAL_LINE = re.compile(r"(?:計|合計)\s*([0-9０-９]+)\s*(?:件|通)")


def _received_lines(ctx: Ctx) -> list:
    """The quotes of a received-message log: lines that start with a day and carry a quote, under a heading
    naming what was received. Only a log with at least two such lines; her own words (victim quotes) excluded."""
    m = _RECEIVED_HEAD.search(ctx.text)
    if m is None:
        return []
    out = []
    for qi, q in enumerate(ctx.qs):
        at = ctx.toks[q.lo].start
        if at < m.end() or ctx.quote_kind[qi] != "speech":
            continue
        line = ctx.text.rfind("\n", 0, at) + 1
        if _DATED_LINE.match(ctx.text, line) and "「" not in ctx.text[line:at]:
            out.append((qi, q))
    return out if len(out) >= 2 else []


def _dated_totals(ctx: Ctx, lo: int, hi: int) -> list:
    """「7/28〜8/15　ほぼ毎日２〜１５通、計１１８通」 inside a log: a total over its own dates."""
    out = []
    pos = lo
    while True:
        nl = ctx.text.find("\n", pos, hi)
        if nl < 0:
            break
        end = ctx.text.find("\n", nl + 1)
        end = end if end >= 0 else len(ctx.text)
        line = ctx.text[nl + 1:end]
        t = _TOTAL_LINE.search(line)
        if t and "「" not in line:
            k = ctx.tok_at[nl + 1 + t.start()]
            d = date_for(ctx, ctx.sents[ctx.sent_of[k]], k) if k is not None else None
            if d is not None:
                out.append((d, int(unicodedata.normalize("NFKC", t.group(1)))))
        pos = nl + 1
    return out
