"""CPU milliseconds per analysis in-process: 3 rounds of analyze(t).model_dump_json() over the 200
1,000-character cuts that bench/load.py sends, after 30 warm-up analyses (time.process_time).

    .venv/bin/python bench/cpu_per_analysis.py [ROOT]   # ROOT: another tree to measure (its venv's python)
"""
from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent).resolve()
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from legalcheck import analyze  # noqa: E402
from load import narratives  # noqa: E402


def main() -> None:
    day = date(2026, 11, 24)
    texts = narratives(200)
    for t in texts[:30]:
        analyze(t, today=day).model_dump_json()
    rounds = []
    for _ in range(3):
        t0 = time.process_time()
        for t in texts:
            analyze(t, today=day).model_dump_json()
        rounds.append((time.process_time() - t0) / len(texts) * 1000)
    print(f"{ROOT}: CPU ms per analysis, 3 rounds of {len(texts)} cuts: "
          + ", ".join(f"{x:.1f}" for x in rounds) + f"; median {statistics.median(rounds):.1f}")


if __name__ == "__main__":
    main()
