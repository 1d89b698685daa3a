"""Kin as the suspect, conduct aimed at nobody in particular, a refused invitation with her quoted reply, a
memo's dated title, walking right behind her."""
from tests.helpers import acts, best, run


def test_a_parent_pursuing_his_adult_daughter_leaves_the_purpose_open():
    a = run("相談受理票（令和６年１１月５日）\n相談者：Ａ（３０歳・女性）\n相手方：Ｂ（６２歳・男性）　相談者の実父。相談者は５月に実家を出た。\n"
            "・７月以降、Ｂは相談者の勤務先の前で朝の出勤時に相談者を待ち、「家に帰ってこい」と言う（計５回）。\n"
            "・相談者が「もう連絡しないで」と伝えた後も電話約４０回。\n・相談者「会社の前で待たれるのが怖い」")
    assert a["elements"]["purpose"]["status"] == "undetermined"
    assert "実父" in a["elements"]["purpose"]["reasoning"]
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_abuse_of_whoever_is_at_the_till_has_no_specific_target():
    a = run("生安メモ　令和６年５月２日\n相談者：スーパー店長\n・常連客の男が４月以降、週に２回来店し、その時レジにいる店員に「のろいんだよ」と怒鳴る。"
            "相手はその都度異なり、特定の店員を狙っている様子はない。\n・店員らは怖がっている。")
    assert a["elements"]["target"]["status"] == "not_satisfied"
    assert a["elements"]["purpose"]["status"] == "not_satisfied"
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_one_invitation_she_turned_down_with_her_own_words_is_the_background():
    a = run("相談者　Ｃ（３４歳・女性）　相手方　Ｄ（５１歳）　同じ団地の住人\n"
            "令和３年３月、Ｄから「二人で食事に行きたい」と誘われ、相談者は「夫がいるので」と断った。\n"
            "８月２８日夜、Ｄが相談者方の玄関前に来て「一度でいいから話をさせてほしい」と言った。相談者「怖い」。")
    march = [x for x in acts(a, "2-1-3") if x["date"] == "2021-03-01/2021-03-31"]
    assert march and all(x["status"] == "not_satisfied" for x in march)
    assert a["elements"]["repetition"]["status"] == "not_satisfied"


def test_a_memos_dated_title_is_no_date_of_the_acts():
    a = run("メモ　2025/11/05\n相談者：Ｅ子（２６）　相手方：元交際相手Ｆ（２８）\n"
            "・相談者の母は、近所の人から「夜に若い男がお宅の周りを何度も歩いていた、Ｆ君に似ていた」と聞いたという。")
    roam = acts(a, "2-1-1:urotsuki")
    assert roam and roam[0]["status"] == "undetermined" and roam[0]["date"] is None
    assert a["elements"]["repetition"]["status"] == "undetermined"


def test_walking_right_behind_her_on_camera_is_following():
    a = run("捜査メモ\n・防犯カメラ映像によれば、７月１４日、被疑者Ｇは被害者Ｈ子の約１０メートル後方を歩き、Ｈ子方マンション手前まで後方を歩いていた。")
    assert best(a, "2-1-1:tsukimatoi") == "satisfied"


def test_a_branch_manager_asking_a_guard_for_help_is_no_visit_of_his():
    a = run("相談者　Ｋ（２７歳・銀行員）　相手方　Ｌ（２５歳）\n２月２０日、相談者の勤務先支店の前でＬが待っており、大声で怒鳴った。\n"
            "支店長は、その後、来店者の対応を警備員に依頼した。")
    assert best(a, "2-1-1:oshikake") == "not_satisfied"


def test_her_account_under_a_heading_is_read_as_what_happened():
    a = run("被害者ｇｇ（２３歳・大学生）の話（そのまま記載）\n"
            "「元カレのｈｈが、別れてからずっと駅で待ってるんです。１１月だけで３回。無視して歩いたら横に並んできて。"
            "もう駅使えないです、怖くて」\n（令和６年１１月３０日聴取）")
    assert best(a, "2-1-1:machibuse") == "satisfied"
    assert best(a, "2-1-1:tsukimatoi") == "satisfied"
    assert a["elements"]["purpose"]["status"] == "satisfied"


def test_a_tracker_described_by_how_it_works_is_a_gps_device():
    a = run("捜査報告書（令和５年１１月２４日）\n１　被疑者ｉ（４７歳）は、別居中の妻ｊ（４３歳）の車に、令和５年９月１２日、"
            "衛星測位式の追跡機を無断で取り付けた。\n２　ｊは機器の存在を知らず、承諾もしていない。")
    assert best(a, "2-3-3") == "satisfied"


def test_the_words_he_shouted_do_not_hide_that_he_shouted():
    a = run("23:55　通報者Ｃ聴取：今夜は友人と店に入ったら、元交際相手Ｄが来ていた。Ｃの方からＤの席に行き「貸してた３万円返して」と言ったところ、"
            "Ｄが「ふざけんな、今言うことか」と大声で怒鳴った。")
    shout = [x for x in acts(a, "2-1-4") if x["evidence"][0]["text"] == "大声で怒鳴った"]
    assert shout and shout[0]["status"] == "satisfied"
