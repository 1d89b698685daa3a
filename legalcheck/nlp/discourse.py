"""Links across sentences: background proposals, occasions, admissions and found devices that restate
an act told elsewhere."""
from __future__ import annotations

import re
import unicodedata

from legalcheck.nlp import clauses as C

from legalcheck.nlp.context import Ctx
from legalcheck.nlp.facts import Facts

def mark_background(ctx: Ctx, facts: Facts) -> None:
    """A proposal told only as the story's start and refused at once (「復縁を迫られ断っていた」
    「交際を申し込んで断られている」) is the motive, not a つきまとい等 act."""
    by_sentence = {b.sentence_index for b in facts.acts if b.category == "2-1-1" and not b.negated}
    # 「「二人で飲みに行こう、断ったら査定どうなるか分かるよね」と言った（断った）」: a demand pressed with a threat
    threatened = {b.evidence.start for b in facts.acts if b.category == "2-1-4" and b.evidence.text.startswith("「")}
    for a in facts.acts:
        if a.kind != "demand" or a.count > 1 or a.evidence.start in threatened:
            continue
        if a.evidence.text.startswith("「") and a.sentence_index in by_sentence:
            continue   # words said while he waited for her or followed her: an act of that occasion
        if re.search(r"後も|なおも|執拗|再三|しつこく|何度も|繰り返し|その後も", a.clause.text):
            continue
        sent = ctx.sents[a.sentence_index]
        s_hi = ctx.toks[sent.hi - 1].end
        tail = unicodedata.normalize("NFKC", ctx.text[a.evidence.end:min(s_hi, a.evidence.end + 40)])
        # (her reply may be quoted before the refusal: 「…」と誘われ、相談者は「夫がいるので」と断った)
        if re.match(r"^(?:れ|られ|られて|て|で|んで|だが|たが|ていたが|ていたところ|んだが|んだところ|たところ|られたが|られていたが|ら?れ)?"
                    r"[^。「]{0,14}?(?:「[^」]{0,20}」と)?(断|拒|嫌|応じ|「無理|「ムリ)", tail):
            a.background = True


def share_objects(facts: Facts) -> None:
    """Words said on an occasion are said to the person the occasion's act was aimed at (「Ｅの勤務先に
    押し掛け、「Ａの住所を教えろ」と迫った」: to Ｅ)."""
    by_sentence: dict = {}
    for a in facts.acts:
        if a.object_role != "victim" and not a.evidence.text.startswith(("「", "『")):
            by_sentence.setdefault(a.sentence_index, a)
    for a in facts.acts:
        other = by_sentence.get(a.sentence_index)
        quoted = a.evidence.text.startswith(("「", "『"))
        # words said there, and what he did there at a place whose owner is not told (「実母の家に押し掛け、
        # 玄関の戸を叩いて怒鳴った」: at the mother's)
        if other is not None and a.object_role == "victim" and (quoted or a.owner_assumed or a.place is None):
            a.object_role, a.object_text, a.object_person = other.object_role, other.object_text, other.object_person


def _log_line(text: str, a) -> int | None:
    """A quoted message standing on its own line (a pasted log: 「　「会わないなら家まで行く」」) is its own
    message; its line start tells it apart from the next one."""
    if not a.evidence.text.startswith(("「", "『")):
        return None
    start = text.rfind("\n", 0, a.evidence.start) + 1
    return start if not text[start:a.evidence.start].strip(" 　・-") else None


def waiting_seen(facts: Facts) -> None:
    """「通用口の前で相談者が出てくるのを待っていた。防犯カメラには…Ｑが通用口の脇に立っている様子が残っている」:
    standing at the place where he waited, told in the next sentences, is that waiting seen, not a 見張り."""
    waits = [a for a in facts.acts if a.subtype == "machibuse" and a.place and not a.negated]
    facts.acts = [a for a in facts.acts if not (
        a.kind == "linger" and a.place and any(w.place == a.place and 0 <= a.sentence_index - w.sentence_index <= 2
                                               for w in waits))]


def waiting_to_speak(facts: Facts) -> None:
    """「駅改札前でＢが立っていて、「話がしたい」と言われた」: standing where she passes and then speaking to
    her is waiting for her (待ち伏せ), not a 見張り whose observation is in question."""
    spoke = {a.sentence_index for a in facts.acts if a.evidence.text.startswith("「") and a.actor == "suspect"}
    # 「…店の向かいの歩道橋の上に立っていた。私が駅に向かって歩くと、…同じ方向に」: waiting there, then following her
    followed = {a.sentence_index for a in facts.acts if a.subtype == "tsukimatoi" and not a.negated}
    for a in facts.acts:
        if a.kind != "linger" or a.negated:
            continue
        s_text = facts.narrative[a.clause.start:a.clause.end + 80].split("。")[0]
        if a.sentence_index in spoke or _SPOKE.search(s_text) or {a.sentence_index, a.sentence_index + 1} & followed:
            a.kind, a.subtype = "machibuse", "machibuse"


_SPOKE = re.compile(r"声をかけ|声を掛け|話しかけ|話し掛け|呼び止め|前に出て|近づいて|近寄|寄ってき|」と[^。]{0,10}(言|叫|怒鳴)|"
                    r"(腕|手|肩)を(つか|掴)|(つか|掴)もうと|詰め寄|迫って|迫った")


_MESSAGE_WORDS = re.compile(r"LINE|ＬＩＮＥ|ライン|メール|メッセージ|DM|ＤＭ|SMS|ＳＭＳ|チャット|手紙|はがき|葉書|封書")


def _by_message(a) -> bool:
    return a.category == "2-1-5" and a.means not in ("phone", "silent_call", None) or (
        a.category in ("2-1-2", "2-1-3", "2-1-4", "2-1-7", "2-1-8") and bool(_MESSAGE_WORDS.search(a.clause.text)))


def number_occasions(facts: Facts) -> None:
    """Acts told in one sentence are one occasion; an admission or a discovered device restating an
    act of the same category is the same occasion as that act."""
    keys: dict = {}
    for a in facts.acts:
        # one sentence may tell several occasions (「1月中旬…電話、同月下旬には…メッセージ」); acts of one
        # named day are one occasion (「６月９日夜…待ちぶせ…後をついて来て…インターホンを鳴らした」)
        if a.date and a.date.earliest == a.date.latest:
            # a message sent later that day (「同日夜、ＬＩＮＥで「…」」) is another occasion than his being there
            key = ("day", a.date.earliest, _by_message(a))
        else:
            key = (a.sentence_index, a.date.earliest if a.date else None, a.date.latest if a.date else None,
                   _log_line(facts.narrative, a))
        a.occasion = keys.setdefault(key, len(keys))
    told = {a.category for a in facts.acts if a.kind in ("attach", "handover") and a.actor == "suspect"}
    # the device found (「取り付けられているのを発見した」) is the attachment he admits or the text tells
    facts.acts = [a for a in facts.acts if not (a.category in told and (
        a.kind == "attach_found" or (a.kind == "attach" and a.actor == "unknown")))]
    first: dict = {}   # the first plain act of each category (one pass, not one per admission)
    for b in facts.acts:
        if not b.admitted and b.kind != "attach_found" and b.actor == "suspect":
            first.setdefault(b.category, b)
    for a in facts.acts:
        if a.admitted or a.kind == "attach_found":
            if a.category in first:
                a.occasion = first[a.category].occasion


_FOUND = re.compile(r"発見|見つけ|見つか|気付|気づ|指摘さ|知らされ")
_FOUND_AFTER = re.compile(r"[^。、]{0,8}?(のを|のが|のに)[^。、]{0,10}?(発見|見つけ|見つか|気付|気づ|指摘さ|知らされ)")


def found_dates(ctx: Ctx, facts: Facts) -> None:
    """An attachment whose only date is the day the device was found (「８月２６日…取り付けられているのを
    発見した」「取り付けたことを認めた」) happened on or before that day: say so, not that it happened then."""
    for a in facts.acts:
        if a.category != "2-3-3" or a.kind not in ("attach", "attach_found") or a.date is None or not a.date.text:
            continue
        at = ctx.text.rfind(a.date.text, 0, a.evidence.end)
        if at < 0:
            continue
        sent = next((s for s in ctx.sents if ctx.toks[s.lo].start <= at < ctx.toks[s.hi - 1].end), None)
        if sent is None:
            continue
        s_lo, s_hi = ctx.toks[sent.lo].start, ctx.toks[sent.hi - 1].end
        if a.evidence.start >= s_hi:
            found = _FOUND.search(ctx.text[s_lo:s_hi])   # the date was inherited from a finding
        else:   # same sentence: the finding stands between date and attachment, or right after it (「…られているのを発見」)
            found = _FOUND.search(ctx.text[at:a.evidence.start]) or _FOUND_AFTER.match(ctx.text[a.evidence.end:a.evidence.end + 14])
        if found:
            a.date_source = "found"


_SEEN_DOING = re.compile(r"記録|映って|写って|目撃|確認|認め|判明|特定")


_CONTENTS = re.compile(r"\s*(中には|中に|その中には|その中に|内容物は|同封)")
_PUTTING = {"入れる", "投函", "置く", "差し込む", "郵送", "送る", "届ける", "挟む", "貼る", "送り付ける"}
_FIGURE_AFTER = re.compile(r"(?:（[^）\n]{0,20}）)?の(?:姿|様子|映像|画像|後ろ姿)")


_OWN_DEED = re.compile(r"(?:のは|ことは)(?:自分|俺|僕|私|本人)(?:だ|である|です)?と|ことを")
_ADMIT_DENIED = re.compile(r"(?:じゃない|ではない|ではありません|じゃありません|していない|してない|やっていない|知らない|覚えていない)")


def recorded_actor(ctx: Ctx, facts: Facts) -> None:
    """An act told without its doer (「玄関前に段ボール箱が置かれていた」) whose doing is later shown as
    his (「防犯カメラに、Ｇが箱を置いて立ち去る姿が記録されている」): the same verb, with him as its
    subject, in a sentence that says how it was seen or established."""
    if not any(a.actor == "unknown" for a in facts.acts):
        return
    toks, roles = ctx.toks, ctx.roles
    done: set = set()
    for s in ctx.sents:
        text = ctx.text[toks[s.lo].start:toks[s.hi - 1].end]
        if not _SEEN_DOING.search(text):
            continue
        subj = [k for k in range(s.lo, s.hi - 1) if roles[k] == "suspect" and ctx.inside[k] < 0
                and toks[k + 1].text in ("が", "は")]
        if subj:
            done |= {t.norm for t in toks[subj[0] + 2:s.hi] if t.pos == "VERB" and ctx.inside[t.i] < 0}
        elif any(roles[k] == "suspect" and ctx.inside[k] < 0 and _FIGURE_AFTER.match(ctx.text, toks[k].end)
                 for k in range(s.lo, s.hi - 1)):
            # 「袋を置く元交際相手Ｌ（３９歳）の姿が写っている」: the verbs describing his figure are what he was seen doing
            done |= {t.norm for t in toks[s.lo:s.hi] if t.pos == "VERB" and ctx.inside[t.i] < 0}
    for s in ctx.sents:
        # 「ｐさんは…聴取に対し、置いたのは自分だと認めたそうです」: an admission told without brackets
        adm = next((k for k in range(s.lo, s.hi) if toks[k].norm == "認める" and ctx.inside[k] < 0), None)
        if adm is None or C.chain_negated(toks, s, adm, ctx.inside) or not any(
                roles[k] == "suspect" and ctx.inside[k] < 0 and (toks[k + 1].text in ("は", "が") or (
                    toks[k + 1].text in ("さん", "氏", "君", "くん") and toks[k + 2].text in ("は", "が")))
                for k in range(s.lo, adm)):
            continue
        if _OWN_DEED.search(ctx.text, toks[s.lo].start, toks[adm].start):
            done |= {toks[k].norm for k in range(s.lo, adm) if ctx.inside[k] < 0 and (
                toks[k].pos == "VERB" or (toks[k].pos == "AUX" and toks[k].tag.startswith("動詞")))}
    for qi, q in enumerate(ctx.qs):
        # 「「置いたのは俺だ」と認めた」: his admission names what he did
        words = ctx.text[toks[q.lo].end:toks[q.hi].start] if q.hi < len(toks) else ""
        if ctx.quote_kind[qi] == "admission" and not _ADMIT_DENIED.search(words):
            done |= {toks[k].norm for k in range(q.lo + 1, min(q.hi, len(toks)))
                     if toks[k].pos == "VERB" or (toks[k].pos == "AUX" and toks[k].tag.startswith("動詞"))}
    done -= {"為る", "する", "居る", "いる", "有る", "ある", "成る", "なる", "来る", "行く", "立ち去る", "写る", "映る", "対する"}
    if done & _PUTTING:
        done |= _PUTTING   # 「投函するＢの姿」 is the 「袋が入れられていた」 told before
    if not done:
        return
    for a in facts.acts:
        if a.actor != "unknown" or a.kind == "attach_found":
            continue
        lo, hi = ctx.tok_at[a.clause.start], ctx.tok_at[max(a.clause.start, a.clause.end - 1)]
        if lo is None or hi is None:
            continue
        if any(toks[k].norm in done for k in range(lo, hi + 1)):
            a.actor, a.actor_text = "suspect", "記録等により被疑者の行為と確認"
    # what the thing he left held (「中には虫の死骸と…が入っていた」) is part of that same act
    by_sentence = {(a.sentence_index, a.date.earliest if a.date else None) for a in facts.acts
                   if a.actor == "suspect" and a.actor_text == "記録等により被疑者の行為と確認"}
    linked = {k for k, _ in by_sentence}
    for a in facts.acts:
        if a.actor == "unknown" and ((a.sentence_index - 1, a.date.earliest if a.date else None) in by_sentence or (
                (a.sentence_index in linked or a.sentence_index - 1 in linked) and _CONTENTS.search(a.clause.text))):
            a.actor, a.actor_text = "suspect", "記録等により被疑者の行為と確認"


_FOUND_SENDER = re.compile(r"(?:送信者|送り主|差出人|投稿者|発信者|犯人|送信元)(?:は|が)")
_FOUND_IS = re.compile(r"[^。]{0,40}?(であり|であった|である|であると|であること|だった|と判明|と特定)")


def found_sender(ctx: Ctx, facts: Facts) -> None:
    """「…ＤＭが計１５件届いた。捜査の結果、送信者はＵ２の現在の交際相手Ｖ２子であり…」: the sender, found and
    named after the messages were told, is who sent them; someone other than the suspect makes them that
    person's acts (their own offence, not his つきまとい等)."""
    toks, roles = ctx.toks, ctx.roles
    seen: set = set()
    for m in _FOUND_SENDER.finditer(ctx.text):   # one scan of the text, not one per sentence
        k = ctx.tok_at[m.start()]
        if k is None or ctx.sent_of[k] in seen:
            continue
        s = ctx.sents[ctx.sent_of[k]]
        seen.add(s.index)   # (the first naming in a sentence, as before)
        is_ = _FOUND_IS.match(ctx.text, m.end(), toks[s.hi - 1].end)
        if is_ is None:
            continue
        at, cop = ctx.tok_at[m.end()], ctx.tok_at[is_.start(1)]
        if at is None or cop is None or ctx.inside[at] >= 0 or C.chain_negated(toks, s, cop, ctx.inside):
            continue
        # the person named right before the copula, past his description (「交際相手Ｖ２子（２４歳）であり」),
        # not whose relation they are (「Ｕ２の…」)
        k, depth = cop - 1, 0
        while k >= at and (depth or toks[k].text in ("）", ")") or not roles[k]):
            depth += toks[k].text in ("）", ")")
            depth -= depth > 0 and toks[k].text in ("（", "(")
            k -= 1
        who = roles[k] if k >= at else None
        if who in (None, "suspect", "unknown"):
            continue
        for a in facts.acts:
            if s.index - 2 <= a.sentence_index <= s.index and a.actor == "suspect" and not a.admitted \
                    and a.category in ("2-1-2", "2-1-3", "2-1-4", "2-1-5", "2-1-6", "2-1-7", "2-1-8"):
                a.actor, a.actor_text, a.actor_explicit = "other", "送信者は第三者と判明", True


# 「いずれもＹ名義の回線からの発信ではなく、市内の別の男性の携帯電話からであった」: the calls came from someone else's line
_NOT_HIS_LINE = re.compile(r"(?:名義)?の?(?:回線|番号|携帯電話|電話)?からの(?:発信|着信|通話)では(?:なく|なかった|ない)")


def calls_from_another_line(ctx: Ctx, facts: Facts) -> None:
    """Calls told before a finding that they came from a line not his are not his acts (whoever's they are)."""
    for m in _NOT_HIS_LINE.finditer(ctx.text):
        k = ctx.tok_at[m.start()] if m.start() < len(ctx.tok_at) else None
        if k is None or ctx.inside[k] >= 0:
            continue
        s = ctx.sents[ctx.sent_of[k]]
        if not any(ctx.roles[j] == "suspect" for j in range(s.lo, k)):
            continue   # whose line it was not, must be his
        for a in facts.acts:
            if a.category == "2-1-5" and a.means in ("phone", "silent_call") and a.actor == "suspect" \
                    and a.sentence_index <= s.index and not a.admitted and not a.actor_explicit:
                a.actor, a.actor_text, a.actor_explicit = "other", "発信元は被疑者の回線ではないと判明", True


# 「それ以前にもそれ以後にも、ｔからの電話・接触はない」「その他、Ｕ２からの連絡・接触はない」
_NO_OTHER_CONTACT = re.compile(r"(?:それ以前|それ以外|それ以後|その前後|その他|他に|ほかに|このほか|この他)[^。]{0,24}?"
                               r"(?:電話|連絡|接触|着信|メール|ＬＩＮＥ|LINE|メッセージ)[^。]{0,10}?"
                               r"(?:はない|は一切ない|はなかった|は一切なかった|はありません|はなく|は一切なく|なし|は確認されていない|は確認されなかった)")


def single_contacts(ctx: Ctx, facts: Facts) -> None:
    """A record that says there was no other contact closes the count of a call or message told without one:
    「着信があり、出ると無言…。それ以前にもそれ以後にも、ｔからの電話・接触はない」 is one call."""
    m = _NO_OTHER_CONTACT.search(ctx.text)
    if m is None:
        return
    for a in facts.acts:
        if a.category == "2-1-5" and a.count == 1 and not a.count_text and a.evidence.start < m.start() \
                and a.means != "silent_call":
            a.count_text, a.count_vague = "1回（" + m.group(0) + "）", False


# 「…一度も位置は見られなかった」と言いました。本当に見ていないのかどうかは分かりません。
_DENIAL_DOUBTED = re.compile(r"本当に[^。]{0,20}?(?:のか|か)(?:どうか)?(?:は|も)?[^。]{0,4}?(?:分から|分かり|わから|わかり|不明|疑わし|信用でき)")


def doubted_denials(ctx: Ctx, facts: Facts) -> None:
    """A denial the next sentence doubts (「本当に見ていないのかどうかは分かりません」) leaves the act open, not denied."""
    for a in facts.acts:
        if not a.negated or a.sentence_index + 1 >= len(ctx.sents):
            continue
        nxt = ctx.sents[a.sentence_index + 1]
        if _DENIAL_DOUBTED.search(ctx.text, ctx.toks[nxt.lo].start, ctx.toks[nxt.hi - 1].end):
            a.negated, a.hedged, a.hedge_text = False, True, "本人の否定の真偽が不明"
