"""Quotes and their roles: words said or sent to her (the content is the act), an admission, hearsay,
her own words."""
from __future__ import annotations

import re
from functools import lru_cache

from legalcheck import yaml_fast as yaml   # libyaml's parser: the same objects, a faster start

from legalcheck.nlp import clauses as C
from legalcheck.nlp import structure as S
from legalcheck.nlp.context import Ctx
from legalcheck.nlp.facts import Span
from legalcheck.nlp.lexicon import _FILE
from legalcheck.nlp.subjects import _progressive, find_subject
from legalcheck.text import scan   # the content rules: the same matches, faster

# Words that report an account of events (the content is narration from that person), and records
# that hold one (「…」との記載がある日記).
ACCOUNT_WORDS = {"通報", "申告", "相談", "証言", "訴え", "訴える", "説明", "語る", "届け出る", "届出"}
FEELING_WORDS = {"不安", "恐怖", "心配", "怖い", "恐れ", "怯える", "おびえる", "脅える", "嘆く"}
RECORD_NOUNS = {"記載", "記録", "日記", "メモ", "書き込み"}

POLICE = {"警察官", "警察", "署員", "捜査員", "警察署", "交番", "当署", "本署", "取調べ", "取り調べ", "事情聴取", "聴取", "臨場警察官"}


def _to_police(toks, lo: int, hi: int) -> bool:
    return any(toks[k].text in POLICE and k + 1 < hi and toks[k + 1].text in ("に", "で", "へ", "の")
               for k in range(lo, hi))


# Words that report a statement made to the police (「…」と供述。 without a verb too).
STATEMENT_NOUNS = {"供述", "弁解", "陳述", "証言", "申告", "申し立て", "申立", "自供", "弁明", "否認", "否定"}
# 「…」とのこと。「…」との話。: what someone told the police, reported by the writer
REPORTED_NOUNS = {"こと", "話"}
# 「…」と話す。: a statement in the record's present, to the police (「…」と話した may be words to her then)
_NOW_VERBS = ("話す", "述べる", "訴える", "申し立てる")

_WRITTEN = {"封書", "手紙", "書面", "はがき", "葉書", "便箋", "メール", "メッセージ", "ＬＩＮＥ", "LINE", "ＳＭＳ", "SMS", "ＤＭ", "DM", "投稿", "置き手紙", "メモ"}
_ASKED_HIM = {"問い質す", "問いただす", "問い詰める", "追及", "詰め寄る", "問う"}
QUOTE_CATEGORY = {"threat": "2-1-4", "demand": "2-1-3", "monitor_tell": "2-1-2", "sexual": "2-1-8", "honour": "2-1-7"}


_OWN_PAST = re.compile(r"(?:ていた|ていました|たかった|たかったです|つもりだった|つもりでした|ただけ(?:だ|です)?|と思った|と思っていた|"
                       r"気になった|気になっていた|心配だった|寂しかった)[。．]?$")


# 「手紙を書いたのは認めるが、渡してくれと頼んだことはない」: what he admits or denies is said to the police
_SAID_TO_POLICE = re.compile(r"(?:の|こと)は認め(?:る|ます)|(?:た|だ)ことは(?:ない|ありません)|(?:教え|頼ん|行っ|やっ)て(?:い|おり)?ません|"
                        r"(?:教え|頼ん|行っ|やっ)ていない")


_I = {"私", "わたし", "自分", "僕", "俺", "おれ", "ぼく"}
_WISH_LABEL = re.compile(r"(?:意思|意向|心情|希望|要望|気持ち|処罰感情|言い分)(?:について|は)?[：:][ 　]*$")


def _line_before(toks, lo: int) -> str:
    """The text of the line before token lo (from the line's start)."""
    parts = []
    k = lo - 1
    while k >= 0 and "\n" not in toks[k].text and len(parts) < 40:
        parts.append(toks[k].text)
        k -= 1
    return "".join(reversed(parts))


def _called_in(toks) -> bool:
    """A 110番 or report record (its first words name the call or the caller)."""
    return any(t.norm in ("通報", "通報者") or t.text.startswith("110") for t in toks[:40])


def _narrates(toks, q) -> bool:
    """Does the quote tell events (「電話が鳴り、出ても何も言わない」「待っていた」), not only feelings (「怖い」)?"""
    for k in range(q.lo + 1, q.hi - 1):
        if toks[k].pos == "VERB" and toks[k].norm not in FEELING_WORDS and toks[k].norm not in ("思う", "感じる", "眠れる"):
            return True
    return False


def _particle_after(toks, roles, sent, m: int, end: int) -> str:
    """The particle after the person named at m (past the rest of the name, 本人/自身 and a description in
    parentheses: 「Ｆ４（３７歳）に」「ｂｚ子（３０）から」)."""
    n = m
    while n + 1 < end and roles[n + 1] == roles[m] and toks[n + 1].text not in ("（", "("):
        n += 1
    if n + 1 < end and toks[n + 1].text in ("本人", "自身"):
        n += 1
    if n + 1 < end and toks[n + 1].text in ("（", "("):
        while n + 1 < end and toks[n + 1].text not in ("）", ")"):
            n += 1
        n += 1
    return toks[n + 1].text if n + 1 < min(end, sent.hi) else ""


def _agent_from(toks, roles, sent, end: int) -> str | None:
    """The role of the nearest person before `end` marked as a source (Ｘから / Ｘより, Ｘ本人からは)."""
    for m in range(end - 1, sent.lo - 1, -1):
        if roles[m]:
            while m > sent.lo and roles[m - 1] == roles[m]:
                m -= 1
            return roles[m] if _particle_after(toks, roles, sent, m, end) in ("から", "より") else None
    return None


def classify_quote(toks, q, roles, sent, lex, inside=None, role=S.NARRATED) -> str:
    """admission (the suspect's own account) | hearsay | victim (her words) | statement (a party's words
    to the police: never an act) | speech (said/sent to her)."""
    v = q.verb
    if v is None:
        # a quote standing alone in a statement to the police is that statement (「やり直したかった」)
        if role == S.SUSPECT_STATEMENT:
            return "admission", "suspect"
        # a chat log or record line: 「23:41 Ｄ「…」」「Ｋ子「以前より怖い」」: the name right before speaks
        k = q.lo - 1
        if k > sent.lo and toks[k].text in ("）", ")"):
            while k > sent.lo and toks[k].text not in ("（", "("):
                k -= 1   # 「通報者Ｔ（３０歳女性）「…」」: the name before its description
            k -= 1
        if k - 1 >= sent.lo and toks[k].text in ("：", ":") and roles[k - 1] and toks[k - 1].end == toks[k].start:
            k -= 1   # 「・ｖｘ：「…」」: the name before the colon speaks
        # an account word before the speaker's name (「通報者Ｔ（…）「…」」, 「22:15 通報 Ａ「…」」); the name itself
        # (「21:15 相談者：…」 in a chat log) is only who speaks
        a = k
        while a > sent.lo and roles[a] and roles[a - 1] == roles[a]:
            a -= 1   # the first token of the name (「Ｋ１」 is two)
        if a - 2 >= sent.lo and roles[a] and toks[a - 1].text in ("→", "⇒") and roles[a - 2]:
            # 「・３月１日　相談者→ｂｘ「…」」: a log line from the one before the arrow to the one after it
            return ("victim", "victim") if roles[a - 2] in ("victim", "close") else ("speech", roles[a - 2])
        if k > sent.lo and toks[k].text in ("聴取", "供述", "弁解", "陳述") and roles[k - 1]:
            # 「22:58　Ｃ聴取「９時半からここにいた…」」: a party's words to the police
            return ("admission", "suspect") if roles[k - 1] == "suspect" else ("account", roles[k - 1])
        if _WISH_LABEL.search(_line_before(toks, q.lo)):
            return "victim", "victim"   # 「告訴の意思について：「まずは止めてほしい」」: her answer under the record's label
        header = _statement_header(toks, roles, q.lo)
        if header is not None:
            # 「αの供述要旨：「…」」「参考人β（…）の供述要旨（…）\n「…」」: the words of the one whose statement it is
            return {"suspect": ("admission", "suspect"), "other": ("hearsay", "other")}.get(header, ("account", header))
        reported = any(toks[m].norm in ACCOUNT_WORDS or toks[m].norm[:-1] in ACCOUNT_WORDS
                       for m in range(sent.lo, q.lo) if not (m == k and roles[k]))
        if k >= sent.lo and roles[k] and not (reported and roles[k] != "suspect"):
            if roles[k] == "suspect":
                # 「Ｍｍ「よりを戻すきっかけを探していた」」: his own past told to the police, not words to her
                content = "".join(t.text for t in toks[q.lo + 1:q.hi])
                return ("admission", "suspect") if _OWN_PAST.search(content) or _SAID_TO_POLICE.search(content) \
                    else ("speech", "suspect")
            if roles[k] in ("victim", "close") and _called_in(toks) and _narrates(toks, q):
                return "account", roles[k]   # 「②同月１５日　同人「また無言電話。出ると…切れる」」: the caller's account
            return "victim", "victim"
        # 「22:15　通報　Ａ「元彼が家に来た」」「内容　「…」」: the caller's account of what happened
        if reported or (
                toks[sent.lo].text in ("内容", "要旨") and any(t.norm in ("通報", "通報者") for t in toks[max(0, sent.lo - 40):sent.lo])):
            reporter = next((roles[k] for k in range(q.lo - 1, sent.lo - 1, -1) if roles[k]), None)
            if reporter == "suspect":
                return "admission", reporter
            return ("hearsay", reporter) if reporter == "other" else ("account", reporter or "victim")
        # 「22:41　「元夫が家の前にいる」」: a bare quote on a time line of a 110番 record is the caller's account
        if q.lo - sent.lo <= 3 and all(toks[m].pos in ("NUM", "SYM") or toks[m].text in (":", "：")
                                       for m in range(sent.lo, q.lo)) and q.lo > sent.lo \
                and any(t.norm in ("通報", "通報者") or t.text.startswith("110") for t in toks[:40]):
            return "account", "victim"
        # 「相談者来署。「息子が怖い…」」: a bare quote after a record line naming her is her words
        if q.lo == sent.lo:
            k = _line_first(toks, sent.lo - 1)   # the line's start: its first person is who speaks
            first = next((roles[m] for m in range(max(k, 0), sent.lo) if roles[m]), None)
            # 「・１１／２１　相談者方郵便受けに封書。「もう一度会ってほしい」」: the quote is what the letter said
            written = any(toks[m].norm in _WRITTEN for m in range(max(k, 0), sent.lo))
            if first in ("victim", "close") and not written:
                # 「…受理。通報者ｉ子。\n「別れた彼が…ずっとこっちを見ている。…怖い」」: what a caller tells of his acts
                # is her account of them (elsewhere a bare quote after her line retells what is told already)
                return ("account", first) if _called_in(toks) and _narrates(toks, q) else ("victim", "victim")
        return ("statement", None) if role in (S.STATEMENT, S.OPINION, S.PLAN, S.BACKGROUND) else ("speech", None)
    speaker = find_subject(toks, roles, sent, q.lo, inside)
    passive = C.passive_after(toks, q.verb_i, sent.hi)
    if speaker is None and not passive and v.norm in ("言う", "話す", "伝える") and v.text not in ("いう", "言う") \
            and role != S.SUSPECT_STATEMENT \
            and toks[_line_first(toks, sent.lo)].text in ("答", "Ａ", "A"):
        return "victim", "victim"   # 「答　…「また話そうね」と言ったかもしれません」: what the one answering said
    if _to_police(toks, sent.lo, q.lo):
        # 「臨場警察官に「会いたいだけだ」と述べた」: words to the police, not to her
        if speaker in (None, "suspect") and not passive:
            return "admission", "suspect"
        return ("account", speaker) if speaker in ("victim", "close") else ("statement", speaker)
    if v.norm in ("認める", "自供", "自白") and speaker in (None, "suspect") and not passive:
        return "admission", "suspect"   # 「…こっそり入れた」と認めた: only the suspect admits
    written = any(toks[k].norm in RECORD_NOUNS for k in range(q.hi + 1, q.verb_i))
    if speaker in ("victim", "close", None) and (v.norm in FEELING_WORDS or any(
            toks[k].norm in FEELING_WORDS for k in range(q.hi + 1, q.verb_i))):
        return "victim", "victim"   # 「ずっと監視されていた」と不安を訴えている: what she feels, not an account
    if written or v.norm in ACCOUNT_WORDS or v.norm in STATEMENT_NOUNS or v.norm in REPORTED_NOUNS or (
            v.norm in _NOW_VERBS and (_progressive(toks, q.verb_i, sent.hi) or _present(toks, q.verb_i, sent.hi))):
        # 「…」と供述した / と話している: words to the police now, not to her then
        if speaker is None:
            speaker = "suspect" if role == S.SUSPECT_STATEMENT else _line_subject(toks, roles, sent)
        if speaker == "suspect":
            return "admission", speaker
        if speaker in ("victim", "close"):
            return "account", speaker   # her account to the police (「Ｂが家の前に立っていた」と話している)
        if speaker == "other":
            return "hearsay", speaker
        if speaker is None:
            return "statement", None
    if v.norm in lex.hearsay_verbs:
        return "hearsay", speaker
    if speaker is None and v.norm in ("返信", "返す", "答える", "返事", "応じる", "断る") and not passive \
            and not any(toks[m].text.endswith(("アカウント", "アカ")) and toks[m + 1].text in ("が", "は", "から")
                        for m in range(sent.lo, q.lo)):   # 「匿名アカウントが…「…」と返信している」: not hers
        return "victim", "victim"   # 「Ｉから…メールがあり、「連絡はやめてください」と返信した」: her reply
    if (passive or speaker == "suspect" or (speaker is None and any(
            roles[m] == "suspect" and _particle_after(toks, roles, sent, m, q.lo) == "に" for m in range(sent.lo, q.lo)))) and any(
            toks[m].norm in _ASKED_HIM for m in range(sent.lo, q.lo)):
        # 「××に問いただすと、「…スマホに入れた。毎日見ていた」と言われました」: his answer to her question admits acts
        return "admission", "suspect"
    if passive and speaker is None and any(roles[m] == "suspect" and toks[m].text in _I for m in range(sent.lo, q.lo)):
        return "victim", "victim"   # his statement 「私は…「連絡しないでほしい」と言われた」: her words to him
    if v.norm in lex.admission_verbs and C.passive_after(toks, q.verb_i, sent.hi):
        if _agent_from(toks, roles, sent, q.lo) in ("victim", "close"):
            return "victim", "victim"   # 「被疑者Ｂは、被害者Ａから「もう連絡しないで」と言われていた」: her words to him
        return "speech", "suspect"
    told_then = v.norm in ("話す", "述べる", "言う") and not _progressive(toks, q.verb_i, sent.hi)
    if (v.norm in lex.admission_verbs or v.norm in ("話す", "訴える", "述べる", "言う")) and not told_then:
        if speaker == "suspect" and v.norm in lex.admission_verbs:
            return "admission", speaker
        if speaker == "other":
            return "hearsay", speaker
    if passive and speaker == "suspect" and _agent_from(toks, roles, sent, q.lo) == "suspect":
        return "speech", "suspect"   # 「乙川からは…「俺は諦めてない」と送られてきた」: he sends, she receives
    if (speaker in ("victim", "close") and not passive) or (speaker == "suspect" and passive):
        return "victim", "victim"   # her words (「もう連絡しないで」と伝えた / 被疑者は「…」と拒まれていた)
    if speaker == "other" and not passive:
        return "hearsay", speaker   # 「同僚が「…行き来していた」と相談者に話した」: someone else's account told to her
    if speaker is None and not passive and lex.refusal_contact is not None and \
            lex.refusal_contact.search("".join(t.fold for t in toks[q.lo + 1:q.hi])):
        return "victim", "victim"   # 「ＬＩＮＥで「もう連絡しないでください」と送った」: no subject, and a refusal is hers
    if passive:
        for m in range(q.lo - 1, sent.lo - 1, -1):
            if roles[m] in ("victim", "close", "other") and m + 1 < sent.hi and toks[m + 1].text == "から":
                if speaker != "suspect" and roles[m] in ("close", "other"):
                    return "hearsay", roles[m]   # 「ｘ子の同僚から「…」と伝えられた」: someone's account told to her
                return "victim", "victim"
    return "speech", ("suspect" if passive else speaker)


_STATEMENT_HEADS = {"供述", "弁解", "陳述", "聴取", "供述要旨", "申述"}


def _present(toks, i: int, hi: int) -> bool:
    """「…」と話す。: the verb in its plain non-past form closing the sentence."""
    return toks[i].infl.endswith("終止形-一般") and (i + 1 >= hi or toks[i + 1].text in C.SENT_END or toks[i + 1].text == "\n")


def _statement_header(toks, roles, qlo: int) -> str | None:
    """The party whose statement a bare quote is, from a header on its line or the line just before it
    (「Ｘの供述要旨：」「参考人Ｙ（…）の供述要旨」)."""
    k = qlo - 1
    newlines = 0
    while k >= 0 and qlo - k <= 30:
        t = toks[k]
        if t.text == "\n":
            newlines += 1
            if newlines > 1 or k + 1 != _line_first(toks, qlo):
                return None   # only the quote's own line, or the line before a quote that starts its line
        elif t.norm in _STATEMENT_HEADS or t.text in _STATEMENT_HEADS or (
                t.text == "話" and k > 0 and toks[k - 1].text == "の"):   # 「被害者ｅｅ（２２歳）の話（そのまま記載）」
            depth = 0   # 「参考人β（αの友人）の供述要旨」: the name before the description, not one inside it
            for m in range(k - 1, max(-1, k - 24), -1):
                if toks[m].text == "\n":
                    break
                if toks[m].text in ("）", ")"):
                    depth += 1
                elif toks[m].text in ("（", "(") and depth:
                    depth -= 1
                elif roles[m] and not depth:
                    return roles[m]
                elif not depth and toks[m].text in ("参考人", "目撃者", "証人", "知人", "友人", "同僚", "隣人"):
                    return "other"
            return None
        elif t.text in ("「", "」"):
            return None
        k -= 1
    return None


def _line_first(toks, i: int) -> int:
    k = i
    while k > 0 and toks[k - 1].text != "\n":
        k -= 1
    return k


def _line_subject(toks, roles, sent) -> str | None:
    """「・１／１２　Ｖ任意出頭。「…付けた」と供述。」: a record line names who speaks in its first sentence."""
    k = _line_first(toks, sent.lo - 1)
    for m in range(max(k, 0), sent.lo):
        if roles[m]:
            # note style only: the name and a noun of what the person did (「Ｖ任意出頭」「Ｃ来署」), not a sentence
            # whose topic the quote's clause may have left (「相談者は…。女性には「…」と話している」)
            return roles[m] if m + 1 < sent.lo and toks[m + 1].pos == "NOUN" else None
    return None


@lru_cache(maxsize=1)
def _content_rules() -> tuple[tuple[tuple[str, re.Pattern], ...], frozenset]:
    raw = yaml.safe_load(_FILE.read_text(encoding="utf-8"))["quote_content"]
    kinds = tuple((kind, scan.compile("|".join(raw[kind]))) for kind in ("threat", "demand", "monitor_tell", "sexual", "honour"))
    return kinds, frozenset(raw["imperative_threats"])


_GREETING = re.compile(r"(寒く|暑く|涼しく|暖かく|温かく|秋らしく|春らしく)なり(まし)?たね|お元気ですか|ご無沙汰しています")


_PRAISE = re.compile(r"(よ|良|楽し|嬉し|うれし|すご|凄|可愛|かわい|面白|おもしろ|美味し|おいし)かった(よ)?ね")


def _imperative_yo(t) -> bool:
    """「理由を言えよ」: Sudachi reads an imperative with よ as one 意志推量形 word (言えよ → 言える); a 意志推量形
    ending in よ, not よう, is the imperative."""
    return "意志推量形" in t.infl and t.text.endswith("よ") and not t.text.endswith(("よう", "ろよ"))


def quote_content_kinds(ctx: Ctx, q) -> list:
    """What a saying is, by its words: a threat (4号), a demand (3号), showing he watches (2号), …"""
    found = ctx.content_kinds.get((q.lo, q.hi))   # asked for the same quote by several stages: read once
    if found is None:
        found = ctx.content_kinds[(q.lo, q.hi)] = _content_kinds(ctx, q)
    return list(found)


def _content_kinds(ctx: Ctx, q) -> list:
    content = "".join(t.fold for t in ctx.toks[q.lo + 1:q.hi])
    kinds, threat_verbs = _content_rules()
    found = [kind for kind, rx in kinds if rx.search(content)]
    if "monitor_tell" in found and _GREETING.search(content) and not _GREETING.sub("", content).strip("。、！!？? 　"):
        found.remove("monitor_tell")   # 「寒くなりましたね」: a seasonal greeting says nothing of her movements
    if "monitor_tell" in found and _PRAISE.search(content) and not dict(kinds)["monitor_tell"].search(_PRAISE.sub("", content)):
        found.remove("monitor_tell")   # 「今日の発表よかったね」: an opinion of what he saw in common, not her movements
    if "demand" not in found and any(
            t.pos == "VERB" and ("命令形" in t.infl or _imperative_yo(t)) and t.norm not in threat_verbs
            for t in ctx.toks[q.lo + 1:q.hi]):
        found.insert(1 if "threat" in found else 0, "demand")   # 「Ａと別れろ」「出てこい」
    return found


def quote_list(ctx: Ctx, qi: int) -> list:
    """The quotes standing next to each other with quote qi (「A」「B」「C」)."""
    qs = ctx.qs
    lo = hi = qi
    while lo > 0 and qs[lo - 1].hi + 1 == qs[lo].lo:
        lo -= 1
    while hi + 1 < len(qs) and qs[hi].hi + 1 == qs[hi + 1].lo:
        hi += 1
    return qs[lo:hi + 1]


def suspect_speech(ctx: Ctx, sp: Span) -> bool:
    """「無視するな」: words the suspect says are not her refusal."""
    k = ctx.tok_at[sp.start]
    if k is None or ctx.inside[k] < 0:
        return False
    q = ctx.inside[k]
    return ctx.quote_kind[q] == "admission" or ctx.quote_speaker[q] == "suspect"


def victim_statement(ctx: Ctx, sp: Span) -> bool:
    k = ctx.tok_at[sp.start]
    if k is None:
        return False
    q = ctx.inside[k]
    return q >= 0 and ctx.quote_kind[q] == "victim"
