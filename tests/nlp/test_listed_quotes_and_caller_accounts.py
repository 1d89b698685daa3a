"""Quotes listed before one verb (「…」「…」とＤＭが届く), a caller's own account on a 110 record, and waits at the
venue where she performs."""
from tests.helpers import acts, best, run


def test_every_quote_listed_before_the_verb_is_read_as_his_message():
    a = run("相談受理票\n相談者　Ｐ（２２歳・女性）\n相手方　Ｑ（３５歳）　ファン\n"
            "・８月１日以降、相談者のＳＮＳに「昨日は〇〇駅で降りたんだね」「今日のワンピース似合ってた」とＤＭが届く（送信者はＱのアカウント）。\n"
            "・相談者「怖い」", incident_date="2023-08-20")
    told = [x for x in acts(a, "2-1-2") if x["status"] == "satisfied"]
    assert any(x["evidence"][0]["text"] == "「昨日は〇〇駅で降りたんだね」" for x in told)


def test_a_callers_account_on_a_110_record_tells_his_acts():
    a = run("令和４年１１月５日１５時１２分受理。通報者Ｒ子（２８歳）。\n"
            "「別れた彼が、私が今いる駅前のカフェの向かいの歩道から、３０分以上ずっとこっちを見ている。怖い」。\n"
            "臨場した警察官が元交際相手Ｓ（３０歳）を確認。Ｓは「彼女が戻ってくるまで諦めない」と話した。", incident_date="2022-11-05")
    assert best(a, "2-1-1:mihari") == "satisfied"


def test_her_words_after_her_record_line_retell_and_add_no_act():
    a = run("経過記録\n相談者　Ｔ子\n相手方　Ｕ（元交際相手）\n・５月１０日　Ｕが自宅玄関前まで来て、インターホンを何度も鳴らした。\n"
            "・６月２日　Ｔ子来署。\n「インターホンを鳴らされたときは本当に怖かった」。", incident_date="2024-06-02")
    visits = [x for x in acts(a, "2-1-1:oshikake") if x["status"] == "satisfied"]
    assert visits and all(x["date"] == "2024-05-10" for x in visits)


def test_waiting_at_the_back_door_of_the_venue_she_performs_at_is_waiting_for_her():
    a = run("相談受理票\n相談者　Ｖ（２２歳・女性・アイドル）\n相手方　Ｗ（３５歳）　ファン\n"
            "・６月〜８月、ライブハウスの裏口付近で、終演後にＷが待っていたことが４回あった（マネージャー目撃）。\n・相談者「怖い」",
            incident_date="2023-08-20")
    assert best(a, "2-1-1:machibuse") == "satisfied"
