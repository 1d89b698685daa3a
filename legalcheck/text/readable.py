"""Can the text be read as a Japanese narrative at all?  English or Chinese text, a heading alone or a
list of numbers must not come back as 「成立しない」: the analysis says it cannot read them."""
from __future__ import annotations

import unicodedata

NOT_JAPANESE = "not_japanese"
NO_NARRATIVE = "no_narrative"

MESSAGES = {
    NOT_JAPANESE: "記述が日本語の文章として読み取れないため、分析できない（日本語の事案の記述を入力すること）。",
    NO_NARRATIVE: "記述に事案の経過（誰が何をしたか）を述べる文が見当たらないため、分析できない。",
}


def _kind(ch: str) -> str:
    """One letter for the kind of a character: h hiragana, k katakana, j kanji, l another letter,
    - not a letter."""
    if not unicodedata.category(ch).startswith("L"):
        return "-"
    if "\u3041" <= ch <= "\u309f":
        return "h"
    if "\u30a0" <= ch <= "\u30ff" or "\u31f0" <= ch <= "\u31ff" or "\uff66" <= ch <= "\uff9d":
        return "k"
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch in "々〆":
        return "j"
    return "l"


class _Kinds(dict):
    """code point → its kind letter, for str.translate (each character's kind worked out once)."""

    def __missing__(self, code: int) -> str:
        out = _kind(chr(code))
        if len(self) < 50000:
            self[code] = out
        return out


_KINDS = _Kinds()


def unreadable(text: str) -> str | None:
    """NOT_JAPANESE, NO_NARRATIVE, or None when the text reads as Japanese sentences.

    Japanese prose is mostly kana and kanji, and every sentence has hiragana (particles,
    inflections); Chinese has kanji but no kana, English neither."""
    kinds = text.translate(_KINDS)   # one letter per character: counted in C, not looped over
    hiragana, katakana, kanji = kinds.count("h"), kinds.count("k"), kinds.count("j")
    letters = hiragana + katakana + kanji + kinds.count("l")
    if letters == 0:
        return NO_NARRATIVE
    if hiragana + katakana + kanji < 0.5 * letters:
        return NOT_JAPANESE
    if hiragana < 2:
        return NOT_JAPANESE if kanji >= 20 else NO_NARRATIVE
    return None
