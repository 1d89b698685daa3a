"""Message logs pasted as tables (「| 日時 | 本文 |」), as intake records copy them from a phone's screen."""
from tests.helpers import acts, best, run

_TABLE = ("捜査報告書（メッセージの状況について）\n被害者Ｓ（２９）のスマートフォン画面を確認し、以下のとおり抜粋した。"
          "（送信者はいずれも相手方Ｔ（３２））\n"
          "| 日時 | 本文 | 既読 |\n|---|---|---|\n"
          "| 2022/10/2 21:10 | 今日はありがとう。また会いたい | 既読 |\n"
          "| 2022/10/3 08:02 | （Ｓ返信）ごめんなさい、連絡はこれで最後にしてください | — |\n"
          "| 2022/10/3 08:05 | なんで？理由を言え | 既読 |\n"
          "| 2022/10/3 08:06〜23:58 | 同趣旨のメッセージ ６３件 | 既読 |\n"
          "| 2022/10/6 02:14 | 会って説明しろ | 未読 |\n"
          "Ｓは「会社に来られるかもしれず怖い。出社できない」と述べている。")


def test_rows_after_her_refusal_in_a_pasted_table_are_his_series_counted_row_by_row():
    a = run(_TABLE, incident_date="2022-10-06")
    series = [x for x in acts(a, "2-1-5") if x["status"] == "satisfied"]
    assert series and series[0]["evidence"][0]["text"] == "なんで？理由を言え"
    assert series[0]["date"] == "2022-10-03/2022-10-06"
    assert best(a, "2-1-3") == "satisfied"
    assert a["elements"]["repetition"]["status"] == "satisfied"
    # nothing in the table tells why he writes: the purpose, and so the offence, stay open
    assert a["elements"]["purpose"]["status"] == "undetermined" and a["offenses"]["art18"]["status"] == "undetermined"


def test_a_table_without_a_text_column_is_no_log():
    a = run(_TABLE.replace("| 日時 | 本文 | 既読 |", "| 日時 | 場所 | 備考 |"), incident_date="2022-10-06")
    assert not [x for x in acts(a, "2-1-5") if x["evidence"][0]["text"] == "なんで？理由を言え"]


def test_a_table_from_an_account_not_tied_to_him_leaves_who_sent_it_open():
    a = run("相談者ＱＲ（女性・24）提出のスクリーンショット整理表\n相談者は元交際相手ＳＴ（「連絡しないで」と伝達済み）の仕業と考えている。\n"
            "| 日時 | 内容 |\n| 11/20 23:02 | 無視すんなよ |\n| 11/23 22:40 | 家にいるのは分かってる |\n| 11/28 01:12 | 許さないから |\n"
            "送信元：新規アカウント（投稿なし）。ＳＴとの結び付きは未確認。\n相談者「夜が怖い」。", incident_date="2023-12-04")
    assert best(a, "2-1-5") == "undetermined" and best(a, "2-1-2") == "undetermined"
    assert not acts(a, "2-1-1:urotsuki") and a["offenses"]["art18"]["status"] == "undetermined"


def test_a_record_saying_his_motive_is_open_leaves_the_purpose_open():
    a = run("相談メモ（弁護士　記）　R6.2.13\n相談者：ＧＨ（女性）\n・相手方Ｉとは昨年12月まで交際。\n"
            "・相談者は1/20に「今後連絡しないで」とLINE。Ｉは1/21〜1/28に約25件送信：「金返せ」「やり直せないなら全部返せ」。\n"
            "・Ｉの真意が復縁か返済かは相談者にも分からないとのこと。")
    assert a["elements"]["purpose"]["status"] == "undetermined"


def test_consent_he_claims_and_she_does_not_remember_is_open():
    a = run("相談メモ（弁護士）令和６年４月１２日\n依頼者：妻ｈｈ（４３）　相手方：夫ｉｉ（４６）　離婚協議中\n"
            "・ｈｈが使う車に、ｉｉが今年１月にＧＰＳ発信機を付けていた。ｉｉは「ｈｈは『いいよ』と言った」と主張。ｈｈは「聞いた覚えがない」。\n"
            "・ｉｉは２月〜３月にアプリで位置を多数回確認。ｉｉはｈｈに「別れないからな」と言っている。\n"
            "・合意の有無を裏付ける資料はない。")
    assert best(a, "2-3-3") == "undetermined" and best(a, "2-3-1") == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_fear_asked_about_and_answered_unsure_is_not_her_fear():
    a = run("所見（R6.3.18）\n相談者ＬＬ（女性）によると、元交際相手ＭＭが、3月9日と16日の夕方、相談者のアパートを訪ね、"
            "「もう一度だけ話をさせてほしい」と言った。相談者は、不安を感じているかについては「よく分からない」と話すにとどまる。")
    assert a["elements"]["anxiety_method"]["status"] == "undetermined"


def test_a_former_husband_with_a_property_dispute_and_no_sign_of_wanting_her_back_has_an_open_purpose():
    text = ("相談票\n利用者　ｐｐ（３８・女性）　　相手方　元夫ｑｑ（４２）（令和７年３月離婚）\n"
            "１　令和７年６月から、ｐｐの車に隠されたスマートフォンで、ｑｑが位置を毎日確認していた（ｑｑ自認）。\n"
            "２　相手方は離婚時の財産分与をめぐり利用者と係争中である。復縁を求める言動は、利用者の知る限りない。")
    assert run(text)["elements"]["purpose"]["status"] == "undetermined"
    # the break-up alone still lets one presume the feeling
    assert run(text.replace("相手方は離婚時の財産分与をめぐり利用者と係争中である。", ""))["elements"]["purpose"]["status"] == "satisfied"


def test_an_officer_saying_the_purpose_needs_more_proof_leaves_it_open():
    a = run("相談メモ\n相談者　Ａ子（３５）　相手方　Ｂ（元夫）\n・Ｂは１日に何十回も電話をかけ、自宅に３回押し掛けた。Ａ子は怖いと話す。\n"
            "第４　検討\n　目的要件については、子との面会と養育費をめぐる言動が中心であり、目的の立証には追加の資料が必要。")
    assert a["elements"]["purpose"]["status"] == "undetermined"


def test_the_acts_existence_denied_politely_is_denied():
    a = run("被害届\n私は今年5月に交際相手のＲＲと別れました。ＲＲは「会わないなら殺す」とメールを送ってきました。"
            "電話やつきまといはありません。本当に殺されるのではないかと怖いです。")
    assert best(a, "2-1-1:tsukimatoi") == "not_satisfied"
    assert a["elements"]["anxiety_method"]["status"] == "satisfied"   # 「…のではないかと怖い」 is fear, not its denial


def test_one_threatening_demand_after_the_order_breaches_it():
    a = run("禁止命令等の経過\n令和６年２月１日　公安委員会は、対象者ｂ（元交際相手）に対し、被害者ｃへのつきまとい等を禁止する禁止命令等を発出。\n"
            "令和６年５月１２日　対象者はｃのＬＩＮＥに１通のみ送信：「会ってくれないなら、また家まで行く」。\n"
            "ｃは「怖い」と話す。命令後の接触はこの１回のみ確認。", incident_date="2024-05-12")
    assert best(a, "2-1-3") == "satisfied"
    assert a["offenses"]["art20"]["status"] == "satisfied" and a["offenses"]["art19"]["status"] == "undetermined"


def test_a_visit_on_agreed_terms_is_no_oshikake():
    a = run("相談記録（令和3年4月）\n相談者：Ｄ'（女・39）　元夫：Ｅ'（41）\n"
            "離婚調停で月2回の面会交流が合意されており、Ｅ'は3月に2回、合意どおりの日時にＤ'宅へ長男を迎えに来た。\n"
            "Ｄ'「元夫の顔を見るのが嫌なだけで、困ったことはされていない」")
    assert best(a, "2-1-1:oshikake") == "not_satisfied" and a["offenses"]["art18"]["status"] == "not_satisfied"


def test_sharing_set_up_by_both_while_together_is_consent_open_after_the_breakup():
    a = run("相談メモ（R4.7.21）\n相談者Ｎ（23）と相手方Ｏ（24）は交際中の令和3年に、互いのスマホで位置情報共有アプリを設定し合った。"
            "令和4年5月に別れた。Ｏは6月以降もアプリでＮの現在地を頻繁に見ていた。")
    assert best(a, "2-3-1") == "undetermined"


def test_what_the_one_answering_said_is_hers():
    a = run("面接記録（令和元年11月）\n問　来ることを断っていましたか。\n答　別れたあと、飲み会で会ったときに「また話そうね」と言ったかもしれません。\n"
            "（相談者Ｑ'（女・24）、Ｐ'（男・26）は元交際相手）")
    assert not [x for x in a["acts"] if "また話そうね" in x["evidence"][0]["text"] and x["status"] == "satisfied"]


def test_a_log_of_who_wrote_to_whom_by_arrows_is_his_series_after_her_refusal():
    a = run("【ＬＩＮＥ受信一覧（相談者Ａ子のスマートフォン、相手方Ｂから）】\n"
            "・令和６年３月１日　相談者→Ｂ「お付き合いはできません。連絡は控えてください」\n"
            "・３月２日〜３月３１日　Ｂ→相談者　計約７０件（「おはようございます」「いつかお茶だけでも」等）\n"
            "・脅迫的・性的な内容はない。\n（相談者は母親に付き添われて来署。相談者本人の受け止めは聴取未了。）", incident_date="2024-03-31")
    series = acts(a, "2-1-5")
    assert [x["status"] for x in series] == ["satisfied"] and series[0]["date"] == "2024-03-02/2024-03-31"
    assert not acts(a, "2-1-3")   # her words to him are no demand of his
    # coming to the police with her mother is no sign of fear: whether the messages frightened her is open
    assert a["elements"]["anxiety_method"]["status"] == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_an_email_log_by_arrows_before_2017_counts_without_fear():
    a = run("相談者Ｃ子（３５歳）が持参した電子メールの受信記録（平成２７年）\n・５月２日　相談者→Ｄ「今後一切メールしないでください」\n"
            "・５月３日〜６月３０日　Ｄ→相談者　計１７４通\n相手方Ｄ（４０歳）は、相談者が平成２６年まで交際していた男性。相談者は告訴した。",
            incident_date="2015-06-30")
    assert best(a, "2-1-5") == "satisfied"
    assert a["offenses"]["art18"]["status"] == "satisfied"


_CALLS = ("生活安全課メモ（着信履歴の確認）　令和５年３月１０日\n相談者：Ｑ美（３１）　相手方：元夫Ｒ（３５）\n"
          "相談者は２月１日、Ｒに「今後一切電話しないで」と伝えた。相談者の携帯の履歴は以下のとおり。\n"
          "| 年月日 | 時間帯 | 発信者 | 備考 |\n|---|---|---|---|\n"
          "| 2023/2/3 | 22時台 | Ｒ | 5回 |\n"
          "| 2023/2/4 | 深夜 | 〃 | 7回 |\n"
          "| 2023/2/6 | 23時台 | 公衆電話 | 3回 |\n"
          "| 2023/2/8 | 21時台 | Ｒ | 出ると無言、2回 |\n")


def test_a_call_log_table_counts_his_rows_and_leaves_withheld_calls_out():
    a = run(_CALLS, incident_date="2023-03-10")
    calls = [x for x in acts(a, "2-1-5") if x["status"] == "satisfied"]
    # his rows: 5 + 7 (〃 repeats him); the public phone's 3 calls are nobody's yet; the silent ones apart
    phone = [x for x in calls if "12回" in x["reasoning"]]
    assert phone and phone[0]["date"] == "2023-02-03/2023-02-04"
    assert phone[0]["evidence"][0]["text"].startswith("2023/2/3")
    assert any("無言電話" in x["reasoning"] for x in calls)
    assert a["elements"]["repetition"]["status"] == "satisfied"


def test_a_call_log_whose_caller_nobody_tied_to_him_leaves_who_called_open():
    a = run(_CALLS.replace("| Ｒ |", "| 080-××××-5678 |").replace("| 〃 |", "| 同上 |"), incident_date="2023-03-10")
    assert best(a, "2-1-5") == "undetermined"
    assert a["offenses"]["art18"]["status"] != "satisfied"


def test_a_call_from_her_mother_in_the_log_is_nobodys_act():
    a = run(_CALLS.replace("| 2023/2/6 | 23時台 | 公衆電話 | 3回 |", "| 2023/2/6 | 23時台 | 相談者の母 | 3回 |"),
            incident_date="2023-03-10")
    assert not [x for x in acts(a, "2-1-5") if "2023/2/6" in x["evidence"][0]["text"]]


def test_a_call_log_told_line_by_line_counts_her_former_partners_silent_calls():
    a = run("通話記録（相談者Ｒ男・３１歳の携帯電話、通信事業者回答による）\n"
            "発信元：Ｓ子（２９歳）の携帯電話　※Ｓ子は相談者の元交際相手。\n"
            "・令和７年２月３日　２３:０２　通話３０秒　（無言）\n・同月５日　２３:４０　通話１分　（無言）\n"
            "・同月７日　０:１５　不在着信\n・同月９日　２３:５８　通話４５秒　（無言）\n相談者は「気味が悪い」と述べている。")
    silent = [x for x in acts(a, "2-1-5") if x["status"] == "satisfied"]
    assert silent and silent[0]["date"] == "2025-02-03/2025-02-09" and "無言電話" in silent[0]["reasoning"]
    assert a["elements"]["repetition"]["status"] == "satisfied"


def test_an_arrow_log_line_with_its_total_at_the_end_is_a_series_by_the_means_it_names():
    a = run("メッセージ記録（相談者Ｙ子提出、相手方Ｚ、元交際相手）\n平成２９年１月２日　Ｙ子→Ｚ「もう連絡しないでください」\n"
            "平成２９年１月５日〜２月１５日　Ｚ→Ｙ子　Facebookメッセンジャーで「戻ってきて」等　計７１件\n"
            "Ｙ子の供述：「毎日おびえていた。」")
    series = [x for x in acts(a, "2-1-5") if x["status"] == "satisfied"]
    assert series and series[0]["date"] == "2017-01-05/2017-02-15"
