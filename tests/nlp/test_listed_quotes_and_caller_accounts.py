"""Quotes listed before one verb (「…」「…」とＤＭが届く), a caller's own account on a 110 record, and waits at the
venue where she performs."""
from tests.helpers import acts, best, run


def test_every_quote_listed_before_the_verb_is_read_as_his_message():
    a = run("相談受理票\n相談者　Ｐ（２２歳・女性）\n相手方　Ｑ（３５歳）　ファン\n"
            "・８月１日以降、相談者のＳＮＳに「昨日は〇〇駅で降りたんだね」「今日のワンピース似合ってた」とＤＭが届く（送信者はＱのアカウント）。\n"
            "・相談者「怖い」", incident_date="2023-08-20")
    told = [x for x in acts(a, "2-1-2") if x["status"] == "satisfied"]
    assert any(x["evidence"][0]["text"] == "「昨日は〇〇駅で降りたんだね」" for x in told)


def test_a_callers_account_on_a_110_record_tells_his_acts():
    a = run("令和４年１１月５日１５時１２分受理。通報者Ｒ子（２８歳）。\n"
            "「別れた彼が、私が今いる駅前のカフェの向かいの歩道から、３０分以上ずっとこっちを見ている。怖い」。\n"
            "臨場した警察官が元交際相手Ｓ（３０歳）を確認。Ｓは「彼女が戻ってくるまで諦めない」と話した。", incident_date="2022-11-05")
    assert best(a, "2-1-1:mihari") == "satisfied"


def test_her_words_after_her_record_line_retell_and_add_no_act():
    a = run("経過記録\n相談者　Ｔ子\n相手方　Ｕ（元交際相手）\n・５月１０日　Ｕが自宅玄関前まで来て、インターホンを何度も鳴らした。\n"
            "・６月２日　Ｔ子来署。\n「インターホンを鳴らされたときは本当に怖かった」。", incident_date="2024-06-02")
    visits = [x for x in acts(a, "2-1-1:oshikake") if x["status"] == "satisfied"]
    assert visits and all(x["date"] == "2024-05-10" for x in visits)


def test_waiting_at_the_back_door_of_the_venue_she_performs_at_is_waiting_for_her():
    a = run("相談受理票\n相談者　Ｖ（２２歳・女性・アイドル）\n相手方　Ｗ（３５歳）　ファン\n"
            "・６月〜８月、ライブハウスの裏口付近で、終演後にＷが待っていたことが４回あった（マネージャー目撃）。\n・相談者「怖い」",
            incident_date="2023-08-20")
    assert best(a, "2-1-1:machibuse") == "satisfied"


def test_no_other_contact_closes_the_count_of_a_single_call():
    a = run("令和６年４月３日午後１１時頃、相談者Ａ子の携帯電話に、先月別れた元交際相手Ｂから着信があり、出ると無言のまま約１０秒で切れた。\n"
            "それ以前にもそれ以後にも、Ｂからの電話・接触はない。", incident_date="2024-04-03")
    calls = [x for x in acts(a, "2-1-5") if "着信" in x["evidence"][0]["text"]]
    assert calls and calls[0]["status"] == "not_satisfied"
    assert a["elements"]["repetition"]["status"] == "not_satisfied"
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_a_log_line_ending_on_its_count_before_a_remark_is_a_series():
    a = run("相談者Ｃ子が保存していた受信記録（平成２５年）\n・７月５日　相談者が元交際相手Ｄに「メールも電話もしないで」と電話で告げる。\n"
            "・７月２３日〜３１日　Ｄから電子メール計５５通（同様の内容。「返事がないなら家に行く」とのものを含む）。\n"
            "相談者は「怖くなった」として告訴した。", incident_date="2013-07-31")
    mails = [x for x in acts(a, "2-1-5") if x["status"] == "satisfied"]
    assert mails and mails[0]["date"] == "2013-07-23/2013-07-31"


def test_loitering_over_a_guessed_turn_of_the_year_cannot_be_put_after_the_2017_switch():
    a = run("相談受理票\n受理日時　平成２９年２月６日\n相談者　Ａ子（２４歳）\n相手方　Ｂ（２６歳）　元同僚。昨年１１月に交際を申し込まれ断った。\n"
            "・「年末から正月にかけて」、Ｂが相談者の自宅アパートの周りを何度もうろうろしていた。相談者は帰省を挟んでいたため、"
            "日付は「たぶん１２月の終わり頃と、正月明け」としか言えない。\n"
            "・１月２０日夕方、相談者の専門学校の前でＢが待っており、「なんで無視するんだ」と怒鳴られ、怖くて学校に戻った。")
    assert best(a, "2-1-1:urotsuki") == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"
    # told without the guess, the same period is known to run past the switch
    b = run("相談受理票\n受理日時　平成２９年２月６日\n相談者　Ａ子（２４歳）\n相手方　Ｂ（２６歳）　元同僚。昨年１１月に交際を申し込まれ断った。\n"
            "・年末から正月にかけて、Ｂが相談者の自宅アパートの周りを何度もうろうろしていた。\n"
            "・１月２０日夕方、相談者の専門学校の前でＢが待っており、「なんで無視するんだ」と怒鳴られ、怖くて学校に戻った。")
    assert [x["date"] for x in acts(b, "2-1-1:urotsuki")] == ["2016-12-21/2017-01-10"]


def test_he_watches_her_come_and_go_from_a_car_park_where_she_stays():
    a = run("相談受理票\n受理日時　令和５年１１月２０日\n相談者　ｅ（３０歳・女性）\n相手方　ｆ（３２歳・男性・元婚約者）\n"
            "・相談者が１１月１１日から２泊で友人とホテルに宿泊した際、１１日夜と１２日朝、相手方がホテルの玄関が見える駐車場に車を止め、"
            "相談者が出入りする様子を見ていた。\n・相談者は「旅先まで来られて本当に怖い」と話す。", incident_date="2023-11-12")
    assert best(a, "2-1-1:mihari") == "satisfied"
    # she watching him is still her seeing, not his act
    b = run("相手方Ｘ（元夫）。被害者Ａは、Ｘが家の前を行ったり来たりしている様子を窓から見ていた。", incident_date="2023-11-12")
    assert not [x for x in acts(b, "2-1-1:mihari") if x["status"] == "satisfied"]


def test_following_her_with_his_eyes_near_her_school_is_watching():
    a = run("生活安全課追記　６月１８日\n・被害生徒ｈ（１６）によると、ｇは５月に駅のホームで「連絡先教えて」と声をかけてきた人物。ｈは断った。\n"
            "・その後ｇは６月３日から１３日までの平日ほぼ毎朝、校門向かいの歩道に立ち、ｈが通るのを目で追っていた。防犯カメラで６回確認。\n"
            "・ｈは怖くて登校できない日がある。", incident_date="2024-06-13")
    assert best(a, "2-1-1:mihari") == "satisfied"
    assert not acts(a, "2-1-1:tsukimatoi")


def test_calls_told_in_a_callers_words_on_each_110_line_are_silent_calls():
    a = run("110番受理記録（同一通報者・３件）\n①令和６年５月８日　０２：１４　通報者Ｈ（４２・女性・一人暮らし）「非通知で電話が鳴り、出ても何も言わない。今夜で４回目」\n"
            "②同月１５日　０１：５８　同人「また無言電話。出ると息遣いだけ聞こえて切れる」\n③同月２２日　０３：０５　同人「怖くて眠れない」\n"
            "担当所見：通報者に心当たりはない。発信者は未特定。", incident_date="2024-05-22")
    calls = acts(a, "2-1-5")
    assert len(calls) >= 2 and {x["date"] for x in calls} >= {"2024-05-08", "2024-05-15"}
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_walking_to_and_fro_before_her_flat_is_loitering_not_going_to_her_door():
    a = run("受理日時　平成２９年１月２３日\n相談者　Ｙ子（３４）\n相手方　Ｚ（３７）職場の元上司。平成２８年１０月に交際を断っている。\n"
            "・年末年始の頃（相談者の記憶では１２月末から１月初めのどこか、日付は特定できない）、Ｚが相談者のアパートの前の道を何度も行ったり来たりしているのを、"
            "２、３回窓から見た。\n・平成２９年１月１０日夜、Ｚから携帯にメールで「帰り遅かったね。９時過ぎまで電気ついてなかった」と届いた。\n"
            "・相談者「見張られているようで怖い」。\n・それ以外の接触はない。")
    assert not acts(a, "2-1-1:oshikake")
    assert best(a, "2-1-1:urotsuki") == "undetermined" and best(a, "2-1-2") == "satisfied"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_whether_he_ever_asked_her_back_is_asked_not_told_and_the_officer_leaves_the_motive_open():
    a = run("受理日時　令和５年６月５日\n相談者　Ｊ子（３９）\n相手方　Ｋ（４２）　元夫（令和４年離婚、長男Ｌ（９）の親権は相談者）\n"
            "・５月中に３回、Ｋが小学校の校門前で下校するＬを待ち、「元気か」と話しかけた。\n"
            "・Ｋが相談者に復縁を求めたことがあるかについて、相談者は「分からない」と言う。\n"
            "所見　子との面会を求める行為か、相談者への感情によるものか判断できない。", incident_date="2023-05-31")
    assert best(a, "2-1-3") == "undetermined"
    assert a["elements"]["purpose"]["status"] == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"
