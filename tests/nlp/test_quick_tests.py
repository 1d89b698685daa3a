"""The quick tests the reader puts before a costlier one (a set of words before a call, a mark a line
must hold before a pattern is tried) never turn away what the costlier test would accept: checked on
every token and line of the labelled narratives, so a reading rule changed later without its quick
test fails here, not silently."""
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from legalcheck.nlp import clauses as C
from legalcheck.nlp import messages
from legalcheck.nlp.pipeline import tokenize

CASES = Path(__file__).resolve().parent.parent / "cases"


def _narratives() -> list[str]:
    out = []
    for f in sorted(CASES.glob("*.yaml")):
        out += [c["narrative"] for c in yaml.safe_load(f.read_text(encoding="utf-8")) if "narrative" in c]
    assert len(out) > 100
    return out


def test_a_clause_boundary_is_always_one_of_the_words_tested_first():
    seen = 0
    for text in _narratives():
        toks = tokenize(text)
        for k in range(len(toks)):
            if C.is_boundary(toks, k):
                assert toks[k].text in C._MAYBE_BOUNDARY, (toks[k].text, text[:40])
                seen += 1
    assert seen > 1000


def test_a_period_count_line_always_holds_its_mark():
    matched = 0
    for text in _narratives():
        for line in text.split("\n"):
            if messages._PERIOD_COUNT.match(line):
                assert messages._PERIOD_MARK.search(line), line
                matched += 1
    assert matched > 0


def _sentences_word_by_word(toks):
    """The sentence rule applied word by word (clauses.sentences visits only the words that act)."""
    out, lo, depth, comma = [], 0, 0, -1
    for t in toks:
        if t.text in C.OPEN_Q:
            depth += 1
        elif t.text in C.CLOSE_Q:
            depth = max(0, depth - 1)
        elif t.text == "、":
            comma = t.i
        if t.text == "\n" or (t.text in C.SENT_END and depth == 0):
            if t.i > lo:
                out.append(C.Sentence(len(out), lo, t.i + 1))
            lo = t.i + 1
            depth = 0 if t.text == "\n" else depth
        elif t.i + 1 - lo >= C.MAX_SENTENCE_TOKENS:
            cut = comma + 1 if comma >= lo + C.MAX_SENTENCE_TOKENS // 2 else t.i + 1
            out.append(C.Sentence(len(out), lo, cut))
            lo = cut
    if lo < len(toks):
        out.append(C.Sentence(len(out), lo, len(toks)))
    return out


LONG = ["送信" * 700, "送信、" * 300, "「" + "送信、送信" * 150 + "。" * 3, ("待って" * 90 + "、") * 4 + "。",
        "a" * 40 + "送信" * 600 + "\n" + "「送信" * 300, "、" * 600, "送信" * 255 + "。" + "送信" * 257, ""]


def test_sentences_visiting_only_the_words_that_act_equal_the_word_by_word_rule():
    for text in _narratives() + LONG:
        toks = tokenize(text)
        assert C.sentences(toks) == _sentences_word_by_word(toks), text[:40]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(["送信", "、", "。", "「", "」", "\n", "待つ", "Ａ", "送信送信送信送信"]), max_size=700))
def test_sentences_equal_the_word_by_word_rule_on_long_runs(parts):
    toks = tokenize("".join(parts))
    assert C.sentences(toks) == _sentences_word_by_word(toks)


def _needs_met_as_written(toks, lo: int, i: int, needs) -> bool:
    """needs_met's word tests as they were written before its sets (the "@" checks aside)."""
    if any(toks[k].norm in needs or toks[k].text in needs for k in range(lo, i)):
        return True
    window = "".join(t.fold for t in toks[lo:i])
    return any(len(n) > 1 and n in window and not n.startswith("@") for n in needs)


def test_needs_met_with_its_sets_equals_the_tests_as_written():
    from types import SimpleNamespace

    from legalcheck.nlp.context import needs_met
    from legalcheck.nlp.lexicon import lexicon

    # every trigger's needs, "@victim"/"@app" (read from the context) left out, an "@" word kept in
    needs_lists = [tuple(n for n in t.needs if n not in ("@victim", "@app")) + ("@other",)
                   for t in lexicon().triggers if t.needs]
    assert len(needs_lists) > 5
    met = 0
    for text in _narratives()[:60]:
        toks = tokenize(text)
        ctx = SimpleNamespace(toks=toks)
        for i in range(0, len(toks), 3):
            for needs in needs_lists:
                want = _needs_met_as_written(toks, max(0, i - 12), i, needs)
                assert needs_met(ctx, max(0, i - 12), i, needs) == want, (text[:30], i, needs)
                met += want
    assert met > 100
