"""Narrative → typed facts. Only what the text says, who did it and how sure it is; the legal
judgement happens in legalcheck.law over these facts."""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from legalcheck.nlp import clauses as C
from legalcheck.nlp.facts import ActFact, Cue, DateRange, Facts, MeasureFact, Span
from legalcheck.nlp.lexicon import lexicon
from legalcheck.nlp.parties import cast, token_roles
from legalcheck.nlp.pipeline import Tok, tokenize
from legalcheck.text.dates import find_dates, find_periods
from legalcheck.text.normalize import normalize
from legalcheck.text.numbers import find_counts

# Quote contents that are speech acts in themselves when the suspect says or sends them.
_Q_THREAT = re.compile(r"覚悟しとけ|覚悟しろ|分かってるからな|わかってるからな|逃げられると思うな|殺す|殺してやる|ぶっ殺|許さない|許さねえ|ふざけるな|コノヤロ|この野郎|てめえ|バカヤロ|馬鹿野郎|見つけ出す|ただじゃ|覚えてろ|覚えておけ|死ね|ぶっ")
_Q_DEMAND = re.compile(r"聞いて|話だけ|返事を|返事をもら|帰さない|帰らない|考えて|考え直して|もう一度|会ってほしい|会ってくれ|付き合|よりを|連絡して|連絡をくれ|返事をくれ|教えて|話がしたい|話をしたい|話そう|会いたい|会って|会おう|やり直|戻って|時間をくれ|開けて|話を聞いて|来てくれ|来ないと|付き合って|出てこい|出て来い|返信しろ|返事しろ|メールを返せ|電話に出ろ|一度だけ|少しだけ|話を|義務がある|帰らない|結婚して|食事")
_Q_MONITOR = re.compile(r"たね|たんだね|てたね|てるね|遅いね|早いね|誰と会って|どこに行って|行ってたね|いたね|いたでしょ|いたよね|いたね|いたな|だったね|だったよね|似合って|着てた|着ていた|おかえり|お帰り|お疲れさま|お疲れ様|見てたよ|見ていたよ|知ってるよ|知っている|帰ってきた|帰ってきたね|してたね|してたでしょ|会っていた|会ってた|どこにいる|残業")
_Q_SEXUAL = re.compile(r"入浴|裸|下着|性行為|エッチ|セックス|卑猥|わいせつ|猥褻")
_Q_HONOUR = re.compile(r"不倫|浮気|男遊び|女遊び|前科|犯罪者|借金を|嘘つき|淫乱|だらし|ばらす|バラす|暴露|言いふらす|明かす|拡散|知らせる|広める|晒す|さらす")
_DEFAMATORY = re.compile(r"中傷|誹謗|悪口|実名|虚偽|事実無根|でたらめ|嘘|だらし|犯罪者|前科|不倫|浮気")
_ACTOR_DOUBT = re.compile(r"(のは|犯人は|差出人は|送り主は)[^。]{0,40}(とみられる|と見られる|と思われる|らしい|可能性)|"
                          r"(人物|差出人|送り主|犯人)[^。]{0,25}(かどうか|特定されていない|特定できていない|不明)|差出人のない|差出人不明")
_DENIED_AFTER = re.compile(r"[^。]{0,30}?(ことは|ことも|事実は|様子は|ことが)(一度も|一切|全く|特に)?(ない|なく|なかった|無い|ありません)")
_HOME_PARTS = {"玄関", "ドア", "門扉", "敷地", "郵便受け", "庭", "ベランダ", "玄関先"}
_QUESTION_LINE = re.compile(r"\s*(（問）|\(問\)|問[：:]|Ｑ[：:．.]|Q[：:．.]|【問】)")
_ACTOR_FOUND = re.compile(r"ことが判明|と判明|ことを認め|と認め|自供|特定した|特定された|犯行を認め")
_SMARTPHONE = re.compile(r"iPhone|アイフォン|スマートフォン|スマホ|携帯電話|アプリ|Apple ?ID|アカウント|ログイン|Google|グーグル")
_DEVICE_GENERIC = {"機器", "装置", "端末", "それ", "同機", "これ", "発信器", "タグ", "機械"}
_READ_PLACE_PARTICLES = {"で", "において", "から", "にて"}


def read_facts(narrative: str, incident_date: date | None = None) -> Facts:
    text = narrative
    toks = tokenize(text)
    norm = normalize(text)
    folded = norm.text
    lex = lexicon()
    sents = C.sentences(toks)
    qs, inside = C.quotes(toks)
    c = cast(text)
    roles = token_roles(toks, text, c)
    facts = Facts(narrative=text, parties=list(c.parties), victim_sex=c.victim_sex)

    dates = find_dates(text, incident_date)
    periods = find_periods(text, dates)
    counts = find_counts(text)
    facts.dates = [DateRange(d.earliest, d.latest, d.text) for d in dates]

    def hits(regex):
        """Regex hits over the folded text, as spans of the caller's text."""
        if regex is None:
            return []
        out = []
        for m in regex.finditer(folded):
            s, e = norm.span(m.start(), m.end())
            out.append(Span(s, e, text[s:e]))
        return out

    tok_at = _char_to_tok(toks, len(text))
    sent_of = [0] * len(toks)
    for s in sents:
        for k in range(s.lo, s.hi):
            sent_of[k] = s.index

    quote_kind, quote_speaker = [], []
    for q in qs:
        kind, speaker = _quote_kind(toks, q, roles, sents[sent_of[q.lo]], lex, inside)
        quote_kind.append(kind)
        quote_speaker.append(speaker)
    device_mentions = _device_mentions(toks, hits, lex, tok_at)
    ctx = _Ctx(text, toks, sents, inside, qs, quote_kind, roles, dates, periods, counts, device_mentions,
               tok_at, sent_of, incident_date)
    ctx.extra_counts = _extra_counts(text, norm)
    ctx.folded, ctx.consent = folded, False   # consent is read once, when a location act needs it
    starts = {st for st, _ in device_mentions}
    ctx.devices_text = {t.text for t in toks if t.start in starts} | {"機器", "装置", "発信機", "タグ"}
    ctx.quote_speaker = quote_speaker
    ctx.in_paren = _paren_depths(toks)
    ctx.question = [bool(_QUESTION_LINE.match(text[_line_start(text, toks[s.lo].start):toks[s.hi - 1].end])) for s in sents]
    ctx.heading = [bool(re.search(r"(事案|事件|の件)[。]?\s*$|^\s*【[^】]*】\s*$", text[toks[s.lo].start:toks[s.hi - 1].end]))
                   for s in sents]
    ctx.dates = [d for d in dates if not _attributive_date(ctx, d)]
    _index(ctx)

    # 1. Act triggers on tokens (and phrase triggers on the folded text).
    by_norm: dict[str, list] = {}
    for trig in lex.triggers:
        for n in trig.norms:
            by_norm.setdefault(n, []).append(trig)
    candidates: list[tuple[int, object]] = []
    for t in toks:
        for trig in by_norm.get(t.norm, []) + by_norm.get(t.fold, []):
            candidates.append((t.i, trig))
    for trig in lex.triggers:
        for sp in hits(trig.phrases):
            k = tok_at[sp.start]
            if k is not None:
                candidates.append((k, trig))
    seen = set()
    for i, trig in sorted(candidates, key=lambda x: x[0]):
        if (i, trig.category, trig.subtype) in seen:
            continue
        act = _act_from_trigger(ctx, i, trig)
        if act is not None:
            seen.add((i, trig.category, trig.subtype))
            facts.acts.append(act)

    # 2. Communications (2-1-5) and what they say (2-1-2/3/4/7/8 by content).
    facts.acts.extend(_communications(ctx, lex, hits))
    facts.acts.extend(_quote_acts(ctx))

    # 3. Cues over the whole text.
    facts.motives = [m for m in _motives(lex, hits, text)
                     if m.kind in ("romance", "no_romance") or not _in_quote(ctx, m.evidence)]
    # 「怖くはない」「不安はない」 deny the fear; 「眠れない」 is the fear itself
    facts.fears = [Cue("fear", sp.text, _to_word_end(text, sp)) for sp in hits(lex.fear)
                   if not re.match(r"[^。、]{0,4}?(はない|はなかった|くない|くなかった|ていない|ことはない|は感じていない)",
                                   text[sp.end:sp.end + 12])]
    facts.refusals = []
    for kind, rx in (("refusal_contact", lex.refusal_contact), ("refusal_general", lex.refusal_general)):
        for sp in hits(rx):
            if _suspect_speech(ctx, sp):
                continue
            if _refusal_denied(ctx, sp) or _answered_no(ctx, sp):
                facts.refusals.append(Cue("no_refusal", sp.text, sp, negated=True))
            else:
                facts.refusals.append(Cue(kind, sp.text, sp))
    for rid, rx in lex.related.items():
        for sp in hits(rx):
            if _victim_statement(ctx, sp):
                continue
            facts.related.append(Cue(rid, sp.text, sp, negated=_negated_span(ctx, sp)))
    facts.measures = _measures(ctx, lex, hits)
    facts.earlier_conduct = [Cue("earlier", sp.text, sp) for sp in hits(lex.earlier_conduct)]
    facts.order_expired = [Cue("order_expired", sp.text, sp) for sp in hits(lex.order_expired)]
    if _ACTOR_DOUBT.search(folded) and not _ACTOR_FOUND.search(folded):
        for a in facts.acts:
            if a.actor == "suspect" and not a.admitted and not a.actor_explicit and not a.hedged:
                a.hedged, a.hedge_text = True, "行為者の特定が未了"
    _mark_background(ctx, facts)
    _number_occasions(facts)
    return facts


class _Ctx:
    def __init__(self, text, toks, sents, inside, qs, quote_kind, roles, dates, periods, counts, devices,
                 tok_at, sent_of, incident_date):
        self.text, self.toks, self.sents, self.inside, self.qs = text, toks, sents, inside, qs
        self.quote_kind, self.roles, self.dates, self.periods, self.counts = quote_kind, roles, dates, periods, counts
        self.devices, self.tok_at, self.sent_of, self.incident_date = devices, tok_at, sent_of, incident_date

    def span(self, lo: int, hi: int) -> Span:
        """Tokens lo..hi-1 as a span of the caller's text."""
        s, e = self.toks[lo].start, self.toks[max(lo, hi - 1)].end
        return Span(s, e, self.text[s:e])


class _ByStart:
    """Items in text order, looked up by a character range by bisection: the per-act look-ups of
    dates, counts and devices cost O(log n) instead of a scan of the whole narrative."""

    def __init__(self, items, start=lambda x: x.start):
        self.items = list(items)
        self.starts = [start(x) for x in self.items]
        self.ordered = all(a <= b for a, b in zip(self.starts, self.starts[1:]))

    def between(self, lo: int, hi: int) -> list:
        """Items with lo <= start < hi, in order."""
        if not self.ordered:
            return [x for x, st in zip(self.items, self.starts) if lo <= st < hi]
        return self.items[bisect.bisect_left(self.starts, lo):bisect.bisect_left(self.starts, hi)]

    def last_before(self, hi: int):
        """The last item with start < hi, or None."""
        if not self.ordered:
            found = [x for x, st in zip(self.items, self.starts) if st < hi]
            return found[-1] if found else None
        j = bisect.bisect_left(self.starts, hi)
        return self.items[j - 1] if j > 0 else None


def _index(ctx) -> None:
    """Look-up structures built once per narrative (each used once per act)."""
    ctx.date_ix = _ByStart(ctx.dates)
    ctx.count_ix = _ByStart(ctx.counts)
    ctx.extra_ix = _ByStart(ctx.extra_counts)
    ctx.device_ix = _ByStart(ctx.devices, start=lambda x: x[0])
    # 「5月12日、19日、26日」: the list each date stands in, found in one pass
    ctx.date_pos = {id(d): k for k, d in enumerate(ctx.dates)}
    ctx.date_group = []
    lo = 0
    for k in range(len(ctx.dates)):
        if k > 0 and not _LIST_GAP.match(ctx.text[ctx.dates[k - 1].end:ctx.dates[k].start]):
            lo = k
        ctx.date_group.append(lo)
    ctx.date_group_end = [0] * len(ctx.dates)
    hi = len(ctx.dates) - 1
    for k in range(len(ctx.dates) - 1, -1, -1):
        if k < len(ctx.dates) - 1 and ctx.date_group[k + 1] != ctx.date_group[k]:
            hi = k
        ctx.date_group_end[k] = hi
    ctx.max_latest = max((x.latest for x in ctx.dates), default=None)
    # periods: the first (in order) that contains a position is found through the running maximum of ends
    ctx.period_ix = _ByStart(ctx.periods, start=lambda p: p.start_offset)
    ctx.period_maxend, m = [], -1
    for p in ctx.periods:
        m = max(m, p.end_offset)
        ctx.period_maxend.append(m)


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _paren_depths(toks: list[Tok]) -> list[bool]:
    out, depth = [], 0
    for t in toks:
        if t.text in ("（", "("):
            depth += 1
        elif t.text in ("）", ")"):
            depth = max(0, depth - 1)
        elif t.text == "\n":
            depth = 0
        out.append(depth > 0)
    return out


def _attributive_date(ctx, d) -> bool:
    """「同年９月に別れた元交際相手」: a date inside a clause that describes a noun is not the act's date."""
    k = ctx.tok_at[d.end] if d.end < len(ctx.text) else None
    toks = ctx.toks
    if k is None:
        return False
    m = k
    if toks[m].text in ("に", "から", "まで", "頃", "ごろ", "、"):
        if toks[m].text == "、":
            return False
        m += 1
    for n in range(m, min(len(toks), m + 6)):
        t = toks[n]
        if t.pos == "VERB" or (t.pos == "AUX" and t.norm == "た"):
            if "連体形" in t.infl and n + 1 < len(toks) and toks[n + 1].pos in ("NOUN", "PROPN") \
                    and toks[n + 1].text not in ("こと", "の", "際", "時", "ところ", "後", "頃", "日", "間"):
                return True
            if t.pos == "VERB" and "連体形" not in t.infl and not (n + 1 < len(toks) and toks[n + 1].norm == "た"):
                return False
        elif t.pos in ("PUNCT",):
            return False
    return False


def _char_to_tok(toks: list[Tok], n: int) -> list[int | None]:
    out: list[int | None] = [None] * (n + 1)
    for t in toks:
        for k in range(t.start, t.end):
            out[k] = t.i
    return out


def _quote_kind(toks, q, roles, sent, lex, inside=None) -> str:
    """admission (the suspect's own account) | hearsay | victim (her words) | speech (said/sent to her)."""
    v = q.verb
    if v is None:
        return "speech", None
    speaker = _subject(toks, roles, sent, q.lo, inside)
    if v.norm in lex.hearsay_verbs:
        return "hearsay", speaker
    if v.norm in lex.admission_verbs and C.passive_after(toks, q.verb_i, sent.hi):
        return "speech", "suspect"
    told_then = v.norm in ("話す", "述べる", "言う") and not _progressive(toks, q.verb_i, sent.hi)
    if (v.norm in lex.admission_verbs or v.norm in ("話す", "訴える", "述べる", "言う")) and not told_then:
        if speaker == "suspect" and v.norm in lex.admission_verbs:
            return "admission", speaker
        if speaker == "other":
            return "hearsay", speaker
    passive = C.passive_after(toks, q.verb_i, sent.hi)
    if (speaker in ("victim", "close") and not passive) or (speaker == "suspect" and passive):
        return "victim", "victim"   # her words (「もう連絡しないで」と伝えた / 被疑者は「…」と拒まれていた)
    if passive:
        for m in range(q.lo - 1, sent.lo - 1, -1):
            if roles[m] in ("victim", "close") and m + 1 < sent.hi and toks[m + 1].text == "から":
                return "victim", "victim"
    return "speech", ("suspect" if passive else speaker)


def _progressive(toks, i: int, hi: int) -> bool:
    """「と話している」「と述べている」 (a statement now, to the police) vs 「と言った」 (said then, to her)."""
    k = i + 1
    while k < hi and toks[k].pos == "AUX" and toks[k].norm not in ("居る", "いる", "おる"):
        k += 1
    return k + 1 < hi and toks[k].text in ("て", "で") and toks[k + 1].norm in ("居る", "いる", "おる")


def _subject(toks, roles, sent, i, inside=None) -> str | None:
    """The person who does the predicate at token i: a から agent that governs it directly
    (「Ｃから「おかえり」と電話がかかってくる」), else the nearest は-topic, else the nearest が-subject
    that is not the subject of a clause describing a noun (「Ａが出入りする様子を」)."""
    k = i - 1
    agent = None
    # the quote the predicate stands in (the opening bracket itself asks for the quote's speaker, outside it)
    own = inside[i] if inside is not None and i < len(toks) and toks[i].text not in C.OPEN_Q else -1
    while k >= sent.lo:
        r = roles[k]
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
                if after == "は" or (after == "が" and not _embedded(toks, k + 2, i)):
                    return agent or r
            elif nxt == "が":
                if not _embedded(toks, k + 2, i):
                    return agent or r
            elif nxt in ("自身", "本人") and k + 2 < sent.hi and toks[k + 2].text in ("は", "が"):
                return agent or r
        k -= 1
    return agent


def _has_verb(toks, lo, hi) -> bool:
    return any(toks[k].pos == "VERB" and toks[k].text not in ("「", "」") for k in range(lo, hi)
               if not (toks[k].text in ("「", "」")))


def _embedded(toks, lo, hi) -> bool:
    """Is a が-subject at lo the subject of another clause before hi: one that describes a noun
    (「Ｖ子が毎日使う軽自動車」) or a subordinate 〜て clause (「女性が部屋にいて」)?"""
    for k in range(lo, hi):
        t = toks[k]
        if t.pos in ("VERB", "AUX", "ADJ") and "連体形" in t.infl and k + 1 < hi and (
                toks[k + 1].pos in ("NOUN", "PROPN") or toks[k + 1].text in (
                    "の", "こと", "ところ", "まで", "ため", "間", "うち", "前", "後", "とき", "時", "際", "ので", "のに")):
            return True   # 「Ｖ子が毎日使う軽自動車」「相談者が店を開けるのを待ち構え」
        if t.pos in ("VERB", "AUX") and k + 1 < hi and toks[k + 1].text in ("て", "で") and \
                not (k + 2 < hi and toks[k + 2].norm in C.TE_AUX):
            return True
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


def _actor(ctx: _Ctx, i: int, sent) -> tuple[str, str | None]:
    toks, roles = ctx.toks, ctx.roles
    passive = C.passive_after(toks, i, sent.hi)
    # 〜訪ねてきた夫が: a relative clause whose head is the actor
    k = i + 1
    while k < min(sent.hi, i + 6) and toks[k].pos in ("AUX", "SCONJ", "VERB") and toks[k].norm in C.LIGHT | {"た", "て", "で", "ている", "居る", "来る"}:
        k += 1
    if not passive and k < sent.hi and roles[k] and k + 1 < sent.hi and toks[k + 1].text in ("が", "は"):
        return roles[k], "explicit"
    subj = _subject(toks, roles, sent, i, ctx.inside)
    if passive:
        # the victim (or her family) suffers it: the agent is the suspect unless named otherwise
        agent = None
        for m in range(i - 1, sent.lo - 1, -1):
            if roles[m] and m + 1 < sent.hi and toks[m + 1].text in ("から", "に", "により") \
                    and not (m + 2 < sent.hi and toks[m + 2].norm in ("依る", "よる", "拠る")) and roles[m] != "victim":
                agent = roles[m]
                break
        if agent and agent != subj:
            return agent, "explicit"
        if subj in (None, "victim", "close"):
            return "suspect", None
        return "suspect" if subj == "suspect" else "unknown", None
    if subj is None:
        return "suspect", None
    return subj, "explicit"


def _clause_tokens(ctx, sent, i):
    lo = C.clause_start(ctx.toks, sent, i)
    hi = C.clause_end(ctx.toks, sent, i)
    return lo, hi


def _word_in(ctx, lo, hi, words) -> bool:
    """A word of `words` in tokens lo..hi-1: as a token (norm or surface) or inside one (「位置情報共有」)."""
    toks = ctx.toks
    if any(toks[k].norm in words or toks[k].text in words for k in range(lo, hi)):
        return True
    window = "".join(toks[k].text for k in range(lo, hi))
    return any(len(w) > 1 and w in window for w in words)


def _place(ctx: _Ctx, lo: int, hi: int, actor: str, i: int | None = None, sent=None):
    """The place of the act: the nearest place word before it in its clause, else after it, else the
    scene set earlier in the sentence (「駐車場において、…様子を確認した」); who it belongs to and
    whether the act was next to it."""
    i = hi if i is None else i
    q = ctx.inside[i] if i < len(ctx.toks) else -1
    found = _place_in(ctx, range(i - 1, lo - 1, -1), q) or _place_in(ctx, range(i + 1, hi), q)
    if found is None and sent is not None and lo > sent.lo and q < 0:
        found = _place_in(ctx, range(lo - 1, sent.lo - 1, -1))
    if found is None:
        return None
    k, kind = found
    lex = lexicon()
    toks = ctx.toks
    owner = None
    # possessor: 「Ｘの自宅」「Ｖ子宅」「女性方」「Ｎが住むアパート」
    for m in range(k - 1, max(sent.lo if sent else 0, k - 7) - 1, -1):
        if ctx.roles[m]:
            nxt = toks[m + 1].text if m + 1 < len(toks) else ""
            if m == k - 1 or nxt in ("の", "が住む", "（") or (nxt == "が" and m + 2 < k and toks[m + 2].pos == "VERB"):
                owner = ctx.roles[m]
            break
        if toks[m].text in ("自分", "自ら", "自身"):
            owner = actor
            break
        if toks[m].text in ("、", "。"):
            break
    near = any(toks[m].text in lex.near_words or toks[m].norm in lex.near_words
               for m in range(k + 1, min(len(toks), k + 4)))
    if toks[k].text in ("駐車場", "駐輪場", "玄関", "ドア", "敷地", "郵便受け", "通用口", "改札", "門扉", "自転車置き場"):
        near = True
    return kind, owner, ctx.span(k - 2 if owner and k >= 2 else k, k + 1), near


def _place_in(ctx: _Ctx, order, quote: int = -1):
    lex = lexicon()
    toks = ctx.toks
    for k in order:
        t = toks[k]
        if (ctx.inside[k] >= 0 and ctx.inside[k] != quote) or ctx.in_paren[k]:
            continue
        kind = lex.places.get(t.norm) or lex.places.get(t.text)
        if kind is None and t.text.endswith(("宅", "方")) and len(t.text) > 1 and t.pos == "NOUN":
            kind = "home"
        if kind is None:
            continue
        anchored = kind == "visited" and k >= 2 and toks[k - 1].text == "の" and toks[k - 2].text in ("向かい", "隣", "近く", "前", "そば", "付近")
        if (kind == "home" and t.text in _HOME_PARTS) or anchored:
            # 「ホテル正面玄関」「アパートの玄関」: the door belongs to the nearest place named before it
            for m in range(k - 1, max(-1, k - 24), -1):
                if toks[m].text in ("。", "\n"):
                    break
                owner_kind = lex.places.get(toks[m].norm) or lex.places.get(toks[m].text)
                if owner_kind and toks[m].text not in _HOME_PARTS:
                    kind = owner_kind
                    break
        before = {toks[m].norm for m in range(max(0, k - 2), k)}
        if before & {"勤務", "勤める", "働く"}:
            kind = "work"
        elif before & {"住む", "暮らす", "居住"}:
            kind = "home"
        elif before & {"通う", "通学"} and kind != "home":
            kind = "school" if kind == "school" else kind
        if t.text == "方" and (k == 0 or not (ctx.roles[k - 1] or toks[k - 1].text in lexicon().parties["close_words"])):
            continue  # 「方」 only as 「女性方」「親族方」
        if k + 2 < len(toks) and toks[k + 1].text == "の" and ctx.roles[k + 2]:
            continue  # 「会社の取引先の男性」: the place describes a person
        if t.text == "家" and k + 1 < len(toks) and toks[k + 1].text == "族":
            continue
        return k, kind
    return None


def _device_mentions(toks, hits, lex, tok_at):
    out = []
    for kind in ("tag", "app", "gps"):
        norms, rx = lex.devices[kind]
        for t in toks:
            if t.norm in norms or t.fold in norms:
                out.append((t.start, kind))
        for sp in hits(rx):
            out.append((sp.start, kind))
    # A tag mention wins over a GPS word at the same place (「紛失防止タグ」 is not GPS).
    out.sort()
    return out


def _device_for(ctx: _Ctx, lo_char: int, hi_char: int) -> str | None:
    """The device named in the clause, else the last one named before it in the narrative."""
    inside = [k for s, k in ctx.device_ix.between(lo_char, hi_char)]
    if inside:
        return "tag" if "tag" in inside else ("app" if "app" in inside else "gps")
    prev = ctx.device_ix.last_before(lo_char)
    if prev is not None:
        last = prev[0]
        kinds = {k for s, k in ctx.device_ix.between(last - 12, lo_char)}
        return "tag" if "tag" in kinds else ("app" if "app" in kinds else "gps")
    return None


def _date_for(ctx: _Ctx, sent, i: int) -> DateRange | None:
    """The act's date: the nearest date words before it in its sentence (a period, or a list such as
    「5月12日、19日、26日」), else the first in the sentence, else the last date told before it."""
    pos = ctx.toks[i].start
    s_lo, s_hi = ctx.toks[sent.lo].start, ctx.toks[sent.hi - 1].end
    in_sent = ctx.date_ix.between(s_lo, s_hi)
    before = [d for d in in_sent if d.start <= pos]
    if before:
        return _range_of(ctx, before[-1])
    if in_sent:
        return _range_of(ctx, in_sent[0])
    earlier = ctx.date_ix.last_before(s_lo)
    return _range_of(ctx, earlier) if earlier is not None else None


def _range_of(ctx: _Ctx, d) -> DateRange:
    for p in _period_at(ctx, d.start):
        if p.start_offset <= d.start < p.end_offset + 1:
            start = p.start.earliest if p.start else (p.end.earliest if p.end else d.earliest)
            end = p.end.latest if p.end else _open_end(ctx, p.start)
            return DateRange(start, max(start, end), p.text)
    group = _date_list(ctx, d)
    if len(group) > 1:
        return DateRange(min(x.earliest for x in group), max(x.latest for x in group), ctx.text[group[0].start:group[-1].end])
    return DateRange(d.earliest, d.latest, d.text)


def _period_at(ctx: _Ctx, pos: int) -> list:
    """The first period (in text order) that starts at or before pos and ends at or after it, as a
    list of at most one (all of them if periods are not in text order)."""
    ix = ctx.period_ix
    if not ix.ordered:
        return ix.items
    j = bisect.bisect_right(ix.starts, pos)          # periods[:j] start at or before pos
    k = bisect.bisect_left(ctx.period_maxend, pos)  # first period ending at or after pos
    return [ix.items[k]] if k < j else []


_LIST_GAP = re.compile(r"^(?:[、，,・とや\s]|及び|並びに|夜|朝|昼|夕方|晩|深夜|未明|午前|午後|頃|ごろ|各|の|\d{1,2}時(?:\d{1,2}分)?|\d{1,2}:\d{2})*$")


def _date_list(ctx: _Ctx, d) -> list:
    """「5月12日、19日、26日」「７月と８月」「8月19日・20日」: dates listed together with d."""
    idx = ctx.date_pos.get(id(d))
    if idx is None:
        idx = ctx.dates.index(d)
    return ctx.dates[ctx.date_group[idx]:ctx.date_group_end[idx] + 1]


def _open_end(ctx: _Ctx, start):
    """「同日以降」: until the last date the narrative tells, or the incident date."""
    if start is None:
        return None
    later = [ctx.max_latest] if ctx.max_latest is not None and ctx.max_latest >= start.earliest else []
    ends = later + ([ctx.incident_date] if ctx.incident_date else [])
    return max(ends) if ends else start.latest


def _count_for(ctx: _Ctx, sent, lo: int, hi: int, i: int) -> tuple[int, str | None]:
    s_lo, s_hi = ctx.toks[lo].start, ctx.toks[hi - 1].end
    best, txt = 1, None
    # only counts in the act's sentence are used below
    c_lo = min(s_lo, ctx.toks[sent.lo].start)
    all_counts = [cm for cm in ctx.count_ix.between(c_lo, s_hi) + ctx.extra_ix.between(c_lo, s_hi)
                  if not _attributive(ctx, cm.end, i)]
    pos = ctx.toks[i].start
    # the count nearest to the act in its clause (「ＬＩＮＥで五十回…送信したほか、無言電話を数十回かけた」)
    near = sorted(((abs(cm.start - pos), -cm.value, n), cm) for n, cm in enumerate(all_counts) if s_lo <= cm.start < s_hi)
    if near:
        best, txt = max(1, near[0][1].value), near[0][1].text
    else:
        # 「…4回にわたり、…路上に車を止め、…見張っていた」: an adverb of the sentence's earlier clause
        ss = ctx.toks[sent.lo].start
        earlier = [cm for cm in all_counts if ss <= cm.start < s_lo]
        if earlier:
            best, txt = max(1, earlier[-1].value), earlier[-1].text
    # 「5月12日、19日、26日の朝」「７月と８月に一回ずつ」: several dates listed for the act
    ss, se = ctx.toks[sent.lo].start, ctx.toks[i].start
    before = ctx.date_ix.between(ss, se)
    if before:
        group = _date_list(ctx, before[-1])
        if len(group) > best:
            best, txt = len(group), ctx.text[group[0].start:group[-1].end]
    return best, txt


def _vague(count_text: str | None) -> bool:
    """「何度も」「繰り返し」「数回」: no number of its own."""
    return count_text is not None and not re.search(r"\d|[一二三四五六七八九十百千]", count_text)


def _attributive(ctx: _Ctx, end_char: int, i: int) -> bool:
    """Is the count part of a clause that modifies a noun (「毎日使う軽自動車」「2回食事をした男性」)?"""
    k = ctx.tok_at[min(end_char, len(ctx.text) - 1)]
    toks = ctx.toks
    if k is None or toks[k].text in ("、", "，"):
        return False   # 「3回、通勤で使う駅から」: a comma makes the count adverbial
    for m in range(k, min(len(toks), k + 5)):
        t = toks[m]
        if m == i:
            return False
        if t.pos == "VERB" or (t.pos == "AUX" and t.norm == "た"):
            if "連体形" in t.infl and m + 1 < len(toks) and toks[m + 1].pos in ("NOUN", "PROPN") and m + 1 != i:
                return True
            if t.pos == "VERB" and "連体形" not in t.infl and not (m + 1 < len(toks) and toks[m + 1].norm == "た"):
                return False
    return False


_EXTRA_COUNTS = re.compile(r"(?:少なくとも|計|約|延べ)\s*(\d+)\s*(?:日|晩|夜)(?!間|目|後|前)|たくさん|沢山|大量に|多数|(?:合計|計|延べ)\s*(\d+)\s*(?:回|件|通|度|枚|本)|時々|ときどき|時折|何度か|数回|ようにな[りっるった]|その全て|毎回|その都度|そのたび|たびに|度に|執拗に|しつこく|再三")


@dataclass(frozen=True)
class _Count:
    start: int
    end: int
    text: str
    value: int


def _extra_counts(text: str, norm) -> list:
    out = []
    for m in _EXTRA_COUNTS.finditer(norm.text):
        s, e = norm.span(m.start(), m.end())
        num = m.group(1) or m.group(2)
        value = int(num) if num else 2
        out.append(_Count(s, e, text[s:e], value))
    return out


def _hedge(ctx: _Ctx, sent, i: int) -> str | None:
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
        if toks[k].tag.startswith("助詞-接続助詞") and toks[k].text in ("が", "けど", "けれど", "けれども"):
            hi = k
            break
    folded = "".join(t.fold for t in toks[lo:hi] if ctx.inside[t.i] < 0 or ctx.inside[t.i] == q)
    m = lex.hedges.search(folded) or lex.uncertain.search(folded)
    if m:
        return m.group(0)
    # 「…かどうかは捜査中」 may stand before the act words too
    whole = "".join(t.fold for t in toks[sent.lo:sent.hi] if ctx.inside[t.i] < 0)
    m = lex.uncertain.search(whole)
    if m and ("かどうか" in whole or "捜査中" in whole or "解析中" in whole):
        return m.group(0)
    return None


def _act_from_trigger(ctx: _Ctx, i: int, trig) -> ActFact | None:
    toks = ctx.toks
    sent = ctx.sents[ctx.sent_of[i]]
    q = ctx.inside[i]
    qkind = ctx.quote_kind[q] if q >= 0 else None
    if q >= 0 and qkind not in ("admission", "hearsay"):
        return None  # words inside someone's speech are not acts (their content is read in _quote_acts)
    if ctx.heading[sent.index] or ctx.question[sent.index]:
        return None  # 「元妻方への押しかけ事案。」: the case's title; 「（問）…来られたりしたことは。」: a question
    if ctx.in_paren[i]:
        return None  # an officer's parenthetical remark (「（防犯カメラでも確認）」)
    if i + 1 < len(toks) and toks[i + 1].text in ("等", "など", "行為") and any(
            toks[k].text in ("禁止", "禁ずる", "禁じる", "命令", "警告", "禁止命令", "禁止命令等") or toks[k].norm in ("禁ずる", "禁じる", "禁止")
            for k in range(i + 1, sent.hi)):
        return None  # 「つきまとい等を禁ずる禁止命令」: the order's words, not an act
    lo, hi = _clause_tokens(ctx, sent, i)
    if q >= 0:
        qq = ctx.qs[q]
        lo, hi = max(lo, qq.lo + 1), min(hi, qq.hi)
    t = toks[i]
    # noun triggers used as modifiers (「見張り役」) or words of a fear cue are not acts
    if trig.needs and not _needs_met(ctx, lo, i, trig.needs):
        return None
    place = _place(ctx, lo, hi, "suspect", i, sent)
    if (trig.place_needed or trig.home_needed) and place is not None and _place(ctx, lo, hi, "suspect", i) is None:
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
        if t.norm in ("来る", "行く") and _word_in(ctx, lo, i, {"付近", "近く", "周辺", "近所"}):
            return None
    device = None
    if trig.category.startswith("2-3"):
        device = _device_for(ctx, toks[lo].start, toks[hi - 1].end)
        near_lo = toks[ctx.sents[max(0, sent.index - 2)].lo].start
        if trig.device_needed and not (_word_in(ctx, lo, hi, _DEVICE_GENERIC) or qkind == "admission" or
                                       ctx.device_ix.between(near_lo, toks[hi - 1].end)):
            return None
        if trig.device_near:
            # 「GPSを入れたぬいぐるみを渡す」: a device found in the handed object later on
            ss, se = toks[sent.lo].start, toks[min(len(toks) - 1, ctx.sents[min(sent.index + 1, len(ctx.sents) - 1)].hi - 1)].end
            if not ctx.device_ix.between(ss, se + 1):
                return None
            device = _device_for(ctx, ss, se)
        if device is None:
            if trig.kind in ("attach", "handover"):
                return None
            # a phone's own location (「iPhoneの現在地」「スマホの位置情報」) read through an app or account
            near = ctx.text[toks[ctx.sents[max(0, sent.index - 1)].lo].start:toks[hi - 1].end]
            if _SMARTPHONE.search(near) and _word_in(ctx, lo, hi, {"位置", "位置情報", "現在地", "居場所", "所在"}):
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
    if any(toks[k].norm in ("様", "よう") and toks[k].text in ("よう", "様") for k in range(i + 1, min(sent.hi, i + 4))):
        return None  # 「位置が見られるように設定し」: what he made possible, not what he did
    if t.pos == "NOUN" and i + 1 < len(toks) and (toks[i + 1].text in ("時", "際", "当時", "時点") or
                                                 (toks[i + 1].text == "の" and i + 2 < len(toks) and toks[i + 2].text in ("際", "時", "当時"))):
        return None  # 「取付け時」「待ち伏せの際」: a reference to an act told elsewhere
    vi = _predicate(ctx, i, hi)
    actor, actor_text = _actor(ctx, vi, sent)
    if qkind == "admission":
        actor = "suspect"
    negated = C.chain_negated(toks, sent, vi, ctx.inside)
    hedge = _hedge(ctx, sent, vi)
    count, count_text = _count_for(ctx, sent, lo, hi, i)
    date_range = _date_for(ctx, sent, i)
    vague = _vague(count_text)
    clause = ctx.span(lo, hi)
    act = ActFact(kind=trig.kind, category=category, subtype=trig.subtype, evidence=_phrase(ctx, lo, i, vi),
                  clause=clause, actor=actor, actor_explicit=actor_text == "explicit" or qkind == "admission",
                  date=date_range, count=count,
                  count_text=count_text, count_vague=vague, negated=negated, hedged=hedge is not None, hedge_text=hedge,
                  admitted=qkind == "admission", sentence_index=sent.index, device=device)
    if place:
        act.place, act.place_owner, act.place_span, act.near = place
        if act.place_owner is None:
            act.place_owner = "suspect" if trig.kind == "gps_read" else "victim"
        if act.place == "visited":
            act.current_place = True
    # a place she was only passing through (旅行先のホテル, 買い物に立ち寄った店) rather than one she usually is at
    scene = ctx.text[toks[ctx.sents[max(0, sent.index - 1)].lo].start:toks[hi - 1].end]
    lex = lexicon()
    if act.place in ("visited", None, "parking") and lex.current_place_cues.search(scene) \
            and not lex.usual_place_cues.search(scene):
        act.current_place = True
    if trig.kind == "gps_read":
        act.remote = _remote(ctx, lo, hi, act)
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
    if trig.kind == "handover":
        recipient = _subject(toks, ctx.roles, sent, i, ctx.inside) if C.passive_after(toks, i, sent.hi) else None
        for k in range(lo, i):
            if ctx.roles[k] and k + 1 < len(toks) and toks[k + 1].text == "に":
                recipient = ctx.roles[k]
        if recipient not in (None, "victim", "close"):
            return None   # handed to an accomplice, not to her
        if C.passive_after(toks, i, sent.hi):
            act.actor = "suspect"
    return act


def _phrase(ctx: _Ctx, lo: int, i: int, vi: int) -> Span:
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


def _predicate(ctx: _Ctx, i: int, hi: int) -> int:
    """A noun or adjective trigger (汚物, 性的, 中傷) belongs to the verb that follows it in the clause,
    unless it is itself the verb (「中傷する」「見張りはしていない」)."""
    toks = ctx.toks
    t = toks[i]
    if t.pos == "VERB" or (i + 1 < len(toks) and toks[i + 1].norm == "為る"):
        return i
    if i + 2 < len(toks) and toks[i + 1].text in ("は", "も") and toks[i + 2].norm == "為る":
        return i
    for k in range(i + 1, hi):
        if ctx.inside[k] < 0 and toks[k].pos == "VERB" and toks[k].norm not in ("為る", "居る", "有る"):
            return k
    return i


def _needs_met(ctx: _Ctx, lo: int, i: int, needs) -> bool:
    """A needed word stands in the clause before the trigger (as a token, or across tokens: 「目で」)."""
    toks = ctx.toks
    if any(toks[k].norm in needs or toks[k].text in needs for k in range(lo, i)):
        return True
    window = "".join(t.fold for t in toks[lo:i])
    return any(len(n) > 1 and n in window for n in needs)


def _remote(ctx: _Ctx, lo: int, hi: int, act: ActFact) -> bool:
    lex = lexicon()
    if _word_in(ctx, lo, hi, lex.remote_cues):
        return True
    if act.place and act.place_owner == "suspect":
        return True
    return False


def _object(ctx: _Ctx, act: ActFact, lo: int, hi: int) -> None:
    """Against whom: a close person named as the object (「Ｎが住むアパート」「子に渡した」)."""
    for k in range(lo, hi):
        r = ctx.roles[k]
        if r == "close" and k + 1 < len(ctx.toks) and ctx.toks[k + 1].text in ("の", "に", "を", "が", "へ", "宅"):
            act.object_role = "close"
            act.object_text = ctx.toks[k].text
            return
    if act.place_owner == "close":
        act.object_role = "close"


def _consent(ctx: _Ctx, act: ActFact, sent) -> None:
    """Location sharing she agreed to (「お互いの同意の上で」) and whether she withdrew it; 「承諾を得ないで」 is none."""
    if not act.category.startswith("2-3"):
        return
    if ctx.consent is False:
        text = _NO_CONSENT.sub("", ctx.folded)
        given = _CONSENT_GIVEN.search(text)
        withdrawn = _CONSENT_WITHDRAWN.search(text)
        kept = _CONSENT_KEPT.search(text)
        ctx.consent = ("withdrawn" if withdrawn and not kept else "given") if given else None
    act.consent = ctx.consent


_NO_CONSENT = re.compile(r"(承諾|同意|了承)を?(得ないで|得ず|得ることなく|なく|なしに|していない|したことはない|したことはありません)")
_CONSENT_GIVEN = re.compile(r"同意の上|同意して|承諾を得|承諾して|了承|納得して|互いの同意|合意の上|異論はなかった|本人の同意|自分で設定|自ら設定")
_CONSENT_WITHDRAWN = re.compile(r"停止し|解除し|解除した|解除を求め|もう位置を見ないで|見ないで|無断で|勝手に|ひそかに|密かに|こっそり")
_CONSENT_KEPT = re.compile(r"解除しておらず|解除していない|解除を求めたこともない|停止していない|同意したまま|止めるのを忘れ|やめるよう求めたこともない")


def _communications(ctx: _Ctx, lex, hits) -> list[ActFact]:
    """2-1-5 candidates: a means of communication with a sending verb in its clause."""
    out = []
    toks = ctx.toks
    found: dict[int, str] = {}
    for kind in ("silent_call", "fax", "letter", "email", "sns", "phone"):
        norms, rx = lex.means[kind]
        for t in toks:
            if t.norm in norms or t.fold in norms:
                found.setdefault(t.i, kind)
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
        elif kind == "phone" and toks[i].text in ("携帯電話", "電話") and i + 1 < len(toks) and toks[i + 1].text == "に" \
                and (toks[i].text == "携帯電話" or (i > 0 and toks[i - 1].text == "携帯")):
            del found[i]
    used_clauses = set()
    for i in sorted(found):
        kind = found[i]
        if ctx.inside[i] >= 0 or ctx.question[ctx.sent_of[i]]:
            continue
        sent = ctx.sents[ctx.sent_of[i]]
        lo, hi = _clause_tokens(ctx, sent, i)
        verb = None
        for k in range(i, min(hi + 1, sent.hi)):
            if ctx.inside[k] >= 0:
                continue
            if (toks[k].norm in lex.send_verbs or toks[k].text in ("架電",)) and not (
                    toks[k].norm in ("掛ける", "かける") and k > 0 and toks[k - 1].text == "に"):
                verb = k
                break
        if verb is None and i + 1 < len(toks) and toks[i + 1].text in ("。", "\n", "、") and \
                ctx.count_ix.between(toks[lo].start, toks[i].start):
            verb = i   # 体言止め: 「…百二十回以上電話。」
        if verb is None and toks[i].text not in ("架電", "無言電話"):
            # 「ＬＩＮＥで約８０回」: the sending verb may follow the next comma
            nxt_hi = C.clause_end(toks, sent, hi) if hi < sent.hi else hi
            for k in range(hi, nxt_hi):
                if ctx.inside[k] < 0 and toks[k].norm in lex.send_verbs:
                    verb = k
                    break
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
        actor, actor_text = _actor(ctx, vi, sent)
        # a refusal quoted in the same clause (「もうメールしないで」と拒まれ) is not a message
        if _word_in(ctx, lo, hi, {"拒む", "拒否", "受信拒否", "着信拒否", "ブロック"}) and not _word_in(ctx, lo, hi, {"送る", "送信", "掛ける", "かける", "架電", "電話をかけ"}):
            continue
        count, count_text = _count_for(ctx, sent, lo, max(hi, vi + 1), i)
        act = ActFact(kind="message", category="2-1-5", subtype=None, evidence=ctx.span(i, vi + 1),
                      clause=ctx.span(lo, hi), actor=actor, actor_explicit=actor_text == "explicit", means=kind,
                      date=_date_for(ctx, sent, i), count=count, count_text=count_text, count_vague=_vague(count_text),
                      negated=C.chain_negated(toks, sent, vi, ctx.inside), sentence_index=sent.index)
        h = _hedge(ctx, sent, vi)
        act.hedged, act.hedge_text = h is not None, h
        place = _place(ctx, lo, hi, actor, i)
        if place:
            act.place, act.place_owner, act.place_span, act.near = place
        if place and place[0] == "work" and kind == "phone":
            act.object_role = "victim"
        out.append(act)
    return out


def _quote_acts(ctx: _Ctx) -> list[ActFact]:
    """What the suspect said or sent, by content: threats (4号), demands (3号), showing he watches
    (2号), sexual matters (8号), exposing her (7号)."""
    out = []
    for qi, q in enumerate(ctx.qs):
        if ctx.quote_kind[qi] != "speech" or ctx.question[ctx.sent_of[q.lo]]:
            continue
        sent = ctx.sents[ctx.sent_of[q.lo]]
        vi = q.verb_i if q.verb_i is not None else q.hi
        # who speaks: the subject of the attribution verb (passive 「と言われた」: the agent)
        if q.verb is not None:
            speaker, how = _actor(ctx, vi, sent)
        else:
            found = _subject(ctx.toks, ctx.roles, sent, q.lo, ctx.inside)
            speaker, how = found or "suspect", "explicit" if found else None
        if speaker not in ("suspect", "unknown"):
            continue
        lo, hi = q.lo, min(sent.hi, (q.verb_i or q.hi) + 1)
        kinds = [(kind, _QUOTE_CATEGORY[kind]) for kind in _kind_of(ctx, q)]
        # 「「…」「…」「…」などと書いたメモ」: several sayings listed are several messages
        listed = _quote_list(ctx, qi)
        for kind, cat in kinds:
            count, count_text = _count_for(ctx, sent, lo, hi, q.lo)
            same = [x for x in listed if _kind_of(ctx, x) and kind in _kind_of(ctx, x)]
            if len(same) > count:
                count, count_text = len(same), "、".join(ctx.text[ctx.toks[x.lo].start:ctx.toks[x.hi].end] for x in same)
            act = ActFact(kind=kind, category=cat, subtype=None, evidence=ctx.span(q.lo, q.hi + 1),
                          clause=ctx.span(sent.lo, sent.hi), actor="suspect", actor_explicit=how == "explicit", date=_date_for(ctx, sent, q.lo),
                          count=count, count_text=count_text, count_vague=_vague(count_text),
                          sentence_index=sent.index,
                          negated=C.chain_negated(ctx.toks, sent, vi, ctx.inside) if q.verb_i else False)
            h = _hedge(ctx, sent, vi)
            act.hedged, act.hedge_text = h is not None, h
            out.append(act)
    return out


def _to_word_end(text: str, sp: Span, limit: int = 8) -> Span:
    """「怖」 → 「怖くて」: show the whole word a stem cue stands in."""
    end = sp.end
    while end < len(text) and end - sp.end < limit and text[end] not in "。、，」「）（()\n・ 　":
        end += 1
    return Span(sp.start, end, text[sp.start:end])


def _quote_list(ctx: _Ctx, qi: int) -> list:
    """The quotes standing next to each other with quote qi (「A」「B」「C」)."""
    qs = ctx.qs
    lo = hi = qi
    while lo > 0 and qs[lo - 1].hi + 1 == qs[lo].lo:
        lo -= 1
    while hi + 1 < len(qs) and qs[hi].hi + 1 == qs[hi + 1].lo:
        hi += 1
    return qs[lo:hi + 1]


_QUOTE_CATEGORY = {"threat": "2-1-4", "demand": "2-1-3", "monitor_tell": "2-1-2", "sexual": "2-1-8", "honour": "2-1-7"}


def _kind_of(ctx: _Ctx, q) -> list:
    """What a saying is, by its words: a threat (4号), a demand (3号), showing he watches (2号), …"""
    content = "".join(t.fold for t in ctx.toks[q.lo + 1:q.hi])
    return [kind for kind, rx in (("threat", _Q_THREAT), ("demand", _Q_DEMAND), ("monitor_tell", _Q_MONITOR),
                                  ("sexual", _Q_SEXUAL), ("honour", _Q_HONOUR)) if rx.search(content)]


def _in_quote(ctx: _Ctx, sp: Span) -> bool:
    k = ctx.tok_at[sp.start]
    return k is not None and ctx.inside[k] >= 0


def _suspect_speech(ctx: _Ctx, sp: Span) -> bool:
    """「無視するな」: words the suspect says are not her refusal."""
    k = ctx.tok_at[sp.start]
    if k is None or ctx.inside[k] < 0:
        return False
    q = ctx.inside[k]
    return ctx.quote_kind[q] == "admission" or ctx.quote_speaker[q] == "suspect"


def _victim_statement(ctx: _Ctx, sp: Span) -> bool:
    k = ctx.tok_at[sp.start]
    if k is None:
        return False
    q = ctx.inside[k]
    return q >= 0 and ctx.quote_kind[q] == "victim"


def _refusal_denied(ctx: _Ctx, sp: Span) -> bool:
    """「電話をやめてほしいと伝えたことはない」: the telling is denied, not the wish."""
    tail = ctx.text[sp.end:sp.end + 25]
    m = re.match(r"[^。、]{0,12}?(と|旨を?)(伝え|言っ|頼ん|求め|話し)[^。]{0,6}?(ことはない|ことがない|ていない|なかった)", tail)
    return bool(m)


def _answered_no(ctx: _Ctx, sp: Span) -> bool:
    """「（問）…着信拒否をしたりしたか。」「（答）していません。」"""
    k = ctx.tok_at[sp.start]
    if k is None or not ctx.question[ctx.sent_of[k]]:
        return False
    nxt = ctx.text.find("\n", sp.end)
    answer = ctx.text[nxt + 1:nxt + 30] if nxt >= 0 else ""
    return bool(re.match(r"\s*(（答）|\(答\)|答[：:]|Ａ[：:．.]|A[：:．.])?\s*(いいえ|していません|ありません|ない|ないです|しておりません|伝えていません)", answer))


def _negated_span(ctx: _Ctx, sp: Span) -> bool:
    k = ctx.tok_at[sp.start]
    if k is None:
        return False
    # the last token of the span carries the predicate
    k2 = ctx.tok_at[max(sp.start, sp.end - 1)] or k
    sent = ctx.sents[ctx.sent_of[k2]]
    return C.chain_negated(ctx.toks, sent, k2, ctx.inside)


def _motives(lex, hits, text: str = "") -> list[Cue]:
    out = []
    none = hits(lex.motives["no_romance"][1]) + hits(lex.no_romance)
    out += [Cue("no_romance", sp.text, sp) for sp in hits(lex.no_romance)]
    for sp in hits(lex.motives["romance"][1]):
        if _DENIED_AFTER.match(text[sp.end:sp.end + 40]):
            none.append(sp)   # 「交際を申し込まれたことはなく」: this cue is denied (others may still stand)
    for kind in ("no_romance", "romance", "breakup", "money", "neighbour", "work"):
        for sp in hits(lex.motives[kind][1]):
            if kind != "no_romance" and any(n.start <= sp.start < n.end for n in none):
                continue
            out.append(Cue(kind, sp.text, sp))
    return out


def _measures(ctx: _Ctx, lex, hits) -> list[MeasureFact]:
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
            if re.search(r"なし|ない|受けていない|出ていない", stext[sp.end - s_lo:sp.end - s_lo + 8]):
                continue  # 「禁止命令なし」
            in_sent = ctx.date_ix.between(s_lo, s_hi)
            d = None
            if in_sent:
                before = [x for x in in_sent if x.start <= sp.start]
                d = (before[-1] if before else in_sent[0])
            after = bool(re.search(r"逮捕(する|した)?とともに|逮捕と同時に|逮捕後|逮捕した上で|逮捕し、", stext))
            out.append(MeasureFact(kind, DateRange(d.earliest, d.latest, d.text) if d else None, sp, after))
    return out


def _mark_background(ctx: _Ctx, facts: Facts) -> None:
    """A proposal told only as the story's start and refused at once (「復縁を迫られ断っていた」
    「交際を申し込んで断られている」) is the motive, not a つきまとい等 act."""
    for a in facts.acts:
        if a.kind != "demand" or a.count > 1:
            continue
        if re.search(r"後も|なおも|執拗|再三|しつこく|何度も|繰り返し|その後も", a.clause.text):
            continue
        sent = ctx.sents[a.sentence_index]
        s_hi = ctx.toks[sent.hi - 1].end
        tail = unicodedata.normalize("NFKC", ctx.text[a.evidence.end:min(s_hi, a.evidence.end + 22)])
        if re.match(r"^(?:れ|られ|られて|て|で|んで|だが|たが|ていたが|ていたところ|んだが|んだところ|たところ|られたが|られていたが|ら?れ)?[^。]{0,14}?(断|拒|嫌|応じ)", tail):
            a.background = True


def _number_occasions(facts: Facts) -> None:
    """Acts told in one sentence are one occasion; an admission or a discovered device restating an
    act of the same category is the same occasion as that act."""
    keys: dict = {}
    for a in facts.acts:
        # one sentence may tell several occasions (「1月中旬…電話、同月下旬には…メッセージ」); acts of one
        # named day are one occasion (「６月９日夜…待ちぶせ…後をついて来て…インターホンを鳴らした」)
        if a.date and a.date.earliest == a.date.latest:
            key = ("day", a.date.earliest)
        else:
            key = (a.sentence_index, a.date.earliest if a.date else None, a.date.latest if a.date else None)
        a.occasion = keys.setdefault(key, len(keys))
    told = {a.category for a in facts.acts if a.kind in ("attach", "handover") and a.actor == "suspect"}
    facts.acts = [a for a in facts.acts if not (a.kind == "attach_found" and a.category in told)]
    first: dict = {}   # the first plain act of each category (one pass, not one per admission)
    for b in facts.acts:
        if not b.admitted and b.kind != "attach_found" and b.actor == "suspect":
            first.setdefault(b.category, b)
    for a in facts.acts:
        if a.admitted or a.kind == "attach_found":
            if a.category in first:
                a.occasion = first[a.category].occasion
