"""The Act as it read on each date: every date in the reference that changes a result, the day
before and the day of."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from legalcheck.law import statutes as S

D = date.fromisoformat


def before(day: str) -> date:
    return D(day) - timedelta(days=1)


# (feature id, first day in force)
SWITCHES = [
    ("2-1-1:tsukimatoi", "2000-11-24"), ("2-1-1:machibuse", "2000-11-24"), ("2-1-1:tachifusagari", "2000-11-24"),
    ("2-1-1:mihari", "2000-11-24"), ("2-1-1:oshikake", "2000-11-24"), ("2-1-2", "2000-11-24"),
    ("2-1-3", "2000-11-24"), ("2-1-4", "2000-11-24"), ("2-1-6", "2000-11-24"), ("2-1-7", "2000-11-24"),
    ("2-1-8", "2000-11-24"), ("2-1-5:silent_call", "2000-11-24"), ("2-1-5:phone", "2000-11-24"),
    ("2-1-5:fax", "2000-11-24"), ("provisional_order", "2000-11-24"),
    ("2-1-5:email", "2013-07-23"),
    ("2-1-1:urotsuki", "2017-01-03"), ("2-1-5:sns", "2017-01-03"), ("2-1-8:electromagnetic", "2017-01-03"),
    ("anxiety:email_sns", "2017-01-03"), ("non_complaint", "2017-01-03"),
    ("prohibition_without_warning", "2017-06-14"), ("emergency_prohibition", "2017-06-14"),
    ("2-1-1:current_place", "2021-06-15"), ("2-1-5:document", "2021-06-15"),
    ("2-3-1", "2021-08-26"), ("2-3-3:gps", "2021-08-26"), ("stalking:location", "2021-08-26"),
    ("kokinkei", "2025-06-01"),
    ("2-3-2", "2025-12-30"), ("2-3-3:tag", "2025-12-30"), ("ex_officio_warning", "2025-12-30"),
]


@pytest.mark.parametrize("fid, start", SWITCHES)
def test_switch_turns_on_that_day(fid, start):
    assert S.in_force(fid, before(start)) is False
    assert S.in_force(fid, D(start)) is True
    assert S.feature(fid).start == D(start)


def test_provisional_order_ends_when_emergency_orders_begin():
    assert S.in_force("provisional_order", D("2017-06-13")) is True
    assert S.in_force("provisional_order", D("2017-06-14")) is False
    assert S.feature("provisional_order").until == D("2017-06-13")


def test_unknown_feature_is_a_key_error():
    with pytest.raises(KeyError):
        S.feature("2-1-9")


def test_every_feature_names_a_provision_in_force_on_its_first_day():
    for f in S.features():
        assert S.provision(f.provision, f.start) is not None, f.id


# ------------------------------------------------------------------ texts

TEXT_2000_1 = ("つきまとい、待ち伏せし、進路に立ちふさがり、住居、勤務先、学校その他その通常所在する場所（以下「住居等」という。）"
               "の付近において見張りをし、又は住居等に押し掛けること。")
TEXT_2017_1 = ("つきまとい、待ち伏せし、進路に立ちふさがり、住居、勤務先、学校その他その通常所在する場所（以下「住居等」という。）"
               "の付近において見張りをし、住居等に押し掛け、又は住居等の付近をみだりにうろつくこと。")
TEXT_2021_1 = ("つきまとい、待ち伏せし、進路に立ちふさがり、住居、勤務先、学校その他その現に所在する場所若しくは通常所在する場所"
               "（以下「住居等」という。）の付近において見張りをし、住居等に押し掛け、又は住居等の付近をみだりにうろつくこと。")


@pytest.mark.parametrize("day, text, version", [
    ("2000-11-24", TEXT_2000_1, "2000-11-24"),
    ("2017-01-02", TEXT_2000_1, "2000-11-24"),
    ("2017-01-03", TEXT_2017_1, "2017-01-03"),
    ("2020-03-01", TEXT_2017_1, "2017-01-03"),
    ("2021-06-14", TEXT_2017_1, "2017-01-03"),
    ("2021-06-15", TEXT_2021_1, "2021-06-15"),
    ("2026-01-01", TEXT_2021_1, "2021-06-15"),
])
def test_item_1_by_date(day, text, version):
    p = S.provision("2条1項1号", D(day))
    assert p.text == text
    assert p.version == D(version)
    assert p.verification == "verified"


def test_nothing_before_the_act():
    assert S.provision("2条1項1号", D("2000-11-23")) is None
    with pytest.raises(ValueError, match="施行されていません"):
        S.stalking_definition(D("2000-11-23"))


@pytest.mark.parametrize("day, fragment, absent", [
    ("2013-07-22", "電話をかけ若しくはファクシミリ装置を用いて送信すること。", "電子メール"),
    ("2013-07-23", "若しくは電子メールを送信すること。", "送信等"),
    ("2017-01-02", "若しくは電子メールを送信すること。", "送信等"),
    ("2017-01-03", "若しくは電子メールの送信等をすること。", "文書"),
    ("2021-06-14", "若しくは電子メールの送信等をすること。", "文書"),
    ("2021-06-15", "電話をかけ、文書を送付し、ファクシミリ装置を用いて送信し、若しくは電子メールの送信等をすること。", None),
])
def test_item_5_by_date(day, fragment, absent):
    text = S.provision("2条1項5号", D(day)).text
    assert fragment in text
    if absent:
        assert absent not in text


def test_item_8_electromagnetic_records_from_2017():
    assert "電磁的記録" not in S.provision("2条1項8号", before("2017-01-03")).text
    p = S.provision("2条1項8号", D("2017-01-03"))
    assert "電磁的記録" in p.text and p.verification == "composed"


def test_sns_definition_from_2017():
    assert S.provision("2条2項1号", before("2017-01-03")) is None
    p1 = S.provision("2条2項1号", D("2017-01-03"))
    assert p1.text is None and p1.verification == "summary" and "括弧書き未確認" in p1.summary
    assert S.provision("2条2項2号", D("2017-01-03")).text.startswith("前号に掲げるもののほか、特定の個人が")
    assert S.provision("2条2項", D("2017-01-03")).text.startswith("前項第五号の「電子メールの送信等」とは")


@pytest.mark.parametrize("day, ref", [
    ("2000-11-24", "2条2項"), ("2017-01-02", "2条2項"), ("2017-01-03", "2条3項"),
    ("2021-08-25", "2条3項"), ("2021-08-26", "2条4項"), ("2026-01-01", "2条4項"),
])
def test_stalking_definition_moves(day, ref):
    p = S.stalking_definition(D(day))
    assert p.ref == ref
    assert "「ストーカー行為」とは" in p.text


def test_anxiety_limit_wording_by_date():
    assert "前項第一号から第四号までに掲げる行為" in S.stalking_definition(D("2016-12-31")).text
    assert "第五号（電子メールの送信等に係る部分に限る。）" in S.stalking_definition(D("2017-01-03")).text
    assert "又は位置情報無承諾取得等を反復して" not in S.stalking_definition(D("2021-08-25")).text
    assert "又は位置情報無承諾取得等を反復して" in S.stalking_definition(D("2021-08-26")).text


def test_paragraph_3_of_article_2_over_time():
    assert S.provisions_under("2条3項", D("2016-12-31")) == []
    in_2020 = S.provisions_under("2条3項", D("2020-03-01"))
    assert [p.ref for p in in_2020] == ["2条3項"]
    assert in_2020[0].title == "ストーカー行為の定義"
    in_2021 = S.provisions_under("2条3項", D("2021-08-26"))
    assert [p.ref for p in in_2021] == ["2条3項", "2条3項1号", "2条3項2号"]
    assert in_2021[2].text.startswith("その承諾を得ないで、その所持する物に位置情報記録・送信装置を取り付けること")
    assert S.provisions_under("2条3項", D("2021-08-25"))[0].title == "ストーカー行為の定義"
    in_2026 = S.provisions_under("2条3項", D("2025-12-30"))
    assert [p.ref for p in in_2026] == ["2条3項", "2条3項1号", "2条3項2号", "2条3項3号"]
    assert "位置特定用識別情報送信装置" in in_2026[2].text
    assert "位置情報記録・送信装置等" in in_2026[3].text
    assert S.provision("2条3項2号", D("2025-12-29")).text.startswith("その承諾を得ないで、その所持する物に")


@pytest.mark.parametrize("category, day, ref", [
    ("2-3-3", "2021-08-25", None), ("2-3-3", "2021-08-26", "2条3項2号"), ("2-3-3", "2025-12-29", "2条3項2号"),
    ("2-3-3", "2025-12-30", "2条3項3号"), ("2-3-2", "2025-12-29", None), ("2-3-2", "2025-12-30", "2条3項2号"),
    ("2-3-1", "2021-08-25", None), ("2-3-1", "2021-08-26", "2条3項1号"),
    ("2-1-1:mihari", "2000-11-24", "2条1項1号"), ("2-1-1:urotsuki", "2017-01-02", None),
    ("2-1-1:urotsuki", "2017-01-03", "2条1項1号"), ("2-1-5", "2013-07-22", "2条1項5号"),
])
def test_category_provision_by_date(category, day, ref):
    p = S.category_provision(category, D(day))
    assert (p.ref if p else None) == ref


def test_categories_and_subtypes_at():
    assert S.categories_at(D("2021-08-25")) == [f"2-1-{n}" for n in range(1, 9)]
    assert S.categories_at(D("2021-08-26")) == [f"2-1-{n}" for n in range(1, 9)] + ["2-3-1", "2-3-3"]
    assert S.categories_at(D("2025-12-30"))[-3:] == ["2-3-1", "2-3-2", "2-3-3"]
    assert S.subtypes_at(D("2017-01-02")) == ["tsukimatoi", "machibuse", "tachifusagari", "mihari", "oshikake"]
    assert S.subtypes_at(D("2017-01-03"))[-1] == "urotsuki"


@pytest.mark.parametrize("key, label", [("2-1-1:mihari", "見張り"), ("2-1-1:machibuse", "待ち伏せ"),
                                        ("2-1-1:urotsuki", "うろつき"), ("2-3-2", "紛失防止タグ等による位置情報の無承諾取得")])
def test_category_label(key, label):
    assert S.category_label(key) == label


def test_unknown_category_is_a_key_error():
    with pytest.raises(KeyError):
        S.category_label("2-1-9")


@pytest.mark.parametrize("day, version", [
    ("2000-11-24", "2000-11-24"), ("2013-07-22", "2000-11-24"), ("2013-07-23", "2013-07-23"),
    ("2013-10-02", "2013-07-23"), ("2013-10-03", "2013-10-03"), ("2017-01-02", "2013-10-03"),
    ("2017-01-03", "2017-01-03"), ("2017-06-13", "2017-01-03"), ("2017-06-14", "2017-06-14"),
    ("2021-06-14", "2017-06-14"), ("2021-06-15", "2021-06-15"), ("2021-08-25", "2021-06-15"),
    ("2021-08-26", "2021-08-26"), ("2025-05-31", "2021-08-26"), ("2025-06-01", "2025-06-01"),
    ("2025-12-29", "2025-06-01"), ("2025-12-30", "2025-12-30"), ("2026-03-09", "2025-12-30"),
    ("2026-03-10", "2026-03-10"), ("2026-11-24", "2026-03-10"),
])
def test_law_version(day, version):
    assert S.law_version(D(day)) == version


def test_warnings_and_orders_by_date():
    # 4条3項 existed from 2000 (moved to 5項 in 2013); its wording is not known
    old3 = S.provision("4条3項", D("2013-10-02"))
    assert old3.text is None and old3.verification == "unknown" and "5項に繰り下げ" in old3.summary
    assert S.provision("4条3項", D("2013-10-03")).text.startswith("警察本部長等は、警告をしたときは")
    assert "又は職権で" not in S.provision("5条1項", D("2013-10-02")).text
    assert "当該警告に係る前条第一項の申出をした者の申出により、又は職権で" in S.provision("5条1項", D("2013-10-03")).text
    assert S.provision("5条1項", D("2017-06-13")).text.startswith("公安委員会は、警告を受けた者が")
    assert S.provision("5条1項", D("2017-06-14")).text.startswith("都道府県公安委員会（以下「公安委員会」という。）は、第三条の規定に違反する行為があった場合")
    assert S.provision("5条3項", D("2017-06-14")).verification == "summary"
    assert S.provision("6条", D("2017-06-13")).summary.count("15日") == 2
    assert S.provision("6条", D("2017-06-14")) is None
    assert "申出を受けた場合" in S.provision("4条1項", D("2025-12-29")).text
    assert "位置情報無承諾取得等に係る警告を求める旨の申出" in S.provision("4条1項", D("2025-12-29")).text
    assert "位置情報無承諾取得等" not in S.provision("4条1項", D("2021-08-25")).text
    late = S.provision("4条1項", D("2025-12-30"))
    assert late.text is None and "挿入語句未確認" in late.summary


def test_article_3_is_never_shipped_as_text():
    for p in S.history("3条"):
        assert p.text is None and p.verification == "summary"
    assert S.provision("3条", D("2021-08-26")).title == "つきまとい等又は位置情報無承諾取得等をして不安を覚えさせることの禁止"


@pytest.mark.parametrize("ref, day, article_text", [
    ("13条", "2017-01-02", "六月以下の懲役又は五十万円以下の罰金"),
    ("18条", "2017-01-03", "一年以下の懲役又は百万円以下の罰金"),
    ("18条", "2025-06-01", "一年以下の拘禁刑又は百万円以下の罰金"),
])
def test_penal_articles(ref, day, article_text):
    assert article_text in S.provision(ref, D(day)).text


def test_old_penal_articles_moved():
    assert S.provision("13条", D("2017-01-03")) is None
    assert S.provision("18条", D("2017-01-02")) is None
    hist = S.history("13条")
    assert [p.removed for p in hist] == [False, True]
    assert "18条へ移動" in hist[1].note


def test_enforcement_order():
    p = S.provision("施行令1条", D("2021-08-26"))
    assert p.cite() == "ストーカー規制法施行令1条" and "衛星測位" in p.text
    assert S.provision("施行令1条", D("2021-08-25")) is None
    assert S.provision("1条", D("2021-08-26"), law="stalker-order").ref == "1条"
    assert S.provision("施行令3条", D("2022-01-01")).text is None
    assert S.provision("施行令3条", D("2025-12-30")).verification == "unknown"


@pytest.mark.parametrize("ref, expected", [
    ("2条1項1号", ("stalker-act", (2, 1, 1))),
    ("第二条第一項第一号", ("stalker-act", (2, 1, 1))),
    ("２条１項１号", ("stalker-act", (2, 1, 1))),
    ("2-1-1", ("stalker-act", (2, 1, 1))),
    ("2-1-1:mihari", ("stalker-act", (2, 1, 1))),
    ("2-2-1", ("stalker-act", (2, 2, 1))),
    ("18条", ("stalker-act", (18, None, None))),
    ("第二十条", ("stalker-act", (20, None, None))),
    ("施行令1条", ("stalker-order", (1, None, None))),
    ("ストーカー規制法第2条第4項", ("stalker-act", (2, 4, None))),
])
def test_parse_ref(ref, expected):
    assert S.parse_ref(ref) == expected


def test_parse_ref_resolves_category_by_date():
    assert S.parse_ref("2-3-3", D("2022-01-01")) == ("stalker-act", (2, 3, 2))
    assert S.parse_ref("2-3-3", D("2026-01-01")) == ("stalker-act", (2, 3, 3))


@pytest.mark.parametrize("bad", ["", "abc", "2条1号", "条", "2条の"])
def test_parse_ref_rejects(bad):
    with pytest.raises(ValueError, match="条項"):
        S.parse_ref(bad)


def test_cite_and_to_dict():
    p = S.provision("2条1項1号", D("2024-05-01"))
    assert p.cite() == "ストーカー規制法2条1項1号"
    assert p.to_dict() == {"ref": "ストーカー規制法2条1項1号", "version": "2021-06-15", "text": TEXT_2021_1,
                           "law": "令和3年法律第45号", "verification": "verified"}
    assert p.until is None
    assert S.provision("2条1項1号", D("2020-03-01")).until == D("2021-06-14")


def test_history_of_item_1():
    hist = S.history("2条1項1号")
    assert [p.version for p in hist] == [D("2000-11-24"), D("2017-01-03"), D("2021-06-15")]
    assert [p.amended_by for p in hist] == ["平成12年法律第81号", "平成28年法律第102号", "令和3年法律第45号"]
    assert S.history("9条") == []
