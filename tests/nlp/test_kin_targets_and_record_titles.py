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


def test_her_father_on_the_suspects_line_leaves_the_purpose_open_and_friends_are_no_courtship():
    a = run("相談受理票\n受理日時　令和５年３月９日\n相談者　ｅ（２０歳・大学生）\n相手方　ｆ（５２歳）　実父\n"
            "相談内容　父ｆが相談者の自動車にＧＰＳ発信機を無断で取り付け、令和５年１月から２月にかけて位置を頻繁に確認していた。\n"
            "ｆは「悪い友達と付き合っていないか知りたかった」と述べている。")
    assert a["elements"]["purpose"]["status"] == "undetermined"
    assert a["offenses"]["art18"]["status"] != "satisfied"


def test_a_carcass_in_a_bag_is_no_visit():
    a = run("生活安全課メモ（令和５年８月２２日）\n相談者ｐ方の玄関前に、８月１２日と同月１９日、ビニール袋に入ったカラスの死骸が置かれていた。")
    assert not acts(a, "2-1-1:oshikake")


def test_visits_she_asked_for_in_the_next_lines_are_no_oshikake_and_words_of_a_kind_denied_are_none():
    a = run("相談者　Ａ美（２９歳）\n相手方　Ｂ太（３２歳）　元交際相手\n相談内容\n・Ｂ太が１１月に２回、相談者のアパートに来た。\n"
            "・ただし、ＬＩＮＥ履歴によれば、相談者が「服を取りに来て」と送っており、Ｂ太はこれに応じて来訪した。\n"
            "・Ｂ太から交際の再開を求める発言や、来訪以外の連絡はない。")
    assert best(a, "2-1-1:oshikake") == "not_satisfied" and best(a, "2-1-3") == "not_satisfied"
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_watching_at_a_friends_flat_she_visited_on_undated_days_around_2021_06_15_is_open():
    a = run("供述調書（抜粋）　令和３年１０月５日　供述人　Ｖ子（２９歳）\n問　Ｗを見たのはどこか。\n"
            "答　夫のＷと別居を始めてから、友人のＸさんのマンションに夕食に招かれて２回遊びに行きました。その２回とも、"
            "Ｗがマンションの前の駐車場に車を停めて、何時間もＸさんの部屋の窓を見ていました。\n問　それはいつか。\n"
            "答　令和３年５月の終わりか６月の半ば過ぎか、覚えていません。\n問　Ｘさんの所にはよく行くのか。\n"
            "答　いいえ、その２回だけです。私は自分のアパートに住んでいます。")
    watch = [x for x in acts(a, "2-1-1:mihari") if "窓を見て" in x["evidence"][0]["text"]]
    assert watch and watch[0]["status"] == "undetermined" and "2021-06-15" in watch[0]["reasoning"]


def test_a_device_found_on_her_car_was_put_there_by_someone_not_yet_known():
    a = run("相談受理票（令和６年７月８日）\n相談者　Ｄ子（２９）\n相手方　Ｅ（３１）元交際相手（令和６年４月に別れた）\n"
            "相談内容\n・７月５日、車の点検時に車体の下から磁石付きのＧＰＳ発信機が見つかった。\n"
            "・Ｅは電話で「そんなものは知らない」と否定。\n　発信機が取り付けられた時期は不明。")
    assert best(a, "2-3-3") == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_a_notice_that_appeared_is_no_device_found():
    a = run("Ｓのスマートフォンには２月中旬から「所有者不明のトラッカーが一緒に移動しています」との通知が出ていた。")
    assert not acts(a, "2-3-3")


def test_a_neighbours_complaint_about_footsteps_is_a_neighbour_dispute():
    a = run("相談者　Ｈ子（４０歳）　相手方　Ｉ（６２歳）　同マンション３０２号室\n"
            "昨年秋頃から、相手方が子どもの足音がうるさいと苦情を言うようになった。本年１月以降、相手方は月に数回、"
            "相談者方玄関前に来て「うるさい、出ていけ」と大声で怒鳴っている。")
    assert a["elements"]["purpose"]["status"] == "not_satisfied"
    assert a["offenses"]["art18"]["status"] == "not_satisfied"
