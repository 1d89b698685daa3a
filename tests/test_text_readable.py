"""legalcheck.text.readable: the kinds of letters are counted per character exactly as a loop over the
characters with unicodedata counts them (the translate table only caches each character's kind)."""
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from legalcheck.text import readable


def _by_loop(text: str) -> str | None:
    letters = hiragana = katakana = kanji = 0
    for ch in text:
        if not unicodedata.category(ch).startswith("L"):
            continue
        letters += 1
        if "\u3041" <= ch <= "\u309f":
            hiragana += 1
        elif "\u30a0" <= ch <= "\u30ff" or "\u31f0" <= ch <= "\u31ff" or "\uff66" <= ch <= "\uff9d":
            katakana += 1
        elif "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch in "々〆":
            kanji += 1
    if letters == 0:
        return readable.NO_NARRATIVE
    if hiragana + katakana + kanji < 0.5 * letters:
        return readable.NOT_JAPANESE
    if hiragana < 2:
        return readable.NOT_JAPANESE if kanji >= 20 else readable.NO_NARRATIVE
    return None


def test_examples():
    assert readable.unreadable("相手方Ｂが自宅前で待ち伏せをしていた。") is None
    assert readable.unreadable("He waited outside her house every night.") == readable.NOT_JAPANESE
    assert readable.unreadable("被疑者宅前路上") == readable.NO_NARRATIVE
    assert readable.unreadable("１２３　４５６") == readable.NO_NARRATIVE
    assert readable.unreadable("他每天晚上都在她家门口等她。" * 3) == readable.NOT_JAPANESE


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("あいアイｱ漢字々〆ㇰabcΩ１2。、 \n㐀") + ["\U00020000"]), max_size=60) | st.text(max_size=60))
def test_same_answer_as_a_loop_over_the_characters(text):
    assert readable.unreadable(text) == _by_loop(text)
