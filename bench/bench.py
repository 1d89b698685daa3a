"""Benchmark: analysis time by length of narrative (250 to 50,000 characters, beside what our
tokenizer (spaCy with Sudachi, split mode C) and spacy.blank("ja") as it comes take on the same
text: issue 18 asks for at most 3x the latter), crafted text, and analyze() from 8 threads with
the two ways of sharing Sudachi measured (one tokenizer behind a lock, which the package uses, and
one tokenizer per thread).  Run: .venv/bin/python bench/bench.py [--quick]

Cost must grow linearly with length: the `ms/1k chars` column should stay flat down the table,
for ordinary and for crafted text alike."""
from __future__ import annotations

import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from legalcheck import analyze  # noqa: E402
from legalcheck.nlp import pipeline  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT.parent / "shared" / "eval" / "dev.yaml"
TODAY = date(2026, 11, 24)


def corpus() -> str:
    parts = []
    if CASES.exists():
        parts = [c["narrative"] for c in yaml.safe_load(CASES.read_text(encoding="utf-8"))]
    for name in ("own.yaml", "fresh.yaml", "third.yaml"):
        parts += [c["narrative"] for c in yaml.safe_load((ROOT / "tests" / "cases" / name).read_text(encoding="utf-8"))]
    parts.append((ROOT / "examples" / "sample.txt").read_text(encoding="utf-8"))
    return "\n".join(parts)


def cut(text: str, n: int) -> str:
    """n characters ending at a sentence boundary where possible."""
    assert text
    while len(text) < n:
        text += text
    piece = text[:n]
    k = piece.rfind("。")
    return piece[: k + 1] if k > n * 0.8 else piece


def timeit(fn, arg, rounds: int) -> list[float]:
    out = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn(arg)
        out.append((time.perf_counter() - t0) * 1000)
    return sorted(out)


def run(text: str):
    return analyze(text, today=TODAY)


def tokenize_only(text: str):
    return pipeline.tokenize(text)


_BLANK = []


def blank_only(text: str):
    """spacy.blank("ja") as it comes (split mode A), the yardstick of issue 18; in the same
    sentence-aligned chunks as the package (Sudachi refuses more than 49,149 bytes at once)."""
    if not _BLANK:
        import spacy

        _BLANK.append(spacy.blank("ja"))
    for lo, hi in pipeline.chunks(text):
        _BLANK[0](text[lo:hi])


def row(name: str, sample: str, rounds: int) -> None:
    for f in (run, tokenize_only, blank_only):
        timeit(f, sample, 1)
    a, b, c = [], [], []
    for _ in range(rounds):   # interleaved, so a neighbour's burst hits all three alike
        a += timeit(run, sample, 1)
        b += timeit(tokenize_only, sample, 1)
        c += timeit(blank_only, sample, 1)
    a.sort()
    med_a, p95_a = statistics.median(a), a[max(0, int(len(a) * 0.95) - 1)]
    med_b, med_c = statistics.median(b), statistics.median(c)
    print(f"{name:>22} {len(sample):>7} {med_a:>11.1f} ms {p95_a:>9.1f} ms {med_a / len(sample) * 1000:>9.1f} "
          f"{med_b:>11.1f} ms {med_a / med_b:>6.1f}x {med_c:>11.1f} ms {med_a / med_c:>6.1f}x", flush=True)


def threads(texts: list[str], per_thread: bool) -> float:
    """Seconds for analyze() over texts from 8 threads; per_thread swaps in one tokenizer per thread."""
    saved = pipeline.rows
    if per_thread:
        local = threading.local()

        def rows(text):
            if not hasattr(local, "tok"):
                from legalcheck.nlp.ja_tokenizer import LeanJapaneseTokenizer

                # its own Sudachi tokenizer (and dictionary), on the pipeline's vocabulary
                local.tok = LeanJapaneseTokenizer(pipeline.nlp().vocab, "C")
            return local.tok.rows(text)

        pipeline.rows = rows
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(run, texts[:8]))   # warm up: every thread builds what it needs
            t0 = time.perf_counter()
            list(pool.map(run, texts))
            return time.perf_counter() - t0
    finally:
        pipeline.rows = saved


def main() -> None:
    quick = "--quick" in sys.argv
    text = corpus()
    run("準備")  # build the pipeline and load the law data once
    print(f"{'text':>22} {'chars':>7} {'analyze median':>14} {'p95':>12} {'ms/1k chars':>11} {'tokenize median':>14} "
          f"{'ratio':>6} {'spacy.blank':>14} {'ratio':>6}")
    for n, rounds in ((250, 100), (1000, 60), (5000, 20), (16000, 5), (50000, 3)):
        row("narratives", cut(text, n), max(2, rounds // (5 if quick else 1)))
    for unit, n in (("送信", 16000), ("送信", 50000), ("甲はＡ子の自宅前で待ち伏せした。", 16000),
                    ("「会いたい」と送信した。", 16000), ("令和6年5月1日、", 16000), ("「", 16000)):
        row(f"crafted {unit[:8]}", (unit * (n // len(unit) + 1))[:n], 2 if quick else 3)
    texts = [cut(text[(i * 613) % (len(text) - 2000):], 1000) for i in range(64)]
    seq, lock, own = [], [], []
    for _ in range(3):   # alternated, medians: the differences are within the noise of a shared machine
        t0 = time.perf_counter()
        for t in texts:
            run(t)
        seq.append(time.perf_counter() - t0)
        lock.append(threads(texts, per_thread=False))
        own.append(threads(texts, per_thread=True))
    med = statistics.median
    print(f"\n64 narratives of 1,000 characters (median of 3): sequential {med(seq):.2f} s; 8 threads, one "
          f"tokenizer behind a lock {med(lock):.2f} s; 8 threads, a tokenizer per thread {med(own):.2f} s "
          "(+~70 MB of dictionary per thread)")


if __name__ == "__main__":
    main()
