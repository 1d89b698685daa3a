"""Calls told as する-verbs, questions answered yes, and calls made to him."""
from tests.helpers import acts, best, run


def test_a_call_told_as_a_suru_verb_is_a_call():
    a = run("相談者Ａ子によると、元交際相手Ｂは、Ａ子が「もう電話しないで」と伝えた後も、１２月中にＡ子の携帯に５０回電話した。")
    calls = [x for x in acts(a, "2-1-5") if x["status"] == "satisfied"]
    assert calls and "５０回" in calls[0]["reasoning"]


def test_a_call_only_meant_is_no_call():
    a = run("相手方Ｂは「電話しようと思ったがやめた」と述べている。")
    assert not acts(a, "2-1-5")


def test_a_question_answered_yes_tells_what_it_asks():
    a = run("供述調書（被疑者Ｃ）令和６年１月２２日\n問　被害者Ｄ子から「もう電話しないで」と言われた後も、１２月中に５０回くらい電話しているが。\n"
            "答　はい。お金のことがはっきりしないので。")
    assert acts(a, "2-1-5")


def test_a_question_not_answered_yes_tells_nothing():
    a = run("供述調書（被疑者Ｃ）令和６年１月２２日\n問　被害者Ｄ子から「もう電話しないで」と言われた後も、１２月中に５０回くらい電話しているが。\n"
            "答　していません。")
    assert not [x for x in acts(a, "2-1-5") if x["status"] != "not_satisfied"]


def test_the_officers_call_to_him_is_not_his_call():
    a = run("相談者　Ｅ子　相手方　Ｆ（元婚約者）\n８月７日と１４日、Ｆの友人が保育園の前で相談者を見張っていた。\n"
            "対応　Ｆに電話し、依頼を事実と認めたため、やめるよう指導。")
    assert not acts(a, "2-1-5")


def test_calls_told_as_there_were_calls_are_calls():
    a = run("相談者Ａ子によると、Ａ子が「もうかけないで」と伝えた後も、元交際相手Ｂから電話が計１９回あった。")
    calls = [x for x in acts(a, "2-1-5") if x["status"] == "satisfied"]
    assert calls and "計１９回" in calls[0]["reasoning"]


def test_calls_from_his_mother_whom_he_may_or_may_not_have_asked_are_open():
    a = run("相談者　ａ（３０歳）\n相手方　ｂ（３３歳）　元婚約者\n"
            "相談内容　３月以降、ｂの母親から相談者の携帯電話に「息子とやり直してあげて」との電話が計１９回あり、"
            "相談者が「もうかけないでください」と言った後も続いている。ｂが母親に頼んだかどうかは分からない。")
    assert best(a, "2-1-5") == "undetermined"
    assert a["offenses"]["art18"]["status"] == "undetermined"


def test_the_count_of_an_act_he_admits_is_its_count():
    a = run("弁護人接見メモ\n・被疑者Ｐは、１２月中に同僚Ｑ子へＬＩＮＥを約４０件送ったことを認める。")
    sent = acts(a, "2-1-5")
    assert sent and sent[0]["status"] == "undetermined" and "連続した" in sent[0]["reasoning"]   # 40 sent; her refusal untold
