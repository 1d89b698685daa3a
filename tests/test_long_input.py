"""Long reports (over Sudachi's 49,149-byte limit) are read in sentence-aligned chunks with the
offsets kept: nothing is lost or moved at the joins."""
from collections import Counter
from datetime import date
from pathlib import Path

from legalcheck import analyze
from legalcheck.nlp.pipeline import CHUNK_BYTES, chunks, tokenize
from legalcheck.nlp.reader import read_facts

SAMPLE = (Path(__file__).resolve().parent.parent / "examples" / "sample.txt").read_text(encoding="utf-8")


def test_chunks_end_at_sentence_ends_and_cover_the_text():
    text = SAMPLE * 60
    parts = chunks(text)
    assert len(parts) > 1 and parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:]))
    assert all(len(text[s:e].encode()) <= CHUNK_BYTES for s, e in parts)
    assert all(text[e - 1] in "。\n" for s, e in parts[:-1])
    assert chunks("送信" * 20_000)   # no sentence end at all: cut anyway, under the limit
    assert all(len(("送信" * 20_000)[s:e].encode()) <= CHUNK_BYTES for s, e in chunks("送信" * 20_000))


def test_tokens_of_a_long_text_keep_the_callers_offsets():
    text = SAMPLE * 60
    toks = tokenize(text)
    assert all(text[t.start:t.end] == t.text.replace("○", "〇") or text[t.start:t.end] == t.text for t in toks)
    assert [t.i for t in toks] == list(range(len(toks)))


def test_a_report_of_forty_thousand_characters_reads_every_repetition_alike():
    k = 40_000 // len(SAMPLE)
    text = SAMPLE * k
    assert len(text.encode()) > 49_149 * 2
    one = read_facts(SAMPLE).acts
    many = read_facts(text).acts
    key = lambda a, n: (a.kind, a.category, a.evidence.start % n, a.evidence.text, a.count)  # noqa: E731
    assert Counter(key(a, len(SAMPLE)) for a in many) == Counter({key(a, len(SAMPLE)): k for a in one})
    a = analyze(text, today=date(2026, 11, 24)).to_dict()
    assert a["offenses"]["art18"]["status"] == "satisfied"
    assert all(text[e["start"]:e["end"]] == e["text"] for x in a["acts"] for e in x["evidence"])
