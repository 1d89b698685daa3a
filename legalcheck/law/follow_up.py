"""加害者連絡 (seed 000): after a 禁止命令等, contact the offender about 1, 3, 6 and 10 months after the
order, within its validity; the order's last day (orders.order_last_day, 5条8項) and when to decide
on extension (5条9項); what to confirm at each contact; when contact is not made or stops. The
months and the texts are data (risk_rules.yaml `follow_up`); calendar months are added with
dateutil's relativedelta, which clamps to the month's end (2024-01-31 + 1 month = 2024-02-29)."""
from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from legalcheck.law import statutes
from legalcheck.law.escalation import MEASURE_JA, rules
from legalcheck.law.orders import ORDER_KINDS, Order, order_last_day


def contact_dates(order_date: date, months=None, last_day: date | None = None) -> list[tuple[int, date]]:
    """(months, date) of each contact, those after `last_day` (the order no longer binds) left out."""
    months = months if months is not None else rules()["follow_up"]["months_after_order"]
    out = []
    for m in months:
        d = order_date + relativedelta(months=m)
        if last_day is None or d <= last_day:
            out.append((m, d))
    return out


def schedule(orders: list[Order], today: date) -> dict | None:
    """The schedule for the latest dated 禁止命令等 (from the request or the narrative); None when none is known."""
    dated = [o for o in orders if o.kind in ORDER_KINDS and o.date is not None]
    if not dated:
        undated = [o for o in orders if o.kind in ORDER_KINDS]
        if undated:
            return {"order": None, "contacts": [],
                    "questions": ["禁止命令等をした日（加害者連絡の時期と有効期間の末日を定めるため）"]}
        return None
    order = max(dated, key=lambda o: o.date)
    fu = rules()["follow_up"]
    last = order_last_day(order.kind, order.date)
    contacts = []
    for m, d in contact_dates(order.date, fu["months_after_order"], last):
        contacts.append({"months": m, "date": d.isoformat(), "due": "past" if d < today else "today" if d == today else "upcoming",
                         "confirm": list(fu["confirm"])})
    dropped = [m for m in fu["months_after_order"] if m not in {c["months"] for c in contacts}]
    out = {"order": {"kind": order.kind, "label": MEASURE_JA[order.kind], "date": order.date.isoformat(),
                     "source": order.source,
                     "evidence": {"text": order.evidence.text, "start": order.evidence.start, "end": order.evidence.end}
                     if order.evidence else None},
           "contacts": contacts, "after_each": list(fu["after_each"]),
           "not_made_or_stopped": list(fu["not_made_or_stopped"]), "unreachable": fu["unreachable"],
           "on_extension": fu["on_extension"], "source": fu["source"], "questions": []}
    if dropped:
        out["outside_validity"] = dropped
    if last is None:
        out["last_day"] = None
        out["extension"] = None
        out["questions"].append("命令の有効期間（この日付の命令には5条8項の有効期間の定めがない）")
        return out
    validity = statutes.feature("prohibition_validity")
    review = order.date + relativedelta(months=fu["extension_review_after_months"])
    out["last_day"] = last.isoformat()
    out["in_force_today"] = order.date <= today <= last
    out["extension"] = {
        "provision": "5条9項", "review_on": min(review, last).isoformat(), "decide_by": last.isoformat(),
        "text": (f"{fu['extension_review_after_months']}か月後の連絡の結果を踏まえて延長（申出又は職権、聴聞等を経て1年）の要否を検討し、"
                 f"有効期間の末日（{last.isoformat()}、{validity.provision}）までに延長の処分を終えること")}
    return out
