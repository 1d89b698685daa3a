"""The law at its edges (issue 17): each test names the provision it follows and runs intake-style
narratives on both sides of the line, checking statuses and that the reasoning states the rule."""
from datetime import date

import pytest

from legalcheck.law import orders, statutes

from helpers import TODAY, acts, best, run  # noqa: F401 (shared test helpers)

D = date.fromisoformat




# ---------------------------------------------------------------- 1. 5条8項: the order's last day

@pytest.mark.parametrize("issued,last", [("2024-04-01", "2025-03-31"), ("2024-02-29", "2025-02-28"),
                                         ("2023-03-31", "2024-03-30"), ("2017-06-14", "2018-06-13")])
def test_order_last_day_counts_the_day_of_the_order_as_day_one(issued, last):
    """5条8項 「禁止命令等をした日から起算して1年」: the day of the order is day one."""
    assert orders.order_last_day("prohibition_order", D(issued)) == D(last)
    assert orders.order_last_day("emergency_prohibition_order", D(issued)) == D(last)


def test_no_validity_for_a_warning_or_an_order_before_2017_06_14():
    """5条8項 took effect 2017-06-14 (features.yaml prohibition_validity); a 警告 has no period."""
    assert orders.order_last_day("warning", D("2024-04-01")) is None
    assert orders.order_last_day("prohibition_order", D("2017-06-13")) is None
    assert statutes.feature("prohibition_validity").months == 12


ORDER_NARRATIVE = """相談受理票（生活安全課）
１　相談者　Ａ子（２８歳・会社員）
２　相手方　甲（３２歳・元交際相手）
３　相談内容
・令和６年４月１日、〇〇県公安委員会は甲に対し、Ａ子へのつきまとい等を禁止する禁止命令を発した。
・それ以降連絡はなかったが、令和７年４月１日午後１０時頃、甲がＡ子の自宅アパート前に現れ、「やり直そう」と大声で叫んだ。
・Ａ子は恐怖を感じ、１１０番通報した。"""


def test_an_act_on_the_last_day_breaches_the_order_and_the_day_after_only_if_extended():
    """5条8項 / 20条: an act on 2025-03-31 breaches the 2024-04-01 order; one on 2025-04-01 only if it was
    extended (5条9項), so 20条 is undetermined with the question."""
    on_last = run(ORDER_NARRATIVE.replace("令和７年４月１日午後", "令和７年３月３１日午後"))
    after = run(ORDER_NARRATIVE)
    assert on_last["offenses"]["art20"]["status"] == "satisfied"
    o20 = after["offenses"]["art20"]
    assert o20["status"] == "undetermined"
    assert "5条8項" in o20["reasoning"] and "2025-03-31まで有効" in o20["reasoning"]
    assert any("延長" in q and "2025-03-31" in q for q in after["questions"])


def test_after_an_order_one_later_act_leaves_19_undetermined_under_19_2():
    """19条2項: つきまとい等 in breach of the order that, with the acts before it, make up ストーカー行為."""
    on_last = run(ORDER_NARRATIVE.replace("令和７年４月１日午後", "令和７年３月３１日午後"))
    o19 = on_last["offenses"]["art19"]
    assert o19["status"] == "undetermined" and "19条2項" in o19["reasoning"]
    none_after = run(ORDER_NARRATIVE.replace("令和７年４月１日午後", "令和６年３月２５日午後"))
    assert none_after["offenses"]["art19"]["status"] == "not_satisfied"


# ---------------------------------------------------------------- 2. a series straddling a new item

SNS_STRADDLING = """【相談内容】
相談者Ａ美（２２歳・大学生）は、平成２８年１２月１５日、元交際相手の甲からの連絡を拒否し、ＬＩＮＥをブロックした。
ところが甲は、別のアカウントから、同月２０日から平成２９年１月２０日までの間、Ａ美のＬＩＮＥに「好きだ」「忘れられない」などのメッセージを約５０回送信した。
Ａ美は怖くて外出できないと話している。"""


def test_messages_straddling_2017_01_03_count_only_after_it():
    """2条1項5号・2条2項 (SNS from 2017-01-03): only messages on or after the switch count; when the text
    does not say how many, 5号 and the offence are undetermined, with the question."""
    a = run(SNS_STRADDLING)
    m = acts(a, "2-1-5")[0]
    assert m["status"] == "undetermined" and "2017-01-03" in m["reasoning"]
    assert a["offenses"]["art18"]["status"] == "undetermined"
    assert any("2017-01-03以後" in q for q in a["questions"])
    after = run(SNS_STRADDLING.replace("同月２０日から平成２９年１月２０日までの間", "平成２９年１月５日から同月２０日までの間"))
    assert best(after, "2-1-5") == "satisfied" and after["offenses"]["art18"]["status"] == "satisfied"


def test_a_told_split_counts_the_part_after_the_switch():
    """2条1項5号: 「うち約３０回は平成２９年１月３日以降」 tells the part that counts."""
    a = run(SNS_STRADDLING.replace("約５０回送信した。", "約５０回送信した（うち約３０回は平成２９年１月３日以降）。"))
    m = acts(a, "2-1-5")[0]
    assert m["status"] == "satisfied" and "30回" in m["reasoning"]
    assert a["offenses"]["art18"]["status"] == "satisfied"


# ---------------------------------------------------------------- 3. a device found, attachment undated

GPS_FOUND = """捜査報告書
１　令和３年８月２６日、被害者Ａ子（３５歳）が自家用車を点検したところ、車体の下にＧＰＳ機器が取り付けられているのを発見した。
２　被疑者甲（元夫）は、取調べに対し、ＧＰＳ機器を取り付けたことを認めている。
３　甲はＡ子の位置情報を自宅のスマートフォンで何度も確認していた。"""
GPS_TOLD = """捜査報告書
１　被疑者甲（元夫）は、令和３年９月１日深夜、被害者Ａ子（３５歳）の自家用車の車体の下にＧＰＳ機器を取り付けた。
２　同月１５日、Ａ子が車を点検してＧＰＳ機器を発見した。甲は取り付けたことを認めている。
３　甲はＡ子の位置情報を自宅のスマートフォンで何度も確認していた。"""


def test_a_device_found_on_2021_08_26_may_have_been_attached_before_the_item():
    """2条3項2号 (from 2021-08-26): an attachment known only to be on or before the finding day is undetermined."""
    a = run(GPS_FOUND)
    assert best(a, "2-3-3") == "undetermined"
    assert any("いつ取り付けられたか" in q for q in a["questions"])
    assert "発見日（2021-08-26）以前" in acts(a, "2-3-3")[0]["reasoning"]
    told = run(GPS_TOLD)
    assert best(told, "2-3-3") == "satisfied"
    assert acts(told, "2-3-3")[0]["date"] == "2021-09-01"


def test_a_device_found_before_2021_08_26_was_no_attachment_act():
    """2条3項2号 did not exist before 2021-08-26."""
    a = run(GPS_FOUND.replace("令和３年８月２６日", "令和３年８月２０日"))
    assert best(a, "2-3-3") == "not_satisfied"


# ---------------------------------------------------------------- 4. 差し入れ of a tag: 施行令3条 unverified

TAG_INSERTED = """相談者Ａ子（２６歳）は、令和８年１月、交際を断った職場の先輩甲から執拗に食事に誘われていた。
同年２月３日、Ａ子は通勤用バッグの内ポケットに見覚えのない紛失防止タグが入っているのを見つけた。
甲は、同年１月２０日頃に職場でＡ子のバッグにタグを忍ばせ、その後スマートフォンで何度もタグの位置を確認したことを認めた。"""
TAG_ATTACHED = """相談者Ａ子（２６歳）は、令和８年１月、交際を断った職場の先輩甲から執拗に食事に誘われていた。
同年２月３日、Ａ子は自家用車のバンパーの裏に見覚えのない紛失防止タグが貼り付けられているのを見つけた。
甲は、同年１月２０日頃に職場の駐車場でＡ子の車にタグを取り付け、その後スマートフォンで何度もタグの位置を確認したことを認めた。"""


def test_a_tag_slipped_into_a_bag_after_2025_12_30_is_undetermined():
    """2条3項3号 names 取り付ける and 交付する; 差し入れ is caught through 施行令3条, whose 2025 text is unverified."""
    a = run(TAG_INSERTED)
    m = acts(a, "2-3-3")[0]
    assert m["status"] == "undetermined" and "施行令3条" in m["reasoning"]
    assert best(a, "2-3-2") == "satisfied"   # reading the tag's position (2号) needs no 政令
    b = run(TAG_ATTACHED)
    assert best(b, "2-3-3") == "satisfied"


def test_a_gps_slipped_into_a_bag_in_2022_is_an_act_under_the_2021_order():
    """施行令3条1号 (2021-08-26 text, content verified): 「位置情報記録・送信装置を差し入れること」."""
    text = ("被疑者甲（元交際相手）は、令和４年５月１０日、被害者Ａ子の通勤用バッグにＧＰＳ機器を忍ばせた。\n"
            "甲はその後、自宅のスマートフォンでＡ子の位置情報を何度も確認していた。")
    a = run(text)
    assert best(a, "2-3-3") == "satisfied"
    assert "施行令3条" in acts(a, "2-3-3")[0]["reasoning"]


# ---------------------------------------------------------------- 5. a course across an amendment

COURSE = """相談受理票
・相談者Ｂ子（３０歳）、相手方乙（元交際相手）。
・平成２８年１２月１０日夜、乙はＢ子の自宅前で待ち伏せし、「やり直してくれ」と迫った。Ｂ子は怖くて震えた。
・平成２９年２月５日夜にも、乙はＢ子の自宅前で待ち伏せし、復縁を迫った。Ｂ子は恐怖で眠れなかった。"""


def test_a_course_straddling_2017_01_03_is_judged_by_the_law_when_it_ended():
    """transitional.yaml straddling-course (包括一罪): the law in force when the course ended; each act
    under its own date."""
    a = run(COURSE)
    o = a["offenses"]["art18"]
    assert o["status"] == "satisfied" and "2017-01-03の改正をまたぐ" in o["reasoning"] and "行為の終了時" in o["reasoning"]
    assert o["statute"]["ref"] == "ストーカー規制法18条"
    assert any(r["id"] == "straddling-course" for r in a["law"]["applied"])
    within = run(COURSE.replace("平成２８年１２月１０日夜", "平成２９年１月１０日夜"))
    assert "改正をまたぐ" not in within["offenses"]["art18"]["reasoning"]


def test_a_course_straddling_2025_06_01_takes_the_kokinkei_form():
    """straddling-course with 整理法441条: a course ending after 2025-06-01 takes the 拘禁刑 form."""
    a = run(COURSE.replace("平成２８年１２月１０日", "令和７年５月１０日").replace("平成２９年２月５日", "令和７年６月５日"))
    o = a["offenses"]["art18"]
    assert "2025-06-01の改正をまたぐ" in o["reasoning"] and o["penalty"]["imprisonment_kind"] == "拘禁刑"


# ---------------------------------------------------------------- 6. element rules

DIFFERENT_PERSONS = """相談受理票
・相談者Ｃ子（２９歳）。相手方丙（３１歳、元交際相手）。
・令和６年５月１０日夜、丙はＣ子の自宅前で待ち伏せし、「話がある」と腕をつかんだ。Ｃ子は恐怖を感じた。
・同月２０日夜、丙はＣ子の父親の自宅前で待ち伏せし、父親に「Ｃ子に会わせろ」と迫った。父親は恐怖を感じた。"""
SAME_PERSON = """相談受理票
・相談者Ｃ子（２９歳）。相手方丙（３１歳、元交際相手）。
・令和６年５月１０日夜、丙はＣ子の自宅前で待ち伏せし、「話がある」と腕をつかんだ。Ｃ子は恐怖を感じた。
・同月２０日夜にも、丙はＣ子の自宅前で待ち伏せし、「Ｃ子に会わせろ」と迫った。Ｃ子は恐怖を感じた。"""


def test_repetition_is_counted_per_object_person():
    """2条4項 「同一の者に対し」: one ambush of her and one of her father are not 反復."""
    a = run(DIFFERENT_PERSONS)
    assert a["elements"]["repetition"]["status"] == "not_satisfied"
    assert "同一の者に対し" in a["elements"]["repetition"]["reasoning"]
    assert a["offenses"]["art18"]["status"] == "not_satisfied"
    b = run(SAME_PERSON)
    assert b["elements"]["repetition"]["status"] == "satisfied" and b["offenses"]["art18"]["status"] == "satisfied"


FRIGHT_AND_CALM = """相談受理票
・相談者Ｄ子（２７歳）。相手方丁（２９歳、元交際相手）。
・令和６年６月１日午後１１時頃、丁はＤ子の自宅に押し掛け、ドアを何度も叩いて「出てこい、ぶっ殺すぞ」と怒鳴った。Ｄ子は恐怖で震えた。
・同月２０日、丁からＤ子の自宅に「もう一度会って話がしたい」と書いた手紙が１通届いた。手紙は丁寧な文面で、Ｄ子も特に怖くはなかったという。"""


def test_a_calm_letter_does_not_count_beside_one_frightening_visit():
    """2条4項: an act of 1〜4号 counts toward 反復 only if done by 不安方法."""
    a = run(FRIGHT_AND_CALM)
    assert a["elements"]["repetition"]["status"] == "not_satisfied"
    assert "不安方法によるものではなく" in a["elements"]["repetition"]["reasoning"]
    frightened = run(FRIGHT_AND_CALM.replace("Ｄ子も特に怖くはなかったという", "Ｄ子は怖くて眠れなかったという"))
    assert frightened["elements"]["repetition"]["status"] == "satisfied"


GPS_READ_NOWHERE = """捜査報告書
・被疑者戊（元交際相手）は、令和２年５月から７月にかけて、被害者Ｅ子の車に取り付けたＧＰＳ機器の位置情報をスマートフォンで約２００回確認していた。
・戊は「Ｅ子がどこにいるか知りたかった」と供述している。"""


def test_a_gps_read_with_no_observation_at_her_place_is_no_mihari():
    """最一小判令和2年7月30日: 見張り needs observation at a 住居等; nothing told of it → not_satisfied, no question."""
    a = run(GPS_READ_NOWHERE)
    derived = [x for x in acts(a, "2-1-1:mihari") if x.get("derived_from_gps")]
    assert derived and derived[0]["status"] == "not_satisfied"
    assert a["elements"]["mihari_place"]["status"] == "not_satisfied"
    assert not any("どこ" in q and "位置情報" in q for q in a["questions"])
    watched = run(GPS_READ_NOWHERE.replace("スマートフォンで約２００回確認していた",
                                           "Ｅ子の自宅前に止めた車内でスマートフォンで約２００回確認し、Ｅ子の部屋の様子を見張っていた"))
    assert a["elements"]["mihari_place"]["status"] != watched["elements"]["mihari_place"]["status"]


CONSENT = """被害者Ｆ子と夫Ｇは、令和５年４月の結婚時に、お互いの同意の上でスマートフォンの位置情報共有アプリを設定した。
Ｇは同年１０月以降、Ｆ子の位置情報を同アプリでたびたび確認していたが、Ｆ子は共有を解除しておらず、Ｇに解除を求めたこともない。
Ｆ子は夫婦関係について相談に来た。"""


def test_consent_given_and_never_withdrawn_is_no_acquisition():
    """2条3項1号 「その承諾を得ないで」: consent never withdrawn → not_satisfied; after a breakup its scope is open."""
    a = run(CONSENT)
    assert best(a, "2-3-1") == "not_satisfied" and "承諾" in acts(a, "2-3-1")[0]["reasoning"]
    broke_up = run(CONSENT.replace("Ｇは同年１０月以降", "二人は同年９月に別れたが、Ｇは同年１０月以降").replace("夫Ｇ", "交際相手Ｇ"))
    assert best(broke_up, "2-3-1") == "undetermined"


AIRTAG_2024 = ("相談者Ｈ子（２５歳）は、令和６年３月に元交際相手の甲と別れた。\n"
               "同年５月１日、Ｈ子は自分の車のバンパー裏に甲が取り付けた紛失防止タグを見つけた。甲は取り付けたことを認め、"
               "「タグで居場所を何度も調べた」と話している。")


def test_target_and_purpose_do_not_depend_on_coverage():
    """2条1項柱書: whom the conduct aimed at, and why, do not depend on whether the law of its date covered it
    (a tag in 2024 is outside 2条3項, but aimed at her, an ex-partner)."""
    a = run(AIRTAG_2024)
    assert best(a, "2-3-2") == "not_satisfied" and best(a, "2-3-3") == "not_satisfied"
    assert a["elements"]["target"]["status"] == "satisfied"
    assert a["elements"]["purpose"]["status"] == "satisfied"
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_nuisance_ordinance_flagged_when_purpose_is_open():
    """迷惑防止条例 reaches つきまとい without 恋愛感情等: flag it when purpose is undetermined, too."""
    text = ("相談者Ｉ子（４０歳）。相手方は近所に住む男性（５０歳）で、動機は分からない。\n"
            "令和６年７月１日と同月８日の夜、男性はＩ子の自宅前で待ち伏せし、Ｉ子の後をつけてきた。Ｉ子は怖くて眠れない。")
    a = run(text)
    assert a["elements"]["purpose"]["status"] == "undetermined"
    assert "nuisance_ordinance" in [r["id"] for r in a["related"]]


EMAILS_2012 = """ストーカー相談受理票
相談者：女性（３４歳・会社員）　相手方：男性（３７歳・取引先社員）
平成２４年８月、相手方から交際を申し込まれたが断った。９月１０日、相談者はメールで「メールを送らないでください」と返信して拒否した。
しかし、その後も１１月１９日までの間に、ほぼ毎日、計約７０通の電子メールが届いた。
相談者は「気味が悪いのでやめさせてほしい」と話している。"""


def test_emails_before_2013_whose_content_is_not_told_leave_18_undetermined():
    """2条1項5号 (email from 2013-07-23): outside 5号, but their content may be 3号・4号・7号・8号."""
    a = run(EMAILS_2012)
    assert best(a, "2-1-5") == "not_satisfied"
    assert a["offenses"]["art18"]["status"] == "undetermined"
    assert any("電子メールの内容" in q for q in a["questions"])
    told = run(EMAILS_2012.replace("相談者は「気味が悪いのでやめさせてほしい」と話している。",
                                   "メールの内容は天気や仕事の話に限られ、会うことを求める文言や脅す文言はない。"))
    assert told["offenses"]["art18"]["status"] == "not_satisfied"


# ---------------------------------------------------------------- 8. the execution receipt

def test_every_analysis_lists_the_provision_versions_it_applied():
    """Execution receipt: id, version date and verification marker of every provision, penalty and rule."""
    a = run(COURSE)
    applied = a["law"]["applied"]
    item1 = {r["version"] for r in applied if r["id"] == "ストーカー規制法2条1項1号"}
    assert item1 == {"2000-11-24", "2017-01-03"}   # each act under the item as it read on its own date
    assert any(r["id"] == "ストーカー規制法2条3項" and r["verification"] in ("verified", "composed") for r in applied)
    assert any(r["kind"] == "penalty" and r["id"].startswith("ストーカー規制法18条") for r in applied)
    assert all(set(r) >= {"id", "version", "verification"} for r in applied)


# ---------------------------------------------------------------- 7. data and wording

from legalcheck.law import penalties  # noqa: E402
from legalcheck.present.reference import render_statute  # noqa: E402


@pytest.mark.parametrize("day,months,fine", [("2004-12-31", 120, 300_000), ("2005-01-01", 180, 500_000)])
def test_injury_penalty_before_and_after_the_2004_amendment(day, months, fine):
    """刑法204条: 10年以下の懲役又は30万円以下の罰金若しくは科料 until 2004-12-31 (平成16年法律第156号)."""
    r = penalties.related_offence("injury", D(day))
    assert (r.penalty["imprisonment_max_months"], r.penalty["fine_max_yen"]) == (months, fine)
    assert r.penalty["minor_fine"] is (day == "2004-12-31")


def test_article_19_after_2021_08_26_is_not_shown_as_verified():
    """19条2項 after 2021-08-26: whether 位置情報無承諾取得等 was added is unverified (reference ❓)."""
    assert statutes.provision("19条", D("2021-08-25")).verification == "verified"
    later = statutes.provision("19条", D("2021-08-26"))
    assert later.verification == "unknown" and later.text is None and "未確認" in later.summary


def test_paragraphs_that_existed_from_2000_and_the_8go_typography():
    """4条3・4項 and 5条3項 existed from 2000 (renumbered by 平成25年法律第73号); 8号 changed its typography
    on 2013-07-23; 5条2項's 2000 text is composed."""
    for ref in ("4条3項", "4条4項", "5条3項"):
        p = statutes.provision(ref, D("2005-01-01"))
        assert p is not None and p.verification == "unknown" and p.text is None
    assert statutes.provision("5条2項", D("2005-01-01")).verification == "composed"
    assert [p.version.isoformat() for p in statutes.history("2条1項8号")] == ["2000-11-24", "2013-07-23", "2017-01-03"]


def test_2026_03_10_commencement_and_the_order_after_2025():
    """令和7年改正 (2026-03-10 part) is in the version chain; 施行令1・2条 after 2025-12-30 are unverified."""
    assert statutes.law_version(D("2026-03-09")) == "2025-12-30"
    assert statutes.law_version(D("2026-03-10")) == "2026-03-10"
    assert statutes.in_force("information_request", D("2026-03-10"))
    for ref in ("施行令1条", "施行令2条"):
        assert statutes.provision(ref, D("2025-12-29")).verification == "verified"
        assert statutes.provision(ref, D("2025-12-30")).verification == "unknown"


def test_history_of_a_category_follows_its_renumbering():
    """2-3-3 stood in 2条3項2号 (2021-08-26〜2025-12-29), then 2条3項3号; 2-3-2 only in the 2025 2号."""
    out = render_statute("2-3-3", history=True)
    assert out.index("2条3項2号") < out.index("2条3項3号") and "2021-08-26〜2025-12-29" in out
    tag = render_statute("2-3-2", history=True)
    assert "2021-08-26" not in tag and "2025-12-30〜" in tag


def test_old_article_13_says_where_it_went():
    """13条 (罰則) moved to 18条 on 2017-01-03; the number is not said to be absent."""
    out = render_statute("13条", D("2020-01-01"))
    assert "存在しません" not in out and "18条へ移動" in out


def test_dated_wording_in_elements_and_warnings():
    """不安方法 under 2条2項 before 2017-01-03; 警告 only on 申出 and 禁止命令等 only after a 警告 on such dates;
    the 告訴 warning keeps the reference's hedge."""
    old = ("・相談者Ｂ子（３０歳）、相手方乙（元交際相手）。\n"
           "・平成２８年１０月１０日夜、乙はＢ子の自宅前で待ち伏せし、「やり直してくれ」と迫った。Ｂ子は怖くて震えた。")
    a = run(old)
    rep = a["elements"]["repetition"]
    assert rep["status"] == "not_satisfied"
    assert "被害者の申出による警告" in rep["reasoning"] and "警告に従わなかった場合の禁止命令等" in rep["reasoning"]
    assert a["elements"]["anxiety_method"]["statute"]["ref"] == "ストーカー規制法2条2項"
    new = run(old.replace("平成２８年１０月１０日", "令和８年２月１０日"))
    assert "職権で可能" in new["elements"]["repetition"]["reasoning"] and "警告を経ずに可能" in new["elements"]["repetition"]["reasoning"]
    twice = run(COURSE.replace("平成２９年２月５日", "平成２８年１２月２０日"))
    assert twice["offenses"]["art18"]["penalty"]["complaint_required"] is True
    assert any("裁判例は確認できていない" in w for w in twice["warnings"])


def test_text_report_states_the_rule_and_the_receipt():
    """The text report names the provision and date of the rule it applied, and lists the versions used."""
    from legalcheck.present.text_report import render
    out = render(run(ORDER_NARRATIVE))
    assert "5条8項により命令の日から起算して1年、2025-03-31まで有効" in out
    assert "■ 適用した規定の版" in out and "ストーカー規制法20条（法定刑・art20）（2017-01-03版・検証済）" in out
    old = render(run(COURSE))
    assert "不安方法（2条2項）" in old or "不安方法（2条3項）" in old


# ---------------------------------------------------------------- the same rules on hand-built facts
# (structured intake data reaches the law layer without the reader)

from legalcheck.facts import ActFact, Cue, DateRange, Facts, Span  # noqa: E402
from legalcheck.law import acts as A  # noqa: E402
from legalcheck.law import elements as E  # noqa: E402


def _fact(kind, category, subtype=None, on="2024-05-01", until=None, **kw):
    ev = Span(kw.pop("at", 10), kw.pop("at", 10) + 2, "行為")
    d = DateRange(D(on), D(until or on), f"{on}から{until}まで" if until else on)
    return ActFact(kind=kind, category=category, subtype=subtype, evidence=ev, clause=ev, date=d, **kw)


def _judge(f, first_told=None, refusal="contact"):
    return A.judge(f, D("2024-05-01"), lambda _f: refusal, first_told)


def test_object_person_decides_the_same_person():
    """2条4項 「同一の者に対し」: two close persons (Ｂ and Ｃ) once each are not 反復; Ｂ twice is; a close act
    with no person told is undetermined."""
    def visit(day, person, occ):
        f = _fact("machibuse", "2-1-1", "machibuse", on=day, object_role="close", object_text="家族",
                  object_person=person, occasion=occ)
        return _judge(f)
    facts = Facts(narrative="", fears=[Cue("fear", "怖い", Span(0, 2, "怖い"))])
    for people, want in ((("Ｂ", "Ｃ"), "not_satisfied"), (("Ｂ", "Ｂ"), "satisfied")):
        judged = visit("2024-05-01", people[0], 0) + visit("2024-05-08", people[1], 1)
        E.mark_anxiety(facts, judged)
        assert E.repetition_status(judged) == want
    unknown = _judge(_fact("machibuse", "2-1-1", "machibuse", on="2024-05-08", object_role="close", occasion=1))
    judged = visit("2024-05-01", "Ｂ", 0) + unknown
    E.mark_anxiety(facts, judged)
    assert E.repetition_status(judged) == "undetermined"


@pytest.mark.parametrize("split,want", [
    ((), "undetermined"),
    ((("2016-12-20", "2017-01-02", 20), ("2017-01-03", "2017-01-20", 30)), "satisfied"),
    ((("2016-12-20", "2017-01-09", 20), ("2017-01-10", "2017-01-20", 30)), "undetermined"),   # 20 straddle the day
    ((("2016-12-20", "2017-01-02", 49), ("2017-01-03", "2017-01-20", 1)), "not_satisfied"),   # one is not 連続
])
def test_dated_counts_decide_the_part_after_the_switch(split, want):
    """2条2項 (SNS from 2017-01-03): the counts told per sub-period; a sub-period straddling the day leaves the
    part after it unknown."""
    counts = tuple((DateRange(D(a), D(b)), n) for a, b, n in split)
    f = _fact("message", "2-1-5", on="2016-12-20", until="2017-01-20", means="sns", count=50, count_text="約50回",
              dated_counts=counts)
    assert _judge(f)[0].status == want


@pytest.mark.parametrize("first_told,want", [(None, "undetermined"), ("2021-07-01", "undetermined"), ("2021-09-01", "satisfied")])
def test_found_device_date_is_an_upper_bound(first_told, want):
    """2条3項2号 from 2021-08-26: a device found on 2021-10-01 was attached on or before that day."""
    f = _fact("attach", "2-3-3", on="2021-10-01", device="gps", date_source="found")
    assert _judge(f, D(first_told) if first_told else None)[0].status == want


@pytest.mark.parametrize("device,day,want", [("gps", "2022-05-10", "satisfied"), ("tag", "2026-01-20", "undetermined"),
                                             ("gps", "2026-01-20", "undetermined")])
def test_slipping_a_device_in_follows_the_order_of_the_day(device, day, want):
    """施行令3条: 差し入れ of a GPS device is verified in the 2021 text; its text after 2025-12-30 is unknown."""
    f = _fact("attach", "2-3-3", on=day, device=device, placement="insert")
    assert _judge(f)[0].status == want
    attached = _fact("attach", "2-3-3", on=day, device=device, placement="attach")
    assert _judge(attached)[0].status == "satisfied"


EXTENDED = """捜査報告書（令和５年９月１４日）
被疑者　Ｂ（３８歳・Ａの元交際相手。別れた後、復縁を迫り続けている）
１　令和４年３月１日、〇〇県公安委員会はＢに対し、Ａに対するつきまとい等を禁止する禁止命令等をした。
２　令和５年２月２０日、同委員会は聴聞を経て、同命令の有効期間を１年間延長する処分をした。
３　Ｂは令和５年９月５日、Ａの勤務先前でＡを待ち伏せし「ふざけるな」と怒鳴った。
４　Ｂは９月１２日にも同じ場所でＡを待ち、Ａの後を駅まで追いかけた。Ａは怖くて休職している。"""


def test_an_extension_told_keeps_the_order_in_force():
    """5条9項 (the period from features.yaml `prohibition_extension`): acts after the first year breach an
    extended order; without the extension the same acts come after its last day."""
    extended = run(EXTENDED)
    assert extended["offenses"]["art19"]["status"] == "satisfied"
    assert "延長されており" in extended["offenses"]["art19"]["reasoning"]
    lapsed = run(EXTENDED.replace("２　令和５年２月２０日、同委員会は聴聞を経て、同命令の有効期間を１年間延長する処分をした。\n",
                                  "２　有効期間の延長はされていない。\n"))
    assert lapsed["offenses"]["art19"]["status"] == "not_satisfied"
    assert statutes.feature("prohibition_extension").months == 12


def test_extension_runs_a_further_period_from_the_day_after_the_last_day():
    from legalcheck.law.orders import extended_last_day, order_last_day
    last = order_last_day("prohibition_order", date(2024, 5, 15))
    assert last == date(2025, 5, 14)
    # the features.yaml entry is a summary, not verbatim: the caller is told so
    assert extended_last_day(last) == (date(2026, 5, 14), False)
    assert extended_last_day(date(2024, 2, 28))[0] == date(2025, 2, 28)   # from 02-29, a year on: the month's last day
