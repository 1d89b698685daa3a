"""Bad and odd input never crashes the analysis: shuffled intake text, stray brackets, emoji, mixed scripts."""
import random
from pathlib import Path

import yaml

from legalcheck import analyze

CASES = Path(__file__).resolve().parent / "cases" / "own.yaml"


def test_scrambled_narratives_give_valid_analyses():
    texts = [c["narrative"] for c in yaml.safe_load(CASES.read_text(encoding="utf-8"))]
    rng = random.Random(20261124)
    extras = ["「", "」", "（", "）", "〇〇", "😀", "\n", "・", "令和", "年", "月", "日", "ＧＰＳ", "禁止命令", "と聞いている"]
    for _ in range(60):
        pieces = list(rng.choice(texts))
        rng.shuffle(pieces)
        cut = pieces[: rng.randint(1, 300)]
        cut.insert(rng.randint(0, len(cut)), rng.choice(extras))
        text = "".join(cut)
        if not text.strip():
            continue
        a = analyze(text).to_dict()
        assert set(a["offenses"]) == {"art18", "art19", "art20"}
        for act in a["acts"]:
            for ev in act["evidence"]:
                assert text[ev["start"]:ev["end"]] == ev["text"]


def test_long_narrative_is_analysed_linearly_without_error():
    text = "".join(c["narrative"] for c in yaml.safe_load(CASES.read_text(encoding="utf-8")))[:20000]
    a = analyze(text).to_dict()
    assert a["acts"] and all(text[e["start"]:e["end"]] == e["text"] for x in a["acts"] for e in x["evidence"])
