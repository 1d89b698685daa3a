"""Who did it: the subject or agent of a predicate from case particles (は/が/から/に), passives and
relative clauses. Japanese is head-final, so the search runs backwards from the predicate."""
from __future__ import annotations

import re

from legalcheck.nlp import clauses as C
from legalcheck.nlp.context import Ctx

def _progressive(toks, i: int, hi: int) -> bool:
    """「と話している」「と述べている」 (a statement now, to the police) vs 「と言った」 (said then, to her)."""
    k = i + 1
    while k < hi and toks[k].pos == "AUX" and toks[k].norm not in ("居る", "いる", "おる"):
        if toks[k].norm in ("続ける", "来る", "くる"):
            return False   # 「と言い続けている」「と言ってきている」: said to her again and again, not a statement now
        k += 1
    return k + 1 < hi and toks[k].text in ("て", "で") and toks[k + 1].norm in ("居る", "いる", "おる")


def find_subject(toks, roles, sent, i, inside=None) -> str | None:
    """The person who does the predicate at token i: a から agent that governs it directly
    (「Ｃから「おかえり」と電話がかかってくる」), else the nearest は-topic, else the nearest が-subject
    that is not the subject of a clause describing a noun (「Ａが出入りする様子を」)."""
    k = i - 1
    agent = None
    # the quote the predicate stands in (the opening bracket itself asks for the quote's speaker, outside it)
    own = inside[i] if inside is not None and i < len(toks) and toks[i].text not in C.OPEN_Q else -1
    depth = 0   # 「Ｍが実家（Ｎが同居）前に来て」: a name inside parentheses is a remark, not the subject
    while k >= sent.lo:
        r = roles[k]
        w = toks[k].text
        if w in ("）", ")"):
            depth += 1
        elif w in ("（", "(") and depth:
            depth -= 1
        if depth and w not in ("）", ")"):
            k -= 1
            continue
        if own >= 0 and inside[k] != own:
            break      # words inside a quote have their subject inside it
        if r and inside is not None and inside[k] >= 0 and inside[k] != own:
            r = None   # a name inside someone's words is not the subject of the narrator's sentence
        if r and k + 1 < sent.hi:
            nxt = toks[k + 1].text
            if nxt in ("から", "より") and agent is None and not _has_verb(toks, k + 2, i):
                agent = r
            elif nxt in ("は", "も"):
                return agent or r
            elif nxt == "（":
                after = _topic_after_paren(toks, k + 1, sent.hi)
                if after == "は" or (after == "が" and not _embedded(toks, k + 2, i, roles)):
                    return agent or r
            elif nxt == "が":
                if not _embedded(toks, k + 2, i, roles):
                    return agent or r
            elif nxt in ("自身", "本人") and k + 2 < sent.hi and toks[k + 2].text in ("は", "が"):
                return agent or r
            elif nxt == "の" and k + 3 < sent.hi and toks[k + 2].text in ("方", "ほう") and toks[k + 3].text == "から":
                return r   # 「私の方からＪくんの家に行き」: she went, on her own
            elif nxt == "自ら":
                return r
            elif nxt in ("、", "，") and _heads_sentence(toks, sent, k):
                return agent or r   # 「・Ｒ７．５．３　Ｓ、Ｖ方門扉前で…」: a note's subject set off by a comma
        k -= 1
    return agent


def _heads_sentence(toks, sent, k) -> bool:
    """Only bullets, dates, times and spaces stand before token k in its sentence."""
    head = "".join(toks[m].text for m in range(sent.lo, k))
    return bool(_DATE_HEAD.match(head))


_DATE_HEAD = re.compile(r"^[\s　・\-－]*(?:(?:令和|平成|昭和|[RHSＲＨＳ])?[0-9０-９元.．/／年月日頃ごろ〜～\-－:：()（）火水木金土曜上中下旬朝夜夕昼深未明午前後時分]*)[\s　]*$")


def _has_verb(toks, lo, hi) -> bool:
    """A verb of the narration between lo and hi (words quoted in between are not: 「Ｄから「やり直そう」とＬＩＮＥが来た」)."""
    depth = 0
    for k in range(lo, hi):
        t = toks[k].text
        if t in C.OPEN_Q:
            depth += 1
        elif t in C.CLOSE_Q:
            depth = max(0, depth - 1)
        elif toks[k].pos == "VERB" and not depth:
            return True
    return False


_STATIVE = {"居る", "いる", "有る", "ある", "成る", "なる", "見える", "聞こえる", "分かる", "出来る"}


def _embedded(toks, lo, hi, roles=None) -> bool:
    """Is a が-subject at lo the subject of another clause before hi: one that describes a noun
    (「Ｖ子が毎日使う軽自動車」) or a subordinate 〜て clause (「女性が部屋にいて」)?"""
    inner = False   # 「男が２回、授業が終わる午後１０時頃に…待っていて」: a clause with its own が-subject
    chained = False   # the subject's own chain of acts went on past a comma (「Ｄが待っており、…」)
    quoted = 0        # words inside his quoted words are not clauses of the narration (「今言うことか」と怒鳴った)
    for k in range(lo, hi):
        t = toks[k]
        if t.text in ("「", "『"):
            quoted += 1
            continue
        if t.text in ("」", "』"):
            quoted = max(0, quoted - 1)
            continue
        if quoted:
            continue
        if t.text == "が" and t.tag.startswith("助詞-格助詞") and k > lo and toks[k - 1].text not in ("）", ")"):
            inner = True   # (the が after the subject's own parenthesis, 「長男（小学３年）が」, is the subject's)
            continue
        attributive = "連体形" in t.infl or (t.pos in ("VERB", "AUX") and "終止形" in t.infl and k + 1 < hi
                                             and (toks[k + 1].pos in ("NOUN", "PROPN") or toks[k + 1].text in ("○", "〇")))
        if (t.pos in ("VERB", "AUX") or (t.pos == "ADJ" and not t.tag.startswith("形容詞"))) and attributive and k + 1 < hi and (
                toks[k + 1].pos in ("NOUN", "PROPN") or toks[k + 1].text in ("○", "〇") or toks[k + 1].text in (
                    "の", "こと", "ところ", "まで", "ため", "間", "うち", "前", "後", "とき", "時", "際", "ので", "のに")):
            if chained and roles is not None and roles[k + 1]:
                continue   # 「Ｄが待っており、帰宅した相談者に」: a person described by her own act, not his clause
            if inner:
                inner = False   # that clause describes a noun (「授業が終わる午後１０時頃」); the subject at lo goes on
                continue
            return True   # 「Ｖ子が毎日使う軽自動車」「相談者が店を開けるのを待ち構え」 (an i-adjective's noun is
            # an adverbial of his act: 「母親が…に、多い日で１０回以上電話をかけ」「Ｂが家に近い駅で待ち」)
        if t.pos in ("VERB", "AUX") and k + 2 < hi and toks[k + 1].text in ("て", "で") and \
                toks[k + 2].text in ("以来", "以降", "以後", "から"):
            return True   # 「Ａが別れを告げて以来、（Ｂは）…言い続けている」: the subject of a time clause
        if t.pos in ("VERB", "AUX") and k + 1 < hi and toks[k + 1].tag.startswith("助詞-接続助詞") and \
                toks[k + 1].text in ("と", "ば", "たら", "なら", "ても", "でも", "ながら"):
            return True   # 「被害者が帰宅すると、（被疑者は）…立っていた」: the subject of a conditional clause
        if t.pos in ("VERB", "AUX") and k + 2 < hi and (
                (toks[k + 1].text == "に" and toks[k + 2].text in ("も", "かかわらず", "関わらず"))
                or toks[k + 1].text in ("のに", "ので") or (toks[k + 1].text == "の" and toks[k + 2].text in ("に", "で"))):
            return True   # 「相談者が拒否しているにもかかわらず、…送信した」: her clause, not his
        if t.text in ("と", "って") and k > lo and toks[k - 1].pos in ("VERB", "AUX", "ADJ") and t.tag.startswith("助詞-格助詞"):
            return True   # 「ＬがＫ子に未練を持っていると聞いて」: the subject of what was heard or thought
        if t.pos in ("VERB", "AUX") and t.norm in _STATIVE and k + 1 < hi and toks[k + 1].text in ("て", "で") and \
                not (k + 2 < hi and toks[k + 2].norm in C.TE_AUX):
            return True   # 「女性が部屋にいて、…」: a state; an action chain (「蹴って怒鳴った」) keeps its subject
        if not inner and t.pos in ("VERB", "AUX") and "連用形" in t.infl and k + 1 < hi and toks[k + 1].text in ("、", "，") \
                and (t.norm not in _STATIVE or toks[k - 1].text in ("て", "で")):
            chained = True
    return False


def _topic_after_paren(toks, k, hi) -> bool:
    depth = 0
    while k < hi:
        if toks[k].text == "（":
            depth += 1
        elif toks[k].text == "）":
            depth -= 1
            if depth == 0:
                return toks[k + 1].text if k + 1 < hi and toks[k + 1].text in ("は", "が") else None
        k += 1
    return None


_SENDING_ENDS = {"アカウント", "番号", "携帯", "携帯電話", "アドレス", "メールアドレス", "端末", "スマートフォン", "スマホ"}


def find_actor(ctx: Ctx, i: int, sent) -> tuple[str, str | None]:
    toks, roles = ctx.toks, ctx.roles
    passive = C.passive_after(toks, i, sent.hi)
    # 〜訪ねてきた夫が: a relative clause whose head is the actor
    k = i + 1
    while k < min(sent.hi, i + 6) and toks[k].pos in ("AUX", "SCONJ", "VERB") and toks[k].norm in C.LIGHT | {"た", "て", "で", "ている", "居る", "来る"}:
        k += 1
    if not passive and k < sent.hi and roles[k] and k + 1 < sent.hi and toks[k + 1].text in ("が", "は"):
        return roles[k], "explicit"
    if not passive and "連体形" in toks[k - 1].infl and k + 2 < sent.hi and roles[k] and toks[k + 1].text == "の" \
            and toks[k + 2].text in ("姿", "様子", "影", "車", "顔"):
        return roles[k], "explicit"   # 「アパートの周りを歩き回るＧの姿を確認」: Ｇ walks, she sees
    subj = find_subject(toks, roles, sent, i, ctx.inside)
    if passive:
        # the victim (or her family) suffers it: the agent is the suspect unless named otherwise
        agent = None
        for m in range(i - 1, sent.lo - 1, -1):
            if ctx.inside[m] >= 0 and ctx.inside[m] != ctx.inside[i]:
                continue   # a name inside someone's words (「Ｃに会わせろ」) is not the agent
            if roles[m] and m + 1 < sent.hi and toks[m + 1].text in ("から", "に", "により") \
                    and not (m + 2 < sent.hi and toks[m + 2].norm in ("依る", "よる", "拠る")) and roles[m] != "victim":
                agent = roles[m]
                break
            if m + 1 < sent.hi and toks[m + 1].text == "から" and toks[m].norm in _SENDING_ENDS:
                # 「Ｂ３さんのインスタグラムのアカウントから…送られてきた」: the account's owner sends
                owner = next((roles[n] for n in range(m - 1, max(sent.lo, m - 7) - 1, -1)
                              if roles[n] and n + 1 < m and toks[n + 1].text in ("の", "さん", "氏")), None)
                if owner and owner != "victim":
                    agent = owner
                    break
        if agent and agent != subj:
            return agent, "explicit"
        if agent is None and subj is None and _thing_subject(toks, roles, sent, i):
            return "unknown", None   # 「玄関前に猫の死骸が置かれていた」: who put it there is not said
        if subj in (None, "victim", "close"):
            return "suspect", None
        return "suspect" if subj == "suspect" else "unknown", None
    if subj is None and toks[sent.lo].text == "また" and sent.lo > 0 and ctx.inside[i] < 0:
        # 「相談者は…電話をかけ…頼んだ。また５月２５日、相手方の実家を訪ねて」: また goes on with the topic before
        topic = _previous_topic(ctx, sent)
        if topic in ("victim", "close") and not any(toks[k].norm in ("来る", "くる") and toks[k - 1].text == "て"
                                                    for k in range(i + 1, min(sent.hi, i + 4))):
            return topic, None
    if subj is None:
        if _vehicle_subject(toks, roles, sent, i):
            return "unknown", "車両（運転者が特定されていない）"
        if _after_her_reaction(toks, sent, i):
            return "victim", None   # 「…と言われましたが、無視して部屋に入りました」: she ignored him and went in
        if ctx.inside[i] < 0 and _previous_subject(ctx, sent) == "other":
            # 「…路上でＤが待っており、…と言った。１９日には…ついて来た」: the third person's acts go on
            return "other", None
        return "suspect", None
    return subj, "explicit"


_HER_REACTIONS = {"無視", "逃げる", "断る", "拒否", "拒む", "振り切る", "振り払う", "逃げ込む", "避ける"}


def _after_her_reaction(toks, sent, i) -> bool:
    """The predicate is chained (〜て) to a reaction of hers right before it in the same clause, with no subject."""
    for k in range(i - 1, max(sent.lo, i - 6) - 1, -1):
        if toks[k].text in ("、", "。", "が", "は"):
            return False
        if toks[k].norm in _HER_REACTIONS and k + 1 < i and toks[k + 1].text in ("て", "で", "し"):
            return True
    return False


def _previous_topic(ctx: Ctx, sent) -> str | None:
    """The は-topic that opens the sentence before (its role), if any."""
    k = sent.lo - 1
    while k > 0 and ctx.toks[k].text in ("。", "\n"):
        k -= 1
    if k <= 0 or ctx.toks[k].text == "\n":
        return None
    prev = ctx.sents[ctx.sent_of[k]]
    for m in range(prev.lo, min(prev.hi - 1, prev.lo + 8)):
        if ctx.roles[m] and ctx.toks[m + 1].text == "は":
            return ctx.roles[m]
    return None


def _previous_subject(ctx: Ctx, sent) -> str | None:
    """The one person the sentence before, on the same line, names as a subject (が/は outside quotes)."""
    k = sent.lo - 1
    if k <= 0 or ctx.toks[k].text == "\n" or ctx.toks[k].text != "。":
        return None
    prev = ctx.sents[ctx.sent_of[k]]
    found = {ctx.roles[m] for m in range(prev.lo, prev.hi - 1)
             if ctx.roles[m] and ctx.inside[m] < 0 and ctx.toks[m + 1].text in ("が", "は")}
    return found.pop() if len(found) == 1 else None


_VEHICLES = ("車", "バイク", "オートバイ", "車両", "トラック", "ワゴン", "スクーター")


def _vehicle_subject(toks, roles, sent, i) -> bool:
    """「シルバーの軽自動車がずっと後ろをついて来た」: a vehicle is the subject and nothing says whose it is
    (「Ｋの車が」 is his)."""
    for k in range(i - 1, sent.lo, -1):
        t = toks[k]
        if t.text in ("は", "が") and toks[k - 1].pos == "NOUN":
            head = toks[k - 1].text
            if not head.endswith(_VEHICLES) or head in ("電車", "列車", "救急車", "パトカー"):
                return False
            return not any(roles[m] for m in range(max(sent.lo, k - 8), k - 1))
    return False


def _thing_subject(toks, roles, sent, i) -> bool:
    """A passive whose grammatical subject is a thing (「死骸が置かれていた」「手紙が入れられていた」), with
    no sender named anywhere before it in the sentence (「Ｂから…画像が送られてきた」)."""
    if any(toks[k].text in ("から", "より") and toks[k - 1].pos in ("NOUN", "PROPN") for k in range(sent.lo + 1, i)):
        return False
    for k in range(i - 1, sent.lo, -1):
        t = toks[k]
        if t.text in ("、", "。") and k < i - 1 and toks[k - 1].pos in ("VERB", "AUX"):
            return False
        if t.text == "が" and toks[k - 1].pos in ("NOUN", "PROPN") and not roles[k - 1] and toks[k - 1].text not in ("誰", "何者"):
            # 「Ｌ直筆の手紙が投函される」「Ｂの車が止まっていた」: whose thing it is says who
            return not any(roles[m] == "suspect" for m in range(max(sent.lo, k - 6), k - 1))
        if t.text in ("は", "が") and roles[k - 1]:
            return False
    return False
