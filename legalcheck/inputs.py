"""What comes in: checks that refuse bad input (InputError, with a field and a code an HTTP API
maps to 422), the dates of a request, Japan's "today", and the problems of a narrative that the
analysis reports rather than refuses (text it cannot read, impossible dates)."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

from legalcheck.text import readable
from legalcheck.text.clean import Cleaned
from legalcheck.text.dates import impossible_dates

# The documented input limit (README): a 30-page report is about 36,000 characters. Sudachi itself
# takes at most 49,149 bytes at once; longer text is read in sentence-aligned chunks (nlp/pipeline.py).
MAX_CHARS = 100_000


class InputError(ValueError):
    """Bad input: the message says what is wrong, in Japanese and English. ``field`` names the request
    field (``narrative``, ``incident_date``, ``prior_measures[0].date``, ``today``) and ``code`` the
    problem, for machines (an HTTP API answers 422 with both)."""

    def __init__(self, message: str, field: str = "narrative", code: str = "invalid"):
        super().__init__(message)
        self.field, self.code = field, code


JST = timezone(timedelta(hours=9), "JST")   # Japan keeps no daylight saving time


def _japan():
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Asia/Tokyo")
    except Exception:   # no time zone database (Windows without tzdata): the same offset
        return JST


def japan_today(now: datetime | None = None) -> date:
    """Today's date in Japan, whatever the server's time zone (a UTC server is 9 hours behind)."""
    now = now or datetime.now(timezone.utc)
    return (now if now.tzinfo else now.replace(tzinfo=timezone.utc)).astimezone(_japan()).date()


def _short(value: Any, limit: int = 40) -> str:
    """A value for an error message, cut short: a narrative sent in the wrong field must not be echoed."""
    r = repr(value)
    return r if len(r) <= limit else r[:limit] + f"…（{len(r)}文字）"


def parse_date(value, what: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.astimezone(_japan()).date() if value.tzinfo else value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise InputError(f"{what}: 日付は YYYY-MM-DD 形式で指定してください / expected YYYY-MM-DD, got {_short(value)}",
                         what, "date_format")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{what}: 存在しない日付です / impossible date {_short(value)}", what, "impossible_date") from None


def check_narrative(narrative: Any) -> str:
    if not isinstance(narrative, str):
        raise InputError("narrative: 文字列を指定してください / narrative must be a string", code="type")
    if not narrative.strip():
        raise InputError("narrative: 事案の記述が空です / narrative is empty", code="empty")
    if len(narrative) > MAX_CHARS:
        raise InputError(f"narrative: {MAX_CHARS}文字以内にしてください / narrative longer than {MAX_CHARS} characters",
                         code="too_long")
    if "\x00" in narrative:
        raise InputError("narrative: バイナリデータは受け付けません / binary data (NUL) in narrative", code="binary")
    bad = re.search(r"[\ud800-\udfff]", narrative)
    if bad:
        raise InputError(f"narrative: {bad.start()}文字目に不正な文字（対になっていないサロゲート）があります / "
                         f"lone surrogate at character {bad.start()}", code="invalid_unicode")
    return narrative


def narrative_problems(cleaned: Cleaned, strict: bool = False) -> tuple[str | None, list[dict]]:
    """(the code of text that cannot be analysed or None, the problems to report: code, field, message,
    and for a date its text and span in the narrative as sent). ``strict`` raises for unreadable text."""
    cannot = readable.unreadable(cleaned.text)
    if cannot and strict:
        raise InputError(f"narrative: {readable.MESSAGES[cannot]}", code=cannot)
    problems = []
    if cannot:
        problems.append({"code": cannot, "field": "narrative", "message": readable.MESSAGES[cannot]})
    narrative = cleaned.original
    for bad in impossible_dates(cleaned.text, norm=cleaned.normalized):
        s, e = cleaned.span(bad.start, bad.end)
        msg = f"記述中の日付「{narrative[s:e]}」は存在しない（{bad.reason}）。この日付は行為日として用いていない。日付を確認すること。"
        problems.append({"code": "impossible_date", "field": "narrative", "message": msg,
                         "text": narrative[s:e], "start": s, "end": e})
    return cannot, problems
