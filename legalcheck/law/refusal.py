"""5号 「拒まれたにもかかわらず」: whether the messages came after she refused contact. The order of
refusal and messages is a legal judgement over the facts, so it lives here, not in analysis.py."""
from __future__ import annotations

import re
from datetime import timedelta
from typing import Callable

from legalcheck.facts import ActFact, Facts
from legalcheck.text.clean import clean

_BEFORE_REFUSAL = re.compile(r"それ以前|その前に|それより前|別れる前")


_SINCE = re.compile(r"(終了時|終了後|別れた(時|後|際)|別れて以来|離婚(時|後)|以来|当初|(その|当)時点|頃|ころ)から[^。「」]{0,10}$")
_STANDING = re.compile(r"^[^。]{0,4}?(して|し続けて)(いる|おり|います)")


def _standing(text: str, c) -> bool:
    """A refusal told as a state since a past point (「交際終了時から連絡を拒否している」)."""
    return bool(_SINCE.search(text[max(0, c.evidence.start - 24):c.evidence.start])
                and _STANDING.match(text[c.evidence.end:c.evidence.end + 10]))


def _month_end_only(earliest, latest, refused) -> bool:
    """A series whose end is the last day of the refusal's month (「５月から６月にかけて」 against 6月20日): the
    end of a month told as a range, which does not show a message after the refusal — unless the series is
    told for that month alone and the refusal came early in it (「１月中に３０件以上」, refused on 1月5日)."""
    if (latest.year, latest.month) != (refused.year, refused.month) or (latest + timedelta(days=1)).month == latest.month:
        return False
    return not ((earliest.year, earliest.month) == (refused.year, refused.month) and refused.day <= 10)


def refusal_checker(facts: Facts) -> Callable[[ActFact], str | None]:
    """A function telling, for a message act, how it stands to her refusal:
    "contact" (after she refused contact), "after" (every refusal came after the messages), "straddle"
    (a dated series that began before a dated refusal and went on after it),
    "none" (she says she never refused), "general" (only the relationship was refused), None (not told)."""
    def check(fact: ActFact) -> str | None:
        contact = [c for c in facts.refusals if c.kind == "refusal_contact"]
        if not contact and any(c.kind == "no_refusal" for c in facts.refusals):
            return "none"   # she says she never refused
        # the cleaned text, so that invisible characters do not hide 「それ以前」
        lead = clean(facts.narrative[max(0, fact.evidence.start - 40):fact.evidence.end]).text.split("。")[-1]
        if _BEFORE_REFUSAL.search(lead):
            return "after" if contact else None   # told after the refusal, but done before it
        general = [c for c in facts.refusals if c.kind == "refusal_general"]
        # by dates where both are dated on their own sentence; text order only as the fallback
        dated = [c for c in contact if c.date is not None and c.date.source == "told"]
        if fact.date is not None and fact.date.source == "told" and dated:
            if any(fact.date.earliest > c.date.latest for c in dated):
                return "contact"   # every message after a dated refusal
            if all(fact.date.latest < c.date.earliest for c in dated) and not any(c.continued for c in contact):
                return "after"
            if any(fact.date.earliest == c.date.latest and c.evidence.end <= fact.evidence.start for c in dated):
                return "contact"   # a log: his lines after her refusal on the same day
            if any(fact.date.earliest <= c.date.earliest < fact.date.latest and not _month_end_only(fact.date.earliest, fact.date.latest, c.date.earliest)
                   for c in dated):
                return "straddle"   # 「4月3日〜5月24日に計58件」 with 「4月4日に拒否」: the series ran on past the refusal
        if any(_standing(facts.narrative, c) for c in contact):
            return "contact"   # 「Ｐは交際終了時から連絡を拒否している」: refused since before the messages
        if any(c.continued and c.evidence.start > fact.evidence.start for c in contact):
            return "contact"   # 「…と伝えたが（電話は）続いている」: the messages went on after it
        if any(c.evidence.start < fact.evidence.end for c in contact):
            # a refusal standing in the same clause after a sending verb (「送っていたが、拒否してからは」)
            return "contact"
        if contact:
            return "after"   # every refusal came after these messages
        if any(c.evidence.start < fact.evidence.start for c in general):
            return "general"
        return None
    return check
