"""legalcheck.text.normalize: NFKC with an offset map, tokenizer masking, 漢数字."""
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legalcheck.text.normalize import kanji_number, mask_for_tokenizer, normalize

INTAKE = (
    "【受理日】平成２８年１１月２５日\n"
    "・相談者　〇〇花子（２８歳・会社員）\n"
    "・相手方　ＸＸ（３０代）。同年１０月下旬から、ＬＩＮＥで計四十通（約１，２００字）。ｶﾞｿﾘﾝ㍻①\n"
)


def test_full_width_to_half_width():
    n = normalize("令和６年（２０２４年）ＧＰＳ機器を取り付けた。ＡＢＣ１２３，４５６")
    assert n.text == "令和6年(2024年)GPS機器を取り付けた。ABC123,456"


def test_half_width_katakana_becomes_full_width_and_composes():
    n = normalize("ｶﾞｿﾘﾝｽﾀﾝﾄﾞで")
    assert n.text == "ガソリンスタンドで"
    # ガ covers both ｶ and ﾞ
    assert n.span(0, 1) == (0, 2)
    assert n.original[slice(*n.span(0, 4))] == "ｶﾞｿﾘﾝ"


def test_offsets_shape_and_ascii_fast_path():
    for s in ["", "abc", INTAKE]:
        n = normalize(s)
        assert len(n.offsets) == len(n.text) + 1
        assert n.offsets[-1] == len(s)
        assert list(n.offsets) == sorted(n.offsets)
    assert normalize("abc").text == "abc"


def test_offset_map_round_trips_every_character():
    n = normalize(INTAKE)

    def nf(s):   # NFKC, with ①〜⑳ as 「(1)」〜「(20)」 as normalize() writes them
        return unicodedata.normalize("NFKC", "".join(f"({ord(c) - 0x245f})" if "\u2460" <= c <= "\u2473" else c for c in s))
    for i in range(len(n.text)):
        s, e = n.span(i, i + 1)
        assert nf(n.original[s:e]).startswith(n.text[i]) or n.text[i] in nf(n.original[s:e])
    # whole-span round trip
    assert n.span(0, len(n.text)) == (0, len(INTAKE))


def test_span_of_an_expansion_covers_the_whole_original_character():
    n = normalize("㍻28年①")
    assert n.text == "平成28年(1)"
    assert n.span(0, 2) == (0, 1)       # 平成 ← ㍻
    assert n.span(1, 2) == (0, 1)       # half of the expansion still maps to ㍻
    assert n.span(2, 5) == (1, 4)       # 28年
    assert n.span(5, 8) == (4, 5)       # (1) ← ①
    assert n.span(3, 3) == (2, 2)       # empty span


def test_a_circled_item_number_stays_apart_from_the_year_after_it():
    from legalcheck.text.dates import find_dates

    n = normalize("①2024年4月以降")
    assert n.text == "(1)2024年4月以降"
    assert [(d.text, d.earliest.year) for d in find_dates("①2024年4月以降")] == [("2024年4月", 2024)]


def test_span_maps_a_regex_hit_back_to_the_original():
    import re

    n = normalize(INTAKE)
    m = re.search(r"計四十通\(約1,200字\)", n.text)
    s, e = n.span(*m.span())
    assert INTAKE[s:e] == "計四十通（約１，２００字）"


def test_to_normalized_inverts_offsets():
    n = normalize("㍻28年")
    assert n.to_normalized(0) == 0
    assert n.to_normalized(1) == 2
    assert n.to_normalized(len(n.original)) == len(n.text)


def test_mask_for_tokenizer_keeps_length_and_masks_only_masking_marks():
    s = "〇〇さんが〇〇県公安委員会と〇〇警察署に二〇二四年、一〇〇回、〇〇年〇月〇日"
    out = mask_for_tokenizer(s)
    assert len(out) == len(s)
    assert out == "○○さんが○○県公安委員会と○○警察署に二〇二四年、一〇〇回、○○年○月○日"


def test_mask_for_tokenizer_leaves_numbers_and_other_text_alone():
    for s in ["二〇二四年", "令和６年５月", "ＸＸ県、××さん", "", "abc"]:
        assert mask_for_tokenizer(s) == s


@pytest.mark.parametrize("s,value", [
    ("二十三", 23), ("五十", 50), ("三百", 300), ("四千三百", 4300), ("百二十", 120),
    ("十", 10), ("千", 1000), ("一万", 10000), ("二〇二四", 2024), ("〇", 0),
    ("4,300", 4300), ("４，３００", 4300), ("４３００", 4300), ("1万2千", 12000),
    ("十数", 11), ("二十数", 21), ("数十", 20), ("数百", 200), ("数", 2), ("何十", 20),
])
def test_kanji_number(s, value):
    assert kanji_number(s) == value


@pytest.mark.parametrize("s", ["", "約", "回", "十日", "abc", "1,2"])
def test_kanji_number_rejects(s):
    assert kanji_number(s) is None


# nfkc: unicodedata's NFKC, faster on sentences (per-character NFKC of the unstable characters, then NFC)

def test_nfkc_stable_blocks_are_stable_character_by_character():
    from legalcheck.text import normalize as N

    ranges = re.findall(r"(.)-(.)|(.)", N._STABLE)
    assert ranges
    for a, b, single in ranges:
        lo, hi = (ord(a), ord(b)) if a else (ord(single), ord(single))
        for code in range(lo, hi + 1):
            assert unicodedata.normalize("NFKC", chr(code)) == chr(code), hex(code)


@pytest.mark.parametrize("text", [
    INTAKE, "ｶﾞｿﾘﾝ　ﾊﾟﾊﾟ㍻①～ＡＢＣ　ｶ\u3099か\u3099ﾞ　ｶﾞ" * 3, "㈱〇〇　ＬＩＮＥで計四十通（約１，２００字）。",
    "ﬁ ﬀ Å Å ä ḕ ǖ ő̈ ㌔ ㍍ ½ ² ℡ ℃ Ⅻ ⅻ 가각 \u1100\u1161\u11a8 ＜≠＞ ︰ ﹏ ·", "a\u0301\u0323 a\u0323\u0301 \u0344\u0f73\u0958",
])
def test_nfkc_equals_unicodedata(text):
    from legalcheck.text.normalize import nfkc

    for k in range(len(text)):
        for n in (1, 5, 15, 16, 17, 40, 200):
            s = text[k:k + n]
            assert nfkc(s) == unicodedata.normalize("NFKC", s), repr(s)


@given(st.text(min_size=16, max_size=80))
@settings(max_examples=300, deadline=None)
def test_nfkc_equals_unicodedata_on_any_text(text):
    from legalcheck.text.normalize import nfkc

    assert nfkc(text) == unicodedata.normalize("NFKC", text)
