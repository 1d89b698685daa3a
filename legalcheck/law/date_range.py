"""Acts dated outside the law's reach: before the Act came into force (an act no item covered) or
after the day of the analysis (a date that cannot be right yet). Called once, after the acts are
judged and before the elements, so that no later rule meets a date the statute data cannot answer."""
from __future__ import annotations

from datetime import date

from legalcheck.law import statutes
from legalcheck.law.acts import JudgedAct
from legalcheck.law.logic import NOT, SAT, UND


def commencement() -> date:
    """The day the Act came into force (the first version in statutes/stalker-act)."""
    return statutes._first_day()


def clamp(at: date, today: date) -> date:
    """The date the elements and offences are judged on: within [commencement, today]."""
    return min(max(at, commencement()), today)


def bound(judged: list[JudgedAct], today: date) -> tuple[list[str], list[str]]:
    """Marks acts dated before the Act (not_satisfied) or after ``today`` (undetermined) in place;
    returns the warnings and questions they raise."""
    first = commencement()
    warnings: list[str] = []
    questions: list[str] = []
    for a in judged:
        d = a.fact.date
        earliest, latest = (d.earliest, d.latest) if d else (a.date, a.date)
        label = statutes.category_label(a.key)
        told = f"（記述では「{a.date_text}」）" if a.date_text else ""
        if latest < first:
            a.status, a.statute, a.counted = NOT, None, False
            a.reasoning = (f"行為時（{latest.isoformat()}）にはストーカー規制法は施行されておらず"
                           f"（{first.isoformat()}施行）、この行為はいずれの号にも当たらない。")
            warnings.append(f"行為日（{latest.isoformat()}）がストーカー規制法の施行日（{first.isoformat()}）より前の"
                            "行為がある。施行前の行為は処罰の対象にならない。日付を確認すること。")
        elif earliest < first:
            if a.status == SAT:
                a.status = UND
                a.reasoning += f"ただし行為日が施行日（{first.isoformat()}）の前後いずれか記述から確定できない。"
            questions.append(f"{label}の行為日{told}（施行日{first.isoformat()}より前か後か）")
        elif earliest > today:
            if a.status != NOT:
                a.status = UND
                a.reasoning += (f"ただし行為日（{earliest.isoformat()}）が本日（{today.isoformat()}）より後になっており、"
                                "日付の誤りとみられるため判断を留保する。")
            a.date, a.statute = today, statutes.category_provision(a.key, today)
            questions.append(f"{label}の正しい行為日{told}")
            warnings.append(f"行為日（{earliest.isoformat()}）が本日（{today.isoformat()}）より後になっている。日付を確認すること。")
        elif a.date > today:
            a.date = today   # a year or month that includes today: the act cannot be later than today
    return list(dict.fromkeys(warnings)), list(dict.fromkeys(questions))
