"""The cast: two-letter initials as masks (「ＵＶ」「ｆｂ」), a quote after a role word is her words not a name,
the kin of the suspect are not hers, and 「私」 inside someone's words names no narrator."""
from legalcheck.nlp.parties import cast
from tests.helpers import best, run


def test_two_letter_initials_are_masks_and_capital_words_are_not():
    c = cast("相談者　ＵＶ（２５・女性）\n相手方　ＷＸ（２７・元交際相手）\nＷＸからＤＭが届いた。")
    assert c.aliases == {"ＵＶ": "victim", "ＷＸ": "suspect"}
    assert "ＤＭ" not in cast("相談者Ａ子にＤＭが届き、ＪＲの駅で待たれた。").aliases


def test_a_quote_after_the_role_word_is_her_words_not_her_name():
    c = cast("通報者　Ａ（２９・女性）\n元交際相手Ｂ（３１）からの電話が続く。\n通報者「Ｂが怖い」")
    assert c.aliases.get("Ｂ") == "suspect" and c.aliases.get("Ａ") == "victim"


def test_the_mother_of_her_ex_partner_is_his_kin_not_hers():
    c = cast("通報者　ｆａ（２９・女性）\n・元交際相手ｆｂ（３１）の母親ｆｃ（６０代）が通報者宅を訪れた。")
    assert c.aliases.get("ｆｃ") == "other" and c.aliases.get("ｆｂ") == "suspect"
    assert cast("相談者Ａ子の母親Ｃが来署した。").aliases.get("Ｃ") == "close"


def test_his_mothers_visits_are_not_his_when_whether_he_sent_her_is_open():
    a = run("通報受理メモ\n令和７年４月６日 受理\n通報者　ｆａ（２９・女性）\n"
            "・元交際相手ｆｂ（３１）の母親ｆｃ（６０代）が、４月２日と４月６日に通報者宅を訪れ、"
            "「息子とよりを戻してやってほしい」と玄関先で３０分以上話し続けた。\n"
            "・ｆｃが息子に頼まれて来たのか、自分の考えで来たのかは不明。\n・通報者「ｆｂが母親を使っているのではと思うと怖い」")
    assert best(a, "2-1-1:oshikake") == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_i_inside_his_words_is_no_narrator():
    c = cast("・当院看護師ｓｓ（２８・女性）に対し、同僚ｔｔ（３１・男性）が駐車場で待っていた。"
             "ｔｔは「あなたのせいで私の評価が下がった」と言った。ｔｔは「逃げるな」と怒鳴った。")
    assert c.aliases.get("ｓｓ") != "suspect"


_WITNESS = ("供述調書（参考人）\n令和６年１０月２２日　供述人　ｈａ（７２・無職、被害者宅の向かいに居住）\n"
            "一　向かいのｈｂさんの家の前に、９月の終わりから、夜になると男の人が電柱の陰に立って、"
            "ｈｂさんの家の２階の窓をじっと見ているのを４回ほど見ました。\n"
            "二　男の人は４０歳くらいで、帽子をかぶっていました。顔ははっきり見ていません。\n"
            "（捜査メモ：ｈｂは元交際相手ｈｃ（４２）からの復縁要求を８月に拒否している。ｈｂは「眠れない」と述べる。）")


def test_a_man_the_witness_could_not_identify_is_not_the_named_suspect():
    a = run(_WITNESS)
    assert best(a, "2-1-1:mihari") == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_a_man_she_could_not_identify_is_the_suspect_when_the_record_names_no_one_else():
    a = run("経過記録　相談者：Ｎ（１９歳・女性）　相手方：氏名不詳の男（２０〜３０代）\n"
            "・令和７年１０月６日　通学途中の市道で、自転車の男が前に回り込んで進路をふさぎ、「付き合ってよ」と言った。Ｎは怖くて泣いた。\n"
            "・同月１４日　同じ市道で、男が再び前に立ちふさがった。Ｎ「顔ははっきり見ていない」。")
    assert best(a, "2-1-1:tachifusagari") == "satisfied"


def test_an_account_name_on_his_own_line_is_him():
    c = cast("相談受理票\n相談者　ａａ（23・女性）動画配信者。\n相手方　視聴者アカウント「ｂｂ」（運営への照会で判明：Ｃ男、28歳）\n"
             "（１）相談者はｂｂを名指しでブロックした。\n（２）ｂｂは別アカウントを作り、コメント欄に書き込みを続けた。Ｃ男はイベント会場に来た。")
    assert c.aliases.get("ｂｂ") == "suspect" and c.aliases.get("Ｃ男") == "suspect"


def test_a_second_name_on_her_line_is_not_her():
    c = cast("相談者：Ｏ（３２歳・男性）※相談者の交際相手Ｐ子（３０歳）同席\n相手方：Ｐ子の元夫Ｑ（３５歳）\nＱはＯにＤＭを送った。Ｐ子は驚いた。")
    assert c.aliases.get("Ｐ子") != "victim" and c.aliases.get("Ｏ") == "victim"
    assert cast("相談者：ｍ（37）　子：ｎ（10・小学4年）\n相手方：ｏ（40）元夫\nｏはｎに話しかけた。").aliases.get("ｎ") == "close"


def test_a_role_word_first_in_the_names_parentheses_casts_the_name():
    c = cast("・9月上旬、ｍ（行為者、52歳）が元交際相手ｌ（48歳）方に連日押し掛けた。")
    assert c.aliases == {"ｍ": "suspect", "ｌ": "victim"}


def test_a_letter_with_a_number_is_a_mask_and_a_paper_size_is_not():
    c = cast("被害の模様\n私はピラティス教室で知り合ったＢ３さんから「彼女になって」と言われ、断りました。Ｂ３さんは怒った。")
    assert c.aliases.get("Ｂ３") == "suspect"
    assert "Ａ４" not in cast("相談者Ａ子はＡ４用紙の手紙を受け取った。Ａ４の紙は封筒に入っていた。").aliases


def test_what_came_from_his_account_was_sent_by_him():
    a = run("被害の模様\n私はピラティス教室で知り合ったＢ３さんから、令和４年８月に「彼女になって」と言われ、断りました。\n"
            "９月から１０月にかけて、Ｂ３さんのインスタグラムのアカウントから、性的な行為を描いた画像が、ＤＭで５回送られてきました。\n"
            "見るたびに気持ちが悪く、教室にも行けなくなりました。")
    assert best(a, "2-1-8") == "satisfied"
    assert a["elements"]["purpose"]["status"] == "satisfied" and a["offenses"]["art18"]["status"] == "satisfied"


def test_a_personal_association_denied_is_no_romance():
    a = run("相談受理票\n相談者　〇〇（男性・５４歳）\n相手方　××（男性・３３歳）相談者の元部下（懲戒解雇）\n"
            "・相手方とは業務上の関係のみで、私的な付き合いは一切ない（相談者・会社人事とも同旨）。\n"
            "・令和５年９月以降、相手方が「お前のせいでクビになった」と自宅に３回来た。")
    assert a["elements"]["purpose"]["status"] != "satisfied"
