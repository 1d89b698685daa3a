"""What the law allows next on the day of the analysis (issue 15): only the measures that existed on
that day, with what is still missing; arrest where an offence is made out. The days either side of
2017-06-14 (禁止命令等 without a 警告, 緊急禁止命令等, the end of the 仮の命令), 2025-12-30 (職権警告,
援助 by employers and schools) and 2026-03-10 (requests to holders of her information)."""
from datetime import date

import pytest

from legalcheck import analyze
from legalcheck.law.measures import existed, measure_data

CASE_2017 = """【捜査報告書】
被疑者甲（４２歳）は、元交際相手の被害者乙子（３８歳）に復縁を拒まれた後も、平成２９年５月から６月にかけて、乙子の自宅前で三回待ち伏せして「話を聞け」と怒鳴った。
乙子は「怖くて外出できない」と話している。"""

CASE_2016 = """【捜査報告書】
被疑者甲（４２歳）は、元交際相手の被害者乙子（３８歳）に復縁を拒まれた後も、平成２８年１１月から１２月にかけて、乙子の自宅前で三回待ち伏せして「話を聞け」と怒鳴った。
乙子は「怖くて外出できない」と話している。"""


def ids(text, today, **kw):
    a = analyze(text, today=today, **kw).to_dict()
    return {m["id"]: m for m in a["measures"]["items"]}, a


@pytest.mark.parametrize("today, present, absent", [
    ("2017-06-13", {"warning", "prohibition_order_after_warning", "provisional_order", "assistance"},
     {"prohibition_order", "emergency_prohibition_order", "warning_ex_officio"}),
    ("2017-06-14", {"warning", "prohibition_order", "emergency_prohibition_order", "assistance"},
     {"prohibition_order_after_warning", "provisional_order", "warning_ex_officio"}),
    ("2025-12-29", {"warning", "prohibition_order", "emergency_prohibition_order"},
     {"warning_ex_officio", "assistance_employer_school", "information_request"}),
    ("2025-12-30", {"warning", "warning_ex_officio", "assistance_employer_school"}, {"information_request"}),
    ("2026-03-09", {"warning_ex_officio"}, {"information_request"}),
    ("2026-03-10", {"warning_ex_officio", "information_request"}, {"provisional_order"}),
])
def test_only_what_existed_on_the_day(today, present, absent):
    found, _ = ids(CASE_2017, today)
    assert present <= set(found)
    assert not absent & set(found)


def test_prohibition_before_2017_06_14_needs_a_warning_disobeyed():
    found, _ = ids(CASE_2017, "2017-06-13")
    old = found["prohibition_order_after_warning"]
    cond = {c["id"]: c["status"] for c in old["conditions"]}
    assert cond["warning_disobeyed"] == "not_satisfied" and old["status"] == "not_satisfied"
    def disobeyed(warned):
        found, _ = ids(CASE_2017, "2017-06-13", prior_measures=[{"kind": "warning", "date": warned}])
        return {c["id"]: c["status"] for c in found["prohibition_order_after_warning"]["conditions"]}["warning_disobeyed"]

    assert disobeyed("2017-04-20") == "satisfied"
    assert disobeyed("2017-05-10") == "undetermined"   # 「５月から６月にかけて」 may have begun before it
    new, _ = ids(CASE_2017, "2017-06-14")
    assert new["prohibition_order"]["status"] == "satisfied"
    assert new["prohibition_order"]["missing"] == ["被害者の申出又は職権", "事前の聴聞（5条2項）"]
    assert new["prohibition_order"]["in_force_from"] == "2017-06-14"


def test_warning_needs_her_request_until_2025_12_29_and_not_from_2025_12_30():
    before, _ = ids(CASE_2017, "2025-12-29")
    assert "被害者の申出（警告・仮の命令を求める旨）" in before["warning"]["missing"]
    after, _ = ids(CASE_2017, "2025-12-30")
    ex = after["warning_ex_officio"]
    assert ex["missing"] == [] and ex["status"] == "satisfied" and ex["provision"] == "4条1項"
    assert ex["in_force_from"] == "2025-12-30"


def test_arrest_where_the_offence_is_made_out_and_the_old_complaint():
    found, a = ids(CASE_2017, "2017-06-14")
    assert a["offenses"]["art18"]["status"] == "satisfied"
    arrest = found["arrest:art18"]
    assert arrest["status"] == "satisfied" and arrest["kind"] == "criminal"
    assert "逮捕の必要性（逃亡・罪証隠滅のおそれ等）と客観的証拠の確保" in arrest["missing"]
    assert "directive:arrest_priority" in found
    old, _ = ids(CASE_2016, "2017-06-14")
    assert "告訴の有無（行為時の罰則は親告罪）" in old["arrest:art18"]["missing"]


def test_emergency_order_follows_the_level():
    found, a = ids(CASE_2017, "2017-06-14")
    urgency = {c["id"]: c for c in found["emergency_prohibition_order"]["conditions"]}["urgency"]
    assert urgency["status"] == ("satisfied" if a["risk"]["level"] == "高" else "undetermined")


def test_extension_only_with_an_order_in_force():
    found, _ = ids(CASE_2017, "2017-06-14")
    assert "extension" not in found
    found, _ = ids(CASE_2017, "2018-01-10", prior_measures=[{"kind": "prohibition_order", "date": "2017-07-03"}])
    ext = found["extension"]
    assert ext["provision"] == "5条9項"
    assert {c["id"]: c for c in ext["conditions"]}["order_in_force"]["why"] == \
        "有効期間内の禁止命令等（2017-07-03付け、2018-07-02まで）"


def test_measure_data_has_dates_and_sources():
    for mid, entry in measure_data()["measures"].items():
        assert "feature" in entry or (entry["source"] and entry["verification"] and "from" in entry), mid
        for cid in entry["conditions"]:
            assert cid in measure_data()["conditions"]
    assert not existed("assistance_employer_school", date(2025, 12, 29))
    assert existed("assistance_employer_school", date(2025, 12, 30))
