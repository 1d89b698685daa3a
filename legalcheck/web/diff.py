"""Words changed between two versions of a provision, for a side-by-side view.

The texts are cut into words with the project's Sudachi pipeline (Japanese has no spaces), then
compared with difflib; each side is a list of (kind, text) with kind in same / del / ins.
"""
from __future__ import annotations

from difflib import SequenceMatcher

from legalcheck.nlp.pipeline import tokenize
from legalcheck.web.locks import NLP_LOCK


def _words(text: str) -> list[str]:
    with NLP_LOCK:
        toks = tokenize(text)
    out, last = [], 0
    for t in toks:   # keep what the tokenizer skipped (spaces) attached, so the sides rebuild the text
        out.append(text[last:t.end])
        last = t.end
    if last < len(text):
        out.append(text[last:])
    return out


def side_by_side(old: str | None, new: str | None) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    a, b = _words(old or ""), _words(new or "")
    left, right = [], []
    for op, i1, i2, j1, j2 in SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            left.append(("same", "".join(a[i1:i2])))
            right.append(("same", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            left.append(("del", "".join(a[i1:i2])))
        if j2 > j1:
            right.append(("ins", "".join(b[j1:j2])))
    return left, right
