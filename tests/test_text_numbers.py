"""legalcheck.text.numbers: counts of times, as lower bounds, with the caller's offsets."""

import pytest

from legalcheck.text.numbers import find_counts


def counts(text):
    out = find_counts(text)
    for c in out:
        assert text[c.start:c.end] == c.text, c
        assert c.value >= 1
    return [(c.text, c.value, c.kind, c.unit) for c in out]


@pytest.mark.parametrize("text,expected", [
    ("五十回", ("五十回", 50, "exact", "回")),
    ("５０回位", ("５０回位", 50, "approx", "回")),
    ("50回くらい", ("50回くらい", 50, "approx", "回")),
    ("約50回", ("約50回", 50, "approx", "回")),
    ("数十回", ("数十回", 20, "many", "回")),
    ("数回", ("数回", 2, "many", "回")),
    ("十数枚", ("十数枚", 11, "many", "枚")),
    ("約4,300回", ("約4,300回", 4300, "approx", "回")),
    ("約４，３００回", ("約４，３００回", 4300, "approx", "回")),
    ("少なくとも4回", ("少なくとも4回", 4, "at_least", "回")),
    ("少なくとも六回", ("少なくとも六回", 6, "at_least", "回")),
    ("三十回以上", ("三十回以上", 30, "at_least", "回")),
    ("百二十回以上", ("百二十回以上", 120, "at_least", "回")),
    ("計六十件以上", ("計六十件以上", 60, "at_least", "件")),
    ("3回目", ("3回目", 3, "at_least", "回目")),
    ("計23通", ("計23通", 23, "exact", "通")),
    ("計二十三通", ("計二十三通", 23, "exact", "通")),
    ("約百五十件", ("約百五十件", 150, "approx", "件")),
    ("約二百回", ("約二百回", 200, "approx", "回")),
    ("電話10本", ("10本", 10, "exact", "本")),
    ("2回", ("2回", 2, "exact", "回")),
    ("２回", ("２回", 2, "exact", "回")),
    ("一度", ("一度", 1, "exact", "度")),
])
def test_numbers_with_counters(text, expected):
    assert counts(text) == [expected]


def test_qualifiers_that_do_not_change_the_value_stay_outside_the_span():
    assert counts("4回にわたり見張った") == [("4回", 4, "exact", "回")]
    assert counts("三回とも写っている") == [("三回", 3, "exact", "回")]
    assert counts("赤いバラが1輪ずつ計3回挟まれていた") == [("計3回", 3, "exact", "回")]


@pytest.mark.parametrize("word", ["多数回", "複数回", "何度も", "何回も", "何度か", "繰り返し", "再三", "度々",
                                  "たびたび", "しばしば", "頻繁に", "幾度となく"])
def test_words_of_repetition(word):
    assert counts(f"Ｘは{word}電話をかけた") == [(word, 2, "many", None)]


@pytest.mark.parametrize("word", ["毎日のように", "ほぼ毎日", "連日", "毎晩", "毎朝", "毎日", "日常的に"])
def test_words_of_habit(word):
    assert counts(f"Ｘは{word}電話をかけた") == [(word, 2, "habitual", None)]


def test_rates():
    (c,) = find_counts("Ｄの携帯電話に一日数十回電話をかけたりしている")
    assert (c.text, c.value, c.kind, c.per) == ("数十回", 20, "many", "day")
    (c,) = find_counts("多い日は約360回。")
    assert (c.value, c.kind, c.per) == (360, "approx", "day")
    (c,) = find_counts("週二通ほどのペースで")
    assert (c.value, c.kind, c.per) == (2, "approx", "week")
    (c,) = find_counts("月に3回")
    assert c.per == "month"
    # a date before に is not a rate
    assert [c.per for c in find_counts("令和元年8月19日・20日に計4回、3月に2回")] == [None, None]


@pytest.mark.parametrize("text", [
    "被害者Ａ（36歳）", "50万円を貸していた", "約20キロメートル離れた", "約３０キロ離れた自宅", "3か月前に別れた",
    "約3年交際", "1年", "令和6年5月1日", "午後7時頃", "約２０分後", "3人", "２名", "少なくとも3世帯",
    "7日間", "２週間", "30%", "第3回", "二度と連絡しないで", "一度も来ていない", "一通り話した",
    "一回りも年上", "110番通報", "今回", "本件", "",
])
def test_not_counts(text):
    assert counts(text) == []


def test_narrative():
    t = ("・平成23年5月から11月まで、非通知で相談者の携帯電話に約4,300回架電、出ても無言。多い日は約360回。\n"
         "・被疑者は、令和元年8月19日・20日に計4回、待ち伏せし、その後もインターホンを何度も鳴らした。")
    assert counts(t) == [
        ("約4,300回", 4300, "approx", "回"),
        ("約360回", 360, "approx", "回"),
        ("計4回", 4, "exact", "回"),
        ("何度も", 2, "many", None),
    ]


def test_offsets_on_every_eval_narrative():
    import pathlib

    import yaml

    paths = [pathlib.Path("/work/shared/eval/dev.yaml"), pathlib.Path(__file__).parent / "cases" / "own.yaml"]
    for path in paths:
        if path.exists():
            for case in yaml.safe_load(path.read_text(encoding="utf-8")):
                counts(case["narrative"])
