"""Normalisation for matching, with a map back to the caller's offsets.

Every finder in ``legalcheck.text`` matches on :attr:`Normalized.text` (NFKC, so full-width
digits, latin letters and punctuation become ASCII and half-width katakana become full-width)
and reports spans in the text exactly as the caller sent it, via :meth:`Normalized.span`.

Also here: :func:`mask_for_tokenizer` (same-length masking for Sudachi) and
:func:`kanji_number` (漢数字 and digit strings → int).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Normalized", "normalize", "nfkc", "mask_for_tokenizer", "kanji_number"]


@dataclass(frozen=True)
class Normalized:
    """``text`` is ``original`` NFKC-normalised character by character.

    ``offsets[i]`` is the index in ``original`` of the character that produced ``text[i]``;
    ``len(offsets) == len(text) + 1`` and the last entry is ``len(original)``.  A character
    that expands (``㍻`` → ``平成``) gives several normalised characters the same offset; a
    half-width katakana followed by a half-width (semi-)voiced mark (``ｶﾞ``) composes into one
    normalised character (``ガ``) that covers both original characters.
    """

    original: str
    text: str
    offsets: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` covering the normalised span ``text[start:end]``."""
        offs = self.offsets
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        s = offs[start]
        if end == start:
            return s, s
        last = offs[end - 1]
        j = end
        # Inside an expansion (several normalised chars from one original char): extend to
        # the end of that original character.
        while j < n and offs[j] == last:
            j += 1
        return s, offs[j]

    def to_normalized(self, index: int) -> int:
        """The first normalised index whose character comes from ``original[index:]``."""
        import bisect

        return bisect.bisect_left(self.offsets, index, 0, len(self.text))


class _NFKCTable(dict):
    """``str.translate`` table: each character → its NFKC form, filled in on first sight."""

    def __missing__(self, code: int) -> str:
        out = unicodedata.normalize("NFKC", chr(code))
        if len(self) < 50000:
            self[code] = out
        return out


_TABLE = _NFKCTable()


class _MatchTable(_NFKCTable):
    """The matching text's table: NFKC, except ①〜⑳, which NFKC makes a bare 1 that glues a list number to
    what follows (「①2024年4月」 → 「12024年4月」); as 「(1)」 the item number stays apart from the text."""

    def __missing__(self, code: int) -> str:
        out = f"({code - 0x245f})" if 0x2460 <= code <= 0x2473 else _TABLE[code]
        if len(self) < 50000:
            self[code] = out
        return out


_MATCH_TABLE = _MatchTable()

# Characters that NFKC leaves as they are, one by one: ASCII and C1, the CJK punctuation, kana and
# ideograph blocks, ‘’“”†‡•, arrows, geometric shapes (tests/test_text_normalize.py checks each).
_STABLE = ("\x00-\x9f\u2018-\u2023\u2190-\u21ff\u25a0-\u25ff\u3001-\u3035\u303b-\u309a\u309d\u309e"
           "\u30a0-\u30fe\u3400-\u4dbf\u4e00-\u9fff")
_UNSTABLE_RUN = re.compile(f"[^{_STABLE}]+")


def _fold_run(m: re.Match) -> str:
    return m.group().translate(_TABLE)


def nfkc(s: str) -> str:
    """``unicodedata.normalize("NFKC", s)``, 3–4× faster on a sentence of Japanese text: CPython's
    NFKC costs about 0.2 µs per character once a string holds one full-width letter or digit.

    NFKC(s) = NFC(NFKD(s)), and NFC depends only on the canonical decomposition, which is the same
    for the concatenation of each character's NFKC as for NFKD(s); so each character outside the
    stable blocks is replaced by its own NFKC (cached in _TABLE) and the whole is then composed by
    NFC, which is nearly free on text already composed (ｶ+ﾞ → カ+゙ → ガ still composes)."""
    if len(s) < 16:   # a word: CPython's own is faster
        return unicodedata.normalize("NFKC", s)
    if unicodedata.is_normalized("NFKC", s):
        return s
    return unicodedata.normalize("NFC", _UNSTABLE_RUN.sub(_fold_run, s))
_COMBINING_VOICE = ("\u3099", "\u309a")  # what ﾞ and ﾟ become under NFKC


def normalize(text: str) -> Normalized:
    """NFKC per character with an offset map (see :class:`Normalized`); ①〜⑳ become 「(1)」〜「(20)」."""
    if text.isascii():
        return Normalized(text, text, tuple(range(len(text) + 1)))
    folded = text.translate(_MATCH_TABLE)
    # NFKC never maps a character to nothing, so equal lengths mean one character each.
    if len(folded) == len(text) and _COMBINING_VOICE[0] not in folded and _COMBINING_VOICE[1] not in folded:
        return Normalized(text, folded, tuple(range(len(text) + 1)))
    parts: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        n = _MATCH_TABLE[ord(ch)]
        if n in _COMBINING_VOICE and parts:
            composed = unicodedata.normalize("NFC", parts[-1] + n)
            if len(composed) == 1:
                parts[-1] = composed  # ｶﾞ → ガ, keeping the offset of ｶ
                continue
        for c in n:
            parts.append(c)
            offsets.append(i)
    offsets.append(len(text))
    return Normalized(text, "".join(parts), tuple(offsets))


# 〇 (U+3007) is both the kanji zero (二〇二四年) and the usual masking mark (〇〇さん, 〇〇県).
# As a mask, Sudachi glues it to the following kanji (〇〇県公安委員会 becomes one token);
# ○ (U+25CB) does not.  A run of 〇 touching a kanji digit is a number and is kept.
_KANJI_DIGITS = "〇一二三四五六七八九十百千万億零"
_MASK_RUN = re.compile(r"〇+")


def mask_for_tokenizer(text: str) -> str:
    """Same length as ``text``: masking 〇 → ○, so token offsets are the caller's offsets.

    A run of 〇 is a mask unless the character just before or just after the run is a
    kanji digit (二〇二四年, 一〇〇回 are numbers).  ××, ＸＸ, △△, ●● already tokenise as
    separate symbols in Sudachi and are left alone.  Nothing else changes.
    """
    if "〇" not in text:
        return text
    out = list(text)
    n = len(text)
    for m in _MASK_RUN.finditer(text):
        s, e = m.span()
        before = text[s - 1] if s > 0 else ""
        after = text[e] if e < n else ""
        if (before and before in _KANJI_DIGITS) or (after and after in _KANJI_DIGITS):
            continue
        for i in range(s, e):
            out[i] = "○"
    return "".join(out)


# ---------------------------------------------------------------------------------------
# Numbers
_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
          "八": 8, "九": 9, "壱": 1, "弐": 2, "参": 3, "两": 2}
_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000, "拾": 10}
_BIG_UNIT = {"万": 10_000, "億": 100_000_000}
_SEVERAL = {"数", "何", "幾"}  # 「数十」「何十」「幾百」
_ARABIC = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def kanji_number(s: str) -> int | None:
    """漢数字, digits (full- or half-width, with or without thousands commas) or a mix → int.

    「二十三」23, 「五十」50, 「三百」300, 「四千三百」4300, 「二〇二四」2024 (positional),
    「1万2千」12000, 「4,300」4300.  A *lower bound* is returned for vague numerals:
    「数」 (alone or multiplying a unit) counts as 2 — 「数十」20, 「数百」200 — and after a unit
    it counts as 1 — 「十数」11, 「二十数」21 (「十数」 is conventionally 11–19).  「何」「幾」
    behave like 「数」.  Anything else (empty, stray characters, 13,00) gives None.
    """
    if not s:
        return None
    s = unicodedata.normalize("NFKC", s).strip()
    if not s:
        return None
    if _ARABIC.fullmatch(s):
        return int(s.replace(",", ""))
    # Positional 漢数字 (二〇二四) — only digits, no units.
    if all(c in _DIGIT for c in s):
        v = 0
        for c in s:
            v = v * 10 + _DIGIT[c]
        return v
    total = 0      # completed 万/億 groups
    group = 0      # current group below 万
    digit: int | None = None  # pending digit (or several-marker value)
    pending_several = False
    i = 0
    n = len(s)
    seen = False
    while i < n:
        c = s[i]
        m = _ARABIC.match(s, i)
        if m:
            if digit is not None:
                return None
            digit = int(m.group().replace(",", ""))
            i = m.end()
            seen = True
            continue
        if c in _DIGIT:
            if digit is not None:
                return None
            digit = _DIGIT[c]
            pending_several = False
        elif c in _SEVERAL:
            if digit is not None:
                return None
            digit = 2  # 数十 → 20 ; a trailing 数 (十数) is handled below
            pending_several = True
        elif c in _SMALL_UNIT:
            group += (1 if digit is None else digit) * _SMALL_UNIT[c]
            digit = None
            pending_several = False
        elif c in _BIG_UNIT:
            if digit is not None:
                group += 1 if pending_several and group else digit
            if group == 0:
                group = 1
            total += group * _BIG_UNIT[c]
            group = 0
            digit = None
            pending_several = False
        else:
            return None
        seen = True
        i += 1
    if not seen:
        return None
    if digit is not None:
        # 「十数」: 数 after a unit means "a few more" — at least 1.
        group += 1 if (pending_several and (group or total)) else digit
    return total + group
