"""A judged act: one fact under the item as it read on its date, with its status and reasoning."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from legalcheck.facts import ActFact
from legalcheck.law import statutes


@dataclass
class JudgedAct:
    fact: ActFact
    key: str
    category: str
    subtype: str | None
    status: str
    reasoning: str
    date: date
    date_text: str | None
    statute: statutes.Provision | None
    precedents: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    needs_anxiety: bool = False
    counted: bool = True       # counts toward 反復 (a background proposal does not)
    derived: bool = False      # a 見張り candidate derived from a GPS read (the 2020 question)
    anxiety: str | None = None # 不安方法 of this act (2条4項), where it needs one; set by elements.mark_anxiety
    uncovered: bool = False    # not_satisfied only because the law of its date did not cover it yet
    potential: bool = False    # outside its item on its date, but its untold content may fit another (3・4・7・8号)
    count_used: int | None = None  # the count that falls under the item on its date (part of a straddling series)
    first_told: date | None = None # the earliest date the narrative tells (an undated act may lie back that far)


def act_date(fact: ActFact, default: date) -> tuple[date, date, bool]:
    if fact.date is None:
        return default, default, False
    return fact.date.earliest, fact.date.latest, True


def item_ref(j: JudgedAct) -> str:
    """The item as numbered on the act's date (2-3-3 was 2条3項2号 until 2025-12-29, then 3号)."""
    return j.statute.ref if j.statute is not None else statutes.category_label(j.key)


def set_status(j: JudgedAct, status: str, reasoning: str) -> JudgedAct:
    j.status, j.reasoning = status, reasoning
    return j
