"""Accounts reported by the writer (「…」とのこと, 「…」と話す, 「…」と通報), what a person's description in
parentheses dates, the days of a record's time lines, and negations inside a party's quote — on intake
sentences written for these tests."""
from tests.helpers import acts, best, run

from legalcheck.nlp.reader import read_facts


def _visits(text):
    return [a for a in read_facts(text).acts if a.subtype == "oshikake" and not a.negated]


def test_an_account_told_as_toのこと_yields_her_acts():
    found = _visits("相談簿　令和６年３月４日　生安課\n相談者Ｍ（４２）。元夫Ｎ（４５）と令和５年８月離婚。\n"
                    "「２月に２回、Ｎが自宅マンションの玄関まで来た」とのこと。詳細は聴取できていない。")
    assert len(found) == 1 and found[0].actor == "suspect" and found[0].evidence.text == "自宅マンションの玄関まで来た"


def test_an_account_in_the_records_present_yields_her_acts():
    found = _visits("相談者Ｍ（４２）。元夫Ｎ（４５）。\nＭは「先週、Ｎが自宅マンションの玄関まで来た」と話す。")
    assert len(found) == 1 and found[0].actor == "suspect"


def test_his_words_to_the_police_in_the_present_are_no_demand_to_her():
    a = run("相談受理票\n相談日時　令和６年３月４日\n相談者　Ｍ（４２）　相手方　Ｎ（４５・元夫）\n"
            "経緯　Ｎに電話で事情を聞いた。Ｎは「もう一度やり直したいと思っているだけだ」と話す。")
    assert best(a, "2-1-3") == "not_satisfied"


def test_a_reported_call_after_the_quote_is_her_account():
    found = [a for a in read_facts("相談者Ｐ（女性）。元交際相手Ｑ。\n"
                                   "Ｐは「アパートの前にＱが立ってこっちをじっと見てる」と通報。").acts if a.subtype == "mihari"]
    assert found and found[0].actor == "suspect"


def test_a_date_in_a_persons_description_does_not_date_the_act_after_it():
    a = run("１１０番受理記録　令和６年５月２０日（月）\n"
            "23:10　ＰＣ現着。玄関前に男（Ｌ・３１歳、通報者の元交際相手、本年１月に別れた）。\n"
            "23:12　Ｌはドアを何度も蹴っていた。通報者は「殺されると思った」と泣いている。")
    kicks = [x for x in acts(a, "2-1-4") if "蹴" in x["evidence"][0]["text"]]
    assert kicks and kicks[0]["date"] == "2024-05-20"


def test_a_year_less_day_on_a_time_line_is_of_the_records_year():
    a = run("１１０番受理記録　令和７年６月９日（月）\n"
            "21:05　指令。通報者は元夫Ｋ（４０）と令和５年１１月に離婚。\n"
            "21:30　通報者から聴取。６月６日夜にも駅から自宅前までＫが後をついてきた。怖くて走って帰った。")
    follow = acts(a, "2-1-1:tsukimatoi")
    assert follow and follow[0]["date"] == "2025-06-06"


def test_a_title_line_with_its_weekday_is_the_records_date():
    a = run("１１０番受理記録　令和７年６月９日（月）\n"
            "21:05　指令。通報者は元夫Ｋ（４０）と令和５年１１月に離婚。\n"
            "21:30　ＰＣ現着。Ｋが玄関ドアを蹴っていた。")
    assert [x["date"] for x in acts(a, "2-1-4")] == ["2025-06-09"]


def test_a_denial_inside_his_quote_is_a_negation():
    found = _visits("相談者Ｓ（女性）。元交際相手Ｔ。\nＴは「Ｓの家に行ったことは一度もない」と否定した。")
    assert found == []


def test_a_conditional_demand_to_come_out_is_a_demand():
    a = run("相談者Ｓ（女性）　相手方Ｔ（元交際相手）\n令和６年２月３日深夜、Ｔがアパートのインターホンを何度も鳴らし、"
            "「出てこないなら朝まで待ってるぞ」と怒鳴った。Ｓは怖くて眠れなかった。")
    assert best(a, "2-1-3") == "satisfied"


def test_a_consultation_date_line_is_the_records_date_not_an_acts():
    a = run("相談受理票\n相談日時　令和８年２月３日 12:20\n相談者　Ｃ（28歳）\n相手方　Ｄ（元交際相手）\n"
            "相談内容　同僚から「最近何度か、会社の前にＤさんっぽい人が立ってたよ」と聞いた。相談者自身はＤを見ていない。")
    assert all(x["date"] != "2026-02-03" for x in a["acts"])


def test_a_motive_named_in_an_open_question_is_not_told():
    a = run("相談受理票　令和６年４月２日\n相談者　Ｒ（女性）　相手方　Ｓ（男性・元同居人、令和６年２月に同居を解消）\n"
            "・３月１０日、Ｓから「置いてある本を取りに行きたい」とＬＩＮＥ。Ｒが了承し、１５日にＳが玄関先で本を受け取って帰った。\n"
            "・Ｓが今もＲに好意を抱いているかどうかは、Ｒにも分からないという。")
    assert a["elements"]["purpose"]["status"] == "undetermined"


def test_his_feelings_told_only_by_his_mother_leave_the_purpose_open():
    a = run("聴取結果　令和６年２月２日\n相談者Ｖ（女性）。元交際相手Ｗとは昨年１１月に別れた。\n"
            "１月に入ってから、Ｗの母親から毎日のように電話がある。母親は「Ｗはあなたとやり直したいと毎日言っている」と"
            "話していた。Ｗ本人からの連絡はない。")
    assert a["elements"]["purpose"]["status"] == "undetermined"


def test_her_time_clause_does_not_make_her_the_speaker_of_his_words():
    # a victim never introduced as 相談者 is cast as someone else: her clause must still not take his words
    a = run("相談受理票（令和６年６月１２日）\n・相手方Ｂ（元交際相手）は、令和６年２月にＡが別れを告げて以来、"
            "「戻ってこい」と言い続けている。\n・６月１０日朝、Ａ宅の玄関前にごみが置かれていた。誰が置いたかは不明。")
    assert a["elements"]["purpose"]["status"] == "satisfied"


def test_an_occupation_between_the_role_word_and_the_mask_keeps_the_cast():
    from legalcheck.nlp.parties import cast
    c = cast("経過記録　相談者：看護師　Ｐ（男性・３１歳）　相手方：元患者の女性Ｑ（４０代）\n・Ｑが病院の前に立っていた。")
    assert c.aliases.get("Ｐ") == "victim" and c.aliases.get("Ｑ") == "suspect" and c.victim_sex == "male"


def test_her_shop_told_once_makes_the_shop_her_workplace():
    a = run("経過記録　相談者：美容師　Ｌ（男性・３０歳）　相手方：元顧客の女性Ｋ\n"
            "・R4.3.10　Ｋが「付き合ってほしい」と告白し、Ｌが断る。以後Ｋの予約は断っている。\n"
            "・R4.4.12、4.19、4.26　閉店時刻頃、Ｌの店の向かいにＫが立ち、ガラス越しに店内のＬをじっと見ていた。"
            "Ｌは「気味が悪く、帰り道を毎日変えている」と話す。")
    watch = acts(a, "2-1-1:mihari")
    assert any(x["status"] == "satisfied" and "勤務先" in x["reasoning"] for x in watch)


def test_a_log_dated_in_era_letters_is_a_log_and_a_nickname_keeps_its_mask():
    a = run("【ＬＩＮＥトーク履歴】被害者 みーちゃん（Ｍ・２３歳）⇔ 相手方「けんくん」（Ｋ・２６歳・元交際相手）\n"
            "H30.3.2 20:01 Ｍ：別れたんだから、もう送ってこないで\n"
            "H30.3.2 20:15 Ｋ：は？ふざけんな\nH30.3.3 01:10 Ｋ：無視すんな\nH30.3.4 02:30 Ｋ：おい\n"
            "Ｍの話：「夜中に通知が来るたびに怖い」")
    sns = [x for x in a["acts"] if x["key"] == "2-1-5"]
    assert sns and sns[0]["status"] == "satisfied" and "もう送ってこないで" not in sns[0]["evidence"][0]["text"]


def test_a_memory_gap_in_the_next_sentence_of_her_words_does_not_deny_the_act():
    a = run("交番　相談受理メモ　２０２３年１月２３日（月）１０：３０\n相談者：Ｔ（男・３６）\n相手方：Ｕ子（女・元交際相手）\n"
            "・相談者の話：「仕事から帰ると、アパートの前にＵ子が立っていることが何度かあった。何回か、よく覚えていない」。")
    assert any(x["key"].startswith("2-1-1") and x["status"] != "not_satisfied" for x in a["acts"])


def test_fear_named_in_the_officers_question_is_not_her_fear():
    a = run("相談者：Ｔ（男）　相手方：Ｕ子（元交際相手）\n・令和５年１月、アパートの前にＵ子が３回立っていた。\n"
            "・怖いか尋ねると「うーん、どうでしょう」と答えた。")
    assert a["elements"]["anxiety_method"]["status"] != "satisfied"


def test_waiting_for_him_at_his_home_is_her_act():
    a = run("受理メモ　2023年4月17日\n相談者：Ｗ（女・24）　相手方：Ｘ（男・27）元交際相手\n"
            "・4/8　Ｗ、Ｘのアパートに私物を取りに行く。Ｘ不在のため、Ｘのアパート前で約１時間Ｘの帰りを待った。")
    assert best(a, "2-1-1:machibuse") == "not_satisfied"


def test_a_number_inside_his_message_is_not_the_count_of_messages():
    a = run("聴取対象者Ｅによると、元交際相手の丙とは令和３年３月に別れ、その際ＬＩＮＥで「今後一切連絡しないでほしい」と伝えた。"
            "しかし丙は、同年４月から５月末までの間、ほぼ毎日「もう一度会いたい」などのメッセージを送り続け、その数は２００件を超える。"
            "Ｅは「怖い」とおびえている。")
    assert best(a, "2-1-5") == "satisfied"


def test_a_witness_statement_tells_acts_and_its_i_is_the_witness():
    text = ("供述調書（参考人）\n参考人　ｓ（４５歳・店長）\n１　当店のアルバイト店員ｔさんに、常連客の男性ｕさんが付きまとっている件で"
            "お話しします。\n２　５月からは、ｔさんの退勤時刻になると、ｕさんが店の駐車場の車から店の出入口をずっと見ています。"
            "私が確認しただけで５月に６回です。")
    found = [a for a in read_facts(text).acts if a.subtype == "mihari"]
    assert found and found[0].actor == "suspect"
    from legalcheck.nlp import structure as S
    assert S.narrator(text) == "other"


def test_glaring_at_her_by_the_nursery_gate_is_watching_her():
    found = [a for a in read_facts("相談者（被害者）　Ｂ６（２５歳・女性・保育士）\n相手方　Ｃ６（２７歳・女性）\n"
                                   "・６月から７月にかけて、Ｃ６はＢ６の勤務する保育園の門の前に計５回現れ、"
                                   "送迎の時間帯にＢ６をにらみつけた。").acts if a.subtype == "mihari"]
    assert found and found[0].actor == "suspect"
