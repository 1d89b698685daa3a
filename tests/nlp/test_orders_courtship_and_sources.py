"""Purpose from a prior order or a courtship, who sent what (Ｘからは…送られてきた), and whose doubt is only a fear."""
from tests.helpers import acts, best, run


def test_conduct_after_a_prohibition_order_presumes_the_purpose_the_order_rested_on():
    a = run("引継ぎ簿　R3.9.2\n・禁止命令対象者Ｐ（R3.6.1 公安委員会 禁止命令、被害者Ｑ子）\n"
            "・9/1 22:40 Ｐ名義の携帯からＱ子の携帯へ着信が計１２回。Ｑ子が出ると無言で切断。\n"
            "・Ｑ子「まだ諦めていないのかと思うと怖い」", incident_date="2021-09-01")
    assert a["elements"]["purpose"]["status"] == "satisfied"
    assert "禁止命令等" in a["elements"]["purpose"]["reasoning"]
    assert best(a, "2-1-5") == "satisfied" and a["offenses"]["art20"]["status"] == "satisfied"


def test_without_an_order_the_same_calls_leave_the_purpose_open():
    a = run("引継ぎ簿　R3.9.2\n・相手方Ｐ（近所の男性）\n"
            "・9/1 22:40 Ｐ名義の携帯からＱ子の携帯へ着信が計１２回。Ｑ子が出ると無言で切断。\n"
            "・Ｑ子「怖い」", incident_date="2021-09-01")
    assert a["elements"]["purpose"]["status"] == "undetermined"


def test_the_named_subject_of_an_order_beside_her_label_is_the_suspect():
    a = run("警告・禁止命令等の経過記録（対象者：ＥＦ　被害者：ＧＨ子）\n令和５年２月１日　禁止命令等（公安委員会）。\n"
            "令和５年３月４日〜３月２５日　ＥＦ、ＧＨ子の勤務先前で計３回待ち伏せし、「ずっと好きだ」と繰り返す。ＧＨ子「怖い」。",
            incident_date="2023-03-25")
    assert best(a, "2-1-1:machibuse") == "satisfied"
    assert a["elements"]["purpose"]["status"] == "satisfied" and a["offenses"]["art19"]["status"] == "satisfied"


def test_a_refused_contact_note_is_courtship():
    a = run("報告　２０２２年１１月３０日（〇〇書店　店長）\n相談者（当店の女性店員）について、常連客の男性Ｋ（氏名は警察で把握済み）が、１０月に相談者へ連絡先を書いたメモを渡し、"
            "相談者ははっきり断った。その後Ｋは、１１月５日、１２日、１９日、２６日の各夜、閉店後に相談者が通る店舗裏の通用口付近で待っていた。"
            "相談者は「怖くて遅番に入れない」と話している。", incident_date="2022-11-26")
    assert a["elements"]["purpose"]["status"] == "satisfied"
    assert a["offenses"]["art18"]["status"] == "satisfied"


def test_a_former_partner_persisting_is_presumed_despite_his_mothers_words():
    a = run("相談記録　R5.6.2\n相談者　Ｍ（女性・29）　相手方　Ｎ（男性・31、元交際相手）\n"
            "・5/14、5/21　Ｎが、Ｍの住むマンションのエントランス前でＭの帰宅を待ち構え、「話を聞いてくれないなら何するかわからない」と言った。\n"
            "・5月中、Ｎの母親からＭに「息子とやり直してほしい」との電話が3回あった。\n・Ｍ「Ｎが怖い」", incident_date="2023-05-21")
    assert a["elements"]["purpose"]["status"] == "satisfied"
    assert a["offenses"]["art18"]["status"] == "satisfied"


def test_his_messages_received_from_him_are_his_not_hers():
    a = run("相談受理票\n相談者　甲山（２８歳）\n相手方　乙川（３０歳）元婚約者\n"
            "乙川本人からは、７月上旬にＬＩＮＥで「俺は諦めてない」と２回送られてきた。", incident_date="2022-07-10")
    sent = acts(a, "2-1-5")
    assert sent and all("被害者（相談者）自身の行為" not in x["reasoning"] for x in sent)


def test_his_mothers_calls_on_busy_days_are_hers_and_whether_he_told_her_to_is_open():
    a = run("相談受理票\n相談者　Ａ（２８歳）\n相手方　乙川（３０歳）元婚約者\n"
            "８月１日頃から、乙川の母親が相談者の携帯電話に、多い日で１日１０回以上電話をかけてくるようになった。"
            "相談者は「もう電話しないでください」と伝えたが、その後も着信は続いた。\n【所見】\n母親の行為について、相手方乙川の指示・共謀の有無は現時点で不明。",
            incident_date="2022-08-31")
    calls = acts(a, "2-1-5")
    assert calls and all(x["status"] == "undetermined" for x in calls)
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_her_refusal_told_to_him_by_her_is_a_refusal():
    a = run("被疑者Ｂは、３月１日、被害者Ａから「もう連絡しないで」と言われていたが、その後も３月中に電話を２０回かけた。Ａ「怖い」",
            incident_date="2023-03-31")
    assert best(a, "2-1-5") == "satisfied"


def test_her_fear_of_who_may_come_is_no_doubt_of_who_did_it():
    a = run("捜査報告書（令和６年４月１８日）\n1　被疑者 s（32、元交際相手）は、3月10日に被害者 t から「連絡しないで」と告げられた後、"
            "3月11日から4月15日までの間、t のＬＩＮＥに計約70件送信。内容「見てるからな」「逃げても無駄」。\n"
            "2　t「誰が来るか分からず怖い」。", incident_date="2024-04-15")
    assert best(a, "2-1-5") == "satisfied"
    assert a["offenses"]["art18"]["status"] == "satisfied"


def test_an_anonymous_sender_keeps_the_suspects_purpose_open():
    a = run("捜査報告書\n被疑者として申告された者　Ｂ（女性）\n"
            "令和７年３月から５月までの間、Ａの勤務先に花束が計６回届いた。いずれも差出人欄は空白で、「いつもあなたを見ています」とのカードが添えられていた。"
            "Ａは、以前Ｂから連絡先を渡されたが受け取らなかった。Ａ「気味が悪い」。\n所見　Ｂによる行為と推認されるが、特定には至っていない。",
            incident_date="2025-05-31")
    assert best(a, "2-1-2") == "undetermined"
    assert a["elements"]["purpose"]["status"] == "undetermined"


def test_a_sender_found_to_be_someone_else_makes_the_messages_theirs():
    a = run("捜査報告書\n１　被害者Ｐ子は、元交際相手Ｑによるストーカー被害を訴えている。\n"
            "２　１月１０日夜、被害者の勤務先の出口でＱが待ち、「少し話したい」と言った。被害者は「怖くはなかった」。\n"
            "３　１月中旬から２月上旬、被害者のＸ（旧Twitter）に「Ｑに近づくな」「殺すぞ」とのＤＭが別アカウントから計２０件届いた。"
            "捜査の結果、送信者はＱの現在の交際相手Ｒ子（２５歳）であり、Ｒ子は「自分一人でやった」と供述した。", incident_date="2024-02-10")
    threats = acts(a, "2-1-4")
    assert threats and all(x["status"] == "not_satisfied" for x in threats)
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_a_visit_she_called_him_to_is_no_oshikake():
    a = run("相談受理票\n相談者　Ａ子（２９歳）\n相手方　Ｂ（３１歳）　元交際相手\n"
            "・相談者は別れた後、自分からＢにＬＩＮＥで「荷物を取りに来て」と連絡した。\n"
            "・Ｂは１月１５日と同月２９日、相談者に呼ばれて相談者方を訪問し、玄関先で荷物を受け取って帰った。\n"
            "相談者は「Ｂが来ると不安になる」と話している。", incident_date="2023-01-29")
    assert best(a, "2-1-1:oshikake") == "not_satisfied"
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_an_officer_who_cannot_yet_judge_the_purpose_leaves_it_open():
    base = ("相談受理票\n相談者　Ｃ子（４３歳・会社代表）\n相手方　Ｄ（４６歳）　元共同経営者、元交際相手\n"
            "・４月１４日、５月１２日、６月２３日、Ｄが会社の事務所に来て「Ｃ子を出せ」と怒鳴った。Ｃ子「怖い」。\n所見　")
    for remark in ("恋愛感情等充足目的の有無は現時点で判断できない。",
                   "相手方の目的が相談者への好意にあるのか株式の紛争によるものかは今後の聴取による。"):
        a = run(base + remark, incident_date="2025-06-23")
        assert a["elements"]["purpose"]["status"] == "undetermined", remark
        assert a["offenses"]["art18"]["status"] == "undetermined", remark


def test_a_suspect_only_suspected_and_a_writer_not_identified_leave_the_notes_open():
    a = run("相談受理票\n相談者：Ｅ子（２７歳）\n相手方（相談者が疑う者）：Ｆ（３０歳）　元交際相手\n"
            "７月から９月までの間に４回、相談者の車のワイパーにメモが挟まれていた。「髪切ったね」「ずっと見てるよ」。\n"
            "メモに署名はない。相談者「怖い」。\n所見　書いた者は特定されておらず、Ｆによるものかは不明である。", incident_date="2025-09-05")
    assert best(a, "2-1-2") == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_whether_he_likes_her_is_not_known_is_no_denial_of_it():
    a = run("生安課メモ　令和７年５月\n・相談者Ｐ（３５・女性）宅周辺を、４月中に少なくとも５回、夜間に近所に住むＱ（５８）がうろついているのを相談者及び隣人が目撃。\n"
            "・相談者は「怖い」と話す。\n・Ｑが相談者に好意を持っているかどうかを示す事情は現時点で把握していない。", incident_date="2025-04-30")
    assert a["elements"]["purpose"]["status"] == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_a_relationship_he_tells_as_past_is_a_break_up_not_his_feeling_now():
    a = run("供述調書（被疑者）　令和５年３月１６日\n被疑者　Ｒ（３６）\n問　Ｓ子さんとはどういう関係か。\n"
            "答　以前少し付き合いましたが、去年の秋に自然に終わりました。今は何とも思っていません。", incident_date="2023-03-16")
    assert a["elements"]["purpose"]["status"] != "satisfied"


def test_her_refusal_from_her_named_with_her_age_is_a_refusal():
    a = run("捜査報告書　平成２５年９月１０日\n被疑者Ｐ（３８）は、交際を断った元同僚Ｑ子（３０）から８月１日に「メールを送らないでください」と言われた後も、"
            "８月２日から９月５日までの間、「会いたいです」等の丁寧なメールを計約１２０通送信した。Ｑ子は９月６日に告訴した。", incident_date="2013-09-05")
    assert best(a, "2-1-5") == "satisfied" and a["offenses"]["art18"]["status"] == "satisfied"


def test_replies_from_an_anonymous_account_are_not_hers():
    a = run("相談受理票　令和６年６月３日\n相談者Ｒ（３０・女性・美容師）　相手方Ｓ（３２・元交際相手）\n"
            "相談内容　５月から、ＳＮＳの匿名アカウントが相談者の勤務する美容室のアカウントに「この店のＲは客の金を盗む」と７回返信している。"
            "相談者は「書き方がＳに似ている」と話すが、アカウントの持ち主は特定されていない。", incident_date="2024-06-03")
    assert best(a, "2-1-7") == "undetermined"


def test_a_call_to_come_back_to_the_job_she_quit_is_no_sign_of_affection():
    a = run("相談者Ａ子（２６歳）は令和６年９月末に〇〇工務店を退職した。\n社長Ｂ（５８歳）は「急に辞められて現場が回らない」と怒り、"
            "１０月中に相談者方へ３回来て、玄関先で「戻ってこい、辞めるなら損害を払え」と大声で迫った。\n"
            "相談者と社長の間に私的な交際や、社長から好意を示されたことはないという。相談者は「また来るのではと怖い」と話す。", incident_date="2024-10-31")
    assert a["elements"]["purpose"]["status"] == "not_satisfied"
    assert a["offenses"]["art18"]["status"] == "not_satisfied"


def test_letters_demanding_to_see_the_child_leave_an_ex_husbands_purpose_open():
    a = run("供述調書（被害者Ａ子、３６歳）　令和４年２月１４日\n問　手紙はいつ頃届いたか。\n"
            "答　令和３年の５月か６月頃です。２週間くらいの間に８通くらい、元夫のＢから郵便で届きました。\n"
            "問　それより前に、手紙をやめるように伝えたか。\n答　はい、最初の１通が来たときに「手紙は送らないで」と伝えました。\n"
            "問　内容は。\n答　「お前を許さない」「子どもに会わせないなら覚悟しろ」という内容でした。", incident_date="2021-06-30")
    assert best(a, "2-1-5") == "undetermined"   # 5月か6月: before or after letters entered 5号 (2021-06-15)
    assert a["elements"]["purpose"]["status"] == "undetermined"
    # an ex-boyfriend asking her mother to let him see her daughter is no custody matter
    b = run("供述調書　令和５年２月２０日\n供述人　Ｃ代（６１・被害者Ｄ子の母、同居）\n問　Ｅから何があったか。\n"
            "答　娘と別れたＥから、１月１０日以降、自宅の固定電話に毎日のように電話があります。「Ｄ子に会わせてください」と言います。"
            "１月１２日に「もう電話しないで」とはっきり断りました。", incident_date="2023-02-20")
    assert b["elements"]["purpose"]["status"] == "satisfied"
