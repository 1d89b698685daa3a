"""An act's date: the date words of its sentence, a period, a list of days, or the last date told before it —
with its provenance (told, inherited, after, unknown) — and the look-ups built once per narrative for it."""
from __future__ import annotations

import bisect
import re

from legalcheck.nlp.context import PAREN_EVENTS, ByStart, Ctx
from legalcheck.nlp.facts import DateRange


def attributive_date(ctx, d) -> bool:
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


def _line_end_of_next(ctx: Ctx, sent, s_hi: int) -> int:
    """The end of the next sentence when it stands on the same line (it says more of the same act), else s_hi."""
    if sent.index + 1 >= len(ctx.sents):
        return s_hi
    nxt = ctx.sents[sent.index + 1]
    n_lo = ctx.toks[nxt.lo].start
    return ctx.toks[nxt.hi - 1].end if "\n" not in ctx.text[s_hi:n_lo] else s_hi


def date_for(ctx: Ctx, sent, i: int) -> DateRange | None:
    """The act's date: the nearest date words before it in its sentence (a period, or a list such as
    「5月12日、19日、26日」), else the first in the sentence, else the last date told before it."""
    pos = ctx.toks[i].start
    s_lo, s_hi = ctx.toks[sent.lo].start, ctx.toks[sent.hi - 1].end
    in_sent = [d for d in ctx.date_ix.between(s_lo, s_hi) if not _outside_aside(ctx, d, pos)]
    before = [d for d in in_sent if d.start <= pos]
    after = [d for d in in_sent if d.start > pos]
    if before and after and _CLAUSE_BREAK.search(ctx.text[before[-1].end:pos]) \
            and not _CLAUSE_BREAK.search(ctx.text[pos:after[0].start]):
        # 「…７月１８日に契約されており、閲覧履歴は、同年７月１９日から９月２６日まで…」: the act's own clause
        # tells its period after it; the date before belongs to the clause that ended
        return _range_of(ctx, after[0])
    if before:
        told = _range_of(ctx, before[-1])
        if _TOLD_UNSURE.search(ctx.text, s_lo, _line_end_of_next(ctx, sent, s_hi)):
            # 「日付は「たぶん１２月の終わり頃と、正月明け」としか言えない」: the teller's own guess of the days
            return DateRange(told.earliest, told.latest, told.text, "unsure")
        return told
    if in_sent:
        return _range_of(ctx, in_sent[0])
    earlier = raw = ctx.date_ix.last_before(s_lo)
    while earlier is not None and _outside_aside(ctx, earlier, pos):
        earlier = ctx.date_ix.last_before(earlier.start)
    # a date in a person's description (「（元交際相手。平成２８年１０月に別れた）」) only bounds an act whose day
    # the text says it cannot fix; it never dates one
    aside_only = earlier is None and raw is not None
    if aside_only:
        earlier = raw
    ls = ctx.text.rfind("\n", 0, s_lo) + 1
    if ctx.report_date is not None and TIME_LINE.match(ctx.text, ls) and (earlier is None or aside_only or (
            earlier.start < ls and TIME_LINE.match(ctx.text, ctx.text.rfind("\n", 0, earlier.start) + 1))):
        # 「02:30　通報者から聴取。インターホンは…鳴らされた」: a time line of the record tells what happened that
        # day, not on a date an earlier line mentioned in passing (「10月25日に会った後」)
        return DateRange(ctx.report_date, ctx.report_date, "記録日", "inherited")
    # 「（このモールに行くのは今年初めてで）」: a year named in passing does not replace the day told before it
    while earlier is not None and earlier.precision == "year" and earlier.relative:
        prev = ctx.date_ix.last_before(earlier.start)
        if prev is None or prev.precision == "year" or not (earlier.earliest <= prev.earliest <= earlier.latest):
            break
        earlier = prev
    if earlier is None:
        return None
    told = _range_of(ctx, earlier)
    # a date carried over from an earlier sentence is a lower bound at best (「その後」「日付は特定できない」);
    # 「…見た。時期は…日付は特定できない。」: the next sentence of the same line says more about its time
    s_text = ctx.text[s_lo:_line_end_of_next(ctx, sent, s_hi)]
    upper = ctx.report_date or ctx.incident_date or ctx.max_latest
    if upper is not None and upper > told.latest:
        if _DAY_UNKNOWN.search(s_text):
            return DateRange(told.earliest, upper, told.text, "unknown")
        if _AFTER_THAT.search(ctx.text[s_lo:pos]):
            return DateRange(told.latest, upper, told.text, "after")
    if aside_only:
        return None
    return DateRange(told.earliest, told.latest, told.text, "inherited")


_CLAUSE_BREAK = re.compile(r"(?:ており|ていて|であり|ており|ので|が)、")
# a line of a record that starts with its time (「22:10　通報者から聴取。」)
TIME_LINE = re.compile(r"[ \t　・]*[0-9０-９]{1,2}[:：][0-9０-９]{2}")
_DAY_UNKNOWN = re.compile(r"(日付|日時|時期|日にち)(は|が|も)[^。]{0,8}(特定でき|不明|分から|わから|はっきりしない|覚えていない)|"
                          # 「入れた日も位置を見た日も「覚えていない」」
                          r"(た|る)日(は|も)[「」]?[^。]{0,12}?(覚えていない|分からない|わからない|不明)|"
                          r"(日付|日時)の記録(は|も)?(なし|ない|無)|[^。]{0,6}か[、，]?はっきり(覚えていない|しない|分からない)")
_TOLD_UNSURE = re.compile(r"(日付|日時|時期|日にち)(は|が|も)[^。]{0,30}としか(言え|いえ|分から|わから)|"
                          r"(日付|日時|時期|日にち)(は|が|も)[^。]{0,8}(はっきりしない|定かでない|覚えていない)")
_AFTER_THAT = re.compile(r"その後|以降|以後|それ以来|以来|それから")


def _range_of(ctx: Ctx, d) -> DateRange:
    for p in _period_at(ctx, d.start):
        if p.start_offset <= d.start < p.end_offset + 1:
            start = p.start.earliest if p.start else (p.end.earliest if p.end else d.earliest)
            end = p.end.latest if p.end else (_closed_later(ctx, p) or _open_end(ctx, p.start))
            return DateRange(start, max(start, end), p.text)
    group = date_list(ctx, d)
    if len(group) > 1:
        return DateRange(min(x.earliest for x in group), max(x.latest for x in group), ctx.text[group[0].start:group[-1].end])
    return DateRange(d.earliest, d.latest, d.text)


_LIST_GAP = re.compile(r"^(?:[、，,・とや\s]|か|又は|または|もしくは|[（(][月火水木金土日][）)]|及び|並びに|夜|朝|昼|夕方|晩|深夜|未明|午前|午後|頃|ごろ|各|の|\d{1,2}時(?:\d{1,2}分)?|\d{1,2}:\d{2})*$")


def _closed_later(ctx: Ctx, p):
    """「７月下旬から…５回あり（７/２４〜７/３１）」: an open period closed by a period told later in its sentence."""
    if p.start is None:
        return None
    stop = ctx.text.find("。", p.end_offset)
    stop = stop if stop >= 0 else len(ctx.text)
    for q in ctx.period_ix.between(p.end_offset, stop):
        if q.start is not None and q.end is not None and q.start.earliest >= p.start.earliest:
            return q.end.latest
    return None


def _period_at(ctx: Ctx, pos: int) -> list:
    """The first period (in text order) that starts at or before pos and ends at or after it, as a
    list of at most one (all of them if periods are not in text order)."""
    ix = ctx.period_ix
    if not ix.ordered:
        return ix.items
    j = bisect.bisect_right(ix.starts, pos)          # periods[:j] start at or before pos
    k = bisect.bisect_left(ctx.period_maxend, pos)  # first period ending at or after pos
    return [ix.items[k]] if k < j else []


def index_lookups(ctx: Ctx) -> None:
    """Look-up structures built once per narrative (each used once per act)."""
    ctx.date_ix = ByStart(ctx.dates)
    ctx.count_ix = ByStart(ctx.counts)
    ctx.extra_ix = ByStart(ctx.extra_counts)
    ctx.device_ix = ByStart(ctx.devices, start=lambda x: x[0])
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
    ctx.aside_end = _person_asides(ctx)
    # periods: the first (in order) that contains a position is found through the running maximum of ends
    ctx.period_ix = ByStart(ctx.periods, start=lambda p: p.start_offset)
    ctx.period_maxend, m = [], -1
    for p in ctx.periods:
        m = max(m, p.end_offset)
        ctx.period_maxend.append(m)


def _person_asides(ctx: Ctx) -> dict[int, tuple[int, int]]:
    """Dates inside a parenthesis that describes a person (「男（Ｆ・30歳、元交際相手、本年5月に別れた）」):
    id(date) → the aside's character span. Such a date is the person's background, never the date of an
    act told outside the parenthesis (「（翌日（5月3日）にも」 follows no person and stays the act's)."""
    out: dict[int, tuple[int, int]] = {}
    if not ctx.dates:
        return out
    toks, roles, text = ctx.toks, ctx.roles, ctx.text
    spans = []
    stack: list[int] = []
    for t in [t for t in toks if t.text in PAREN_EVENTS]:   # only brackets and line breaks matter
        if t.text in ("（", "("):
            stack.append(t.i)
        elif t.text in ("）", ")") and stack:
            lo = stack.pop()
            if not stack and lo > 0 and roles[lo - 1]:
                spans.append((toks[lo].start, t.end))
        elif t.text == "\n":
            stack.clear()
    if not spans:
        return out
    starts = [a for a, _ in spans]
    for d in ctx.dates:
        j = bisect.bisect_right(starts, d.start) - 1
        if j >= 0 and d.start < spans[j][1]:
            out[id(d)] = spans[j]
    return out


def _outside_aside(ctx: Ctx, d, pos: int) -> bool:
    """Date d stands in a person's description that does not hold position pos."""
    span = ctx.aside_end.get(id(d))
    return span is not None and not (span[0] <= pos < span[1])


def date_list(ctx: Ctx, d) -> list:
    """「5月12日、19日、26日」「７月と８月」「8月19日・20日」: dates listed together with d."""
    idx = ctx.date_pos.get(id(d))
    if idx is None:
        idx = ctx.dates.index(d)
    return ctx.dates[ctx.date_group[idx]:ctx.date_group_end[idx] + 1]


def _open_end(ctx: Ctx, start):
    """「同日以降」: until the last date the narrative tells, or the incident date."""
    if start is None:
        return None
    later = [ctx.max_latest] if ctx.max_latest is not None and ctx.max_latest >= start.earliest else []
    ends = later + ([ctx.incident_date] if ctx.incident_date else [])
    return max(ends) if ends else start.latest


def listed_day_counts(ctx: Ctx, acts) -> None:
    """「閲覧は、８月１０日、１８日、２５日及び９月２日の計４回」: a count told as its listed days is one on each
    day, so a statute switch between them is placed (law/edges.py counts the days after it)."""
    for a in acts:
        if a.date is None or a.dated_counts or a.date.earliest == a.date.latest:
            continue
        sent = ctx.sents[a.sentence_index]
        for d in ctx.date_ix.between(ctx.toks[sent.lo].start, ctx.toks[sent.hi - 1].end):
            group = date_list(ctx, d)
            if len(group) < 2 or ctx.text[group[0].start:group[-1].end] != a.date.text:
                continue
            # (a list told after the act dates it only when the count is that of the list: 「…の計４回」)
            if all(x.precision == "day" for x in group) and (a.count == len(group) or (
                    a.count == 1 and group[0].start < a.evidence.start)):
                a.dated_counts = tuple((DateRange(x.earliest, x.latest, x.text), 1) for x in group)
                a.count = len(group)
            break
