"""The lean Japanese tokenizer (its Doc, and its rows without a Doc) gives spaCy's Doc attribute for attribute (the reading aside, which it
leaves out on purpose), on the labelled intake narratives and on texts full of spaces, line breaks
and empty Sudachi tokens; and the pipeline uses it in split mode C."""
from pathlib import Path

import pytest
import spacy
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from legalcheck.nlp import pipeline
from legalcheck.nlp.ja_tokenizer import LeanJapaneseTokenizer

CASES = Path(__file__).resolve().parent.parent / "cases"
EDGES = ["", " ", "\n", "　", " \n　 ", "  a  b ", "Ａ は 甲\n\n　乙…… ", "…", "……。", "テスト  ",
         "  テスト", "東京 駅 で", "a\u3000\u3000b", "\t\tx", "x \n y", "１２３ ４５",
         "令和６年１０月２日（水）午後３時１０分、〇〇駅改札前でＢが「戻ってきてほしい」と言った。"]


@pytest.fixture(scope="module")
def pair():
    nlp = spacy.blank("ja", config={"nlp": {"tokenizer": {"split_mode": "C"}}})
    ref = nlp.tokenizer
    ref.need_subtokens = False
    return ref, LeanJapaneseTokenizer(nlp.vocab, "C")


def _narratives():
    out = []
    for f in sorted(CASES.glob("*.yaml")):
        out += [c["narrative"] for c in yaml.safe_load(f.read_text(encoding="utf-8")) if "narrative" in c]
    return out


def _row(t, strip_reading):
    morph = "|".join(x for x in str(t.morph).split("|") if not (strip_reading and x.startswith("Reading=")))
    return (t.text, t.whitespace_, t.idx, t.is_space, t.tag, t.tag_, t.pos, t.lemma, t.lemma_, t.norm,
            t.norm_, morph, t.morph.get("Inflection"))


@pytest.mark.parametrize("which", ["narratives", "edges"])
def test_same_doc_as_spacys_tokenizer_without_readings(pair, which):
    ref, lean = pair
    texts = _narratives() if which == "narratives" else EDGES
    assert texts
    for text in texts:
        a, b = ref(text), lean(text)
        assert b.text == a.text
        assert [_row(t, False) for t in b] == [_row(t, True) for t in a], text[:40]
        assert not any("Reading" in str(t.morph) for t in b)


@pytest.mark.parametrize("which", ["narratives", "edges"])
def test_rows_hold_what_spacys_doc_holds(pair, which):
    """``rows`` (what pipeline.tokenize reads, without a Doc) against spaCy's own tokenizer's Doc."""
    from spacy.tokens import MorphAnalysis

    ref, lean = pair
    texts = _narratives() if which == "narratives" else EDGES
    for text in texts:
        want = [(t.text, t.norm_, t.pos, t.tag_, t.idx, t.is_space, t.morph.get("Inflection")) for t in ref(text)]
        got = [(w, n, p, tag, i, sp, MorphAnalysis.from_id(lean.vocab, m).get("Inflection"))
               for w, n, p, tag, i, sp, m in lean.rows(text)]
        assert got == want, text[:40]


def test_the_pipeline_uses_it_in_split_mode_c():
    tok = pipeline.nlp().tokenizer
    assert isinstance(tok, LeanJapaneseTokenizer)
    assert tok.split_mode == "C"
    assert [t.text for t in pipeline.tokenize("押しかけてきた")][0] == "押しかけ"
    # split mode C keeps a compound whole (mode A would split it)
    assert "入国管理局" in [t.text for t in pipeline.tokenize("入国管理局に行った")]


@pytest.mark.parametrize("which", ["narratives", "edges"])
def test_rows_in_one_loop_equal_the_two_pass_rows(pair, which):
    _ref, lean = pair
    for text in _narratives() if which == "narratives" else EDGES:
        assert lean.rows(text) == lean._rows_two_pass(text), text[:40]


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("あい東京駅でＡ甲１2a 　\n\t\r。「」…\u200b")), max_size=40))
def test_rows_in_one_loop_equal_the_two_pass_rows_on_any_spacing(text):
    lean = pipeline.nlp().tokenizer
    try:
        want = lean._rows_two_pass(text)
    except ValueError:
        with pytest.raises(ValueError):
            lean.rows(text)
        return
    assert lean.rows(text) == want


@pytest.mark.parametrize("which", ["narratives", "edges"])
def test_tokens_in_one_loop_equal_the_tokens_of_the_rows(which):
    """``pipeline.tokenize`` (POS and token per word in one loop) against its rule, a token per row."""
    for text in _narratives() if which == "narratives" else EDGES:
        assert pipeline.tokenize(text) == pipeline.tokenize_by_rows(text), text[:40]


def test_tokens_in_one_loop_equal_the_tokens_of_the_rows_across_chunks():
    text = "".join(_narratives())[:40_000]   # several chunks: offsets and indices carried over
    assert len(pipeline.chunks(text)) > 1
    assert pipeline.tokenize(text) == pipeline.tokenize_by_rows(text)


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("あい東京駅でＡ甲１2a 　\n\t\r。「」…\u200b")), max_size=40))
def test_tokens_in_one_loop_equal_the_tokens_of_the_rows_on_any_spacing(text):
    try:
        want = pipeline.tokenize_by_rows(text)
    except ValueError:
        with pytest.raises(ValueError):
            pipeline.tokenize(text)
        return
    assert pipeline.tokenize(text) == want
