"""Document structure: sections from headings and sentence roles, on intake-record text written for
these tests (not taken from any evaluation set)."""
from legalcheck import analyze
from legalcheck.nlp import structure as S
from legalcheck.nlp.reader import read_facts

RECORD = """【相談受理票】受理日時　令和７年２月３日　午前１０時
相談者　Ｂ美（３４歳・看護師）　相手方　乙（３６歳・元交際相手）
【相談内容】
令和７年１月１０日から同月３０日までの間、乙は相談者の勤務する病院の職員通用口付近で、相談者の退勤を待ち伏せしていた。
【所見】
乙は相談者の自宅も見張っている可能性がある。
【今後の対応】
乙の自宅付近での徘徊の有無を確認する予定である。
"""


def _roles(text):
    from legalcheck.nlp import clauses as C
    from legalcheck.nlp.pipeline import tokenize

    toks = tokenize(text)
    secs = S.sections(text)
    return [(S.sentence_role(text, toks[s.lo].start, toks[s.hi - 1].end, secs),
             text[toks[s.lo].start:toks[s.hi - 1].end]) for s in C.sentences(toks)]


def test_sections_and_roles_of_a_consultation_record():
    roles = dict((t[:6], r) for r, t in _roles(RECORD))
    assert roles["【相談受理票"] == S.META
    assert roles["【相談内容】"] == S.HEADING
    assert roles["令和７年１月"] == S.NARRATED
    assert roles["乙は相談者の"] == S.OPINION
    assert roles["乙の自宅付近"] == S.PLAN


def test_opinion_and_plan_give_no_certain_act():
    facts = read_facts(RECORD)
    kinds = {(a.subtype, a.hedged) for a in facts.acts}
    assert ("machibuse", False) in kinds
    # the officer's guess is at most a hedged act; the plan is none
    assert all(a.hedged for a in facts.acts if a.subtype == "mihari")
    assert not any(a.subtype == "urotsuki" for a in facts.acts)
    # the date of the record is not an act's date
    assert facts.report_date.isoformat() == "2025-02-03"
    assert all(a.date is None or a.date.latest.isoformat() <= "2025-01-30" for a in facts.acts)


def test_officer_plan_is_not_an_act_in_the_analysis():
    a = analyze(RECORD).to_dict()
    status = {x["key"]: x["status"] for x in a["acts"]}
    assert status.get("2-1-1:machibuse") == "satisfied"
    assert status.get("2-1-1:mihari", "not_satisfied") != "satisfied"
    assert "2-1-1:urotsuki" not in status


def test_statement_to_police_is_not_speech_to_her():
    text = ("被疑者丙（４１歳）は、令和６年８月、元交際相手のＣ子に復縁を断られた。\n"
            "【被疑者の弁解】\n"
            "「Ｃ子とはもう一度やり直したかった。会って話がしたかっただけだ」と供述。\n")
    facts = read_facts(text)
    assert not [a for a in facts.acts if a.category == "2-1-3" and not a.background]


def test_first_person_victim_statement():
    text = ("供述調書（被害者）\n"
            "私は、令和６年５月から、元交際相手の被疑者丁に付きまとわれています。\n"
            "私は怖くなって、同年６月２日に警察に電話をかけました。\n")
    facts = read_facts(text)
    calls = [a for a in facts.acts if a.category == "2-1-5"]
    assert calls and all(a.actor == "victim" for a in calls)
    assert any(a.subtype == "tsukimatoi" and a.actor == "suspect" for a in facts.acts)


def test_first_person_suspect_statement():
    text = ("供述調書（被疑者）\n"
            "私は、令和５年３月ころから、元妻の家の前で元妻の帰りを待ち伏せしました。\n")
    facts = read_facts(text)
    assert any(a.subtype == "machibuse" and a.actor == "suspect" for a in facts.acts)


def test_a_line_starting_with_a_word_is_not_a_heading():
    text = "被疑者は　令和６年４月１日、被害者宅に押し掛けた。\n同月３日にも押し掛けた。\n"
    assert S.sections(text) == []
    assert {r for r, _ in _roles(text)} == {S.NARRATED}
