"""The quick tests the reader puts before a costlier one (a set of words before a call, a mark a line
must hold before a pattern is tried) never turn away what the costlier test would accept: checked on
every token and line of the labelled narratives, so a reading rule changed later without its quick
test fails here, not silently."""
from pathlib import Path

import yaml

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
