"""Instructions per analysis, counted by valgrind (repeatable on a shared machine, unlike time):
runs the analysis of N of the load benchmark's 1,000-character cuts (with model_dump_json) under
`valgrind --tool=callgrind`, and once with none, and prints (difference) / N.

    .venv/bin/python bench/instructions.py [N]     # N = 40 by default; about 4 minutes (Debian: valgrind)
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import sys
sys.path.insert(0, sys.argv[1] + "/bench"); sys.path.insert(0, sys.argv[1])
from datetime import date
from load import narratives
from legalcheck import analyze
day = date(2026, 11, 24)
analyze("準備", today=day)
for t in narratives(200)[:int(sys.argv[2])]:
    analyze(t, today=day).model_dump_json()
"""


def count(n: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out",
                              sys.executable, "-c", CHILD, str(ROOT), str(n)],
                             capture_output=True, text=True, check=True)
    return int(re.search(r"Collected : (\d+)", out.stderr).group(1))


def main() -> None:
    if not shutil.which("valgrind"):
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    base, full = count(0), count(n)
    print(f"start-up (import, pipeline, law data, one short analysis): {base / 1e9:.2f} G instructions")
    print(f"per analysis of a 1,000-character cut, with its JSON: {(full - base) / n / 1e6:.1f} M instructions")


if __name__ == "__main__":
    main()
