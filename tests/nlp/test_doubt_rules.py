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
