"""School memos' role words, invitations refused, a motive told under its own heading, a relation a
question presupposes."""
from tests.helpers import acts, best, run


def test_school_memo_roles_name_the_parties_and_blocking_her_way_is_tachifusagari():
    a = run("【生徒指導メモ】令和５年１１月２日\n被害児童：ｍ美（１４・中２）　加害生徒：ｎ（１５・同校中３）\n"
            "・ｍ美は１０月にｎから告白されたが断った。\n"
            "・１０月２０日と２７日、ｎは下校中のｍ美の前に立ち、「返事を変えるまで帰さない」と言って道をふさいだ。"
            "ｍ美は怖くて一人で帰れなくなった。")
    block = [x for x in acts(a, "2-1-1:tachifusagari") if x["status"] == "satisfied"]
    assert block and block[0]["evidence"][0]["text"].endswith("道をふさいだ")
    assert a["elements"]["purpose"]["status"] == "satisfied"
    assert a["offenses"]["art18"]["status"] == "satisfied"


def test_an_invitation_she_turned_down_tells_his_affection():
    a = run("相談受理票　令和６年５月８日\n相談者　ｑ（２６・書店員）　相手方　ｒ（３４・常連客）\n"
            "相手方から４月に「今度お茶でもどうですか」と誘われたが断った。その後４月１５日、２２日、２９日の閉店時、"
            "店の裏口の前で相談者が出てくるのを待っていた。相談者は「帰り道が怖い」と話す。")
    assert a["elements"]["purpose"]["status"] == "satisfied"
    assert "お茶でも" in a["elements"]["purpose"]["reasoning"]


def test_his_motive_quoted_under_a_motive_heading_is_his_statement_not_words_to_her():
    text = ("捜査報告書\n第１　被疑者　ｃ（４１）　被害者　ｄ子（３５）\n第２　事実\n"
            "　１　令和４年３月２日から同月２０日までの間、ｄ子方前の路上に車を止め、ｄ子の部屋の窓を見ていた（計６回）。\n"
            "第３　動機　「別れを切り出されて、新しい相手がいるのか知りたかった」\n第４　ｄ子は「カーテンを開けられない」と話す。")
    a = run(text)
    assert a["elements"]["purpose"]["status"] == "satisfied"
    # his words to the police are no demand or threat of his to her
    assert not acts(a, "2-1-3") and not acts(a, "2-1-4")


def test_a_relation_named_in_an_officers_question_is_the_relation():
    a = run("供述調書（参考人Ｇ、３０歳）\n問　Ｈさん（Ｉの元交際相手）に何をしたのか。\n"
            "答　Ｉに頼まれて、令和５年２月３日と１０日の夜、Ｈさんのアパートの前で待ち、出てきたＨさんに手紙を渡そうとしました。\n"
            "（参考）Ｉ自身も２月中、Ｈに「会え」とのメッセージを連日送っており、Ｈは２月１日に「連絡しないで」と返信していた。")
    assert a["elements"]["purpose"]["status"] == "satisfied"


def test_a_former_affair_partner_is_a_relationship_that_ended():
    a = run("相談者Ｊ子（３９）によると、元不倫相手のＫ（５０）が、令和６年１月から２月にかけて、"
            "Ｊ子方に深夜５回押し掛け、玄関ドアを叩いた。Ｊ子は「怖くて眠れない」と話す。")
    assert a["elements"]["purpose"]["status"] == "satisfied"
