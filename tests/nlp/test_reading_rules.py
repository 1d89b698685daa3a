"""Reading rules on intake-style sentences written for these tests (none taken from an evaluation set):
who did it, to whom, when, and what a quote or a log line is."""
from datetime import date

from legalcheck import analyze
from legalcheck.nlp.parties import cast
from legalcheck.nlp.reader import read_facts
from legalcheck.text.dates import find_dates


def acts(text, **kw):
    return read_facts(text, **kw).acts


def status(text, key, **kw):
    a = analyze(text, today=date(2026, 11, 1), **kw).to_dict()
    found = [x["status"] for x in a["acts"] if x["key"] == key or x["key"].split(":")[0] == key]
    rank = {"satisfied": 2, "undetermined": 1, "not_satisfied": 0}
    return max(found, key=rank.get) if found else "not_satisfied", a


# ---- cast

def test_an_unintroduced_mask_is_the_other_party():
    c = cast("相手方Ｍ（元交際相手）。\nＨは５月３日、Ｍに「連絡しないで」と伝えた。Ｈの自宅前にＭが来た。\nＨは困っている。")
    assert c.aliases == {"Ｍ": "suspect", "Ｈ": "victim"}


def test_someone_elses_colleague_is_not_the_suspect():
    c = cast("被害者Ｋ子、被疑者Ｊ。Ｋ子の同僚ＬがＪに電話をかけ、抗議した。Ｌは以前から怒っていた。")
    assert c.aliases["Ｌ"] == "other"


def test_full_width_lowercase_masks():
    c = cast("相談者ｍ子（３０歳）は、元交際相手ｎ（３２歳）について相談した。")
    assert c.aliases == {"ｍ子": "victim", "ｎ": "suspect"}


# ---- who did it

def test_a_thing_left_without_an_agent_has_an_untold_actor():
    text = "被疑者乙は元夫である。\n令和６年２月３日朝、被害者方の門扉に鳥の死骸がつるされていた。"
    found = [a for a in acts(text) if a.category == "2-1-6"]
    assert found and found[0].actor == "unknown"


def test_his_own_thing_says_who():
    text = "被疑者乙は元夫である。\n令和６年２月３日、被害者方の郵便受けに乙直筆の手紙が投函された。"
    found = [a for a in acts(text) if a.category == "2-1-5"]
    assert found and found[0].actor == "suspect"


def test_nobody_named_makes_the_unknown_sender_the_suspect():
    text = "令和７年３月以降、相談者の郵便受けに差出人のない手紙が毎日のように投函されている（計１５通）。"
    found = [a for a in acts(text) if a.category == "2-1-5"]
    assert found and found[0].actor == "suspect"


def test_an_action_chain_keeps_its_subject():
    text = "被疑者丁は元交際相手。相談者の父Ｒが丁の家に行き、玄関ドアを蹴って怒鳴った。"
    rough = [a for a in acts(text) if a.category == "2-1-4"]
    assert rough and all(a.actor == "close" for a in rough)


def test_following_a_stranger_is_not_following_her():
    text = ("被疑者Ｃは被害者Ｄ子の元交際相手。令和６年４月２日、ＣはＤ子に似た女性（Ｄ子とは面識のない通行人Ｅ子）の後を"
            "駅から自宅近くまでつけた。Ｅ子は１１０番通報した。Ｅ子はＣに会ったこともない。")
    assert status(text, "2-1-1:tsukimatoi")[0] == "not_satisfied"


# ---- quotes

def test_words_said_to_the_police_are_not_a_demand_to_her():
    text = "被疑者Ｖは元交際相手。令和６年３月１日、ＶはＳ子方前で臨場した警察官に「Ｓ子と話がしたいだけだ」と述べた。"
    assert not [a for a in acts(text) if a.category == "2-1-3"]


def test_a_chat_log_speaker_owns_the_line():
    text = ("【ＬＩＮＥ履歴】\n相手方：Ｇ　被害者：Ｈ子\n"
            "22:10 Ｈ子「もう連絡してこないで」\n22:11 Ｇ「は？今すぐ会いに来い」\n")
    demands = [a for a in acts(text) if a.category == "2-1-3"]
    assert demands and all("会いに来い" in a.evidence.text for a in demands)


def test_an_imperative_in_his_words_is_a_demand():
    text = "被疑者甲は令和６年５月２日、被害者の勤務先前で「今すぐ出てこい」と怒鳴った。"
    assert [a for a in acts(text) if a.category == "2-1-3"]


def test_a_wish_is_not_an_act():
    text = "被疑者甲は取調べで「Ａ子の様子を見たかった」と供述した。"
    assert not [a for a in acts(text) if a.subtype == "mihari"]


# ---- structure

def test_an_opinion_section_yields_no_act():
    text = ("【相談内容】\n令和６年６月１日、相手方ＸがＹ子の勤務先前で待ち伏せした。\n"
            "（所見）\nＸはＹ子宅付近も徘徊していると思料する。\n")
    assert not [a for a in acts(text) if a.subtype == "urotsuki"]


def test_first_time_denies_earlier_occurrences():
    text = "相手方Ｐから電話が来たこと、後をつけられたことは今回が初めてである。"
    assert all(a.negated for a in acts(text))


# ---- time

def test_after_that_is_a_lower_bound():
    text = ("相談受理票（令和３年７月５日）\n・令和３年５月末、Ｑ子は元交際相手Ｒに「手紙もやめて」と伝えた。\n"
            "・その後、Ｒから手紙が１０通届いた。\n")
    letters = [a for a in acts(text) if a.category == "2-1-5" and a.count >= 10]
    assert letters and letters[0].date.source == "after"
    assert letters[0].date.latest == date(2021, 7, 5)


def test_a_day_the_text_cannot_fix_is_a_range():
    text = ("相談記録（平成２９年２月８日）\n相手方Ｂ（元交際相手。平成２８年１０月に別れた）\n"
            "・Ｂが自宅前の道路を何度も行き来していた。日付は特定できない。\n")
    loiter = [a for a in acts(text) if a.subtype == "urotsuki"]
    assert loiter and loiter[0].date.source == "unknown" and loiter[0].date.latest == date(2017, 2, 8)


def test_slash_dates_on_record_lines_and_the_year_rolling_over():
    text = "令和６年１２月２０日　相談\n１２／２２　待ち伏せ\n１／５　電話\n比率は1/2である。\n"
    found = [(d.text, d.earliest) for d in find_dates(text, None)]
    assert ("１２／２２", date(2024, 12, 22)) in found and ("１／５", date(2025, 1, 5)) in found
    assert all(t != "1/2" for t, _ in found)


def test_refusal_ordered_by_date_not_by_text_position():
    # the calls are told before the refusal, but both are dated: the calls came after it
    text = ("相手方Ｔ（元交際相手）。\n・５月１０日から２０日まで、ＴからＳ子の携帯電話に毎日１０回以上の電話があった。\n"
            "・Ｓ子は令和６年５月１日に「もう電話しないで」と伝えていた。\n・Ｓ子は怖くて眠れない。\n")
    st, a = status(text, "2-1-5")
    assert st == "satisfied", [x["reasoning"] for x in a["acts"]]


def test_a_continued_series_with_its_means_elided():
    text = ("経過記録\n・令和３年６月１６日〜６月３０日　Ｂ（元交際相手）から郵便で手紙がほぼ毎日届く（計１４通）。\n"
            "・７月１日〜７月１０日　同様にほぼ毎日届く（計９通）。\n")
    letters = [a for a in acts(text) if a.category == "2-1-5"]
    assert len(letters) == 2 and letters[1].means == "letter" and letters[1].count == 9


# ---- motives and the unnamed sender

def test_a_denied_affection_in_his_words_is_a_denial():
    text = "被疑者ｐは同僚の被害者ｑの昇進を恨み、ｑの後をつけた。ｐは「ｑに恋愛感情などない」と供述した。"
    kinds = {m.kind for m in read_facts(text).motives}
    assert "romance" not in kinds and "no_romance" in kinds and "work" in kinds


def test_with_nobody_named_purpose_stays_open():
    text = ("相談受理票（令和７年２月１日）\n・令和７年１月以降、差出人不明の手紙が郵便受けに毎日投函されている（計２０通）。\n"
            "・内容は「今日の服、かわいかったね」など。\n・相談者に交際相手や元交際相手はいない。\n")
    a = analyze(text, today=date(2026, 11, 1)).to_dict()
    assert a["elements"]["purpose"]["status"] == "undetermined"
    assert a["offenses"]["art18"]["status"] != "satisfied"


def test_acts_at_her_mothers_home_count_for_the_mother():
    text = ("相談者ｙ子、相手方ｚ（元交際相手）。\n・令和５年１月１４日、ｚはｙ子の自宅最寄り駅でｙ子を待ち伏せし「許さない」と叫んだ。\n"
            "・１月２１日、ｚはｙ子の実母の家に押し掛け、玄関の戸を叩いて怒鳴った。実母は怯えて１１０番した。\n")
    a = analyze(text, today=date(2026, 11, 1)).to_dict()
    assert a["elements"]["repetition"]["status"] == "not_satisfied"


def test_an_unidentified_man_is_not_the_named_suspect():
    text = ("相談者ｖ、相手方ｗ（元交際相手）。\n・令和６年８月１０日夜、顔を隠した男がｖのアパート前に立ち、ｖの部屋の窓を見上げていた。\n")
    assert all(a.actor == "unknown" for a in acts(text) if a.subtype == "mihari")


def test_a_list_of_acts_denied_at_its_end():
    text = "相手方甲が立ち止まってＥの部屋を見ていた、Ｅに声を掛けた、連絡してきたといった事実はない。"
    found = [a for a in acts(text) if a.subtype == "mihari"]
    assert found and all(a.negated for a in found)


def test_a_friends_home_where_she_was_is_where_she_currently_is():
    before = ("相談者　ｆ（３４歳）　相手方　ｇ（別居中の夫）\n"
              "・令和３年６月５日夜、ｆが友人ｈ方を訪ねていた際、ｇがｈ方前で約１時間ｆの様子を見ていた。ｆは恐怖を感じた。\n")
    after = before.replace("６月５日", "６月２０日")
    # 2条1項1号 「現に所在する場所」 from 2021-06-15
    assert status(before, "2-1-1:mihari")[0] == "not_satisfied"
    assert status(after, "2-1-1:mihari")[0] == "satisfied"
