"""加害者連絡 after a 禁止命令等 (seed 000, issue 15): contacts about 1, 3, 6 and 10 months after the
order, in calendar months clamped to the month's end, within the order's validity; the last day from
orders.order_last_day (5条8項); when to decide on extension; what to confirm and when to stop."""
from datetime import date

import pytest

from legalcheck import analyze
from legalcheck.law.follow_up import contact_dates, schedule
from legalcheck.law.orders import Order, order_last_day

D = date.fromisoformat


@pytest.mark.parametrize("order, contacts, last", [
    ("2024-01-31", ["2024-02-29", "2024-04-30", "2024-07-31", "2024-11-30"], "2025-01-30"),   # leap February
    ("2023-01-31", ["2023-02-28", "2023-04-30", "2023-07-31", "2023-11-30"], "2024-01-30"),
    ("2024-02-29", ["2024-03-29", "2024-05-29", "2024-08-29", "2024-12-29"], "2025-02-28"),   # leap day order
    ("2023-12-31", ["2024-01-31", "2024-03-31", "2024-06-30", "2024-10-31"], "2024-12-30"),
    ("2024-03-31", ["2024-04-30", "2024-06-30", "2024-09-30", "2025-01-31"], "2025-03-30"),
    ("2027-04-30", ["2027-05-30", "2027-07-30", "2027-10-30", "2028-02-29"], "2028-04-29"),   # into a leap February
])
def test_contacts_at_month_ends_and_in_leap_years(order, contacts, last):
    s = schedule([Order("prohibition_order", D(order), "request")], today=D("2024-01-01"))
    assert [c["date"] for c in s["contacts"]] == contacts
    assert [c["months"] for c in s["contacts"]] == [1, 3, 6, 10]
    assert s["last_day"] == last == order_last_day("prohibition_order", D(order)).isoformat()
    assert s["extension"]["decide_by"] == last and s["extension"]["review_on"] == contacts[-1]


def test_contacts_stay_within_the_validity():
    assert contact_dates(D("2024-01-31"), last_day=D("2024-06-30")) == [(1, D("2024-02-29")), (3, D("2024-04-30"))]


def test_what_to_confirm_and_when_to_stop():
    s = schedule([Order("emergency_prohibition_order", D("2025-06-10"), "request")], today=D("2025-09-10"))
    first = s["contacts"][0]
    assert first["confirm"] == ["加害者の住居", "職業", "連絡先", "被害者に対する執着の程度等の近況", "加害者の言動や生活の様子"]
    assert [c["due"] for c in s["contacts"]] == ["past", "today", "upcoming", "upcoming"]
    assert s["not_made_or_stopped"][0] == "被害者が加害者連絡の実施又は継続を拒否した場合"
    assert "法第５条第１項第２号" in s["unreachable"] and "再発のおそれが高い" in s["unreachable"]
    assert s["in_force_today"] is True


def test_latest_order_wins_and_undated_orders_ask():
    s = schedule([Order("prohibition_order", D("2024-01-31"), "request"),
                  Order("prohibition_order", D("2025-02-01"), "narrative")], today=D("2025-03-01"))
    assert s["order"]["date"] == "2025-02-01"
    s = schedule([Order("prohibition_order", None, "narrative")], today=D("2025-03-01"))
    assert s["contacts"] == [] and s["questions"] == ["禁止命令等をした日（加害者連絡の時期と有効期間の末日を定めるため）"]
    assert schedule([Order("warning", D("2025-02-01"), "request")], today=D("2025-03-01")) is None


def test_an_order_before_the_validity_rule_has_no_last_day():
    s = schedule([Order("prohibition_order", D("2016-03-31"), "request")], today=D("2016-05-01"))
    assert s["last_day"] is None and s["extension"] is None
    assert [c["date"] for c in s["contacts"]] == ["2016-04-30", "2016-06-30", "2016-09-30", "2017-01-31"]


ORDER_IN_TEXT = """【捜査報告書】
被疑者丙は、元交際相手の被害者丁子の自宅前で待ち伏せを繰り返したため、令和６年１月３１日、〇〇県公安委員会から禁止命令等を受けた。
その後も、令和６年３月１０日、丁子の勤務先前で待ち伏せした。
"""


def test_order_date_read_from_the_narrative():
    a = analyze(ORDER_IN_TEXT, today=D("2024-04-01")).to_dict()
    fu = a["follow_up"]
    assert fu["order"]["source"] == "narrative" and fu["order"]["date"] == "2024-01-31"
    ev = fu["order"]["evidence"]
    assert ORDER_IN_TEXT[ev["start"]:ev["end"]] == ev["text"]
    assert [c["date"] for c in fu["contacts"]] == ["2024-02-29", "2024-04-30", "2024-07-31", "2024-11-30"]
    assert fu["last_day"] == "2025-01-30"


def test_no_order_no_schedule():
    a = analyze("相談者の自宅前で元交際相手が待ち伏せした。", today=D("2024-04-01")).to_dict()
    assert a["follow_up"] is None
