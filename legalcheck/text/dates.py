"""Dates and periods in intake narratives, as intervals, with the caller's offsets.

``find_dates`` reads 和暦 (明治…令和, 元年, full-width and 漢数字 numerals), 西暦
(2024年, 2024/5/1, 2024-05-01, 2024.5.1, and R6.5.1-style abbreviations), parts of a month
(上旬/中旬/下旬, 初め, 末 …), parts of a year (年末, 春 …), 年度, and words resolved from context
(同年, 同月, 同日, 翌日, 翌月, 翌年, 前日, 昨年, 今年, 先月, 先週, 数日前, その後 …).  Year-less
dates (「7月30日」) take the year of the last date before them, and day-only items after a
month (「5月12日、19日、26日」) take that month.

Each :class:`DateMention` is the interval of calendar days the words allow.  Choices:

* 上旬/初旬/初め/はじめ/始め/初頭 → days 1–10; 中旬/半ば/中頃 → 11–20; 下旬 → 21–end;
  末/終わり → 21–end as well (the last ~10 days); 末日 → the last day; 「同月中」「3月中」 → the
  whole month.
* 年末/末 → December, 初め/初頭 → January, 前半 → Jan–Jun, 後半 → Jul–Dec, 春 → Mar–May,
  夏 → Jun–Aug, 秋 → Sep–Nov, 冬 → Dec of that year to the end of the next February
  (precision ``"part_of_year"``); 年度 → 1 April to 31 March (precision ``"year"``).
* ``precision`` adds three values to day/part_of_month/month/year: ``"week"`` (先週, 数日前),
  ``"part_of_year"`` (above) and ``"open"`` (その後).
* 頃/ごろ/ころ/前後 right after the date set ``approximate`` and keep the interval; a 頃 after a
  time of day (「午後7時頃」) does not.
* 同年/同月 refer to the last resolved date; 同日/当日/翌日/前日 only when that date is a day
  (they inherit its ``approximate``).  昨年/今年/本年/先月/今月/先週/本日/今日/昨日 are
  relative to ``reference`` if given, else to the last date with an explicit year before them
  (else the first one after them).  Inside 「」 quotes these deictic words are skipped (their
  "today" is the speaker's, not the officer's).  数日前 is 2–9 days before the last resolved
  date (else ``reference``).  その後 is emitted only when ``reference`` is given: from the last
  resolved date to ``reference``.
* A year-less date takes the year of the last resolved date — except a bare deictic 「昨年」
  「今年」, which is background (「男は昨年、交際を申し込んで断られている。男は『1月中旬に付けた』」
  keeps the narrative's year for 1月中旬); with none before it, that of
  ``reference`` (or of the first explicit year after it), a year earlier if that would put it
  after that anchor.  In 「AからB」 a year-less or month-less B that would fall before A rolls
  over (「12月28日から1月3日まで」, 「30日から2日まで」).
* Impossible dates (2月30日, 13月, 令和 before 2019-05-01, 平成 after 2019-04-30, 平成32年)
  are skipped and do not become context.  Parts of an era year are clipped to the era
  (令和元年 → 2019-05-01..2019-12-31).
* Not dates: ages (36歳), durations (3か月前, 約3年, 1年, 7日間, 3日後), amounts, distances,
  「一日数十回」, law numbers (平成12年法律第81号).
"""
from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from legalcheck.text import scan   # each date unit's own look-ahead: the same matches, faster
from legalcheck.text.normalize import Normalized, kanji_number, normalize

__all__ = ["DateMention", "Period", "ImpossibleDate", "find_dates", "find_periods", "impossible_dates"]


@dataclass(frozen=True)
class DateMention:
    start: int               # offsets into the text exactly as the caller sent it
    end: int
    text: str
    earliest: date
    latest: date
    precision: str           # "day" | "week" | "part_of_month" | "month" | "part_of_year" | "year" | "open"
    approximate: bool
    relative: bool           # resolved from a relative word (同年, 翌日, 昨年, 数日前 …)
    inferred: bool = False   # year (or month) taken from context: 「7月30日」, 「19日」


@dataclass(frozen=True)
class Period:
    start: DateMention | None
    end: DateMention | None   # None: open-ended (「A以降」「Aから」)
    text: str
    start_offset: int
    end_offset: int


# ---------------------------------------------------------------------------------------
# Patterns (on the NFKC text: ASCII digits)

_K = "〇一二三四五六七八九十"
_KD = "〇一二三四五六七八九十百千万数何幾"

_ERA = {
    "明治": (1868, date(1868, 1, 1), date(1912, 7, 29)),
    "大正": (1912, date(1912, 7, 30), date(1926, 12, 24)),
    "昭和": (1926, date(1926, 12, 25), date(1989, 1, 7)),
    "平成": (1989, date(1989, 1, 8), date(2019, 4, 30)),
    "令和": (2019, date(2019, 5, 1), date(2118, 12, 31)),
}
_DEICTIC_YEARS = {"昨年", "去年", "今年", "本年", "一昨年"}
_ERA_LETTER = {"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"}

_APPROX = r"(?:\s?(?:頃|ごろ|ころ|前後))"
_YEAR_UNIT = (
    r"(?:(?P<era>明治|大正|昭和|平成|令和)\s?(?P<eray>元|\d{1,2}|[" + _K + r"]{1,3})\s?年"
    r"|(?<![\d,.])(?P<wy>\d{4})\s?年"
    r"|(?P<ry>一昨年|翌々年|前々年|同年|翌年|前年|昨年|去年|今年|本年|当年)(?!代|齢|輩|配))"
    r"(?!法律|政令|条例|省令|府令|規則)"
    r"(?P<fy>度)?"
    r"(?P<yp>末|年末|初め(?!て)|はじめ(?!て)|始め(?!て)|初頭|前半|後半|春|夏|秋|冬|中(?!旬))?"
    r"(?P<yap>" + _APPROX + r")?"
)
_MONTH_UNIT = (
    r"(?:(?:(?<![\d.,/])(?P<mo>\d{1,2})|(?<![" + _KD + r"第])(?P<mok>[" + _K + r"]{1,2}))"
    r"\s?月(?!間|額|謝|賦|給|収|刊|極|曜|齢|々)"
    r"|(?P<rm>先々月|翌々月|同月|翌月|前月|先月|今月|本月|当月|来月)"
    # 「4/20」「５／２」 (month/day, the year from context) as record lines write them
    r"|(?<![^\s・(、\n~〜～らちはがもにでとのへ])(?P<smo>\d{1,2})(?:/|(?<=[~〜～・\nち、]\d)\.|(?<=[~〜～・\nち、]\d\d)\.)(?P<sdd>\d{1,2})(?=[\s()（）、。~〜～]|から|まで|$|朝|昼|夕|夜|深夜|未明|午前|午後|頃|ころ|ごろ|の|以降|以後|に))"
    r"(?:\s?(?P<dd>\d{1,2}|[" + _K + r"]{1,3})\s?日(?!間)"
    # (「１２月の初め」「５月の終わり」: the part after の)
    r"|(?:の(?=初め(?!て)|はじめ(?!て)|始め(?!て)|終わり|終り|上旬|中旬|下旬|半ば|中頃))?"
    r"(?P<mp>上旬|中旬|下旬|初旬|初め(?!て)|はじめ(?!て)|始め(?!て)|初頭|半ば|なかば|中頃|中ごろ|末日|末|終わり|終り|中))?"
    r"(?P<map>" + _APPROX + r")?"
)
_YM_PART = r"上旬|中旬|下旬|初旬|初め(?!て)|末(?!日)|半ば|中頃|中ごろ"
_NUMERIC = (
    r"(?<![\d.,/])(?P<ny>\d{4})(?P<ns>[/.\-])(?P<nm>\d{1,2})(?P=ns)(?P<nd>\d{1,2})(?![\d]|[/.\-]\d)"
    r"|(?<![A-Za-z])(?P<ae>[MTSHR])\s?(?P<aey>\d{1,2})(?P<as>[./])(?P<aem>\d{1,2})[./](?P<aed>\d{1,2})(?![\d]|[/.]\d)"
    # 「H28.9離婚」「R6.12に」: an era letter with year and month only
    r"|(?<![A-Za-z])(?P<am>[MTSHR])\s?(?P<amy>\d{1,2})[./](?P<amm>\d{1,2})(?:[./](?=[上中下初末]))?(?![\d./]|\s?月)"
    r"(?P<amp>" + _YM_PART + r")?"
    # 「2021/6/中旬ごろ」「2021/5/下旬」「2021/6　」: a record line's year and month, a part of it or nothing after
    r"|(?<![\d.,/])(?P<wyn>\d{4})[/.](?P<wym>\d{1,2})(?:(?:[./])?(?P<wymp>" + _YM_PART + r")|(?=[\s、　]))"
)
# days told from the day of speaking (「今夜は友人と…」: the night of the record)
_DEICTIC_DAYS = {"本日": 0, "今日": 0, "今夜": 0, "今晩": 0, "今朝": 0, "昨日": 1, "昨夜": 1, "昨晩": 1, "一昨日": 2}
_REL_DAY = r"(?P<rd>翌々日|前々日|一昨日|同日|翌日|前日|当日|本日|今日|昨日|今夜|今晩|今朝|昨夜|昨晩|同夜|翌朝|翌晩|翌夜|同朝)(?P<rdap>" + _APPROX + r")?"
_REL_WEEK = r"(?P<rw>先々週|先週|今週|前週|翌週|同週)"
_FEW_DAYS = r"(?P<few>数日前)"
_AFTER = r"(?P<after>その後)"
# 「年末年始のころ」 without a year: the turn of the year nearest the context (late December to early January)
# (「年末から正月にかけて」「年末から年明けまで」 are the same turn)
# 「正月の間」「正月明け」 without a year: the first days of January after the context (正月明け: the week after)
_NEW_YEAR = r"(?P<shogatsu>(?<!から)(?<!年末)正月(?P<shogatsu_after>明け)?(?:三が日|の間|中)?)"
# 「年末ごろに会ったとき」 without a year: the end of the year nearest the context
_YEAR_END = r"(?P<yearend>(?<![\d年度])年末(?!年始)(?:ごろ|頃|近く)?)"
_TURN = (r"(?P<turn>(?<!\d)(?<![年度])(?:年末年始|(?:(?:去年|昨年)の)?(?:年末|暮れ)から(?:正月|年始|年明け)(?:明け)?"
         r"(?:にかけて|まで)?))")
_BARE_DAY = r"(?P<bpre>翌)?(?P<bsame>同(?=\s?[0-9一二三四五六七八九十]))?(?<![\d.,/])(?P<bd>\d{1,2}|(?<![" + _KD + r"])[" + _K + r"]{1,3})\s?日(?P<bap>" + _APPROX + r")?"

_UNITS = (_TURN, _NEW_YEAR, _YEAR_END, _NUMERIC, _YEAR_UNIT, _MONTH_UNIT, _REL_DAY, _REL_WEEK, _FEW_DAYS, _AFTER, _BARE_DAY)
# The leading look-ahead (every way a date can start) lets the engine skip other characters
# quickly: ten times faster than trying each alternative at every position. Each unit has its own
# look-ahead too, where its first characters can be told (scan.guarded): at a 「前」 or a 「年」 the
# units that cannot start there fail at one test, not after their look-behinds and groups.
_MASTER = re.compile(
    # (the turn of the year first: 「去年の暮れから年明けにかけて」 is one period, not 「去年」 and words after it)
    r"(?=[0-9〇一二三四五六七八九十明大昭平令同翌前昨去今本当先来そ数MTSHR年暮正])(?:" + "|".join(f"(?:{scan.guarded(p)})" for p in _UNITS) + ")"
)

# What a bare 「N日」 may follow to be a day of the context month …
_BARE_BEFORE = re.compile(r"(?:、|,|・|と|及び|および|並びに|ならびに|や|又は|または|か|から|より|~|〜|-|‐|－|―|。|\n|\(|:|：)[ \t]*$")
# … and what it must not be followed by (durations, per-day rates, ordinals).
_BARE_AFTER_BAD = re.compile(
    r"\s?(?:間|目|後|前|以内|以上|ぶり|振り|おき|置き|ごと|毎|当たり|あたり|分|程|ほど|連続|がかり|中|"
    r"にわた|に渡|足らず|余り|あまり|弱|強|ずつ|遅れ|"
    r"に?\s?(?:\d|[" + _KD + r"])+\s?(?:回|件|通|度|本|枚))"
)
# Times of day and similar between a date and a connector (「30日午後5時半頃から」).
_FILLER = r"(?:\s|午前|午後|正午|深夜|早朝|未明|夜間|夜|朝|昼|夕方|夕刻|晩|明け方|零時|\d{1,2}時(?:\d{1,2}分|半)?|頃|ごろ|ころ|過ぎ|すぎ|\((?:月|火|水|木|金|土|日|祝)\))*"
_FROM_TO = re.compile(_FILLER + r"(?:から|より|~|〜|-|‐|－|―)" + r"\s*$")


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _num(s: str | None) -> int | None:
    if s is None:
        return None
    return kanji_number(s)


_MPART = {
    "上旬": (1, 10), "初旬": (1, 10), "初め": (1, 10), "はじめ": (1, 10), "始め": (1, 10),
    "初頭": (1, 10), "中旬": (11, 20), "半ば": (11, 20), "なかば": (11, 20), "中頃": (11, 20),
    "中ごろ": (11, 20), "下旬": (21, 31), "末": (21, 31), "終わり": (21, 31), "終り": (21, 31),
}
# year part → (first month, last month, months added to the year for the end)
_YPART = {
    "末": (12, 12), "年末": (12, 12), "初め": (1, 1), "はじめ": (1, 1), "始め": (1, 1), "初頭": (1, 1),
    "前半": (1, 6), "後半": (7, 12), "春": (3, 5), "夏": (6, 8), "秋": (9, 11), "冬": (12, 14),
}


@dataclass
class _Raw:
    """One regex hit, before resolution (normalised offsets)."""
    s: int
    e: int
    m: re.Match
    ym: re.Match | None = None   # a year unit merged in front of a month unit


class _Ctx:
    __slots__ = ("y", "yi", "m", "last", "reference", "abs_before", "quoted", "groups")

    def __init__(self, reference):
        self.y: int | None = None      # year of the last resolved date (for 同年, 翌年 …)
        self.yi: int | None = None     # the year a year-less month takes (see _find_dates_norm)
        self.m: int | None = None
        self.last: DateMention | None = None
        self.reference: date | None = reference
        self.abs_before: list[DateMention] = []
        self.quoted = False            # the mention stands inside 「」 (words said on the last date told)
        self.groups: dict[int, dict] = {}   # id(hit) → its groupdict() (_groups)


_QUOTE_MARK = re.compile("[「『」』]")


def _quote_ranges(t: str) -> list[tuple[int, int]]:
    out = []
    depth = 0
    start = 0
    for m in _QUOTE_MARK.finditer(t):   # only the brackets, not every character
        i, c = m.start(), m.group()
        if c in "「『":
            if depth == 0:
                start = i
            depth += 1
        elif c in "」』" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
    return out


def _in_ranges(i: int, ranges) -> bool:
    return any(a <= i < b for a, b in ranges)


def _era_year(era: str, n: int) -> int:
    return _ERA[era][0] + n - 1


def _clip_era(era: str | None, e: date, l: date) -> tuple[date, date] | None:
    if era is None:
        return (e, l) if e <= l else None
    lo, hi = _ERA[era][1], _ERA[era][2]
    e2, l2 = max(e, lo), min(l, hi)
    if e2 > l2:
        return None
    return e2, l2


def find_dates(text: str, reference: date | None = None, *, norm: Normalized | None = None) -> list[DateMention]:
    """Every date mention in ``text``, in text order (see the module docstring). ``norm``:
    ``normalize(text)`` when the caller has it already (one normalisation per analysis)."""
    norm = norm if norm is not None else normalize(text)
    return _find_dates_norm(norm, reference)


def _master_hits(norm: Normalized) -> list[re.Match]:
    """The date units of the text, found once for the input checks (impossible_dates) and find_dates:
    kept on the Normalized itself (its fields, equality and hash unchanged), so they live as long as it."""
    hits = norm.__dict__.get("_master_hits")
    if hits is None:
        hits = list(_MASTER.finditer(norm.text))
        object.__setattr__(norm, "_master_hits", hits)
        # each hit's groups as a dict, built once (41 groups: 2–4 µs a groupdict(), asked for 5–7 times per hit)
        object.__setattr__(norm, "_master_groups", {id(h): h.groupdict() for h in hits})
    return hits


def _groups(norm: Normalized) -> dict[int, dict]:
    """id(hit) → hit.groupdict() for the hits of _master_hits (alive on ``norm``, so ids stay theirs)."""
    _master_hits(norm)
    return norm.__dict__["_master_groups"]


def _find_dates_norm(norm: Normalized, reference: date | None) -> list[DateMention]:
    t = norm.text
    hits = _master_hits(norm)
    if not hits:
        return []
    groups = _groups(norm)
    # Merge a bare year unit with the month unit right after it (「令和6年」「5月12日」).
    raws: list[_Raw] = []
    i = 0
    while i < len(hits):
        h = hits[i]
        g = groups[id(h)]
        if (g["era"] or g["wy"] or g["ry"]) and not (g["fy"] or g["yp"] or g["yap"]) and i + 1 < len(hits):
            nx = hits[i + 1]
            gap = t[h.end():nx.start()]
            if (gap == "" or gap.isspace() or gap == "の") and (nx.group("mo") or nx.group("mok") or nx.group("rm")):
                raws.append(_Raw(h.start(), nx.end(), nx, h))
                i += 2
                continue
        raws.append(_Raw(h.start(), h.end(), h))
        i += 1

    # the hits with an explicit year, in text order: the look-ahead bisects them (a scan of every hit per call
    # was quadratic on long runs of year-less dates)
    explicit = [r for r in raws if any((r.ym or r.m).group(k) for k in ("era", "wy", "ny", "ae"))]
    explicit_starts = [r.s for r in explicit]

    def lookahead(after: int) -> date | None:
        """The first explicit-year date after normalised position ``after``."""
        j = bisect.bisect_right(explicit_starts, after)
        if j == len(explicit):
            return None
        r = explicit[j]
        return _quick_anchor(r.ym or r.m, r)

    quotes: list[tuple[int, int]] | None = None
    ctx = _Ctx(reference)
    ctx.groups = groups
    out: list[DateMention] = []
    prev_end = -1
    for r in raws:
        m = r.m
        g = groups[id(m)]
        yg = groups[id(r.ym or m)]
        deictic = bool(g["rw"] in ("先週", "先々週", "今週")
                       or g["rd"] in _DEICTIC_DAYS
                       or g["rm"] in ("先月", "今月", "本月", "来月", "先々月")
                       or yg["ry"] in ("昨年", "去年", "今年", "本年", "一昨年"))
        if deictic:
            if quotes is None:
                quotes = _quote_ranges(t)
            if _in_ranges(r.s, quotes):
                continue
        connected = (ctx.last is not None and prev_end >= 0 and r.s - prev_end <= 30
                     and _FROM_TO.match(t, prev_end, r.s) is not None)
        if g["mo"] or g["mok"]:
            if quotes is None:
                quotes = _quote_ranges(t)
            ctx.quoted = _in_ranges(r.s, quotes)
        try:
            res = _resolve(r, g, t, ctx, connected, lookahead)
        except (ValueError, OverflowError):
            res = None
        if res is None:
            continue
        e, l, prec, approx, rel, inferred, absolute = res
        s0, e0 = norm.span(r.s, r.e)
        dm = DateMention(s0, e0, norm.original[s0:e0], e, l, prec, approx, rel, inferred)
        out.append(dm)
        if prec in ("open", "week"):
            continue   # その後, 先週, 数日前: not a new point of reference
        # A bare 「昨年」「今年」 is background (「男は昨年、交際を申し込んで断られている」): it is
        # context for 同年, but a later 「1月中旬」 keeps the year of the narrative, and a later 「12日は」
        # the month and day told before it (「このモールに行くのは今年初めてで」).
        background_year = (rel and prec in ("year", "part_of_year") and yg["ry"] in _DEICTIC_YEARS) or (
            # 「受理年月日　2023年6月5日 … 相手方（元夫、2022年離婚）」: a year named in a description after a dated
            # line does not set the year of the year-less dates that follow
            prec == "year" and ctx.last is not None and ctx.last.precision == "day" and e.year < ctx.last.earliest.year)
        prev_end = r.e
        if background_year and ctx.last is not None and ctx.last.earliest.year == e.year:
            continue
        ctx.last = dm
        ctx.y = e.year
        if not background_year:
            ctx.yi = e.year
        ctx.m = e.month if prec in ("day", "part_of_month", "month") else None
        if absolute:
            ctx.abs_before.append(dm)
    return out


@dataclass(frozen=True)
class ImpossibleDate:
    start: int      # offsets into the text exactly as the caller sent it
    end: int
    text: str
    reason: str     # in Japanese: why no such day exists


def impossible_dates(text: str, *, norm: Normalized | None = None) -> list[ImpossibleDate]:
    """Dates written with an explicit era year, month or day that no calendar has (平成32年,
    令和0年, 令和元年3月, 13月, 2月30日, 2024/4/31): :func:`find_dates` skips them, and the
    analysis must say so rather than judge the acts under another date. ``norm`` as in find_dates."""
    norm = norm if norm is not None else normalize(text)
    t = norm.text
    hits = _master_hits(norm)
    groups = _groups(norm)
    out: list[ImpossibleDate] = []
    i = 0
    while i < len(hits):
        h, ym = hits[i], None
        g = groups[id(h)]
        if (g["era"] or g["wy"]) and not (g["fy"] or g["yp"] or g["yap"]) and i + 1 < len(hits):
            nx = hits[i + 1]
            gap = t[h.end():nx.start()]
            if (gap == "" or gap.isspace() or gap == "の") and (nx.group("mo") or nx.group("mok")):
                ym, h = h, nx
                i += 1
        i += 1
        parts = [x for x in ((ym or h).group("eray"), h.group("mok"), h.group("dd")) if x]
        if any(set(x) == {"〇"} for x in parts):
            continue   # 「令和5年〇月〇日」: a masked date, not a wrong one
        why = _impossible(groups[id(ym)] if ym else g, groups[id(h)] if ym else g)
        if why:
            s0, e0 = norm.span((ym or h).start(), h.end())
            out.append(ImpossibleDate(s0, e0, text[s0:e0], why))
    return out


def _impossible(yg: dict, mg: dict) -> str | None:
    """Why the explicit parts of a date cannot be (None if they can, or are not explicit)."""
    if mg.get("ny") or mg.get("ae"):
        if mg.get("ny"):
            era, y = None, int(mg["ny"])
            mo, d = int(mg["nm"]), int(mg["nd"])
        else:
            era, n = _ERA_LETTER[mg["ae"]], int(mg["aey"])
            if n == 0:
                return f"{era}0年という年はない"
            y, mo, d = _era_year(era, n), int(mg["aem"]), int(mg["aed"])
        return _impossible_ymd(era, y, mo, d)
    era = y = None
    if yg.get("era"):
        era = yg["era"]
        n = 1 if yg["eray"] == "元" else _num(yg["eray"])
        if n is None:
            return None
        if n == 0:
            return f"{era}0年という年はない（元年から始まる）"
        y = _era_year(era, n)
    elif yg.get("wy"):
        y = int(yg["wy"])
    mo = _num(mg.get("mo") or mg.get("mok")) if (mg.get("mo") or mg.get("mok")) else None
    d = _num(mg.get("dd")) if mg.get("dd") else None
    if era and (mo is None or not 1 <= mo <= 12):
        hi = _ERA[era][2]
        if y > hi.year:
            return f"{era}は{hi.year - _ERA[era][0] + 1}年（{hi.isoformat()}）までであり、{era}{y - _ERA[era][0] + 1}年はない"
    return _impossible_ymd(era, y, mo, d)


def _impossible_ymd(era: str | None, y: int | None, mo: int | None, d: int | None) -> str | None:
    if mo is not None and not 1 <= mo <= 12:
        return f"{mo}月という月はない"
    if d is not None and mo is not None:
        last = _last_day(y, mo) if y is not None else (29 if mo == 2 else _last_day(2001, mo))
        if not 1 <= d <= last:
            return f"{mo}月{d}日という日はない" + (f"（{y}年{mo}月は{last}日まで）" if y is not None else "")
    if era and y is not None:
        lo, hi = _ERA[era][1], _ERA[era][2]
        first = date(y, mo or 1, d or 1) if mo else date(y, 1, 1)
        last_day = date(y, mo or 12, d or (_last_day(y, mo) if mo else 31))
        if last_day < lo:
            return f"{era}は{lo.isoformat()}に始まり、それより前の{era}の日付はない"
        if first > hi:
            return f"{era}は{hi.isoformat()}まで（{era}{hi.year - _ERA[era][0] + 1}年が最後）であり、この日付はない"
    return None


def _quick_anchor(ym: re.Match, r: _Raw) -> date | None:
    """The first day an explicit-year hit stands for (the last, for a year alone): look-ahead anchors."""
    try:
        if ym.group("ny"):
            return date(int(ym.group("ny")), int(ym.group("nm")), int(ym.group("nd")))
        if ym.group("ae"):
            era = _ERA_LETTER[ym.group("ae")]
            return date(_era_year(era, int(ym.group("aey"))), int(ym.group("aem")), int(ym.group("aed")))
        if ym.group("era"):
            n = 1 if ym.group("eray") == "元" else _num(ym.group("eray"))
            y = _era_year(ym.group("era"), n)
        else:
            y = int(ym.group("wy"))
        mm = r.m if r.ym is not None else None
        mo = _num(mm.group("mo") or mm.group("mok")) if mm is not None and not mm.group("rm") else None
        if mo and 1 <= mo <= 12:
            return date(y, mo, 1)
        return date(y, 12, 31)   # a year alone (「※年はいずれも令和6年」): any day of it, so none rolls back
    except (ValueError, TypeError):
        return None


def _base(ctx: _Ctx, need: str) -> date | None:
    """The date deictic words count from: reference, else the last explicit-year date."""
    if ctx.reference is not None:
        return ctx.reference
    for dm in reversed(ctx.abs_before):
        if need == "year" or (need == "month" and dm.precision in ("day", "part_of_month", "month")) \
                or (need == "day" and dm.precision == "day"):
            return dm.earliest
        if need != "year":
            return None
    return None


def _resolve(r: _Raw, g: dict, t: str, ctx: _Ctx, connected: bool, lookahead):
    """→ (earliest, latest, precision, approximate, relative, inferred, absolute) or None."""
    m = r.m
    # 2024/5/1, 2024-05-01, 2024.5.1, R6.5.1
    if g["ny"] or g["ae"]:
        era = None
        if g["ny"]:
            y, mo, d = int(g["ny"]), int(g["nm"]), int(g["nd"])
            if not 1868 <= y <= 2200:
                return None
        else:
            era = _ERA_LETTER[g["ae"]]
            y, mo, d = _era_year(era, int(g["aey"])), int(g["aem"]), int(g["aed"])
        day = date(y, mo, d)
        if _clip_era(era, day, day) is None:
            return None
        return day, day, "day", False, False, False, True

    if g.get("am") or g.get("wyn"):
        if g.get("am"):
            era = _ERA_LETTER[g["am"]]
            y, mo, part = _era_year(era, int(g["amy"])), int(g["amm"]), g.get("amp")
        else:
            era, y, mo, part = None, int(g["wyn"]), int(g["wym"]), g.get("wymp")
            if not 1868 <= y <= 2200:
                return None
        if not 1 <= mo <= 12:
            return None
        last = _last_day(y, mo)
        a, b = _MPART.get(part, (1, 31))
        e, l = date(y, mo, a), date(y, mo, min(b, last))
        c = _clip_era(era, e, l)
        return (c[0], c[1], "part_of_month" if part else "month", False, False, False, True) if c else None

    if g["rd"]:
        w = g["rd"]
        approx = bool(g["rdap"])
        if w in _DEICTIC_DAYS:
            b = _base(ctx, "day")
            if b is None:
                return None
            day = b - timedelta(days=_DEICTIC_DAYS[w])
            return day, day, "day", approx, True, False, False
        last = ctx.last
        if last is None or last.precision != "day":
            return None
        k = {"同日": 0, "当日": 0, "同夜": 0, "同朝": 0, "翌日": 1, "翌朝": 1, "翌晩": 1, "翌夜": 1,
             "翌々日": 2, "前日": -1, "前々日": -2}[w]
        day = last.earliest + timedelta(days=k)
        return day, day, "day", approx or last.approximate, True, False, False

    if g["rw"]:
        w = g["rw"]
        if w in ("先週", "先々週", "今週"):
            b = _base(ctx, "day")
        else:
            b = ctx.last.earliest if ctx.last is not None and ctx.last.precision == "day" else None
        if b is None:
            return None
        monday = b - timedelta(days=b.weekday())
        k = {"先々週": -2, "先週": -1, "前週": -1, "今週": 0, "同週": 0, "翌週": 1}[w]
        e = monday + timedelta(weeks=k)
        return e, e + timedelta(days=6), "week", False, True, False, False

    if g["few"]:
        if ctx.last is not None:
            e, l = ctx.last.earliest - timedelta(days=9), ctx.last.latest - timedelta(days=2)
        elif ctx.reference is not None:
            e, l = ctx.reference - timedelta(days=9), ctx.reference - timedelta(days=2)
        else:
            return None
        return e, l, "week", True, True, False, False

    if g["after"]:
        if ctx.reference is None or ctx.last is None or ctx.reference < ctx.last.earliest:
            return None
        return ctx.last.earliest, ctx.reference, "open", True, True, False, False

    if g["bd"] is not None:
        return _resolve_bare_day(r, g, t, ctx, connected)

    if g.get("yearend"):
        b = ctx.last.earliest if ctx.last is not None else ctx.reference
        if b is None:
            return None
        y = b.year if b.month >= 7 else b.year - 1   # the year end after a date of its second half
        return date(y, 12, 21), date(y, 12, 31), "part_of_year", True, True, False, False

    if g.get("shogatsu"):
        b = ctx.last.earliest if ctx.last is not None else ctx.reference
        if b is None:
            return None
        y = b.year + 1 if b.month >= 7 else b.year   # the new year after a date of the second half
        if g.get("shogatsu_after"):
            return date(y, 1, 4), date(y, 1, 15), "part_of_year", True, True, False, False
        return date(y, 1, 1), date(y, 1, 7), "part_of_year", True, True, False, False

    if g.get("turn"):
        b = ctx.last.earliest if ctx.last is not None else ctx.reference
        if b is None:
            return None
        y = b.year if b.month >= 7 else b.year - 1   # the year end after a date of its second half
        return date(y, 12, 21), date(y + 1, 1, 10), "part_of_year", True, True, False, False

    # Year and/or month units.
    ym = r.ym if r.ym is not None else (m if (g["era"] or g["wy"] or g["ry"]) else None)
    yg = ctx.groups[id(ym)] if ym is not None else None
    era = None
    year: int | None = None
    relative = False
    absolute = False
    inferred = False
    if yg is not None:
        if yg["era"]:
            era = yg["era"]
            n = 1 if yg["eray"] == "元" else _num(yg["eray"])
            if n is None or n < 1 or n > 99:
                return None
            year = _era_year(era, n)
            absolute = True
        elif yg["wy"]:
            year = int(yg["wy"])
            if not 1868 <= year <= 2200:
                return None
            absolute = True
        else:
            w = yg["ry"]
            relative = True
            if w in ("同年", "当年"):
                year = ctx.y
            elif w in ("翌年", "翌々年", "前年", "前々年"):
                if ctx.y is None:
                    return None
                year = ctx.y + {"翌年": 1, "翌々年": 2, "前年": -1, "前々年": -2}[w]
            else:
                b = _base(ctx, "year")
                if b is None:
                    b = lookahead(r.s)
                if b is None:
                    return None
                year = b.year + {"昨年": -1, "去年": -1, "一昨年": -2, "今年": 0, "本年": 0}[w]
            if year is None:
                return None
        if r.ym is None:
            # A year on its own, maybe with 年度 / 年末 / 春 / 頃.
            approx = bool(yg["yap"])
            if yg["fy"]:
                e, l = date(year, 4, 1), date(year + 1, 3, 31)
                prec = "year"
            elif yg["yp"] and yg["yp"] != "中":
                a, b = _YPART[yg["yp"]]
                by, bm = _add_months(year, 1, b - 1)
                e, l = date(year, a, 1), date(by, bm, _last_day(by, bm))
                prec = "part_of_year"
            else:
                e, l = date(year, 1, 1), date(year, 12, 31)
                prec = "year"
            c = _clip_era(era, e, l)
            if c is None:
                return None
            return c[0], c[1], prec, approx, relative, False, absolute

    # A month unit (maybe with the year merged in front).
    mg = ctx.groups[id(m)]
    month: int | None
    if mg["rm"]:
        w = mg["rm"]
        relative = True
        if w in ("同月", "当月"):
            if ctx.m is None:
                return None
            year2, month = ctx.y, ctx.m
        elif w in ("翌月", "翌々月", "前月"):
            if ctx.m is None:
                return None
            year2, month = _add_months(ctx.y, ctx.m, {"翌月": 1, "翌々月": 2, "前月": -1}[w])
        else:
            b = _base(ctx, "month")
            if b is None:
                return None
            year2, month = _add_months(b.year, b.month, {"先月": -1, "先々月": -2, "今月": 0, "本月": 0, "来月": 1}[w])
        if year is None:
            year = year2
        elif w in ("同月", "当月") and year != year2:
            year2 = year  # 「同年同月」-like oddities: trust the year given
    else:
        month = _num(mg["mo"] or mg["mok"] or mg["smo"])
        if month is None or not 1 <= month <= 12:
            return None
        if year is None:
            inferred = True
            if ctx.yi is not None:
                year = ctx.yi
                if connected and ctx.last is not None and date(year, month, 1) <= ctx.last.earliest \
                        and (year, month) < (ctx.last.earliest.year, ctx.last.earliest.month):
                    year += 1   # 「12月28日から1月3日まで」
                elif ctx.last is not None and ctx.last.earliest.year == year and ctx.last.earliest.month >= 10 \
                        and month <= 3 and (ctx.reference is None or date(year + 1, month, 1) <= ctx.reference):
                    year += 1   # a record running on from December: 「12月20日…」「1月5日…」 is the next year
                elif ctx.quoted and ctx.last is not None and ctx.last.earliest.year == year \
                        and ctx.last.earliest.month <= 3 and month >= 10:
                    year -= 1   # 「・１月９日　Ｒ任意出頭。「１２月２５日に…入れた」と供述」: said in January of the December before
            else:
                anchor = ctx.reference or lookahead(r.s)
                if anchor is None:
                    return None
                year = anchor.year
                if date(year, month, 1) > anchor:
                    year -= 1
    approx = bool(mg["map"])
    if mg["dd"] is not None or mg["sdd"] is not None:
        d = _num(mg["dd"] or mg["sdd"])
        if d is None or not 1 <= d <= 31:
            return None
        day = date(year, month, d)   # ValueError for 2月30日
        c = _clip_era(era, day, day)
        if c is None:
            return None
        return day, day, "day", approx, relative, inferred, absolute
    last = _last_day(year, month)
    mp = mg["mp"]
    if mp and mp in _MPART:
        a, b = _MPART[mp]
        e, l, prec = date(year, month, a), date(year, month, min(b, last)), "part_of_month"
    elif mp == "末日":
        e = l = date(year, month, last)
        prec = "day"
    else:
        e, l, prec = date(year, month, 1), date(year, month, last), "month"
    c = _clip_era(era, e, l)
    if c is None:
        return None
    return c[0], c[1], prec, approx, relative, inferred, absolute


def _resolve_bare_day(r: _Raw, g: dict, t: str, ctx: _Ctx, connected: bool):
    """「19日」 after 「5月12日、」, 「翌31日」, 「28日午前6時頃には」: a day of the context month."""
    if ctx.m is None or ctx.y is None:
        return None
    d = _num(g["bd"])
    if d is None or not 1 <= d <= 31:
        return None
    has_next = bool(g["bpre"])
    # 「６月１４日、同２１日」: 同 names the context month itself
    if not has_next and not g.get("bsame") and r.s > 0 and not _BARE_BEFORE.search(t, max(0, r.s - 6), r.s):
        return None
    if _BARE_AFTER_BAD.match(t, r.e):
        return None
    y, mo = ctx.y, ctx.m
    last = ctx.last
    if (has_next or connected) and last is not None and last.precision == "day" and d < last.earliest.day:
        y, mo = _add_months(y, mo, 1)   # 「1月31日から2日まで」「翌1日」
    day = date(y, mo, d)
    return day, day, "day", bool(g["bap"]), has_next, True, False


# ---------------------------------------------------------------------------------------
# Periods

_PERIOD_END = re.compile(_FILLER + r"(?:までの間|まで間|までの|まで|にかけて|にかけ|の間)")
_END_ONLY = re.compile(_FILLER + r"(?:までの間|まで間|までの|まで|にかけて|にかけ)")
_OPEN_AFTER = re.compile(_FILLER + r"(?:以降|以後|以来|から|より)")
_ANAPHOR = re.compile(r"その後|以後|以降|それから|以来")


def find_periods(text: str, mentions: list[DateMention], *, norm: Normalized | None = None) -> list[Period]:
    """Periods over ``mentions`` (from :func:`find_dates` on the same ``text``), in text order.

    * 「AからBまで(の間)」「AからBにかけて」「A〜B」「AからB」 → start A, end B.
    * 「A以降」「A以後」「A以来」「Aから」 → start A, end None (open-ended).
    * 「Bまで(の間)」「Bにかけて」 alone → end B; the start is the previous mention when it is
      in the same sentence, or when an anaphor (その後, 以後, 以降, それから, 以来) stands
      between them in B's sentence (「…2月15日頃…。その後、甲は同年3月7日までの間」);
      otherwise start None.

    ``text`` is the period's words in the caller's text, from A (or the anaphor) to the end of
    まで/までの間/にかけて/以降; ``start_offset``/``end_offset`` are its offsets.
    """
    if not mentions:
        return []
    norm = norm if norm is not None else normalize(text)   # as find_dates
    t = norm.text
    offs = norm.offsets
    pos = [(norm.to_normalized(m.start), norm.to_normalized(m.end)) for m in mentions]
    out: list[Period] = []
    n = len(mentions)
    i = 0
    while i < n:
        a = mentions[i]
        a_s, a_e = pos[i]
        # A から B (まで …)
        if i + 1 < n:
            b_s, b_e = pos[i + 1]
            if b_s - a_e <= 30 and _FROM_TO.match(t, a_e, b_s):
                em = _PERIOD_END.match(t, b_e)
                e0 = offs[em.end()] if em else mentions[i + 1].end
                out.append(Period(a, mentions[i + 1], text[a.start:e0], a.start, e0))
                i += 2
                continue
        om = _OPEN_AFTER.match(t, a_e)
        if om:
            e0 = offs[om.end()]
            out.append(Period(a, None, text[a.start:e0], a.start, e0))
            i += 1
            continue
        em = _END_ONLY.match(t, a_e)
        if em:
            start = None
            s_norm = a_s
            if i > 0:
                p_s, p_e = pos[i - 1]
                sent_start = max(t.rfind("。", 0, a_s), t.rfind("\n", 0, a_s)) + 1
                if p_s >= sent_start:
                    start, s_norm = mentions[i - 1], p_s
                else:
                    am = _ANAPHOR.search(t, max(p_e, sent_start), a_s)
                    if am is not None:
                        start, s_norm = mentions[i - 1], am.start()
            s0, e0 = offs[s_norm], offs[em.end()]
            out.append(Period(start, a, text[s0:e0], s0, e0))
        i += 1
    return out
