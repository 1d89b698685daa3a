"""The law layer driven by hand-built facts, independent of the NLP: acts by date, elements,
offences and penalties."""
from datetime import date

import pytest

from legalcheck.law import acts as A
from legalcheck.law import elements as E
from legalcheck.law import offences as O
from legalcheck.nlp.facts import ActFact, Cue, DateRange, Facts, Span

D = date.fromisoformat


def fact(kind, category, subtype=None, on="2024-05-01", **kw) -> ActFact:
    ev = Span(0, 2, "行為")
    d = DateRange(D(on), D(on), on) if on else None
    return ActFact(kind=kind, category=category, subtype=subtype, evidence=ev, clause=ev, date=d, **kw)


def judge(f, refusal=None):
    return A.judge(f, D("2024-05-01"), lambda _f: refusal)


def status_of(judged, key):
    return [j.status for j in judged if j.key == key]


@pytest.mark.parametrize("day,want", [("2021-08-25", "not_satisfied"), ("2021-08-26", "satisfied")])
def test_gps_read_needs_the_2021_item(day, want):
    j = judge(fact("gps_read", "2-3-1", on=day, device="gps", remote=True))
    assert status_of(j, "2-3-1") == [want]
    # remote reading is never 見張り (最一小判令和2年7月30日)
    assert status_of(j, "2-1-1:mihari") == ["not_satisfied"]


@pytest.mark.parametrize("day,want", [("2025-12-29", "not_satisfied"), ("2025-12-30", "satisfied")])
def test_tag_read_and_attach_from_2025_12_30(day, want):
    j = judge(fact("gps_read", "2-3-1", on=day, device="tag", remote=True))
    assert status_of(j, "2-3-2") == [want]
    j = judge(fact("attach", "2-3-3", on=day, device="tag"))
    assert status_of(j, "2-3-3") == [want]


def test_gps_attach_is_2_3_3_from_2021_08_26_under_the_item_of_its_day():
    before = judge(fact("attach", "2-3-3", on="2021-08-25", device="gps"))[0]
    after = judge(fact("attach", "2-3-3", on="2021-08-26", device="gps"))[0]
    later = judge(fact("attach", "2-3-3", on="2026-01-10", device="gps"))[0]
    assert (before.status, after.status, later.status) == ("not_satisfied", "satisfied", "satisfied")
    assert after.statute.ref.endswith("2条3項2号")
    assert later.statute.ref.endswith("2条3項3号")


@pytest.mark.parametrize("day,want", [("2017-01-02", "not_satisfied"), ("2017-01-03", "satisfied")])
def test_urotsuki_from_2017_01_03(day, want):
    f = fact("urotsuki", "2-1-1", "urotsuki", on=day, place="work", place_owner="victim", near=True)
    assert judge(f)[0].status == want


@pytest.mark.parametrize("day,want", [("2013-07-22", "not_satisfied"), ("2013-07-23", "satisfied")])
def test_email_in_5go_from_2013_07_23(day, want):
    f = fact("message", "2-1-5", on=day, means="email", count=23)
    assert judge(f, refusal="contact")[0].status == want


@pytest.mark.parametrize("day,want", [("2016-12-31", "not_satisfied"), ("2017-01-03", "satisfied")])
def test_sns_in_5go_from_2017_01_03(day, want):
    f = fact("message", "2-1-5", on=day, means="sns", count=80)
    assert judge(f, refusal="contact")[0].status == want


@pytest.mark.parametrize("day,want", [("2021-06-14", "not_satisfied"), ("2021-06-15", "satisfied")])
def test_letters_in_5go_from_2021_06_15(day, want):
    f = fact("message", "2-1-5", on=day, means="letter", count=5)
    assert judge(f, refusal="contact")[0].status == want


@pytest.mark.parametrize("day,one_off,want", [("2021-06-14", True, "not_satisfied"), ("2021-06-14", False, "undetermined"),
                                                ("2021-06-15", True, "satisfied")])
def test_current_place_widens_jukyo_from_2021_06_15(day, one_off, want):
    f = fact("mihari", "2-1-1", "mihari", on=day, place="visited", place_owner="victim", near=True, current_place=one_off)
    assert judge(f)[0].status == want


def test_anxiety_limit_reaches_email_only_from_2017():
    old = judge(fact("message", "2-1-5", on="2016-06-01", means="email", count=5), refusal="contact")[0]
    new = judge(fact("message", "2-1-5", on="2017-06-01", means="email", count=5), refusal="contact")[0]
    assert (old.needs_anxiety, new.needs_anxiety) == (False, True)
    call = judge(fact("message", "2-1-5", on="2017-06-01", means="phone", count=5), refusal="contact")[0]
    assert call.needs_anxiety is False


def test_silent_calls_need_no_refusal_and_continuous_calls_do():
    assert judge(fact("message", "2-1-5", means="silent_call", count=40))[0].status == "satisfied"
    assert judge(fact("message", "2-1-5", means="phone", count=40))[0].status == "undetermined"
    assert judge(fact("message", "2-1-5", means="phone", count=40), refusal="after")[0].status == "not_satisfied"


def test_who_did_it_and_how_sure():
    assert judge(fact("oshikake", "2-1-1", "oshikake", actor="victim", place="home"))[0].status == "not_satisfied"
    assert judge(fact("oshikake", "2-1-1", "oshikake", actor="other", place="home"))[0].status == "not_satisfied"
    assert judge(fact("machibuse", "2-1-1", "machibuse", negated=True))[0].status == "not_satisfied"
    hedged = judge(fact("machibuse", "2-1-1", "machibuse", hedged=True, hedge_text="らしい"))[0]
    assert hedged.status == "undetermined" and hedged.questions


def test_mihari_place_requirement():
    at_home = judge(fact("mihari", "2-1-1", "mihari", place="home", place_owner="victim", near=True))[0]
    nowhere = judge(fact("mihari", "2-1-1", "mihari"))[0]
    assert at_home.status == "satisfied" and "sc-2020-07-30-1528" in at_home.precedents
    assert nowhere.status == "undetermined" and any("どこ" in q for q in nowhere.questions)


def _facts(**kw):
    return Facts(narrative="", **kw)


def test_repetition_counts_occasions_not_acts():
    a = fact("machibuse", "2-1-1", "machibuse", sentence_index=0)
    b = fact("demand", "2-1-3", sentence_index=0)
    judged = judge(a) + judge(b)
    frightened = _facts(fears=[Cue("fear", "怖い", Span(0, 2, "怖い"))])
    E.mark_anxiety(frightened, judged)
    assert E.repetition_status(judged) == "not_satisfied"
    c = fact("machibuse", "2-1-1", "machibuse", on="2024-05-08")
    c.occasion = 1
    judged += judge(c)
    E.mark_anxiety(frightened, judged)
    assert E.repetition_status(judged) == "satisfied"
    many = fact("message", "2-1-5", means="silent_call", count=30)
    assert E.repetition_status(judge(many)) == "satisfied"


def test_purpose_money_dispute_is_not_romance():
    ev = Span(0, 2, "金銭")
    f = _facts(motives=[Cue("money", "貸した金", ev)])
    judged = judge(fact("machibuse", "2-1-1", "machibuse"))
    assert E.purpose(f, judged, D("2024-05-01")).status == "not_satisfied"
    f2 = _facts(motives=[Cue("romance", "復縁", ev)])
    assert E.purpose(f2, judged, D("2024-05-01")).status == "satisfied"
    assert E.purpose(_facts(), judged, D("2024-05-01")).status == "undetermined"


def _elements(f, judged, at):
    return {"purpose": E.purpose(f, judged, at), "target": E.target(f, judged, at),
            "repetition": E.repetition(f, judged, at), "anxiety_method": E.anxiety(f, judged, at),
            "mihari_place": E.mihari_place(f, judged, at)}


@pytest.mark.parametrize("day,months,kind,complaint", [
    ("2016-12-31", 6, "懲役", True), ("2017-01-03", 12, "懲役", False), ("2025-06-01", 12, "拘禁刑", False)])
def test_art18_penalty_by_act_date(day, months, kind, complaint):
    ev = Span(0, 2, "x")
    f = _facts(motives=[Cue("romance", "好意", ev)], fears=[Cue("fear", "怖い", ev)])
    judged = []
    for k, d in enumerate([day, day]):
        x = fact("message", "2-1-5", on=d, means="silent_call", count=1, sentence_index=k)
        x.occasion = k
        judged += judge(x)
    at = D(day)
    o = O.art18(_elements(f, judged, at), judged, at, D("2026-11-24"))
    assert o.status == "satisfied"
    assert (o.penalty.imprisonment_max_months, o.penalty.imprisonment_kind, o.penalty.complaint_required) == (
        months, kind, complaint)
    applied = o.judgment[0]
    assert applied.imprisonment_kind == kind   # transitional provisions keep the old form for earlier acts


def test_art19_needs_an_order_before_the_acts():
    ev = Span(0, 2, "x")
    f = _facts(motives=[Cue("romance", "好意", ev)], fears=[Cue("fear", "怖い", ev)])
    judged = []
    for k, d in enumerate(["2024-05-01", "2024-05-08"]):
        x = fact("machibuse", "2-1-1", "machibuse", on=d)
        x.occasion = k
        judged += judge(x)
    at = D("2024-05-08")
    els = _elements(f, judged, at)
    before = [O.Order("prohibition_order", D("2024-04-01"), "request")]
    after = [O.Order("prohibition_order", D("2024-06-01"), "request")]
    warning = [O.Order("warning", D("2024-04-01"), "request")]
    today = D("2026-11-24")
    assert O.art19_20(els, judged, before, f, at, today)[0].status == "satisfied"
    assert O.art19_20(els, judged, after, f, at, today)[0].status == "not_satisfied"
    assert O.art19_20(els, judged, warning, f, at, today)[0].status == "not_satisfied"
    o19, o20 = O.art19_20(els, judged, before, f, at, today)
    assert o19.penalty.imprisonment_max_months == 24 and o19.penalty.fine_max_yen == 2_000_000
    assert o20.status == "satisfied" and o20.penalty.imprisonment_max_months == 6
