"""Checks of a request's narrative that the schema alone cannot state, each with a stable code.

They refuse what cannot be analysed rather than return a confident answer on it: no text,
binary data, text that is not Japanese, and dates that cannot exist (2月30日, 令和0年, 平成32年).
"""
from __future__ import annotations

import calendar
import re

from legalcheck.text.dates import _ERA   # era → (first western year, first day, last day)
from legalcheck.text.normalize import kanji_number


class NarrativeProblem(ValueError):
    def __init__(self, code: str, ja: str, en: str):
        super().__init__(en)
        self.code, self.ja, self.en = code, ja, en


_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")   # control characters but tab and line ends

_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\uff66-\uff9f]")
_NOT_LETTER = re.compile(r"[\W_]")   # not a letter or digit of any script
_NOT_JAPANESE = re.compile(r"[^\u3041-\u309f\u30a0-\u30ff\uff66-\uff9f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆〇ヵヶ]")
_NUM = r"(\d{1,4}|[〇一二三四五六七八九十百千]{1,4})"
_ERA_DATE = re.compile(r"(明治|大正|昭和|平成|令和)\s?(元|" + _NUM + r")\s?年(?:\s?" + _NUM + r"\s?月(?:\s?" + _NUM + r"\s?日)?)?")
_WESTERN = re.compile(r"(?<!\d)(\d{4})\s?年\s?" + _NUM + r"\s?月(?:\s?" + _NUM + r"\s?日)?")
_MONTH_DAY = re.compile(r"(?<![\d年])" + _NUM + r"\s?月\s?" + _NUM + r"\s?日")


def _int(s: str | None) -> int | None:
    if s is None or set(s) <= {"〇"}:
        return None   # 〇 alone is a masked number (令和5年〇月), not zero
    return int(s) if s.isdigit() else kanji_number(s)


def check_text(narrative: str) -> None:
    # regular expressions rather than a Python loop per character: this runs on every request
    if not narrative.strip():
        raise NarrativeProblem("empty", "事案の記述が空です", "narrative is empty")
    if _SURROGATE.search(narrative):
        raise NarrativeProblem("invalid_characters", "文字として読めない符号（サロゲート）が含まれています",
                               "narrative holds unpaired surrogates")
    control = len(_CONTROL.findall(narrative))
    if "\x00" in narrative or control > max(2, len(narrative) // 100) or narrative.count("\ufffd") > max(2, len(narrative) // 20):
        raise NarrativeProblem("binary", "バイナリデータは受け付けません（テキストで送ってください）",
                               "narrative looks like binary data, not text")
    # counted as the length less the characters that are not (far fewer matches to collect)
    letters = len(narrative) - len(_NOT_LETTER.findall(narrative))
    japanese = len(narrative) - len(_NOT_JAPANESE.findall(narrative))
    if not _KANA.search(narrative) or japanese < 0.3 * max(1, letters):
        raise NarrativeProblem("not_japanese", "日本語の記述ではないため分析できません",
                               "narrative is not Japanese text; it cannot be analysed")


def _check_day(label: str, year: int | None, month: int | None, day: int | None) -> None:
    if month is not None and not 1 <= month <= 12:
        raise NarrativeProblem("impossible_date", f"存在しない日付「{label}」があります（{month}月）",
                               f"impossible date in the narrative ({label}: month {month})")
    if day is not None and month is not None:
        last = calendar.monthrange(year, month)[1] if year else (29 if month == 2 else calendar.monthrange(2001, month)[1])
        if not 1 <= day <= last:
            raise NarrativeProblem("impossible_date", f"存在しない日付「{label}」があります",
                                   f"impossible date in the narrative ({label})")


def check_dates(narrative: str) -> None:
    """Explicit dates that cannot exist. Only the date itself is quoted back, never the text around it.
    (\\d and int() take full-width digits as they are, so the text needs no normalising.)"""
    text = narrative
    for m in _ERA_DATE.finditer(text):
        era, n = m.group(1), (1 if m.group(2) == "元" else _int(m.group(3)))
        if n is None and m.group(2) != "元" and set(m.group(3)) <= {"〇"}:
            continue
        first_year, first_day, last_day = _ERA[era]
        year = first_year + n - 1 if n else None
        if not n or year > last_day.year:
            raise NarrativeProblem("impossible_date", f"存在しない年「{m.group(0)[:12]}」があります",
                                   f"impossible era year in the narrative ({era} {n})")
        month, day = _int(m.group(4)), _int(m.group(5))
        label = m.group(0)[:16]
        _check_day(label, year, month, day)
        if month is not None:
            when = (year, month, day or 0)
            if when < (first_day.year, first_day.month, first_day.day if day else 0) or \
                    when > (last_day.year, last_day.month, last_day.day if day else 0):
                raise NarrativeProblem("impossible_date", f"存在しない日付「{label}」があります（{era}の期間外）",
                                       f"date outside the era {era} in the narrative ({label})")
    for m in _WESTERN.finditer(text):
        _check_day(m.group(0)[:16], int(m.group(1)), _int(m.group(2)), _int(m.group(3)))
    for m in _MONTH_DAY.finditer(text):
        _check_day(m.group(0)[:10], None, _int(m.group(1)), _int(m.group(2)))
