"""Cleaning before reading (legalcheck.text.clean): invisible and look-alike characters, half-width
katakana, ASCII and stray brackets — and the offset map back to the text as sent."""
from datetime import date
from pathlib import Path

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legalcheck import analyze
from legalcheck.text.clean import clean
from legalcheck.text.readable import NO_NARRATIVE, NOT_JAPANESE, unreadable

SAMPLE = (Path(__file__).resolve().parent.parent / "examples" / "sample.txt").read_text(encoding="utf-8")
TODAY = date(2026, 11, 24)


def outcome(text):
    a = analyze(text, today=TODAY).to_dict()
    return (a["offenses"]["art18"]["status"], {k: e["status"] for k, e in a["elements"].items()},
            sorted((x["key"], x["status"], x["count"], x["date"]) for x in a["acts"]))


BASE = None


def base():
    global BASE
    if BASE is None:
        BASE = outcome(SAMPLE)
    return BASE


def test_invisible_characters_are_dropped_and_spans_map_back():
    text = "甲は\u200bＡ子の\u00ad自宅前で\ufeff待ち\u202e伏せ\u202cした。"
    c = clean(text)
    assert c.text == "甲はＡ子の自宅前で待ち伏せした。"
    k = c.text.index("待ち伏せ")
    s, e = c.span(k, k + 4)
    assert text[s:e] == "待ち\u202e伏せ\u202c"   # the caller's characters, invisible ones included
    assert c.span(0, len(c.text)) == (0, len(text))


def test_half_width_katakana_become_full_width_one_character_for_a_voiced_pair():
    c = clean("ｽﾄｰｶｰがﾒｰﾙをﾌﾞﾛｯｸ｡")
    assert c.text == "ストーカーがメールをブロック。"
    k = c.text.index("ブ")
    assert c.span(k, k + 1) == (10, 12)   # ﾌﾞ: two characters as sent


def test_ascii_brackets_lookalikes_dashes_and_line_separators():
    assert clean("(注)甲は").text == "（注）甲は"
    assert clean("GРS発信機").text == "GPS発信機"          # Cyrillic Р between Latin letters
    assert clean("Привет").text == "Привет"               # Cyrillic words stay Cyrillic
    assert clean("ストーカ−行為").text == "ストーカー行為"  # minus sign after katakana
    assert clean("Ａ\u2028Ｂ").text == "Ａ\nＢ"
    assert clean("a\x1b[2Jb\x07").text == "a[2Jb"


def test_brackets_without_a_partner_in_their_line_become_spaces():
    assert clean("しかし「甲は送信した。\n「会いたい」").text == "しかし\u3000甲は送信した。\n「会いたい」"
    assert clean("（備考）甲）は").text == "（備考）甲\u3000は"
    assert clean("「外「内」外」").text == "「外「内」外」"


@pytest.mark.parametrize("name,change", [
    ("zero-width space between all characters", lambda t: "\u200b".join(t)),
    ("soft hyphens between all characters", lambda t: "\u00ad".join(t)),
    ("byte order mark and word joiners", lambda t: "\ufeff" + t.replace("、", "、\u2060")),
    ("bidi controls", lambda t: t.replace("甲は", "\u202e甲は\u202c").replace("Ａ子", "\u2067Ａ子\u2069")),
    ("variation selectors", lambda t: t.replace("見", "見\ufe00").replace("甲", "甲\U000e0100")),
    ("half-width katakana", lambda t: t.replace("ＬＩＮＥ", "ﾗｲﾝ").replace("スマホ", "ｽﾏﾎ").replace("ＧＰＳ", "ＧＰＳ")
     .replace("アパート", "ｱﾊﾟｰﾄ").replace("バンパー", "ﾊﾞﾝﾊﾟｰ").replace("メッセージ", "ﾒｯｾｰｼﾞ")),
    ("ASCII round brackets", lambda t: t.replace("（", "(").replace("）", ")")),
    ("a stray opening quote", lambda t: t.replace("しかし甲は", "しかし「甲は")),
    ("a stray opening bracket", lambda t: t.replace("しかし甲は", "しかし（甲は")),
    ("CR LF line ends", lambda t: t.replace("\n", "\r\n")),
])
def test_the_same_answer_for_text_that_looks_the_same(name, change):
    text = change(SAMPLE)
    assert text != SAMPLE
    got = outcome(text)
    if name == "half-width katakana":
        # ﾗｲﾝ is read as LINE only after folding: the answer equals the full-width spelling's
        assert got == outcome(SAMPLE.replace("ＬＩＮＥ", "ライン"))
    else:
        assert got == base(), name
    a = analyze(text, today=TODAY).to_dict()
    for act in a["acts"]:
        for ev in act["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["text"]


def test_what_cannot_be_read_is_recognised():
    assert unreadable("He followed me home and sent 50 messages after I said no.") == NOT_JAPANESE
    assert unreadable("他每天晚上跟踪我回家，在我拒绝后给我发了五十条信息，我很害怕。") == NOT_JAPANESE
    assert unreadable("【相談受理票】") == NO_NARRATIVE
    assert unreadable("１２３４５ ６７８") == NO_NARRATIVE
    assert unreadable("待ち伏せされた。") is None
    assert unreadable(SAMPLE) is None


def _clean_by_loop(text: str):
    """clean()'s rules applied character by character (the reference for its run-copying loop)."""
    from legalcheck.text import clean as C
    out, starts, ends = [], [], []
    for i, ch in enumerate(text):
        if C._dropped(ch):
            if ends:
                ends[-1] = i + 1
            continue
        if ch in C._LINE_BREAKS:
            ch = "\n"
        elif "\uff61" <= ch <= "\uff9f":
            n = unicodedata.normalize("NFKC", ch)
            if n in ("\u3099", "\u309a"):
                if out:
                    composed = unicodedata.normalize("NFC", out[-1] + n)
                    if len(composed) == 1:
                        out[-1] = composed
                        ends[-1] = i + 1
                        continue
                n = "\u309b" if n == "\u3099" else "\u309c"
            ch = n
        elif ch in C._BRACKETS:
            ch = C._BRACKETS[ch]
        elif ch in C._WAVES:
            ch = "〜"
        elif ch in C._DASHES and out and C._is_katakana(out[-1]):
            ch = "ー"
        elif ch in C._HOMOGLYPHS and ((out and C._is_latin(out[-1])) or (i + 1 < len(text) and C._is_latin(text[i + 1]))):
            ch = C._HOMOGLYPHS[ch]
        out.append(ch)
        starts.append(i)
        ends.append(i + 1)
    return C._blank_stray_brackets_in("".join(out)), tuple(starts), tuple(ends)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("あカｶﾞﾟｰー-－～(（)）「」\u200b\u2028\ufe0fАaＡ\x07\t\n 。")), max_size=40)
       | st.text(max_size=40))
def test_the_run_copying_loop_gives_what_the_rules_give_character_by_character(text):
    if text.isascii() and not any(c in text for c in "()") and all(c >= " " or c in "\t\n\r" for c in text):
        return   # plain ASCII is returned as it is before any rule (DEL included)
    got = clean(text)
    assert (got.text, got.starts, got.ends) == _clean_by_loop(text)
