"""Penalties by the date of the act, the rule applied at judgment, related offences."""
from __future__ import annotations

from datetime import date

import pytest

from legalcheck.law import penalties as P

D = date.fromisoformat


@pytest.mark.parametrize("offence, day, article, kind, months, fine, complaint", [
    ("art18", "2000-11-24", "13条", "懲役", 6, 500000, True),
    ("art18", "2016-12-31", "13条", "懲役", 6, 500000, True),
    ("art18", "2017-01-02", "13条", "懲役", 6, 500000, True),
    ("art18", "2017-01-03", "18条", "懲役", 12, 1000000, False),
    ("art18", "2025-05-31", "18条", "懲役", 12, 1000000, False),
    ("art18", "2025-06-01", "18条", "拘禁刑", 12, 1000000, False),
    ("art19", "2017-01-02", "14条", "懲役", 12, 1000000, False),
    ("art19", "2017-01-03", "19条", "懲役", 24, 2000000, False),
    ("art19", "2025-06-01", "19条", "拘禁刑", 24, 2000000, False),
    ("art20", "2017-01-02", "15条", None, None, 500000, False),
    ("art20", "2017-01-03", "20条", "懲役", 6, 500000, False),
    ("art20", "2025-05-31", "20条", "懲役", 6, 500000, False),
    ("art20", "2025-06-01", "20条", "拘禁刑", 6, 500000, False),
])
def test_offence_penalty(offence, day, article, kind, months, fine, complaint):
    p = P.offence_penalty(offence, D(day))
    assert (p.article, p.imprisonment_kind, p.imprisonment_max_months, p.fine_max_yen, p.complaint_required) == \
           (article, kind, months, fine, complaint)


def test_exact_texts():
    assert P.offence_penalty("art18", D("2016-12-31")).text == (
        "ストーカー行為をした者は、六月以下の懲役又は五十万円以下の罰金に処する。\n"
        "２ 前項の罪は、告訴がなければ公訴を提起することができない。")
    assert P.offence_penalty("art18", D("2017-01-03")).text == "ストーカー行為をした者は、一年以下の懲役又は百万円以下の罰金に処する。"
    p = P.offence_penalty("art18", D("2025-06-01"))
    assert p.text == "ストーカー行為をした者は、一年以下の拘禁刑又は百万円以下の罰金に処する。"
    assert p.verification == "composed"
    assert p.to_dict() == {"text": "1年以下の拘禁刑又は100万円以下の罰金", "statute_text": p.text,
                           "imprisonment_kind": "拘禁刑", "imprisonment_max_months": 12, "fine_max_yen": 1000000,
                           "article": "ストーカー規制法18条", "complaint_required": False, "version": "2025-06-01",
                           "verification": "composed"}


def test_nothing_before_the_act():
    assert P.offence_penalty("art18", D("2000-11-23")) is None
    with pytest.raises(ValueError):
        P.penalty_at_judgment("art18", D("2000-11-23"), D("2026-01-01"))


def test_unknown_offence():
    with pytest.raises(KeyError):
        P.offence_penalty("art21", D("2020-01-01"))


def test_act_of_december_2016_judged_in_2026_keeps_old_article_13():
    p, why, rules = P.penalty_at_judgment("art18", D("2016-12-15"), D("2026-03-01"))
    assert (p.article, p.imprisonment_kind, p.imprisonment_max_months, p.fine_max_yen) == ("13条", "懲役", 6, 500000)
    assert p.complaint_required is True
    assert rules == ["h28-fusoku-2", "seiri-441", "h28-complaint"]
    assert "附則2条" in why and "なお従前の例による" in why and "告訴の有無を確認" in why


def test_act_of_may_2025_judged_in_2026_keeps_choeki():
    p, why, rules = P.penalty_at_judgment("art18", D("2025-05-15"), D("2026-03-01"))
    assert (p.article, p.imprisonment_kind, p.imprisonment_max_months) == ("18条", "懲役", 12)
    assert rules == ["seiri-441"]
    assert "441条" in why


def test_act_on_the_day_of_kokinkei():
    p, why, rules = P.penalty_at_judgment("art18", D("2025-06-01"), D("2026-03-01"))
    assert p.imprisonment_kind == "拘禁刑" and rules == []
    assert "変更はなく" in why


def test_old_article_15_goes_through_penal_code_6():
    # 附則2条 speaks only of ストーカー行為; the other order violations fall to 刑法6条.
    p, why, rules = P.penalty_at_judgment("art20", D("2016-12-15"), D("2026-03-01"))
    assert p.article == "15条" and p.imprisonment_kind is None and p.fine_max_yen == 500000
    assert rules == ["penal-code-6", "seiri-441"]
    assert "刑法6条" in why


def test_judgment_before_act_is_refused():
    with pytest.raises(ValueError):
        P.penalty_at_judgment("art18", D("2020-01-02"), D("2020-01-01"))


def test_transitional_rules_have_exact_texts():
    rules = {r["id"]: r for r in P.transitional_rules()}
    assert set(rules) == {"h28-fusoku-2", "h28-complaint", "seiri-441", "penal-code-6", "straddling-course"}
    assert rules["penal-code-6"]["text"] == "犯罪後の法律によって刑の変更があったときは、その軽いものによる。"
    assert rules["h28-fusoku-2"]["acts_before"] == "2017-01-03"
    assert rules["h28-fusoku-2"]["text"].endswith("罰則の適用については、なお従前の例による。")
    assert rules["seiri-441"]["acts_before"] == "2025-06-01"
    assert rules["h28-complaint"]["kind"] == "interpretation"


@pytest.mark.parametrize("rid, day, text, kind, months, fine", [
    ("trespass", "2025-05-31", "3年以下の懲役又は10万円以下の罰金", "懲役", 36, 100000),
    ("trespass", "2025-06-01", "3年以下の拘禁刑又は10万円以下の罰金", "拘禁刑", 36, 100000),
    ("insult", "2022-07-06", "拘留又は科料", None, None, None),
    ("insult", "2025-06-01", "1年以下の拘禁刑若しくは30万円以下の罰金又は拘留若しくは科料", "拘禁刑", 12, 300000),
    ("defamation", "2025-05-31", "3年以下の懲役若しくは禁錮又は50万円以下の罰金", "懲役若しくは禁錮", 36, 500000),
    ("non_consensual_indecency", "2023-07-13", "6月以上10年以下の懲役", "懲役", 120, None),
    ("non_consensual_indecency", "2025-06-01", "6月以上10年以下の拘禁刑", "拘禁刑", 120, None),
    ("non_consensual_intercourse", "2023-07-13", "5年以上の有期懲役", "懲役", None, None),
    ("voyeur_photography", "2023-07-13", "3年以下の懲役又は300万円以下の罰金", "懲役", 36, 3000000),
    ("voyeur_photography", "2025-06-01", "3年以下の拘禁刑又は300万円以下の罰金", "拘禁刑", 36, 3000000),
])
def test_related_offence_penalties(rid, day, text, kind, months, fine):
    r = P.related_offence(rid, D(day))
    assert (r.penalty["text"], r.penalty["imprisonment_kind"], r.penalty["imprisonment_max_months"],
            r.penalty["fine_max_yen"]) == (text, kind, months, fine)


def test_insult_raised_on_2022_07_07():
    r = P.related_offence("insult", D("2022-07-07"))
    assert r.penalty["imprisonment_max_months"] == 12 and r.penalty["verification"] == "summary"
    assert r.version == D("2022-07-07") and r.complaint_required is True
    old = P.related_offence("insult", D("2022-07-06"))
    assert old.penalty["detention"] and old.penalty["minor_fine"] and old.penalty["start_verified"] is False


@pytest.mark.parametrize("rid", ["non_consensual_indecency", "non_consensual_intercourse", "voyeur_photography"])
def test_2023_offences_do_not_exist_the_day_before(rid):
    r = P.related_offence(rid, D("2023-07-12"))
    assert r.penalty is None and r.version is None and "2023-07-13" in r.note
    assert P.related_offence(rid, D("2023-07-13")).version == D("2023-07-13")


def test_nuisance_ordinance_has_no_single_penalty():
    r = P.related_offence("nuisance_ordinance", D("2024-01-01"))
    assert r.penalty is None and "都道府県ごとに異なり" in r.note


def test_complaint_offences():
    assert [rid for rid in ("trespass", "defamation", "insult", "property_damage", "injury")
            if P.related_offence(rid, D("2024-01-01")).complaint_required] == ["defamation", "insult", "property_damage"]


def test_open_start_penalty_is_flagged():
    r = P.related_offence("injury", D("2003-01-01"))
    assert r.penalty["start_verified"] is False and "始期は未確認" in r.note
