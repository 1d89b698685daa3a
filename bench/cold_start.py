"""Cold start (issue 18: at most 1.5 s): a fresh interpreter from importing legalcheck to the end of
its first analysis (spaCy and the Sudachi dictionary loaded, the law data and lexicons read, the
rules compiled). Run: .venv/bin/python bench/cold_start.py [runs]   (each run is a new process)"""
from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import sys, time
t0, c0 = time.perf_counter(), time.process_time()
sys.path.insert(0, sys.argv[1])
from legalcheck import analyze
analyze("令和6年4月1日、元交際相手の甲がＡ子の自宅前で待ち伏せした。")
print(time.perf_counter() - t0, time.process_time() - c0)
"""


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    wall, cpu = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT)], capture_output=True, text=True, check=True)
        w, c = map(float, out.stdout.split())
        wall.append(w)
        cpu.append(c)
    print(f"cold start over {runs} fresh processes: median {statistics.median(wall):.2f} s "
          f"(min {min(wall):.2f}, max {max(wall):.2f}), CPU median {statistics.median(cpu):.2f} s")


if __name__ == "__main__":
    main()
