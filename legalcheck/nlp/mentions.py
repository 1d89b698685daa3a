"""What an act is attached to: its place (and whose), device and count, found around its predicate
(its date: act_dates)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from legalcheck.nlp import clauses as C
from legalcheck.nlp.act_dates import date_list
from legalcheck.nlp.context import Ctx, word_in
from legalcheck.nlp.facts import ActFact
from legalcheck.nlp.lexicon import lexicon
from legalcheck.text import scan   # a whole-text scan: the same matches, faster

# Parts of a building: they belong to the place named before them (「ホテルの…部屋の窓」 is the hotel's)
_HOME_PARTS = {"玄関", "ドア", "門扉", "敷地", "郵便受け", "庭", "ベランダ", "玄関先", "部屋", "窓", "居室", "室内"}


DEVICE_GENERIC = {"機器", "装置", "端末", "それ", "同機", "これ", "発信器", "タグ", "機械"}


SMARTPHONE = re.compile(r"iPhone|アイフォン|スマートフォン|スマホ|携帯電話|アプリ|Apple ?ID|アカウント|ログイン|Google|グーグル")


def clause_tokens(ctx, sent, i):
    """The clause token i stands in, computed once per token (several triggers may share a word)."""
    got = ctx.clauses.get(i)
    if got is None:
        got = ctx.clauses[i] = (C.clause_start(ctx.toks, sent, i), C.clause_end(ctx.toks, sent, i))
    return got


_HONORIFICS = {"くん", "君", "さん", "様", "氏", "ちゃん"}


def find_place(ctx: Ctx, lo: int, hi: int, actor: str, i: int | None = None, sent=None):
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
    m = k
    floor = max(sent.lo if sent else 0, k - 12)
    while m > floor:
        m -= 1
        if toks[m].text in ("）", ")") and toks[m + 1].text == "の":
            # 「元同居人Ｅ（女性）の勤務先」: the description in parentheses belongs to the name before it
            while m > floor and toks[m].text not in ("（", "("):
                m -= 1
            if m > floor and ctx.roles[m - 1]:
                owner = ctx.roles[m - 1]
            break
        if ctx.roles[m]:
            nxt = toks[m + 1].text if m + 1 < len(toks) else ""
            if nxt in _HONORIFICS and m + 2 < len(toks):
                nxt = toks[m + 2].text   # 「Ｊくんの家」「Ｎさん宅」
            if m == k - 1 or nxt in ("の", "が住む", "（", "(") or (nxt == "が" and m + 2 < k and toks[m + 2].pos == "VERB"):
                owner = ctx.roles[m]
            break
        if toks[m].text in ("自分", "自ら", "自身"):
            owner = actor
            break
        if toks[m].text in ("、", "。"):
            break
    near = any(toks[m].text in lex.near_words or toks[m].norm in lex.near_words
               for m in range(k + 1, min(len(toks), k + 4)))
    if toks[k].text in ("駐車場", "駐輪場", "玄関", "ドア", "敷地", "郵便受け", "通用口", "改札", "門扉", "自転車置き場") or (
            toks[k].text == "口" and k > 0 and toks[k - 1].text in ("通用", "裏", "勝手", "通用口")):
        near = True
    return kind, owner, ctx.span(k - 2 if owner and k >= 2 else k, k + 1), near


def _compound_place(word: str) -> str | None:
    """The kind of the longest place word (two characters at least) that the compound ends with."""
    places = lexicon().places
    for start in range(1, len(word) - 1):
        kind = places.get(word[start:])
        if kind:
            return kind
    return None


def _split_place(toks, k: int) -> str | None:
    """A place word that Sudachi split into nouns ending at token k (「通用|口」「職員|通用|口」)."""
    places = lexicon().places
    word = toks[k].text
    for m in range(k - 1, max(-1, k - 3), -1):
        if toks[m].pos != "NOUN" or toks[m].end != toks[m + 1].start:
            break
        word = toks[m].text + word
        kind = places.get(word) or (_compound_place(word) if len(word) > 2 else None)
        if kind:
            return kind
    return None


def _word_place(ctx: Ctx, k: int, cache: dict) -> str | None:
    """The place kind token k names by its own words (and the nouns Sudachi split it from), before
    the context has its say: computed once per token and kept in ``cache`` (each act looks through
    the tokens of its clause, and the clauses of several acts overlap)."""
    lex = lexicon()
    toks = ctx.toks
    t = toks[k]
    kind = lex.places.get(t.norm) or lex.places.get(t.text)
    if kind is None and t.text.endswith(("宅", "方")) and len(t.text) > 1 and t.pos in ("NOUN", "PROPN"):
        kind = "home"
    if kind is None and t.pos in ("NOUN", "PROPN") and len(t.text) > 2:
        kind = _compound_place(t.text)   # 「スポーツジム」「職員通用口」: a place word ending a compound
    if kind is None and t.pos == "NOUN" and k > 0:
        kind = _split_place(toks, k)     # 「社員|通用|口」: Sudachi split the compound in context
    cache[k] = kind
    return kind


def _place_in(ctx: Ctx, order, quote: int = -1):
    lex = lexicon()
    toks = ctx.toks
    cache = ctx.__dict__.setdefault("word_places", {})
    for k in order:
        t = toks[k]
        if (ctx.inside[k] >= 0 and ctx.inside[k] != quote) or ctx.in_paren[k]:
            continue
        kind = cache[k] if k in cache else _word_place(ctx, k, cache)
        if kind is None:
            continue
        if kind == "visited" and ctx.her_shop and (t.text in lex.words["her_shop"] or t.norm in lex.words["her_shop"]):
            kind = "work"   # 「Ｌの店」 told before: the shop is where she works, not one she visits
        anchored = kind == "visited" and k >= 2 and toks[k - 1].text == "の" and toks[k - 2].text in ("向かい", "隣", "近く", "前", "そば", "付近")
        if (kind == "home" and (t.text in _HOME_PARTS or t.text.endswith(tuple(_HOME_PARTS)))) or anchored:
            # 「ホテル正面玄関」「アパートの玄関」: the door belongs to the nearest place named before it
            for m in range(k - 1, max(-1, k - 24), -1):
                if toks[m].text == "\n":
                    break   # the line before it may name the building (「旅館の玄関前の駐車場にＦの車。Ｆが車内から玄関を」)
                owner_kind = lex.places.get(toks[m].norm) or lex.places.get(toks[m].text)
                if owner_kind and toks[m].text not in _HOME_PARTS:
                    kind = owner_kind
                    if owner_kind not in ("parking", "station", "route"):
                        break   # a building; 「旅館の駐車場に止めた車から玄関を」: the parking lot is the inn's too
        if kind == "parking" and k >= 2 and toks[k - 1].text == "の":
            # 「同体育館の駐車場」「店の駐輪場」: the parking lot of a place is that place's
            owner_kind = lex.places.get(toks[k - 2].norm) or lex.places.get(toks[k - 2].text)
            if owner_kind and owner_kind != "parking":
                kind = owner_kind
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


def find_device_mentions(toks, hits, lex, tok_at):
    out = []
    kinds = [(kind, lex.devices[kind][0]) for kind in ("tag", "app", "gps")]
    any_kind = frozenset().union(*(norms for _, norms in kinds))
    for t in toks:   # one pass over the words for the three kinds (the list is sorted below)
        if t.norm in any_kind or t.fold in any_kind:
            out += [(t.start, kind) for kind, norms in kinds if t.norm in norms or t.fold in norms]
    for kind in ("tag", "app", "gps"):
        for sp in hits(lex.devices[kind][1]):
            out.append((sp.start, kind))
    # A tag mention wins over a GPS word at the same place (「紛失防止タグ」 is not GPS).
    out.sort()
    return out


# 「ＧＰＳで電波を出すタイプか、紛失防止タグのようなものかは分からない」: which kind the device is stays open
_KIND_OPEN = re.compile(r"か(?:どうか)?は?、?(?:分から|わから|不明|特定(?:でき|され|に至)|判明して|確認(?:でき|され)て)|いずれか")


_NOT_THIS_KIND = re.compile(r"[^。、]{0,8}?(?:ではな|でな[くい]|じゃな)")


def mark_open_device_kinds(text: str, sents, toks, devices: list) -> list:
    """Device mentions of a sentence naming both a GPS-type device and a tag as open alternatives become
    "either": the law of the act's date may cover one kind and not the other (2条3項1号・2号 until 2025-12-29).
    A kind the text denies (「ＧＰＳ発信機ではなかった」) is no mention of the device."""
    out = [(st, k) for st, k in devices if not _NOT_THIS_KIND.match(text, _mention_end(text, st))]
    # the mentions are in text order: group them by sentence in one pass (no sentence × mention scan)
    n, s_ix = 0, 0
    while n < len(out) and s_ix < len(sents):
        lo, hi = toks[sents[s_ix].lo].start, toks[sents[s_ix].hi - 1].end
        if out[n][0] >= hi:
            s_ix += 1
            continue
        m = n
        while m < len(out) and out[m][0] < hi:
            m += 1
        group = [k for k in range(n, m) if out[k][0] >= lo]
        if {"gps", "tag"} <= {out[k][1] for k in group} and _KIND_OPEN.search(text, lo, hi):
            for k in group:
                out[k] = (out[k][0], "either")
        n, s_ix = m, s_ix + 1
    return out


_WORD_RUN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ0-9０-９ァ-ヶー一-龥]+")


def _mention_end(text: str, st: int) -> int:
    """Where the device word starting at `st` ends (its letters, digits and kana-less run)."""
    m = _WORD_RUN.match(text, st)
    return m.end() if m else st


def device_for(ctx: Ctx, lo_char: int, hi_char: int) -> str | None:
    """The device named in the clause, else the last one named before it in the narrative."""
    inside = [k for s, k in ctx.device_ix.between(lo_char, hi_char)]
    if inside:
        return _app_of_tag(ctx, _kind_of(inside), lo_char, hi_char)
    prev = ctx.device_ix.last_before(lo_char)
    if prev is not None:
        last = prev[0]
        return _app_of_tag(ctx, _kind_of({k for s, k in ctx.device_ix.between(last - 12, lo_char)}), lo_char, hi_char)
    return None


def _app_of_tag(ctx: Ctx, kind: str, lo_char: int, hi_char: int) -> str:
    """「タグを縫い付けた。…「探す」アプリで毎日確認」: an app that finds a tag named before reads the tag, unless the
    clause speaks of sharing her phone's location (位置情報の共有)."""
    if kind != "app" or "共有" in ctx.text[lo_char:hi_char]:
        return kind
    return "tag" if any(k == "tag" for _, k in ctx.device_ix.between(0, lo_char)) else kind


def _kind_of(kinds) -> str:
    for k in ("either", "tag", "app"):
        if k in kinds:
            return k
    return "gps"


def her_shop(ctx: Ctx) -> bool:
    """「Ｌの店」「Ｌが勤める店」: the narrative makes a shop hers (her workplace)."""
    toks, roles = ctx.toks, ctx.roles
    shop = lexicon().words["her_shop"]
    for k in [k for k, r in enumerate(roles[:max(0, len(toks) - 2)]) if r == "victim"]:
        if ctx.inside[k] < 0:
            nxt = toks[k + 1].text
            if nxt == "の" and toks[k + 2].text in shop:
                return True
            if nxt == "が" and toks[k + 2].norm in ("勤める", "働く", "経営") and k + 4 < len(toks) and (
                    toks[k + 3].text in shop or toks[k + 4].text in shop):
                return True
    return False


def count_for(ctx: Ctx, sent, lo: int, hi: int, i: int) -> tuple[int, str | None]:
    s_lo, s_hi = ctx.toks[lo].start, ctx.toks[hi - 1].end
    best, txt = 1, None
    # only counts in the act's sentence are used below
    c_lo = min(s_lo, ctx.toks[sent.lo].start)
    own_q = ctx.inside[i]
    all_counts = [cm for cm in ctx.count_ix.between(c_lo, s_hi) + ctx.extra_ix.between(c_lo, s_hi)
                  if not _attributive(ctx, cm.end, i) and not _in_other_quote(ctx, cm, own_q)]
    pos = ctx.toks[i].start
    # the count nearest to the act in its clause (「ＬＩＮＥで五十回…送信したほか、無言電話を数十回かけた」)
    near = sorted(((abs(cm.start - pos), -cm.value, n), cm) for n, cm in enumerate(all_counts) if s_lo <= cm.start < s_hi)
    if near:
        best, txt = max(1, near[0][1].value), near[0][1].text
    else:
        # 「…4回にわたり、…路上に車を止め、…見張っていた」: an adverb of the sentence's earlier clause
        ss = ctx.toks[sent.lo].start
        earlier = [cm for cm in all_counts if ss <= cm.start < s_lo]
        # 「…送り続け、…の間の受信は約１２００件に上る」: a total told after the act, named as such
        se = ctx.toks[sent.hi - 1].end
        later = [cm for cm in ctx.count_ix.between(s_hi, se) if _TOTAL_BEFORE.search(ctx.text[max(s_hi, cm.start - 8):cm.start])
                 and not _verb_between(ctx, hi, cm.start)]
        if earlier:
            best, txt = max(1, earlier[-1].value), earlier[-1].text
        elif later:
            best, txt = max(1, later[0].value), later[0].text
    # 「5月12日、19日、26日の朝」「７月と８月に一回ずつ」: several dates listed for the act
    ss, se = ctx.toks[sent.lo].start, ctx.toks[i].start
    before = ctx.date_ix.between(ss, se)
    if before:
        group = date_list(ctx, before[-1])
        if len(group) > best:
            best, txt = len(group), ctx.text[group[0].start:group[-1].end]
    if best < 2 and sent.index + 1 < len(ctx.sents):
        # 「…ＤＭで届きました。日付は１２月３日、…、１月２０日の５回です。」: the next sentence dates and counts them
        nxt = ctx.sents[sent.index + 1]
        m = DATES_NEXT.match(ctx.text, ctx.toks[nxt.lo].start, ctx.toks[nxt.hi - 1].end)
        if m:
            best, txt = int(unicodedata.normalize("NFKC", m.group(1))), m.group(0)
    return best, txt


DATES_NEXT = re.compile(r"[\s　]*(?:日付|日時|その日付|日にち)(?:は|が)[^。]{0,80}?の?([0-9０-９]+)\s*(?:回|件|通|度)")


def _in_other_quote(ctx: Ctx, cm, own_q: int) -> bool:
    """「「もう一度会いたい」などのメッセージを送り続け」: a number inside someone's words is not the act's count."""
    k = ctx.tok_at[cm.start] if cm.start < len(ctx.tok_at) else None
    if k is None or ctx.inside[k] < 0 or ctx.inside[k] == own_q:
        return False
    q = ctx.qs[ctx.inside[k]]
    # 「「１０通くらい」届いた」: a count quoted as she put it (the quote is mostly the count) is still the count
    return 2 * (cm.end - cm.start) < ctx.toks[q.hi].start - ctx.toks[q.lo].end


def _verb_between(ctx: Ctx, k: int, pos: int) -> bool:
    """A verb stands between token k and character pos: 「交際を申し込み断られたが、…電子メールを合計６２０通」 — the
    total is the mails', not the proposal's."""
    end = ctx.tok_at[pos] if pos < len(ctx.tok_at) and ctx.tok_at[pos] is not None else len(ctx.toks)
    # the act's own predicate chain runs to the first 、 (「送り続け、その数は２００件」)
    while k < end and ctx.toks[k].text not in ("、", "，"):
        k += 1
    return any(ctx.toks[m].pos == "VERB" and ctx.inside[m] < 0 for m in range(k, end))


_TOTAL_BEFORE = re.compile(r"(受信|着信|件数|回数|総数|その数|通数)(は|が)|計|合計|(の間|まで|間)に(約|およそ)?$")


def is_vague(count_text: str | None) -> bool:
    """「何度も」「繰り返し」「数回」: no number of its own."""
    return count_text is not None and not re.search(r"\d|[一二三四五六七八九十百千]", count_text)


_FORMAL_NOUNS = frozenset({"こと", "事", "事実", "旨", "点", "もの"})


def _attributive(ctx: Ctx, end_char: int, i: int) -> bool:
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
            if "連体形" in t.infl and m + 1 < len(toks) and toks[m + 1].pos in ("NOUN", "PROPN") and m + 1 != i \
                    and toks[m + 1].text not in _FORMAL_NOUNS:   # 「約４０件送ったことを認める」: the act itself, named
                return True
            if t.pos == "VERB" and "連体形" not in t.infl and not (m + 1 < len(toks) and toks[m + 1].norm == "た"):
                return False
    return False


_EXTRA_COUNTS = scan.compile(r"(?:少なくとも|計|約|延べ)\s*(\d+)\s*(?:日|晩|夜)(?!間|目|後|前)|たくさん|沢山|大量に|多数|(?:合計|計|延べ)\s*(\d+)\s*(?:回|件|通|度|枚|本)|時々|ときどき|時折|何度か|数回|ようにな[りっるった]|その全て|毎回|その都度|そのたび|たびに|度に|執拗に|しつこく|再三|両日とも|両日共|両日")


@dataclass(frozen=True)
class _Count:
    start: int
    end: int
    text: str
    value: int


def extra_counts(text: str, norm) -> list:
    out = []
    for m in _EXTRA_COUNTS.finditer(norm.text):
        s, e = norm.span(m.start(), m.end())
        num = m.group(1) or m.group(2)
        value = int(num) if num else 2
        out.append(_Count(s, e, text[s:e], value))
    return out


def is_remote(ctx: Ctx, lo: int, hi: int, act: ActFact) -> bool:
    lex = lexicon()
    if word_in(ctx, lo, hi, lex.remote_cues):
        return True
    if act.place and act.place_owner == "suspect":
        return True
    return False
