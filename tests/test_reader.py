"""The reading layer: whole intake-style narratives in, exact facts out (kinds, actors, places, devices,
dates, counts, negation, hedging, spans in the caller's offsets)."""
from datetime import date

import pytest

from legalcheck.nlp.reader import read_facts

INTAKE = """【相談受理票】
相談者（被害者）Ａ子（３１歳・会社員）は、元交際相手の被疑者甲（３５歳）と令和６年１月に別れた。
・同年２月上旬から、甲はＡ子の自宅マンション前で何度も待ちぶせし、Ａ子が出勤すると駅まで後をつけてきた。
・２月２０日夜、甲はＡ子方に押しかけ、ドアを叩いたり、インターホンを鳴らしたりした。
・甲は「見張りはしていない」と話しているが、近隣住民によると、甲がマンション前の路上に止めた車の中からＡ子の部屋の窓をみはっていたらしい。
・Ａ子の車からＧＰＳ発信機は見つからなかった。
・Ａ子の母親が甲に電話で抗議した。
Ａ子は「怖くて眠れない」と話している。
"""


def acts_of(facts, subtype=None, category=None):
    return [a for a in facts.acts if (subtype is None or a.subtype == subtype)
            and (category is None or a.category == category)]


@pytest.fixture(scope="module")
def intake():
    return read_facts(INTAKE)


def test_every_span_is_the_callers_text(intake):
    for a in intake.acts:
        assert INTAKE[a.evidence.start:a.evidence.end] == a.evidence.text
        assert INTAKE[a.clause.start:a.clause.end] == a.clause.text
    for cue in intake.motives + intake.fears + intake.refusals:
        assert INTAKE[cue.evidence.start:cue.evidence.end] == cue.evidence.text


def test_spelling_variants_and_places(intake):
    (m,) = acts_of(intake, "machibuse")
    assert m.evidence.text == "Ａ子の自宅マンション前で何度も待ちぶせし"
    assert (m.actor, m.place, m.place_owner, m.count) == ("suspect", "home", "victim", 2)
    assert (m.date.earliest, m.date.latest) == (date(2024, 2, 1), date(2024, 2, 20))
    (t,) = acts_of(intake, "tsukimatoi")
    assert t.evidence.text == "出勤すると駅まで後をつけてきた"
    visits = acts_of(intake, "oshikake")
    assert [v.evidence.text for v in visits] == ["Ａ子方に押しかけ", "ドアを叩いたり", "インターホンを鳴らしたりした"]
    assert all(v.date.earliest == v.date.latest == date(2024, 2, 20) for v in visits)
    assert len({v.occasion for v in visits}) == 1   # one evening, one occasion


def test_denial_and_hearsay(intake):
    watch = acts_of(intake, "mihari")
    denied = [w for w in watch if w.negated]
    heard = [w for w in watch if w.hedged]
    assert [w.evidence.text for w in denied] == ["見張り"] and denied[0].admitted
    assert heard[0].evidence.text == "車の中からＡ子の部屋の窓をみはっていたらしい"
    assert heard[0].hedge_text == "らしい" and not heard[0].negated


def test_a_device_not_found_and_a_relatives_call_are_not_acts(intake):
    assert acts_of(intake, category="2-3-3") == [] and acts_of(intake, category="2-3-1") == []
    assert acts_of(intake, category="2-1-5") == []


def test_victims_words_are_fear_not_acts(intake):
    assert [c.label for c in intake.fears] == ["怖", "眠れ"]
    assert {c.kind for c in intake.motives} == {"breakup"}


def test_passive_gps_and_admission():
    text = ("被害者Ｂ子（２６歳）によると、令和５年５月１０日頃、元夫の被疑者乙にＧＰＳ機器を車に取り付けられたと思う。\n"
            "乙は「５月末まで自宅でスマホから位置を何度も見た」と供述している。")
    f = read_facts(text)
    (attach,) = acts_of(f, category="2-3-3")
    assert attach.actor == "suspect" and attach.device == "gps" and attach.hedge_text == "と思う"
    reads = acts_of(f, category="2-3-1")
    assert reads and reads[0].admitted and reads[0].device == "gps" and reads[0].count == 2
    assert reads[0].remote and not reads[0].hedged


def test_tag_words_and_victims_own_visit():
    text = ("相談者Ｃ子は令和８年１月１０日、被疑者丙の自宅へ荷物を取りに行った。\n"
            "同月２０日、Ｃ子のバッグからエアタグが見つかり、丙は「１月１２日にバッグへ入れ、AirTagの位置を毎日確認した」と認めた。")
    f = read_facts(text)
    assert [a.actor for a in acts_of(f, "oshikake")] == ["victim"]
    (attach,) = [a for a in acts_of(f, category="2-3-3") if a.admitted]
    assert attach.device == "tag" and attach.date.earliest == date(2026, 1, 12)
    (read,) = acts_of(f, category="2-3-2")
    assert read.device == "tag" and read.count == 2


def test_messages_refusal_and_counts():
    text = ("・被疑者：丁（４０歳）、相談者の元同僚\n"
            "・相談者（２９歳・女性）は令和４年６月、丁に「もう連絡しないで」と伝えた。\n"
            "・丁は同年７月１日から同月３１日までの間、相談者の携帯電話にＬＩＮＥで五十回位メッセージを送信したほか、無言電話を数十回かけた。")
    f = read_facts(text)
    msgs = acts_of(f, category="2-1-5")
    means = {a.means: a for a in msgs}
    assert set(means) == {"sns", "silent_call"}
    assert means["sns"].count == 50 and means["silent_call"].count == 20
    assert means["sns"].date.earliest == date(2022, 7, 1) and means["sns"].date.latest == date(2022, 7, 31)
    assert [c.kind for c in f.refusals if c.kind == "refusal_contact"] == ["refusal_contact"]


def test_たり_list_and_nominalised_negation():
    text = ("被疑者の男は、令和５年３月中に三回、相談者の勤務先の前で待ち伏せした。"
            "男が相談者方に来たり、インターホンを鳴らしたりしたことはなく、復縁を求める文言や脅す文言もない。")
    f = read_facts(text)
    assert [a.negated for a in acts_of(f, "machibuse")] == [False]
    assert all(a.negated for a in acts_of(f, "oshikake"))
    assert all(a.negated for a in acts_of(f, category="2-1-3"))


def test_money_dispute_motive_and_close_relation():
    text = ("相談者Ｄ（５０歳男性）は元同僚のＥに貸した金の返済を求めている。恋愛関係や好意をうかがわせる事情はない。\n"
            "Ｅは令和６年６月以降、Ｄの長女の通う高校の校門前で何度も待ち伏せした。")
    f = read_facts(text)
    kinds = {m.kind for m in f.motives}
    assert "no_romance" in kinds and "money" in kinds and "romance" not in kinds
    (m,) = acts_of(f, "machibuse")
    assert m.actor == "suspect" and m.object_role == "close"


def test_prior_order_in_the_text():
    text = ("令和５年２月１０日、公安委員会は被疑者Ｆに対し禁止命令を発した。"
            "Ｆは同年３月４日と１１日、被害者Ｇ子の自宅前で待ち伏せした。")
    f = read_facts(text)
    (order,) = f.measures
    assert order.kind == "prohibition_order" and order.date.earliest == date(2023, 2, 10) and not order.after_acts
    (m,) = acts_of(f, "machibuse")
    assert m.count == 2 and (m.date.earliest, m.date.latest) == (date(2023, 3, 4), date(2023, 3, 11))
