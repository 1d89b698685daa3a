"""analyze() from many threads at once gives what it gives one call at a time (one Sudachi
tokenizer is shared behind a lock: without it 25–28 of 32 calls failed with 'Already borrowed')."""
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import yaml

from legalcheck import analyze

CASES = Path(__file__).resolve().parent / "cases"


def _run(text):
    return analyze(text, today=date(2026, 11, 24)).to_dict()


def test_eight_threads_on_different_narratives_match_sequential_runs():
    texts = [c["narrative"] for name in ("own.yaml", "fresh.yaml", "third.yaml")
             for c in yaml.safe_load((CASES / name).read_text(encoding="utf-8"))][:32]
    texts.append("他每天晚上跟踪我回家。")            # unreadable text takes the same path
    texts.append("送信" * 9_000)                      # long enough to be tokenised in chunks
    sequential = [_run(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(_run, texts * 2))
    assert threaded == sequential * 2
