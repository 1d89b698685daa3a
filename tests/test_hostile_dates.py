"""Dates the law cannot answer (before the Act, after today, impossible), Japan's today, and input
the Python function must refuse clearly (lone surrogates) or take as given (datetime)."""
from datetime import date, datetime, timedelta, timezone

import pytest

from legalcheck import analyze
from legalcheck.analysis import InputError, japan_today
from legalcheck.text.dates import impossible_dates

TODAY = date(2026, 11, 24)
GPS = ("相談者Ａ子は元交際相手の被疑者甲と{when}に別れた。{gps_when}、甲はＡ子の車にＧＰＳ発信機を取り付け、"
       "その後スマホで何度もＡ子の位置を確認していた。Ａ子は「怖い」と話している。")


def run(text, **kw):
    kw.setdefault("today", TODAY)
    return analyze(text, **kw).to_dict()


def acts(a):
    return {(x["key"], x["status"]) for x in a["acts"]}


def test_an_act_before_the_act_came_into_force_is_not_satisfied_with_the_reason():
    a = run("平成元年５月１日、被疑者甲はＡ子の自宅前で待ち伏せした。")
    [act] = a["acts"]
    assert act["key"] == "2-1-1:machibuse" and act["status"] == "not_satisfied"
    assert "施行されておらず" in act["reasoning"] and "2000-11-24" in act["reasoning"]
    assert a["offenses"]["art18"]["status"] == "not_satisfied"
    assert any("施行日（2000-11-24）より前" in w for w in a["warnings"])


def test_a_date_straddling_the_commencement_is_a_question():
    a = run("平成１２年、被疑者甲はＡ子の自宅前で待ち伏せした。")
    assert a["acts"][0]["status"] != "satisfied"
    assert any("施行日2000-11-24より前か後か" in q for q in a["questions"])


@pytest.mark.parametrize("when", ["令和９年５月１日", "２０２７年１月５日"])
def test_an_act_dated_after_today_is_undetermined_with_a_warning(when):
    a = run(f"{when}、被疑者甲はＡ子の自宅前で待ち伏せした。")
    [act] = a["acts"]
    assert act["status"] == "undetermined" and "本日（2026-11-24）より後" in act["reasoning"]
    assert act["applied_date"] == "2026-11-24"
    assert any("より後になっている" in w for w in a["warnings"])
    assert a["offenses"]["art18"]["penalty"]["text"]   # the penalty of today's law, no crash


def test_a_date_written_tomorrow_in_japan_does_not_crash_a_utc_server():
    # 08:30 UTC on 2026-11-30 is already 17:30 on the same day in Japan; 23:30 UTC is the next day there
    assert japan_today(datetime(2026, 11, 30, 23, 30, tzinfo=timezone.utc)) == date(2026, 12, 1)
    assert japan_today(datetime(2026, 11, 30, 8, 30, tzinfo=timezone.utc)) == date(2026, 11, 30)
    jp = japan_today()
    text = f"{jp.year}年{jp.month}月{jp.day}日、被疑者甲はＡ子の自宅前で待ち伏せした。"
    a = analyze(text).to_dict()   # today defaults to Japan's date: the act is today, not tomorrow
    assert a["acts"][0]["status"] == "satisfied"
    assert not any("より後" in w for w in a["warnings"])


def test_today_reproduces_an_old_report_and_takes_strings_dates_and_datetimes():
    text = "被疑者甲は、Ａ子の自宅前で待ち伏せし、「会いたい」と言った。Ａ子は「怖い」と話している。"
    old = run(text, today="2024-06-01")
    assert old == run(text, today=date(2024, 6, 1))
    assert old == run(text, today=datetime(2024, 6, 1, 12, 0))
    assert old["law"]["applied_date"] == "2024-06-01"
    assert run(text, today=date(2026, 1, 1))["law"]["applied_date"] == "2026-01-01"
    a = run(text, incident_date=datetime(2024, 5, 1, 23, 0, tzinfo=timezone(timedelta(hours=-5))))
    assert a["law"]["applied_date"] == "2024-05-02"   # 23:00 in New York is the next morning in Japan


@pytest.mark.parametrize("written,why", [
    ("平成３２年５月１日", "平成31年が最後"), ("令和０年５月１日", "令和0年"), ("令和６年２月３０日", "2月30日"),
    ("令和元年３月１日", "令和は2019-05-01に始まり"), ("２０２４年１３月１日", "13月"), ("2023/2/29", "2月29日"),
])
def test_impossible_dates_are_reported_and_the_act_is_not_judged_under_another_date(written, why):
    text = GPS.format(when="令和元年１２月", gps_when=written)
    a = run(text)
    problems = [p for p in a["input_problems"] if p["code"] == "impossible_date"]
    assert len(problems) == 1 and why in problems[0]["message"]
    p = problems[0]
    assert text[p["start"]:p["end"]] == p["text"] == written
    assert any(written in w and "存在しない" in w for w in a["warnings"])
    gps = [x for x in a["acts"] if x["key"] in ("2-3-1", "2-3-3")]
    assert gps and all(x["status"] == "undetermined" for x in gps)


def test_masked_and_possible_dates_are_not_impossible():
    for text in ("令和５年〇月〇日午後〇時頃", "令和６年２月２９日", "平成３１年４月３０日", "平成12年法律第81号", "36歳"):
        assert impossible_dates(text) == [], text


def test_lone_surrogates_and_wrong_types_are_input_errors_with_field_and_code():
    with pytest.raises(InputError) as e:
        analyze("被疑者甲は待ち伏せした。\ud800")
    assert (e.value.field, e.value.code) == ("narrative", "invalid_unicode")
    with pytest.raises(InputError) as e:
        analyze("被疑者甲は待ち伏せした。", incident_date="2024-02-30")
    assert (e.value.field, e.value.code) == ("incident_date", "impossible_date")
    with pytest.raises(InputError) as e:
        analyze("被疑者甲は待ち伏せした。", prior_measures=[{"kind": "warning", "date": "x" * 10_000}])
    assert e.value.field == "prior_measures[0].date" and len(str(e.value)) < 200
    with pytest.raises(InputError) as e:
        analyze(b"bytes")
    assert e.value.code == "type"


def test_text_that_cannot_be_analysed_is_said_so_or_refused_when_strict():
    a = run("他每天晚上跟踪我回家，在我拒绝后给我发了五十条信息，我很害怕。")
    assert a["offenses"]["art18"]["status"] == "undetermined"
    assert all(e["status"] == "undetermined" for e in a["elements"].values())
    assert a["input_problems"][0]["code"] == "not_japanese"
    with pytest.raises(InputError) as e:
        analyze("【相談受理票】", strict=True)
    assert (e.value.field, e.value.code) == ("narrative", "no_narrative")
