"""Posts on her own blog, a tag sewn in and read through a finder app, his past told to the police on a record
line, and a message sent later on the day he watched her — on intake sentences written for these tests."""
from tests.helpers import acts, best, run

_BLOG = ("相談受理票　平成30年5月14日\n相談者　ｘｘ（29・女性・ブログ運営）\n相手方　ｙｙ（34・男性・元教室生徒）\n"
         "・平成30年2月、ｙｙから交際を申し込まれ断った。\n"
         "・ｘｘは3月10日、ブログ上で「コメントはお断りします」と告知した。\n"
         "・以後、ｘｘのブログのコメント欄にｙｙの書き込みが3月〜5月で約70件。\n・ｘｘ「教室を休止した。怖い」")


def test_posts_on_her_blog_after_she_refused_comments_are_5go_messages():
    a = run(_BLOG, incident_date="2018-05-14")
    assert [x["status"] for x in acts(a, "2-1-5")] == ["satisfied"]
    assert a["offenses"]["art18"]["status"] == "satisfied"


def test_posts_on_a_public_board_are_no_messages_to_her():
    a = run(_BLOG.replace("ｘｘのブログのコメント欄に", "匿名掲示板に"), incident_date="2018-05-14")
    assert best(a, "2-1-5") != "satisfied"


_TAG = ("引継ぎメモ\n2026年1月8日\n・被疑者Ｍｍ（29）は、元交際相手Ｎｎ（27）の通勤バッグに2025年12月22日、紛失防止タグを縫い付けた（本人供述）。\n"
        "・2025年12月30日〜2026年1月6日は「探す」アプリで毎日確認（端末の履歴で少なくとも23回）。\n"
        "・Ｎｎは承諾していない。\n・Ｍｍ「よりを戻すきっかけを探していた」。")


def test_a_tag_sewn_in_before_tags_were_covered_is_no_act_and_its_reads_after_are():
    a = run(_TAG, incident_date="2026-01-06")
    assert [x["status"] for x in acts(a, "2-3-3")] == ["not_satisfied"]
    assert [x["status"] for x in acts(a, "2-3-2")] == ["satisfied"]
    assert not acts(a, "2-3-1")
    assert a["offenses"]["art18"]["status"] == "satisfied"


def test_his_own_past_told_on_a_record_line_is_no_demand_to_her():
    a = run(_TAG, incident_date="2026-01-06")
    assert not acts(a, "2-1-3")
    assert a["elements"]["purpose"]["status"] == "satisfied"


def test_a_message_later_on_the_day_he_watched_her_is_a_second_occasion():
    a = run("相談　令和７年９月２２日\n相談者　Ｋ子（２３歳）　相手方　Ｌ（２４歳）元交際相手\n"
            "・９月１４日午後、Ｋ子が友人と入ったカフェの向かいの歩道から、Ｌが窓越しに店内のＫ子の様子を見ていた。\n"
            "・同日夜、ＬからＬＩＮＥで「今日のカフェ、窓際の席だったね。一緒にいた友達は誰？」とのメッセージが届いた。\n"
            "Ｌは「まだ好きだった」と述べている。Ｋ子「どこに行っても見られている気がして、一人で外出できない」。")
    assert best(a, "2-1-1:mihari") == "satisfied" and best(a, "2-1-2") == "satisfied"
    assert a["elements"]["repetition"]["status"] == "satisfied"


def test_reads_until_an_undated_event_may_or_may_not_reach_past_a_change_of_the_law():
    a = run("捜査報告書\n令和３年１０月４日\n１　被害者ｐｐ（３３・女性）は、令和３年９月３０日、自家用車にＧＰＳ端末を発見した。\n"
            "２　被疑者ｑｑ（３５・元交際相手）は「４月か５月頃に付けた。電池が切れるまで位置を見ていた」と供述する。")
    reads = acts(a, "2-3-1")
    assert reads and reads[0]["status"] == "undetermined" and reads[0]["date"] == "2021-04-01/2021-09-30"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_the_next_sentence_that_dates_and_counts_the_messages_counts_them():
    a = run("供述調書（被害者）\n令和６年１月２６日\n私（ｗ、２３歳）は、元店長ｘから、令和５年１１月に好きだと言われ、断りました。\n"
            "その後、１２月から１月にかけて、ｘからわいせつな画像がＤＭで届きました。日付は１２月３日、１２月１７日、１月２０日の３回です。")
    assert best(a, "2-1-8") == "satisfied"
    assert a["elements"]["repetition"]["status"] == "satisfied"


def test_a_note_line_in_parentheses_is_a_finding_not_an_aside():
    a = run("相談記録\n相談者　Ａ子（３０・女性）　相手方　Ｂ（３５・元交際相手）\n"
            "（捜査メモ：令和６年５月１０日と同月１７日、ＢがＡ子の自宅前で帰宅を待ち伏せしていたことを防犯カメラで確認。）\n"
            "Ａ子「怖くて帰れない」")
    assert best(a, "2-1-1:machibuse") == "satisfied"
    b = run("相談記録\n相談者　Ａ子（３０・女性）　相手方　Ｂ（３５・元交際相手）\n"
            "Ａ子は、職場の同僚（以前に自宅前で待ち伏せしていたことがある男性とは別人）と帰宅した。")
    assert best(b, "2-1-1:machibuse") != "satisfied"


def test_not_daring_to_go_out_alone_is_fear():
    a = run("捜査報告書\n被害者Ｗ（女性・２５歳）　行為者Ｘ（男性・３０歳、元交際相手）\n"
            "令和４年３月１３日と２０日の夜、Ｘが被害者方アパートの周囲を何周も歩き回った。\n"
            "被害者は「どこに行っても現れる気がして、一人で出かけられない」と供述。")
    assert a["elements"]["anxiety_method"]["status"] == "satisfied"


def test_reads_counted_by_period_lines_after_the_act_count_only_the_part_after_the_change():
    a = run("捜査報告書\n１　被害者　Ｋ（31歳）　被疑者　Ｌ（33歳・元交際相手）\n２　被疑者の供述\n"
            "　「令和3年7月10日の夜、Ｋの車にＧＰＳ発信機を付けた。それから9月19日まで毎日のように、自宅でアプリを開いて位置を見ていた」\n"
            "３　アプリの検索履歴\n　・7月11日～8月25日　計58回\n　・8月26日～9月19日　計41回\n"
            "４　9月20日、Ｋが発見。承諾はない。", incident_date="2021-09-20")
    reads = acts(a, "2-3-1")
    assert reads and reads[0]["status"] == "satisfied" and "41回" in reads[0]["reasoning"]
    assert [x["status"] for x in acts(a, "2-3-3")] == ["not_satisfied"]


def test_the_officers_question_about_consent_is_no_consent_and_her_denial_takes_it_away():
    a = run("面接記録　２０２３年５月２２日\n被害者　ｒｒ（２７）　行為者　ｓｓ（３０・元交際相手、本年３月別離）\n"
            "問　自分で設定したことはあるか。\n答　ありません。共有していいと言ったことは一度もありません。\n"
            "問　ｓｓが位置を見ていたと分かることは。\n答　アプリの履歴では、４月から５月にかけて、ｓｓがほぼ毎日私の位置を表示させていました。")
    assert best(a, "2-3-1") == "satisfied"


def test_the_same_read_again_on_the_next_line_is_a_read():
    a = run("【時系列】対象者：Ｋ・Ｔ（３８歳、被害者Ｍの元夫）\n"
            "2025.12.20　Ｋ・Ｔ、Ｍのバッグに紛失防止タグを縫い込む（本人供述）。\n"
            "2025.12.24〜12.29　Ｋ・Ｔ、アプリでタグ位置を１日数回確認。\n"
            "2025.12.30〜2026.1.14　同様に確認、少なくとも４０回（スマホ解析）。\n"
            "Ｋ・Ｔ供述要旨：「Ｍとやり直したかった」\nＭ：タグの取付け・位置確認について承諾なし。", incident_date="2026-01-15")
    assert "satisfied" in [x["status"] for x in acts(a, "2-3-2")]
    assert a["offenses"]["art18"]["status"] == "satisfied"


def test_consent_she_says_she_never_gave_is_none():
    a = run("被害届\n私は、令和８年１月１０日ころ、バイクのシート下に紛失防止タグが貼られているのに気付きました。"
            "昨年１１月まで交際していたＢは「１月３日に付けた。毎日アプリで場所を見ていた」と認めました。"
            "私はタグを付けることも位置を見ることも承諾していません。", incident_date="2026-01-10")
    assert best(a, "2-3-3") == "satisfied" and best(a, "2-3-2") == "satisfied"


def test_counts_told_part_by_part_split_a_series_at_a_change_of_the_law():
    a = run("面接記録（2021年7月22日）\n問　相手は誰ですか。\n答　以前同じマンションに住んでいたＦさんです。５月初めに交際を申し込まれ、断りました。\n"
            "問　その後どうなりましたか。\n答　５月１０日から、自宅の郵便受けに手紙が届くようになりました。"
            "５月２０日に、Ｆさんに「手紙はもう送らないでください」とメールで伝えました。\n問　それでも続いたのですか。\n"
            "答　はい。数えたら５月は１０通、６月は１日から１４日までに６通、１５日以降に８通、７月に入ってからも９通です。",
            incident_date="2021-07-22")
    letters = [x for x in acts(a, "2-1-5") if x["status"] == "satisfied"]
    assert letters and "2021-06-15以後" in letters[0]["reasoning"]
    assert a["offenses"]["art18"]["status"] == "satisfied"
