"""Cleaning before reading: what a copied web page, an OCR pass or a hostile sender puts into a
narrative that a reader of the page does not see, with a map back to the caller's offsets.

The reader (tokenizer and rules) runs on :attr:`Cleaned.text`; every span it finds is turned back
into a span of the text exactly as sent with :meth:`Cleaned.span`.  What changes:

* dropped: format characters (zero-width space/joiners, word joiner, BOM, soft hyphen, bidi
  embeddings, overrides and isolates, tag characters), variation selectors, the combining
  grapheme joiner, and control characters other than tab and line breaks (ESC sequences lose
  their ESC);
* line separators (U+2028/2029, NEL, VT, FF) become a line break;
* half-width katakana and their marks become full-width (「ｶﾞ」 → 「ガ」, 「｢」 → 「「」, 「｡」 → 「。」);
* ASCII round brackets become full-width (「(」 → 「（」), as the rules read them;
* look-alikes: Cyrillic and Greek letters standing inside a Latin word become the Latin letter
  they imitate (「GРS」 with a Cyrillic Р → 「GPS」); dashes and minus signs after katakana
  become the long vowel mark (「ストーカ−」 → 「ストーカー」); wave dashes become 「〜」;
* brackets that do not pair within their line (a stray 「 or （) become a space, so that one
  stray mark does not turn the rest of a line into a quote or a parenthetical remark.

Nothing else changes: full-width digits and letters, 〇 and the like stay as they are (the
reader's own NFKC folding handles them).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from legalcheck.text.normalize import Normalized, normalize

__all__ = ["Cleaned", "clean"]


@dataclass(frozen=True)
class Cleaned:
    """``text[i]`` comes from ``original[starts[i]:ends[i]]``."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @property
    def changed(self) -> bool:
        return self.text != self.original

    @cached_property
    def normalized(self) -> Normalized:
        """``normalize(self.text)``, computed once for the input checks and the reader."""
        return normalize(self.text)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` covering ``text[start:end]``."""
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        s = self.starts[start] if start < n else len(self.original)
        if end == start:
            return s, s
        return s, self.ends[end - 1]


_DROP_EXTRA = {0x034F, 0x180B, 0x180C, 0x180D, 0x180E, 0x180F, 0x115F, 0x1160, 0x3164, 0xFFA0}
_LINE_BREAKS = {"\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"}
_KEEP_CONTROLS = {"\t", "\n", "\r"}
_WAVES = {"\uff5e", "\u223c", "\u301c", "\u2053", "\u02dc"}   # ～ ∼ 〜 ⁓ ˜ → 〜
_DASHES = {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\uff0d", "-", "\u30fc", "\uff70",
           "\u2500", "\u2501"}
_BRACKETS = {"(": "（", ")": "）"}
# Cyrillic and Greek capitals and smalls that look like Latin letters
_HOMOGLYPHS = dict(zip(
    "АВЕКМНОРСТХУІЈЅаеорсхуіјѕԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοντ",
    "ABEKMHOPCTXYIJSaeopcxyijsdqwABEZHIKMNOPTYXovt"))
_PAIRS = {"「": "」", "『": "』", "（": "）", "［": "］", "【": "】"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}


def _dropped(ch: str) -> bool:
    o = ord(ch)
    if o in _DROP_EXTRA or 0xFE00 <= o <= 0xFE0F or 0xE0100 <= o <= 0xE01EF:
        return True
    cat = unicodedata.category(ch)
    if cat == "Cf":
        return True
    return cat == "Cc" and ch not in _KEEP_CONTROLS and ch not in _LINE_BREAKS


def _is_katakana(ch: str) -> bool:
    return "\u30a1" <= ch <= "\u30fa" or ch == "\u30fc"


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha() or "\uff21" <= ch <= "\uff3a" or "\uff41" <= ch <= "\uff5a"


def clean(text: str) -> Cleaned:
    """See the module docstring; O(len(text))."""
    if text.isascii() and not any(c in text for c in "()") and all(c >= " " or c in "\t\n\r" for c in text):
        n = len(text)
        return Cleaned(text, text, tuple(range(n)), tuple(range(1, n + 1)))
    marks = text.translate(_CHANGE_MARKS)   # "1" where the loop below may drop or fold the character
    if "1" not in marks:
        # no character the loop below would drop or fold (most narratives): only stray brackets
        n = len(text)
        return Cleaned(text, _blank_stray_brackets_in(text), tuple(range(n)), tuple(range(1, n + 1)))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0   # the characters before a marked one stay as they are: copied as one run
    for m in _MARK.finditer(marks):
        i = m.start()
        if i > pos:
            out.extend(text[pos:i])
            starts.extend(range(pos, i))
            ends.extend(range(pos + 1, i + 1))
        pos = i + 1
        ch = text[i]
        if _dropped(ch):
            if ends:
                ends[-1] = i + 1   # a dropped character belongs to the span of the one before it
            continue
        if ch in _LINE_BREAKS:
            ch = "\n"
        elif "\uff61" <= ch <= "\uff9f":
            n = unicodedata.normalize("NFKC", ch)
            if n in ("\u3099", "\u309a"):
                if out:
                    composed = unicodedata.normalize("NFC", out[-1] + n)
                    if len(composed) == 1:
                        out[-1] = composed   # ｶﾞ → ガ: one character covering both
                        ends[-1] = i + 1
                        continue
                n = "\u309b" if n == "\u3099" else "\u309c"   # a lone ﾞ / ﾟ: the spacing mark
            ch = n
        elif ch in _BRACKETS:
            ch = _BRACKETS[ch]
        elif ch in _WAVES:
            ch = "〜"
        elif ch in _DASHES and out and _is_katakana(out[-1]):
            ch = "ー"
        elif ch in _HOMOGLYPHS and ((out and _is_latin(out[-1])) or (i + 1 < len(text) and _is_latin(text[i + 1]))):
            ch = _HOMOGLYPHS[ch]
        out.append(ch)
        starts.append(i)
        ends.append(i + 1)
    if pos < len(text):
        out.extend(text[pos:])
        starts.extend(range(pos, len(text)))
        ends.extend(range(pos + 1, len(text) + 1))
    return Cleaned(text, _blank_stray_brackets_in("".join(out)), tuple(starts), tuple(ends))


def _changes(ch: str) -> bool:
    """Would the loop of clean() drop or replace this character (in some context)? ー never changes."""
    return (_dropped(ch) or ch in _LINE_BREAKS or "\uff61" <= ch <= "\uff9f" or ch in _BRACKETS or ch in _WAVES
            or (ch in _DASHES and ch != "ー") or ch in _HOMOGLYPHS)


class _ChangesTable(dict):
    """_changes() per character, computed once per character a process meets (at most a few
    thousand: the table is of characters, not of texts)."""

    def __missing__(self, ch: str) -> bool:
        out = _changes(ch)
        if len(self) < 50000:
            self[ch] = out
        return out


_CHANGES = _ChangesTable()


class _MarksTable(dict):
    """code point → "1" if clean() may change that character, else "0" (for str.translate)."""

    def __missing__(self, code: int) -> str:
        out = "1" if _CHANGES[chr(code)] else "0"
        if len(self) < 50000:
            self[code] = out
        return out


_CHANGE_MARKS = _MarksTable()
_MARK = re.compile("1")
_BRACKET_OR_LINE = re.compile("[" + "".join(_PAIRS) + "".join(_CLOSERS) + "\n]")


def _blank_stray_brackets_in(text: str) -> str:
    """Brackets without a partner in their line become a full-width space (same length)."""
    stacks: dict[str, list[int]] = {k: [] for k in _PAIRS}
    stray: list[int] = []

    def end_line():
        for st in stacks.values():
            stray.extend(st)
            st.clear()

    for m in _BRACKET_OR_LINE.finditer(text):   # only the brackets and line ends, not every character
        i, ch = m.start(), m.group()
        if ch in _PAIRS:
            stacks[ch].append(i)
        elif ch in _CLOSERS:
            st = stacks[_CLOSERS[ch]]
            if st:
                st.pop()
            else:
                stray.append(i)
        elif ch == "\n":
            end_line()
    end_line()
    if not stray:
        return text
    chars = list(text)
    for i in stray:
        chars[i] = "\u3000"
    return "".join(chars)
