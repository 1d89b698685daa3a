"""Doubt read as doubt, on intake sentences written for these tests: a belief is not a finding, a
suspicion checked and refuted is no act, a third person's account told to her is hearsay, a relation
word that is not the named suspect's names someone else, and an attached device leaves its reading open."""
from legalcheck.nlp.parties import cast, token_roles
from legalcheck.nlp.pipeline import tokenize
from tests.helpers import acts, best, run


def test_her_belief_about_who_attached_it_is_not_a_finding():
    a = run("令和６年３月４日受理\n相談者Ｋ子（３５歳）は、３月２日、タイヤ交換の際に自家用車の下部にＧＰＳ発信機が付いていると"
            "指摘された。Ｋ子は、昨年別れた元交際相手Ｌが付けたと考えている。Ｌは取付けを否認している。")
    assert best(a, "2-3-3") == "undetermined"
    assert a["offenses"]["art18"]["status"] != "satisfied"


def test_a_suspicion_checked_and_refuted_is_no_act():
    a = run("相談者Ｐ美（２９歳）は、令和６年６月、元交際相手Ｑから復縁を迫られ断った。\n"
            "・７月５日と１２日、Ｑが勤務先の前で待ち伏せしていた。Ｐ美は怖いと話している。\n"
            "・Ｐ美は車にＧＰＳを付けられたのではと心配し、販売店で点検を受けたが、機器は見つからなかった。")
    assert best(a, "2-3-3") == "not_satisfied"
    assert best(a, "2-3-1") == "not_satisfied"
    assert best(a, "2-1-1:machibuse") == "satisfied"


def test_a_colleagues_account_told_to_her_is_hearsay():
    a = run("【相談内容】相談者　ｒ子（３３歳）　相手方　ｓ（元交際相手）\n"
            "・令和６年９月、ｒ子の同僚から「ｓに似た男が、会社の裏口の辺りを何度も歩き回っていたと警備員から聞いた」と"
            "伝えられた。\n・ｒ子自身はｓを見ていない。")
    found = acts(a, "2-1-1:urotsuki")
    assert found and found[0]["status"] == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_her_colleague_is_not_the_named_suspect():
    text = "相談者Ｔ子（３０歳）　相手方Ｕ（元夫）\nＴ子の上司から連絡があった。"
    toks = tokenize(text)
    roles = token_roles(toks, text, cast(text))
    assert [roles[t.i] for t in toks if t.text == "上司"] == ["other"]
    assert [roles[t.i] for t in toks if t.text == "元夫"] != ["close"]


def test_the_suspects_own_relation_stays_his():
    text = "相談者Ｔ子（３０歳）　相手方Ｕ（Ｔ子の上司）\n上司は毎晩Ｔ子に電話をかけてきた。"
    toks = tokenize(text)
    roles = token_roles(toks, text, cast(text))
    assert [roles[t.i] for t in toks if t.text == "上司"] == ["suspect", "suspect"]


def test_motive_unknown_when_every_explanation_is_ruled_out():
    a = run("令和６年５月１０日　相談\n相談者Ｖ子（２７歳）　相手方　同じ課の先輩Ｗ（４０歳）\n"
            "・４月１２日、１９日、２６日の夜、Ｗが退社したＶ子の後を駅までついてきた。Ｖ子は怖くなった。\n"
            "・Ｗとは業務の会話しかなく、好意を示されたことも、金銭トラブルもない。")
    assert a["elements"]["purpose"]["status"] == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_a_positive_other_motive_still_denies_the_purpose():
    a = run("令和６年５月１０日　相談\n相談者Ｖ子（２７歳）　相手方Ｗ（隣人）\n"
            "・Ｗとは騒音を巡る近隣トラブルがあり、４月１２日と１９日、Ｗが玄関前で「出ていけ」と怒鳴った。Ｖ子は怖いと話す。\n"
            "・Ｗから好意を示されたことはない。")
    assert a["elements"]["purpose"]["status"] == "not_satisfied"


def test_an_attached_gps_device_leaves_the_reading_open():
    a = run("捜査報告書\n被疑者Ｙ（４１歳）は、令和６年２月３日、元妻Ｚの自動車の底部にＧＰＳ発信機を無断で取り付けた。"
            "Ｚは「怖い」と話している。")
    read = acts(a, "2-3-1")
    assert read and read[0]["status"] == "undetermined"
    assert best(a, "2-3-3") == "satisfied"
    assert a["elements"]["repetition"]["status"] == "undetermined"


def test_no_reading_record_denies_the_reading():
    a = run("捜査報告書\n被疑者Ｙ（４１歳）は、令和６年２月３日、元妻Ｚの自動車の底部にＧＰＳ発信機を無断で取り付けた。"
            "押収したＹのスマートフォンを解析したが、位置情報を閲覧した記録はなかった。")
    assert best(a, "2-3-1") == "not_satisfied"


# ---- casts and who did it (fresh record lines)

def test_hi_soudansha_is_the_suspect_and_a_mask_is_a_whole_name():
    c = cast("相談者：Ｍ美（２６歳）　相手方：被相談者Ｄ（２８歳）\nＤからＤＭが届いた。")
    assert c.aliases.get("Ｄ") == "suspect"
    text = "相談者：Ｍ美（２６歳）　相手方：被相談者Ｄ（２８歳）\nＤからＤＭが届いた。"
    toks = tokenize(text)
    roles = token_roles(toks, text, cast(text))
    assert [roles[t.i] for t in toks if t.text == "ＤＭ"] == [None]


def test_a_relation_between_role_word_and_name():
    c = cast("相談者　　Ｈ母（６０歳）\n相手方　　Ｈの元交際相手Ｊ（３３歳）\nＪは毎晩電話をかけてきた。")
    assert c.aliases.get("Ｊ") == "suspect"


def test_calls_she_receives_are_his():
    a = run("相談者Ｋ子（３０歳）　相手方Ｌ（元交際相手）\n令和６年５月２日、Ｋ子はＬに「もう電話しないで」と伝えたが、"
            "その後も５月２０日までにほぼ毎日、多い日は１０回以上の電話があった。Ｋ子は怖いと話す。")
    assert best(a, "2-1-5") == "satisfied"


def test_a_first_person_statement_names_the_other_party_by_a_mask():
    c = cast("供述調書\n私は、同じ職場のＲさんから５月に食事に誘われ、断りました。その後もＲさんからメールが届きます。")
    assert c.aliases.get("Ｒ") == "suspect"


def test_a_sighting_shown_to_be_someone_unrelated_is_no_act():
    a = run("捜査報告書\n相談者Ｓ子は、令和６年４月３日夜、自宅前に車が停まり、運転席の男が自宅を見ていたとして、元夫Ｔによる見張りでは"
            "ないかと申し立てた。\n照会の結果、運転席の男は配送業者の従業員で、Ｔとは無関係と判明した。")
    assert best(a, "2-1-1:mihari") == "not_satisfied"


def test_fear_she_says_she_does_not_feel():
    a = run("供述調書\n私は、令和元年６月、元同僚のＵさんからの交際の申込みを断り、７月１日に「メールはしないでください」と伝えました。"
            "その後もＵさんから７月から９月にかけて合計２０通ほどメールが届きました。丁寧な文面です。正直に言うと、怖いとは感じていません。")
    assert a["elements"]["anxiety_method"]["status"] == "not_satisfied"
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_unread_messages_leave_the_manner_open():
    a = run("相談受理票　令和６年９月２日\n相談者：Ｗ子（２４歳）　相手方：元交際相手Ｘ（２６歳）\n"
            "８月１日に「連絡しないで」と伝え、ＬＩＮＥをブロックした。８月中旬から別のアカウントでＤＭが連日届き、約４０件。"
            "Ｗ子は一度も開かずに削除しており、内容は分からない。Ｗ子は「何が書いてあるのか分からず怖い」と話す。")
    assert best(a, "2-1-5") == "satisfied"
    assert a["elements"]["anxiety_method"]["status"] == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_a_suspect_she_only_guesses_at():
    a = run("相談受理票\n相談日時　令和７年３月３日\n相談者　Ｙ子（３２歳）\n相手方　被相談者（相談者の推測）：元交際相手Ｚ\n"
            "相談内容　２月以降、匿名掲示板に相談者の実名とともに「不倫している」との書き込みが計５回あった。投稿者は不明。")
    assert best(a, "2-1-7") == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_his_money_demands_give_another_motive():
    a = run("経過記録　相談者：母Ｐ（６０歳）　相手方：長男Ｑ（３３歳・別居）\n"
            "・令和６年５月２日　Ｑが相談者方に来て「生活費貸せ」。相談者は断る。\n"
            "・５月１０日、１７日　Ｑが相談者の勤務先の通用口で待ち、「金出せよ」と迫る。相談者は怖いと話す。")
    assert a["elements"]["purpose"]["status"] == "not_satisfied"
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


# ---- events told record-style (fresh lines)

def test_following_told_without_the_word_behind():
    a = run("相談者Ａ子（２８歳）　相手方Ｂ（元交際相手）\n令和６年７月２日夜、Ｂは駅からＡ子の自宅近くまでついてきた。"
            "７月９日夜も同様に自宅近くまでついてきた。Ａ子は怖いと話す。")
    assert best(a, "2-1-1:tsukimatoi") == "satisfied"
    assert a["elements"]["repetition"]["status"] == "satisfied"


def test_a_callers_line_with_her_description_is_her_account():
    a = run("１１０番受理　令和６年８月３日\n21:10　通報者Ｃ子（２９歳女性）「元彼がまた家の前にいる」\n"
            "21:20　ＰＣ到着時、相手方Ｄは既に立ち去っていた。")
    from legalcheck.nlp.reader import read_facts
    f = read_facts("１１０番受理　令和６年８月３日\n21:10　通報者Ｃ子（２９歳女性）「元彼がまた家の前にいる」\n")
    assert [m.label for m in f.motives if m.kind == "breakup"] == ["元彼"]
    # being at her door is told; whether he watched her there is not: undetermined, never dropped
    assert [x["status"] for x in a["acts"] if x["key"] == "2-1-1:mihari"] == ["undetermined"]


def test_she_saw_him_walking_past_is_not_his_watching():
    a = run("相談受理票\n相談者　Ｅ（３０歳・女性）\n相手方　Ｆ（元交際相手）\n"
            "相談内容　令和６年９月中旬から５回ほど、Ｆが相談者のアパート前の道を行ったり来たりしているのを部屋の窓から見た。")
    assert best(a, "2-1-1:mihari") == "not_satisfied"
    assert best(a, "2-1-1:urotsuki") == "satisfied"


def test_words_said_to_her_new_partner_are_aimed_at_him():
    a = run("経過記録\n相談者　Ｇ子（３５歳）\n相手方　Ｈ（元夫）\n関係者　Ｉ（４０歳・男性、相談者の現在の交際相手）\n"
            "・令和６年５月１０日　ＨがＩの勤務先に来て、応対したＩに「Ｇ子と別れろ」と告げた。\n"
            "・５月２０日　ＨがＧ子に「戻ってこい」とＬＩＮＥを送った。")
    demands = acts(a, "2-1-3")
    assert {x["status"] for x in demands} == {"satisfied"}
    assert a["elements"]["repetition"]["status"] != "satisfied"   # one act against each person


def test_no_partner_at_all_names_no_suspect():
    a = run("令和６年３月１日　相談\n相談者Ｊ子（３６歳）\n・２月１０日と２月２０日、自宅玄関前に動物の死骸が置かれていた。\n"
            "Ｊ子には交際相手や元交際相手はおらず、思い当たる人物はいない。Ｊ子は怖いと話す。")
    assert best(a, "2-1-6") == "satisfied"
    assert a["elements"]["purpose"]["status"] == "undetermined"


def test_a_relatives_living_apart_is_no_break_up():
    from legalcheck.nlp.reader import read_facts
    f = read_facts("相談者：母Ｋ（６０歳）　相手方：長男Ｌ（３３歳・無職・別居）\n・Ｌが相談者方に来た。")
    assert not [m for m in f.motives if m.kind == "breakup"]


def test_pasted_message_lines_are_separate_messages():
    a = run("相談受理票\n相談日時　平成２８年５月１０日\n相談者　丙山（２６歳・女性）\n相手方　丁田（２８歳・元交際相手）\n"
            "相談内容　４月１日に別れた。丁田からメールで４月２日から５月９日までに約５０件が届いた。\n"
            "　「会わないなら職場まで行く」\n　「今週中に会え」\n相談者は「本当に怖い」と話している。")
    assert best(a, "2-1-3") == "satisfied"
    assert a["elements"]["repetition"]["status"] == "satisfied"


def test_colloquial_monitoring():
    a = run("相談者Ｍ（２２歳）　相手方Ｎ（元交際相手）\n令和６年８月２７日、Ｎから「昨日の夜どこいってたの？駅のあたりだよね👀」と"
            "ＬＩＮＥが届いた。Ｍは気味が悪いと話す。")
    assert best(a, "2-1-2") == "satisfied"


def test_whether_the_same_unknown_man_came_each_time():
    a = run("経過記録　相談者：Ｏ（１９歳・女性）　相手方：氏名不詳の男\n"
            "・令和７年５月６日　通学途中、自転車の男が前に回り込んで進路をふさぎ「付き合ってよ」と言った。Ｏは怖くて泣いた。\n"
            "・同月１４日　同じ道で、自転車の男が再び前に立ちふさがった。Ｏ「たぶん同じ人だと思う。顔は見ていない」。")
    assert a["elements"]["repetition"]["status"] == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_the_doer_shown_later_on_camera():
    a = run("捜査報告書\n被疑者　元交際相手Ｇ　被害者　Ｈ（女性）\n１　令和７年６月２日朝、Ｈ方玄関前に、猫の死骸を入れた袋が置かれていた。\n"
            "２　同月９日朝にも、同所に鳥の死骸を入れた袋が置かれていた。\n"
            "３　共用廊下の防犯カメラに、両日とも、Ｇが袋を置いて立ち去る姿が記録されている。")
    assert [x["status"] for x in acts(a, "2-1-6")] == ["satisfied", "satisfied"]
    assert a["elements"]["repetition"]["status"] == "satisfied"


def test_force_on_the_occasion_shows_the_manner():
    a = run("経過記録（相談者：Ｐ（３４歳・女性）　相手方：Ｑ（元交際相手））\n"
            "・令和５年１０月２日　ＱがＰの自宅最寄り駅の改札でＰを待ち、「話そう」と言う。Ｐは恐怖を感じた。\n"
            "・同月１６日　Ｑが同駅で再びＰを待ち、Ｐの腕をつかんで「逃げるな」と言う。")
    assert a["elements"]["repetition"]["status"] == "satisfied"


def test_fear_not_asked_is_no_fear():
    a = run("相談受理票　令和６年６月３日\n相談者：Ｑ（３０歳・女性）　相手方：元婚約者Ｐ\n"
            "５月１５日と２２日の朝、Ｐが相談者の自宅最寄り駅の改札前で相談者を待っていて、「もう一度話したい」と言った。"
            "怖いかどうかについては聴取していない。")
    assert a["elements"]["anxiety_method"]["status"] == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_a_titles_date_is_not_the_acts_date():
    a = run("捜査報告書（令和３年１１月１日）\n被疑者ｐは、被害者ｑの自動車にＧＰＳ機器を取り付け、位置情報をスマートフォンで確認していたことを"
            "認めている。ｐは取付けの時期を「令和３年の夏頃だったと思う」と供述している。")
    assert best(a, "2-3-3") == "undetermined"
    assert best(a, "2-3-1") == "undetermined"
    assert a["offenses"]["art18"]["status"] != "satisfied"


def test_a_man_described_by_his_car_is_not_the_named_suspect():
    a = run("相談受理票\n相談者　Ｗ子（３７歳）\n相手方　Ｘ（元夫）\n（１）令和６年８月５日、ＸからＬＩＮＥで「一度会って話がしたい」と届いた。\n"
            "（２）９月１４日と２１日の夜、Ｗ子方前の路上にワゴン車が止まり、運転席の男がＷ子の部屋の方を見ていた。男の顔は見えなかった。")
    assert best(a, "2-1-1:mihari") == "undetermined"
    assert a["offenses"]["art18"]["status"] != "satisfied"


def test_a_report_shown_to_be_someone_elses_doing():
    a = run("令和４年３月２５日　相談結果報告\n相談者ａ子は、元交際相手ｂの車が３月５日と１２日の夜、自宅前に止まっており、見張られていると申告した。\n"
            "調査の結果、当該車両は隣家を訪れていた知人の車で、車種と色が同じだったものと判明した。")
    assert best(a, "2-1-1:mihari") == "not_satisfied"
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_a_summary_section_restates_and_a_dated_part_of_a_series_counts():
    a = run("捜　査　報　告　書\n令和３年９月１５日\n被疑者　Ｐ（３０歳）\n被害者　Ｑ（２６歳・Ｐの元交際相手）\n"
            "第１　事案の概要\n　被疑者は、被害者の自動車にＧＰＳ機器を取り付け位置情報を取得していたもの。\n"
            "第２　捜査結果\n１　被疑者は、令和３年７月２０日、被害者方駐車場で被害者の車にＧＰＳ機器を取り付けた。\n"
            "２　被疑者は同日から同年９月１０日までの間、アプリで位置情報を閲覧しており、そのうち同年８月２６日以降の閲覧は"
            "延べ４０回である。\n３　取付け以外に、被疑者が機器を付け直した事実はない。\n"
            "第３　その他\n　被疑者は「やり直したかった」と供述している。")
    assert best(a, "2-3-3") == "not_satisfied"    # 2021-07-20: before 2条3項 took effect
    assert best(a, "2-3-1") == "satisfied"        # the 40 reads from 2021-08-26
    assert a["elements"]["repetition"]["status"] == "satisfied"


def test_a_pasted_chat_log_line_is_a_message():
    a = run("【相談者提出のＬＩＮＥ履歴（抜粋）】\n2024/06/02(日)\n21:02 Ｙ：今日なんでムシすんの？\n"
            "21:15 相談者：もう別れたよね。連絡してこないで\n21:40 Ｙ：さっき公園で散歩してたね🐶\n22:05 Ｙ：会ってくれるまで送り続けるから\n"
            "※相談者は「どこかから見られていると思うと外に出られない」と話している。\n")
    found = acts(a, "2-1-2")
    assert found and found[0]["status"] == "satisfied"
    assert found[0]["evidence"][0]["text"] == "さっき公園で散歩してたね🐶"
    assert best(a, "2-1-3") == "satisfied"


def test_silent_calls_traced_to_someone_unrelated():
    a = run("経過記録　相談者：Ｚ（４０代女性）　相手方：甲（元交際相手）\n・R1.7.2　Ｚ来署。６月下旬から深夜に無言電話が続く。"
            "着信は同一の番号から約１５回、出ると何も言わずに切れる。\n・7.9　通話記録の照会の結果、番号の契約者は市内の男性乙で、"
            "甲とは無関係と判明。\n")
    assert best(a, "2-1-5") == "not_satisfied"
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_a_refusal_standing_since_the_break_up():
    a = run("捜査報告書\n第１　ＳＭＳ\n　令和６年３月中、ＯからＰの携帯電話に「返事して」等のＳＭＳが２０件送信された。"
            "Ｐは交際終了時から連絡を拒否している。\n")
    assert best(a, "2-1-5") == "satisfied"


def test_her_reply_is_not_his_demand_and_a_greeting_tells_nothing():
    a = run("相談日時　2019年11月8日\n相談者　Ｈ（女性）\n相手方　Ｉ（サークルの先輩）\n"
            "相談内容　10月初め、Ｉから食事に誘うメールがあり、「個人的な連絡はやめてください」と返信した。"
            "その後、11月5日「寒くなりましたね」とメールが届いた。Ｈは「怖いというより、戸惑っている」。")
    assert not [x for x in acts(a, "2-1-3") if "やめてください" in x["evidence"][0]["text"]]
    assert best(a, "2-1-2") == "not_satisfied"
    assert a["elements"]["anxiety_method"]["status"] != "satisfied"


def test_affection_before_a_negated_reason_stays_affection():
    from legalcheck.nlp.reader import read_facts
    f = read_facts("相談者Ａ（女性）、相手方Ｂ（元交際相手）。\nＢは「まだ好きだから目が離せなかった」と話した。")
    assert {m.kind for m in f.motives if "好き" in m.label} == {"romance"}


def test_a_found_device_attached_by_no_one_named():
    a = run("相談受理票\n相談日　2022年10月17日\n相談者　Ｘ子（３３歳）\n相手方　Ｙ（元交際相手）\n"
            "相談内容　10月14日、車検の際に整備士が車体下部に磁石で付いた小型のＧＰＳ機器を発見した。Ｙは「俺じゃない」と否認した。\n"
            "　なお、Ｙは９月24日夜、相談者が通うジムの駐車場で待っていて、「やり直したい」と声をかけてきた。相談者は怖くなった。")
    assert best(a, "2-3-3") == "undetermined"
    assert a["elements"]["repetition"]["status"] == "undetermined"


def test_an_opinion_heading_after_a_blank_line():
    a = run("相談受理票\n相談者　Ａ（女性）\n相手方　Ｂ（元夫の父）\n相談内容\n１　Ｂは令和５年１月と２月に相談者の勤務先の通用口で待っていた。\n"
            "対応\n・助言した。\n\n所見\n　自宅前の不審車両による見張りは別人と判明した。")
    assert best(a, "2-1-1:mihari") == "not_satisfied"


def test_an_order_not_extended_and_a_numbered_section_title():
    a = run("捜査報告書\n第１　禁止命令等の状況\n　令和５年２月１日、公安委員会は、被疑者Ｏに対し、被害者Ｐへのつきまとい等を禁止する禁止命令等をした。"
            "その後、有効期間延長の申出や手続はされていない。\n第２　待ち伏せ\n　令和６年３月５日及び同月12日の夜、Ｏは、Ｐ方前でＰの帰宅を"
            "待ち伏せし、「もう一回だけチャンスをくれ」と迫った。Ｐは悲鳴を上げて逃げた。\n")
    assert all(not x["evidence"][0]["text"].startswith("第２") for x in a["acts"])
    assert a["offenses"]["art18"]["status"] == "satisfied"
    assert a["offenses"]["art19"]["status"] == "not_satisfied"


def test_a_pasted_log_after_her_refusal_is_a_series_of_messages():
    a = run("【相談者提出のＬＩＮＥトーク履歴（抜粋）】\n2023/05/07(日)\n21:02 Ｙ：今日なんでムシすんの？\n"
            "21:15 相談者：もう別れたよね。連絡してこないで\n21:16 Ｙ：は？\n21:17 Ｙ：話そ\n22:31 Ｙ：既読つけろや\n"
            "（以下、同日23時までにＹから計34件）\n")
    series = [x for x in acts(a, "2-1-5") if x["status"] == "satisfied"]
    assert series and series[0]["evidence"][0]["text"] == "は？"


def test_primed_masks_and_a_statement_to_the_police_after_its_speaker():
    c = cast("【相談者Ｍ′（男性）提出のトーク履歴】相手方：Ｎ′（女性、元交際相手）\n00:30　Ｍ′：もう無理。連絡してこないで\n")
    assert c.aliases.get("Ｍ′") == "victim" and c.aliases.get("Ｎ′") == "suspect"
    a = run("110番通報処理記録\n22:41　通報者（女性）「元夫が家の前にいる」\n22:52　現着。通報者方前の路上に元夫Ｃが立っているのを確認。\n"
            "22:58　Ｃ聴取「まだ好きなんで、顔だけでも見たかった。声はかけてない」。\n")
    assert not acts(a, "2-1-3")                       # his words to the officer are no demand to her
    assert a["elements"]["purpose"]["status"] == "satisfied"   # 「まだ好き」, not denied by the next sentence


def test_the_relative_a_statement_is_about_is_the_other_party():
    c = cast("供　述　調　書\n１　私は、姉の夫である義兄のＢ′のことでお話しします。\n２　Ｂ′からＬＩＮＥで写真が送られてきました。")
    assert c.aliases.get("Ｂ′") == "suspect"
