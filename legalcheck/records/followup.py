"""Follow-up of a 禁止命令等 (seed 000): the analysis's `follow_up` schedule becomes tasks with due
dates; contact records (means, items confirmed, the officer's risk judgement, continue or stop and
why) are checked against contact_items.yaml (the directive's own lists); an order's extension
re-plans the tasks; and the contacts due or overdue across cases.

The dates are the law layer's: `law.follow_up.contact_dates` (the months of risk_rules.yaml) within
the validity of `law.orders.order_last_day` (5条8項), an extension by `features.yaml`
`prohibition_extension` (5条9項). Nothing here decides anything legal.
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml
from dateutil.relativedelta import relativedelta
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from legalcheck.records.errors import InvalidRecord, NotFound
from legalcheck.records.models import Case, Contact, Order, Task

OPEN, DONE, CANCELLED = "open", "done", "cancelled"
KIND_JA = {"contact": "加害者連絡", "continuation_review": "延長後の継続の必要性の組織的検討",
           "extension_decision": "有効期間の延長の要否の検討"}


@lru_cache(maxsize=1)
def items() -> dict:
    return yaml.safe_load((Path(__file__).resolve().parent / "contact_items.yaml").read_text(encoding="utf-8"))


def choices(section: str, key: str = "choices") -> dict[str, str]:
    return {c["id"]: c["label"] for c in items()[section][key]}


# ------------------------------------------------------------------ planning


def _order(session: Session, case: Case, kind: str, ordered_on: date, last_day: date | None,
           parent: Order | None = None) -> Order:
    found = session.scalar(select(Order).where(Order.case_id == case.id, Order.kind == kind,
                                               Order.ordered_on == ordered_on))
    if found is not None:
        return found
    o = Order(case_id=case.id, kind=kind, ordered_on=ordered_on, last_day=last_day,
              parent_id=parent.id if parent else None)
    session.add(o)
    session.flush()
    return o


def _task(session: Session, case: Case, order: Order, kind: str, due: date, months: int | None, label: str) -> Task | None:
    exists = session.scalar(select(Task.id).where(Task.case_id == case.id, Task.order_id == order.id,
                                                  Task.kind == kind, Task.due_on == due))
    if exists is not None:
        return None
    t = Task(case_id=case.id, order_id=order.id, order_kind=order.kind, order_date=order.ordered_on, kind=kind,
             due_on=due, months=months, label=label[:200], status=OPEN)
    session.add(t)
    return t


def stopped(session: Session, case: Case) -> bool:
    """Contact was stopped (seed 000 ６(2)) by the latest decision recorded for the case."""
    last = session.scalar(select(Contact).where(Contact.case_id == case.id).order_by(Contact.id.desc()).limit(1))
    return last is not None and last.decision == "stop"


def plan_from_analysis(session: Session, case: Case, analysis: dict) -> list[Task]:
    """Tasks for the schedule of the analysis's latest dated 禁止命令等 (none when no order is known,
    or when contact has been stopped). Tasks already planned for the same order and day stay as they are."""
    fu = analysis.get("follow_up") or {}
    order = fu.get("order") or {}
    if not order.get("date") or stopped(session, case):
        return []
    last = date.fromisoformat(fu["last_day"]) if fu.get("last_day") else None
    o = _order(session, case, order["kind"], date.fromisoformat(order["date"]), last)
    new = []
    for c in fu.get("contacts") or []:
        new.append(_task(session, case, o, "contact", date.fromisoformat(c["date"]), c["months"],
                         f"加害者連絡（命令から約{c['months']}か月後）"))
    ext = fu.get("extension")
    if ext:
        new.append(_task(session, case, o, "extension_decision", date.fromisoformat(ext["review_on"]), None,
                         f"有効期間の延長の要否の検討（{ext['provision']}、末日 {ext['decide_by']} までに処分）"))
    session.flush()
    return [t for t in new if t is not None]


def record_extension(session: Session, case: Case, order_id: int, extended_on: date) -> tuple[Order, list[Task]]:
    """An extension of order `order_id` decided on `extended_on`: the open extension decision is done,
    a 継続の必要性の組織的検討 (seed 000 ６(4)) is due that day, and contacts are planned anew over the
    extended period (the same months after its first day) with the next extension decision."""
    from legalcheck.law.escalation import rules
    from legalcheck.law.follow_up import contact_dates
    from legalcheck.law.orders import extended_last_day

    order = session.get(Order, order_id)
    if order is None or order.case_id != case.id:
        raise NotFound("その命令はこの事件にありません", "no such order in this case", field="order_id")
    if order.last_day is None:
        raise InvalidRecord("この命令には有効期間の末日がないため、延長を記録できません",
                            "this order has no last day, so it cannot be extended", field="order_id", code="no_validity")
    if extended_on > order.last_day:
        raise InvalidRecord(f"延長は有効期間の末日（{order.last_day.isoformat()}）までに処分する必要があります",
                            f"an extension must be decided by the order's last day ({order.last_day.isoformat()})",
                            field="extended_on", code="after_last_day")
    start = order.last_day + timedelta(days=1)
    new_last, verified = extended_last_day(order.last_day)
    ext = _order(session, case, order.kind, start, new_last, parent=order)
    session.execute(update(Task).where(Task.order_id == order.id, Task.kind == "extension_decision",
                                       Task.status == OPEN).values(status=DONE))
    tasks = [_task(session, case, ext, "continuation_review", extended_on, None, items()["on_extension"]["text"][:200])]
    if not stopped(session, case):
        fu = rules()["follow_up"]
        for m, d in contact_dates(start, fu["months_after_order"], new_last):
            tasks.append(_task(session, case, ext, "contact", d, m, f"加害者連絡（延長後の期間の開始から約{m}か月後）"))
        review = min(start + relativedelta(months=fu["extension_review_after_months"]), new_last)
        tasks.append(_task(session, case, ext, "extension_decision", review, None,
                           f"有効期間の再延長の要否の検討（5条9項、末日 {new_last.isoformat()} までに処分"
                           + ("" if verified else "。延長後の期間の起算は条文で要確認") + "）"))
    session.flush()
    return ext, [t for t in tasks if t is not None]


# ------------------------------------------------------------------ contacts


def check_contact(form: dict) -> dict:
    """The contact record, validated against the directive's lists; raises InvalidRecord per field."""
    def one(field: str, allowed: dict[str, str]) -> str:
        v = form.get(field)
        if v not in allowed:
            raise InvalidRecord(f"{field}: {'・'.join(allowed.values())} から選んでください",
                                f"{field}: one of {', '.join(allowed)}", field=field, code="invalid_choice")
        return v

    try:
        on = date.fromisoformat(str(form.get("contacted_on") or ""))
    except ValueError:
        raise InvalidRecord("contacted_on: 連絡した日を 2024-06-01 の形で入力してください",
                            "contacted_on: a date as YYYY-MM-DD", field="contacted_on", code="invalid_date") from None
    known = choices("items")
    confirmed = form.get("items") or {}
    if not isinstance(confirmed, dict) or any(k not in known for k in confirmed):
        raise InvalidRecord(f"items: 確認事項は {'・'.join(known.values())} です",
                            f"items: keys must be among {', '.join(known)}", field="items", code="invalid_item")
    answers = {a["id"]: a["label"] for a in items()["risk"]["answers"]}
    out = {"contacted_on": on, "means": one("means", choices("means")), "reached": bool(form.get("reached", True)),
           "items": {k: str(v)[:2000] for k, v in confirmed.items() if str(v).strip()},
           "recidivism": one("recidivism", answers), "retaliation": one("retaliation", answers),
           "risk_note": str(form.get("risk_note") or "")[:4000] or None,
           "decision": one("decision", choices("decisions")), "reason": str(form.get("reason") or "")[:4000] or None,
           "stop_reason": None, "victim_informed": None}
    if out["decision"] == "stop":
        out["stop_reason"] = one("stop_reason", choices("stop_conditions"))
        if form.get("victim_informed") is not True:
            raise InvalidRecord(f"victim_informed: {items()['stop_conditions']['tell_victim']}（説明したことを記録してください）",
                                "victim_informed: the victim must be told that contact stops (seed 000 6(2))",
                                field="victim_informed", code="victim_not_informed")
    if not out["reason"]:
        raise InvalidRecord("reason: 継続又は終結とした経過（理由）を記録してください（seed 000 ５(6)）",
                            "reason: record why contact continues or stops (seed 000 5(6))", field="reason", code="missing")
    return out


def close_tasks_for_contact(session: Session, case: Case, contact: Contact, task_id: int | None) -> None:
    if task_id is not None:
        t = session.get(Task, task_id)
        if t is None or t.case_id != case.id or t.kind != "contact":
            raise NotFound("その予定はこの事件の加害者連絡ではありません", "no such contact task in this case", field="task_id")
        t.status, t.contact_id = DONE, contact.id
    if contact.decision == "stop":   # no further contact: what was planned is cancelled, not left overdue
        session.execute(update(Task).where(Task.case_id == case.id, Task.kind == "contact", Task.status == OPEN)
                        .values(status=CANCELLED))


# ------------------------------------------------------------------ lists


def task_dict(t: Task, today: date) -> dict:
    state = t.status if t.status != OPEN else ("overdue" if t.due_on < today else "due_today" if t.due_on == today else "open")
    return {"id": t.id, "kind": t.kind, "kind_label": KIND_JA.get(t.kind, t.kind), "label": t.label,
            "due_on": t.due_on.isoformat(), "months": t.months, "status": t.status, "state": state,
            "order_id": t.order_id, "order_kind": t.order_kind,
            "order_date": t.order_date.isoformat() if t.order_date else None, "contact_id": t.contact_id}


def due(session: Session, today: date, window_days: int) -> list[tuple[Task, Case]]:
    """Open tasks due by today + window, across cases, the oldest first (overdue ones lead)."""
    q = (select(Task, Case).join(Case, Case.id == Task.case_id)
         .where(Task.status == OPEN, Task.due_on <= today + timedelta(days=window_days), Case.status == "open")
         .order_by(Task.due_on, Task.id))
    return [(t, c) for t, c in session.execute(q).all()]
