"""Danger and urgency (issue 15): each indicator of the re-victimisation form and each urgency cue as
present / absent / unknown with its evidence, read with the care given to acts (denials, answers,
hearsay, the officer's opinion, plans); the level and its reasons by the rules in risk_rules.yaml."""
from datetime import date

import pytest

from legalcheck import analyze
from legalcheck.facts import Facts, RiskCue, Span
from legalcheck.law import risk as risk_law
from legalcheck.law.escalation import rules, timeline

TODAY = date(2024, 5, 1)

HIGH = """【相談受理票】
１　相談者　Ａ子（２８歳、一人暮らし）
２　相手方　Ｂ（３０歳、元交際相手）
３　相談内容
・令和６年３月１日、Ａ子がＢに別れを告げたところ、Ｂは別れ話の直後から毎日のようにＬＩＮＥで「やり直したい」「別れるつもりはない」と送ってきた。
・令和６年４月５日、Ｂは相談者の自宅前で待ち伏せし、「俺から逃げたら殺す」と言った。
・Ｂが包丁を購入したと共通の友人から聞いた。
・Ｂから暴力を振るわれたことはない。
・Ａ子は「殺されるかもしれない。守ってほしい」と話している。
４　所見
Ｂは反省の色が見られず、執着が強いと思料する。
５　今後の対応
Ｂの前歴を照会する予定である。
"""

DENIED = """【聴取内容】
相談者Ｃ（４５歳）は、元夫の相手方Ｄから、令和７年１月以降、勤務先に電話を繰り返しかけられている。
（問）Ｄから暴力を振るわれたことはあるか。
（答）ありません。
Ｄが刃物などの凶器を持っているところは見たことがない。
【被疑者の弁解】
Ｄは「殺すなんて一度も言っていない」と供述している。
【今後の捜査】
Ｄの日記やメモに再犯をうかがわせる記載がないか確認する予定である。
"""

REFUGE = """【相談受理票】
相談者Ｅ（３２歳）は、令和６年１０月に元交際相手の被疑者Ｆから逃れて実家に避難した。
令和６年１１月２日、Ｆは避難先を突き止め、実家の前をうろつき、同月９日には合鍵で相談者の元の自宅に侵入した。
Ｆは「自殺してやる」とのＬＩＮＥを送ってきたらしい。
"""

NOTHING = "相談者から、隣家の住人が夜間に大声で話していて眠れないとの相談を受けた。\n"


def run(text, today=TODAY, **kw):
    return analyze(text, today=today, **kw).to_dict()


def item(a, cid):
    r = a["risk"]
    return next(i for i in r["indicators"] + r["urgency"] if i["id"] == cid)


def texts(it):
    return [e["text"] for e in it["evidence"]]


def spans_ok(text, a):
    r = a["risk"]
    for it in r["indicators"] + r["urgency"]:
        for e in it["evidence"] + [d["evidence"] for d in it["derived"] if d["evidence"]]:
            assert text[e["start"]:e["end"]] == e["text"]


def test_all_fifteen_indicators_and_the_urgency_cues_are_reported():
    a = run(HIGH)
    r = a["risk"]
    assert [i["no"] for i in r["indicators"]] == list(range(1, 16))
    assert [u["id"] for u in r["urgency"]] == ["weapon", "kill_words", "suicide", "frequency_up", "after_breakup",
                                                "location_found", "intrusion"]
    assert {i["status"] for i in r["indicators"] + r["urgency"]} <= {"present", "absent", "unknown"}
    spans_ok(HIGH, a)


def test_direct_words_hearsay_denial_and_opinion():
    a = run(HIGH)
    kill = item(a, "kill_words")
    assert kill["status"] == "present" and texts(kill) == ["殺す"]   # 「殺されるかもしれない」 is her fear, not his words
    weapon = item(a, "weapon")
    assert weapon["status"] == "unknown" and weapon["basis"] == "not_ruled_out"
    assert weapon["hedges"] == ["伝聞又は推測として記載"] and texts(weapon)[0].startswith("包丁を購入した")
    violent = item(a, "violent")
    assert violent["status"] == "absent" and texts(violent) == ["暴力を振るわれたことはない"]
    assert violent["question"] is None
    remorse = item(a, "no_remorse")   # only the officer's opinion: not established, not ruled out
    assert remorse["status"] == "unknown" and remorse["basis"] == "not_ruled_out"
    assert remorse["hedges"] == ["捜査員の所見（推測）"] and texts(remorse) == ["反省の色が見られず"]
    fear = item(a, "strong_fear")
    assert fear["status"] == "present" and texts(fear) == ["殺されるかもしれない", "守ってほしい"]
    assert item(a, "low_resistance")["status"] == "present" and texts(item(a, "low_resistance")) == ["一人暮らし"]
    assert item(a, "after_breakup")["status"] == "present"
    assert item(a, "fixation")["status"] == "present" and texts(item(a, "fixation")) == ["別れるつもりはない"]
    # a plan (「前歴を照会する予定」) tells nothing: the question stays
    prior = item(a, "prior_record")
    assert prior["status"] == "unknown" and prior["basis"] == "not_told" and prior["question"]


def test_acts_at_her_home_tell_that_he_knows_the_address():
    a = run(HIGH)
    knows = item(a, "knows_address")
    assert knows["status"] == "present"
    assert knows["derived"][0]["evidence"]["text"] == "相談者の自宅前で待ち伏せし"


def test_level_high_with_its_reasons():
    a = run(HIGH)
    r = a["risk"]
    assert r["level"] == "高"
    ids = [x["id"] for x in r["reasons"]]
    assert ids == ["weapon", "kill_words", "after_breakup"]
    assert r["reasons"][0]["text"] == "凶器の所持や購入: 否定できない（伝聞又は推測として記載）"
    assert "violent" not in ids   # denied
    assert "加害者が刃物等の凶器を所持・購入し、又は見せたことがあるか" in r["questions"]


def test_a_question_answered_yes():
    text = DENIED.replace("（答）ありません。", "（答）はい、去年一度殴られました。")
    violent = item(run(text, today=date(2025, 3, 1)), "violent")
    assert violent["status"] == "present" and texts(violent) == ["暴力を振る", "殴られました"]


def test_answers_denials_and_the_suspects_own_denial():
    a = run(DENIED, today=date(2025, 3, 1))
    violent = item(a, "violent")
    assert violent["status"] == "absent" and texts(violent) == ["暴力を振る"]   # the question answered 「ありません」
    assert item(a, "weapon")["status"] == "absent"
    kill = item(a, "kill_words")   # only the suspect denies it: neither established nor ruled out
    assert kill["status"] == "unknown" and kill["basis"] == "denial_unconfirmed"
    assert kill["hedges"] == ["被疑者の否認（裏付けなし）"]
    assert item(a, "notes_diary")["basis"] == "not_told"   # 今後の捜査 is a plan
    r = a["risk"]
    assert r["level"] == "中" and [x["id"] for x in r["reasons"]] == ["stage:contact"]
    assert a["escalation"]["highest_stage"] == "contact"   # the denied 暴力 marks no violence


def test_refuge_found_intrusion_and_hearsay_suicide():
    a = run(REFUGE, today=date(2024, 12, 1))
    suicide = item(a, "suicide")
    assert suicide["status"] == "unknown" and suicide["basis"] == "not_ruled_out" and texts(suicide) == ["自殺してやる"]
    assert item(a, "kill_words")["basis"] == "not_told"   # 「自殺してやる」 is no threat to kill her
    loc = item(a, "location_found")
    assert loc["status"] == "present" and texts(loc) == ["避難先を突き止め"]
    assert item(a, "intrusion")["status"] == "present"
    r = a["risk"]
    assert r["level"] == "高"
    assert {"suicide", "location_found", "intrusion", "stage:intrusion_violence"} <= {x["id"] for x in r["reasons"]}
    spans_ok(REFUGE, a)


def test_nothing_told_is_to_be_confirmed_not_low():
    a = run(NOTHING)
    r = a["risk"]
    assert r["level"] == "要確認" and r["reasons"] == []
    assert all(i["status"] == "unknown" and i["basis"] == "not_told" for i in r["indicators"] + r["urgency"])
    assert len(r["questions"]) == 22
    assert item(a, "strong_fear")["status"] == "unknown"   # 「眠れない」 with no conduct to fear


@pytest.mark.parametrize("sentence, status", [
    ("被疑者Ｇは「二度としない、反省している」と謝罪した。", "absent"),
    ("被疑者Ｇに反省している様子はない。", "present"),
    ("被疑者Ｇは被害者に謝罪を求めるメールを送った。", "unknown"),   # his demand for an apology tells nothing
])
def test_remorse_is_read_the_other_way_round(sentence, status):
    text = "【相談内容】\n令和６年２月１日、被疑者Ｇは元交際相手の相談者Ｈの自宅に押し掛けた。\n" + sentence + "\n"
    assert item(run(text), "no_remorse")["status"] == status


# ------------------------------------------------------------ the law layer alone, on hand-built facts

def _facts(*cues):
    text = "ＸＸＸＸＸＸＸＸＸＸ"
    return Facts(narrative=text, risk_cues=[RiskCue(cid, Span(0, 2, text[:2]), negated=neg, hedged=hedged,
                                                    hedge_text="伝聞又は推測として記載" if hedged else None)
                                            for cid, neg, hedged in cues])


def _assess(facts):
    return risk_law.assess(facts, [], [], [], timeline([], [], [], TODAY, facts))


def test_what_cannot_be_ruled_out_counts_toward_the_higher_level():
    assert _assess(_facts(("weapon", False, True)))["level"] == "高"      # reported only
    assert _assess(_facts(("weapon", False, False)))["level"] == "高"     # told
    assert _assess(_facts(("weapon", True, False)))["level"] == "要確認"  # denied
    unconfirmed = _assess(_facts(("weapon", True, True)))
    assert unconfirmed["level"] == "要確認" and unconfirmed["urgency"][0]["basis"] == "denial_unconfirmed"
    assert _assess(_facts(("hatred", False, True)))["level"] == "中"
    assert _assess(_facts())["level"] == "要確認"


def test_the_rules_are_data():
    r = rules()
    assert [lv["level"] for lv in r["levels"]] == ["高", "中", "要確認"]
    assert all(i["question"] for i in r["indicators"] + r["urgency"])
    named = {cid for lv in r["levels"] for c in lv["any"] for cid in c.get("not_ruled_out", [])}
    assert named == {i["id"] for i in r["indicators"] + r["urgency"]}   # every sign counts toward some level


TAG_2024 = """【相談内容】
相談者Ｊ（３４歳）は、令和６年８月、別居中の夫Ｋに転居先を伝えずに子と避難していた。
令和６年９月１日、子のリュックの中に紛失防止タグ（エアタグ）が入っているのを見つけた。
Ｋはこのタグで相談者の居場所を調べていたとみられる。
"""


def test_conduct_the_law_did_not_cover_yet_is_still_a_danger():
    a = run(TAG_2024, today=date(2024, 10, 1))
    assert all(x["status"] == "not_satisfied" for x in a["acts"] if x["category"].startswith("2-3"))
    assert any(e["uncovered"] for e in a["escalation"]["events"])
    loc = item(a, "location_found")
    assert loc["status"] == "present" and loc["evidence"] == []   # 「転居先を伝えずに」 is not his finding it
    assert loc["derived"][0]["reason"] == "紛失防止タグ等による位置情報の無承諾取得"
    assert [e["text"] for e in loc["also_reported"]] == ["居場所を調べていたとみられる"]
    assert a["risk"]["level"] == "高"


def test_her_own_notes_are_not_his_diary():
    text = ("【相談内容】\n相談者Ｌは、令和６年６月以降、元交際相手の被疑者Ｍから無言電話を繰り返し受け、着信の日時をメモに記録している。\n"
            "被疑者Ｍの手帳には「次は家に行く」と書かれていた。\n")
    notes = item(run(text, today=date(2024, 8, 1)), "notes_diary")
    assert notes["status"] == "present" and texts(notes) == ["手帳には"]
