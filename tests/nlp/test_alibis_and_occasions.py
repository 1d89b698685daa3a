"""Alibis the record confirms, fear denied for one occasion, consent he says he told her of, a friend's home
visited once, a party's words after a colon, and her former partner before a person told only by sex."""
from tests.helpers import acts, best, run


def test_a_confirmed_stay_abroad_refutes_every_act_told_for_those_days():
    a = run("捜査報告書　令和６年１２月３日\n１　被害者Ｍ（２６）は、元夫Ｎ（３１）が１１月５日、１２日、１９日の夜、自宅アパートの前で"
            "待っていたと申告した。\n２　Ｎは否認。会社への照会及び出入国記録により、Ｎは１０月２０日から１１月３０日まで"
            "タイに出張しており、この間帰国していないことが確認された。\n３　その他Ｎからの連絡等はない。")
    wait = acts(a, "2-1-1:machibuse")
    assert wait and all(x["status"] == "not_satisfied" for x in wait)
    assert "別の場所にいたことが確認" in wait[0]["reasoning"]
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_an_alibi_for_one_of_two_days_leaves_the_other_a_single_occasion():
    a = run("捜査報告書（要旨）令和５年９月８日\n１　被害者Ｐ子（２４）は、元交際相手Ｑ（２８）に、８月３日と８月２４日の２回、"
            "勤務先の通用口で待ち伏せされたと申告。８月２４日は「戻ってこい」と言われ、怖かったという。\n"
            "２　病院の診療記録により、Ｑが８月１日から５日まで入院していたことが確認された。")
    wait = [x for x in acts(a, "2-1-1:machibuse") if x["status"] == "satisfied"]
    assert wait and wait[0]["date"] == "2023-08-24"
    assert a["elements"]["repetition"]["status"] == "not_satisfied"
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_an_alibi_he_only_claims_refutes_nothing():
    a = run("捜査報告書（要旨）令和５年９月８日\n１　被害者Ｐ子（２４）は、元交際相手Ｑ（２８）に、８月３日と８月２４日の２回、"
            "勤務先の通用口で待ち伏せされたと申告。８月２４日は「戻ってこい」と言われ、怖かったという。\n"
            "２　Ｑは８月１日から５日まで入院していたと主張しているが、確認できていない。")
    wait = [x for x in acts(a, "2-1-1:machibuse") if x["status"] == "satisfied"]
    assert wait and wait[0]["date"] == "2023-08-03/2023-08-24"


def test_an_occasion_she_says_did_not_frighten_her_does_not_count():
    a = run("供述調書（被害者）\n問　最初はどうでしたか。\n答　令和６年２月２日の朝、駅の改札で、以前告白を断ったＫさんが待っていて"
            "「久しぶり」と言われました。別に怖くはありませんでした。\n問　次は。\n"
            "答　２月２０日の夜、同じ改札で待っていて、「なんで無視するんだ」と怒鳴られ、本当に怖かったです。")
    assert a["elements"]["repetition"]["status"] == "not_satisfied"
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_consent_he_says_he_told_her_of_is_open():
    a = run("受理日時　令和８年３月２日\n相談者　ｋｋ（３０歳）　相手方　元交際相手ｌｌ（３３歳）\n"
            "相談内容　２月２８日、相談者のバッグの内ポケットから紛失防止タグが見つかった。ｌｌは「１月に入れた。そのとき言ったはずだ」と言い、"
            "別れた後も２月中にスマホで時々位置を見ていたと認めた。相談者「聞いたような気もするが覚えていない」。")
    assert best(a, "2-3-2") == "undetermined"
    assert a["offenses"]["art18"]["status"] != "satisfied"


def test_a_friends_home_she_visited_once_was_no_residence_before_2021_06_15():
    a = run("相談者Ｒ（２９）によると、元交際相手Ｓは、令和３年３月１４日と２１日、相談者がその日に遊びに訪ねた友人宅の前の路上に立ち、"
            "窓の方を見ていた。相談者は「怖い」と話す。")
    watch = acts(a, "2-1-1:mihari")
    assert watch and all(x["status"] == "not_satisfied" for x in watch)
    assert "一時的にいた" in watch[0]["reasoning"]


def test_her_former_partner_is_the_suspect_and_a_woman_he_may_have_sent_is_someone_else():
    a = run("聴取メモ　令和６年５月１０日\n・被害者ｐｐ（２５歳）の職場の前で、５月１日と８日の夕方、見知らぬ女性ｑｑ（２２歳）がｐｐの退勤を待ち、"
            "ｐｐの元交際相手ｒｒ（２９歳）からだと言って手紙を渡した。\n"
            "・ｒｒ：「手紙を書いたのは認めるが、渡してくれと頼んだことはない」。")
    assert not [x for x in acts(a, "2-1-1:machibuse") if x["status"] == "satisfied"]
    # his words to the officer are no demand of his to her
    assert not [x for x in acts(a, "2-1-3") if "頼んだことはない" in x["evidence"][0]["text"]]


def test_his_presence_near_her_home_confirmed_by_camera_is_no_alibi():
    a = run("捜査報告書　令和８年２月９日\n被害者　Ｅ（４１）　被疑者　Ｆ（４４・元夫）\n"
            "１　令和８年１月１０日頃、被疑者は被害者方の自転車の前カゴ底部に紛失防止タグを貼り付けた。"
            "被疑者は同日、被害者方付近にいたことを防犯カメラ画像により確認。\n"
            "２　同タグの位置検索が１月１０日から２月３日までに少なくとも３０回行われていた。")
    assert best(a, "2-3-3") == "satisfied"


def test_a_business_trip_on_the_days_a_heading_names_refutes_those_days_and_what_he_said_then():
    a = run("捜査報告書　令和６年６月３日\n第１　申告\n　被害者Ｓ（２８歳）は、元交際相手Ｔ（３１歳）が、令和６年５月７日、１４日、２１日の各夜、"
            "自宅最寄りの駅の改札前で待ち伏せし、「話をしよう」と言ったと申告した。\n第２　裏付け\n１　５月７日\n"
            "　駅の防犯カメラに改札前に立つＴが写っている。\n２　５月１４日及び２１日\n"
            "　Ｔは両日とも前日から札幌市へ出張しており、出張記録及びホテルの宿泊記録がある。")
    wait = [x for x in acts(a, "2-1-1:machibuse") if x["status"] == "satisfied"]
    assert wait and all(x["date"] == "2024-05-07" for x in wait)
    assert a["elements"]["repetition"]["status"] == "not_satisfied"


def test_a_stay_in_hospital_refutes_no_call():
    a = run("捜査報告書　令和７年３月１日\n被害者Ｕ子（３０）　被疑者Ｖ（３４・元夫）\n"
            "１　Ｕ子は、２月中、Ｖから毎晩無言電話が計２０回かかってきたと申告。\n"
            "２　Ｖは１月２０日から２月２８日まで入院しており、病院の記録によれば外出の事実はない。")
    assert best(a, "2-1-5") == "satisfied"


def test_calls_found_to_come_from_another_mans_line_are_not_his():
    a = run("捜査報告書　令和７年３月１日\n被害者Ｕ子（３０）　被疑者Ｖ（３４・元夫）\n"
            "１　Ｕ子は、２月中、夜に無言電話が計２０回かかってきたと申告。\n"
            "２　通信事業者への照会結果によれば、いずれもＶ名義の回線からの発信ではなく、市内の別の男性の携帯電話からであった。")
    assert best(a, "2-1-5") == "not_satisfied"
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_a_question_he_asks_to_say_he_could_not_have_is_a_denial():
    a = run("被疑者Ｗは「入院中にどうやって待ち伏せするのか。」と述べている。")
    assert best(a, "2-1-1:machibuse") == "not_satisfied"


def test_acts_she_alleges_and_cameras_do_not_show_are_refuted():
    a = run("第２　裏付け捜査の結果\n被害者Ｘ子が待ち伏せされたとする日時について、駅の防犯カメラの画像を確認したが、被疑者Ｙは写っていなかった。")
    assert best(a, "2-1-1:machibuse") == "not_satisfied"


def test_the_one_an_order_names_is_the_suspect_and_the_other_party_the_one_it_protects():
    a = run("引継ぎ事項　２０２４．７．２２\n対象：被命令者　Ｚ（５０歳）　相手方：Ｑ（４６歳・女性・店主）\n"
            "２０２４年５月１０日、県公安委員会がＺに禁止命令等を発出し、同日送達。\n"
            "７月１９日１９時頃、Ｑが店のシャッターを下ろしていたところ、Ｚが店の向かいのベンチに座っており、"
            "Ｑが帰宅しようとすると立ち上がって「少しだけ話を」と声を掛けた。Ｑは震えながら来署。")
    assert best(a, "2-1-3") == "satisfied" and best(a, "2-1-1:machibuse") == "satisfied"
    assert a["offenses"]["art20"]["status"] == "satisfied"


def test_a_third_persons_acts_go_on_in_the_next_sentence_and_whether_he_sent_them_is_open():
    a = run("相談者　Ｂ子（２６歳）\n相手方　Ｃ（２９歳）　元交際相手\n関係者　Ｄ（２９歳）　Ｃの友人\n"
            "(1)　４月２日、ＣからＬＩＮＥで「もう一回だけ会ってほしい」と１件。\n"
            "(2)　５月１２日と１９日の夜、相談者のアパート前の路上でＤが待っており、帰宅した相談者に「Ｃに連絡してやってくれ」と言った。"
            "１９日には相談者が断ると、アパートの階段下までついて来た。\n"
            "【所見】　Ｄの行為がＣの依頼によるものかどうかが問題となる。")
    assert best(a, "2-1-1:machibuse") == "undetermined" and best(a, "2-1-1:tsukimatoi") == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_fear_told_of_one_time_does_not_speak_of_earlier_acts():
    a = run("経過一覧（相談者Ｆ子からの聴取による）\n相手方：Ｐ（３３歳）元交際相手。令和５年８月に別れた。\n"
            "(1)　令和５年９月１０日、ＰがＦ子の勤務先の前で待ち伏せし、「話を聞いてくれ」と言った。\n"
            "(2)　令和６年１月１５日、ＰがＦ子の自宅前で待ち伏せし、「やり直そう」と腕をつかもうとした。\n"
            "・Ｆ子「１月のときは本当に怖かった」")
    first = [x for x in acts(a, "2-1-1:machibuse") if x["date"] == "2023-09-10"]
    assert first
    assert a["elements"]["repetition"]["status"] != "satisfied"


def test_a_tari_list_denied_at_its_end_denies_each_item():
    a = run("相談者Ａ子によると、元交際相手Ｂは１月５日夜、相談者のアパートの周りを何周も歩き回っていた。"
            "インターホンを押したり、部屋を見上げて立ち止まったりはしていない。")
    assert best(a, "2-1-1:mihari") == "not_satisfied"


def test_watching_at_a_place_she_happened_to_be_on_a_day_either_side_of_2021_06_15_is_open():
    a = run("被害者Ｃ子の供述によれば、令和３年６月中旬ころ（日付は記憶していない）、たまたま立ち寄ったスーパーで、"
            "元交際相手Ｄが駐車場の車の中から店の出入口を見ていた。Ｃ子は恐怖を訴えている。")
    watch = acts(a, "2-1-1:mihari")
    assert watch and watch[0]["status"] == "undetermined" and "2021-06-15" in watch[0]["reasoning"]


def test_the_man_the_camera_showed_was_someone_else_and_the_suspect_was_away():
    a = run("相談受理票（令和５年９月４日受理）\n相談者　Ｅ子（３０歳）\n相手方　Ｆ（３２歳）　元交際相手\n"
            "相談内容　８月下旬から夜中に黒い帽子の男が自宅アパートの周りをうろうろしている。元彼のＦだと思う。\n捜査結果\n"
            "・防犯カメラを確認した結果、映っていたのは新聞販売店の配達員Ｇであり、配達順路どおりに通行していた。\n"
            "・Ｆは当該３夜はいずれも札幌市内の社宅にいたことが入退館記録で確認された。")
    assert best(a, "2-1-1:urotsuki") == "not_satisfied"
    assert not [x for x in acts(a, "2-1-1:mihari") if "社宅" in x["evidence"][0]["text"]]
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_messages_she_has_neither_answered_nor_refused_are_no_5go_act():
    a = run("メモ　R7.9.3\n相談者Ｈ子。\n　８月に別れた元交際相手Ｉから「元気？」「返事待ってます」のＬＩＮＥが３通。\n"
            "　相談者はまだ返信も拒否もしていない。")
    assert best(a, "2-1-5") == "not_satisfied"
