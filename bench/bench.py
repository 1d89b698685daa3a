"""Benchmark: median and p95 analysis time for 250-, 1,000- and 5,000-character narratives, each beside
the time spacy.blank("ja") alone takes on the same text in the same run. Run: .venv/bin/python bench/bench.py"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from legalcheck import analyze  # noqa: E402
from legalcheck.nlp.pipeline import nlp  # noqa: E402
from legalcheck.nlp.reader import read_facts  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT.parent / "shared" / "eval" / "dev.yaml"


def corpus() -> str:
    parts = []
    if CASES.exists():
        parts = [c["narrative"] for c in yaml.safe_load(CASES.read_text(encoding="utf-8"))]
    parts.append((ROOT / "examples" / "sample.txt").read_text(encoding="utf-8"))
    return "".join(parts)


def cut(text: str, n: int) -> str:
    """n characters ending at a sentence boundary where possible."""
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
    return out


def main() -> None:
    text = corpus()
    tok = nlp()
    analyze("準備")  # build the pipeline and load the law data once
    print(f"{'chars':>6} {'analyze median':>15} {'p95':>8} {'reading median':>15} {'blank(ja) median':>17} {'ratio':>6}")
    for n in (250, 1000, 5000):
        sample = cut(text, n)
        rounds = 200 if n < 5000 else 60
        timeit(analyze, sample, 5)
        a = sorted(timeit(analyze, sample, rounds))
        b = sorted(timeit(tok, sample, rounds))
        r = sorted(timeit(read_facts, sample, rounds))
        med_a, p95_a, med_b = statistics.median(a), a[int(len(a) * 0.95) - 1], statistics.median(b)
        print(f"{len(sample):>6} {med_a:>12.2f} ms {p95_a:>5.2f} ms {statistics.median(r):>12.2f} ms "
              f"{med_b:>14.2f} ms {med_a / med_b:>5.1f}x")


if __name__ == "__main__":
    main()
