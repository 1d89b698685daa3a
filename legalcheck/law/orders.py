"""Prior measures (警告・禁止命令等) and how long a 禁止命令等 binds: one place for both the offences
(19条・20条) and any schedule that must stay within an order's validity."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from legalcheck.facts import Facts, Span
from legalcheck.law import statutes

MEASURE_KINDS = ("warning", "prohibition_order", "emergency_prohibition_order")
ORDER_KINDS = ("prohibition_order", "emergency_prohibition_order")


@dataclass
class Order:
    kind: str            # warning | prohibition_order | emergency_prohibition_order
    date: date | None
    source: str          # request | narrative
    evidence: Span | None = None
    after_acts: bool = False   # issued with or after the arrest, i.e. after the acts


def order_last_day(kind: str, order_date: date) -> date | None:
    """The last day on which a 禁止命令等 of `kind` issued on `order_date` is in force, unless extended.

    5条8項: the order is valid for the period in `features.yaml` (`prohibition_validity`, months: 12)
    「禁止命令等をした日から起算して」, i.e. the day of the order is day one, so the period ends on the
    day before the same calendar day a year later (2024-04-01 → 2025-03-31); where that month has no
    such day (an order of 2024-02-29), it ends on the last day of that month (2025-02-28).
    A 緊急禁止命令等 (5条3項) is a 禁止命令等 and has the same validity.

    Returns None when no validity period applies: a 警告 (no legal period at all), or an order issued
    before the validity rule took effect (2017-06-14), which the Act of that date did not limit in time.
    An extension (5条9項) is not known here: the caller asks about it for acts after this day.
    """
    if kind not in ORDER_KINDS:
        return None
    validity = statutes.feature("prohibition_validity")
    if not statutes.in_force(validity.id, order_date) or not validity.months:
        return None
    return _period_end(order_date, validity.months)


def _period_end(first_day: date, months: int) -> date:
    """The last day of a period of `months` whose first day is `first_day` (the day before the same
    calendar day, or the last day of a month that has no such day)."""
    same_day = first_day + relativedelta(months=months)
    if same_day.day != first_day.day:        # no such day in that month: its last day
        return same_day
    return same_day - timedelta(days=1)


def extended_last_day(old_last: date) -> tuple[date, bool]:
    """The new last day of an order valid until `old_last` once extended (5条9項: a further period of
    `prohibition_extension` months, taken here as running from the day after the old last day), and
    whether that rule is verified in the data (features.yaml: its wording is a summary, not verbatim)."""
    ext = statutes.feature("prohibition_extension")
    return _period_end(old_last + timedelta(days=1), ext.months), ext.verification == "verified"


def order_period_text(order: Order) -> str:
    """「2024-04-01の禁止命令等（5条8項により2025-03-31まで有効）」, for the reasoning."""
    last = order_last_day(order.kind, order.date) if order.date else None
    if last is None:
        return f"禁止命令等（{order.date.isoformat() if order.date else '日付不明'}）"
    validity = statutes.feature("prohibition_validity")
    months = validity.months
    span = f"{months // 12}年" if months % 12 == 0 else f"{months}か月"
    return (f"禁止命令等（{order.date.isoformat()}。{validity.provision}により命令の日から起算して"
            f"{span}、{last.isoformat()}まで有効）")


def collect(requested: list[tuple[str, date | None]], facts: Facts) -> list[Order]:
    """The measures from the request (already validated) and those the narrative tells, without repeats.
    An emergency order told in the narrative before the acts counts as a 禁止命令等 like any other."""
    orders = [Order(kind, d, "request") for kind, d in requested]
    known = {(o.kind, o.date) for o in orders}
    requested_order = any(o.kind in ORDER_KINDS for o in orders)
    for mf in facts.measures:
        kind = "prohibition_order" if mf.kind == "emergency_prohibition_order" and not mf.after_acts else mf.kind
        d = mf.date.earliest if mf.date and mf.date.earliest == mf.date.latest else (mf.date.latest if mf.date else None)
        if (kind, d) in known or (kind in ORDER_KINDS and requested_order):
            continue
        orders.append(Order(mf.kind, d, "narrative", mf.evidence, mf.after_acts))
    return orders


def orders_before(orders: list[Order]) -> list[Order]:
    """The 禁止命令等 issued before the acts (not those issued with the arrest)."""
    return [o for o in orders if o.kind in ORDER_KINDS and not o.after_acts]
