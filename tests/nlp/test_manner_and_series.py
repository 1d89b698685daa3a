"""The manner of sending (不安方法) read from both her words and the manner told, and message series told
record-style with the means elided, on intake sentences written for these tests."""
from tests.helpers import acts, best, run


def test_fear_played_down_alone_leaves_the_manner_open():
    a = run("相談受理票\n相談日時　令和５年２月３日\n相談者　Ｒ（会社員・女性）　相手方　Ｓ（元同僚）\n"
            "相談内容　１２月末、Ｓからの交際の申込みを断り「メールは送らないで」と伝えた。その後１月中に"
            "Ｓからメールが１５通届いた。Ｒは「怖いというより、どう対応すればいいか迷っている」と話す。")
    assert a["elements"]["anxiety_method"]["status"] == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_fear_played_down_beside_a_calm_manner_still_leaves_it_open():
    a = run("相談受理票\n相談日時　令和５年２月３日\n相談者　Ｒ（会社員・女性）　相手方　Ｓ（元同僚）\n"
            "相談内容　１２月末、Ｓからの交際の申込みを断り「メールは送らないで」と伝えた。その後１月中に"
            "Ｓからメールが１５通届いた。文面は丁寧で、脅すようなことは書かれていない。"
            "Ｒは「怖いというほどではないが、いつまで続くのか」と話す。")
    assert a["elements"]["anxiety_method"]["status"] == "undetermined"


def test_fear_denied_outright_beside_a_calm_manner_is_no_anxiety_method():
    a = run("相談受理票\n相談日時　令和５年２月３日\n相談者　Ｒ（会社員・女性）　相手方　Ｓ（元同僚）\n"
            "相談内容　１２月末、Ｓからの交際の申込みを断り「メールは送らないで」と伝えた。その後１月中に"
            "Ｓからメールが１５通届いた。文面は丁寧で、脅すようなことは書かれていない。"
            "Ｒは「怖いとは感じていない」と話す。")
    assert a["elements"]["anxiety_method"]["status"] == "not_satisfied"
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_a_calm_manner_alone_does_not_deny_her_fear():
    a = run("相談者Ｒ（女性）　相手方Ｓ（元交際相手）\n令和５年１月、別れた後に「連絡しないで」と伝えたが、"
            "Ｓから毎日ＬＩＮＥが届き、計４０件に上る。脅すような言葉はないが、Ｒは「毎晩通知が鳴るのが怖い」と話す。")
    assert a["elements"]["anxiety_method"]["status"] == "satisfied"


def test_a_dated_list_with_the_means_elided_continues_the_letters():
    a = run("経過記録　相談者：Ｔ美（４０歳）　相手方：Ｕ（元夫）\n"
            "・2022年3月2日　Ｔ美がＵに「今後は手紙も送らないでほしい」と書面で伝えた。\n"
            "・３月中　Ｕから郵送の手紙が３通。\n"
            "・４月５日、４月１２日、４月１９日　さらに郵送で各１通。封筒の裏に次に送る日付が書いてある。\n"
            "・Ｔ美は「ポストを見るのが怖い」と話す。")
    letters = [x for x in acts(a, "2-1-5") if x["status"] == "satisfied"]
    assert letters and any("郵送" in e["text"] for x in letters for e in x["evidence"])
    assert not any("次に送る" in e["text"] for x in acts(a, "2-1-5") for e in x["evidence"])
    assert a["elements"]["repetition"]["status"] == "satisfied"
    assert a["offenses"]["art18"]["status"] == "satisfied"


def test_a_numbered_opinion_heading_with_its_text_on_the_line_is_an_opinion():
    a = run("捜査報告書\n第１　被疑者甲（元交際相手）、被害者乙（３１歳）。乙は令和元年１２月に交際を断っている。\n"
            "第２　令和２年２月３日夜、甲は乙が旅行で一泊した温泉旅館の前の路上に車を止め、旅館の玄関を見張っていた。\n"
            "第３　所見　旅館付近での見張りは住居等の付近における見張りに当たる。")
    found = acts(a, "2-1-1:mihari")
    assert found and all(x["status"] == "not_satisfied" for x in found)
    assert not any("当たる" in e["text"] for x in found for e in x["evidence"])


def test_the_suspects_mother_is_someone_else_and_stays_so():
    from legalcheck.nlp.parties import cast, token_roles
    from legalcheck.nlp.pipeline import tokenize
    text = ("110番通報処理記録\n20:10　現着。相談者Ｋ方前に50代女性（被通報者Ｌの母）。\n"
            "20:20　母聴取。母は先週から２回来ている。")
    toks = tokenize(text)
    roles = token_roles(toks, text, cast(text))
    assert [roles[t.i] for t in toks if t.text == "母"] == ["other", "other", "other"]


def test_a_caller_telling_he_came_and_will_not_leave_is_an_act_now():
    a = run("110番通報処理記録　令和５年１１月２日\n22:05　通報者Ｍ子（女性・２８）「別れた彼が家に来て帰ってくれない」\n"
            "22:15　現着。Ｍ子方玄関前に被通報者Ｎ（元交際相手）。")
    found = acts(a, "2-1-1:oshikake")
    assert found and found[0]["status"] in ("satisfied", "undetermined")
    assert found[0]["evidence"][0]["text"].startswith("家に来")


def test_her_fear_of_a_visit_to_come_is_no_visit():
    a = run("相談者Ｍ子（２８歳）　相手方Ｎ（元交際相手）\nＭ子は「別れた彼が家に来て何かされるのが怖い」と話している。")
    assert not [x for x in acts(a, "2-1-1:oshikake") if x["status"] != "not_satisfied"]


def test_her_position_sent_to_his_account_by_an_app_is_acquisition():
    a = run("相談日時　令和５年６月２０日\n相談者　Ｐ（３３歳・別居中）　相手方　Ｑ（３５歳・夫）\n"
            "相談内容　６月中旬、自分のスマートフォンに見覚えのない位置共有アプリが入っているのを見つけた。"
            "アプリの履歴では、５月１日から約４０日間、位置がＱのアカウントに送信され続けていた。"
            "Ｐはアプリを入れたことも共有を承諾したこともない。")
    found = acts(a, "2-3-1")
    assert found and found[0]["status"] in ("satisfied", "undetermined")


def test_her_refusal_sent_without_a_subject_is_hers():
    a = run("相談日時　2024年2月7日\n相談者　Ｖ（２６歳）\n相手方　Ｗ（アプリで知り合った男性）\n"
            "相談内容　２月１日、ＬＩＮＥで「もう会えません。連絡しないでください」と送った。２月２日から４日までに"
            "Ｗから約６０件のメッセージが来た。Ｖは「通知が鳴るたびに怖い」と話す。")
    assert best(a, "2-1-3") != "satisfied"
    sent = [x for x in acts(a, "2-1-5") if x["status"] == "satisfied"]
    assert len(sent) == 1 and "メッセージ" in sent[0]["evidence"][0]["text"]


def test_messages_from_an_account_not_yet_tied_to_him_leave_the_doer_open():
    a = run("［相談者提出　ＤＭ画面の書き起こし］\n相談者：Ｈ（女性・２４歳）\n相手方とされる者：Ｊ（元交際相手）\n"
            "送信元アカウント「ｘｘ＿９９」（１１月２日作成）\n11/03 23:10「絶対に許さない」\n11/04 00:02「殺してやる」\n"
            "［メモ］Ｊは「自分ではない」と否定。アカウント情報について運営会社に開示請求中。")
    assert a["offenses"]["art18"]["status"] == "undetermined"
    assert all(x["status"] != "satisfied" for x in a["acts"])


def test_praise_of_what_he_saw_in_common_is_not_showing_he_watches():
    a = run("相談者Ｋ（研究員）　相手方Ｌ（同じ研究所の先輩）\n令和５年４月、交際を断った。Ｌからはその後も"
            "「今日の報告会よかったね」「論文おもしろかったよ」とメールが届く。")
    assert best(a, "2-1-2") != "satisfied"


def test_a_mask_in_brackets_and_a_relation_split_in_its_description():
    from legalcheck.nlp.parties import cast, token_roles
    from legalcheck.nlp.pipeline import tokenize
    text = "相談者：Ｍ（女性）\n相手方：「Ｎ」（男・元交際相手）\n同僚のＰ子から、Ｎが店の前にいたと聞いた。同僚は心配している。"
    toks = tokenize(text)
    roles = token_roles(toks, text, cast(text))
    assert [roles[t.i] for t in toks if t.text == "Ｎ"] == ["suspect", "suspect"]
    assert [roles[t.i] for t in toks if t.text == "同僚"] == ["other", "other"]


def test_a_staff_door_split_by_the_tokenizer_is_still_her_workplace():
    a = run("相談者Ｑ子（看護師）　相手方Ｒ（元交際相手）\n令和６年５月に別れた。"
            "６月３日と６月１０日の夜、ＲがＱ子の勤める病院の職員通用口の前でＱ子が出てくるのを待っていた。Ｑ子は怖いと話す。")
    found = acts(a, "2-1-1:machibuse")
    assert found and found[0]["status"] == "satisfied"
    assert a["offenses"]["art18"]["status"] == "satisfied"


def test_standing_seen_on_camera_where_he_waited_is_that_waiting():
    a = run("相談者Ｓ（４０歳）　相手方Ｔ（元夫の父）\n令和５年１月２０日夕方、Ｔが相談者の勤める施設の通用口の前で"
            "相談者が出てくるのを待っていた。施設の防犯カメラには、Ｔが通用口の脇に立っている様子が残っている。")
    assert not acts(a, "2-1-1:mihari")
    assert acts(a, "2-1-1:machibuse")


def test_two_sayings_on_one_day_in_person_are_one_occasion():
    a = run("相談日　令和６年１月２２日\n相談者：Ｕ（女性）\n相手方：Ｖ（常連客）\n"
            "①R5.12.28　相談者が勤める売り場にＶが来て、「連絡先を教えて」「今度ご飯に行こう」と言った。相談者は断った。")
    assert a["elements"]["repetition"]["status"] == "not_satisfied"


def test_a_gym_she_is_told_to_use_monthly_may_be_a_usual_place_in_2020():
    a = run("捜査報告書\n第１　被疑者　Ｗ（３７歳）　被害者　Ｘ子（３３歳・Ｗの元婚約者、令和２年２月に婚約解消）\n"
            "第２　事実\n　１　Ｘ子は、市民体育館のプールを月に２、３回利用している。\n"
            "　２　令和２年９月５日（土）及び同月１９日（土）、Ｗは同体育館の駐車場に車を止め、車内からプールの窓越しに"
            "Ｘ子の様子を見ていた。")
    found = acts(a, "2-1-1:mihari")
    assert found and found[0]["status"] == "undetermined"
    assert found[0]["date"] == "2020-09-05/2020-09-19"


def test_a_tag_position_shown_on_his_phone_is_a_tag_acquisition():
    a = run("捜査報告書\n第１　被疑者　甲（４１歳）　被害者　乙子（３７歳・甲の元妻）\n第２　事実\n"
            "　１　甲は、令和８年２月３日夜、乙子方駐車場において、乙子の自転車のサドル下に紛失防止タグをテープで貼り付けた。\n"
            "　２　甲は、同月４日から同月２０日までの間、自己のスマートフォンのアプリで同タグの位置を少なくとも２０回表示させた。")
    found = acts(a, "2-3-2")
    assert found and found[0]["status"] == "satisfied"


def test_reads_without_their_own_date_take_the_period_of_the_app_records():
    a = run("供述調書（被疑者）\n１　Ｙさんの車にＧＰＳ発信機を付けたのは、令和４年３月の初めころです。\n"
            "２　付けてからは、毎日のようにスマホのアプリで車の場所を見ていました。アプリの履歴には３月５日から４月２０日まで"
            "私が見た記録が残っていると思います。\n令和４年５月２日")
    found = acts(a, "2-3-1")
    assert found and found[0]["date"] == "2022-03-05/2022-04-20"


def test_a_year_told_once_at_the_end_dates_every_line():
    a = run("【経過記録】Ｎ（女・２２）に対するＭ（男・２４、元交際相手）のつきまとい\n"
            "・9/9(月) 21:30 Ｍが実家（Ｎが同居）前に来て「Ｎを出せ」と叫んだ。\n"
            "・9/12(木) 08:10〜23:40 ＭからＮの携帯にＳＭＳ計30通。\n※年はいずれも令和6年。")
    came = acts(a, "2-1-1:oshikake")
    assert came and came[0]["date"] == "2024-09-09"
    assert came[0]["status"] == "satisfied"   # the name in parentheses is a remark, not who came


def test_words_said_while_he_waited_are_an_act_of_that_occasion():
    a = run("捜査報告書\n第３　本件行為\n　１　令和５年６月６日午後６時ころ、Ｒは、Ｓの勤務する施設の駐車場出入口付近で"
            "出てきたＳを待ち受け、「話だけでも聞いてくれ」と言い、Ｓが断って自転車で帰ろうとすると、"
            "自車でＳの後ろを約５００メートルにわたり低速で追従した。")
    assert best(a, "2-1-3") == "satisfied"
    assert acts(a, "2-1-1:tsukimatoi")


def test_she_moved_to_a_friends_home_is_her_fear():
    a = run("相談者Ｔ（３０歳）　相手方Ｕ（元交際相手）\n令和６年３月２日と３月９日、ＵがＴの勤務先の前でＴを待ち伏せした。"
            "Ｔは同月１０日から友人宅に身を寄せている。")
    assert a["elements"]["anxiety_method"]["status"] == "satisfied"


def test_acts_not_confirmed_besides_those_told_are_denied():
    a = run("捜査報告書\n第１　被疑者　Ｖ（３６歳）　被害者　Ｗ子（元交際相手）\n第２　事実\n"
            "　令和６年５月３日、ＶがＷ子の勤務先の前でＷ子を待ち伏せした。\n第３　その他\n"
            "　上記のほか、Ｖによるつきまとい等は確認されていない。")
    assert not [x for x in acts(a, "2-1-1:tsukimatoi") if x["status"] == "satisfied"]


def test_a_wait_named_and_denied_in_a_te_chain_is_no_wait():
    a = run("令和３年５月３日、Ｌ子が旅行で訪れたホテルの前の歩道に、元交際相手Ｋが約２時間立っていた。"
            "Ｋは声をかけたり後を付けたりはしておらず、Ｌ子が出てくるのを待ち受けて接触しようとした様子もなく、一人で立ち去った。")
    assert not [x for x in acts(a, "2-1-1:machibuse") if x["status"] == "satisfied"]


def test_looking_out_of_her_own_window_is_what_she_did():
    a = run("相談者：Ａ美（３０歳）\n相手方：Ｔ（元交際相手）\n相談内容：１０月３日の夜、自宅２階の窓から外を見ていたところ、"
            "Ｔの車が自宅前の道路を通り過ぎていくのが見えた。車は止まらず、そのまま走り去った。")
    assert not [x for x in acts(a, "2-1-1:mihari") if x["status"] != "not_satisfied"]


def test_a_mall_visited_once_in_2020_and_the_days_told_after_a_year_in_passing():
    a = run("相談受理票\n相談日時　2020年9月14日\n相談者　Ｈ（２６歳・女性）\n相手方　Ｇ（２９歳・男性・大学の先輩。６月に告白され断った）\n"
            "相談内容　9月5日（土）と9月12日（土）、相談者はショッピングモールに買い物に行った（このモールに行くのは今年初めてで、"
            "普段行く場所ではない）。両日とも、Ｇがフードコートの柱の陰から相談者をじっと見ていた。相談者が店を移ると、Ｇも後ろを"
            "ついて来て、5日は駐車場まで、12日は車の前までついて来た。相談者は怖くなって警備室に駆け込んだ。")
    watch = acts(a, "2-1-1:mihari")
    assert watch and all(x["status"] == "not_satisfied" for x in watch)
    assert sorted(x["date"] for x in acts(a, "2-1-1:tsukimatoi")) == ["2020-09-05", "2020-09-12"]
    assert a["offenses"]["art18"]["status"] == "satisfied"


def test_a_list_of_acts_denied_with_ichisetsu():
    a = run("相談者：Ｃ美（３８歳）／相手方：Ｄ（元夫）\n・Ｄは令和７年１月から毎日電話をかけてくる。\n"
            "・押し掛け、待ち伏せ等は一切なかった。")
    for key in ("2-1-1:oshikake", "2-1-1:machibuse"):
        assert all(x["status"] == "not_satisfied" for x in acts(a, key))


def test_shouting_at_the_officers_during_questioning_is_not_an_act_toward_her():
    a = run("取調べ状況報告書\n１　被疑者　Ｖ（男・２９歳）　被害者Ｗ子（元交際相手）\n"
            "２　令和６年２月６日夜、被疑者がＷ子の自宅最寄り駅の改札付近でＷ子を待っていた。Ｗ子は怖いと話す。\n"
            "３　同月８日、被疑者は担当の警察官に対し、「Ｗ子に会わせろ」「お前らに何がわかる」と大声で怒鳴り、机を叩いた。\n"
            "４　被疑者の上記発言はＷ子には伝えていない。")
    assert best(a, "2-1-4") == "not_satisfied"
    assert best(a, "2-1-3") == "not_satisfied"
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_a_night_around_the_turn_of_the_year_cannot_be_placed_by_2017_01_03():
    a = run("供述調書（被害者）\n１　私は、平成２８年９月まで交際していたＭさんと別れました。\n"
            "２　平成２８年１２月１０日の夜、会社の通用口の前でＭさんが待っていて、私の前に立ちました。私は怖くて逃げました。\n"
            "３　年末年始のころ、夜中に私のアパートの周りを何度も歩き回っているＭさんを、二階の窓から見ました。\n平成２９年２月３日")
    walk = acts(a, "2-1-1:urotsuki")
    assert walk and walk[0]["status"] == "undetermined"
    assert not [x for x in acts(a, "2-1-1:mihari") if x["status"] != "not_satisfied"]   # she was the one looking
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_reading_a_tag_throughout_the_turn_of_the_year_counts_after_2025_12_30():
    a = run("経過記録　相談者：Ｓ（３２歳）　相手方：Ｒ（同僚）\n・令和７年１２月２０日　Ｒの交際の申込みをＳが断る。\n"
            "・１月９日　Ｒ任意出頭。「１２月２５日にコートのポケットにタグを入れた。年末年始もスマホで場所を確認していた」と供述。")
    read = acts(a, "2-3-2")
    assert read and read[0]["status"] == "satisfied"


def test_his_denial_to_the_police_is_no_act():
    a = run("相談者Ｘ子　相手方Ｓ（元交際相手）\n１月１４日、電話で事情を聴いたところ、Ｓは「もう何年も連絡を取っていない。"
            "会ってくれなんて言っていない」と否認した。")
    assert not [x for x in a["acts"] if x["status"] == "satisfied"]


def test_indented_lines_are_sentences_of_their_own_section():
    from legalcheck.nlp import clauses as C
    from legalcheck.nlp.pipeline import tokenize
    text = "第２　事実\n　ＢがＡの自宅前で待っていた。\n第３　所見\n　見張りに当たる。"
    toks = tokenize(text)
    sents = C.sentences(toks)
    firsts = [text[toks[s.lo].start:toks[s.hi - 1].end].strip() for s in sents]
    assert "見張りに当たる。" in firsts and "第３　所見" in firsts


def test_a_found_tag_leaves_its_reading_open_and_so_the_offence():
    a = run("相談受理票\n相談日時　令和８年１月１５日\n相談者　Ｘ子（３３歳）\n相手方　Ｓ（元交際相手）※相談者が疑っている者\n"
            "相談内容\n１　令和８年１月１０日、自転車の前かごの裏にテープで貼り付けられた紛失防止タグを見つけた。タグの持ち主は分からない。\n"
            "２　１月３日夜、アパート前の路上に黒っぽい服の男が立ち、相談者の部屋の窓の方を見ていた。顔は見えなかった。\n"
            "３　相談者の心情\n　「誰かに見られていたのかと思うと怖くて眠れない」。")
    assert best(a, "2-3-2") == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_standing_at_the_gate_then_speaking_to_her_is_waiting_for_her():
    a = run("相談者Ａ子（２７歳）　相手方Ｂ（元交際相手）\n本年８月に別れ、「もう会わない」と伝えた。\n"
            "９月１２日朝、最寄りの駅の改札前でＢが立っていて、「話がしたい」と言われた。")
    assert acts(a, "2-1-1:machibuse")
    assert not acts(a, "2-1-1:mihari")


def test_a_mother_consulting_for_her_daughter_is_close_to_the_victim():
    from legalcheck.nlp.parties import cast
    c = cast("経過記録（相談者：Ｙ子の母　Ｚ（６２）　相手方：Ｑ（３７）＝Ｙ子の元夫）\n・Ｑが Ｚ方を訪れた。")
    assert c.aliases["Ｙ子"] == "victim" and c.aliases["Ｚ"] == "close" and c.aliases["Ｑ"] == "suspect"


def test_rings_within_minutes_are_one_visit():
    a = run("110番通報処理記録\n受理　令和7年11月3日　02:14\n通報者　Ｌ（女性・31歳）\n"
            "02:21　PC現着。通報者方前に男性（Ｐ・34歳）。Ｐはマッチングアプリで通報者と一度だけ会った相手で、"
            "通報者は「お付き合いはできません」と伝えていた。\n02:30　通報者から聴取。インターホンは約10分間に15回ほど鳴らされた。"
            "これまでＰからのつきまといや連絡はない。通報者は怖かったと話す。")
    assert best(a, "2-1-1:oshikake") == "satisfied"
    assert a["elements"]["repetition"]["status"] == "not_satisfied"
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_a_time_line_of_a_110_record_is_that_day_not_a_date_mentioned_before():
    a = run("110番通報処理記録\n受理　令和7年11月3日　02:14\n通報者　Ｌ（女性・31歳）\n"
            "02:21　PC現着。通報者方前に男性（Ｐ・34歳）。通報者は10月25日にＰと一度会っただけで、交際を断った。\n"
            "02:30　通報者から聴取。インターホンは15回ほど鳴らされた。")
    found = acts(a, "2-1-1:oshikake")
    assert found and found[0]["date"] == "2025-11-03"


def test_a_colleagues_account_and_her_own_visit_after_mata():
    a = run("相談受理票\n受理年月日　２０２３年６月５日\n相談者　〇〇（女性・２９歳）\n相手方　＊＊（男性・３４歳・相談者の元夫、２０２２年離婚）\n"
            "１　相談者は５月１日、相手方に電話で「もう電話してこないで」と伝えた。相手方は５月２日から同月３１日までの間、"
            "相談者の携帯電話に毎日数回ずつ電話をかけてきた。\n"
            "２　相談者の同僚が「５月半ば、お店の前を元旦那さんみたいな人が何度も行き来していた」と相談者に話した。\n"
            "３　相談者は５月２０日、相手方の勤務先に電話をかけた。また５月２５日、相手方の実家を訪ねて義母に事情を話した。")
    walk = acts(a, "2-1-1:urotsuki")
    assert walk and walk[0]["status"] == "undetermined"
    assert all(x["status"] == "not_satisfied" for x in acts(a, "2-1-1:oshikake"))
    calls = [x for x in acts(a, "2-1-5") if x["status"] == "satisfied"]
    assert calls and calls[0]["date"] == "2023-05-02/2023-05-31"


def test_counts_after_a_day_told_in_parentheses_and_his_answer_to_her_question():
    a = run("捜査報告書\n第１　被疑者　Ｒ田（３３歳）　被害者　Ｐ野（２９歳・元交際相手）\n第２　経過\n"
            "１　販売元への照会結果によれば、同機器は令和３年７月１８日に被疑者名義で契約されており、専用アプリによる位置情報の"
            "閲覧履歴は、同年７月１９日から９月２６日まで、ほぼ毎日に及ぶ（８月２６日以降だけでも約３００回）。")
    read = acts(a, "2-3-1")
    assert read and read[0]["status"] == "satisfied" and read[0]["date"] == "2021-07-19/2021-09-26"
    b = run("供述調書\n１　私は、令和４年春から××と交際しています。\n"
            "２　令和５年６月下旬、スマートフォンに見慣れない位置情報共有アプリが入っていました。\n"
            "３　××に問いただすと、「６月の初めに、お前のスマホのロックを外してアプリを入れた」と言われました。")
    assert best(b, "2-3-3") == "satisfied"


def test_a_dm_log_under_a_short_line_and_what_it_says():
    a = run("相談メモ　2024.4.9　相談者：ｒ（２１歳・女性）　相手方：ファンの男性ｓ\n"
            "・２月の特典会でｓが「付き合ってほしい」と手紙を渡す。相談者はＤＭで「ＤＭはもう送らないで」と返信（２／１８）\n"
            "・その後のＤＭ（相談者のスマホで確認）\n　2/19「本音じゃないよね？」\n　3/3「家の最寄りもわかったよ〜🏠」\n"
            "　3/10「無視つづけるならライブで全部ぶちまける😡」\n　（２／１９〜４／７で計２１０件）\n"
            "・相談者「家まで来るのではと怖い」。")
    sent = [x for x in acts(a, "2-1-5") if x["status"] == "satisfied"]
    assert sent and sent[0]["count"] == 210
    assert best(a, "2-1-2") == "satisfied"


def test_a_refusal_not_to_speak_to_her_and_a_period_ending_in_month_dot_day():
    a = run("相談受理票　R7.2.19\n相談者：女性（２８）\n相手方：男性（３０）、同じ会社の社員。R6.12に交際を申し込み、相談者は断り、"
            "「仕事以外で話しかけないで」と伝えた。\n・R7.1.10〜2.15、相手方から相談者の個人アカウントにＤＭ計５５件。"
            "「無視されると何するかわからんよ俺」。\n・相談者「会社で会うのが怖い」。")
    sent = [x for x in acts(a, "2-1-5") if x["status"] == "satisfied"]
    assert sent and sent[0]["date"] == "2025-01-10/2025-02-15"


def test_a_list_closed_by_toitta_koui_wa_is_denied_as_a_whole():
    a = run("相談受理簿　令和６年１１月５日\n相談者　Ｗ（女性）\n相手方　Ｘ（元交際相手）\n"
            "相手方による自宅や勤務先への押し掛け、待ち伏せ、後をつけるといった行為は、相談者の申立て及び勤務先への確認の"
            "いずれによっても確認されていない。")
    for key in ("2-1-1:oshikake", "2-1-1:machibuse", "2-1-1:tsukimatoi"):
        assert all(x["status"] == "not_satisfied" for x in acts(a, key)), key


def test_greek_masks_a_man_whose_face_she_could_not_see_and_letters_without_a_sender():
    a = run("相談受理簿　令和５年１０月１１日\n相談者　ι（女性・３２歳）\n相手方　κ（男性・元交際相手、６月に別れた）\n内容\n"
            "・８月から９月にかけて、勤務先あてに封筒が４通郵送された。中身はいずれも女性の裸体の写真で、差出人の記載はない。\n"
            "・９月中に３回、深夜、アパートの前の路地を男が行ったり来たりしているのを部屋の窓から見た。暗くて顔は分からなかった。")
    assert a["offenses"]["art18"]["status"] == "undetermined"
    assert best(a, "2-1-8") == "undetermined"


def test_circling_her_flat_around_new_year_cannot_be_placed_by_2017_01_03():
    a = run("聴取メモ　H29.3.6\nＶ：女性３７。Ｓ：元夫４０（H28.9離婚、Ｓは復縁を求めＶは拒否）。\n"
            "・Ｓ、Ｖ方アパートの周りを夜に車でぐるぐる回る。Ｖ「年末か年明けか、はっきり覚えていない」。日付の記録なし。\n"
            "・H29.2.18夜　Ｓ、Ｖ方アパート前の駐車場に車を止め、車内からＶの部屋の窓を約１時間見上げる。Ｖ「寝られないほど怖かった」。")
    walk = acts(a, "2-1-1:urotsuki")
    assert walk and walk[0]["status"] == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_an_inn_named_on_the_line_and_dotted_day_lines():
    a = run("聴取メモ　令和２年９月７日\n被害者Ｅ（２８）、被疑者Ｆ（３２）＝元交際相手（Ｒ２．６別れ、Ｅから）。\n"
            "・Ｒ２．８．１５〜１７　Ｅ、友人と〇〇温泉の旅館に２泊。\n"
            "・８．１６朝　旅館の玄関前の駐車場にＦの車。Ｆが車内から玄関を見ているのを、Ｅが部屋の窓から確認。Ｅは足が震えた。\n"
            "・８．２４夕　Ｅの勤務先の通用口前の歩道でＦが待っており、Ｅが出てくると近寄る。")
    watch = acts(a, "2-1-1:mihari")
    assert watch and all(x["status"] == "not_satisfied" for x in watch)
    assert acts(a, "2-1-1:machibuse")[0]["date"] == "2020-08-24"


def test_a_business_partner_is_no_money_motive_and_one_minute_of_log_is_one_sending():
    a = run("相談受理簿\n令和５年１１月２０日受理\n相談者：〇〇（女性・３５歳・営業職）\n"
            "相手方：取引先病院の事務職員の男性。相談者を食事に誘い、相談者が「仕事以外のお付き合いはできません」と断っている。\n"
            "１　１１月８日夜と９日夜、相手方が出張先のホテル正面の歩道に腰掛け、ロビーの出入口を見ていた。相談者は怖いと述べる。")
    assert a["elements"]["purpose"]["status"] == "satisfied"
    b = run("【ＬＩＮＥトーク画面の書き起こし】\n相手：「Ｕ」（元交際相手、Ｒ６．１１に別れた）\n2025/01/19（日）\n"
            "01:12 Ｕ：お前マジで許さんからな。次見かけたら殺すぞ\n01:12 Ｕ：［スタンプ：怒った顔］\n"
            "相談者「それきり何も来ていないし、会ってもいない。でも怖い」")
    assert b["elements"]["repetition"]["status"] == "not_satisfied"


def test_her_refusal_of_his_courtship_shows_the_purpose_though_negated():
    a = run("相談受理簿\n相談者：〇〇（女性）\n相手方：取引先の男性。相談者に食事の誘いを繰り返し、相談者が"
            "「仕事以外のお付き合いはできません」と断っている。\n１　１１月８日と９日の夜、相手方が勤務先の前で相談者を待っていた。"
            "相談者は怖いと述べる。")
    assert a["elements"]["purpose"]["status"] == "satisfied"


def test_a_letters_words_after_a_line_naming_her_home_are_his():
    a = run("経過記録（相談者：Ｘ子　相手方：元婚約者Ｙ）\n※婚約は令和２年１０月に相談者側から解消。\n"
            "・１１／２１　相談者方郵便受けにＹ名義の封書。「もう一度だけ会ってほしい。会ってくれないなら、何をするか分からない」\n"
            "・１２／５　同様の封書２通目。「返事がないなら年明けに直接行く」\n・１２／２７　封書３通目。「会わないなら後悔させる」\n"
            "・１／１２　相談者来署。「家を知られているので怖い」\n（年は令和２年１１月〜令和３年１月）")
    demands = [x for x in acts(a, "2-1-3") if x["status"] == "satisfied"]
    assert len(demands) >= 2
    assert a["elements"]["repetition"]["status"] == "satisfied"


def test_a_thing_left_by_an_unseen_hand_and_calls_counted_before_a_remark():
    a = run("経過記録（相談者：Ｑ田　ｅ子　相手方：Ｒ　相談者の元夫）\n"
            "・２０２５／４／２　相談者来署。３月１５日に元夫に「今後の連絡は弁護士を通して」と伝えたが、３月１６日〜３１日に"
            "元夫から着信１０３件（着信履歴を写真撮影）。\n・２０２５／４／５　相談者方玄関前に、カラスの死骸を入れた紙袋が置かれていた。"
            "防犯カメラには帽子の人物が映るが顔は判別できず。")
    calls = [x for x in acts(a, "2-1-5") if x["status"] == "satisfied"]
    assert calls and calls[0]["count"] == 103
    assert best(a, "2-1-6") == "undetermined"


def test_his_figure_on_camera_doing_the_same_putting_is_his_act():
    a = run("相談受理票\n・１０月１５日朝、Ａ宅の郵便受けに生ごみを詰めた袋が入れられていた。近隣の防犯カメラに、"
            "同日未明に投函する相手方Ｂの姿が写っている。")
    assert best(a, "2-1-6") == "satisfied"


def test_silent_calls_take_the_count_told_in_the_next_sentence():
    a = run("110番受理記録　２０２４年１２月２日\n０時４２分　通報者（女性）より「また非通知の無言電話」\n"
            "０時４３分　聴取：１１月１０日ごろから深夜に非通知着信。出ると何も言わず、数十秒後に切れる。着信履歴上、１１月１０日以降３２回。")
    calls = [x for x in acts(a, "2-1-5") if x["status"] == "satisfied"]
    # (the caller's 「また非通知の無言電話」 is that night's call, read on its own)
    assert calls and [x["count"] for x in calls if x["count"] > 1] == [32]
    assert a["elements"]["repetition"]["status"] == "satisfied"


def test_standing_where_she_comes_out_then_following_her_is_waiting_for_her():
    a = run("供述調書\n１　令和６年１２月２４日、Ｚ村さんから交際を申し込まれ、はっきり断りました。\n"
            "２　令和７年１月下旬から、仕事が終わって店を出ると、Ｚ村さんが店の向かいの歩道橋の上に立っていることがありました。"
            "私が駅に向かって歩くと、Ｚ村さんも少し離れて後ろをついてきました。私は怖くなりました。")
    assert acts(a, "2-1-1:machibuse")


def test_quotes_under_a_statement_header_are_that_persons_words():
    from legalcheck.nlp import clauses as C
    from legalcheck.nlp.parties import cast, token_roles
    from legalcheck.nlp.pipeline import tokenize
    from legalcheck.nlp.lexicon import lexicon
    from legalcheck.nlp.quotes import classify_quote
    text = ("被疑者　α（男性・元交際相手）　被害者　ｚ（女性）\n参考人β（αの友人・男性）の供述要旨（令和４年６月２２日）\n"
            "「５月１日の夜、αに頼まれて、ｚさんの車にＧＰＳを付けた」\nαの供述要旨：「５月から毎日何回か位置を見ていた」")
    toks = tokenize(text)
    roles = token_roles(toks, text, cast(text))
    sents = C.sentences(toks)
    qs, inside = C.quotes(toks)
    kinds = [classify_quote(toks, q, roles, next(s for s in sents if s.lo <= q.lo < s.hi), lexicon(), inside)[0] for q in qs]
    assert kinds == ["hearsay", "admission"]


def test_a_visit_she_agreed_to_is_no_oshikake():
    a = run("相談受理票　令和７年７月１日\n相談者　γ（女性）\n相手方　δ（元同棲相手）\n"
            "・６月１０日、δからＬＩＮＥで「荷物を取りに行きたい。いつならいい？」。相談者は「１４日の午後なら」と返信。\n"
            "・６月１４日午後、δが相談者の部屋を訪れ、玄関先で荷物を受け取って帰った。")
    assert all(x["status"] == "not_satisfied" for x in acts(a, "2-1-1:oshikake"))


def test_note_shorthand_v_and_s_and_a_subject_set_off_by_a_comma():
    a = run("聴取メモ　Ｒ７．６．１８\nＶ：７２歳女性、戸建て独居。Ｓ：隣家の男性（５８歳）。\n"
            "・Ｒ７．４月頃〜　Ｓ、自宅２階の窓からＶ方の玄関・庭を双眼鏡でのぞく。\n"
            "・Ｒ７．５．３　Ｓ、Ｖ方門扉前で「ババア、ぶっ壊すぞ」と大声。Ｖ、恐怖で家に入り施錠。")
    assert best(a, "2-1-1:mihari") == "satisfied"
    assert not [x for x in acts(a, "2-1-1:oshikake") if x["status"] == "satisfied" and "家に入り" in x["evidence"][0]["text"]]


def test_a_suspected_watch_refuted_two_sentences_later():
    a = run("【経過記録】相談者　Ｄ（女性）　相手方とされた者　Ｅ（元交際相手）\n"
            "・R5.6.2　Ｄ来署。自宅前の路上に白い軽ワゴン車が夜になると停まっている。Ｅが見張っているのではないかと不安だという。\n"
            "・同月5日　Ｄが控えたナンバーを照会。所有者は隣家の長男Ｆで、帰省中に路上駐車していたものと判明。Ｅとの接点なし。")
    assert all(x["status"] == "not_satisfied" for x in acts(a, "2-1-1:mihari"))
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_a_court_protection_order_is_no_prohibition_order_of_the_act():
    a = run("対応記録\n被害者　Ｇ（３５歳）　加害者　Ｈ（元夫）\n"
            "・令和５年１１月２０日　地方裁判所が配偶者暴力防止法に基づく保護命令（接近禁止命令及び電話等禁止命令）を発令。\n"
            "・ストーカー規制法に基づく警告、禁止命令等は行われていない。\n"
            "・令和６年１月９日と１６日、加害者は被害者の勤務先の駐車場で被害者を待ち受け、「戻ってこい」と怒鳴った。被害者は怖いと話す。")
    assert a["offenses"]["art18"]["status"] == "satisfied"
    assert a["offenses"]["art19"]["status"] == "not_satisfied"


def test_dates_in_a_section_on_recent_events_are_of_the_records_year():
    a = run("引継書（ストーカー事案）　令和6年3月18日　生活安全課\n1　措置歴\n　令和5年2月1日　県公安委員会が禁止命令等。延長の申出なし。\n"
            "2　最近の状況\n　3月5日夜、Ｔ子の最寄り駅でＵが待っていて、怒鳴りながら後をついてきた。Ｔ子は怖いと話す。")
    assert acts(a, "2-1-1:machibuse")[0]["date"] == "2024-03-05"
    assert a["offenses"]["art19"]["status"] == "not_satisfied"


def test_a_motive_named_in_the_officers_question_is_no_cue():
    a = run("聴取記録　令和５年１１月２８日\n問　相手方との関係は。\n答　前のパート先の人です。１５万円を借りて、返せなくなりました。\n"
            "問　何をされているのか。\n答　１０月１０日に「もう電話はやめてください」と言いましたが、毎日電話がかかり、出ると「金を返せ」と言われます。\n"
            "問　相手方から好意を示されたことは。\n答　一度もありません。\n答　電話と待ち伏せはやめてほしいです。")
    assert a["elements"]["purpose"]["status"] != "satisfied"
    assert not acts(a, "2-1-1:machibuse")


def test_a_long_bracketed_heading_ends_the_background_section():
    a = run("ストーカー事案　経過票\n【被害者】Ｄ（女性・６６歳）\n【相手方】Ｆ（４０歳）　Ｄの長女Ｅ子の元夫\n"
            "【背景】\nＥ子は令和４年に離婚し、所在を秘匿している。\n【これまでの相談】\n①令和４年１１月２日　Ｄが来署。\n"
            "【今回の申出内容（令和５年３月２０日受理、その後の追加聴取を含む）】\n"
            "・３月４日と１１日の夜、ＦはＤ方の向かいの空き地に車を止め、Ｄ方の玄関と窓を２時間以上見続けていた。\n"
            "・Ｄは「怖くて眠れない」と述べている。")
    assert best(a, "2-1-1:mihari") == "satisfied"


def test_a_count_line_of_letters_with_the_part_after_2021_06_15():
    a = run("R3.7.12 受理　〇〇交番\n相談者 Ｘ美(29)　相手方 Ｙ(31) 元メンバー。R3.4月Ｙから交際申込み、Ｘ美断る。\n"
            "R3.5.20〜7.10 Ｙが相談者宅アパートの郵便受けに手紙を直接投函。ほぼ毎日。\n"
            "R3.5.25 Ｘ美が「手紙は迷惑なので入れないでほしい」とＹに伝達。\n5.26〜7.10の投函 34通(うち6.15以降 26通)。\n"
            "内容　「あなたの笑顔が忘れられない」等。")
    sent = [x for x in acts(a, "2-1-5") if x["status"] == "satisfied"]
    assert sent and sent[0]["count"] == 34
    assert a["offenses"]["art18"]["status"] == "satisfied"


def test_a_motive_a_magazine_gave_is_no_cue():
    a = run("相談経過報告書\n相談者　Ｅ（女性・市議会議員）　相手方　Ｆ（男性・市民団体代表）\n"
            "第２　背景\n　同年５月、週刊誌に「Ｆ氏はＥ議員に個人的な好意を寄せている」とする記事が掲載された。\n"
            "第３　相手方の行為\n　令和７年４月から６月にかけて、Ｆは相談者の議員事務所を６回訪れ、「裏切り者、辞職しろ」と大声で怒鳴った。")
    assert a["elements"]["purpose"]["status"] != "satisfied"


def test_flyers_put_up_by_an_unseen_hand_keep_the_doer_open():
    a = run("交番報告　R7.4.15\n相談者ＬＬ子（33）、歯科医院の受付。\n"
            "4月10日と14日の朝、医院の周辺の電柱に「受付ＬＬ子は不倫女」とＡ4の紙が貼られていた。\n"
            "相談者は、3月に別れた元交際相手ＭＭ（35）が貼ったのではと言う。ＭＭは「俺じゃない」と否定。")
    assert best(a, "2-1-7") == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_the_laws_words_a_masked_station_and_what_did_not_come_after_a_change():
    a = run("告　訴　状\n平成２５年９月２日\n告訴人　Ｅ　被告訴人　Ｆ（元上司）\n第１　告訴の趣旨\n"
            "被告訴人の行為は、同法２条１項５号（本年の法改正により電子メールの連続送信が加えられた。）に該当する。\n"
            "第２　告訴事実\n被告訴人は、同年６月３０日夜、〇〇駅の改札口付近で告訴人の帰りを待ち、近寄って声を上げた。告訴人は恐怖を覚えた。\n"
            "同年７月２１日以降、被告訴人からのメールは届いていない。")
    assert acts(a, "2-1-1:machibuse")[0]["status"] == "satisfied"
    assert all(x["status"] == "not_satisfied" for x in acts(a, "2-1-5"))


def test_an_act_whose_fact_he_denied_is_not_found():
    a = run("相談者Ａ　相手方Ｂ（元上司）\n人事部長が面談したが、Ｂは交際を申し込んだ事実も否定したとのことである。")
    assert best(a, "2-1-3") != "satisfied"
