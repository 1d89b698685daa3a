"""How many times: counts of acts in intake narratives, with the caller's offsets.

``find_counts`` reads numbers with a counter (回, 件, 通, 度, 枚, 本; 回目/度目 as ordinals)
in digits, full-width digits, digits with thousands commas and 漢数字, with their qualifiers
(約, 少なくとも, 計, 以上, 位 …), and words of repetition (多数回, 何度も, 繰り返し …) or habit
(毎日のように, 連日 …).  ``value`` is the best *lower bound* on the number of times:

* 「約50回」「50回位」「100回近く」 → 50/50/100, kind ``approx``;
* 「少なくとも4回」「三十回以上」「50回余り」「3回目」 → 4/30/50/3, kind ``at_least``;
* 「計23通」「4回にわたり」「2回」「三回とも」 → kind ``exact``;
* vague numerals, kind ``many``: 「数回」2, 「数十回」20, 「十数枚」11, 「数百件」200
  (see :func:`legalcheck.text.normalize.kanji_number`);
* words, value 2: 多数回, 複数回, 何度も, 何回も, 何度でも, 何度か, 幾度も, 繰り返し, 再三, 度々, たびたび,
  しばしば, 頻繁に, 大量の → kind ``many``; 毎日のように, ほぼ毎日, 連日, 毎日, 毎晩, 毎朝,
  毎夜, 毎週, 日常的に → kind ``habitual`` (``unit`` None).

``per`` is ``"day"``, ``"week"`` or ``"month"`` for a rate (「一日数十回」「多い日は約360回」
「週二通ほど」「月に3回」), else None.

Not counts: ages (歳), money (円), dates and times (年, 月, 日, 時, 分), distances, durations
(か月, 年間, 日間, 週間), people (人, 名, 世帯), percentages, ordinals with 第, 「二度と」
(never again), 「一度も」「一回も」 (not once), 「一通り」, 「一回り」.

Caveat for callers: a habitual word can qualify something other than the act
(「Ｖ子が毎日使う軽自動車」, 「日常的に使用している自動車」); the reader must check that the word
modifies the act's verb.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from legalcheck.text.normalize import Normalized, kanji_number, normalize

__all__ = ["CountMention", "find_counts"]


@dataclass(frozen=True)
class CountMention:
    start: int            # offsets into the text exactly as the caller sent it
    end: int
    text: str
    value: int            # best lower bound on the number of times
    kind: str             # "exact" | "approx" | "at_least" | "many" | "habitual"
    unit: str | None      # 回 件 通 度 枚 本 (None for words like 何度も)
    per: str | None = None  # "day" | "week" | "month" for rates, else None


_KNUM = "〇一二三四五六七八九十百千万"
_VAGUE = "数何幾"

_WORDS_MANY = ("多数回|複数回|何度も|何回も|何度でも|何回でも|何度か|何回か|幾度も|幾度となく|何度となく|再三再四|再三|"
               "度々|度度|たびたび|しばしば|頻繁に|頻回|繰り返し|繰り返す|繰り返さ|繰り返した|繰返し|"
               "繰返す|くり返し|くり返す|大量に|大量の|度重なる|度重ね")
_WORDS_HABIT = "毎日のように|毎晩のように|ほぼ毎日|ほぼ毎晩|連日|毎日|毎晩|毎朝|毎夜|毎週|日常的に"

_PRE = r"(?P<pre>少なくとも|最低でも|最低|約|およそ|おおよそ|ほぼ|計|合計|総計|延べ|のべ|全部で|合わせて)?\s?"
_NUM = (r"(?P<num>(?<![\d,.第])\d{1,3}(?:,\d{3})+(?![\d])|(?<![\d,.第])\d+"
        r"|(?<![" + _KNUM + _VAGUE + r"第])[" + _KNUM + _VAGUE + r"]+)")
_UNIT = (r"\s?(?P<unit>回目|度目|回(?!り|転|収|線|覧|診|顧|虫|航|遊|廊)"
         r"|件(?!名)|通(?!り|じ|っ|う|わ|勤|学|常|知|報|話|信|過|院|販|称|路|帳|行|夜)"
         r"|度(?!と|合|胸|量|外|数)|枚|本(?!人|件|日|当|来|社|物|気|部|店|名|音|文|書|番|格|質|庁|籍|体|館))")
_POST = (r"(?P<post>\s?(?:以上|を超える|超|余り|あまり|余|強|ほど|程度|程|位|くらい|ぐらい|前後|近く|弱))?"
         r"(?P<tail>も)?")

_COUNT = re.compile(
    r"(?=[0-9" + _KNUM + _VAGUE + r"少最約おほ計合総延の全多複再度たし頻繰く大毎連日])(?:"
    r"(?P<many>" + _WORDS_MANY + r")|(?P<habit>" + _WORDS_HABIT + r")|"
    + _PRE + _NUM + _UNIT + _POST + ")"
)

_AT_LEAST_PRE = {"少なくとも", "最低でも", "最低"}
_APPROX_PRE = {"約", "およそ", "おおよそ", "ほぼ"}
_AT_LEAST_POST = {"以上", "を超える", "超", "余り", "あまり", "余", "強"}

_NOT_DATE = r"(?<![\d" + _KNUM + r"月])"   # 「20日に」「8月1日に」 are dates, not rates
_PER_DAY = re.compile(r"(?:" + _NOT_DATE + r"(?:1|一)日(?:に|で|あたり|当たり|につき)?|" + _NOT_DATE
                      + r"日に|多い日(?:は|で|には)?|毎日)\s?$")
_PER_WEEK = re.compile(r"(?:(?:1|一)?週(?:間)?(?:に|で|あたり|当たり)?)\s?$")
_PER_MONTH = re.compile(r"(?:(?<![\d" + _KNUM + r"])月に|(?:1|一)(?:か|ヶ|カ|ケ|箇|ヵ)月(?:に|で|あたり|当たり)?)\s?$")


def _per(t: str, i: int) -> str | None:
    lo = max(0, i - 8)
    if _PER_DAY.search(t, lo, i):
        return "day"
    if _PER_WEEK.search(t, lo, i):
        return "week"
    if _PER_MONTH.search(t, lo, i):
        return "month"
    return None


def find_counts(text: str, *, norm: Normalized | None = None) -> list[CountMention]:
    """Every count of times in ``text``, in text order (see the module docstring); ``norm`` as in
    :func:`legalcheck.text.dates.find_dates`."""
    norm = norm if norm is not None else normalize(text)
    t = norm.text
    out: list[CountMention] = []
    for m in _COUNT.finditer(t):
        s, e = m.start(), m.end()
        if m.group("many") or m.group("habit"):
            kind = "many" if m.group("many") else "habitual"
            s0, e0 = norm.span(s, e)
            out.append(CountMention(s0, e0, text[s0:e0], 2, kind, None, _per(t, s) if kind == "many" else None))
            continue
        num, unit = m.group("num"), m.group("unit")
        pre, post = m.group("pre"), (m.group("post") or "").strip()
        value = kanji_number(num)
        if value is None:
            continue
        if m.group("tail"):
            e = m.end("tail") - 1   # 「も」 is not part of the count
            if value <= 1 and not pre and not post:
                continue            # 「一度も」「一回も」: not once
        if unit == "度" and t.startswith("と", m.end("unit")):
            continue                # 「二度と」
        vague = any(c in num for c in _VAGUE)
        if vague:
            kind = "many"
        elif pre in _AT_LEAST_PRE or post in _AT_LEAST_POST or unit in ("回目", "度目"):
            kind = "at_least"
        elif pre in _APPROX_PRE or post:
            kind = "approx"
        else:
            kind = "exact"
        if value <= 0:
            continue
        s0, e0 = norm.span(s, e)
        out.append(CountMention(s0, e0, text[s0:e0], value, kind, unit, _per(t, s)))
    return out
