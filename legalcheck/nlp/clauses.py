"""Clause-level structure over Sudachi tokens: sentences, quotes, clause boundaries, and the
predicate chain after a trigger (negation, hedging). Japanese is head-final: what follows a
verb (〜ない, 〜らしい, 〜ことはない) says whether and how surely it happened."""
from __future__ import annotations

import re

from dataclasses import dataclass

from legalcheck.nlp.pipeline import Tok

SENT_END = {"。", "！", "？", "!", "?", "\n"}
OPEN_Q = {"「", "『", "“"}
CLOSE_Q = {"」", "』", "”"}
# 接続助詞 that end a clause even without a comma (「送っていたが、」「〜ので」).
CLAUSE_CONJ = {"が", "けど", "けれど", "けれども", "ので", "のに", "し", "ため", "ところ"}
NEG_NORMS = {"ない", "無い", "ず", "ぬ", "ん", "無し", "なし"}
# Light verbs and auxiliaries a predicate chain runs through (「見張りはしていない」「来たりしたことはない」).
NEG_ADVERBS = {"一切", "全く", "全然", "まったく", "特に", "何ら", "一度も", "決して"}
LIGHT = {"為る", "居る", "来る", "行く", "仕舞う", "おる", "御座る", "見る", "続ける", "置く", "貰う", "くれる",
         "呉れる", "あげる", "上げる", "始める", "出す", "回る", "込む", "付ける", "掛ける", "いる", "する"}
TE_AUX = {"居る", "いる", "おる", "仕舞う", "来る", "行く", "置く", "見る", "有る", "ある", "御座る", "貰う", "くれる", "呉れる"}
NOMINALISERS = {"こと", "事", "事実", "記録", "形跡", "痕跡", "様子", "覚え", "の", "もの", "様", "跡", "文言", "記載",
                "内容", "行為", "旨", "話", "様な", "心当たり", "接触", "連絡"}


# Coordinators inside a list of act nouns, and the nouns a reported act can head (「…との情報はない」).
COORD = {"や", "及び", "又は", "または", "とか", "・", "、"}
REPORT_HEADS = {"情報", "事実", "証拠", "話", "形跡", "記録", "報告", "申告", "目撃", "痕跡", "訴え", "事情", "噂", "証言"}
# Nouns that end a sentence reporting a statement (「…」と供述。「…」との申告。).
REPORT_NOUNS = {"供述", "弁解", "陳述", "証言", "申告", "申し立て", "申立", "自供", "弁明", "説明", "話", "こと", "通報", "相談", "訴え", "申出", "申し出"}
# what may follow a report noun that ends the attribution (「…」と供述。「…」との申告あり。「…」との話だった)
_AFTER_REPORT = SENT_END | {"、", "し", "（", "(", "あり", "有り", "が", "だ", "です", "である", "で"}


@dataclass
class Sentence:
    index: int
    lo: int   # first token index
    hi: int   # one past the last token


@dataclass
class Quote:
    lo: int           # index of the opening bracket
    hi: int           # index of the closing bracket (or sentence end)
    verb: Tok | None  # the attribution verb after 「…」と
    verb_i: int | None


# Every rule scans at most its sentence, so a sentence is cut at this many tokens (after its
# last 、 where there is one): crafted or run-on text (「送信送信…」, a stray 「 that never closes)
# then costs linear time.  The longest sentence in the labelled narratives has 112 tokens.
MAX_SENTENCE_TOKENS = 256


_SENTENCE_EVENTS = frozenset(OPEN_Q | CLOSE_Q | SENT_END | {"、"})


def sentences(toks: list[Tok]) -> list[Sentence]:
    """Sentences: a 。！？ outside quotes or a line break ends one; one longer than MAX_SENTENCE_TOKENS
    is cut after its last 、 (in its second half) or at the limit. Only brackets, commas and sentence
    ends are visited: between two of them a word can only reach the limit, at lo + MAX - 1
    (tests/nlp/test_quick_tests.py checks it against the rule applied word by word)."""
    out, lo, depth, comma = [], 0, 0, -1
    n = len(toks)

    def cut_before(end: int) -> None:
        """The length cuts at words before index ``end`` that are not events."""
        nonlocal lo
        while lo + MAX_SENTENCE_TOKENS - 1 < end:
            i = lo + MAX_SENTENCE_TOKENS - 1
            cut = comma + 1 if comma >= lo + MAX_SENTENCE_TOKENS // 2 else i + 1
            out.append(Sentence(len(out), lo, cut))
            lo = cut

    for t in [t for t in toks if t.text in _SENTENCE_EVENTS]:
        cut_before(t.i)
        if t.text in OPEN_Q:
            depth += 1
        elif t.text in CLOSE_Q:
            depth = max(0, depth - 1)
        elif t.text == "、":
            comma = t.i
        # A 。 inside 「…」 does not end the narrator's sentence; a line break always does.
        if t.text == "\n" or (t.text in SENT_END and depth == 0):
            if t.i > lo:
                out.append(Sentence(len(out), lo, t.i + 1))
            lo = t.i + 1
            depth = 0 if t.text == "\n" else depth
        elif t.i + 1 - lo >= MAX_SENTENCE_TOKENS:
            cut = comma + 1 if comma >= lo + MAX_SENTENCE_TOKENS // 2 else t.i + 1
            out.append(Sentence(len(out), lo, cut))
            lo = cut
    cut_before(n)
    if lo < n:
        out.append(Sentence(len(out), lo, n))
    return out


_QUOTE_EVENTS = frozenset(OPEN_Q | CLOSE_Q | {"\n"})


def quotes(toks: list[Tok]) -> tuple[list[Quote], list[int]]:
    """Quotes and, per token, the index of the quote it stands in (-1 outside)."""
    inside = [-1] * len(toks)
    out: list[Quote] = []
    stack: list[int] = []
    for t in [t for t in toks if t.text in _QUOTE_EVENTS]:   # only brackets and line breaks act
        if t.text in OPEN_Q:
            stack.append(t.i)
        elif t.text in CLOSE_Q and stack:
            lo = stack.pop()
            if stack:
                continue  # nested quote: the outer one owns it
            q = Quote(lo, t.i, None, None)
            q.verb, q.verb_i = _attribution(toks, t.i + 1)
            for k in range(lo, t.i + 1):
                inside[k] = len(out)
            out.append(q)
        elif t.text == "\n" and stack:
            lo = stack[0]
            stack.clear()
            q = Quote(lo, t.i - 1, None, None)
            for k in range(lo, t.i):
                inside[k] = len(out)
            out.append(q)
    _log_lines(toks, out, inside)
    return out, inside


# 「21:40 Ｙ：さっき公園で散歩してたね」「2024/08/02 23:11　Ｗ：Ｖに会わせろ」: a pasted chat or SMS log line;
# what follows the speaker's colon is a message as if it were quoted
_LOG_HEAD = re.compile(r"^[ 　・]*(?:(?:\d{2,4}|[HRSＨＲＳ]\d{1,2})[/／.．]\d{1,2}[/／.．]\d{1,2}[ 　]*(?:[（(][月火水木金土日][）)])?[ 　]*)?"
                       r"\d{1,2}[:：]\d{2}[ 　]*[^ 　：:「」。0-9]{1,12}?[：:]")


def _log_lines(toks: list[Tok], out: list, inside: list[int]) -> None:
    start = 0
    n = len(toks)
    # each line that a line break ends (the last line, without one, is no log line); inside holds -1
    # or a quote's index, so no token in a quote is max() < 0
    for end in [t.i for t in toks if t.text == "\n"]:
        if end - start > 3 and max(inside[start:end]) < 0:
            head = ""
            colon = None
            for k in range(start, min(end, start + 24)):
                head += toks[k].text
                if toks[k].text in ("：", ":") and _LOG_HEAD.match(head):   # the pattern only at a colon
                    colon = k
                    break
            if colon is not None and colon + 1 < end:
                q = Quote(colon, end, None, None)
                for k in range(colon, end):
                    inside[k] = len(out)
                out.append(q)
        start = end + 1
    if any(out[i].lo > out[i + 1].lo for i in range(len(out) - 1)):
        # log lines were added after the bracketed quotes: keep quotes in text order, and the
        # per-token index pointing at the same quote
        order = sorted(range(len(out)), key=lambda i: out[i].lo)
        new_of = {old: new for new, old in enumerate(order)}
        out[:] = [out[i] for i in order]
        for k in range(n):
            if inside[k] >= 0:
                inside[k] = new_of[inside[k]]


def _attribution(toks: list[Tok], j: int) -> tuple[Tok | None, int | None]:
    """「…」と(言う|話す|送る…): the verb the quote belongs to, a few tokens on."""
    k, n = j, min(len(toks), j + 12)
    seen_to = False
    while k < n:
        t = toks[k]
        if t.text in SENT_END:
            return None, None
        if t.text in OPEN_Q:
            # 「A」「B」などと…: skip the next quote of the list
            while k < n and toks[k].text not in CLOSE_Q:
                k += 1
            k += 1
            continue
        if t.text in ("と", "との", "とか", "って", "など", "などと", "等"):
            seen_to = True
        elif seen_to and (t.pos == "VERB" or (t.pos == "NOUN" and k + 1 < n and toks[k + 1].norm == "為る")):
            return t, k
        elif seen_to and t.norm in REPORT_NOUNS and (k + 1 >= len(toks) or toks[k + 1].text in _AFTER_REPORT):
            return t, k   # 体言止め: 「…」と供述。「…」とのこと。
        k += 1
    return None, None


def clause_start(toks: list[Tok], sent: Sentence, i: int) -> int:
    """The first token of the clause that token i stands in."""
    k = i - 1
    while k >= sent.lo:
        if toks[k].text in _MAYBE_BOUNDARY and is_boundary(toks, k):
            return k + 1
        k -= 1
    return sent.lo


def clause_end(toks: list[Tok], sent: Sentence, i: int) -> int:
    k = i + 1
    while k < sent.hi:
        if toks[k].text in _MAYBE_BOUNDARY and is_boundary(toks, k):
            return k
        k += 1
    return sent.hi


# the only words is_boundary can return True for (a set test before the call, on every word walked)
_MAYBE_BOUNDARY = frozenset(SENT_END | {"、"} | CLAUSE_CONJ)


def is_boundary(toks: list[Tok], k: int) -> bool:
    t = toks[k]
    if t.text in SENT_END:
        return True
    if t.text == "、" and k > 0:
        p = toks[k - 1]
        if p.norm == "たり":
            return False
        return p.pos in ("VERB", "AUX", "SCONJ", "ADJ") or p.tag.startswith("助詞-接続助詞") or (
            p.pos == "NOUN" and "連用" in p.infl)
    if t.tag.startswith("助詞-接続助詞") and t.text in CLAUSE_CONJ:
        return True
    return False


def chain_negated(toks: list[Tok], sent: Sentence, i: int, inside: list[int]) -> bool:
    """Does the predicate that starts at token i end in a negation?
    「見張りはしていない」「来たり、鳴らしたりしたことはない」「取得した記録は残っていなかった」"""
    k = i + 1
    while k < sent.hi and toks[k].pos == "NOUN" and toks[k - 1].pos in ("NOUN", "VERB") and \
            toks[k - 1].tag.startswith("名詞") and toks[k].text not in NOMINALISERS:
        k += 1   # a compound goes on (「無言|電話はない」)
    while k < sent.hi:
        t = toks[k]
        if inside[k] >= 0 and inside[i] < 0:
            return False
        if t.norm in NEG_NORMS and t.pos in ("AUX", "ADJ", "VERB", "NOUN"):
            return True
        if t.text in NOMINALISERS and k + 1 < sent.hi and toks[k + 1].text in ("は", "も", "が", "を", "や", "など", "等", "、"):
            return _rest_negated(toks, k + 2, sent.hi, inside, inside[i] if inside is not None else -1)
        if t.norm == "たり" and k + 2 < sent.hi and toks[k + 1].text in ("は", "も") and toks[k + 2].norm == "為る":
            k += 2   # 「待ったりついて来たりはしていない」
            continue
        if t.norm == "たり" and k + 1 < sent.hi and toks[k + 1].norm not in ("為る",):
            # 〜たり(、)〜たりしたことはない: jump to the next たり of the list
            m = k + 1
            while m < sent.hi and toks[m].norm != "たり" and toks[m].text not in SENT_END:
                m += 1
            if m < sent.hi and toks[m].norm == "たり":
                k = m + 1
                continue
            return False
        if t.pos == "SCONJ" and t.text in ("て", "で"):
            # after 〜て only an auxiliary verb continues the same predicate (「見張ってい(ない)」);
            # 「回り込んで通さず」: the negation belongs to the next verb
            m = k + 1
            while m < sent.hi and toks[m].text in ("は", "も"):
                m += 1   # 「うかがってはいない」
            nxt = toks[m] if m < sent.hi else None
            if nxt is None or nxt.norm not in TE_AUX:
                # 「待ち受けて接触しようとした様子もなく」: the chain is named as a thing, and that thing denied
                return nxt is not None and _named_and_denied(toks, m, sent.hi, inside)
            k = m
            continue
            k += 1
            continue
        if t.text in COORD and k + 1 < sent.hi and (toks[k + 1].tag.startswith("名詞") or (
                "連用形" in toks[k + 1].infl and k + 2 < sent.hi and toks[k + 2].text in ("等", "など", "、", "や", "は", "も", "・"))):
            k += 2
            continue   # 「見張りや待ち伏せ等をしたことは一切なかった」「押し掛け、待ち伏せ等は」: the list shares the predicate
        if t.norm in NEG_ADVERBS:
            k += 1
            continue   # 「…等は一切なかった」
        if t.text in ("と", "との", "という") and inside[k] < 0:
            m = k + 1
            while m < sent.hi and toks[m].text in ("の", "いう", "言う"):
                m += 1
            if m + 1 < sent.hi and toks[m].text in REPORT_HEADS and toks[m + 1].text in ("は", "も", "が", "等", "など"):
                return _rest_negated(toks, m + 2, sent.hi, inside)   # 「押し掛けたとの情報はない」
            return False
        if t.text == "を" and k + 1 < sent.hi and toks[k + 1].norm == "為る":
            k += 1
            continue   # 「待ち伏せ等をされたりしたことはない」
        if t.norm in ("確認", "認める", "把握", "見当たる") and toks[k - 1].text in ("は", "も", "が"):
            return _rest_negated(toks, k + 1, sent.hi, inside, inside[i])   # 「つきまとい等は確認されていない」
        if t.pos in ("AUX", "PART") or t.norm in LIGHT or t.text in ("は", "も", "たり", "だり", "等", "など", "なんか"):
            k += 1
            continue
        if t.norm in ("有る", "ある", "御座る") and toks[k - 1].text in ("は", "も"):
            k += 1
            continue   # 「つきまといはありません」: the act's existence denied
        return False
    return False


def _named_and_denied(toks: list[Tok], k: int, hi: int, inside) -> bool:
    for m in range(k, min(hi, k + 10)):
        t = toks[m]
        if t.text in ("、", "。", "「", "」") or (t.tag.startswith("助詞-接続助詞") and t.text in CLAUSE_CONJ):
            return False
        if t.text in NOMINALISERS and m > k and toks[m - 1].pos in ("VERB", "AUX") and m + 1 < hi \
                and toks[m + 1].text in ("は", "も", "が"):
            return _rest_negated(toks, m + 2, hi, inside)
    return False


def _rest_negated(toks: list[Tok], k: int, hi: int, inside=None, own: int = -1) -> bool:
    """「…したことは(、…)ない」: the rest of the clause, outside quotes, ends in a negation; for a predicate
    inside a quote (「「家に行ったことはない」と否定した」), the rest of that quote."""
    start = k
    while k < hi:
        t = toks[k]
        if inside is not None and own >= 0 and (inside[k] != own or t.text in SENT_END):
            return False   # inside a quote, its own sentence ends at its 。
        if inside is not None and inside[k] >= 0 and inside[k] != own:
            k += 1
            continue
        if t.tag.startswith("助詞-接続助詞") and t.text in CLAUSE_CONJ:
            return False
        if k > start and t.text == "、" and toks[k - 1].norm in ("有り", "有る", "あり", "おり", "居る", "為る"):
            return False   # 「…ことが４回あり、…」: the next clause is another statement
        if t.norm in NEG_NORMS and t.pos in ("AUX", "ADJ", "VERB", "NOUN"):
            return True
        if t.text == "初めて" and k > start and toks[k - 1].text == "が":
            return True   # 「…したことは今回が初めて」: it had not happened before
        k += 1
    return False


def irrealis(toks: list[Tok], i: int, hi: int) -> str | None:
    """A wish or an intention on the predicate (「様子を見たかった」「会いに行こう」): not something done."""
    k = i + 1
    while k < hi and k <= i + 6:
        t = toks[k]
        if t.pos == "AUX" and t.norm == "たい":
            return "desire"
        if t.pos == "AUX" and t.norm in ("う", "よう", "まい"):
            return "volition"
        if t.pos in ("AUX", "SCONJ", "PART") or t.norm in LIGHT or t.text in ("は", "も"):
            k += 1
            continue
        return None
    return None


def _comma_after_te(toks, k: int, hi: int) -> bool:
    """「並んで、」「並んできて、」: the て-form ends its clause at a comma (after a light 来る/行く)."""
    m = k + 1
    if m + 1 < hi and toks[m].norm in ("来る", "くる", "行く", "いく") and toks[m + 1].text == "て":
        m += 2
    return m < hi and toks[m].text in ("、", "，")


def realis(toks: list[Tok], i: int, hi: int) -> bool:
    """Did it happen (「見張っていた」「来た」「立っている」), rather than a wish, a plan or a fear of what
    may come (「待ち伏せされるのが怖い」「会いに行く」)? Past or progressive on the predicate chain."""
    if toks[i].norm in ("居る", "いる") and (i + 1 >= len(toks) or toks[i + 1].text in ("」", "。", "よ", "の")):
        return True   # 「元彼がまた家の前にいる」: a caller telling what is happening now
    k = i + 1
    while k < hi and k <= i + 8:
        t = toks[k]
        if t.norm == "た" and t.pos == "AUX":
            return True
        if t.text in ("て", "で") and k + 1 < hi and toks[k + 1].norm in ("居る", "いる", "おる"):
            return True
        if t.text in ("てる", "でる", "てた", "でた", "とる", "とった"):
            return True   # 「ずっとこっちの窓を見てる」: the colloquial progressive
        if t.norm in ("たい", "う", "よう", "まい") and t.pos == "AUX":
            return False
        if t.text in ("て", "で") and t.pos == "SCONJ" and _comma_after_te(toks, k, hi):
            # 「横に並んできて、…腕引っ張られて、…触られました」: a chain told to its past end happened
            return any(toks[m].norm == "た" and toks[m].pos == "AUX" for m in range(k, hi))
        if t.text in ("て", "で") and t.pos == "SCONJ" and k + 1 < hi and toks[k + 1].pos == "VERB" \
                and toks[k + 1].norm not in LIGHT:
            # 「家に来て帰ってくれない」: a て-chain goes on to a second event; the first happened unless the chain
            # ends in a wish, a plan, a request or a condition, or is named as a thing (「来て何かされるのが怖い」)
            return _chain_realis(toks, k + 1, hi)
        if t.text in ("て", "で") and t.pos == "SCONJ":
            # 「立ってこっちを見てる」: the chain's next predicate, after its object, tells whether it happened
            for m in range(k + 1, min(len(toks), k + 6)):
                if toks[m].text in ("、", "。", "」", "\n"):
                    break
                if toks[m].pos == "VERB" and (m > k + 1 or toks[m].norm not in LIGHT):
                    return realis(toks, m, min(len(toks), m + 8))
        if t.pos in ("AUX", "SCONJ", "PART") or t.norm in LIGHT or t.text in ("は", "も", "たり", "だり"):
            k += 1
            continue
        return False
    return False


_IRREALIS = {"たい", "う", "よう", "まい", "欲しい", "ほしい", "たら", "ば", "なら", "か", "の", "こと", "事", "つもり", "予定"}


def _chain_realis(toks: list[Tok], k: int, hi: int) -> bool:
    for m in range(k, min(hi, k + 10)):
        t = toks[m]
        if t.text in ("、", "。", "」", "\n") or (t.pos == "NOUN" and m > k):
            return not (t.pos == "NOUN" and t.norm in _IRREALIS)
        if t.norm in _IRREALIS or t.text in _IRREALIS or "命令形" in t.infl:
            return False
    return True


def progressive(toks: list[Tok], i: int, hi: int) -> bool:
    """「確認していた」「送り続けた」: the predicate at i is told as going on, not as one event."""
    for k in range(i + 1, min(hi, i + 5)):
        t = toks[k]
        if t.text in ("て", "で") and k + 1 < hi and toks[k + 1].norm in ("居る", "いる", "おる"):
            return True
        if t.norm in ("続ける",) or t.text in ("てる", "てた"):
            return True
        if t.pos not in ("AUX", "SCONJ") and t.norm not in ("為る", "する"):
            return False
    return False


def passive_after(toks: list[Tok], i: int, hi: int) -> bool:
    """〜される / 〜られる right after the verb: the victim is the grammatical subject."""
    k = i + 1
    while k < hi and k <= i + 3:
        t = toks[k]
        if t.norm in ("れる", "られる") and t.pos == "AUX":
            return True
        if t.pos not in ("AUX",) and t.norm not in ("為る",):
            return False
        k += 1
    return False


_NEG_END = r"(?:ない|なかった|ません|ませんでした|無い|見当たらない|含まれていない|含まれていなかった)"
_LISTED_DENIAL = re.compile(r"^[^。「」]*?(?:といった|などといった|などの|等の|という)(?:事実|こと|行為|様子|言動|事情|形跡)(?:は|も)"
                            r"(?:[^。]{0,12}?" + _NEG_END + r"|[^。]{0,12}?(?:確認されていない|認められない|確認されていません|認められません)"
                            # 「…後をつけるといった行為は、…のいずれによっても確認されていない。」: the sentence's end
                            r"|[^。]{0,50}?" + _NEG_END + r"[。\s]*$)"
                            # 「脅す言葉や会うことを求める言葉はなかった」: the words named by what they would say are denied
                            r"|^[^。「」、]*?(?:言葉|文言|文面|内容|記載|表現|要求|言動|様子)(?:は|も)[、，]?"
                            r"(?:[^。、]{0,10}?限り|[^。、]{0,6}?では)?(?:一切|特に)?" + _NEG_END
                            # 「インターホンを押したり、声をかけたり、部屋を見上げて立ち止まったりはしていない」: a たり-list denied
                            # 「交際の再開を求める発言や、来訪以外の連絡はない」: words of the kind, listed and denied
                            + r"|^[^。「」、]{0,6}?(?:発言|言動|言葉|要求)(?:や|、)[^。]{0,24}?(?:は|も)(?:一切)?" + _NEG_END
                            + r"|^[^。「」]{0,30}?たり(?:は|も)?(?:一切)?(?:していない|しなかった|しておらず|していません|しませんでした|することはない|はない|もない)")


def listed_denial(text: str, start: int, end: int) -> bool:
    """「立ち止まって部屋を見ていた、声を掛けた、連絡してきたといった事実はない」「好意を示した、私的な交際を求めた
    等の事実は、社内調査の範囲では一切確認されていません」: a list of acts (or words) denied at its end, for the
    words from `start` to the sentence's `end` (no 〜が、 between, which would start another statement)."""
    tail = text[start:end]
    m = _LISTED_DENIAL.match(tail)
    return bool(m) and not re.search(r"(?:が|けど|けれど|ものの)、", tail[:m.end()])
