"""The reading context shared by the reader stages: tokens, sentences, quotes, roles and the
maps between characters and tokens."""
from __future__ import annotations

import bisect


from legalcheck.nlp.facts import Span
from legalcheck.nlp.pipeline import Tok



class Ctx:
    def __init__(self, text, toks, sents, inside, qs, quote_kind, roles, dates, periods, counts, devices,
                 tok_at, sent_of, incident_date):
        self.text, self.toks, self.sents, self.inside, self.qs = text, toks, sents, inside, qs
        self.quote_kind, self.roles, self.dates, self.periods, self.counts = quote_kind, roles, dates, periods, counts
        self.devices, self.tok_at, self.sent_of, self.incident_date = devices, tok_at, sent_of, incident_date
        # computed once and shared by every trigger: a token's clause, whether a sentence speaks of the law
        self.clauses: dict[int, tuple[int, int]] = {}
        self.about_law: dict[int, bool] = {}
        self.content_kinds: dict[tuple[int, int], list] = {}   # a quote's content kinds (quotes.quote_content_kinds)
        self.answered_yes: set[int] = set()   # question sentences the next line answers 「はい」: they tell what they ask

    def span(self, lo: int, hi: int) -> Span:
        """Tokens lo..hi-1 as a span of the caller's text."""
        s, e = self.toks[lo].start, self.toks[max(lo, hi - 1)].end
        return Span(s, e, self.text[s:e])


def line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


PAREN_EVENTS = frozenset({"（", "(", "）", ")", "\n"})   # the words that open, close or end a parenthesis


def paren_depths(toks: list[Tok]) -> list[bool]:
    """Per token: inside parentheses (a line break closes them all). The depth changes only at a
    bracket or line break: the tokens between two such are filled as one run."""
    out: list[bool] = []
    depth, last = 0, 0
    for k in [t.i for t in toks if t.text in PAREN_EVENTS]:
        out.extend([depth > 0] * (k - last))
        x = toks[k].text
        if x in ("（", "("):
            depth += 1
        elif x in ("）", ")"):
            depth = max(0, depth - 1)
        else:
            depth = 0
        out.append(depth > 0)
        last = k + 1
    out.extend([depth > 0] * (len(toks) - last))
    return out


def char_to_tok(toks: list[Tok], n: int) -> list[int | None]:
    out: list[int | None] = [None] * (n + 1)
    for t in toks:
        s, e = t.start, t.end
        if e - s == 1:   # most words are one character: no loop, no slice
            out[s] = t.i
        else:
            out[s:e] = [t.i] * (e - s)
    return out


def word_in(ctx, lo, hi, words) -> bool:
    """A word of `words` in tokens lo..hi-1: as a token (norm or surface) or inside one (「位置情報共有」)."""
    toks = ctx.toks
    if any(toks[k].norm in words or toks[k].text in words for k in range(lo, hi)):
        return True
    window = "".join(toks[k].text for k in range(lo, hi))
    return any(len(w) > 1 and w in window for w in words)


def _victim_object(ctx: Ctx, lo: int, i: int) -> bool:
    """「店内のＯ子を見ていた」: the victim herself is what the verb takes (を)."""
    toks = ctx.toks
    for k in range(lo, i):
        if ctx.roles[k] == "victim":
            m = k + 1
            while m < i and (ctx.roles[m] == "victim" or toks[m].pos == "NUM" or toks[m].text in ("さん", "氏", "ちゃん")):
                m += 1   # 「Ｂ６を」「Ｐさんを」: the mask's digits and honorific belong to it
            if m < i and toks[m].text == "を":
                return True
    return False


def needs_met(ctx: Ctx, lo: int, i: int, needs) -> bool:
    """A needed word stands in the clause before the trigger (as a token, or across tokens: 「目で」)."""
    toks = ctx.toks
    if "@victim" in needs and _victim_object(ctx, lo, i):
        return True
    if "@app" in needs and any(k == "app" for _, k in ctx.device_ix.between(toks[lo].start, toks[i].start)):
        return True   # 「「探す」アプリで毎日確認」: checking through a location app reads her position
    words, long_words = _needs_of(needs)
    span = toks[lo:i]
    if any(t.norm in words or t.text in words for t in span):
        return True
    window = "".join([t.fold for t in span])
    return any(n in window for n in long_words)


_NEEDS: dict = {}   # a trigger's needs → (them as a set, those of two characters or more that are words)


def _needs_of(needs) -> tuple[frozenset, tuple]:
    got = _NEEDS.get(needs)
    if got is None:
        got = (frozenset(needs), tuple(n for n in needs if len(n) > 1 and not n.startswith("@")))
        if len(_NEEDS) < 1000:   # the lexicon's triggers
            _NEEDS[needs] = got
    return got


def in_quote(ctx: Ctx, sp: Span) -> bool:
    k = ctx.tok_at[sp.start]
    return k is not None and ctx.inside[k] >= 0


class ByStart:
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
