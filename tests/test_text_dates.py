"""legalcheck.text.dates: dates as intervals, periods, offsets into the caller's text."""
from datetime import date

import pytest

from legalcheck.text.dates import find_dates, find_periods

D = date


def dates(text, reference=None):
    out = find_dates(text, reference)
    for m in out:
        assert text[m.start:m.end] == m.text, m
        assert m.earliest <= m.latest
    assert [m.start for m in out] == sorted(m.start for m in out)
    return out


def spans(text, reference=None):
    return [(m.text, m.earliest, m.latest) for m in dates(text, reference)]


def periods(text, reference=None):
    out = find_periods(text, dates(text, reference))
    for p in out:
        assert text[p.start_offset:p.end_offset] == p.text
    return out


D01 = ("甲は、平成28年2月15日頃、Ａが自宅アパート近くに借りている月極駐車場において、同車の後部バンパーにＧＰＳ機器を取り付けた。\n"
       "その後、甲は同年3月7日までの間、自宅等において、携帯電話を使用して多数回にわたり同車の位置情報を検索して取得していた。\n"
       "また、同年3月上旬には、Ａが身を寄せていた親族方付近の路上に車を止め、Ａが出入りする様子を注視していた。")


def test_d01_heisei_day_approximate_then_same_year():
    ms = dates(D01)
    assert [(m.text, m.earliest, m.latest, m.precision, m.approximate, m.relative) for m in ms] == [
        ("平成28年2月15日頃", D(2016, 2, 15), D(2016, 2, 15), "day", True, False),
        ("同年3月7日", D(2016, 3, 7), D(2016, 3, 7), "day", False, True),
        ("同年3月上旬", D(2016, 3, 1), D(2016, 3, 10), "part_of_month", False, True),
    ]


def test_d01_period_until_with_anaphoric_start():
    (p,) = periods(D01)
    assert p.text == "その後、甲は同年3月7日までの間"
    assert p.start.earliest == D(2016, 2, 15)
    assert p.end.latest == D(2016, 3, 7)


def test_full_width_reiwa_mid_month_then_same_month_late():
    t = "令和７年１月中旬頃から、Ｂが帰宅した直後に電話がかかってくるようになり、同月下旬には「駅前のカフェにいたでしょ」とのメッセージが届いた。"
    a, b = dates(t)
    assert (a.text, a.earliest, a.latest, a.precision, a.approximate) == (
        "令和７年１月中旬頃", D(2025, 1, 11), D(2025, 1, 20), "part_of_month", True)
    assert (b.text, b.earliest, b.latest, b.relative) == ("同月下旬", D(2025, 1, 21), D(2025, 1, 31), True)
    (p,) = periods(t)
    assert p.start == a and p.end is None and p.text == "令和７年１月中旬頃から"


def test_reiwa_gannen_day_list_with_nakaguro():
    t = "・令和元年8月19日・20日に計4回、女性の勤務先通用口付近と自宅近くで待ち伏せし"
    assert spans(t) == [("令和元年8月19日", D(2019, 8, 19), D(2019, 8, 19)),
                        ("20日", D(2019, 8, 20), D(2019, 8, 20))]


def test_heisei_month_range_period():
    t = "・平成23年5月から11月まで、非通知で相談者の携帯電話に約4,300回架電、出ても無言。"
    ms = dates(t)
    assert [(m.text, m.earliest, m.latest, m.precision) for m in ms] == [
        ("平成23年5月", D(2011, 5, 1), D(2011, 5, 31), "month"),
        ("11月", D(2011, 11, 1), D(2011, 11, 30), "month"),
    ]
    (p,) = periods(t)
    assert (p.start.earliest, p.end.latest, p.text) == (D(2011, 5, 1), D(2011, 11, 30), "平成23年5月から11月まで")


def test_last_year_relative_to_the_last_explicit_date():
    t = "相談者は、令和8年2月、通学に使うバイクに紛失防止タグを見つけた。男は昨年、相談者に交際を申し込んで断られている。"
    *_, last = dates(t)
    assert (last.text, last.earliest, last.latest, last.precision, last.relative) == (
        "昨年", D(2025, 1, 1), D(2025, 12, 31), "year", True)


def test_a_bare_last_year_is_background_for_later_year_less_dates():
    t = ("相談者は、令和8年2月、バイクに紛失防止タグが貼り付けられているのを見つけた。男は昨年、相談者に交際を申し込んで断られている。"
         "男は「1月中旬に大学の駐輪場で付けた」と認めた。")
    assert [(m.text, m.earliest) for m in dates(t)] == [
        ("令和8年2月", D(2026, 2, 1)), ("昨年", D(2025, 1, 1)), ("1月中旬", D(2026, 1, 11))]
    # …but it is context for 同年, and 「昨年5月」 with a month is context for what follows
    assert [m.earliest for m in dates("令和8年2月。昨年、同年5月")][-1] == D(2025, 5, 1)
    assert [m.earliest for m in dates("令和8年2月。昨年5月、6月")][-1] == D(2025, 6, 1)


def test_deictic_words_use_reference_when_given():
    t = "令和8年2月に発見した。男は昨年、先月、先週、本日にも来た。"
    ms = dates(t, D(2024, 3, 13))
    assert [(m.text, m.earliest, m.latest) for m in ms[1:]] == [
        ("昨年", D(2023, 1, 1), D(2023, 12, 31)),
        ("先月", D(2024, 2, 1), D(2024, 2, 29)),
        ("先週", D(2024, 3, 4), D(2024, 3, 10)),
        ("本日", D(2024, 3, 13), D(2024, 3, 13)),
    ]


def test_year_less_list_of_days_after_a_month():
    t = "平成29年1月に入ってからも、1月5日、11日、18日、24日の夕方、男性は勤務先ビル前の歩道を何度も往復した。"
    ms = dates(t)
    assert [(m.text, m.earliest) for m in ms] == [
        ("平成29年1月", D(2017, 1, 1)), ("1月5日", D(2017, 1, 5)), ("11日", D(2017, 1, 11)),
        ("18日", D(2017, 1, 18)), ("24日", D(2017, 1, 24)),
    ]
    assert all(m.precision == "day" and m.inferred for m in ms[1:])


def test_next_day_number_and_a_later_year_less_date():
    t = ("被疑者は、平成25年7月30日午後5時半頃から翌31日午後0時半頃までの間、女性の携帯電話に電子メールを計23通送信した。\n"
         "また7月30日昼、被疑者は女性の勤務先の周辺に現れた。")
    ms = dates(t)
    assert [(m.text, m.earliest, m.approximate) for m in ms] == [
        ("平成25年7月30日", D(2013, 7, 30), False),   # 頃 belongs to the time of day
        ("翌31日", D(2013, 7, 31), False),
        ("7月30日", D(2013, 7, 30), False),
    ]
    (p,) = periods(t)
    assert p.text == "平成25年7月30日午後5時半頃から翌31日午後0時半頃までの間"
    assert (p.start.earliest, p.end.latest) == (D(2013, 7, 30), D(2013, 7, 31))


def test_evening_pair_with_to():
    t = "平成29年7月4日から10日までの7日間に約80件送信した。さらに7月8日夜と10日夜、女子学生が住むアパートを訪れた。"
    assert spans(t) == [
        ("平成29年7月4日", D(2017, 7, 4), D(2017, 7, 4)), ("10日", D(2017, 7, 10), D(2017, 7, 10)),
        ("7月8日", D(2017, 7, 8), D(2017, 7, 8)), ("10日", D(2017, 7, 10), D(2017, 7, 10)),
    ]
    (p,) = periods(t)
    assert (p.start.earliest, p.end.latest) == (D(2017, 7, 4), D(2017, 7, 10))


def test_kanji_numerals_in_dates():
    t = "平成二十八年二月十五日頃、同年三月七日、令和元年十二月"
    assert spans(t) == [
        ("平成二十八年二月十五日頃", D(2016, 2, 15), D(2016, 2, 15)),
        ("同年三月七日", D(2016, 3, 7), D(2016, 3, 7)),
        ("令和元年十二月", D(2019, 12, 1), D(2019, 12, 31)),
    ]


def test_full_width_reiwa_and_gannen():
    assert spans("令和６年５月１日、令和元年５月１日") == [
        ("令和６年５月１日", D(2024, 5, 1), D(2024, 5, 1)),
        ("令和元年５月１日", D(2019, 5, 1), D(2019, 5, 1)),
    ]


def test_western_forms():
    t = "2024年5月1日、2024/5/2、2024-05-03、2024.5.4、２０２４／５／５、R6.5.6、H28.2.15"
    assert [m.earliest for m in dates(t)] == [
        D(2024, 5, 1), D(2024, 5, 2), D(2024, 5, 3), D(2024, 5, 4), D(2024, 5, 5), D(2024, 5, 6), D(2016, 2, 15)]


@pytest.mark.parametrize("part,lo,hi", [
    ("上旬", 1, 10), ("初旬", 1, 10), ("初め", 1, 10), ("中旬", 11, 20), ("下旬", 21, 29), ("末", 21, 29),
])
def test_parts_of_a_month(part, lo, hi):
    (m,) = dates(f"令和6年2月{part}")
    assert (m.earliest, m.latest, m.precision) == (D(2024, 2, lo), D(2024, 2, hi), "part_of_month")


def test_within_a_month_and_last_day():
    assert spans("令和5年3月中に三回、同月末日に一回") == [
        ("令和5年3月中", D(2023, 3, 1), D(2023, 3, 31)),
        ("同月末日", D(2023, 3, 31), D(2023, 3, 31)),
    ]


def test_year_only_year_parts_and_fiscal_year():
    ms = dates("令和4年、平成24年秋頃、平成14年末、令和6年度、令和元年")
    assert [(m.text, m.earliest, m.latest, m.precision, m.approximate) for m in ms] == [
        ("令和4年", D(2022, 1, 1), D(2022, 12, 31), "year", False),
        ("平成24年秋頃", D(2012, 9, 1), D(2012, 11, 30), "part_of_year", True),
        ("平成14年末", D(2002, 12, 1), D(2002, 12, 31), "part_of_year", False),
        ("令和6年度", D(2024, 4, 1), D(2025, 3, 31), "year", False),
        ("令和元年", D(2019, 5, 1), D(2019, 12, 31), "year", False),   # clipped to the era
    ]


def test_same_and_next_relative_to_the_last_resolved_date():
    t = "男は令和5年5月10日頃、駐車場で取り付け、同日から同月末までの間、確認した。翌日、前日、翌月、同年12月、翌年1月"
    ms = dates(t)
    assert [(m.text, m.earliest, m.latest, m.approximate) for m in ms] == [
        ("令和5年5月10日頃", D(2023, 5, 10), D(2023, 5, 10), True),
        ("同日", D(2023, 5, 10), D(2023, 5, 10), True),
        ("同月末", D(2023, 5, 21), D(2023, 5, 31), False),
        # 翌日 needs a day: the last resolved date is 同月末 (part of a month) → skipped
        ("翌月", D(2023, 6, 1), D(2023, 6, 30), False),
        ("同年12月", D(2023, 12, 1), D(2023, 12, 31), False),
        ("翌年1月", D(2024, 1, 1), D(2024, 1, 31), False),
    ]
    (p,) = periods(t)
    assert p.text == "同日から同月末までの間"


def test_next_and_previous_day():
    assert spans("令和5年11月20日にぬいぐるみを渡された。相談者は翌日、その前日、翌々日") == [
        ("令和5年11月20日", D(2023, 11, 20), D(2023, 11, 20)),
        ("翌日", D(2023, 11, 21), D(2023, 11, 21)),
        ("前日", D(2023, 11, 20), D(2023, 11, 20)),
        ("翌々日", D(2023, 11, 22), D(2023, 11, 22)),
    ]


def test_rollover_inside_a_period():
    assert [m.earliest for m in dates("令和6年12月28日から1月3日まで")] == [D(2024, 12, 28), D(2025, 1, 3)]
    assert [m.earliest for m in dates("令和6年1月30日から2日まで")] == [D(2024, 1, 30), D(2024, 2, 2)]
    assert [m.earliest for m in dates("令和6年1月31日、翌1日")] == [D(2024, 1, 31), D(2024, 2, 1)]


def test_no_rollover_for_a_later_mention_of_an_earlier_month():
    t = "令和3年12月に別れた。令和4年1月上旬に取り付けた。その後2月中旬までの間、取得した。1月以降に連絡したことはない。"
    ms = dates(t)
    assert [(m.text, m.earliest) for m in ms][-1] == ("1月", D(2022, 1, 1))
    ps = periods(t)
    assert [(p.text, p.start and p.start.earliest, p.end and p.end.latest) for p in ps] == [
        ("その後2月中旬までの間", D(2022, 1, 1), D(2022, 2, 20)),
        ("1月以降", D(2022, 1, 1), None),
    ]


def test_year_less_dates_use_reference_year_else_a_later_explicit_year():
    assert [m.earliest for m in dates("7月30日昼、現れた。", D(2013, 8, 5))] == [D(2013, 7, 30)]
    # An intake on 2025-03-12 cannot narrate a coming 5月1日: the year before.
    assert [m.earliest for m in dates("5月1日に来た。", D(2025, 3, 12))] == [D(2024, 5, 1)]
    assert [m.earliest for m in dates("5月1日に来た。令和7年6月3日受理")] == [D(2025, 5, 1), D(2025, 6, 3)]
    assert dates("5月1日に来た。") == []


def test_header_dates_give_the_context():
    t = "・相談日：令和7年6月3日\n・5月上旬、エレベーター内で食事に誘われた。\n・5月12日、19日、26日の朝、前に立ちはだかった。"
    assert [(m.text, m.earliest, m.latest) for m in dates(t)] == [
        ("令和7年6月3日", D(2025, 6, 3), D(2025, 6, 3)),
        ("5月上旬", D(2025, 5, 1), D(2025, 5, 10)),
        ("5月12日", D(2025, 5, 12), D(2025, 5, 12)),
        ("19日", D(2025, 5, 19), D(2025, 5, 19)),
        ("26日", D(2025, 5, 26), D(2025, 5, 26)),
    ]


def test_bare_day_at_sentence_start_and_after_same_month():
    t = "令和４年５月に別れた。Ｌ子は同年７月１６日から１８日まで旅行に行った。Ｍは同月１６日夜と１７日朝、見張っていた。１７日朝、Ｌ子が気付いた。"
    assert [(m.text, m.earliest.day) for m in dates(t)][1:] == [
        ("同年７月１６日", 16), ("１８日", 18), ("同月１６日", 16), ("１７日", 17), ("１７日", 17)]
    # …but not without a month in context
    assert dates("１７日朝、Ｌ子が気付いた。") == []


@pytest.mark.parametrize("text", [
    "被疑者甲（40歳・会社員）は、被害者Ａ（36歳）に",
    "Ｅに50万円を貸していた",
    "Ｖ子宅から約20キロメートル離れた自宅で",
    "3か月前に別れた元交際相手",
    "約3年交際していた女性",
    "約６年前から、顔を合わせるたびに",
    "1年、7日間、3日後、２週間、半年",
    "携帯電話に一日数十回電話をかけた",
    "午後7時頃、夜、朝、深夜零時過ぎ",
    "平成12年法律第81号",
    "同年代の男性",
    "月極駐車場、毎月、今回",
])
def test_not_dates(text):
    assert dates(text) == []


def test_non_dates_next_to_dates():
    t = "令和6年3月1日、2日にわたり、1日2回、3日後、4日目、７日間"
    assert spans(t) == [("令和6年3月1日", D(2024, 3, 1), D(2024, 3, 1))]


@pytest.mark.parametrize("text", [
    "令和6年2月30日", "令和6年13月", "令和元年4月1日", "平成31年5月1日", "平成32年", "令和6年4月31日",
    "2023/2/29", "平成元年1月7日",
])
def test_impossible_dates_are_skipped(text):
    assert dates(text) == []


def test_impossible_date_does_not_become_context():
    t = "令和6年5月1日、令和6年2月30日、同日"
    assert spans(t) == [("令和6年5月1日", D(2024, 5, 1), D(2024, 5, 1)),
                        ("同日", D(2024, 5, 1), D(2024, 5, 1))]


def test_era_boundary_days():
    assert spans("平成31年4月30日、令和元年5月1日") == [
        ("平成31年4月30日", D(2019, 4, 30), D(2019, 4, 30)),
        ("令和元年5月1日", D(2019, 5, 1), D(2019, 5, 1))]
    (p,) = periods("平成３１年１月から令和元年５月までの間、少なくとも六回")
    assert (p.start.earliest, p.end.latest) == (D(2019, 1, 1), D(2019, 5, 31))


def test_deictic_words_inside_quotes_are_skipped():
    t = "令和5年4月2日、Ｆ子にメールで「昨日は実家に行ってたね」「今日は残業だったね」と送信した。"
    assert [m.text for m in dates(t, D(2023, 5, 1))] == ["令和5年4月2日"]


def test_sonogo_needs_a_reference():
    t = "令和5年5月10日、取り付けた。その後、確認していた。"
    assert [m.text for m in dates(t)] == ["令和5年5月10日"]
    ms = dates(t, D(2023, 6, 1))
    assert [(m.text, m.earliest, m.latest, m.relative) for m in ms][1] == ("その後", D(2023, 5, 10), D(2023, 6, 1), True)


def test_few_days_before():
    (a, b) = dates("令和8年2月10日、発見した。数日前から通知が出ていた。")
    assert (b.text, b.earliest, b.latest, b.approximate) == ("数日前", D(2026, 2, 1), D(2026, 2, 8), True)


def test_periods_kinds():
    t = ("令和6年6月以降、待ち伏せした。同年10月5日から同月20日までの間に4回。"
         "同年11月から12月にかけて三回。令和6年12月1日〜12月3日。令和5年4月まで交際していた。")
    got = [(p.text, p.start and p.start.earliest, p.end and p.end.latest) for p in periods(t)]
    assert got == [
        ("令和6年6月以降", D(2024, 6, 1), None),
        ("同年10月5日から同月20日までの間", D(2024, 10, 5), D(2024, 10, 20)),
        ("同年11月から12月にかけて", D(2024, 11, 1), D(2024, 12, 31)),
        ("令和6年12月1日〜12月3日", D(2024, 12, 1), D(2024, 12, 3)),
        ("令和5年4月まで", None, D(2023, 4, 30)),
    ]


def test_period_until_with_a_start_earlier_in_the_same_sentence():
    t = "Ｋは１月２０日に「二度と電話しないで」と告げたが、その後も２月末までの間に約七十回電話があった。"
    (p,) = find_periods(t, find_dates(t, D(2021, 3, 1)))
    assert (p.start.earliest, p.end.latest) == (D(2021, 1, 20), D(2021, 2, 28))


def test_offsets_with_expanding_characters():
    t = "㍻28年2月15日頃、同年3月7日"
    ms = dates(t)
    assert [(m.text, m.earliest) for m in ms] == [("㍻28年2月15日頃", D(2016, 2, 15)), ("同年3月7日", D(2016, 3, 7))]


def test_offsets_on_every_eval_narrative():
    import pathlib

    import yaml

    paths = [pathlib.Path("/work/shared/eval/dev.yaml"), pathlib.Path(__file__).parent / "cases" / "own.yaml"]
    n = 0
    for path in paths:
        if not path.exists():
            continue
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            t = case["narrative"]
            ms = dates(t)
            periods(t)
            n += len(ms)
    if n == 0:
        pytest.skip("no evaluation cases here")


def test_empty_and_dateless():
    assert find_dates("") == []
    assert find_periods("", []) == []
    assert dates("被疑者は容疑を認めている。") == []


def test_the_turn_of_last_year_told_in_words_is_one_period():
    from legalcheck.text.dates import find_dates
    t = "相談受理票　平成２９年１月２０日受理\n相談内容　「去年の暮れから年明けにかけて、何度か夜に家の周りを歩いているのを見た」。"
    got = [(d.text, d.earliest.isoformat(), d.latest.isoformat()) for d in find_dates(t)]
    assert ("去年の暮れから年明けにかけて", "2016-12-21", "2017-01-10") in got


def test_the_new_year_days_follow_the_december_before_them():
    from legalcheck.text.dates import find_dates
    got = [(d.text, d.earliest.isoformat(), d.latest.isoformat()) for d in find_dates(
        "受理日時　令和８年１月１４日\n「１２月２０日頃に自分が付けた。正月の間は毎日アプリで場所を見ていた」と認めた。")]
    assert ("正月の間", "2026-01-01", "2026-01-07") in got
    got = [(d.text, d.earliest.isoformat(), d.latest.isoformat()) for d in find_dates("令和５年１２月２８日。正月明けにまた来た。")]
    assert ("正月明け", "2024-01-04", "2024-01-15") in got


def test_a_year_end_without_a_year_is_the_one_nearest_the_context():
    from legalcheck.text.dates import find_dates
    got = [(d.text, d.earliest.isoformat(), d.latest.isoformat()) for d in find_dates("捜査メモ　令和８年１月８日\n「年末ごろに会ったとき入れた」")]
    assert ("年末ごろ", "2025-12-21", "2025-12-31") in got
    assert [(d.text, d.earliest.isoformat()) for d in find_dates("令和７年末に来た")] == [("令和７年末", "2025-12-01")]


def test_a_part_of_a_month_after_no():
    from legalcheck.text.dates import find_dates
    got = [(d.text, d.earliest.isoformat(), d.latest.isoformat()) for d in find_dates("令和５年５月の終わりに来た。令和５年１２月の初めにも来た。")]
    assert ("令和５年５月の終わり", "2023-05-21", "2023-05-31") in got and ("令和５年１２月の初め", "2023-12-01", "2023-12-10") in got
    assert [d.text for d in find_dates("令和５年５月の中で一番")] == ["令和５年５月"]


def test_tonight_and_this_morning_are_the_day_of_the_record():
    from legalcheck.text.dates import find_dates
    t = "110番受理\n令和６年１２月２１日（土）\n23:55　Ｃ聴取：Ｄとは８月に別れた。今夜は友人と店に入った。昨夜も電話があった。"
    got = {d.text: d.earliest.isoformat() for d in find_dates(t)}
    assert got["今夜"] == "2024-12-21" and got["昨夜"] == "2024-12-20"
