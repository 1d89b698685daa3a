"""Property tests (hypothesis) over generated intake-like text: no exception, every span exact, the
same answer with and without invisible characters, out-of-range and impossible dates reported,
long and crafted input analysed. (Cost linear in length is checked by bench/bench.py, not here.)"""
import re
from datetime import date
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legalcheck import analyze
from legalcheck.analysis import InputError

TODAY = date(2026, 11, 24)
CASES = Path(__file__).resolve().parent / "cases"
SENTENCES = sorted({s + "。" for name in ("own.yaml", "fresh.yaml", "third.yaml")
                    for c in yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
                    for s in re.split(r"。", c["narrative"]) if 4 <= len(s.strip()) <= 120})
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f", "\u202a", "\u202b",
             "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u061c", "\ufe0f", "\x1b", "\x07"]
JAPANESE_LIKE = st.text(alphabet=st.sampled_from(
    list("あいうえおかがきくけこさしすせそただちっつてでとなにのはばへほまみむめもやゆよらりるれろわをん"
         "アイウエカガキクコサシスセソタチツテトナニノハバビフブヘホマミメモヤユヨラリルレロワンー"
         "甲乙被疑者害相談自宅前見張待伏送信電話回日月年令和平成同翌前後〇○ＡＢ子元交際"
         "０１２３４５６７８９0123456789、。・「」『』（）()【】\n 　!?！？～〜ｶﾞｷﾞｸﾞﾝｰ｡｢｣") + INVISIBLE), max_size=300)
PROPS = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow])


def spans(obj):
    """Every {"text", "start", "end"} in an analysis."""
    if isinstance(obj, dict):
        if {"text", "start", "end"} <= obj.keys() and isinstance(obj["start"], int):
            yield obj
        for v in obj.values():
            yield from spans(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from spans(v)


def check(text):
    try:
        a = analyze(text, today=TODAY).to_dict()
    except InputError as exc:
        assert exc.code in ("empty", "too_long"), exc
        return None
    assert set(a["offenses"]) == {"art18", "art19", "art20"}
    for sp in spans(a):
        assert text[sp["start"]:sp["end"]] == sp["text"]
    return a


def answer(a):
    drop = re.compile("[" + "".join(INVISIBLE) + "]")
    return (a["offenses"]["art18"]["status"], {k: e["status"] for k, e in a["elements"].items()},
            [(x["key"], x["status"], x["count"], x["date"], [drop.sub("", e["text"]) for e in x["evidence"]])
             for x in a["acts"]])


@PROPS
@given(JAPANESE_LIKE)
def test_generated_text_never_crashes_and_every_span_is_exact(text):
    check(text)


@PROPS
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8),
       st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(INVISIBLE)), min_size=1, max_size=30))
def test_invisible_characters_do_not_change_the_answer(sentences, inserts):
    text = "".join(sentences)
    marked = list(text)
    for pos, ch in sorted(inserts, reverse=True):
        marked.insert(pos % (len(marked) + 1), ch)
    marked = "".join(marked)
    a, b = check(text), check(marked)
    assert answer(a) == answer(b)


ERAS = st.sampled_from(["令和", "平成", "昭和", "大正"])
NUM = st.integers(0, 40)


def width(n: int, full: bool) -> str:
    s = str(n)
    return s.translate(str.maketrans("0123456789", "０１２３４５６７８９")) if full else s


@PROPS
@given(ERAS, st.one_of(st.just("元"), NUM.map(str)), st.integers(0, 14), st.integers(0, 33), st.booleans(),
       st.sampled_from(SENTENCES))
def test_out_of_range_and_impossible_dates_are_reported_never_raised(era, year, month, day, full, context):
    y = year if year == "元" else width(int(year), full)
    written = f"{era}{y}年{width(month, full)}月{width(day, full)}日"
    text = f"{context}{written}、被疑者甲はＡ子の自宅前で待ち伏せし、ＧＰＳ発信機を車に取り付けた。"
    a = check(text)
    n = 1 if year == "元" else int(year)
    possible = n >= 1 and 1 <= month <= 12 and 1 <= day <= 28
    reported = [p for p in a["input_problems"] if p["code"] == "impossible_date" and p["text"] == written]
    if not possible and (n == 0 or month in (0, 13, 14) or day in (0, 32, 33)):
        assert reported, written
    for act in a["acts"]:
        applied = date.fromisoformat(act["applied_date"])
        assert applied <= TODAY                       # never judged under a law of the future
        if applied < date(2000, 11, 24):              # before the Act: no item covered it
            assert act["status"] == "not_satisfied" and "施行されておらず" in act["reasoning"]
    assert date.fromisoformat(a["law"]["applied_date"]) <= TODAY


@settings(max_examples=6, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.sampled_from(["送信", "「", "（", "甲はＡ子の自宅前で待ち伏せした。", "令和6年5月1日、", "５回、",
                        "・甲は自宅前で見張った\n", "「会いたい」と送信した。"]),
       st.integers(2_000, 20_000))
def test_long_and_crafted_input_is_analysed(unit, length):
    text = (unit * (length // len(unit) + 1))[:length]
    check(text)
